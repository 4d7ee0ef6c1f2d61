"""The key-project ledger: projects, annual investment plans, progress, batch events."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from tuijin.core.models import Sourced, TimeStamped, sourced_constraints

from .choices import EventKind, ProjectList, ProjectStage


def money(verbose_name: StrOrPromise, *, optional: bool = False) -> models.DecimalField[Any, Any]:
    """An amount in 亿元 with four decimals (万元 precision)."""
    return models.DecimalField(
        verbose_name, max_digits=16, decimal_places=4, null=optional, blank=optional
    )


class Project(TimeStamped, Sourced):
    name = models.CharField(_("项目名称"), max_length=200, unique=True)
    code = models.CharField(_("项目编号"), max_length=40, blank=True)
    content = models.TextField(_("建设内容及规模"), blank=True)
    total_investment = money(_("总投资(亿元)"), optional=True)
    stage = models.CharField(
        _("项目阶段"), max_length=16, choices=ProjectStage.choices, default=ProjectStage.RESERVE
    )
    list = models.CharField(
        _("所属清单"), max_length=16, choices=ProjectList.choices, default="", blank=True
    )
    start_year = models.PositiveSmallIntegerField(_("开工年份"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("竣工年份"), null=True, blank=True)
    planned_start = models.DateField(_("计划开工日期"), null=True, blank=True)
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("建设地点"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    cluster = models.ForeignKey(
        "industry.Cluster",
        verbose_name=_("产业集群"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    chain_link = models.ForeignKey(
        "industry.ChainLink",
        verbose_name=_("产业链环节"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    enterprise = models.ForeignKey(
        "industry.Enterprise",
        verbose_name=_("建设主体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    lead_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("牵头单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
    )
    responsible_units = models.ManyToManyField(
        "orgs.Unit", verbose_name=_("责任单位"), blank=True, related_name="responsible_projects"
    )
    responsible_leader = models.CharField(_("责任领导"), max_length=60, blank=True)
    progress_note = models.TextField(_("进展情况"), blank=True)
    problems = models.TextField(_("存在问题"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("重点项目")
        verbose_name_plural = _("重点项目")
        # Largest first, projects without an amount last on every database (PostgreSQL put
        # them first). The lists' default order: on PostgreSQL the index
        # project_default_order serves it (migration 0002; SQLite cannot index NULLS LAST).
        ordering = [models.F("total_investment").desc(nulls_last=True), "name", "id"]
        indexes = [models.Index(fields=["name", "id"], name="project_name_order")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(total_investment__isnull=True)
                | models.Q(total_investment__gte=0),
                name="project_total_investment_non_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(start_year__isnull=True)
                | models.Q(end_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="project_end_year_after_start",
            ),
            *sourced_constraints("project"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("project-detail", args=[self.pk])


class AnnualPlan(TimeStamped):
    project = models.ForeignKey(
        Project, verbose_name=_("项目"), on_delete=models.CASCADE, related_name="annual_plans"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    planned_investment = money(_("年度计划投资(亿元)"))
    milestones = models.TextField(_("年度目标/节点"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("年度投资计划")
        verbose_name_plural = _("年度投资计划")
        ordering = ["project", "year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="annualplan_one_per_year"),
            models.CheckConstraint(
                condition=models.Q(planned_investment__gte=0), name="annualplan_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class ProgressReport(TimeStamped):
    """Completed investment and progress of a project up to the end of a month."""

    project = models.ForeignKey(
        Project, verbose_name=_("项目"), on_delete=models.CASCADE, related_name="progress_reports"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    month = models.PositiveSmallIntegerField(_("月份"), validators=[MaxValueValidator(12)])
    completed_investment = money(_("本期完成投资(亿元)"))
    cumulative_investment = money(_("年度累计完成投资(亿元)"))
    progress = models.TextField(_("进展情况"), blank=True)
    problems = models.TextField(_("存在问题"), blank=True)
    reported_by = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("报送单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("项目进展")
        verbose_name_plural = _("项目进展")
        ordering = ["project", "-year", "-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "month"], name="progress_one_per_month"
            ),
            models.CheckConstraint(
                condition=models.Q(completed_investment__gte=0)
                & models.Q(cumulative_investment__gte=0),
                name="progress_non_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="progress_month_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}-{self.month:02d}"


class Event(TimeStamped):
    kind = models.CharField(_("类型"), max_length=16, choices=EventKind.choices)
    name = models.CharField(_("名称"), max_length=200)
    date = models.DateField(_("日期"))
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("区域"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("项目"), blank=True, related_name="events"
    )
    total_investment = money(_("总投资(亿元)"), optional=True)
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("集中活动")
        verbose_name_plural = _("集中活动")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name", "date"], name="event_unique"),
            models.CheckConstraint(
                condition=models.Q(total_investment__isnull=True)
                | models.Q(total_investment__gte=0),
                name="event_total_investment_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"
