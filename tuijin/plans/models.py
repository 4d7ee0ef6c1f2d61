"""Tasks and who owns them; indicators, three-tier targets, measurements; plan stages."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuijin.core.models import Sourced, TimeStamped, sourced_constraints
from tuijin.orgs.models import Unit

from .choices import AssignmentRole, Direction, TargetKind, TargetTier, TaskStatus


class Task(TimeStamped, Sourced):
    """An actionable item of a plan, placed in its section tree (`parent`, `section`)."""

    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("所属文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级任务"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    code = models.CharField(_("编号"), max_length=40, blank=True)
    title = models.CharField(_("任务名称"), max_length=300)
    text = models.TextField(_("任务内容"), blank=True)
    section = models.CharField(_("所在章节"), max_length=500, blank=True)
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    deadline_text = models.CharField(_("时限(原文)"), max_length=80, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("完成进度(%)"), default=0, validators=[MaxValueValidator(100)]
    )
    order = models.PositiveIntegerField(_("排序"), default=0)
    units: models.ManyToManyField[Unit, Assignment] = models.ManyToManyField(
        "orgs.Unit", through="Assignment", verbose_name=_("单位"), related_name="tasks"
    )
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        verbose_name = _("任务")
        verbose_name_plural = _("任务")
        ordering = ["document_id", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="task_progress_at_most_100"
            ),
            *sourced_constraints("task"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("task-detail", args=[self.pk])


class Assignment(TimeStamped):
    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.CASCADE, related_name="assignments"
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(
        _("角色"), max_length=16, choices=AssignmentRole.choices, default=AssignmentRole.RESPONSIBLE
    )
    unit_as_written = models.CharField(_("原文单位名"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("任务分工")
        verbose_name_plural = _("任务分工")
        ordering = ["task", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "role"], name="assignment_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.task} · {self.get_role_display()} · {self.unit}"


class Indicator(TimeStamped):
    name = models.CharField(_("指标名称"), max_length=160, unique=True)
    unit_label = models.CharField(_("计量单位"), max_length=30, blank=True)
    base_unit = models.CharField(_("基准单位"), max_length=30, blank=True)
    category = models.CharField(_("类别"), max_length=60, blank=True)
    direction = models.CharField(
        _("方向"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name


class Target(TimeStamped, Sourced):
    """One tier of an aim.

    A target group (indicator, area, cluster, year, kind) has at most one row per tier;
    `group_key` makes that rule enforceable with NULL area/cluster on every backend.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="targets"
    )
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    base_value = models.DecimalField(
        _("基准单位数值"), max_digits=28, decimal_places=4, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("年份"))
    tier = models.CharField(
        _("档次"), max_length=16, choices=TargetTier.choices, default=TargetTier.BASE
    )
    kind = models.CharField(
        _("类型"), max_length=8, choices=TargetKind.choices, default=TargetKind.TARGET
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("区域"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
    )
    cluster = models.ForeignKey(
        "industry.Cluster",
        verbose_name=_("产业集群"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
    )
    text = models.CharField(_("原文"), max_length=300, blank=True)
    group_key = models.CharField(max_length=120, editable=False, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("目标")
        verbose_name_plural = _("目标")
        ordering = ["indicator", "year", "tier"]
        constraints = [
            models.UniqueConstraint(fields=["group_key", "tier"], name="target_one_row_per_tier"),
            *sourced_constraints("target"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} {self.get_tier_display()} {self.value}{self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("target-detail", args=[self.pk])

    def compute_group_key(self) -> str:
        parts = (self.indicator_id, self.area_id or "", self.cluster_id or "", self.year, self.kind)
        return "|".join(str(p) for p in parts)

    def save(self, *args: object, **kwargs: object) -> None:
        self.group_key = self.compute_group_key()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def display_value(self) -> str:
        value = self.value.normalize() if isinstance(self.value, Decimal) else self.value
        return f"{value:f}{self.unit}" if isinstance(value, Decimal) else f"{value}{self.unit}"


class Measurement(TimeStamped, Sourced):
    """An actual value reported or published for a period."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="measurements"
    )
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    base_value = models.DecimalField(
        _("基准单位数值"), max_digits=28, decimal_places=4, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("年份"))
    month = models.PositiveSmallIntegerField(
        _("截至月份"), null=True, blank=True, validators=[MaxValueValidator(12)]
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("区域"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measurements",
    )
    cluster = models.ForeignKey(
        "industry.Cluster",
        verbose_name=_("产业集群"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measurements",
    )
    reported_by = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("报送单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("实际值")
        verbose_name_plural = _("实际值")
        ordering = ["indicator", "year", "month"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__isnull=True) | models.Q(month__gte=1, month__lte=12),
                name="measurement_month_range",
            ),
            *sourced_constraints("measurement"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} {self.value}{self.unit}"


class Stage(TimeStamped, Sourced):
    """A named phase of a plan with a date range (动员部署, 组织实施, 总结评估)."""

    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("所属文件"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stages",
    )
    name = models.CharField(_("阶段名称"), max_length=120)
    start_date = models.DateField(_("开始日期"), null=True, blank=True)
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    description = models.TextField(_("工作内容"), blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("实施阶段")
        verbose_name_plural = _("实施阶段")
        ordering = ["document_id", "order", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="stage_end_after_start",
            ),
            *sourced_constraints("stage"),
        ]

    def __str__(self) -> str:
        return self.name
