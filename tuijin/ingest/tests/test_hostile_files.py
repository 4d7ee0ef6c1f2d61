"""Crafted files are refused by their bounds before a parser sees them, and whatever a reader
still does wrong happens in a child process that is stopped, never in the caller."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tuijin.ingest.errors import (
    OVER_RESOURCES,
    PACKAGE_BOMB,
    SHEET_TOO_LARGE,
    TIMEOUT,
    TOO_LARGE,
    XML_DECLARATION,
    ExtractionError,
)
from tuijin.ingest.readers import read_bytes, read_bytes_isolated
from tuijin.ingest.readers.isolated import run_isolated
from tuijin.ingest.readers.limits import Limits, check_package, check_text
from tuijin.ingest.readers.sheet import read_grids

from . import hostile

MB = 1024 * 1024


def refused(data: bytes, name: str) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        read_bytes(data, name)
    return caught.value


@pytest.mark.parametrize(
    "build",
    [hostile.far_cell_xlsx, hostile.declared_dimension_xlsx, hostile.merged_range_xlsx],
    ids=["cell-at-XFD1048576", "declared-dimension", "merged-range"],
)
def test_a_sheet_whose_range_is_out_of_bounds_is_refused_before_reading(
    build: Callable[[], bytes],
) -> None:
    data = build()
    assert len(data) < 5_000
    started = time.monotonic()
    error = refused(data, "台账.xlsx")
    assert error.code == SHEET_TOO_LARGE
    assert "工作表范围过大" in error.message
    assert time.monotonic() - started < 2


def test_cells_without_references_count_one_after_another() -> None:
    limits = Limits(sheet_columns=50)
    check_package(hostile.unnumbered_cells_xlsx(50), ".xlsx", limits)
    with pytest.raises(ExtractionError) as caught:
        check_package(hostile.unnumbered_cells_xlsx(51), ".xlsx", limits)
    assert caught.value.code == SHEET_TOO_LARGE


def test_a_workbook_with_too_many_cells_is_refused() -> None:
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 101))
    with pytest.raises(ExtractionError) as caught:
        check_package(hostile.xlsx(body), ".xlsx", Limits(sheet_cells=99))
    assert caught.value.code == SHEET_TOO_LARGE
    check_package(hostile.xlsx(body), ".xlsx", Limits(sheet_cells=100))


def test_an_ordinary_sheet_reads_as_before() -> None:
    text, _ = read_bytes(
        hostile.xlsx(f'<row r="1">{hostile.cell("A1", "项目名称")}</row>'), "台账.xlsx"
    )
    assert "项目名称" in text


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.docx_bomb, "规划.docx"), (hostile.xlsx_bomb, "规划.xlsx")],
    ids=["docx", "xlsx"],
)
def test_a_zip_bomb_is_refused_from_the_directory_without_inflating(
    build: Callable[[int], bytes], name: str
) -> None:
    data = build(200 * MB)  # a few hundred KB on disk
    assert len(data) < 1 * MB
    started = time.monotonic()
    error = refused(data, name)
    assert error.code == PACKAGE_BOMB
    assert "压缩炸弹" in error.message
    assert time.monotonic() - started < 2


def test_a_member_compressed_beyond_the_ratio_is_refused_below_the_size_bound() -> None:
    data = hostile.docx_bomb(20 * MB)
    with pytest.raises(ExtractionError) as caught:
        check_package(data, ".docx")
    assert caught.value.code == PACKAGE_BOMB
    assert "压缩比" in caught.value.message
    check_package(data, ".docx", Limits(ratio=10_000))  # the bound, not the file, refused it


def test_a_package_of_too_many_members_is_refused() -> None:
    with pytest.raises(ExtractionError) as caught:
        check_package(hostile.many_members_docx(60), ".docx", Limits(members=50))
    assert caught.value.code == PACKAGE_BOMB


@pytest.mark.parametrize(
    ("build", "name"),
    [(hostile.entity_xlsx, "台账.xlsx"), (hostile.entity_docx, "规划.docx")],
    ids=["xlsx", "docx"],
)
def test_an_xml_entity_declaration_is_refused(build: Callable[[], bytes], name: str) -> None:
    error = refused(build(), name)
    assert error.code == XML_DECLARATION


def test_text_over_the_length_bound_is_refused() -> None:
    with pytest.raises(ExtractionError) as caught:
        check_text("字" * 101, Limits(text_chars=100))
    assert caught.value.code == TOO_LARGE


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUIJIN_LIMIT_SHEET_ROWS", "123")
    monkeypatch.setenv("TUIJIN_LIMIT_RATIO", "not a number")
    limits = Limits.from_env()
    assert limits.sheet_rows == 123
    assert limits.ratio == Limits().ratio


# the child process -------------------------------------------------------------------------
def _abort() -> None:
    os.abort()  # what calamine does when an allocation of 512 GiB fails


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def _allocate(megabytes: int) -> int:
    block = bytearray(megabytes * MB)
    return len(block)


def _refuse() -> None:
    raise ExtractionError(PACKAGE_BOMB, "拒绝")


def test_a_reader_that_aborts_costs_only_the_child() -> None:
    with pytest.raises(ExtractionError) as caught:
        run_isolated(_abort)
    assert caught.value.code == OVER_RESOURCES
    assert "退出码 -6" in caught.value.message
    assert run_isolated(_sleep, 0) == "woke"  # and the caller goes on


def test_a_reader_that_overstays_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(ExtractionError) as caught:
        run_isolated(_sleep, 30, timeout_s=0.5)
    assert caught.value.code == TIMEOUT
    assert time.monotonic() - started < 5


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="address-space limit: Linux")
def test_a_reader_that_allocates_past_the_budget_is_refused() -> None:
    with pytest.raises(ExtractionError) as caught:
        run_isolated(_allocate, 400, memory_mb=200)
    assert caught.value.code == OVER_RESOURCES
    assert run_isolated(_allocate, 50, memory_mb=200) == 50 * MB


def test_a_coded_refusal_crosses_the_process_boundary() -> None:
    with pytest.raises(ExtractionError) as caught:
        run_isolated(_refuse)
    assert (caught.value.code, caught.value.message) == (PACKAGE_BOMB, "拒绝")


def test_past_the_bounds_the_child_still_stops_a_crashing_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the sheet bounds lifted, calamine aborts on the far cell: the child dies, we don't."""
    for name in ("SHEET_ROWS", "SHEET_COLUMNS", "SHEET_AREA"):
        monkeypatch.setenv(f"TUIJIN_LIMIT_{name}", str(10**15))
    with pytest.raises(ExtractionError) as caught:
        run_isolated(read_grids, hostile.far_cell_xlsx())
    assert caught.value.code == OVER_RESOURCES
    with pytest.raises(ExtractionError):
        read_bytes_isolated(hostile.far_cell_xlsx(), "台账.xlsx")


