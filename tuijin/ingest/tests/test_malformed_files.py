"""Malformed .docx/.xlsx/.pdf/.html (valid files with bytes flipped, cut short or a member's XML
replaced by noise), read as an upload is read (in a bounded child): each ends in text or a coded
refusal within 5 seconds, never in a crash or a hang of the caller.

TUIJIN_FUZZ_FILES cases per format (25 by default; each forks a child):
    TUIJIN_FUZZ_FILES=1000 .venv/bin/pytest tuijin/ingest/tests/test_malformed_files.py
"""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuijin.ingest.errors import ExtractionError
from tuijin.ingest.readers import read_bytes_isolated

from . import hostile
from .test_readers import _pdf

CASES = int(os.environ.get("TUIJIN_FUZZ_FILES", "25"))
FUZZ = settings(max_examples=CASES, deadline=None, suppress_health_check=list(HealthCheck))

HTML = (
    "<html><head><title>通知</title></head><body><nav>首页</nav><article><h1>实施方案</h1>"
    "<p>一、总体要求</p><table><tr><td>项目</td><td>单位</td></tr></table></article></body></html>"
).encode()


def _samples() -> dict[str, bytes]:
    return {
        "a.docx": hostile._minimal("a.docx"),
        "a.xlsx": hostile.xlsx(
            f'<row r="1">{hostile.cell("A1", "项目名称")}{hostile.cell("B1", "牵头单位")}</row>'
        ),
        "a.pdf": _pdf("Plan 2025 target 300"),
        "a.html": HTML,
    }


SAMPLES = _samples()
edits = st.lists(
    st.tuples(st.floats(min_value=0, max_value=1), st.integers(min_value=0, max_value=255)),
    min_size=1,
    max_size=12,
)


def _read_within_bounds(data: bytes, name: str) -> None:
    started = time.monotonic()
    try:
        text, _ = read_bytes_isolated(data, name)
        assert isinstance(text, str)
    except ExtractionError as exc:
        assert exc.code.startswith("I") and exc.message
    assert time.monotonic() - started <= 5


@pytest.mark.parametrize("name", sorted(SAMPLES))
@FUZZ
@given(edits=edits, cut=st.floats(min_value=0.05, max_value=1))
def test_flipped_or_truncated_files_end_in_text_or_a_coded_refusal(
    name: str, edits: list[tuple[float, int]], cut: float
) -> None:
    data = bytearray(SAMPLES[name])
    for where, value in edits:
        data[min(int(where * len(data)), len(data) - 1)] = value
    _read_within_bounds(bytes(data[: max(1, int(len(data) * cut))]), name)


@pytest.mark.parametrize("name", ["a.docx", "a.xlsx"])
@FUZZ
@given(noise=st.binary(max_size=3000) | st.text(alphabet="<>/=\"'&;!x ADOCTYPENTIY:", max_size=400))
def test_a_member_of_noise_ends_in_text_or_a_coded_refusal(name: str, noise: bytes | str) -> None:
    payload = noise if isinstance(noise, bytes) else noise.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SAMPLES[name])) as src, zipfile.ZipFile(out, "w") as z:
        victims = [i.filename for i in src.infolist() if i.filename.endswith(".xml")]
        victim = victims[len(payload) % len(victims)]
        for info in src.infolist():
            z.writestr(info.filename, payload if info.filename == victim else src.read(info))
    _read_within_bounds(out.getvalue(), name)
