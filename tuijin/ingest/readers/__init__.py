"""Turn a file into text: plain text of any common Chinese encoding, .docx, .pdf, .html, .xlsx.

Every failure becomes an ExtractionError with a code from errors.py, so callers handle one type.
Tables (docx, xlsx, html) are rendered one row per line with cells separated by a tab: the
table stage (tables.py) finds them there, and every other stage skips tab lines.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import (
    EMPTY_DOCUMENT,
    NOT_FOUND,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    ExtractionError,
)
from .limits import check_package, check_text
from .text import decode_text, read_text

__all__ = [
    "MAX_BYTES",
    "decode_text",
    "read_bytes",
    "read_bytes_isolated",
    "read_document",
    "unwrap",
]

# Format readers load on first use, so a plain-text run does not import the others.
_READERS = {
    ".docx": ("word", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
    ".html": ("web", "read_html"),
    ".htm": ("web", "read_html"),
    ".xlsx": ("sheet", "read_sheet"),
    ".xlsm": ("sheet", "read_sheet"),
    ".xls": ("sheet", "read_sheet"),
}

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
    if p.suffix.lower() in TEXT_SUFFIXES:
        return read_bytes(data, p.name, max_bytes=max_bytes)
    return read_bytes_isolated(data, p.name, max_bytes=max_bytes)


def read_bytes_isolated(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """`read_bytes` in a child process under a time and memory limit (isolated.py): a reader
    that crashes or runs away on a crafted file costs the child, never the caller."""
    from functools import partial

    from .isolated import run_isolated

    if len(data) > max_bytes:
        raise ExtractionError(TOO_LARGE, f"文件过大（上限 {max_bytes // 1048576} MB）")
    return run_isolated(partial(read_bytes, max_bytes=max_bytes), data, name)


def read_bytes(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Decode the bytes of a file called `name` (the suffix picks the reader)."""
    if len(data) > max_bytes:
        raise ExtractionError(TOO_LARGE, f"文件过大（上限 {max_bytes // 1048576} MB）")
    suffix = Path(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        reader: Callable[[bytes], tuple[str, str]] = read_text
    elif suffix in _READERS:
        module, function = _READERS[suffix]
        reader = getattr(import_module(f"{__name__}.{module}"), function)
    elif suffix == ".doc":
        raise ExtractionError(
            UNSUPPORTED_FORMAT, "不支持旧版 Word（.doc）格式，请另存为 .docx 后再上传"
        )
    else:
        raise ExtractionError(UNSUPPORTED_FORMAT, f"不支持的文件格式：{suffix or '无扩展名'}")
    if not data.strip():
        raise ExtractionError(EMPTY_DOCUMENT, "文件为空")
    check_package(data, suffix)  # zip bombs, XML declarations, a sheet's range (limits.py)
    text, encoding = reader(data)
    check_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise ExtractionError(EMPTY_DOCUMENT, "文件中没有可提取的文字")
    return text, encoding


def unwrap(text: str) -> str:
    """Join the lines a PDF wrapped inside a paragraph (loads the PDF reader on first use)."""
    from .pdf import unwrap as _unwrap

    return _unwrap(text)
