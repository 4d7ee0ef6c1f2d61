"""Any input ends in an Extraction or an ExtractionError, never another exception or a hang.

The property tests run TUIJIN_FUZZ_EXAMPLES cases each (300 by default, to keep the test run
fast); the full run is
    TUIJIN_FUZZ_EXAMPLES=10000 .venv/bin/pytest tuijin/ingest/tests/test_robustness.py
"""

from __future__ import annotations

import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuijin.ingest.errors import ExtractionError
from tuijin.ingest.pipeline import extract_text
from tuijin.ingest.readers import read_bytes
from tuijin.ingest.result import Extraction

EXAMPLES = int(os.environ.get("TUIJIN_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text made of the characters the rules care about, so that the fuzzing reaches them.
GENRE = (
    "一二三四五六七八九十、。，；：（）()〔〕[]【】\n\t 12345号年月日"
    "责任单位牵头负责市局委办政府关于通知来源发布时间—"
)
genre_text = st.text(
    alphabet=st.sampled_from(list(GENRE)) | st.characters(codec="utf-8"), max_size=600
)


def _outcome(data: bytes, name: str) -> Extraction | ExtractionError:
    try:
        text, encoding = read_bytes(data, name)
        return extract_text(text, name=name, encoding=encoding)
    except ExtractionError as exc:
        return exc


@FUZZ
@given(genre_text)
def test_random_text_always_extracts(text: str) -> None:
    result = extract_text(text)
    assert isinstance(result, Extraction)
    assert result.warnings == []
    for h in result.headings:
        assert 0 <= h.span.start <= h.span.end <= len(text)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.html", "a.xlsx"]))
def test_random_bytes_give_result_or_coded_error(data: bytes, name: str) -> None:
    outcome = _outcome(data, name)
    assert isinstance(outcome, Extraction | ExtractionError)


@FUZZ
@given(
    genre_text, st.integers(min_value=0, max_value=400), st.sampled_from(["gbk", "utf-16", "utf-8"])
)
def test_truncated_and_mixed_encodings(text: str, cut: int, encoding: str) -> None:
    data = text.encode(encoding, errors="ignore")
    mixed = data[:cut] + text.encode("utf-8") + data[cut : cut * 2]
    for sample in (data[:cut], mixed):
        assert isinstance(_outcome(sample, "m.txt"), Extraction | ExtractionError)


def test_multi_megabyte_junk_text_completes() -> None:
    rng = random.Random(7)
    alphabet = GENRE + "abcxyz0123456789%"
    junk = "".join(rng.choice(alphabet) for _ in range(200_000)) * 6  # ~3 MB of UTF-8
    one_line = "（" * 50_000 + "责任单位：" * 20_000 + "1、" * 50_000
    for text in (junk, one_line):
        result = extract_text(text)
        assert isinstance(result, Extraction)
