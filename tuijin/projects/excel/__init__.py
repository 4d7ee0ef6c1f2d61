"""The key-project ledger (重点项目台账) in Excel: read a ledger into a preview, write one.

Reading maps the header to fields whatever the column order; every cell is checked and every
problem is listed (row as Excel numbers it, header text, code, Chinese message). Units are found
by name, short name or alias (never created), areas by name, stages by their Chinese label.
Writing (`project_ledger_export`) produces the layout the reader accepts, so an export imports
back unchanged. The services (`services.py`) compare the rows with the ledger and write them.
"""

from .export import project_filter_params, project_ledger_export
from .read import (
    COLUMN_LABELS,
    FIELD_LABELS,
    SPECS,
    STAGE_WORDS,
    NameLookups,
    ProjectRow,
    project_ledger_read,
    stage_value,
)

__all__ = [
    "COLUMN_LABELS",
    "FIELD_LABELS",
    "SPECS",
    "STAGE_WORDS",
    "NameLookups",
    "ProjectRow",
    "project_filter_params",
    "project_ledger_export",
    "project_ledger_read",
    "stage_value",
]
