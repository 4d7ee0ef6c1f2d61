"""Bounds every untrusted file is held to before a parser sees it.

A Word or Excel file is a zip of XML: its members' declared sizes, their compression ratio and
their number are checked from the zip's directory, and every XML member is streamed (never more
than its declared size) to refuse a DOCTYPE or ENTITY declaration (entity expansion) and, for a
workbook's sheets, to find the furthest cell the sheet names: a reader that builds a dense grid
(calamine) would otherwise allocate rows × columns for one cell at XFD1048576. A PDF's page count
and every reader's text length are bounded too. What is over a bound is refused with a coded
Chinese message (errors.py) before any allocation that depends on it.

The figures are `Limits()` defaults; `Limits.from_env()` lets an install raise or lower them
(TUIJIN_LIMIT_<FIELD>, e.g. TUIJIN_LIMIT_SHEET_ROWS=500000).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, fields, replace

from ..errors import (
    BROKEN_FILE,
    PACKAGE_BOMB,
    SHEET_TOO_LARGE,
    TOO_LARGE,
    XML_DECLARATION,
    ExtractionError,
)

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    members: int = 5_000  # files inside one zip package
    unzipped_bytes: int = 150 * MB  # all members together, uncompressed
    member_bytes: int = 120 * MB  # one member, uncompressed
    ratio: int = 120  # uncompressed / compressed, for members over RATIO_FLOOR
    sheet_rows: int = 200_000
    sheet_columns: int = 1_000
    sheet_area: int = 3_000_000  # rows × columns of one sheet's used range (a dense grid)
    sheet_cells: int = 2_000_000  # cells written in one workbook
    pdf_pages: int = 3_000
    text_chars: int = 20_000_000

    @classmethod
    def from_env(cls) -> Limits:
        base = cls()
        changes: dict[str, int] = {}
        for f in fields(cls):
            raw = os.environ.get(f"TUIJIN_LIMIT_{f.name.upper()}", "").strip()
            if raw.isdigit() and int(raw) > 0:
                changes[f.name] = int(raw)
        return replace(base, **changes) if changes else base


RATIO_FLOOR = 4 * MB  # small members may compress as well as they like
_CHUNK = 1 << 20
_MAX_TAG = 1 << 20  # Excel keeps a cell to 32,767 characters; a longer tag is not a sheet's
_ZIP_SUFFIXES = {".docx", ".xlsx", ".xlsm", ".ods"}
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
# A sheet's rows, cells, declared dimension and merged ranges, with or without a namespace prefix.
_SHEET_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension|mergeCell)\b([^>]*)>")
_ATTR_R = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]*)(\d*)["\']')
_ATTR_REF = re.compile(rb'\sref\s*=\s*["\']([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?["\']')
_SHEET_MEMBER = re.compile(r"^xl/(?:worksheets|chartsheets|dialogsheets)/[^/]+\.xml$", re.I)


def check_package(data: bytes, suffix: str, limits: Limits | None = None) -> None:
    """Refuse a .docx/.xlsx/.ods whose unpacked content is over the bounds (nothing is parsed)."""
    if suffix.lower() not in _ZIP_SUFFIXES:
        return
    limits = limits or Limits.from_env()
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractionError(BROKEN_FILE, "文件已损坏或不是有效的 Office 文件") from exc
    with package:
        members = package.infolist()
        _check_directory(members, limits)
        cells = 0
        for info in members:
            name = info.filename.lower()
            if info.is_dir() or not name.endswith((".xml", ".rels", ".vml")):
                continue
            is_sheet = suffix.lower() in (".xlsx", ".xlsm") and _SHEET_MEMBER.match(info.filename)
            cells += _scan_member(package, info, limits, sheet=bool(is_sheet))
            if cells > limits.sheet_cells:
                raise ExtractionError(
                    SHEET_TOO_LARGE,
                    f"表格单元格过多（超过 {limits.sheet_cells:,} 个），请拆分后再上传",
                )


def check_text(text: str, limits: Limits | None = None) -> None:
    limits = limits or Limits.from_env()
    if len(text) > limits.text_chars:
        raise ExtractionError(
            TOO_LARGE,
            f"文件文字过多（{len(text):,} 字，上限 {limits.text_chars:,} 字），请拆分后再上传",
        )


def check_pages(pages: int, limits: Limits | None = None) -> None:
    limits = limits or Limits.from_env()
    if pages > limits.pdf_pages:
        raise ExtractionError(TOO_LARGE, f"PDF 页数过多（{pages} 页，上限 {limits.pdf_pages} 页）")


def _check_directory(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.members:
        raise ExtractionError(
            PACKAGE_BOMB, f"压缩包内文件过多（{len(members)} 个，上限 {limits.members} 个）"
        )
    total = 0
    for info in members:
        size = info.file_size
        total += size
        if size > limits.member_bytes or total > limits.unzipped_bytes:
            raise ExtractionError(
                PACKAGE_BOMB,
                f"文件解压后过大（超过 {limits.unzipped_bytes // MB} MB），疑似压缩炸弹，已拒绝",
            )
        if size > RATIO_FLOOR and size > limits.ratio * max(info.compress_size, 1):
            raise ExtractionError(
                PACKAGE_BOMB,
                f"文件压缩比异常（{info.filename} 超过 {limits.ratio}:1），疑似压缩炸弹，已拒绝",
            )


def _scan_member(
    package: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, *, sheet: bool
) -> int:
    """Stream one XML member: refuse DTDs; for a sheet, refuse a used range over the bounds.
    Returns the number of cells the member writes (0 for a member that is not a sheet)."""
    scan = _SheetScan(limits, info.filename) if sheet else None
    overlap = b""  # the end of the last chunk, so a declaration split between chunks is seen
    pending = b""  # a sheet's unfinished tag, carried into the next chunk
    read = 0
    try:
        with package.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:  # zipfile stops at the declared size; be sure
                    raise ExtractionError(PACKAGE_BOMB, "压缩包声明的大小与内容不符，已拒绝")
                if _DECLARATION.search(overlap + chunk):
                    raise ExtractionError(
                        XML_DECLARATION,
                        "文件含有 XML 实体或文档类型声明（DOCTYPE/ENTITY），出于安全原因已拒绝",
                    )
                overlap = chunk[-16:]
                if scan is not None:
                    pending = scan.feed(pending + chunk)
            if scan is not None and pending:
                scan.feed(pending + b">", final=True)
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ExtractionError(BROKEN_FILE, f"文件已损坏：{info.filename} 无法解压") from exc
    return scan.cells if scan is not None else 0


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


class _SheetScan:
    """The furthest row and column a sheet's XML names, counted as calamine would place them."""

    def __init__(self, limits: Limits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.row = 0
        self.col = 0
        self.max_row = 0
        self.max_col = 0
        self.cells = 0

    def feed(self, xml: bytes, *, final: bool = False) -> bytes:
        """Count the tags of XML; return its unfinished last tag, to be fed again with more."""
        cut = len(xml) if final else xml.rfind(b"<")
        if cut < 0:
            return b""
        rest = xml[cut:]
        if len(rest) > _MAX_TAG:
            raise ExtractionError(SHEET_TOO_LARGE, f"工作表 {self.name} 中有异常长的单元格内容")
        for match in _SHEET_TAG.finditer(xml, 0, cut):
            tag, attrs = match.group(1), match.group(2)
            if tag == b"c":
                self.cells += 1
                ref = _ATTR_R.search(attrs)
                col = _column_number(ref.group(1)) if ref and ref.group(1) else self.col + 1
                if ref and ref.group(2):
                    self.row = max(self.row, int(ref.group(2)))
                self.col = col
                self._reach(max(self.row, 1), col)
            elif tag == b"row":
                ref = _ATTR_R.search(attrs)
                self.row = int(ref.group(2)) if ref and ref.group(2) else self.row + 1
                self.col = 0
                self._reach(self.row, 0)
            else:  # a declared dimension or a merged range: both shape the grid a reader builds
                ref = _ATTR_REF.search(attrs)
                if ref is None:
                    continue
                c0, r0, c1, r1 = ref.groups()
                self._reach(int(r1 or r0 or 0), _column_number(c1 or c0 or b""))
        return rest

    def _reach(self, row: int, col: int) -> None:
        limits = self.limits
        self.max_row = max(self.max_row, row)
        self.max_col = max(self.max_col, col)
        if (
            self.max_row > limits.sheet_rows
            or self.max_col > limits.sheet_columns
            or self.max_row * self.max_col > limits.sheet_area
        ):
            raise ExtractionError(
                SHEET_TOO_LARGE,
                f"工作表范围过大（用到第 {self.max_row:,} 行、第 {self.max_col:,} 列；"
                f"上限 {limits.sheet_rows:,} 行、{limits.sheet_columns:,} 列），"
                "请删除多余的行列或拆分后再上传",
            )
