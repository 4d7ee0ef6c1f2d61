"""Choices that carry a label and a colour, so templates render badges from one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db import models

# Colour names map to CSS classes in static/tuijin/app.css (badge-<colour>).
COLOURS = ("grey", "blue", "green", "yellow", "orange", "red", "purple", "teal")
_REGISTRY: dict[type, dict[str, str]] = {}

C = TypeVar("C", bound=type)


def coloured(mapping: dict[str, str]) -> Callable[[C], C]:
    """Class decorator: attach value → colour to a choices class."""

    def wrap(cls: C) -> C:
        _REGISTRY[cls] = dict(mapping)
        return cls

    return wrap


class ColouredChoices(models.TextChoices):
    @classmethod
    def colour(cls, value: object) -> str:
        return _REGISTRY.get(cls, {}).get(str(value), "grey")
