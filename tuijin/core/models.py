"""The small shared base: timestamps, source spans (provenance), API tokens and calendar days."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class Sourced(models.Model):
    """Provenance: the document and character span an item was taken from."""

    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("来源文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_start = models.PositiveIntegerField(_("起始位置"), null=True, blank=True)
    source_end = models.PositiveIntegerField(_("结束位置"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def source_text(self) -> str:
        doc = self.source_document
        if doc is None or self.source_start is None or self.source_end is None:
            return ""
        return doc.text[self.source_start : self.source_end]

    @property
    def source_sentence(self) -> str:
        """The whole sentence around the span, for display next to the item."""
        doc = self.source_document
        if doc is None or self.source_start is None or self.source_end is None:
            return ""
        return doc.sentence_at(self.source_start, self.source_end)


def sourced_constraints(prefix: str) -> list[models.BaseConstraint]:
    """A span, when given, runs forward."""
    return [
        models.CheckConstraint(
            condition=models.Q(source_start__isnull=True)
            | models.Q(source_end__isnull=True)
            | models.Q(source_end__gte=models.F("source_start")),
            name=f"{prefix}_source_span_forward",
        )
    ]


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiToken(TimeStamped):
    """A bearer token for scripts; only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("名称"), max_length=100, blank=True)
    key_hash = models.CharField(_("令牌摘要"), max_length=64, unique=True)
    prefix = models.CharField(_("前缀"), max_length=8)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked = models.BooleanField(_("已吊销"), default=False)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.user} · {self.prefix}…"

    @staticmethod
    def generate() -> str:
        return "tj_" + secrets.token_urlsafe(32)


class CalendarDay(TimeStamped):
    """A day whose working status the office sets itself (节假日安排, core/calendar.py): the
    State Council's arrangement for a year the installed calendar package does not know yet, or
    a local holiday. It wins over the package; days not listed follow the package, else Monday
    to Friday (core/workdays.py)."""

    day = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(
        _("上班"), help_text=_("勾选：这一天上班（如周末调休上班）；不勾选：这一天放假。")
    )
    note = models.CharField(_("说明"), max_length=40, blank=True, help_text=_("如：春节、调休上班"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")
        ordering = ("day",)

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {'上班' if self.is_workday else '放假'}"


class Job(TimeStamped):
    """A piece of background work a user started (an extraction, an import, an export) or the
    scheduler ran: what it is, who started it, where it stands, and how it ended. The page that
    started it shows this row until it is done (core/job_views.py); the work runs in the task
    queue (core/tasks.py, huey on Redis, or on SQLite for the embedded setup)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("进行中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    kind = models.CharField(_("类型"), max_length=40)
    label = models.CharField(_("内容"), max_length=200)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发起人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    error_code = models.CharField(_("错误码"), max_length=10, blank=True)
    error_message = models.TextField(_("失败原因"), blank=True)
    start_url = models.CharField(_("发起页面"), max_length=300, blank=True)
    result_url = models.CharField(_("结果地址"), max_length=300, blank=True)
    result_note = models.CharField(_("结果说明"), max_length=300, blank=True)
    result_file = models.CharField(_("结果文件"), max_length=300, blank=True)  # in default_storage
    result_filename = models.CharField(_("下载文件名"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label}（{self.get_status_display()}）"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
