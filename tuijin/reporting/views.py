"""Reporting pages: a unit's submission, its attachments, notices, rules, warnings (cycles and
periods: period_views.py).

Thin views: reads through `selectors`, writes through `services`; refusals (`ServiceError`) are
shown as messages or as form errors.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.accounts.permissions import require
from tuijin.core.downloads import stored_file_response
from tuijin.core.errors import ServiceError
from tuijin.core.listing import render_list
from tuijin.orgs.models import Unit

from . import selectors, services
from .filters import SubmissionFilter, WarningFilter
from .forms import (
    EntryForm,
    FigureForm,
    ReturnForm,
    SubmissionForm,
    WarningRuleForm,
)
from .models import Attachment
from .responses import back, show_refusal
from .warnings import RULE_FIELDS


@login_required
@require_POST
def submission_start_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Start (or open) UNIT's submission for the period PK."""
    period = selectors.period_get(request.user, pk)
    unit = selectors.user_unit(request.user)
    if unit is None:
        unit = get_object_or_404(Unit, pk=request.POST.get("unit") or 0)
    require(request.user, "reporting.add_submission", unit)
    try:
        submission = services.submission_start(unit=unit, period=period, actor=request.user)
    except ServiceError as exc:
        show_refusal(request, exc)
        return back(request, reverse("reporting-my"))
    return redirect("reporting-submission-edit", pk=submission.pk)


@login_required
def submission_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(request.user, pk)
    context = {
        "submission": submission,
        "entries": list(submission.entries.all()),
        "figures": list(submission.figures.all()),
        "attachments": list(submission.attachments.all()),
        "history": selectors.submission_history(request.user, submission),
        "return_form": ReturnForm(),
    }
    return render(request, "reporting/submission_detail.html", context)


def _save_submission(
    request: HttpRequest,
    submission: Any,
    main: SubmissionForm,
    entry_forms: list[EntryForm],
    figure_forms: list[FigureForm],
) -> bool:
    """Write every changed field through the services; False (errors on the forms) if refused."""
    ok = True
    if "summary" in main.changed_data:
        services.submission_update(
            submission=submission, summary=main.cleaned_data["summary"], actor=request.user
        )
    for form in entry_forms:
        if not form.has_changed():
            continue
        try:
            services.entry_update(entry=form.entry, actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            ok = False
    for ff in figure_forms:
        if not ff.has_changed():
            continue
        figure = ff.figure
        try:
            services.figure_set(
                submission=submission,
                indicator=figure.indicator,
                area=figure.area,
                value=ff.cleaned_data["value"],
                note=ff.cleaned_data["note"],
                unit=figure.unit,
                actor=request.user,
            )
        except ServiceError as exc:
            ff.add_error("value", exc.message)
            ok = False
    upload = main.cleaned_data.get("attachment")
    if upload is not None:
        try:
            services.attachment_add(
                submission=submission, name=upload.name, data=upload.read(), actor=request.user
            )
        except ServiceError as exc:
            main.add_error("attachment", exc.message)
            ok = False
    return ok


def _upload_lost(main: SubmissionForm) -> None:
    """Nothing of the save was written: a file chosen on the form must be chosen again (a
    browser does not keep it)."""
    if main.cleaned_data.get("attachment") is not None and "attachment" not in main.errors:
        main.add_error("attachment", _("附件未上传，请重新选择"))


def _edit_conflict(
    request: HttpRequest, submission: Any, main: SubmissionForm, exc: ServiceError
) -> int:
    """Someone else saved SUBMISSION since the form was opened: nothing was written; the form
    is shown again with this user's input, and carries the current version so that saving it
    again deliberately replaces the other changes with what the page shows. Returns that
    version."""
    messages.error(
        request,
        _(
            "%(reason)s（%(code)s）。下面保留了您填写的内容：请先在新窗口“查看”对方的修改，"
            "核对后再次保存将以本页内容为准。"
        )
        % {"reason": exc.message, "code": exc.code},
    )
    _upload_lost(main)
    current: int = type(submission).objects.values_list("version", flat=True).get(pk=submission.pk)
    return current


@login_required
def submission_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill in a draft. The form carries the submission's version: a save is refused when
    someone else saved in between (optimistic locking), and a refused save or submit is shown
    as an error with the user's input kept."""
    submission = selectors.submission_get(request.user, pk)
    require(request.user, "reporting.change_submission", submission)
    if request.method != "POST" and (not submission.editable or submission.period.closed):
        messages.info(request, _("该报送当前不能修改"))
        return redirect("reporting-submission-detail", pk=submission.pk)
    entries = list(submission.entries.all())
    figures = list(submission.figures.all())
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    main = SubmissionForm(
        data, files, initial={"summary": submission.summary, "version": submission.version}
    )
    entry_forms = [EntryForm(data, entry=e) for e in entries]
    figure_forms = [FigureForm(data, figure=f) for f in figures]
    version = submission.version  # what the form carries into the next save
    if request.method == "POST":
        submitting = request.POST.get("action") == "submit"
        what = _("未能报送") if submitting else _("未能保存草稿")
        forms_ok = main.is_valid() and all(
            [f.is_valid() for f in entry_forms] + [f.is_valid() for f in figure_forms]
        )
        if "version" in main.errors:
            messages.error(request, _("页面已过期，请刷新后重新填写（R037）"))
        elif main.cleaned_data.get("version"):
            version = main.cleaned_data["version"]
        saved = None
        if forms_ok:
            try:
                saved = services.submission_edit(
                    submission=submission,
                    version=main.cleaned_data["version"],
                    actor=request.user,
                    changes=lambda locked: _save_submission(
                        request, locked, main, entry_forms, figure_forms
                    ),
                )
                if saved is None:
                    _upload_lost(main)
                else:
                    version = saved.version
                    if submitting:
                        services.submission_submit(
                            submission=saved, actor=request.user, version=saved.version
                        )
                        messages.success(request, _("已报送，等待办公室审核"))
                        return redirect("reporting-submission-detail", pk=submission.pk)
                    messages.success(request, _("草稿已保存"))
                    return redirect("reporting-submission-edit", pk=submission.pk)
            except ServiceError as exc:
                if exc.code == "R037" and saved is None:
                    version = _edit_conflict(request, submission, main, exc)
                else:
                    show_refusal(request, exc, what)
        if not messages.get_messages(request):
            messages.error(request, _("%(what)s：请修正下面标出的错误") % {"what": what})
    context = {
        "submission": submission,
        "form": main,
        "version": version,
        "entry_forms": entry_forms,
        "figure_forms": figure_forms,
        "attachments": list(submission.attachments.all()),
        "history": selectors.submission_history(request.user, submission),
    }
    return render(request, "reporting/submission_edit.html", context)


@login_required
@require_POST
def submission_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(request.user, pk)
    require(request.user, "reporting.review_submission", submission)
    form = ReturnForm(request.POST)
    comment = form.data.get("comment", "")
    try:
        services.submission_return(submission=submission, comment=comment, actor=request.user)
    except ServiceError as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("已退回：%(unit)s") % {"unit": submission.unit})
    return back(request, reverse("reporting-period-board", args=[submission.period_id]))


