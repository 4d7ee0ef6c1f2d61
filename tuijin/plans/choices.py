from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured({"not_started": "grey", "in_progress": "blue", "done": "green", "blocked": "red"})
class TaskStatus(ColouredChoices):
    NOT_STARTED = "not_started", _("未启动")
    IN_PROGRESS = "in_progress", _("推进中")
    DONE = "done", _("已完成")
    BLOCKED = "blocked", _("受阻")
    CANCELLED = "cancelled", _("已取消")


@coloured({"lead": "red", "responsible": "blue"})
class AssignmentRole(ColouredChoices):
    LEAD = "lead", _("牵头单位")
    RESPONSIBLE = "responsible", _("责任单位")


@coloured({"base": "blue", "stretch": "orange", "aspiration": "red"})
class TargetTier(ColouredChoices):
    BASE = "base", _("目标值")
    STRETCH = "stretch", _("争取值")
    ASPIRATION = "aspiration", _("奋斗值")


@coloured({"target": "blue", "actual": "green"})
class TargetKind(ColouredChoices):
    TARGET = "target", _("目标")
    ACTUAL = "actual", _("实际")


class Direction(ColouredChoices):
    HIGHER = "higher", _("越高越好")
    LOWER = "lower", _("越低越好")
