"""PDF text layer; lines the layout wrapped inside a paragraph are joined again."""

from __future__ import annotations

import io
import re

from ..errors import BROKEN_FILE, EMPTY_DOCUMENT, ExtractionError
from .limits import check_pages


def read_pdf(data: bytes) -> tuple[str, str]:
    if not data.lstrip().startswith(b"%PDF"):
        raise ExtractionError(BROKEN_FILE, "PDF 文件已损坏或格式错误")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(BROKEN_FILE, "PDF 文件已加密，无法读取")
        check_pages(len(reader.pages))
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError(BROKEN_FILE, f"PDF 文件解析失败：{type(exc).__name__}") from exc
    text = unwrap("\n".join(pages))
    if not text.strip():
        raise ExtractionError(
            EMPTY_DOCUMENT, "PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）后再上传"
        )
    return text, "pdf"


_LABEL_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|"
    r"\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十\d]+[章节条])"
)
_LINE_END = re.compile(r"[。！？；：:!?;]\s*$")


def unwrap(text: str) -> str:
    """Join the lines a PDF wrapped inside a paragraph (full-width lines without a sentence end)."""
    lines = text.split("\n")
    lengths = sorted(len(x.strip()) for x in lines if len(x.strip()) >= 10)
    if len(lengths) < 3:
        return text
    full = lengths[int(len(lengths) * 0.8)] * 0.85
    out: list[str] = []
    joining = False
    for line in lines:
        stripped = line.strip()
        if joining and stripped and not _LABEL_START.match(stripped):
            out[-1] += stripped
        else:
            out.append(line.rstrip())
        current = out[-1].strip() if out else ""
        joining = len(stripped) >= full and not _LINE_END.search(current)
    return "\n".join(out)