# the command line ------------------------------------------------------------------------
def test_tuijin_extract_refuses_crafted_files_and_goes_on_with_the_others(tmp_path: Path) -> None:
    (tmp_path / "far.xlsx").write_bytes(hostile.far_cell_xlsx())
    (tmp_path / "bomb.docx").write_bytes(hostile.docx_bomb(200 * MB))
    (tmp_path / "plan.txt").write_text("一、总体要求\n到2025年，工业增加值增长8%。\n")
    out = tmp_path / "out"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tuijin.ingest",
            *map(str, sorted(tmp_path.glob("*.*"))),
            "--out",
            out,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr  # some files refused, not a crash (134)
    assert "[I008]" in run.stderr and "[I009]" in run.stderr
    assert (out / "plan.json").exists()


@pytest.fixture
def with_a_thread() -> Iterator[None]:
    """A second thread in this process, as in a web or worker process: no fork from here."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()


@pytest.mark.usefixtures("with_a_thread")
def test_a_process_with_threads_parses_in_a_fresh_interpreter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert threading.active_count() > 1
    text, _ = read_bytes_isolated(hostile.xlsx('<row r="1"><c r="A1"><v>7</v></c></row>'), "a.xlsx")
    assert text.splitlines()[-1] == "7"
    with pytest.raises(ExtractionError) as caught:
        run_isolated(read_grids, hostile.far_cell_xlsx())
    assert caught.value.code == SHEET_TOO_LARGE
    for name in (
        "SHEET_ROWS",
        "SHEET_COLUMNS",
        "SHEET_AREA",
    ):  # the caller's bounds, as they are now
        monkeypatch.setenv(f"TUIJIN_LIMIT_{name}", str(10**15))
    with pytest.raises(ExtractionError) as caught:
        run_isolated(read_grids, hostile.far_cell_xlsx())
    assert caught.value.code == OVER_RESOURCES  # calamine aborted the child, not us
    with pytest.raises(ExtractionError) as caught:
        run_isolated(_sleep, 30, timeout_s=1)
    assert caught.value.code == TIMEOUT
