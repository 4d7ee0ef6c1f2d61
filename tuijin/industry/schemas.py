"""API schemas of clusters: a cluster's chains run upstream→downstream, with chain leaders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from tuijin.core.schemas import Ref

from .choices import ClusterTier, LinkAction, LinkPosition
from .models import Cluster


class EnterpriseOut(Schema):
    id: int
    name: str
    chain_leader: bool


class ChainLeaderOut(EnterpriseOut):
    area: Ref | None


class ChainLinkOut(Schema):
    id: int
    name: str
    order: int
    position: LinkPosition
    position_label: str = Field(alias="get_position_display")
    action: LinkAction
    action_label: str = Field(alias="get_action_display")
    enterprises: list[EnterpriseOut]


class ChainOut(Schema):
    id: int
    name: str
    description: str
    links: list[ChainLinkOut]


class ClusterOut(Schema):
    id: int
    name: str
    tier: ClusterTier
    tier_label: str = Field(alias="get_tier_display")
    target_output: Decimal | None = Field(description="目标产值(亿元)")
    target_year: int | None
    current_output: Decimal | None = Field(description="现有产值(亿元)")
    lead_unit: Ref | None
    url: str = Field(alias="get_absolute_url")


class ClusterListItem(ClusterOut):
    chain_count: int = Field(description="产业链数")
    project_count: int = Field(description="项目数")


class ClusterDetail(ClusterOut):
    description: str
    areas: list[Ref]
    chains: list[ChainOut]
    chain_leaders: list[ChainLeaderOut]

    @staticmethod
    def resolve_chain_leaders(obj: Cluster) -> list[Any]:
        return [e for e in obj.enterprises.all() if e.chain_leader]


class ClusterPage(Schema):
    items: list[ClusterListItem]
    count: int
