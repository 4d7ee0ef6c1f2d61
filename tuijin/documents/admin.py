"""Admin for source documents; the full text and extraction stay out of the list."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "doc_number", "issuer", "issued_on", "kind", "status", "created_at")
    list_filter = ("kind", "status", "issued_on")
    search_fields = ("title", "doc_number", "issuer", "original_name", "sha256")
    date_hierarchy = "issued_on"
    autocomplete_fields = ("uploaded_by",)
    readonly_fields = ("created_at", "updated_at", "confirmed_at")
    fieldsets = (
        (
            _("基本信息"),
            {"fields": ("title", "doc_number", "issuer", "issued_on", "date_text", "kind")},
        ),
        (_("文件"), {"fields": ("status", "file", "original_name", "sha256", "encoding")}),
        (_("入库"), {"fields": ("uploaded_by", "confirmed_at", "created_at", "updated_at")}),
        (_("全文与提取结果"), {"classes": ("collapse",), "fields": ("text", "extraction")}),
    )
