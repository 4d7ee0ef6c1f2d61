"""Output schemas shared by every app's API: a link to another object, a source span."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class Ref(Schema):
    """A link to another object: its id, display name and web page."""

    id: int
    name: str
    url: str | None = None

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj)

    @staticmethod
    def resolve_url(obj: Any) -> str | None:
        get_url = getattr(obj, "get_absolute_url", None)
        return str(get_url()) if get_url is not None else None


class SourceSpan(Schema):
    """Where an item was taken from: the document, the character span, the text and sentence."""

    document: Ref
    start: int
    end: int
    text: str
    sentence: str


def source_of(obj: Any) -> dict[str, Any] | None:
    """The SourceSpan of a `Sourced` object, or None when it has no span."""
    if obj.source_document is None or obj.source_start is None or obj.source_end is None:
        return None
    return {
        "document": obj.source_document,
        "start": obj.source_start,
        "end": obj.source_end,
        "text": obj.source_text,
        "sentence": obj.source_sentence,
    }
