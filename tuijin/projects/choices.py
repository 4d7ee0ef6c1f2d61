from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured(
    {
        "reserve": "grey",
        "preparing": "yellow",
        "new": "orange",
        "continuing": "blue",
        "completed": "green",
        "signed": "purple",
    }
)
class ProjectStage(ColouredChoices):
    RESERVE = "reserve", _("谋划储备")
    PREPARING = "preparing", _("前期推进")
    NEW = "new", _("新开工")
    CONTINUING = "continuing", _("续建")
    COMPLETED = "completed", _("竣工投产")
    SIGNED = "signed", _("签约")


@coloured({"reserve": "grey", "preparation": "yellow", "construction": "blue"})
class ProjectList(ColouredChoices):
    NONE = "", _("—")
    RESERVE = "reserve", _("谋划储备清单")
    PREPARATION = "preparation", _("前期推进清单")
    CONSTRUCTION = "construction", _("开工建设清单")


@coloured({"groundbreaking": "orange", "signing": "purple", "completion": "green"})
class EventKind(ColouredChoices):
    GROUNDBREAKING = "groundbreaking", _("集中开工")
    SIGNING = "signing", _("集中签约")
    COMPLETION = "completion", _("竣工投产")
