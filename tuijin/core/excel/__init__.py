"""Excel ledgers (台账) as offices keep them: read, find the header, parse the cells.

Reading uses python-calamine (fast, gives merged ranges); `export` writes the same layout.
A ledger has title rows, then a header of one to three rows (merged cells, groups such as
"2025年" over "计划投资" / "1-10月完成"), then data rows, sometimes section rows ("一、工业项目")
and a total row ("合计"). `locate_table` finds the header and maps each column to a key of the
caller's `ColumnSpec`s; the `parse_*` helpers turn cells into numbers, money in 亿元, year-months.

Problems carry a code, the row number as Excel shows it, and the header text:

    X001 文件无法读取          X008 年月/日期无效          X015 竣工早于开工
    X002 未找到表头            X009 未找到单位             X016 状态无法识别
    X003 缺少必需的列          X010 未找到区域             X017 进度超出 0–100
    X004 必填项为空            X011 项目阶段无法识别        X018 没有可导入的数据行
    X005 数字无效              X012 与前面的行重复          X019 有问题，不能导入
    X006 不能为负数            X013 表头缺少年度或月份
    X007 金额单位无法识别       X014 内容过长              X020 筛选条件无效
                                                        X021 系统编号不存在
"""

from .export import ExportColumn, ledger_workbook
from .sheet import (
    NOTE,
    SECTION,
    TOTAL,
    Column,
    ColumnSpec,
    Layout,
    Preview,
    Problem,
    Sheet,
    filled_cells,
    locate_table,
    read_workbook,
    row_is_numbering,
    title_year,
)
from .values import (
    Cell,
    YearMonth,
    cell_text,
    is_blank,
    label_month,
    label_year,
    money_unit,
    name_key,
    normalise,
    parse_deadline,
    parse_money,
    parse_number,
    parse_year_month,
    parse_year_span,
    split_names,
)

__all__ = [
    "NOTE",
    "SECTION",
    "TOTAL",
    "Cell",
    "Column",
    "ColumnSpec",
    "ExportColumn",
    "Layout",
    "Preview",
    "Problem",
    "Sheet",
    "YearMonth",
    "cell_text",
    "filled_cells",
    "is_blank",
    "label_month",
    "label_year",
    "ledger_workbook",
    "locate_table",
    "money_unit",
    "name_key",
    "normalise",
    "parse_deadline",
    "parse_money",
    "parse_number",
    "parse_year_month",
    "parse_year_span",
    "read_workbook",
    "row_is_numbering",
    "split_names",
    "title_year",
]
