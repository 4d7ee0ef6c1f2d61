"""Readers: encodings of plain text, docx with tables in order, pdf, html, xlsx, and refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tuijin.ingest.errors import ExtractionError
from tuijin.ingest.readers import read_bytes, read_document

PLAN = "一、总体要求\n到2025年，全市数字经济核心产业增加值突破三百亿元。\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("gbk", b""),
        ("gb18030", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_plain_text_encodings_are_detected(encoding: str, prefix: bytes, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + PLAN.encode(encoding))
    text, _ = read_document(path)
    assert text == PLAN


def test_gbk_text_reports_gbk() -> None:
    _, encoding = read_bytes("关于印发实施方案的通知\n".encode("gbk"), "a.txt")
    assert encoding == "gbk"


def test_traditional_big_text_in_utf8_is_kept_as_written() -> None:
    text, _ = read_bytes("關於印發產業發展規劃的通知\n".encode(), "a.txt")
    assert text.startswith("關於")


def test_crlf_line_ends_become_newlines() -> None:
    text, _ = read_bytes("第一行\r\n第二行\r\n".encode(), "a.txt")
    assert text == "第一行\n第二行\n"


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("关于印发重点任务分解表的通知")
    table = d.add_table(rows=3, cols=3)
    for i, value in enumerate(["序号", "工作任务", "牵头单位"]):
        table.cell(0, i).text = value
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "建设物流园"
    table.cell(1, 2).text = "市商务局"
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "改造老旧小区"
    table.cell(2, 2).text = "市住建局"
    d.add_paragraph("请认真贯彻执行。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_keeps_paragraphs_and_table_rows_in_order() -> None:
    text, encoding = read_bytes(_docx_bytes(), "任务.docx")
    assert encoding == "docx"
    assert text.split("\n") == [
        "关于印发重点任务分解表的通知",
        "序号\t工作任务\t牵头单位",
        "1\t建设物流园\t市商务局",
        "2\t改造老旧小区\t市住建局",
        "请认真贯彻执行。",
    ]


def test_docx_vertically_merged_cell_repeats_the_value_above() -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "重点任务"
    table.cell(0, 1).text = "责任单位"
    merged = table.cell(1, 1).merge(table.cell(2, 1))
    merged.text = "市发改委"
    table.cell(1, 0).text = "任务甲"
    table.cell(2, 0).text = "任务乙"
    buf = io.BytesIO()
    d.save(buf)
    text, _ = read_bytes(buf.getvalue(), "t.docx")
    assert "任务乙\t市发改委" in text.split("\n")


def _pdf(text: str) -> bytes:
    """A one-page PDF with a Helvetica text layer, written by hand."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_pdf_text_layer_is_read() -> None:
    text, encoding = read_bytes(_pdf("Plan 2025 target 300"), "p.pdf")
    assert encoding == "pdf"
    assert "Plan 2025 target 300" in text


def test_pdf_without_text_layer_is_refused_with_a_chinese_message() -> None:
    with pytest.raises(ExtractionError) as err:
        read_bytes(_pdf(""), "scan.pdf")
    assert err.value.code == "I002"
    assert "文字层" in err.value.message


def test_html_main_text_without_navigation_scripts_or_footer() -> None:
    html = """<html><head><meta charset="gbk"><title>t</title><style>p{}</style></head><body>
      <div class="nav">首页 | 新闻</div><header>网站标题</header>
      <div class="content"><h1>园区项目集中开工</h1><p>今年共开工项目<b>32</b>个。</p>
      <p>总投资156亿元。</p><script>var a=1;</script></div>
      <footer>版权所有</footer></body></html>"""
    text, encoding = read_bytes(html.encode("gbk"), "news.html")
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines == ["园区项目集中开工", "今年共开工项目32个。", "总投资156亿元。"]
    assert encoding.startswith("html")


def test_xlsx_rows_become_tab_lines_and_merged_cells_repeat() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["重点任务", "具体任务", "牵头单位"])
    ws.append(["产业升级", "建设物流园", "市商务局"])
    ws.append([None, "培育链主企业", "市工信局"])
    ws.merge_cells("A2:A3")
    buf = io.BytesIO()
    wb.save(buf)
    text, encoding = read_bytes(buf.getvalue(), "分解表.xlsx")
    assert encoding == "xlsx"
    assert "产业升级\t培育链主企业\t市工信局" in text.split("\n")


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.exe", b"MZ", "I001"),
        ("a.doc", b"\xd0\xcf\x11\xe0", "I001"),
        ("a.txt", b"", "I002"),
        ("a.txt", b"   \n  ", "I002"),
        ("a.docx", b"not a zip", "I004"),
        ("a.docx", b"PK\x03\x04broken", "I004"),
        ("a.pdf", b"%PDF-1.4 garbage", "I004"),
        ("a.pdf", b"hello", "I004"),
        ("a.xlsx", b"PK\x03\x04xx", "I004"),
    ],
)
def test_bad_inputs_raise_coded_errors(name: str, data: bytes, code: str) -> None:
    with pytest.raises(ExtractionError) as err:
        read_bytes(data, name)
    assert err.value.code == code


def test_binary_noise_is_an_unknown_encoding() -> None:
    noise = bytes(range(0, 32)) * 200
    with pytest.raises(ExtractionError) as err:
        read_bytes(noise, "noise.txt")
    assert err.value.code == "I003"


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as err:
        read_document(tmp_path / "none.txt")
    assert err.value.code == "I007"
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(ExtractionError) as err:
        read_document(big, max_bytes=1000)
    assert err.value.code == "I005"


def test_pdf_lines_wrapped_inside_a_paragraph_are_joined() -> None:
    from tuijin.ingest.readers import unwrap

    wrapped = "\n".join(
        [
            "一、总体要求",
            "坚持稳中求进工作总基调，完整准确全面贯彻新发展",
            "理念，加快构建新发展格局，推动高质量发展取得新",
            "成效。",
            "（一）发展目标",
            "到2025年，全市地区生产总值年均增长百分之六左右",
            "，规上工业增加值年均增长百分之八。",
        ]
    )
    assert unwrap(wrapped).split("\n") == [
        "一、总体要求",
        "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，推动高质量发展取得新成效。",
        "（一）发展目标",
        "到2025年，全市地区生产总值年均增长百分之六左右，规上工业增加值年均增长百分之八。",
    ]


def test_big5_traditional_text_is_not_mistaken_for_gbk() -> None:
    source = "關於推動產業發展的實施意見\n一、總體要求\n到2025年，產業規模顯著擴大。\n"
    text, encoding = read_bytes(source.encode("big5"), "trad.txt")
    assert text == source
    assert encoding == "big5"
