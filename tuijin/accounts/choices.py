from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured({"office": "blue", "liaison": "teal", "leader": "purple", "admin": "red"})
class Role(ColouredChoices):
    OFFICE = "office", _("领导小组办公室")
    LIAISON = "liaison", _("单位联络员")
    LEADER = "leader", _("领导")
    ADMIN = "admin", _("系统管理员")
