from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


class DocumentKind(ColouredChoices):
    PLAN = "plan", _("规划/方案")
    NOTICE = "notice", _("通知")
    REPORT = "report", _("报告")
    NEWS = "news", _("新闻/综述")
    LEDGER = "ledger", _("台账")
    OTHER = "other", _("其他")


@coloured({"extracted": "yellow", "confirmed": "green", "rejected": "grey"})
class DocumentStatus(ColouredChoices):
    EXTRACTED = "extracted", _("待审核")
    CONFIRMED = "confirmed", _("已入库")
    REJECTED = "rejected", _("已退回")
