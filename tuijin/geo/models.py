"""Areas: the city, its districts and counties, national and provincial zones, parks."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuijin.core.models import TimeStamped

from .choices import AreaKind, LayoutRole


class Area(TimeStamped):
    name = models.CharField(_("名称"), max_length=120, unique=True)
    short_name = models.CharField(_("简称"), max_length=60, blank=True)
    kind = models.CharField(
        _("类型"), max_length=32, choices=AreaKind.choices, default=AreaKind.DISTRICT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级区域"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    layout_role = models.CharField(
        _("布局定位"),
        max_length=16,
        choices=LayoutRole.choices,
        default=LayoutRole.NONE,
        blank=True,
    )
    positioning = models.TextField(_("功能定位"), blank=True)
    land_area_km2 = models.DecimalField(
        _("面积(平方公里)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    managing_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("管理单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_areas",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("区域")
        verbose_name_plural = _("区域")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(land_area_km2__isnull=True) | models.Q(land_area_km2__gte=0),
                name="area_land_area_non_negative",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("area-detail", args=[self.pk])
