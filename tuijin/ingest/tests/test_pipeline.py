"""The whole pipeline: stages, spans into the original, tasks, the CLI."""

from __future__ import annotations

import gc
import itertools
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tuijin.ingest.cli import main
from tuijin.ingest.errors import ExtractionError
from tuijin.ingest.pipeline import STAGES, extract_file, extract_text


def doc(source: str) -> str:
    """A test document written indented inside the test."""
    return textwrap.dedent(source).lstrip("\n")


PLAN = doc("""
    某市人民政府办公室
    关于印发某市物流业发展三年行动方案的通知
    某政办发〔2024〕12号
    各县区人民政府，市政府各部门：
    《某市物流业发展三年行动方案》已经市政府同意，现印发给你们，请认真贯彻落实。
    一、主要目标
    到2026年，全市社会物流总额突破五千亿元。
    二、重点任务
    （一）建设物流枢纽。2025年底前建成陆港型国家物流枢纽，完善多式联运体系。（牵头单位：市发展改革委；责任单位：市交通运输局、市商务局）
    （二）培育物流企业
    支持龙头企业兼并重组，培育5A级物流企业三家。（责任单位：市商务局）
    某市人民政府办公室
    2024年3月8日
    """)


def test_stages_are_named_and_ordered() -> None:
    names = [name for name, _ in STAGES]
    assert names[:4] == ["normalize", "share", "segment", "meta"]
    assert names.index("headings") < names.index("assignments") < names.index("tasks")


def test_plan_meta_headings_assignments_and_tasks() -> None:
    r = extract_text(PLAN, name="plan.txt")
    assert r.meta.doc_number == "某政办发〔2024〕12号"
    assert r.meta.date == "2024-03-08"
    assert [h.title for h in r.headings] == ["主要目标", "重点任务", "建设物流枢纽", "培育物流企业"]
    assert [(a.anchor, a.lead, a.responsible) for a in r.assignments] == [
        ("建设物流枢纽", ["市发展改革委"], ["市交通运输局", "市商务局"]),
        ("支持龙头企业兼并重组，培", [], ["市商务局"]),
    ]
    first = r.tasks[r.assignments[0].task]  # type: ignore[index]
    assert first.section == ["重点任务", "建设物流枢纽"]
    assert first.deadline == "2025-12-31"
    second = r.tasks[r.assignments[1].task]  # type: ignore[index]
    assert second.section == ["重点任务", "培育物流企业"]


def test_every_span_indexes_the_original_text() -> None:
    text = PLAN.replace("发展", "發展")  # traditional characters keep their offsets
    r = extract_text(text)
    for h in r.headings:
        assert h.title in text[h.span.start : h.span.end]
    for a in r.assignments:
        marker = text[a.span.start : a.span.end]
        assert all(u in marker for u in a.lead + a.responsible)
    for d in r.dates:
        assert text[d.span.start : d.span.end] == d.text


def test_json_shape_has_schema_keys() -> None:
    data = extract_text(PLAN).to_json()
    assert {"meta", "headings", "assignments", "quantities", "projects"} <= set(data)
    assert data["assignments"][0]["span"] == list(data["assignments"][0]["span"])


def test_the_shallow_json_for_files_writes_exactly_what_the_full_one_does() -> None:
    result = extract_text(PLAN)
    full = result.to_json()
    assert full["headings"] and isinstance(full["headings"][0]["span"], list)
    written = json.loads(json.dumps(result.to_json(shallow=True), ensure_ascii=False))
    assert written == full


def test_empty_text_gives_an_empty_extraction() -> None:
    r = extract_text("")
    assert r.headings == [] and r.assignments == [] and r.meta.title is None


def test_time_budget_raises_timeout() -> None:
    with pytest.raises(ExtractionError) as err:
        extract_text(PLAN, budget_s=-1)
    assert err.value.code == "I006"


def test_extract_file_reads_gbk(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode("gbk"))
    r = extract_file(path)
    assert r.encoding == "gbk" and r.doc == "plan.txt"
    assert len(r.assignments) == 2


def test_cli_writes_one_json_per_file_and_reports_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    out = tmp_path / "out"
    code = main(["extract", str(good), str(bad), "--out", str(out)])
    assert code == 1
    assert "bad.docx: [I004]" in capsys.readouterr().err
    data = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert data["meta"]["doc_number"] == "某政办发〔2024〕12号"
    assert not (out / "bad.json").exists()


