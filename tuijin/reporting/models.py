"""Reporting cycles (信息报送) and supervision warnings (红黄绿灯).

A `Cycle` says how often units report and when a period is due (in Chinese working days); a
`Period` is one round of it; a unit's `Submission` for a period holds one `Entry` per task and per
project the unit owes, plus `IndicatorFigure`s and `Attachment`s. `Notice` is an in-app message
(reminders, returns). `WarningRule` holds the office's thresholds; `Warning` is the light of one
task, project or target with the figures behind it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuijin.core.models import TimeStamped

from .choices import CycleKind, DueAnchor, NoticeKind, SubmissionState, UnitScope, WarningLevel

# Attachments larger than this are refused (bytes); settings may override.
DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def max_attachment_bytes() -> int:
    return int(getattr(settings, "TUIJIN_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES))


class Cycle(TimeStamped):
    name = models.CharField(_("名称"), max_length=120, unique=True)
    kind = models.CharField(_("周期"), max_length=16, choices=CycleKind.choices)
    due_workdays = models.PositiveSmallIntegerField(
        _("报送时限(工作日)"), default=5, validators=[MaxValueValidator(60)]
    )
    due_anchor = models.CharField(
        _("时限起算"), max_length=16, choices=DueAnchor.choices, default=DueAnchor.AFTER_END
    )
    remind_workdays = models.PositiveSmallIntegerField(
        _("提前提醒(工作日)"), default=3, validators=[MaxValueValidator(30)]
    )
    starts_on = models.DateField(
        _("起始日期"), help_text=_("自动开启此日期之后开始的各期；早于此日期的期次不补开")
    )
    active = models.BooleanField(_("启用"), default=True)
    unit_scope = models.CharField(
        _("报送单位范围"), max_length=16, choices=UnitScope.choices, default=UnitScope.ASSIGNED
    )
    units = models.ManyToManyField(
        "orgs.Unit", verbose_name=_("指定单位"), blank=True, related_name="reporting_cycles"
    )
    description = models.TextField(_("说明"), blank=True)
    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = _("报送周期")
        verbose_name_plural = _("报送周期")
        ordering = ["-active", "name"]

    def __str__(self) -> str:
        return self.name


class Period(TimeStamped):
    cycle = models.ForeignKey(
        Cycle, verbose_name=_("报送周期"), on_delete=models.CASCADE, related_name="periods"
    )
    label = models.CharField(_("期次"), max_length=60)
    start = models.DateField(_("开始日期"))
    end = models.DateField(_("截止日期"))
    due_date = models.DateField(_("报送期限"))
    opened_at = models.DateTimeField(_("开启时间"))
    closed = models.BooleanField(_("已关闭"), default=False)

    class Meta:
        verbose_name = _("报送期次")
        verbose_name_plural = _("报送期次")
        ordering = ["-end", "cycle_id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "start", "end"], name="period_unique_span"),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="period_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle.name} · {self.label}"


class Submission(TimeStamped):
    period = models.ForeignKey(
        Period, verbose_name=_("报送期次"), on_delete=models.CASCADE, related_name="submissions"
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("报送单位"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    state = models.CharField(
        _("状态"), max_length=16, choices=SubmissionState.choices, default=SubmissionState.DRAFT
    )
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("首次报送时间"), null=True, blank=True)
    late = models.BooleanField(_("逾期报送"), default=False)
    summary = models.TextField(_("总体情况"), blank=True)
    office_comment = models.TextField(_("办公室意见"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("退回人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("退回时间"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("采纳人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("采纳时间"), null=True, blank=True)
    # Optimistic locking: every write to the submission or its entries, figures and attachments
    # raises it; a save carrying an older version (the form was opened before) is refused.
    version = models.PositiveIntegerField(_("版本"), default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("报送")
        verbose_name_plural = _("报送")
        ordering = ["period", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="submission_one_per_unit"),
            models.CheckConstraint(
                condition=~Q(state=SubmissionState.ACCEPTED) | Q(accepted_at__isnull=False),
                name="submission_accepted_has_time",
            ),
            models.CheckConstraint(
                condition=Q(state=SubmissionState.DRAFT) | Q(submitted_at__isnull=False),
                name="submission_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} · {self.unit}"

    @property
    def editable(self) -> bool:
        return self.state in (SubmissionState.DRAFT, SubmissionState.RETURNED)


class Entry(TimeStamped):
    """What a unit reports on one task or one project in a submission."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("报送"), on_delete=models.CASCADE, related_name="entries"
    )
    task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("任务"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report_entries",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("项目"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report_entries",
    )
    role = models.CharField(_("承担角色"), max_length=16, blank=True)
    progress_text = models.TextField(_("进展情况"), blank=True)
    percent = models.PositiveSmallIntegerField(
        _("完成进度(%)"), default=0, validators=[MaxValueValidator(100)]
    )
    investment_period = models.DecimalField(
        _("本期完成投资(亿元)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        max_digits=16,
        decimal_places=4,
    )
    investment_cumulative = models.DecimalField(
        _("年度累计完成投资(亿元)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        max_digits=16,
        decimal_places=4,
    )
    blocked = models.BooleanField(_("受阻"), default=False)
    problem = models.TextField(_("需协调解决的问题"), blank=True)
    order = models.PositiveIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("报送条目")
        verbose_name_plural = _("报送条目")
        ordering = ["submission", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(task__isnull=False) & Q(project__isnull=True))
                | (Q(task__isnull=True) & Q(project__isnull=False)),
                name="entry_task_xor_project",
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="entry_percent_at_most_100"),
            models.CheckConstraint(
                condition=(Q(investment_period__isnull=True) | Q(investment_period__gte=0))
                & (Q(investment_cumulative__isnull=True) | Q(investment_cumulative__gte=0)),
                name="entry_investment_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(project__isnull=False)
                | (Q(investment_period__isnull=True) & Q(investment_cumulative__isnull=True)),
                name="entry_investment_projects_only",
            ),
            models.UniqueConstraint(
                fields=["submission", "task"],
                condition=Q(task__isnull=False),
                name="entry_one_per_task",
            ),
            models.UniqueConstraint(
                fields=["submission", "project"],
                condition=Q(project__isnull=False),
                name="entry_one_per_project",
            ),
        ]

    def __str__(self) -> str:
        return str(self.task or self.project)

    @property
    def subject(self) -> models.Model:
        subject = self.task or self.project
        assert subject is not None
        return subject


