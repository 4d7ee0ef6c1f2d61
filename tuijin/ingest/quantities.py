"""Figures (quantities) of a plan document: entry point of the figures stage.

`extract_quantities` finds every Arabic-digit figure that measures something (money, mass,
area, power, percentages, counts with a measure word …) and labels it with its value, unit,
kind (target / actual / spec), year, subject, base value and tier. Figures written only in
Chinese numerals are not emitted (the gold counts Arabic-digit figures only); other stages
read them with `tuijin.ingest.numerals.parse_chinese_number`.
Bare numbers in indicator and project tables (tab- or bar-separated rows under a header of
years, tiers or units) are figures too, flagged "table".
The work is split over tuijin/ingest/figures/: scan (candidates), context (sentences, years,
genre), kind (target/actual/spec, tier), subject and table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from tuijin.ingest.figures.context import Genre, build_context
from tuijin.ingest.figures.kind import (
    TIER_NAMES,
    kind_and_year,
    noun_after,
    skip_threshold,
    spec_reason,
    tier_of,
)
from tuijin.ingest.figures.scan import RawFigure, scan_figures
from tuijin.ingest.figures.subject import GROWTH_RE, subject_of, topic_stem
from tuijin.ingest.result import Heading, Quantity, QuantityKind, Span
from tuijin.ingest.units import category, clean_unit, normalise

__all__ = ["extract_quantities"]

_RATE_WORDS: Final = ("率", "比重", "占比", "比例", "覆盖", "份额")  # a subject that is a rate


_normalise = lru_cache(maxsize=8192)(normalise)


def _base(fig: RawFigure) -> tuple[float | None, str | None]:
    value = fig.value
    if isinstance(value, list):
        if len(value) == 3 and value[1] == "x":
            return _normalise(float(value[0]) * float(value[2]), fig.unit)
        return None, _normalise(float(value[0]), fig.unit)[1]
    return _normalise(-float(value) if fig.negative else float(value), fig.unit)


def _flags(fig: RawFigure, subject: str | None, cat: str | None) -> list[str]:
    value = fig.value
    ranged = isinstance(value, list)
    if not ranged and not fig.garbled:
        if cat == "percent":
            top = float(value)
            if top <= 100 or fig.unit != "%":
                return []
            rate = bool(subject and any(w in subject for w in _RATE_WORDS))
            return ["implausible"] if top > 1000 or rate else []
        return ["implausible"] if cat == "count" and fig.negative else []
    flags: list[str] = []
    values = [v for v in (value if ranged else [value]) if not isinstance(v, str)]
    top = max(float(v) for v in values)
    rate = bool(subject and any(w in subject for w in _RATE_WORDS))
    if cat == "percent" and fig.unit == "%" and (top > 1000 or (top > 100 and rate)):
        flags.append("implausible")
    if cat == "count" and fig.negative:
        flags.append("implausible")
    if ranged and len(value) == 2 and value[0] > value[1]:
        flags.append("implausible")
    if fig.garbled:
        flags.append("garbled_digits")
    return flags


def extract_quantities(
    text: str,
    *,
    headings: Sequence[Heading] = (),
    title: str | None = None,
    original: str | None = None,
    date: str | None = None,
) -> list[Quantity]:
    """All measuring figures of `text` in document order (spans index `text`).

    `original`: the document as written when `text` is its length-preserving simplified form
    (a traditional-character document); `Quantity.text` and `unit` are then taken from it, so
    they stay exact substrings of what the reader sees (`152個`, unit `個`).
    `date`: the document's ISO date (meta.date) when known; a sentence year before it reports
    (actual), after it aims (target). Without it the year is read from a dateline in the text.
    """
    if original is not None and len(original) != len(text):
        original = None
    ctx = build_context(text, headings, title, date)
    tier_words = _tier_positions(text)
    n_tier = len(tier_words)
    near = 0  # the first tier word at most 2400 characters before the figure
    out: list[Quantity] = []
    append = out.append
    prev_end = -1
    topic: str | None = None  # the last full subject in the sentence, for a later bare 增长
    topic_sentence = -1
    tier_subject: str | None = None  # the subject of the sentence's first tier figure
    tier_sentence = -1
    # blocks where the simplified text differs from the printed one: subjects there are mapped
    changed = _changed_blocks(text, original) if original is not None else []
    genre_at = -1  # the sentence whose section genre is in `genre`
    genre: Genre = ctx.genre
    sentence, clause, block_genre = ctx.sentence, ctx.clause, ctx.block_genre
    for fig in scan_figures(text):
        start, end, unit = fig.start, fig.end, fig.unit
        s_start, s_end = sentence(start)
        if s_start != genre_at:  # a sentence lies within one line, so under one heading
            genre, genre_at = block_genre(start), s_start
        c_start, c_end = clause(start, end, s_start, s_end)
        tier = None
        if n_tier:  # a tier word in the clause, or up to 2400 characters above for a table
            while near < n_tier and tier_words[near] < start - 2400:
                near += 1  # figures come in text order
            if near < n_tier and tier_words[near] < c_end:
                tier = tier_of(text, fig, c_start, c_end, table=tier_words[near] < start)
        cat = category(unit)
        first_noun = noun = fig.noun
        reason = None if tier else spec_reason(text, fig, s_start, s_end, c_start, first_noun, cat)
        pre = text[prev_end if prev_end > c_start else c_start : start]
        if not noun and text.startswith(("以上", "以下", "左右"), end):  # 建成20个以上示范项目:
            gap = end + 3 if text.startswith("的", end + 2) else end + 2  # the name follows
            noun = noun_after(text, gap)
        if reason == "threshold":
            noun = noun_after(text, skip_threshold(text, end))
        if s_start > topic_sentence:
            topic = None
        if c_start > s_start and text[c_start - 1] in "：:" and _ONLY_VERBS.fullmatch(pre):
            pre = _label(text, s_start, c_start - 1) + pre  # ——海洋生产总值：1600亿元
        count = cat == "count"
        subject = subject_of(pre, noun, reason, count, topic)
        if tier is not None:  # 目标值4260亿元、争取值4320亿元: later tiers measure the same
            if s_start != tier_sentence:
                tier_subject = None
            own = subject_of(pre, noun, reason, count, None)
            if tier_subject and (not own or own == noun or GROWTH_RE.fullmatch(own)):
                percent = cat == "percent"  # only a rate can be a 增长
                subject = tier_subject if percent else topic_stem(tier_subject)
            elif subject:
                tier_subject, tier_sentence = subject, s_start
        if reason is not None:
            kind, year = "spec", None
        else:
            if subject and (len(subject) > 5 or not GROWTH_RE.fullmatch(subject)):
                topic, topic_sentence = subject, s_start
            kind, year = kind_and_year(
                ctx, fig, s_start, c_start, c_end, tier, first_noun, genre, cat
            )
        written = fig.text
        if changed and original is not None and _changed_near(changed, s_start - 40, end + 40):
            written = original[start:end]  # as printed (traditional stays traditional)
            unit = clean_unit(original[fig.unit_start : end])
            if subject:
                subject = _as_printed(subject, text, original, s_start, end)
        value = fig.value
        if value.__class__ is not list:  # most figures: one number, no flags
            number = -float(value) if fig.negative else float(value)
            base_value, base_unit = _normalise(number, fig.unit)
            plain = not fig.garbled and cat != "percent" and (cat != "count" or not fig.negative)
            flags = [] if plain else _flags(fig, subject, cat)
        else:
            base_value, base_unit = _base(fig)
            flags = _flags(fig, subject, cat)
        append(
            Quantity(
                written,
                value,
                unit,
                kind,  # type: ignore[arg-type]
                Span(start, end),
                year,
                subject,
                base_value,
                base_unit,
                tier,
                flags,
            )
        )
        prev_end = end
    if "\t" in text or "|" in text or "｜" in text:
        default: QuantityKind = "target" if ctx.genre == "plan" else "actual"
        out = _merge(out, _table_quantities(text, original, default))
    return out


# what may stand between a label's colon and its figure: ——5G基站：累计建成1.2万个
_ONLY_VERBS: Final = re.compile(
    r"(?:累计|新建|建成|新增|完成|实现|达到|达|力争|争取|突破|超过|保持在|稳定在|控制在|提高到|"
    r"提升到|约|不低于|不少于|不超过|不高于|以上|[ \u3000])*"
)
_LABEL: Final = re.compile(r"[^，,。；;：:\n]{1,30}$")


def _label(text: str, lo: int, colon: int) -> str:
    """The label before a colon that a figure follows (`——海洋生产总值：1600亿元`)."""
    m = _LABEL.search(text, max(lo, colon - 30), colon)
    return m.group(0) if m else ""


_BLOCK = 256


_TIER_STEMS: Final = frozenset(w[:-1] for w in TIER_NAMES)  # 目标值 …: each ends with 值


def _tier_positions(text: str) -> list[int]:
    """Sorted start positions of the tier words, found from their 值 (str.find of one character
    is much faster than of a word; the words cannot overlap, each ending in its own 值)."""
    out: list[int] = []
    i = text.find("值", 2)
    while i >= 0:
        if text[i - 2 : i] in _TIER_STEMS:
            out.append(i - 2)
        i = text.find("值", i + 1)
    return out


def _changed_blocks(text: str, original: str) -> list[int]:
    """Start of each 256-character block where `text` and `original` differ (slice compares)."""
    if text == original:
        return []
    n = len(text)
    return [i for i in range(0, n, _BLOCK) if text[i : i + _BLOCK] != original[i : i + _BLOCK]]


def _changed_near(changed: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(changed, lo - _BLOCK + 1)
    return i < len(changed) and changed[i] < hi


def _as_printed(subject: str, text: str, original: str, lo: int, hi: int) -> str:
    """The subject in the document's own characters (traditional stays traditional)."""
    lo, hi = max(0, lo - 40), min(len(text), hi + 40)
    i = text.rfind(subject, lo, hi)
    if i >= 0:
        return original[i : i + len(subject)]
    table: dict[str, str] = {}
    for a, b in zip(text[lo:hi], original[lo:hi], strict=True):
        if a != b:
            table.setdefault(a, b)
    return "".join(table.get(c, c) for c in subject)


