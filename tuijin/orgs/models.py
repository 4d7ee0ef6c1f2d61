"""Units (departments, zone committees, county governments, enterprises), their aliases,
and the leadership group with its coordination groups."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuijin.core.models import TimeStamped

from .choices import AliasKind, GroupKind, MemberRole, UnitKind


class Unit(TimeStamped):
    name = models.CharField(_("单位名称"), max_length=120, unique=True)
    short_name = models.CharField(_("简称"), max_length=60, blank=True)
    kind = models.CharField(
        _("类型"), max_length=32, choices=UnitKind.choices, default=UnitKind.DEPARTMENT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    is_active = models.BooleanField(_("有效"), default=True)
    needs_review = models.BooleanField(
        _("待核实"), default=False, help_text=_("由文件导入时新建、尚未经办公室核实的单位")
    )
    note = models.TextField(_("备注"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("unit-detail", args=[self.pk])


class UnitAlias(TimeStamped):
    """Another name of a unit: a short form, or a former name valid until a renaming."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(_("名称"), max_length=120, unique=True)
    kind = models.CharField(
        _("类型"), max_length=16, choices=AliasKind.choices, default=AliasKind.ALIAS
    )
    valid_from = models.DateField(_("启用日期"), null=True, blank=True)
    valid_to = models.DateField(_("停用日期"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("单位别名")
        verbose_name_plural = _("单位别名")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unitalias_dates_forward",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.unit.name}"


class Person(TimeStamped):
    name = models.CharField(_("姓名"), max_length=40)
    title = models.CharField(_("职务"), max_length=120, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    phone = models.CharField(_("电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)

    class Meta:
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.title}）" if self.title else self.name


class Group(TimeStamped):
    name = models.CharField(_("名称"), max_length=120, unique=True)
    kind = models.CharField(
        _("类型"), max_length=16, choices=GroupKind.choices, default=GroupKind.COORDINATION
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subgroups",
    )
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("牵头单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_groups",
    )
    duties = models.TextField(_("主要职责"), blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("领导小组/推进组")
        verbose_name_plural = _("领导小组/推进组")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Membership(TimeStamped):
    group = models.ForeignKey(
        Group, verbose_name=_("小组"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("职务"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("所在单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )

    class Meta:
        verbose_name = _("小组成员")
        verbose_name_plural = _("小组成员")
        ordering = ["group", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} · {self.get_role_display()} · {self.person.name}"
