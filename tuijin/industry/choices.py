from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured({"1000": "red", "500": "orange", "100": "blue"})
class ClusterTier(ColouredChoices):
    T1000 = "1000", _("千亿级")
    T500 = "500", _("五百亿级")
    T100 = "100", _("百亿级")
    OTHER = "other", _("其他")


@coloured({"upstream": "teal", "midstream": "blue", "downstream": "purple"})
class LinkPosition(ColouredChoices):
    UPSTREAM = "upstream", _("上游")
    MIDSTREAM = "midstream", _("中游")
    DOWNSTREAM = "downstream", _("下游")


@coloured({"extend": "green", "fill": "yellow", "strengthen": "blue"})
class LinkAction(ColouredChoices):
    NONE = "", _("—")
    EXTEND = "extend", _("延链")
    FILL = "fill", _("补链")
    STRENGTHEN = "strengthen", _("强链")
