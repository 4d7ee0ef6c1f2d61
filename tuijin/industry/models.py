"""Industrial clusters with their scale tier, chains ordered upstream→downstream, enterprises."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuijin.core.models import TimeStamped

from .choices import ClusterTier, LinkAction, LinkPosition


class Cluster(TimeStamped):
    name = models.CharField(_("集群名称"), max_length=120, unique=True)
    tier = models.CharField(
        _("规模层级"), max_length=8, choices=ClusterTier.choices, default=ClusterTier.T100
    )
    target_output = models.DecimalField(
        _("目标产值(亿元)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("目标年份"), null=True, blank=True)
    current_output = models.DecimalField(
        _("现有产值(亿元)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    lead_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("牵头单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_clusters",
    )
    areas = models.ManyToManyField(
        "geo.Area", verbose_name=_("主要承载区域"), blank=True, related_name="clusters"
    )
    description = models.TextField(_("发展方向"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("产业集群")
        verbose_name_plural = _("产业集群")
        ordering = ["tier", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_output__isnull=True) | models.Q(target_output__gte=0),
                name="cluster_target_output_non_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(current_output__isnull=True) | models.Q(current_output__gte=0),
                name="cluster_current_output_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cluster-detail", args=[self.pk])


class Chain(TimeStamped):
    name = models.CharField(_("产业链"), max_length=120, unique=True)
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("所属集群"), on_delete=models.CASCADE, related_name="chains"
    )
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("产业链")
        verbose_name_plural = _("产业链")
        ordering = ["cluster", "name"]

    def __str__(self) -> str:
        return self.name


class ChainLink(TimeStamped):
    """One link of a chain; `order` runs upstream (small) to downstream (large)."""

    chain = models.ForeignKey(
        Chain, verbose_name=_("产业链"), on_delete=models.CASCADE, related_name="links"
    )
    name = models.CharField(_("环节"), max_length=120)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)
    position = models.CharField(
        _("位置"), max_length=16, choices=LinkPosition.choices, default=LinkPosition.MIDSTREAM
    )
    action = models.CharField(
        _("延补强"), max_length=16, choices=LinkAction.choices, default="", blank=True
    )

    class Meta:
        verbose_name = _("产业链环节")
        verbose_name_plural = _("产业链环节")
        ordering = ["chain", "order"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "order"], name="chainlink_unique_order"),
            models.UniqueConstraint(fields=["chain", "name"], name="chainlink_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.chain.name} · {self.name}"


class Enterprise(TimeStamped):
    name = models.CharField(_("企业名称"), max_length=160, unique=True)
    unit = models.OneToOneField(
        "orgs.Unit",
        verbose_name=_("对应单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprise",
    )
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("所在区域"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
    )
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("所属集群"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
    )
    chain_leader = models.BooleanField(_("链主企业"), default=False)
    chain_links = models.ManyToManyField(
        ChainLink, verbose_name=_("所在环节"), blank=True, related_name="enterprises"
    )
    description = models.TextField(_("简介"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("企业")
        verbose_name_plural = _("企业")
        ordering = ["-chain_leader", "name"]

    def __str__(self) -> str:
        return self.name
