"""Admin for source documents; the full text and extraction stay out of the list."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Document, Provenance


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin[Document]):
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


@admin.register(Provenance)
class ProvenanceAdmin(admin.ModelAdmin[Provenance]):
    list_display = ("document", "content_type", "object_id", "facet", "start", "end", "text")
    list_filter = ("facet", "content_type")
    search_fields = ("text", "document__title", "document__doc_number")
    autocomplete_fields = ("document",)
    list_select_related = ("document", "content_type")
