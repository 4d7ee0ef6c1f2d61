from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured({"monthly": "blue", "quarterly": "teal", "semiannual": "purple", "adhoc": "grey"})
class CycleKind(ColouredChoices):
    MONTHLY = "monthly", _("按月")
    QUARTERLY = "quarterly", _("按季度")
    SEMIANNUAL = "semiannual", _("半年（6月和12月）")
    ADHOC = "adhoc", _("不定期")


class DueAnchor(ColouredChoices):
    AFTER_END = "after_end", _("期末后")
    BEFORE_END = "before_end", _("期末前")


class UnitScope(ColouredChoices):
    ASSIGNED = "assigned", _("所有承担任务或项目的单位")
    EXPLICIT = "explicit", _("指定单位")


@coloured({"draft": "grey", "submitted": "blue", "returned": "orange", "accepted": "green"})
class SubmissionState(ColouredChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已报送")
    RETURNED = "returned", _("已退回")
    ACCEPTED = "accepted", _("已采纳")


@coloured({"grey": "grey", "green": "green", "yellow": "yellow", "red": "red"})
class WarningLevel(ColouredChoices):
    GREY = "grey", _("暂无数据")
    GREEN = "green", _("绿灯")
    YELLOW = "yellow", _("黄灯")
    RED = "red", _("红灯")

    @classmethod
    def rank(cls, value: str) -> int:
        """Severity order: grey < green < yellow < red."""
        return {"grey": 0, "green": 1, "yellow": 2, "red": 3}.get(str(value), 0)


@coloured(
    {
        "remind_before": "blue",
        "remind_after": "red",
        "returned": "orange",
        "accepted": "green",
        "other": "grey",
    }
)
class NoticeKind(ColouredChoices):
    REMIND_BEFORE = "remind_before", _("报送提醒")
    REMIND_AFTER = "remind_after", _("逾期催报")
    RETURNED = "returned", _("退回通知")
    ACCEPTED = "accepted", _("采纳通知")
    OTHER = "other", _("其他")
