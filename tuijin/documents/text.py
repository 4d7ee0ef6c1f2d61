"""Render a document's text with the spans of the items taken from it marked and linked."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass
class Span:
    start: int
    end: int
    url: str
    title: str
    kind: str  # css hook: task / target / project / unit / area / cluster …
    anchors: list[str] = field(default_factory=list)  # ids a page links to (#task-12, #p34)


def marked_text(text: str, spans: list[Span]) -> SafeString:
    """TEXT escaped, each span in <mark> linking to its item, carrying the span's anchors.

    A span nested in (or overlapping) an earlier one is not marked again: its anchors go to the
    start of the outer mark, so `#anchor` still scrolls to the right place. Each anchor id is
    used once.
    """
    used: set[str] = set()
    marks: list[tuple[Span, list[str]]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(0, span.start), min(len(text), span.end)
        if end <= start:
            continue
        anchors = [a for a in span.anchors if a not in used]
        used.update(anchors)
        if marks and start < marks[-1][0].end:
            marks[-1][1].extend(anchors)
            continue
        marks.append((Span(start, end, span.url, span.title, span.kind), anchors))
    out: list[str] = []
    pos = 0
    for span, anchors in marks:
        out.append(escape(text[pos : span.start]))
        out.extend(format_html('<span id="{}" class="anchor"></span>', a) for a in anchors)
        out.append(
            format_html(
                '<mark class="span-{}"><a href="{}" title="{}">{}</a></mark>',
                span.kind,
                span.url,
                span.title,
                text[span.start : span.end],
            )
        )
        pos = span.end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # every piece above is escaped
