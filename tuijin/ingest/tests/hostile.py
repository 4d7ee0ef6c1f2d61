"""Crafted files, built in memory: what an attacker uploads as a plan or a ledger.

Each is small on disk and huge (or explosive) once a reader trusts it. The engine's and the apps'
tests share them.
"""

from __future__ import annotations

import io
import zipfile

_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES_XLSX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_DOC}">'
    '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx(sheet_body: str, *, prolog: str = "", head: str = "", tail: str = "") -> bytes:
    """A minimal workbook of one sheet whose <sheetData> holds SHEET_BODY (raw XML)."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + _SHEET_OPEN[len('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') :]
        + head
        + f"<sheetData>{sheet_body}</sheetData>"
        + tail
        + "</worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES_XLSX)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def far_cell_xlsx() -> bytes:
    """A cell at A1 and one at XFD1048576: a dense reader allocates 17 billion cells (512 GiB)."""
    return xlsx(
        f'<row r="1">{cell("A1", "项目名称")}</row><row r="1048576">{cell("XFD1048576", "x")}</row>'
    )


def declared_dimension_xlsx() -> bytes:
    """Two real cells, a declared used range of the whole sheet."""
    return xlsx(
        f'<row r="1">{cell("A1", "项目名称")}{cell("B1", "牵头单位")}</row>',
        head='<dimension ref="A1:XFD1048576"/>',
    )


def merged_range_xlsx() -> bytes:
    """Two real cells, a merged range over a million rows (filled cell by cell by a reader)."""
    return xlsx(
        f'<row r="1">{cell("A1", "项目名称")}{cell("B1", "牵头单位")}</row>',
        tail='<mergeCells count="1"><mergeCell ref="A1:Z1000000"/></mergeCells>',
    )


def unnumbered_cells_xlsx(columns: int) -> bytes:
    """One row of COLUMNS cells written without their references (placed one after another)."""
    return xlsx("<row>" + "<c><v>1</v></c>" * columns + "</row>")


def entity_xlsx() -> bytes:
    """The billion laughs: nested entities that expand to gigabytes inside one cell."""
    lol = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
    )
    return xlsx(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
        prolog=f"<!DOCTYPE lolz [{lol}]>",
    )


def zip_bomb(name: str, member: str, size: int, *, filler: bytes = b"A") -> bytes:
    """A package whose MEMBER expands to SIZE bytes of FILLER (other members copied from a
    minimal package of the kind NAME's suffix says)."""
    base = _minimal(name)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
    ):
        for info in src.infolist():
            if info.filename != member:
                z.writestr(info.filename, src.read(info.filename))
        with z.open(member, "w", force_zip64=True) as stream:
            block = filler * (1 << 20)
            left = size
            while left > 0:
                stream.write(block[: min(left, len(block))])
                left -= len(block)
    return out.getvalue()


def docx_bomb(size: int) -> bytes:
    return zip_bomb("a.docx", "word/document.xml", size)


def xlsx_bomb(size: int) -> bytes:
    return zip_bomb("a.xlsx", "xl/sharedStrings.xml", size)


def many_members_docx(count: int) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_minimal("a.docx"))) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z,
    ):
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        for i in range(count):
            z.writestr(f"customXml/item{i}.bin", b"")
    return out.getvalue()


def entity_docx() -> bytes:
    """A Word file whose document declares an entity (XML expansion)."""
    base = _minimal("a.docx")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, sep, rest = data.partition(b"?>")
                data = head + sep + b'<!DOCTYPE w [<!ENTITY big "' + b"x" * 100 + b'">]>' + rest
            z.writestr(info.filename, data)
    return out.getvalue()


def _minimal(name: str) -> bytes:
    if name.endswith(".xlsx"):
        return xlsx(f'<row r="1">{cell("A1", "项目名称")}</row>')
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
