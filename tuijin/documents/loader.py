"""Turn a (reviewed) extraction into ledger rows, each with its provenance.

Works on the JSON shape of `tuijin.ingest.result.Extraction.to_json()`, because that is what the
office reviews and corrects in the web app before confirming. Idempotent for one document: rows are
keyed on (document, span) or on natural names, so loading twice changes nothing; a later document
links to the same unit, area, cluster, project and target instead of duplicating them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.models import Unit
from tuijin.orgs.services import unit_collective, unit_find, unit_resolve
from tuijin.plans.models import Assignment, Indicator, Measurement, Stage, Target, Task
from tuijin.projects.models import Project

from .gazetteer import ledger_names_in
from .models import Document, Provenance

TIERS = {"base", "stretch", "aspiration"}
_NAME_KEY = re.compile(r"[\s“”\"'‘’《》〈〉()（）]")


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    linked: Counter[str] = field(default_factory=Counter)
    new_units: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    collective: dict[str, int] = field(default_factory=dict)  # 各县区 → the units it named

    def collective_note(self) -> str:
        """各县区 → 2 个单位；各有关单位（未能逐一列出）: what the collective references became."""
        return "；".join(
            f"{name} → {n} 个单位" if n else f"{name}（未能逐一列出，未建单位）"
            for name, n in self.collective.items()
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": dict(self.created),
            "linked": dict(self.linked),
            "new_units": self.new_units,
            "collective": self.collective,
            "skipped": self.skipped[:50],
        }


def parse_partial_date(value: str | None, *, end: bool = True) -> dt.date | None:
    """'2025-06-30' → that day; '2025-06' / '2025' → the last (or first) day of that month/year."""
    if not value:
        return None
    parts = str(value).split("-")
    try:
        year = int(parts[0])
        if not 1900 <= year <= 2200:
            return None
        if len(parts) == 1:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day)
        return dt.date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None or isinstance(value, list):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) < Decimal("1e15") else None


def _span(item: dict[str, Any]) -> tuple[int, int] | None:
    span = item.get("span")
    if isinstance(span, list | tuple) and len(span) == 2:
        start, end = int(span[0]), int(span[1])
        if 0 <= start <= end:
            return start, end
    return None


def name_key(name: str) -> str:
    return _NAME_KEY.sub("", name or "")


class Loader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.report = LoadReport()
        self.on = document.issued_on
        self._ctypes: dict[type[models.Model], ContentType] = {}
        self._units: dict[str, Unit] = {}

    # provenance -------------------------------------------------------------------------
    def trace(self, obj: models.Model, span: tuple[int, int] | None, facet: str) -> None:
        if span is None:
            return
        model = type(obj)
        ctype = self._ctypes.get(model) or ContentType.objects.get_for_model(model)
        self._ctypes[model] = ctype
        start, end = span
        _row, created = Provenance.objects.get_or_create(
            document=self.document,
            content_type=ctype,
            object_id=obj.pk,
            start=start,
            end=end,
            defaults={"facet": facet, "text": self.document.text[start:end][:300]},
        )
        if created:
            self.report.linked[facet] += 1

    def sourced(self, span: tuple[int, int] | None) -> dict[str, Any]:
        if span is None:
            return {"source_document": self.document}
        return {"source_document": self.document, "source_start": span[0], "source_end": span[1]}

    # units ------------------------------------------------------------------------------
    def unit(self, name: str, span: tuple[int, int] | None) -> Unit | None:
        key = name.strip()
        if not key:
            return None
        if key not in self._units:
            resolved = unit_resolve(name=key, on=self.on, create=True)
            if resolved.created:
                self.report.created["单位"] += 1
                self.report.new_units.append(resolved.unit.name)
            self._units[key] = resolved.unit
        unit = self._units[key]
        self.trace(unit, span, "unit")
        return unit

    def units(self, name: str, span: tuple[int, int] | None) -> list[Unit]:
        """The units a responsibility names: one unit, or for a collective reference (各县区)
        every unit of the kind it means; a collective the ledger cannot spell out (各有关单位)
        names none and is listed in the report instead of becoming a unit to verify."""
        collective, kind = unit_collective(name)
        if not collective:
            unit = self.unit(name, span)
            return [unit] if unit is not None else []
        members = list(
            Unit.objects.filter(kind=kind, is_active=True, needs_review=False).order_by("name")
            if kind
            else []
        )
        self.report.collective[name.strip()] = len(members)
        for unit in members:
            self.trace(unit, span, "unit")
        return members

    # facets -----------------------------------------------------------------------------
    def load(self, data: dict[str, Any]) -> LoadReport:
        self.meta(data.get("meta") or {})
        tasks = self.tasks(data.get("tasks") or [])
        self.assignments(data.get("assignments") or [], tasks)
        self.quantities(data.get("quantities") or [])
        self.projects(data.get("projects") or [])
        self.stages(data.get("dates") or [])
        self.mentions(data.get("mentions") or [])
        self.known_names()
        return self.report

    def meta(self, meta: dict[str, Any]) -> None:
        doc = self.document
        doc.title = doc.title or (meta.get("title") or "")[:300]
        doc.doc_number = doc.doc_number or (meta.get("doc_number") or "")[:80]
        doc.issuer = doc.issuer or (meta.get("issuer") or "")[:120]
        if meta.get("date") and not doc.issued_on:
            doc.date_text = str(meta["date"])[:20]
            doc.issued_on = parse_partial_date(meta["date"], end=False)
            self.on = doc.issued_on

    def tasks(self, items: list[dict[str, Any]]) -> list[Task | None]:
        out: list[Task | None] = []
        for order, item in enumerate(items):
            text = str(item.get("text") or "").strip()
            span = _span(item)
            if not text:
                out.append(None)
                continue
            section = [str(s) for s in item.get("section") or []]
            title = _task_title(text, section)
            task, created = Task.objects.get_or_create(
                document=self.document,
                source_start=span[0] if span else None,
                source_end=span[1] if span else None,
                defaults={
                    "title": title,
                    "text": text,
                    "section": " / ".join(section)[:500],
                    "code": str(item.get("code") or "")[:40],
                    "deadline": parse_partial_date(item.get("deadline")),
                    "deadline_text": str(item.get("deadline_text") or "")[:80],
                    "order": order,
                    "source_document": self.document,
                },
            )
            if created:
                self.report.created["任务"] += 1
            self.trace(task, span, "task")
            out.append(task)
        return out

    def assignments(self, items: list[dict[str, Any]], tasks: list[Task | None]) -> None:
        for order, item in enumerate(items):
            span = _span(item)
            index = item.get("task")
            task = tasks[index] if isinstance(index, int) and 0 <= index < len(tasks) else None
            if task is None:
                anchor = str(item.get("anchor") or "").strip() or "（未命名任务）"
                task, created = Task.objects.get_or_create(
                    document=self.document,
                    source_start=span[0] if span else None,
                    source_end=span[1] if span else None,
                    defaults={"title": anchor[:300], "text": anchor, "order": 10_000 + order},
                )
                if created:
                    self.report.created["任务"] += 1
            if item.get("deadline") and not task.deadline_text:
                task.deadline_text = str(item["deadline"])[:80]
                task.save(update_fields=["deadline_text", "updated_at"])
            for role in ("lead", "responsible"):
                for name in item.get(role) or []:
                    for unit in self.units(str(name), span):
                        self.assign(task, unit, role, str(name))

    def assign(self, task: Task, unit: Unit, role: str, written: str) -> None:
        _a, created = Assignment.objects.get_or_create(
            task=task, unit=unit, role=role, defaults={"unit_as_written": written[:120]}
        )
        if created:
            self.report.created["分工"] += 1

    def quantities(self, items: list[dict[str, Any]]) -> None:
        for item in items:
            span = _span(item)
            year, subject = item.get("year"), str(item.get("subject") or "").strip()
            value = _decimal(item.get("value"))
            kind = item.get("kind")
            if kind not in ("target", "actual") or not isinstance(year, int) or value is None:
                continue
            if len(subject) < 2 or "implausible" in (item.get("flags") or []):
                self.report.skipped.append(str(item.get("text") or ""))
                continue
            indicator, created = Indicator.objects.get_or_create(
                name=subject[:160], defaults={"unit_label": str(item.get("unit") or "")[:30]}
            )
            if created:
                self.report.created["指标"] += 1
            base = _decimal(item.get("base_value"))
            if kind == "target":
                tier = str(item["tier"]) if item.get("tier") in TIERS else "base"
                target = Target(indicator=indicator, year=year, tier=tier, kind="target")
                existing = Target.objects.filter(
                    group_key=target.compute_group_key(), tier=tier
                ).first()
                if existing is None:
                    target = Target(
                        indicator=indicator,
                        year=year,
                        tier=tier,
                        kind="target",
                        value=value,
                        unit=str(item.get("unit") or "")[:30],
                        base_value=base,
                        text=str(item.get("text") or "")[:300],
                        **self.sourced(span),
                    )
                    target.save()
                    self.report.created["目标"] += 1
                else:
                    target = existing
                self.trace(target, span, "target")
            else:
                measurement, created = Measurement.objects.get_or_create(
                    indicator=indicator,
                    year=year,
                    value=value,
                    source_document=self.document,
                    defaults={
                        "unit": str(item.get("unit") or "")[:30],
                        "base_value": base,
                        **self.sourced(span),
                    },
                )
                if created:
                    self.report.created["实际值"] += 1
                self.trace(measurement, span, "measurement")

    def projects(self, items: list[dict[str, Any]]) -> None:
        by_key = {name_key(p.name): p for p in Project.objects.only("id", "name")}
        for item in items:
            name = str(item.get("name") or "").strip()[:200]
            if len(name) < 2:
                continue
            span = _span(item)
            project = by_key.get(name_key(name))
            if project is None:
                project = Project(name=name, **self.sourced(span))
                project.save()
                by_key[name_key(name)] = project
                self.report.created["项目"] += 1
            self.trace(project, span, "project")

    def stages(self, items: list[dict[str, Any]]) -> None:
        for order, item in enumerate(i for i in items if i.get("kind") == "range"):
            span = _span(item)
            start = parse_partial_date(item.get("start"), end=False)
            end = parse_partial_date(item.get("end"))
            if start is None or end is None or end < start:
                continue
            _stage, created = Stage.objects.get_or_create(
                document=self.document,
                start_date=start,
                end_date=end,
                defaults={
                    "name": str(item.get("text") or "")[:120],
                    "order": order,
                    **self.sourced(span),
                },
            )
            if created:
                self.report.created["阶段"] += 1

    def known_names(self) -> None:
        """Link every area, cluster and unit the ledger knows that the text names."""
        for obj, start, end in ledger_names_in(self.document.text):
            self.trace(obj, (start, end), type(obj)._meta.model_name or "mention")

    def mentions(self, items: list[dict[str, Any]]) -> None:
        """Link mentions to units, areas and clusters already in the ledger (never create them)."""
        areas = {a.name: a for a in Area.objects.all()}
        areas.update({a.short_name: a for a in areas.values() if a.short_name})
        clusters = {c.name: c for c in Cluster.objects.all()}
        for item in items:
            text, kind, span = str(item.get("text") or "").strip(), item.get("kind"), _span(item)
            obj: models.Model | None = None
            if kind in ("unit", "enterprise"):
                obj = unit_find(text, on=self.on)
            elif kind == "area":
                obj = areas.get(text)
            elif kind in ("cluster", "chain"):
                obj = clusters.get(text) or _cluster_by_industry(clusters, text)
            if obj is not None:
                self.trace(obj, span, str(kind))


def _cluster_by_industry(clusters: dict[str, Cluster], text: str) -> Cluster | None:
    """`石油化工` matches the cluster `石油化工产业集群`."""
    core = re.sub(r"(产业集群|产业链|产业|集群)$", "", text)
    if len(core) < 2:
        return None
    for name, cluster in clusters.items():
        if name.startswith(core):
            return cluster
    return None


def _task_title(text: str, section: list[str]) -> str:
    first = re.split(r"[。；;]", text, maxsplit=1)[0].strip()
    if 4 <= len(first) <= 60:
        return first
    if len(first) > 60:
        return first[:58] + "…"
    return (section[-1] if section else text)[:300]


def load_extraction(document: Document, data: dict[str, Any]) -> LoadReport:
    """Load DATA into the ledger for DOCUMENT. The caller owns the transaction."""
    loader = Loader(document)
    report = loader.load(data)
    document.save()
    return report