@login_required
@require_POST
def submission_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(request.user, pk)
    require(request.user, "reporting.review_submission", submission)
    try:
        services.submission_accept(
            submission=submission, comment=request.POST.get("comment", ""), actor=request.user
        )
    except ServiceError as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("已采纳：%(unit)s") % {"unit": submission.unit})
    return back(request, reverse("reporting-period-board", args=[submission.period_id]))


@login_required
def attachment_download_view(request: HttpRequest, pk: int) -> FileResponse:
    """An attachment's file, through the storage API (MEDIA_ROOT is never served as such),
    to those who may see its report; 404 for the others, as for a file that does not exist."""
    attachment = selectors.attachment_get(request.user, pk)
    if not attachment.file:
        raise Http404
    return stored_file_response(
        attachment.file.storage, attachment.file.name, attachment.name, missing="附件文件已不存在"
    )


@login_required
@require_POST
def attachment_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_or_404(Attachment.objects.select_related("submission"), pk=pk)
    submission = selectors.submission_get(request.user, attachment.submission_id)
    require(request.user, "reporting.change_submission", submission)
    try:
        services.attachment_remove(attachment=attachment, actor=request.user)
    except ServiceError as exc:
        show_refusal(request, exc)
    return redirect("reporting-submission-edit", pk=submission.pk)


@login_required
def my_reports_view(request: HttpRequest) -> HttpResponse:
    """The current user's unit's open reports; the office (no unit) picks a unit."""
    own = selectors.user_unit(request.user)
    unit = own
    if own is None and request.GET.get("unit"):
        unit = (
            Unit.objects.filter(pk=request.GET["unit"]).first()
            if request.GET["unit"].isdigit()
            else None
        )
    rows = selectors.my_reports(request.user, unit)
    context = {
        "own": own,
        "unit": unit,
        "rows": rows,
        "units": Unit.objects.order_by("name") if own is None else [],
        "recent": selectors.unit_submissions(request.user, unit)[:10] if unit else [],
    }
    return render(request, "reporting/my_reports.html", context)


# ── notices, rules, warnings ───────────────────────────────────────────────────────────────


@login_required
def notices_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        n = services.notice_mark_read(user=request.user)
        messages.success(request, _("%(n)d 条通知已标为已读") % {"n": n})
        return redirect("reporting-notices")
    unread_only = request.GET.get("unread") == "1"
    notices = selectors.notice_list(request.user, unread_only=unread_only)[:200]
    return render(
        request,
        "reporting/notices.html",
        {"notices": notices, "unread_only": unread_only},
    )


@login_required
def rules_view(request: HttpRequest) -> HttpResponse:
    rule = selectors.warning_rule(request.user)
    form = WarningRuleForm(request.POST or None, instance=rule)
    if request.method == "POST":
        require(request.user, "reporting.change_warningrule", rule)
        if request.POST.get("action") == "compute":
            counts = services.warnings_compute(today=timezone.localdate())
            total = sum(sum(c.values()) for c in counts.values())
            messages.success(request, _("已重新计算 %(n)d 个预警") % {"n": total})
            return redirect("reporting-rules")
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in RULE_FIELDS}
            try:
                services.warning_rule_update(actor=request.user, **values)
            except ServiceError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("预警规则已保存；下次计算时生效"))
                return redirect("reporting-rules")
    rule.refresh_from_db()
    return render(request, "reporting/rules.html", {"form": form, "rule": rule})


@login_required
def submission_list_view(request: HttpRequest) -> HttpResponse:
    """Every submission the user may see, by period, unit and state (the office's ledger)."""
    filterset = SubmissionFilter(
        request.GET or None, queryset=selectors.submission_list(request.user)
    )
    return render_list(
        request,
        filterset=filterset,
        template="reporting/submission_list.html",
        table_template="reporting/_submission_table.html",
    )


@login_required
def warning_list_view(request: HttpRequest) -> HttpResponse:
    filterset = WarningFilter(request.GET or None, queryset=selectors.warning_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="reporting/warning_list.html",
        table_template="reporting/_warning_table.html",
        extra={"summary": selectors.warning_summary(request.user)},
    )
