"""The English catalogue is complete: no fuzzy guesses (they are not compiled, so the page
falls back to Chinese) and no empty translations."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"


def _entries() -> list[str]:
    return CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]  # the first is the header


def test_no_entry_is_marked_fuzzy() -> None:
    fuzzy = [e for e in _entries() if "#, fuzzy" in e or "#, python-format, fuzzy" in e]
    assert fuzzy == []


def test_every_message_has_an_english_translation() -> None:
    empty = [e for e in _entries() if re.search(r'^msgstr ""\Z', e.strip(), re.M)]
    assert empty == []