class IndicatorFigure(TimeStamped):
    """A figure a unit reports for an indicator in a submission; becomes a Measurement on accept."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("报送"), on_delete=models.CASCADE, related_name="figures"
    )
    indicator = models.ForeignKey(
        "plans.Indicator", verbose_name=_("指标"), on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("区域"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("指标数据")
        verbose_name_plural = _("指标数据")
        ordering = ["submission", "indicator__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator", "area"], name="figure_unique_per_area"
            ),
            models.UniqueConstraint(
                fields=["submission", "indicator"],
                condition=Q(area__isnull=True),
                name="figure_unique_without_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.value if self.value is not None else '—'}{self.unit}"


def _attachment_path(instance: Attachment, filename: str) -> str:
    return f"reporting/{instance.submission_id}/{filename}"


class Attachment(TimeStamped):
    submission = models.ForeignKey(
        Submission, verbose_name=_("报送"), on_delete=models.CASCADE, related_name="attachments"
    )
    entry = models.ForeignKey(
        Entry,
        verbose_name=_("条目"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("文件"), upload_to=_attachment_path, max_length=255)
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveBigIntegerField(_("大小(字节)"), default=0)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["submission", "id"]

    def __str__(self) -> str:
        return self.name


class Notice(TimeStamped):
    """An in-app message to a user (reminders, returned/accepted submissions)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("接收人"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("相关单位"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    period = models.ForeignKey(
        Period,
        verbose_name=_("报送期次"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(
        _("类型"), max_length=16, choices=NoticeKind.choices, default=NoticeKind.OTHER
    )
    text = models.CharField(_("内容"), max_length=500)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    read = models.BooleanField(_("已读"), default=False)
    sent_at = models.DateTimeField(_("发送时间"))
    emailed = models.BooleanField(_("已发邮件"), default=False)
    dedupe_key = models.CharField(_("去重键"), max_length=120, blank=True, editable=False)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="notice_once_per_key",
            )
        ]

    def __str__(self) -> str:
        return self.text


class WarningRule(TimeStamped):
    """The office's thresholds for the lights; one active row (see `warning_rule_current`)."""

    name = models.CharField(_("名称"), max_length=60, default="默认规则")
    active = models.BooleanField(_("生效"), default=True)
    yellow_margin_pct = models.PositiveSmallIntegerField(
        _("任务黄灯：进度落后时间(百分点)"), default=20, validators=[MaxValueValidator(100)]
    )
    near_deadline_workdays = models.PositiveSmallIntegerField(
        _("任务黄灯：临近时限(工作日)"), default=10, validators=[MaxValueValidator(250)]
    )
    investment_yellow_pct = models.PositiveSmallIntegerField(
        _("项目黄灯：投资完成低于序时进度(%)"), default=10, validators=[MaxValueValidator(100)]
    )
    investment_red_pct = models.PositiveSmallIntegerField(
        _("项目红灯：投资完成低于序时进度(%)"), default=30, validators=[MaxValueValidator(100)]
    )
    stage_slip_red_days = models.PositiveSmallIntegerField(
        _("项目红灯：逾期未开工(天)"), default=60, validators=[MaxValueValidator(3650)]
    )
    missing_yellow_periods = models.PositiveSmallIntegerField(
        _("项目黄灯：连续未报送(月)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    missing_red_periods = models.PositiveSmallIntegerField(
        _("项目红灯：连续未报送(月)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    target_yellow_pct = models.PositiveSmallIntegerField(
        _("目标黄灯：落后序时进度(百分点)"), default=10, validators=[MaxValueValidator(100)]
    )
    target_red_pct = models.PositiveSmallIntegerField(
        _("目标红灯：落后序时进度(百分点)"), default=25, validators=[MaxValueValidator(100)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("预警规则")
        verbose_name_plural = _("预警规则")
        ordering = ["-active", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="warningrule_one_active"
            ),
            models.CheckConstraint(
                condition=Q(investment_red_pct__gte=models.F("investment_yellow_pct")),
                name="warningrule_investment_red_after_yellow",
            ),
            models.CheckConstraint(
                condition=Q(missing_red_periods__gte=models.F("missing_yellow_periods")),
                name="warningrule_missing_red_after_yellow",
            ),
            models.CheckConstraint(
                condition=Q(target_red_pct__gte=models.F("target_yellow_pct")),
                name="warningrule_target_red_after_yellow",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Warning(models.Model):
    """The light of one task, project or target, with the reason and the figures behind it."""

    task = models.OneToOneField(
        "plans.Task",
        verbose_name=_("任务"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="warning",
    )
    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("项目"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="warning",
    )
    target = models.OneToOneField(
        "plans.Target",
        verbose_name=_("目标"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="warning",
    )
    level = models.CharField(_("灯色"), max_length=8, choices=WarningLevel.choices)
    reason = models.CharField(_("原因"), max_length=500)
    figures = models.JSONField(_("依据数据"), default=dict, blank=True)
    previous_level = models.CharField(
        _("上次灯色"), max_length=8, choices=WarningLevel.choices, blank=True
    )
    changed_at = models.DateTimeField(_("灯色变化时间"))
    computed_at = models.DateTimeField(_("计算时间"))

    class Meta:
        verbose_name = _("预警")
        verbose_name_plural = _("预警")
        ordering = ["-computed_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(task__isnull=False) & Q(project__isnull=True) & Q(target__isnull=True))
                | (Q(task__isnull=True) & Q(project__isnull=False) & Q(target__isnull=True))
                | (Q(task__isnull=True) & Q(project__isnull=True) & Q(target__isnull=False)),
                name="warning_exactly_one_object",
            )
        ]
        indexes = [models.Index(fields=["level"], name="warning_level_idx")]

    def __str__(self) -> str:
        return f"{self.get_level_display()} · {self.subject}"

    @property
    def subject(self) -> models.Model | None:
        return self.task or self.project or self.target
