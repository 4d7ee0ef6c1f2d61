"""Reading a key-project ledger into a preview: columns by header text, every cell checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
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
    YearMonth,
    cell_text,
    filled_cells,
    name_key,
    normalise,
    parse_money,
    parse_year_month,
    parse_year_span,
    row_is_numbering,
    split_names,
    title_year,
)
from tuijin.core.excel.reader import LedgerReader, ledger_read
from tuijin.geo.models import Area
from tuijin.orgs.models import Unit
from tuijin.orgs.services import unit_find

from ..choices import ProjectStage

SPECS: list[ColumnSpec] = [
    ColumnSpec("seq", r"^(序号|编号)$"),
    ColumnSpec("code", r"项目(编号|代码)"),
    ColumnSpec("name", r"项目名称|^项目$|^名称$", caption="项目名称"),
    ColumnSpec("content", r"建设内容|建设规模|主要内容"),
    ColumnSpec(
        "area", r"建设地点|项目地点|所在地|所在区域|所属区域|所在县|^县区|^区域$|^地点$|属地"
    ),
    ColumnSpec("span", r"建设年限|起止年限|建设期限|建设周期|起止时间|建设起止|开竣工|开工.*竣工"),
    ColumnSpec("start", r"开工", exclude=r"投资|完成"),
    ColumnSpec("end", r"竣工|完工|建成|投产", exclude=r"投资|完成"),
    ColumnSpec("total", r"总投资", money=True),
    ColumnSpec("completed", r"完成", exclude=r"情况|时限|时间|进度|计划", money=True, multi=True),
    ColumnSpec(
        "plan",
        r"计划投资|投资计划|年度计划|年计划|年度投资|计划完成|计划(\(|$)",
        exclude=r"开工|竣工|时间",
        money=True,
        multi=True,
    ),
    ColumnSpec("lead", r"牵头"),
    ColumnSpec("responsible", r"责任单位|责任部门|责任主体|负责单位|实施单位|承办单位"),
    ColumnSpec("leader", r"领导|包抓|包联"),
    ColumnSpec("stage", r"阶段|建设性质|项目性质|项目状态"),
    ColumnSpec("progress", r"进展|进度|形象"),
    ColumnSpec("problems", r"问题|困难"),
]

# What each recognised column becomes, for a preview page ("总投资（万元） → 总投资").
COLUMN_LABELS = {
    "seq": "序号（不导入）",
    "code": "项目编号",
    "name": "项目名称",
    "content": "建设内容及规模",
    "area": "建设地点",
    "span": "建设年限",
    "start": "开工年月",
    "end": "竣工年月",
    "total": "总投资",
    "completed": "完成投资（项目进展）",
    "plan": "年度计划投资",
    "lead": "牵头单位",
    "responsible": "责任单位",
    "leader": "责任领导",
    "stage": "项目阶段",
    "progress": "进展情况",
    "problems": "存在问题",
}

STAGE_WORDS: dict[str, tuple[str, ...]] = {
    ProjectStage.RESERVE: ("谋划储备", "谋划", "储备", "谋划项目", "储备项目", "谋划储备项目"),
    ProjectStage.PREPARING: ("前期推进", "前期", "前期工作", "前期项目", "拟建", "前期推进项目"),
    ProjectStage.NEW: ("新开工", "新建", "拟开工", "计划新开工", "新开工项目"),
    ProjectStage.CONTINUING: ("续建", "在建", "续建项目", "在建项目"),
    ProjectStage.COMPLETED: ("竣工投产", "竣工", "投产", "建成", "完工", "已竣工", "建成投产"),
    ProjectStage.SIGNED: ("签约", "已签约", "签约项目", "招商签约"),
}
_STAGES = {normalise(w): value for value, words in STAGE_WORDS.items() for w in words}
_STAGES.update({normalise(str(label)): value for value, label in ProjectStage.choices})
_STAGES.update({value: value for value, _label in ProjectStage.choices})

FIELD_LABELS = {
    "code": "项目编号",
    "content": "建设内容及规模",
    "area_id": "建设地点",
    "total_investment": "总投资",
    "start_year": "开工年份",
    "planned_start": "开工年月",
    "end_year": "竣工年份",
    "stage": "项目阶段",
    "lead_unit_id": "牵头单位",
    "responsible_leader": "责任领导",
    "progress_note": "进展情况",
    "problems": "存在问题",
}
MAX_LENGTHS = {"name": 200, "code": 40, "responsible_leader": 60}


@dataclass
class ProjectRow:
    """One project as the file gives it. VALUES holds the model fields of the non-blank cells
    (a blank cell leaves the ledger's value as it is); PLANS year → 亿元; PROGRESS
    (year, month) → 1-N月 completed 亿元. ACTION and CHANGES are set by the service."""

    row: int
    name: str
    values: dict[str, Any] = field(default_factory=dict)
    responsible_unit_ids: list[int] | None = None
    plans: dict[int, Decimal] = field(default_factory=dict)
    progress: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    action: str = ""
    changes: list[str] = field(default_factory=list)


class NameLookups:
    """Units and areas by the names a ledger uses; each name is looked up once."""

    def __init__(self) -> None:
        self.units: dict[str, Unit | None] = {}
        self.areas: dict[str, Area] = {}
        for area in Area.objects.only("id", "name", "short_name"):
            for key in (area.name, area.short_name, name_key(area.name)):
                if key:
                    self.areas.setdefault(key, area)

    def unit(self, name: str) -> Unit | None:
        if name not in self.units:
            self.units[name] = unit_find(name)
        return self.units[name]

    def area(self, name: str) -> Area | None:
        return self.areas.get(name) or self.areas.get(name_key(name))


def stage_value(text: str) -> str | None:
    """The stage a label means: 新开工, 续建, 前期, 竣工投产 … (None when unknown)."""
    key = normalise(text).removesuffix("阶段")
    return _STAGES.get(key) or _STAGES.get(key.removesuffix("项目"))


def project_ledger_read(data: bytes) -> Preview[ProjectRow]:
    """Read a project ledger: every row checked, nothing written."""
    return ledger_read(data, kind="projects", specs=SPECS, required=["name"], reader=_Reader)


class _Reader(LedgerReader[ProjectRow]):
    def __init__(self, layout: Layout, preview: Preview[ProjectRow]) -> None:
        super().__init__(layout, preview)
        self.lookups = NameLookups()
        self.seen: dict[str, int] = {}
        self.year = title_year(layout)
        self.header_row = layout.top + 1
        self.money: list[Column] = []
        for column in layout.columns:
            if column.key in ("plan", "completed"):
                self._check_period(column)

    def _check_period(self, column: Column) -> None:
        year = column.year or self.year
        if year is None:
            self.preview.add(
                self.header_row, column.label, "X013", "无法确定年度：请在表头或标题中写明年份"
            )
            return
        month = column.month
        if column.key == "completed":
            if month is None and "累计" in column.label:
                self.preview.warnings.append(
                    f"列“{column.label}”是开工以来的累计完成投资，暂不导入"
                )
                return
            if month is None:
                self.preview.add(
                    self.header_row, column.label, "X013", "无法确定截至月份：请写明“1-N月完成”"
                )
                return
            if column.first_month not in (None, 1):
                self.preview.add(
                    self.header_row, column.label, "X013", "只能导入自1月起的累计完成投资"
                )
                return
        self.money.append(Column(column.key, column.index, column.label, column.scale, year, month))

    def text(self, cells: list[Cell], key: str, *, oneline: bool = True) -> str:
        return cell_text(self.cell(cells, self.layout.one(key)), oneline=oneline)

    def read(self) -> None:
        wide = self.layout.sheet.wide_rows
        seq = self.layout.one("seq")
        for row_no, cells in self.layout.data_rows():
            filled = filled_cells(cells)
            section = row_no - 1 in wide and len({cell_text(cells[i]) for i in filled}) == 1
            if not filled or section or row_is_numbering(cells):
                if filled:
                    self.preview.skipped.append(row_no)
                continue
            name = self.text(cells, "name")
            first = cell_text(cells[filled[0]])
            if TOTAL.match(name) or TOTAL.match(first) or NOTE.match(first):
                self.preview.skipped.append(row_no)
                continue
            others = [i for i in filled if seq is None or i != seq.index]
            name_index = self.layout.one("name")
            if not name:
                if not others:
                    self.preview.skipped.append(row_no)
                    continue
                label = name_index.label if name_index else ""
                self.preview.add(row_no, label, "X004", "项目名称为空")
            elif SECTION.match(name) and self._only_name(cells, others):
                self.preview.skipped.append(row_no)
                continue
            self.row(row_no, cells, name)

    def _only_name(self, cells: list[Cell], others: list[int]) -> bool:
        money = {c.index for c in self.layout.columns if c.key in ("total", "plan", "completed")}
        name = self.layout.one("name")
        return all(i in money or (name is not None and i == name.index) for i in others)

    def row(self, row_no: int, cells: list[Cell], name: str) -> None:
        p = self.preview
        before = len(p.problems)
        item = ProjectRow(row=row_no, name=name)
        col = self.layout.one
        if name:
            self._length(item, "name", name, col("name"))
            key = name_key(name)
            if key in self.seen:
                p.add(
                    row_no,
                    self.label("name"),
                    "X012",
                    f"项目名称与第{self.seen[key]}行重复",
                )
            else:
                self.seen[key] = row_no
        for key, fld in (("code", "code"), ("leader", "responsible_leader")):
            value = self.text(cells, key)
            if value:
                self._length(item, fld, value, col(key))
                item.values[fld] = value
        for key, fld in (
            ("content", "content"),
            ("progress", "progress_note"),
            ("problems", "problems"),
        ):
            value = self.text(cells, key, oneline=False)
            if value:
                item.values[fld] = value
        self._area(item, cells)
        self._dates(item, cells)
        self._money(item, cells)
        self._units(item, cells)
        self._stage(item, cells)
        if len(p.problems) == before and name:
            p.rows.append(item)

    def _length(self, item: ProjectRow, fld: str, value: str, column: Column | None) -> None:
        limit = MAX_LENGTHS[fld]
        if len(value) > limit:
            label = column.label if column else ""
            self.preview.add(item.row, label, "X014", f"内容过长（{len(value)}字，上限{limit}字）")

    def _area(self, item: ProjectRow, cells: list[Cell]) -> None:
        text = self.text(cells, "area")
        if not text:
            return
        area = self.lookups.area(text)
        if area is None:
            column = self.layout.one("area")
            label = column.label if column else ""
            self.preview.add(item.row, label, "X010", f"未找到区域“{text}”")
            return
        item.values["area_id"] = area.pk

    def _year_month(self, item: ProjectRow, cells: list[Cell], key: str) -> YearMonth | None:
        column = self.layout.one(key)
        if column is None:
            return None
        value = self.cell(cells, column)
        try:
            return parse_year_month(value)
        except ValueError:
            self.preview.add(
                item.row,
                column.label,
                "X008",
                f"无法识别的年月“{cell_text(value)}”（可写作 2025年3月、2025.03、2025-03）",
            )
            return None

    def _dates(self, item: ProjectRow, cells: list[Cell]) -> None:
        start = end = None
        span = self.layout.one("span")
        if span is not None and cell_text(self.cell(cells, span)):
            try:
                start, end = parse_year_span(self.cell(cells, span))
            except ValueError:
                self.preview.add(
                    item.row,
                    span.label,
                    "X008",
                    f"无法识别的建设年限“{cell_text(self.cell(cells, span))}”（可写作 2024-2026）",
                )
        start = self._year_month(item, cells, "start") or start
        end = self._year_month(item, cells, "end") or end
        if start is not None:
            item.values["start_year"] = start.year
            if start.month is not None:
                item.values["planned_start"] = start.first_day()
        if end is not None:
            item.values["end_year"] = end.year
        if start is not None and end is not None and end.year < start.year:
            column = self.layout.one("end") or span
            label = column.label if column else ""
            self.preview.add(item.row, label, "X015", "竣工年份早于开工年份")

    def _money(self, item: ProjectRow, cells: list[Cell]) -> None:
        columns = [c for c in self.layout.columns if c.key == "total"] + self.money
        for column in columns:
            value = self.cell(cells, column)
            try:
                amount = parse_money(value, column.scale or Decimal(1))
            except ValueError:
                self.preview.add(
                    item.row, column.label, "X005", f"不是有效的数字“{cell_text(value)}”"
                )
                continue
            if amount is None:
                continue
            if amount < 0:
                self.preview.add(item.row, column.label, "X006", "金额不能为负数")
                continue
            if column.key == "total":
                item.values["total_investment"] = amount
            elif column.key == "plan" and column.year:
                item.plans[column.year] = amount
            elif column.key == "completed" and column.year and column.month:
                item.progress[(column.year, column.month)] = amount

    def _unit_ids(self, item: ProjectRow, column: Column, text: str) -> list[int]:
        ids: list[int] = []
        for name in split_names(text):
            unit = self.lookups.unit(name)
            if unit is None:
                self.preview.add(
                    item.row,
                    column.label,
                    "X009",
                    f"未找到单位“{name}”（请用单位全称、简称，或先在单位管理中添加别名）",
                )
            elif unit.pk not in ids:
                ids.append(unit.pk)
        return ids

    def _units(self, item: ProjectRow, cells: list[Cell]) -> None:
        lead = self.layout.one("lead")
        extra: list[int] = []
        if lead is not None and (text := cell_text(self.cell(cells, lead))):
            ids = self._unit_ids(item, lead, text)
            if ids:
                item.values["lead_unit_id"] = ids[0]
                extra = ids[1:]
        responsible = self.layout.one("responsible")
        if responsible is not None and (text := cell_text(self.cell(cells, responsible))):
            ids = self._unit_ids(item, responsible, text)
            item.responsible_unit_ids = [*ids, *(i for i in extra if i not in ids)]
        elif extra:
            item.responsible_unit_ids = extra

    def _stage(self, item: ProjectRow, cells: list[Cell]) -> None:
        column = self.layout.one("stage")
        text = cell_text(self.cell(cells, column))
        if not text or column is None:
            return
        value = stage_value(text)
        if value is None:
            labels = "、".join(str(label) for _v, label in ProjectStage.choices)
            self.preview.add(
                item.row, column.label, "X011", f"无法识别的项目阶段“{text}”（可用：{labels}）"
            )
            return
        item.values["stage"] = value
