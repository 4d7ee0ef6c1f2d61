from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured(
    {
        "department": "blue",
        "zone_committee": "teal",
        "county_government": "purple",
        "enterprise": "orange",
        "party": "red",
    }
)
class UnitKind(ColouredChoices):
    DEPARTMENT = "department", _("政府部门")
    ZONE_COMMITTEE = "zone_committee", _("园区管委会")
    COUNTY_GOVERNMENT = "county_government", _("县区政府")
    ENTERPRISE = "enterprise", _("企业")
    PARTY = "party", _("党委部门")
    OTHER = "other", _("其他")


class AliasKind(ColouredChoices):
    ALIAS = "alias", _("简称/别名")
    FORMER = "former", _("曾用名")


class GroupKind(ColouredChoices):
    LEADING = "leading", _("领导小组")
    OFFICE = "office", _("领导小组办公室")
    COORDINATION = "coordination", _("协调推进组")
    OTHER = "other", _("其他")


@coloured({"leader": "red", "deputy": "orange", "member": "blue", "liaison": "teal"})
class MemberRole(ColouredChoices):
    LEADER = "leader", _("组长")
    DEPUTY = "deputy", _("副组长")
    MEMBER = "member", _("成员")
    LIAISON = "liaison", _("联络员")
