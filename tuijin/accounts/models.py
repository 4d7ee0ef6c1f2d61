"""A user's role and unit. Who may see and change what is decided in permissions.py and
scoping.py from these two fields (superusers count as admin)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuijin.core.models import TimeStamped

from .choices import Role


class Profile(TimeStamped):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("所属单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="profiles",
        help_text=_("联络员必填：只能查看和填报本单位牵头或参与的任务、项目"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("账号角色")
        verbose_name_plural = _("账号角色")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.LIAISON) | models.Q(unit__isnull=False),
                name="profile_liaison_has_unit",
                violation_error_message=_("联络员必须指定所属单位"),
            )
        ]

    def __str__(self) -> str:
        unit = f" · {self.unit}" if self.unit_id else ""
        return f"{self.user} · {self.get_role_display()}{unit}"
