"""Word's automatic numbering reaches the text (and so the headings) as Word shows it."""

from __future__ import annotations

import io
from typing import Any

import pytest

from tuijin.ingest.pipeline import extract_text
from tuijin.ingest.readers import read_bytes
from tuijin.ingest.readers.word_numbering import chinese_number, format_number

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# One outline definition: 一、 / （一） / 1. — the usual shape of a plan's headings.
OUTLINE = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
BULLETS = f"""<w:abstractNum {W} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>"""


def _numbered_docx(paragraphs: list[tuple[str, str | None, int]], restart: bool = False) -> bytes:
    """Paragraphs as (text, numId or None, level); numId 90 is the outline, 91 bullets."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for xml in (BULLETS, OUTLINE):  # abstract definitions come before the instances
        numbering.insert(0, parse_xml(xml))
    instances = [
        f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>',
        f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>',
    ]
    if restart:
        instances.append(
            f'<w:num {W} w:numId="92"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    for xml in instances:
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            numbering.append(parse_xml(xml))
    for text, num_id, level in paragraphs:
        p = d.add_paragraph(text)
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _lines(data: bytes) -> list[str]:
    text, _ = read_bytes(data, "方案.docx")
    return text.split("\n")


def test_outline_numbers_are_written_before_the_heading_text() -> None:
    lines = _lines(
        _numbered_docx(
            [
                ("总体要求", "90", 0),
                ("指导思想", "90", 1),
                ("主要目标", "90", 1),
                ("到2027年，园区产值翻番。", None, 0),
                ("重点任务", "90", 0),
                ("壮大主导产业", "90", 1),
                ("建设新材料产业园", "90", 2),
                ("建设物流枢纽", "90", 2),
            ]
        )
    )
    assert lines[:8] == [
        "一、总体要求",
        "（一）指导思想",
        "（二）主要目标",
        "到2027年，园区产值翻番。",
        "二、重点任务",
        "（一）壮大主导产业",  # the deeper level starts again under a new 二、
        "1.建设新材料产业园",
        "2.建设物流枢纽",
    ]


def test_bullets_and_plain_paragraphs_get_no_label() -> None:
    lines = _lines(_numbered_docx([("加强组织领导", "91", 0), ("请各单位遵照执行。", None, 0)]))
    assert lines[:2] == ["加强组织领导", "请各单位遵照执行。"]


def test_a_second_instance_with_a_start_override_restarts_the_count() -> None:
    lines = _lines(
        _numbered_docx(
            [("第一部分", "90", 0), ("第二部分", "90", 0), ("附件说明", "92", 0)], restart=True
        )
    )
    assert lines[:3] == ["一、第一部分", "二、第二部分", "一、附件说明"]


def test_numbered_headings_become_the_heading_tree() -> None:
    text, _ = read_bytes(
        _numbered_docx(
            [
                ("关于印发园区提升行动方案的通知", None, 0),
                ("总体要求", "90", 0),
                ("主要目标", "90", 1),
                ("到2027年，园区产值达到500亿元。", None, 0),
                ("重点任务", "90", 0),
                ("建设新材料产业园（牵头单位：市工信局）", "90", 1),
            ]
        ),
        "方案.docx",
    )
    result = extract_text(text, name="方案.docx")
    shape = [(h.level, h.label, h.title) for h in result.headings]
    assert (1, "一", "总体要求") in shape
    assert (2, "一", "主要目标") in shape
    assert (1, "二", "重点任务") in shape


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (21, "二十一"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_chinese_counting(n: int, written: str) -> None:
    assert chinese_number(n) == written


@pytest.mark.parametrize(
    ("fmt", "n", "written"),
    [
        ("decimal", 3, "3"),
        ("decimalEnclosedCircle", 3, "③"),
        ("ideographTraditional", 2, "乙"),
        ("upperRoman", 4, "IV"),
        ("lowerLetter", 28, "bb"),
        ("decimalFullWidth", 12, "１２"),
        ("somethingNew", 7, "7"),
    ],
)
def test_number_formats(fmt: str, n: int, written: Any) -> None:
    assert format_number(n, fmt) == written


def test_a_heading_style_that_numbers_its_paragraphs_numbers_them() -> None:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document(io.BytesIO(_numbered_docx([])))
    style = d.styles["Heading 1"].element.get_or_add_pPr()
    style.append(parse_xml(f'<w:numPr {W}><w:numId w:val="90"/></w:numPr>'))
    d.add_paragraph("保障措施", style="Heading 1")
    d.add_paragraph("加强组织领导", style="Heading 1")
    buf = io.BytesIO()
    d.save(buf)
    assert [x for x in _lines(buf.getvalue()) if x][-2:] == ["一、保障措施", "二、加强组织领导"]
