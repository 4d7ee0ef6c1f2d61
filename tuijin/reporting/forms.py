"""Forms of the reporting pages. They check the shape of the input; the services decide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tuijin.orgs.models import Unit

from .choices import CycleKind, DueAnchor, UnitScope
from .models import Entry, IndicatorFigure, WarningRule, max_attachment_bytes
from .warnings import RULE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _plain(value: Decimal | None) -> Decimal | None:
    """2.5000 → 2.5 for the form's initial value (the column keeps four decimals)."""
    if value is None:
        return None
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


class CycleForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=120)
    kind = forms.ChoiceField(label=_("周期"), choices=CycleKind.choices)
    starts_on = forms.DateField(label=_("起始日期"), widget=DATE)
    due_anchor = forms.ChoiceField(
        label=_("时限起算"), choices=DueAnchor.choices, initial=DueAnchor.AFTER_END
    )
    due_workdays = forms.IntegerField(
        label=_("报送时限(工作日)"), min_value=0, max_value=60, initial=5
    )
    remind_workdays = forms.IntegerField(
        label=_("提前提醒(工作日)"), min_value=0, max_value=30, initial=3
    )
    unit_scope = forms.ChoiceField(
        label=_("报送单位范围"), choices=UnitScope.choices, initial=UnitScope.ASSIGNED
    )
    units = forms.ModelMultipleChoiceField(
        label=_("指定单位"), queryset=Unit.objects.all(), required=False
    )
    description = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PeriodOpenForm(forms.Form):
    start = forms.DateField(label=_("开始日期"), widget=DATE)
    end = forms.DateField(label=_("截止日期"), widget=DATE)
    label = forms.CharField(label=_("期次名称"), max_length=60, required=False)


class EntryForm(forms.Form):
    """One entry of a submission: the investment fields only for projects."""

    progress_text = forms.CharField(
        label=_("进展情况"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    percent = forms.IntegerField(label=_("完成进度(%)"), min_value=0, max_value=100)
    investment_period = forms.DecimalField(
        label=_("本期完成投资(亿元)"), required=False, min_value=0, max_digits=16, decimal_places=4
    )
    investment_cumulative = forms.DecimalField(
        label=_("年度累计完成投资(亿元)"),
        required=False,
        min_value=0,
        max_digits=16,
        decimal_places=4,
    )
    blocked = forms.BooleanField(label=_("受阻"), required=False)
    problem = forms.CharField(
        label=_("需协调解决的问题"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, entry: Entry, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"e{entry.pk}")
        kwargs.setdefault(
            "initial",
            {
                "progress_text": entry.progress_text,
                "percent": entry.percent,
                "investment_period": _plain(entry.investment_period),
                "investment_cumulative": _plain(entry.investment_cumulative),
                "blocked": entry.blocked,
                "problem": entry.problem,
            },
        )
        super().__init__(*args, **kwargs)
        self.entry = entry
        if entry.project_id is None:
            del self.fields["investment_period"]
            del self.fields["investment_cumulative"]


class FigureForm(forms.Form):
    value = forms.DecimalField(label=_("数值"), required=False, max_digits=20, decimal_places=4)
    note = forms.CharField(label=_("说明"), max_length=300, required=False)

    def __init__(self, *args: Any, figure: IndicatorFigure, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"f{figure.pk}")
        kwargs.setdefault("initial", {"value": _plain(figure.value), "note": figure.note})
        super().__init__(*args, **kwargs)
        self.figure = figure


class SubmissionForm(forms.Form):
    summary = forms.CharField(
        label=_("总体情况"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # The submission's version when the form was opened (optimistic locking); the template
    # writes it as a hidden input, see submission_edit_view.
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    attachment = forms.FileField(label=_("上传附件"), required=False)

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        limit = max_attachment_bytes()
        if upload is not None and upload.size > limit:
            raise forms.ValidationError(
                _("附件过大：%(size).1f MB，上限 %(limit)d MB"),
                params={"size": upload.size / 1024 / 1024, "limit": limit // (1024 * 1024)},
            )
        return upload


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("退回意见"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class WarningRuleForm(forms.ModelForm):
    class Meta:
        model = WarningRule
        fields = list(RULE_FIELDS)