def test_cli_prints_json_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    assert main([str(good), "--out", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["doc"] == "good.txt"


def test_an_in_process_run_gives_the_cycle_collector_back(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    assert gc.isenabled()
    assert main([str(good), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")]) == 1
    assert gc.isenabled()


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "tuijin.ingest", str(good), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o" / "good.json").exists()


def test_importing_the_cli_does_not_load_the_engine() -> None:
    code = (
        "import sys, tuijin.ingest.cli; "
        "print(any(m in sys.modules for m in ('opencc', 'docx', 'pypdf', 'bs4', "
        "'tuijin.ingest.pipeline')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_matching_text_is_simplified_and_keeps_the_length() -> None:
    from tuijin.ingest.normalize import looks_traditional, matching_text

    original = "關於印發產業發展規劃的通知\n責任單位：市發展改革委，２０２５年底前完成。"
    simp = matching_text(original)
    assert len(simp) == len(original)
    assert simp.startswith("关于印发产业发展规划的通知")
    assert "2025年" in simp
    assert looks_traditional(original)
    assert not looks_traditional("关于印发产业发展规划的通知，这个国家的发展")


def test_traditional_document_end_to_end() -> None:
    text = doc("""
        關於推進產業發展的實施意見
        一、總體要求
        （一）發展目標。到2025年，產業規模顯著擴大。（責任單位：市發展改革委、市財政局）
        """)
    r = extract_text(text)
    assert r.meta.title == "關於推進產業發展的實施意見"
    assert [h.title for h in r.headings] == ["總體要求", "發展目標"]
    assert [(a.anchor, a.responsible) for a in r.assignments] == [
        ("發展目標", ["市發展改革委", "市財政局"])
    ]


def test_a_stage_running_past_the_budget_is_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from tuijin.ingest import pipeline

    def slow(work: pipeline.Work) -> None:
        time.sleep(5)

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES[:2], ("slow", slow)])
    started = time.monotonic()
    with pytest.raises(ExtractionError) as err:
        pipeline.extract_text("一、总体要求\n", budget_s=0.3)
    assert err.value.code == "I006"
    assert time.monotonic() - started < 4


def test_a_rule_error_becomes_a_warning_but_a_broken_install_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tuijin.ingest import pipeline

    def buggy(work: pipeline.Work) -> None:
        raise ValueError("规则出错")

    def missing(work: pipeline.Work) -> None:
        raise ImportError("no module named tuijin.ingest.dates")

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES[:2], ("buggy", buggy)])
    result = pipeline.extract_text("一、总体要求\n")
    assert result.warnings == ["buggy: ValueError: 规则出错"]
    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES[:2], ("missing", missing)])
    with pytest.raises(ImportError):
        pipeline.extract_text("一、总体要求\n")


def test_long_text_is_cut_into_pieces_at_headings_with_spans_kept() -> None:
    from tuijin.ingest import pipeline

    section = "".join(f"（{i}）推进第{i}项工作。全年完成投资1{i}亿元。\n" for i in range(1, 9))
    text = "".join(f"{n}、第{n}部分\n" + section * 300 for n in "一二三")
    r = extract_text(text)
    heads = r.headings
    pieces = list(pipeline.chunks(text, heads))
    assert len(pieces) > 1
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    for q in r.quantities:
        assert text[q.span.start : q.span.end] == q.text


def test_lines_paragraphs_and_sentences_keep_offsets() -> None:
    from tuijin.ingest.segment import paragraphs, sentences, split_lines

    text = "  一、总体要求\r\n\n到2025年，规模突破千亿元；力争翻番！\n"
    lines = split_lines(text)
    assert [(ln.index, ln.text) for ln in paragraphs(lines)] == [
        (0, "一、总体要求"),
        (2, "到2025年，规模突破千亿元；力争翻番！"),
    ]
    assert all(text[ln.start : ln.end] == ln.text for ln in lines)
    assert [text[s:e] for s, e in sentences(text)] == [
        "一、总体要求",
        "到2025年，规模突破千亿元；",
        "力争翻番！",
    ]


def test_json_files_are_one_item_a_line_unless_the_result_is_large() -> None:
    import io

    from tuijin.ingest.cli import write_json
    from tuijin.ingest.result import Extraction, ProjectMention, Span

    small = extract_text(PLAN)
    out = io.BytesIO()
    write_json(small.to_json(shallow=True, items=False), out)
    assert out.getvalue().count(b"\n") > len(small.headings)
    assert json.loads(out.getvalue()) == small.to_json()
    large = Extraction(doc="b.txt", text="")
    large.projects = [ProjectMention(f"第{i}号项目", Span(i, i + 5)) for i in range(2_500)]
    out = io.BytesIO()
    write_json(large.to_json(shallow=True, items=False), out)
    assert out.getvalue().count(b"\n") == 1
    assert json.loads(out.getvalue()) == large.to_json()
