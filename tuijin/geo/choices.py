from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuijin.core.choices import ColouredChoices, coloured


@coloured(
    {
        "city": "red",
        "district": "blue",
        "county": "purple",
        "national_zone": "orange",
        "provincial_zone": "yellow",
        "park": "teal",
    }
)
class AreaKind(ColouredChoices):
    CITY = "city", _("市")
    DISTRICT = "district", _("区")
    COUNTY = "county", _("县")
    NATIONAL_ZONE = "national_zone", _("国家级新区/开发区")
    PROVINCIAL_ZONE = "provincial_zone", _("省级开发区")
    PARK = "park", _("园区")
    TOWN = "town", _("乡镇/街道")


@coloured({"core": "red", "wing": "orange", "point": "blue", "belt": "teal"})
class LayoutRole(ColouredChoices):
    NONE = "", _("—")
    CORE = "core", _("一心")
    WING = "wing", _("两翼")
    POINT = "point", _("多点")
    BELT = "belt", _("带/轴")
