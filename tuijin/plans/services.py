"""Writes of tasks and their assignments.

Excel import of a task ledger (任务分解表), in two steps a web view, the API and the CLI share:

    preview = task_import_preview(file_bytes)                   # read and check, nothing written
    result = task_import_commit(preview=preview, actor=user)    # all rows, one transaction

Keys (see `excel.py`): 系统编号 when the file has it, else (序号, 任务名称) among the tasks that
belong to no document. A role's filled cell replaces the task's units in that role; a blank cell
leaves the ledger as it is, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from tuijin.accounts.permissions import require
from tuijin.core.audit import stamp
from tuijin.core.errors import ServiceError
from tuijin.core.excel import Preview
from tuijin.core.types import UserLike

from .excel import FIELD_LABELS, TaskRow, task_key, task_ledger_read
from .models import Assignment, Task

CHANGE_REASON = "Excel导入"
ROLE_LABELS = {"lead": "牵头单位", "responsible": "责任单位"}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return f"新增 {self.created}，更新 {self.updated}，无变化 {self.unchanged}"


class _Ledger:
    """The tasks an import may touch and their assignments, loaded in two queries."""

    def __init__(self, rows: list[TaskRow]) -> None:
        ids = [r.task_id for r in rows if r.task_id is not None]
        qs = Task.objects.filter(models.Q(document__isnull=True) | models.Q(pk__in=ids))
        self.by_id: dict[int, Task] = {}
        self.by_key: dict[tuple[str, str], Task] = {}
        for task in qs.order_by("id"):
            self.by_id[task.pk] = task
            if task.document_id is None:
                self.by_key.setdefault(task_key(task.code, task.title), task)
        self.assignments: dict[int, dict[str, dict[int, Assignment]]] = {}
        for a in Assignment.objects.filter(task_id__in=list(self.by_id)):
            self.assignments.setdefault(a.task_id, {}).setdefault(a.role, {})[a.unit_id] = a

    def find(self, row: TaskRow) -> Task | None:
        if row.task_id is not None:
            return self.by_id.get(row.task_id)
        return self.by_key.get(row.key)

    def field_changes(self, task: Task | None, row: TaskRow) -> dict[str, Any]:
        if task is None:
            return dict(row.values)
        return {k: v for k, v in row.values.items() if getattr(task, k) != v}

    def unit_changes(self, task: Task | None, row: TaskRow) -> dict[str, list[tuple[int, str]]]:
        current = self.assignments.get(task.pk, {}) if task is not None else {}
        return {
            role: wanted
            for role, wanted in row.units.items()
            if set(current.get(role, {})) != {pk for pk, _w in wanted}
        }

    def describe(self, row: TaskRow) -> tuple[str, list[str]]:
        task = self.find(row)
        if task is None:
            return "new", []
        labels = list(dict.fromkeys(FIELD_LABELS[k] for k in self.field_changes(task, row)))
        labels += [ROLE_LABELS[role] for role in self.unit_changes(task, row)]
        return ("update" if labels else "same"), labels


def task_import_preview(file_bytes: bytes) -> Preview[TaskRow]:
    """Read FILE_BYTES and say, row by row, what an import would do; nothing is written."""
    preview = task_ledger_read(file_bytes)
    if not preview.ok:
        return preview
    ledger = _Ledger(preview.rows)
    for row in preview.rows:
        row.action, row.changes = ledger.describe(row)
    preview.created = sum(r.action == "new" for r in preview.rows)
    preview.updated = sum(r.action == "update" for r in preview.rows)
    preview.unchanged = sum(r.action == "same" for r in preview.rows)
    return preview


def task_import_commit(*, preview: Preview[TaskRow], actor: UserLike | None = None) -> ImportResult:
    """Write a preview without problems; refuse (writing nothing) when it has any."""
    if not preview.ok:
        raise ServiceError("X019", f"文件有 {len(preview.problems)} 个问题，未导入任何数据")
    return task_import(rows=preview.rows, actor=actor)


@transaction.atomic(durable=True)
def task_import(*, rows: list[TaskRow], actor: UserLike | None = None) -> ImportResult:
    """Create or update the tasks of ROWS with their lead and responsible units, all in one
    transaction: any failure writes nothing."""
    require(actor, "plans.add_task")
    ledger = _Ledger(rows)
    result = ImportResult()
    for row in rows:
        task = ledger.find(row)
        try:
            changed = _write_row(ledger, task, row, actor)
        except (ValidationError, IntegrityError) as exc:
            raise ServiceError("X019", f"第{row.row}行无法保存：{exc}") from exc
        if task is None:
            result.created += 1
        elif changed:
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def _write_row(ledger: _Ledger, task: Task | None, row: TaskRow, actor: UserLike | None) -> bool:
    fields = ledger.field_changes(task, row)
    units = ledger.unit_changes(task, row)
    if task is None:
        task = Task(code=row.code, title=row.title, order=row.row, **fields)
        _save(task, actor)
        ledger.by_id[task.pk] = task
        ledger.by_key[row.key] = task
    elif fields:
        for key, value in fields.items():
            setattr(task, key, value)
        _save(task, actor)
    current = ledger.assignments.setdefault(task.pk, {})
    for role, wanted in units.items():
        have = current.setdefault(role, {})
        keep = {pk for pk, _w in wanted}
        for unit_id in [pk for pk in have if pk not in keep]:
            assignment = have.pop(unit_id)
            stamp(assignment, actor, CHANGE_REASON)
            assignment.delete()
        for unit_id, written in wanted:
            if unit_id in have:
                continue
            assignment = Assignment(
                task=task, unit_id=unit_id, role=role, unit_as_written=written[:120]
            )
            _save(assignment, actor)
            have[unit_id] = assignment
    return bool(fields or units)


def _save(obj: models.Model, actor: UserLike | None) -> None:
    """full_clean, then save with the history row. Foreign keys, uniqueness and the check
    constraints were settled by the reader and the ledger lookups (and the database enforces
    them); checking them again here would cost a query each per row."""
    relations = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    stamp(obj, actor, CHANGE_REASON)
    obj.save()
