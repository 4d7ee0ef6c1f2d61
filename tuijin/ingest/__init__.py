"""The extraction engine: pure Python, no Django (compiled by mypyc when built, see compiled.py).

    from tuijin.ingest import extract_file, extract_text
    result = extract_file("方案.docx")      # Extraction (see result.py) or ExtractionError

Stages: readers → normalize → segment → meta / headings / assignments / tables / dates / tasks →
quantities / projects / mentions (pipeline.py). Every span indexes the original decoded text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .compiled import guard
from .regex_cache import warm

guard()  # before any engine module loads: the compiled build only if it matches its sources
warm()  # the engine's regexes as compiled at build time, found by re.compile

from .errors import ExtractionError  # noqa: E402

if TYPE_CHECKING:
    from .pipeline import extract_file, extract_text
    from .readers import read_bytes, read_document

__all__ = ["ExtractionError", "extract_file", "extract_text", "read_bytes", "read_document"]


def __getattr__(name: str) -> Any:
    """Load the engine on first use, so that importing the package (or the CLI) stays cheap."""
    if name in ("extract_file", "extract_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("read_bytes", "read_document"):
        from . import readers

        return getattr(readers, name)
    raise AttributeError(name)
