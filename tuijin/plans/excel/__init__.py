"""The task ledger (任务分解表) in Excel: read one into a preview, write one.

Layouts accepted: 序号 | 任务名称 | 任务内容 | 牵头单位 | 责任单位 | 完成时限, or the common
序号 | 重点任务 | 具体措施 | 牵头单位 | 责任单位 | 配合单位 | 完成时限 where 重点任务 is merged
down over its measures (each measure becomes a task, 重点任务 its section), with section rows
("一、产业提升") anywhere. 配合单位 become 责任单位 assignments.

Natural key: tasks imported from Excel belong to no document; within that namespace a task is
(序号, 任务名称) — the code as written and the title with spaces, quotes and brackets ignored.
An exported file also carries 系统编号 (the task id): a row with one updates that task, whatever
its document, so a ledger exported from plan documents can be edited and imported back.
"""

from .export import COLUMNS, task_filter_params, task_ledger_export
from .read import (
    COLUMN_LABELS,
    FIELD_LABELS,
    SPECS,
    STATUS_WORDS,
    TaskRow,
    status_value,
    task_key,
    task_ledger_read,
)

__all__ = [
    "COLUMNS",
    "COLUMN_LABELS",
    "FIELD_LABELS",
    "SPECS",
    "STATUS_WORDS",
    "TaskRow",
    "status_value",
    "task_filter_params",
    "task_key",
    "task_ledger_export",
    "task_ledger_read",
]
