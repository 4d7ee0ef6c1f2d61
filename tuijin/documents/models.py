"""Source documents. Everything extracted from a document points back into `text`."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuijin.core.models import TimeStamped

from .choices import DocumentKind, DocumentStatus

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


class Document(TimeStamped):
    title = models.CharField(_("标题"), max_length=300, blank=True)
    doc_number = models.CharField(_("文号"), max_length=80, blank=True)
    issuer = models.CharField(_("发文单位"), max_length=120, blank=True)
    issued_on = models.DateField(_("成文日期"), null=True, blank=True)
    date_text = models.CharField(_("日期(原文)"), max_length=20, blank=True)
    kind = models.CharField(
        _("类型"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.PLAN
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.EXTRACTED
    )
    file = models.FileField(_("原始文件"), upload_to="documents/%Y/", null=True, blank=True)
    original_name = models.CharField(_("文件名"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    encoding = models.CharField(_("编码"), max_length=32, blank=True)
    text = models.TextField(_("全文"), blank=True)
    extraction = models.JSONField(_("提取结果"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("入库时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("文件")
        verbose_name_plural = _("文件")
        ordering = ["-issued_on", "-created_at"]

    def __str__(self) -> str:
        return self.title or self.original_name or self.sha256[:12]

    def get_absolute_url(self) -> str:
        return reverse("document-detail", args=[self.pk])

    def sentence_at(self, start: int, end: int) -> str:
        """The sentence (between sentence-ending marks) that contains [start, end)."""
        text = self.text
        if not text:
            return ""
        window = text[max(0, start - 400) : start]
        ends = [window.rfind(c) for c in "。！？!?；;\n"]
        left = max(0, start - 400) + max(ends) + 1 if max(ends) >= 0 else max(0, start - 400)
        match = _SENTENCE_END.search(text, end, min(len(text), end + 400))
        right = match.end() if match else min(len(text), end + 400)
        return text[left:right].strip()


class Provenance(models.Model):
    """Where a ledger object was found in a document: one row per (document, object, span).

    A project or unit named in five documents has five rows, so every page can list its sources
    and the loader can link the same object across documents and years.
    """

    document = models.ForeignKey(
        Document, verbose_name=_("文件"), on_delete=models.CASCADE, related_name="provenance"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("对象类型"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("对象编号"))
    start = models.PositiveIntegerField(_("起始位置"))
    end = models.PositiveIntegerField(_("结束位置"))
    facet = models.CharField(_("提取类别"), max_length=20, blank=True)
    text = models.CharField(_("原文片段"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("来源")
        verbose_name_plural = _("来源")
        ordering = ["document", "start"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "content_type", "object_id", "start", "end"],
                name="provenance_unique_span",
            ),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="provenance_span_forward"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} [{self.start}:{self.end}] {self.text}"
