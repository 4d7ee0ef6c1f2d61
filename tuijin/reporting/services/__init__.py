"""Writes of reporting: cycles, periods, submissions and their entries, figures, attachments.

The working loop: the office creates a `Cycle`; `periods_open_due` opens its periods (cron via
`tuijin manage open_periods`); a unit starts its submission for a period (one entry per task and
project it owes), fills it in and submits it; the office returns it with a comment or accepts it.
Accepting writes the figures into the ledger (task progress, project progress reports,
indicator measurements) and refreshes those objects' lights once the transaction commits.

Every function is keyword-only, runs in one transaction and refuses with `ServiceError`
(nothing is written on refusal). `now`/`today` parameters exist for tests and back-dating.
"""

from __future__ import annotations

from ..notifications import notice_mark_read, reminders_send
from ..warnings import warning_rule_update, warnings_compute
from ._common import UNSET
from .cycles import cycle_create, cycle_update, period_close, period_open, periods_open_due
from .entries import (
    attachment_add,
    attachment_remove,
    entry_update,
    figure_set,
    submission_edit,
    submission_update,
)
from .submissions import submission_accept, submission_return, submission_start, submission_submit

__all__ = [
    "UNSET",
    "attachment_add",
    "attachment_remove",
    "cycle_create",
    "cycle_update",
    "entry_update",
    "figure_set",
    "notice_mark_read",
    "period_close",
    "period_open",
    "periods_open_due",
    "reminders_send",
    "submission_accept",
    "submission_edit",
    "submission_return",
    "submission_start",
    "submission_submit",
    "submission_update",
    "warning_rule_update",
    "warnings_compute",
]
