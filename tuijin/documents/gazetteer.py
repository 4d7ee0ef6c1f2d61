"""Find the ledger's own names (areas, clusters, units) in a document's text.

The engine's mentions find names by their shape; this finds the names the ledger already knows,
including short forms (`兰州` for 兰州市, `生物医药` for 生物医药产业集群, aliases of units), so
that one zone, cluster or unit is linked across every document that names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick
from django.db import models

from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.models import Unit, UnitAlias

_CLUSTER_SUFFIX = re.compile(r"(?:产业集群|产业链|集群|产业)$")


def _names() -> dict[str, models.Model]:
    found: dict[str, models.Model] = {}
    for unit in Unit.objects.all():
        for name in (unit.name, unit.short_name):
            if len(name) >= 3:
                found.setdefault(name, unit)
    for alias in UnitAlias.objects.select_related("unit"):
        if len(alias.name) >= 3:
            found.setdefault(alias.name, alias.unit)
    for cluster in Cluster.objects.all():
        found[cluster.name] = cluster
        core = _CLUSTER_SUFFIX.sub("", cluster.name)
        if len(core) >= 2:
            found.setdefault(core, cluster)
    for (
        area
    ) in Area.objects.all():  # areas last: a zone's name wins over its committee's short form
        found[area.name] = area
        if len(area.short_name) >= 2:
            found.setdefault(area.short_name, area)
    return found


def ledger_names_in(text: str) -> Iterator[tuple[models.Model, int, int]]:
    """(object, start, end) for every longest, non-overlapping known name in TEXT."""
    names = _names()
    if not names or not text:
        return
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    hits = sorted(
        ((end - len(name) + 1, end + 1, name) for end, name in automaton.iter(text)),
        key=lambda h: (h[0], -(h[1] - h[0])),
    )
    covered = 0
    for start, end, name in hits:
        if start < covered:
            continue
        covered = end
        yield names[name], start, end
