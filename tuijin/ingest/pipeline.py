"""The extraction pipeline: an ordered list of named stages over one working document.

read → normalise → (share) → segment → meta → headings → assignments → tables → dates → tasks →
quantities → projects → mentions. With `parallel` (the command line), a forked child starts on the
project and mention pieces of a long text as soon as it is normalised; this process joins in
when it reaches them (see _share).
Each stage reads what earlier stages put on `Work` and adds its own part. A stage that fails on
an unexpected input is recorded as a warning and the others go on, so any input ends in an
Extraction (or an ExtractionError from reading or the time limit).
"""

from __future__ import annotations

import dataclasses
import gc
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from .assignments import Found, declares_first_lead, extract_assignments
from .dates import extract_dates
from .errors import BROKEN_FILE, TIMEOUT, ExtractionError
from .forked import Shared
from .headings import Outline, extract_headings
from .meta import extract_meta
from .normalize import matching_text
from .readers import read_bytes, read_document
from .result import Extraction, Heading, Mention, ProjectMention, Span
from .segment import Line, split_lines
from .tables import TableItem, extract_tables
from .tasks import build_tasks

DEFAULT_BUDGET_S = 120.0
PARALLEL_MIN_CHARS = 200_000  # below this a second process costs more than it saves
Named = TypeVar("Named", ProjectMention, Mention)


@dataclass(slots=True)
class Work:
    """What the stages share while one document is being extracted."""

    result: Extraction
    simp: str = ""
    lines: list[Line] = field(default_factory=list)
    outline: Outline = field(default_factory=Outline)
    found: list[Found] = field(default_factory=list)
    tables: list[TableItem] = field(default_factory=list)
    parallel: bool = False  # may share stages' pieces with a forked child (see _share)
    shared: Shared[list[Any]] | None = None
    shares: dict[str, range] = field(default_factory=dict)  # a stage's piece numbers


def _normalize(w: Work) -> None:
    w.simp = matching_text(w.result.text)


def _segment(w: Work) -> None:
    w.lines = split_lines(w.result.text)


def _meta(w: Work) -> None:
    w.result.meta = extract_meta(w.lines, w.result.text, w.simp)


def _headings(w: Work) -> None:
    w.outline = extract_headings(w.lines, w.result.text, w.simp)
    w.result.headings = w.outline.headings


def _assignments(w: Work) -> None:
    w.found = extract_assignments(w.lines, w.result.text, w.simp, w.outline)


def _tables(w: Work) -> None:
    w.tables = extract_tables(
        w.lines, w.result.text, w.simp, lead_first=declares_first_lead(w.simp)
    )


def _dates(w: Work) -> None:
    w.result.dates = extract_dates(w.result.text, w.simp)


def _tasks(w: Work) -> None:
    w.result.tasks, w.result.assignments = build_tasks(
        w.lines, w.result.text, w.outline, w.found, w.tables, w.result.dates
    )


# Long texts go to the figure, project and mention extractors in pieces of at most CHUNK
# characters, cut at heading lines where possible (so a piece starts with the heading its figures
# belong to). A plan document is one piece; a multi-megabyte file stays linear and bounded.
T = TypeVar("T")
CHUNK = 40_000
_SENTENCE_END = re.compile(r"[。！？；!?;]")


def _cut(text: str, start: int, heading_starts: Sequence[int]) -> int:
    """End of the piece that begins at `start`: a heading, a line end, a sentence end, or hard."""
    hard = start + CHUNK
    lo = start + CHUNK // 2
    best = max((h for h in heading_starts if lo <= h < hard), default=-1)
    if best > start:
        return best
    nl = text.rfind("\n", lo, hard)
    if nl >= 0:
        return nl + 1
    for m in _SENTENCE_END.finditer(text, max(lo, hard - 2_000), hard):
        best = m.end()
    return best if best > start else hard