def _table_quantities(text: str, original: str | None, default: QuantityKind) -> list[Quantity]:
    # imported here: most texts have no table rows, and the module's patterns cost import time
    from tuijin.ingest.figures.table import table_figures

    out = []
    for tf in table_figures(text, default):
        base_value, base_unit = normalise(float(tf.value), tf.unit)
        written = original[tf.start : tf.end] if original is not None else tf.text
        out.append(
            Quantity(
                text=written,
                value=tf.value,
                unit=tf.unit,
                kind=tf.kind,
                span=Span(tf.start, tf.end),
                year=tf.year,
                subject=tf.subject or None,
                base_value=base_value,
                base_unit=base_unit,
                tier=tf.tier,
                flags=["table"],
            )
        )
    return out


def _merge(found: list[Quantity], table: list[Quantity]) -> list[Quantity]:
    """Add table cells that no in-text figure covers, keeping document order."""
    if not table:
        return found
    taken = {(q.span.start, q.span.end) for q in found}
    starts = [q.span.start for q in found]
    extra = []
    for q in table:
        i = bisect_left(starts, q.span.start)
        covered = (i < len(found) and found[i].span.start < q.span.end) or (
            i > 0 and found[i - 1].span.end > q.span.start
        )
        if not covered and (q.span.start, q.span.end) not in taken:
            extra.append(q)
    return sorted(found + extra, key=lambda q: q.span.start)
