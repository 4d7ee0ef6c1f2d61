"""JSON API of clusters: /api/clusters (list) and /api/clusters/{id} (chains, links, leaders)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page

from .filters import ClusterFilter
from .models import Cluster
from .schemas import ClusterDetail, ClusterPage
from .selectors import cluster_get, cluster_list

router = Router(tags=["产业集群"])


@router.get(
    "", response=ClusterPage, summary="产业集群列表", openapi_extra=list_openapi(ClusterFilter)
)
def list_clusters(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, ClusterFilter, cluster_list(request.user))


@router.get(
    "/{cluster_id}", response=ClusterDetail, summary="产业集群详情（产业链、环节、链主企业）"
)
def get_cluster(request: HttpRequest, cluster_id: int) -> Cluster:
    return cluster_get(request.user, cluster_id)