def chunks(text: str, headings: Sequence[Heading]) -> Iterator[tuple[int, int, list[Heading]]]:
    """(start, end, headings of the piece with spans relative to the piece)."""
    n = len(text)
    starts = [h.span.start for h in headings]
    start = 0
    while start < n or start == 0:
        end = n if n - start <= CHUNK else _cut(text, start, starts)
        inside = [
            dataclasses.replace(h, span=Span(h.span.start - start, h.span.end - start))
            for h in headings
            if start <= h.span.start and h.span.end <= end
        ]
        yield start, end, inside
        if end >= n:
            return
        start = end


def shifted(items: list[T], offset: int) -> list[T]:
    """Items of a piece with their spans moved back into document offsets (in place).

    The items were just made by the stage for this piece, so nothing else holds them.
    """
    if offset == 0:
        return items
    for item in items:
        span: Any = getattr(item, "span", None)
        if isinstance(span, Span):
            item.span = Span(span.start + offset, span.end + offset)  # type: ignore[attr-defined]
    return items


def _quantities(w: Work) -> None:
    """One pass over the whole text: the figures stage is linear, so it needs no chunks."""
    from .quantities import extract_quantities

    headings, title = w.result.headings, w.result.meta.title
    if w.simp != w.result.text:  # titles as printed: read them as the rules are written
        headings = [
            dataclasses.replace(h, title=matching_text(h.title, traditional=True)) for h in headings
        ]
        title = title and matching_text(title, traditional=True)
    w.result.quantities.extend(
        extract_quantities(
            w.simp,
            headings=headings,
            title=title,
            original=w.result.text,
            date=w.result.meta.date,
        )
    )


# The figure, project and mention stages import their modules when they first run: on a long
# text (see _share) after the fork, so that each process loads only the modules of the stages it
# runs, at the same time as the other.


def _projects_in(text: str, start: int, end: int) -> list[ProjectMention]:
    from .projects import extract_projects

    return shifted(extract_projects(text[start:end]), start)


def _mentions_in(text: str, start: int, end: int) -> list[Mention]:
    from .mentions import extract_mentions

    return shifted(extract_mentions(text[start:end]), start)


# The stages whose pieces (chunks of the text) either of two processes can do, and how.
_FINDERS: dict[str, Callable[[str, int, int], list[Any]]] = {
    "projects": _projects_in,
    "mentions": _mentions_in,
}


def _pieces(w: Work, stage: str) -> list[Callable[[], list[Any]]]:
    return [partial(_FINDERS[stage], w.simp, s, e) for s, e, _ in chunks(w.simp, [])]


def _share(w: Work) -> None:
    """On a long text, when allowed, a forked child starts on the project pieces at once.

    This process joins in when it reaches the project stage, starting on the mention pieces
    (whose many small results would cost the most to send back) and then helping with what is
    left of the project pieces (see forked.Shared). The figures and tasks found here meanwhile
    and the pieces found there balance themselves.
    """
    if not (w.parallel and len(w.simp) >= PARALLEL_MIN_CHARS):
        return
    projects, mentions = _pieces(w, "projects"), _pieces(w, "mentions")
    w.shares["projects"] = range(len(projects))
    w.shares["mentions"] = range(len(projects), len(projects) + len(mentions))
    w.shared = Shared(projects, mentions, stop=(ExtractionError,))


def _pieces_of(w: Work, stage: str) -> list[list[Any]]:
    """The results of a stage's pieces in text order, from the shared work or done here."""
    if w.shared is None:
        return [piece() for piece in _pieces(w, stage)]
    shared = w.shared
    return [shared.result(i) for i in w.shares[stage]]


def _projects(w: Work) -> None:
    found: list[ProjectMention] = w.result.projects
    seen: set[str] = set()
    for k, piece in enumerate(_pieces_of(w, "projects")):
        for p in piece:
            p = _as_printed(w, p)
            if k == 0 or p.name not in seen:  # a chunk repeats no name of an earlier one
                seen.add(p.name)
                found.append(p)


def _as_printed(w: Work, item: Named) -> Named:
    """Names are found in the simplified text but reported as printed (traditional stays so)."""
    if w.simp == w.result.text:
        return item
    printed = w.result.text[item.span.start : item.span.end]
    if isinstance(item, ProjectMention):
        return item if item.name == printed else dataclasses.replace(item, name=printed)
    return item if item.text == printed else dataclasses.replace(item, text=printed)


