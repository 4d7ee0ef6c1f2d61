"""Reading a task ledger into a preview: columns by header text, every cell checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tuijin.core.excel import (
    NOTE,
    SECTION,
    TOTAL,
    Cell,
    Column,
    ColumnSpec,
    Layout,
    Preview,
    cell_text,
    filled_cells,
    name_key,
    normalise,
    parse_deadline,
    parse_number,
    row_is_numbering,
    split_names,
)
from tuijin.core.excel.reader import LedgerReader, ledger_read
from tuijin.orgs.models import Unit
from tuijin.orgs.services import unit_find

from ..choices import AssignmentRole, TaskStatus
from ..models import Task

SPECS: list[ColumnSpec] = [
    ColumnSpec("id", r"^(id|任务id|系统编号)$"),
    ColumnSpec("code", r"^(序号|编号|任务编号|任务序号)$"),
    ColumnSpec("lead", r"牵头"),
    ColumnSpec("support", r"配合|协办|参与单位|协同单位"),
    ColumnSpec(
        "responsible", r"责任单位|责任部门|负责单位|主体单位|承办单位|责任主体|实施单位|^单位$"
    ),
    ColumnSpec("deadline", r"时限|完成时间|时间节点|完成期限|截止时间|^时间$|完成年限"),
    ColumnSpec("status", r"状态"),
    ColumnSpec("progress", r"完成进度|进度\(%\)|完成率|完成比例"),
    ColumnSpec(
        "text",
        r"具体措施|工作措施|主要措施|任务内容|具体内容|主要内容|工作内容|工作目标|目标任务|^措施$",
    ),
    ColumnSpec(
        "title", r"任务名称|^任务$|^工作任务$|^具体任务$|任务事项|^事项$|工作事项|^重点工作$"
    ),
    ColumnSpec(
        "section",
        r"重点任务|主要任务|任务类别|重点领域|所在章节|工作类别|^类别$|^领域$|^章节$|^分类$",
    ),
]

# What each recognised column becomes, for a preview page.
COLUMN_LABELS = {
    "id": "系统编号",
    "code": "序号",
    "lead": "牵头单位",
    "support": "配合单位（记为责任单位）",
    "responsible": "责任单位",
    "deadline": "完成时限",
    "status": "状态",
    "progress": "完成进度",
    "text": "任务内容",
    "title": "任务名称",
    "section": "所在章节",
}

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    TaskStatus.NOT_STARTED: ("未启动", "未开始", "未开展", "尚未启动"),
    TaskStatus.IN_PROGRESS: ("推进中", "进行中", "正在推进", "实施中", "持续推进", "序时推进"),
    TaskStatus.DONE: ("已完成", "完成", "已办结", "办结"),
    TaskStatus.BLOCKED: ("受阻", "滞后", "停滞", "进度滞后"),
    TaskStatus.CANCELLED: ("已取消", "取消"),
}
_STATUS = {normalise(w): value for value, words in STATUS_WORDS.items() for w in words}
_STATUS.update({normalise(str(label)): value for value, label in TaskStatus.choices})
_STATUS.update({value: value for value, _label in TaskStatus.choices})

FIELD_LABELS = {
    "code": "序号",
    "title": "任务名称",
    "text": "任务内容",
    "section": "所在章节",
    "deadline": "完成时限",
    "deadline_text": "完成时限",
    "status": "状态",
    "progress": "完成进度",
}
TITLE_MAX = 300
DEADLINE_MAX = 80
CODE_MAX = 40


@dataclass
class TaskRow:
    """One task as the file gives it. VALUES holds the fields of non-blank cells (a blank cell
    leaves the ledger's value as it is); UNITS role → [(unit id, name as written)] for the
    roles whose cells are filled (those replace the task's units in that role)."""

    row: int
    code: str
    title: str
    task_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    units: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    action: str = ""
    changes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return task_key(self.code, self.title)


def task_key(code: str, title: str) -> tuple[str, str]:
    return (name_key(code), name_key(title))


def status_value(text: str) -> str | None:
    return _STATUS.get(normalise(text))


def task_ledger_read(data: bytes) -> Preview[TaskRow]:
    """Read a task ledger: every row checked, nothing written."""
    return ledger_read(
        data, kind="tasks", specs=SPECS, required=[], reader=_Reader, check=_check_task_column
    )


def _check_task_column(layout: Layout, preview: Preview[TaskRow]) -> None:
    if not any(layout.one(k) for k in ("title", "text", "section")):
        preview.add(layout.top + 1, "", "X003", "缺少任务列：任务名称、重点任务或具体措施")


class _Reader(LedgerReader[TaskRow]):
    def __init__(self, layout: Layout, preview: Preview[TaskRow]) -> None:
        super().__init__(layout, preview)
        self.units: dict[str, Unit | None] = {}
        self.seen: dict[tuple[str, str], int] = {}
        self.seen_ids: dict[int, int] = {}
        self.section = ""
        one = layout.one
        self.title_col = one("title") or one("text") or one("section")
        self.section_col = one("section") if self.title_col is not one("section") else None
        self.text_col = one("text")
        self.unit_cols = [c for c in layout.columns if c.key in ("lead", "responsible", "support")]
        self.existing_ids: set[int] = set()
        id_col = one("id")
        if id_col is not None:
            ids = {_int(self.cell(cells, id_col)) for _r, cells in layout.data_rows()}
            self.existing_ids = set(
                Task.objects.filter(pk__in=[i for i in ids if i]).values_list("pk", flat=True)
            )

    def text(self, cells: list[Cell], column: Column | None, *, oneline: bool = True) -> str:
        return cell_text(self.cell(cells, column), oneline=oneline)

    def read(self) -> None:
        wide = self.layout.sheet.wide_rows
        for row_no, cells in self.layout.data_rows():
            filled = [cell_text(cells[i]) for i in filled_cells(cells)]
            if not filled or row_is_numbering(cells):
                if filled:
                    self.preview.skipped.append(row_no)
                continue
            first = filled[0]
            distinct = set(filled)
            if len(distinct) == 1 and (row_no - 1 in wide or SECTION.match(first)):
                self.section = first
                self.preview.skipped.append(row_no)
                continue
            if TOTAL.match(first) or NOTE.match(first):
                self.preview.skipped.append(row_no)
                continue
            self.row(row_no, cells)

    def unit(self, name: str) -> Unit | None:
        if name not in self.units:
            self.units[name] = unit_find(name)
        return self.units[name]

    def row(self, row_no: int, cells: list[Cell]) -> None:
        p = self.preview
        before = len(p.problems)
        assert self.title_col is not None
        title_label = self.title_col.label
        title = self.text(cells, self.title_col)
        item = TaskRow(row=row_no, code=self.text(cells, self.layout.one("code")), title=title)
        if len(item.code) > CODE_MAX:
            p.add(row_no, self.layout.one("code").label, "X014", f"序号过长（上限{CODE_MAX}字）")  # type: ignore[union-attr]
        if not title:
            p.add(row_no, title_label, "X004", "任务名称为空")
        elif self.title_col is self.text_col:
            item.title = title[:TITLE_MAX]
        elif len(title) > TITLE_MAX:
            p.add(row_no, title_label, "X014", f"任务名称过长（{len(title)}字，上限{TITLE_MAX}字）")
        if self.text_col is not None and (text := self.text(cells, self.text_col, oneline=False)):
            item.values["text"] = text
        section = self.text(cells, self.section_col) if self.section_col else ""
        section = " / ".join(s for s in (self.section, section) if s)
        if section:
            item.values["section"] = section[:500]
        self._id(item, cells)
        self._deadline(item, cells)
        self._status(item, cells)
        self._units(item, cells)
        if title:
            self._duplicate(item)
        if len(p.problems) == before and title:
            p.rows.append(item)

    def _id(self, item: TaskRow, cells: list[Cell]) -> None:
        column = self.layout.one("id")
        if column is None or not self.text(cells, column):
            return
        value = _int(self.cell(cells, column))
        if value is None or value not in self.existing_ids:
            self.preview.add(
                item.row, column.label, "X021", f"系统编号“{self.text(cells, column)}”不存在"
            )
            return
        item.task_id = value
        item.values["code"] = item.code  # a row found by its id may rename its task
        if item.title:
            item.values["title"] = item.title

    def _duplicate(self, item: TaskRow) -> None:
        if item.task_id is not None:
            if item.task_id in self.seen_ids:
                first = self.seen_ids[item.task_id]
                self.preview.add(item.row, self.label("id"), "X012", f"系统编号与第{first}行重复")
            self.seen_ids[item.task_id] = item.row
            return
        if item.key in self.seen:
            label = self.title_col.label if self.title_col else ""
            self.preview.add(
                item.row, label, "X012", f"序号和任务名称与第{self.seen[item.key]}行重复"
            )
            return
        self.seen[item.key] = item.row

    def _deadline(self, item: TaskRow, cells: list[Cell]) -> None:
        column = self.layout.one("deadline")
        value = self.cell(cells, column)
        if column is None or not cell_text(value):
            return
        try:
            deadline, text = parse_deadline(value)
        except ValueError:
            self.preview.add(
                item.row,
                column.label,
                "X008",
                f"无法识别的完成时限“{cell_text(value)}”（可写作 2025年底、2025年6月、长期坚持）",
            )
            return
        if len(text) > DEADLINE_MAX:
            self.preview.add(
                item.row, column.label, "X014", f"完成时限过长（上限{DEADLINE_MAX}字）"
            )
            return
        item.values["deadline"] = deadline
        item.values["deadline_text"] = text

    def _status(self, item: TaskRow, cells: list[Cell]) -> None:
        column = self.layout.one("status")
        text = self.text(cells, column)
        if column is not None and text:
            value = status_value(text)
            if value is None:
                labels = "、".join(str(label) for _v, label in TaskStatus.choices)
                self.preview.add(
                    item.row, column.label, "X016", f"无法识别的状态“{text}”（可用：{labels}）"
                )
            else:
                item.values["status"] = value
        column = self.layout.one("progress")
        raw = self.cell(cells, column)
        if column is None or not cell_text(raw):
            return
        try:
            number = parse_number(cell_text(raw).rstrip("%％") if isinstance(raw, str) else raw)
        except ValueError:
            self.preview.add(item.row, column.label, "X005", f"不是有效的数字“{cell_text(raw)}”")
            return
        if number is None:
            return
        if not 0 <= number <= 100:
            self.preview.add(item.row, column.label, "X017", "完成进度应在 0 到 100 之间")
            return
        item.values["progress"] = int(number)

    def _units(self, item: TaskRow, cells: list[Cell]) -> None:
        for column in self.unit_cols:
            text = self.text(cells, column)
            if not text:
                continue
            role = AssignmentRole.LEAD if column.key == "lead" else AssignmentRole.RESPONSIBLE
            found = item.units.setdefault(role, [])
            for name in split_names(text):
                unit = self.unit(name)
                if unit is None:
                    self.preview.add(
                        item.row,
                        column.label,
                        "X009",
                        f"未找到单位“{name}”（请用单位全称、简称，或先在单位管理中添加别名）",
                    )
                elif all(unit.pk != pk for pk, _w in found):
                    found.append((unit.pk, name))


def _int(value: Cell) -> int | None:
    try:
        number = parse_number(value)
    except ValueError:
        return None
    return int(number) if number is not None and number == int(number) else None
