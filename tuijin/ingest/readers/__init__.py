"""Turn a file into text: plain text of any common Chinese encoding, .docx, .pdf, .html, .xlsx.

Every failure becomes an ExtractionError with a code from errors.py, so callers handle one type.
Tables (docx, xlsx, html) are rendered one row per line with cells separated by a tab: the
table stage (tables.py) finds them there, and every other stage skips tab lines.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import (
    EMPTY_DOCUMENT,
    NOT_FOUND,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    ExtractionError,
)
from .pdf import read_pdf, unwrap
from .sheet import read_sheet
from .text import decode_text, read_text
from .web import read_html
from .word import read_docx

__all__ = ["MAX_BYTES", "decode_text", "read_bytes", "read_document", "unwrap"]

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Read a file and return (text, encoding or format tag)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ExtractionError(NOT_FOUND, f"文件不存在或无法读取：{p.name}") from exc
    if not p.is_file():
        raise ExtractionError(NOT_FOUND, f"不是文件：{p.name}")
    if size > max_bytes:
        raise ExtractionError(
            TOO_LARGE, f"文件过大（{size // 1048576} MB，上限 {max_bytes // 1048576} MB）"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ExtractionError(NOT_FOUND, f"文件无法读取：{p.name}") from exc
    return read_bytes(data, p.name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Decode the bytes of a file called `name` (the suffix picks the reader)."""
    if len(data) > max_bytes:
        raise ExtractionError(TOO_LARGE, f"文件过大（上限 {max_bytes // 1048576} MB）")
    suffix = Path(name).suffix.lower()
    readers: dict[str, Callable[[bytes], tuple[str, str]]] = {
        ".docx": read_docx,
        ".pdf": read_pdf,
        ".html": read_html,
        ".htm": read_html,
        ".xlsx": read_sheet,
        ".xlsm": read_sheet,
        ".xls": read_sheet,
    }
    if suffix in TEXT_SUFFIXES:
        reader: Callable[[bytes], tuple[str, str]] = read_text
    elif suffix in readers:
        reader = readers[suffix]
    elif suffix == ".doc":
        raise ExtractionError(
            UNSUPPORTED_FORMAT, "不支持旧版 Word（.doc）格式，请另存为 .docx 后再上传"
        )
    else:
        raise ExtractionError(UNSUPPORTED_FORMAT, f"不支持的文件格式：{suffix or '无扩展名'}")
    if not data.strip():
        raise ExtractionError(EMPTY_DOCUMENT, "文件为空")
    text, encoding = reader(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise ExtractionError(EMPTY_DOCUMENT, "文件中没有可提取的文字")
    return text, encoding
