"""The region's frame: the city, its districts and counties with their zones and parks, the
units (departments, county governments, zone committees, enterprises) and the industrial
clusters with their chains and enterprises."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tuijin.geo.models import Area
from tuijin.industry.models import Chain, ChainLink, Cluster, Enterprise
from tuijin.orgs.models import Unit

from . import words
from .common import Ctx, clamp


@dataclass
class District:
    area: Area
    government: Unit
    departments: list[Unit] = field(default_factory=list)
    parks: list[Area] = field(default_factory=list)


@dataclass
class Region:
    city: str
    city_area: Area
    districts: list[District]
    zone_units: dict[int, Unit]  # park area id → its management committee
    city_departments: list[Unit]
    statistics: Unit
    enterprises: list[Enterprise]
    enterprise_units: dict[int, Unit]  # enterprise id → its unit
    clusters: list[Cluster]
    cluster_products: dict[int, list[str]]
    cluster_enterprises: dict[int, list[Enterprise]]
    cluster_links: dict[int, list[ChainLink]]
    government_units: list[Unit]  # units that lead projects and tasks

    @property
    def areas(self) -> list[Area]:
        return [self.city_area, *(d.area for d in self.districts)]


def _place_names(ctx: Ctx, count: int) -> list[str]:
    names = [a + b for a in words.PLACE_FIRST for b in words.PLACE_SECOND if a != b]
    ctx.rng.shuffle(names)
    return names[:count]


def build_region(ctx: Ctx, *, projects: int, units: int) -> Region:
    rng = ctx.rng
    city = ctx.pick(words.CITY_STEMS)
    n_districts = clamp(projects // 1500, 3, 40)
    city_area = ctx.bulk(
        Area,
        [
            Area(
                name=f"{city}市",
                short_name=city,
                kind="city",
                land_area_km2=Decimal(rng.randint(8000, 20000)),
            )
        ],
    )[0]
    district_areas: list[Area] = []
    for i, place in enumerate(_place_names(ctx, n_districts)):
        kind = "district" if i < max(2, n_districts // 3) else "county"
        role = "core" if i == 0 else "wing" if i < 3 else "point"
        district_areas.append(
            Area(
                name=place + ("区" if kind == "district" else "县"),
                short_name=place,
                kind=kind,
                parent=city_area,
                layout_role=role,
                positioning=f"{place}重点发展{ctx.pick(words.CLUSTERS)[0]}产业。",
                land_area_km2=Decimal(rng.randint(80, 3000)),
            )
        )
    ctx.bulk(Area, district_areas)
    park_rows: list[tuple[Area, Area]] = []  # (park, its district or the city)
    for zone, kind in words.ZONE_KINDS[:2]:
        park_rows.append(
            (
                Area(
                    name=f"{city}{zone}",
                    short_name=f"{city}{zone[:2]}区",
                    kind=kind,
                    parent=city_area,
                ),
                city_area,
            )
        )
    for district in district_areas:
        for zone, kind in rng.sample(words.ZONE_KINDS[2:], rng.randint(1, 3)):
            park = Area(
                name=f"{district.short_name}{zone}",
                short_name=f"{district.short_name}{zone[:2]}",
                kind=kind,
                parent=district,
                layout_role="point",
                land_area_km2=Decimal(rng.randint(5, 120)),
            )
            park_rows.append((park, district))
    ctx.bulk(Area, [p for p, _ in park_rows])

    # Units: the city government and its departments, county governments with theirs,
    # zone committees, then enterprises up to the requested total.
    used: set[str] = set()

    def unit(name: str, short: str, kind: str, parent: Unit | None = None) -> Unit:
        used.add(name)
        return Unit(name=name, short_name=short, kind=kind, parent=parent)

    city_gov = ctx.bulk(Unit, [unit(f"{city}市人民政府", "市政府", "other")])[0]
    fixed = 1 + n_districts + len(park_rows)
    rest = max(0, units - fixed)
    n_city_depts = min(len(words.DEPARTMENTS), max(5, rest // 20))
    n_county_depts = min(words.COUNTY_DEPARTMENTS, max(0, rest // 4 // n_districts))
    city_departments = ctx.bulk(
        Unit,
        [
            unit(f"{city}市{name}", f"市{short}", "department", city_gov)
            for name, short in words.DEPARTMENTS[:n_city_depts]
        ],
    )
    governments = ctx.bulk(
        Unit,
        [
            unit(f"{a.name}人民政府", f"{a.name}政府", "county_government", city_gov)
            for a in district_areas
        ],
    )
    zone_units = ctx.bulk(
        Unit,
        [
            unit(f"{p.name}管理委员会", f"{p.short_name}管委会", "zone_committee", city_gov)
            for p, _ in park_rows
        ],
    )
    districts = [
        District(area=a, government=g) for a, g in zip(district_areas, governments, strict=True)
    ]
    county_rows: list[tuple[District, Unit]] = []
    for d in districts:
        for name, short in words.DEPARTMENTS[:n_county_depts]:
            county_rows.append(
                (
                    d,
                    unit(
                        f"{d.area.name}{name}",
                        f"{d.area.short_name}{short}",
                        "department",
                        d.government,
                    ),
                )
            )
    ctx.bulk(Unit, [u for _, u in county_rows])
    for d, u in county_rows:
        d.departments.append(u)
    by_area = {d.area.pk: d for d in districts}
    for (park, parent), zone_unit in zip(park_rows, zone_units, strict=True):
        park.managing_unit = zone_unit
        if parent.pk in by_area:
            by_area[parent.pk].parks.append(park)
    city_area.managing_unit = city_gov
    for d in districts:
        d.area.managing_unit = d.government
    Area.objects.bulk_update(
        [city_area, *(d.area for d in districts), *(p for p, _ in park_rows)],
        ["managing_unit"],
        batch_size=1000,
    )

    # Clusters and their chains.
    n_clusters = clamp(projects // 1250, 4, len(words.CLUSTERS))
    tier_output = {"1000": (1000, 1600), "500": (500, 900), "100": (100, 300)}
    cluster_rows = []
    for stem, tier, _chains, _products in words.CLUSTERS[:n_clusters]:
        low, high = tier_output[tier]
        target = rng.randint(low, high)
        cluster_rows.append(
            Cluster(
                name=f"{stem}产业集群",
                tier=tier,
                target_output=Decimal(target),
                target_year=ctx.today.year + 3,
                current_output=Decimal(round(target * rng.uniform(0.45, 0.8), 2)).quantize(
                    Decimal("0.01")
                ),
                lead_unit=city_departments[min(1, len(city_departments) - 1)],
                description=f"做强{stem}产业，推动延链补链强链。",
            )
        )
    clusters = ctx.bulk(Cluster, cluster_rows)
    parks = [p for p, _ in park_rows]
    through = Cluster.areas.through
    ctx.bulk(
        through,
        [
            through(cluster_id=c.pk, area_id=a.pk)
            for c in clusters
            for a in rng.sample(parks, min(3, len(parks)))
        ],
    )
    chains: list[tuple[Cluster, Chain]] = []
    for cluster, (_stem, _tier, chain_names, _products) in zip(
        clusters, words.CLUSTERS, strict=False
    ):
        for name in chain_names:
            chains.append((cluster, Chain(name=f"{name}产业链", cluster=cluster)))
    ctx.bulk(Chain, [c for _, c in chains])
    links = [
        ChainLink(chain=chain, name=name, order=order, position=position, action=action)
        for _, chain in chains
        for order, (name, position, action) in enumerate(words.CHAIN_LINKS, start=1)
    ]
    ctx.bulk(ChainLink, links)
    cluster_links: dict[int, list[ChainLink]] = {c.pk: [] for c in clusters}
    for link in links:
        cluster_links[link.chain.cluster_id].append(link)

    # Enterprises fill the remaining units.
    n_enterprises = max(0, units - fixed - n_city_depts - n_county_depts * n_districts)
    places = [city, *(a.short_name for a in district_areas)]
    enterprise_units: list[Unit] = []
    enterprises: list[Enterprise] = []
    for i in range(n_enterprises):
        cluster = clusters[i % len(clusters)]
        stem = words.CLUSTERS[i % len(clusters)][0]
        for attempt in range(50):
            brand = ctx.pick(words.BRAND_CHARS) + ctx.pick(words.BRAND_CHARS)
            place = ctx.pick(places)
            name = f"{place}{brand}{stem}{ctx.pick(words.COMPANY_FORMS)}"
            if attempt > 40:
                name = f"{place}{brand}{stem}{i}号{ctx.pick(words.COMPANY_FORMS)}"
            if name not in used:
                break
        u = unit(name, f"{brand}{stem[:2]}", "enterprise")
        enterprise_units.append(u)
        enterprises.append(
            Enterprise(
                name=name,
                unit=u,
                area=ctx.pick(parks),
                cluster=cluster,
                chain_leader=i < len(clusters),
                description=f"{stem}领域骨干企业。",
            )
        )
    ctx.bulk(Unit, enterprise_units)
    for enterprise, u in zip(enterprises, enterprise_units, strict=True):
        enterprise.unit = u
    ctx.bulk(Enterprise, enterprises)
    through_links = Enterprise.chain_links.through
    ctx.bulk(
        through_links,
        [
            through_links(
                enterprise_id=e.pk, chainlink_id=ctx.pick(cluster_links[int(e.cluster_id or 0)]).pk
            )
            for e in enterprises
        ],
    )
    cluster_enterprises: dict[int, list[Enterprise]] = {c.pk: [] for c in clusters}
    for e in enterprises:
        assert e.cluster is not None
        cluster_enterprises[e.cluster.pk].append(e)
    statistics = next(
        (u for u in city_departments if u.name.endswith("统计局")), city_departments[0]
    )
    return Region(
        city=city,
        city_area=city_area,
        districts=districts,
        zone_units={p.pk: u for (p, _), u in zip(park_rows, zone_units, strict=True)},
        city_departments=city_departments,
        statistics=statistics,
        enterprises=enterprises,
        enterprise_units={e.pk: u for e, u in zip(enterprises, enterprise_units, strict=True)},
        clusters=clusters,
        cluster_products={c.pk: words.CLUSTERS[i][3] for i, c in enumerate(clusters)},
        cluster_enterprises=cluster_enterprises,
        cluster_links=cluster_links,
        government_units=[*city_departments, *governments, *zone_units],
    )