def _mentions(w: Work) -> None:
    same = w.simp == w.result.text  # nothing to turn back into the printed characters
    for piece in _pieces_of(w, "mentions"):
        w.result.mentions.extend(piece if same else (_as_printed(w, m) for m in piece))


Stage = tuple[str, Callable[[Work], None]]
STAGES: list[Stage] = [
    ("normalize", _normalize),
    ("share", _share),
    ("segment", _segment),
    ("meta", _meta),
    ("headings", _headings),
    ("assignments", _assignments),
    ("tables", _tables),
    ("dates", _dates),
    ("tasks", _tasks),
    ("quantities", _quantities),
    ("projects", _projects),
    ("mentions", _mentions),
]
_REQUIRED = {"normalize", "segment"}


def extract_text(
    text: str,
    *,
    name: str = "",
    encoding: str | None = None,
    budget_s: float | None = None,
    parallel: bool = False,
) -> Extraction:
    """Run every stage over `text`; past the time budget the extraction stops with TIMEOUT (I006).

    Between stages the budget is checked; in the main thread of a Unix process an interval
    timer also interrupts a stage that runs past it. With `parallel`, a long text's project and
    mention pieces are shared with a forked child (a single-threaded process only; same result).
    """
    if budget_s is None:
        budget_s = time_budget(len(text))
    with _alarm(budget_s):
        return _run(text, name, encoding, budget_s, parallel)


def time_budget(chars: int) -> float:
    """Default limit: DEFAULT_BUDGET_S plus 2 s per 100,000 characters (bounded, size-aware)."""
    return DEFAULT_BUDGET_S + 2.0 * chars / 100_000


@contextmanager
def _alarm(budget_s: float) -> Iterator[None]:
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and budget_s > 0
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )
    if not usable:
        yield
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise ExtractionError(TIMEOUT, f"提取超时（超过 {budget_s:.0f} 秒）")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, budget_s)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(text: str, name: str, encoding: str | None, budget_s: float, parallel: bool) -> Extraction:
    work = Work(Extraction(doc=name, text=text, encoding=encoding), parallel=parallel)
    # The stages allocate hundreds of thousands of small objects and build no reference cycles
    # worth collecting, so the cycle collector would only walk the growing heap again and again
    # (about a tenth of the run on a long text). Reference counting still frees everything.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _stages(work, budget_s)
    finally:
        if work.shared is not None:  # a stage stopped early: the child is not needed
            work.shared.cancel()
        if collecting:
            gc.enable()
    return work.result


def _stages(work: Work, budget_s: float) -> None:
    started = time.monotonic()
    for stage_name, stage in STAGES:
        if time.monotonic() - started > budget_s:
            raise ExtractionError(
                TIMEOUT, f"提取超时（超过 {budget_s:.0f} 秒，停在 {stage_name} 阶段）"
            )
        try:
            stage(work)
        except (ExtractionError, ImportError):  # ImportError: a broken install, not this document
            raise
        except Exception as exc:  # a rule bug must not lose the whole document
            if stage_name in _REQUIRED:
                raise ExtractionError(BROKEN_FILE, f"文本处理失败：{type(exc).__name__}") from exc
            work.result.warnings.append(f"{stage_name}: {type(exc).__name__}: {exc}")


def extract_file(
    path: str | Path, *, budget_s: float | None = None, parallel: bool = False
) -> Extraction:
    """Read and extract one file."""
    text, encoding = read_document(path)
    return extract_text(
        text, name=Path(path).name, encoding=encoding, budget_s=budget_s, parallel=parallel
    )


def extract_bytes(data: bytes, name: str) -> tuple[str, str, dict[str, Any]]:
    """Read the bytes of a file called NAME and extract them: (text, encoding, result as JSON).
    The web upload runs this through readers.isolated.run_isolated (a child process)."""
    text, encoding = read_bytes(data, name)
    extraction = extract_text(text, name=name, encoding=encoding)
    return text, encoding, extraction.to_json()
