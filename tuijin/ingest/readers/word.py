"""Word .docx: paragraphs and tables in document order (tables as tab-separated rows).

Automatic numbering is written into the text as Word shows it (word_numbering.py), so a heading
numbered by a list style reads 一、总体要求 like a typed one.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from ..errors import BROKEN_FILE, ExtractionError
from .word_numbering import paragraph_label, read_numbering, with_label


def read_docx(data: bytes) -> tuple[str, str]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExtractionError(BROKEN_FILE, "Word 文件已损坏或不是 .docx 格式")
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
        numbering = read_numbering(document, qn)
        out: list[str] = []
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                label = paragraph_label(child, numbering, qn)
                out.append(with_label(label, _xml_text(child, qn)))
            elif child.tag == qn("w:tbl"):
                out.extend(_docx_table(child, qn))
    except ExtractionError:
        raise
    except Exception as exc:  # python-docx raises many types on malformed packages
        raise ExtractionError(BROKEN_FILE, f"Word 文件解析失败：{type(exc).__name__}") from exc
    return "\n".join(out), "docx"


def _xml_text(element: Any, qn: Callable[[str], str]) -> str:
    parts: list[str] = []
    t, tab, br = qn("w:t"), qn("w:tab"), qn("w:br")
    for node in element.iter(t, tab, br):
        if node.tag == t:
            parts.append(node.text or "")
        else:
            parts.append(" ")
    return "".join(parts)


def _docx_table(tbl: Any, qn: Callable[[str], str]) -> list[str]:
    """Rows as tab-separated lines; merged cells repeat the value they span."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(qn("w:tr")):
        row: list[str] = []
        col = 0
        for tc in tr.iterchildren(qn("w:tc")):
            props = tc.find(qn("w:tcPr"))
            span = 1
            vmerge_continue = False
            if props is not None:
                grid = props.find(qn("w:gridSpan"))
                if grid is not None:
                    span = max(1, int(grid.get(qn("w:val"), "1") or 1))
                vm = props.find(qn("w:vMerge"))
                if vm is not None and vm.get(qn("w:val"), "continue") != "restart":
                    vmerge_continue = True
            paras = [_xml_text(p, qn) for p in tc.iter(qn("w:p"))]
            value = " ".join(p.strip() for p in paras if p.strip()).replace("\t", " ")
            if vmerge_continue and not value:
                value = above.get(col, "")
            for k in range(span):
                row.append(value)
                above[col + k] = value
            col += span
        if any(c.strip() for c in row):
            rows.append(row)
    return ["\t".join(r) for r in rows]
