"""Indicators with three-tier targets for the city and each district, the clusters' output
targets, and the published actual values (past years, and this year's quarters so far)."""

from __future__ import annotations

from decimal import Decimal

from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.plans.models import Indicator, Measurement, Target

from . import words
from .common import Ctx
from .region import Region

FOUR = Decimal("0.0001")


def _dec(value: float) -> Decimal:
    return Decimal(str(round(value, 4))).quantize(FOUR)


def build_targets(ctx: Ctx, region: Region) -> int:
    rng, year, month = ctx.rng, ctx.today.year, ctx.today.month
    indicators = ctx.bulk(
        Indicator,
        [
            Indicator(
                name=name,
                unit_label=unit,
                category=category,
                direction=direction,
                description=f"{name}（{unit}）",
            )
            for name, unit, category, direction, _v, _g in words.INDICATORS
        ]
        + [
            Indicator(
                name=words.CLUSTER_INDICATOR[0],
                unit_label="亿元",
                category="产业集群",
                direction="higher",
            )
        ],
    )
    shares = [rng.uniform(0.5, 1.5) for _ in region.districts]
    total_share = sum(shares)
    places: list[tuple[Area, float]] = [(region.city_area, 1.0)]
    places += [(d.area, s / total_share) for d, s in zip(region.districts, shares, strict=True)]
    targets: list[Target] = []
    measurements: list[Measurement] = []

    def target(
        indicator: Indicator,
        area: Area | None,
        cluster: Cluster | None,
        y: int,
        unit: str,
        values: list[float],
        text: str,
    ) -> None:
        for tier, value in zip(("base", "stretch", "aspiration"), values, strict=True):
            row = Target(
                indicator=indicator,
                area=area,
                cluster=cluster,
                year=y,
                kind="target",
                tier=tier,
                value=_dec(value),
                unit=unit,
                text=text,
            )
            row.group_key = row.compute_group_key()
            targets.append(row)

    def measure(
        indicator: Indicator,
        area: Area | None,
        cluster: Cluster | None,
        y: int,
        m: int | None,
        value: float,
        unit: str,
        note: str,
    ) -> None:
        measurements.append(
            Measurement(
                indicator=indicator,
                area=area,
                cluster=cluster,
                year=y,
                month=m,
                value=_dec(value),
                unit=unit,
                reported_by=region.statistics,
                note=note,
            )
        )

    quarters = [m for m in (3, 6, 9) if m < month]
    for indicator, (name, unit, _cat, _dir, base, growth) in zip(
        indicators, words.INDICATORS, strict=False
    ):
        rate = unit == "%"
        for area, share in places:
            scale = 1.0 if rate else share
            last = base * scale * rng.uniform(0.9, 1.1)
            if rate:
                goal = [last, last + 0.5, last + 1.0]
            else:
                goal = [last * (1 + growth), last * (1 + growth + 0.02), last * (1 + growth + 0.04)]
            target(indicator, area, None, year, unit, goal, f"{area.name}{year}年{name}目标")
            measure(
                indicator,
                area,
                None,
                year - 2,
                None,
                last / (1 + growth) if not rate else last,
                unit,
                "年度统计",
            )
            measure(indicator, area, None, year - 1, None, last, unit, "年度统计")
            pace = rng.uniform(0.8, 1.1)
            for m in quarters:
                value = goal[0] * pace if rate else goal[0] * m / 12 * pace
                measure(indicator, area, None, year, m, value, unit, f"1—{m}月")
    output = indicators[-1]
    for cluster in region.clusters:
        output_goal = float(cluster.target_output or 0)
        current = float(cluster.current_output or 0)
        target(
            output,
            None,
            cluster,
            cluster.target_year or year,
            "亿元",
            [output_goal, output_goal * 1.1, output_goal * 1.2],
            f"{cluster.name}产值目标",
        )
        measure(output, None, cluster, year - 1, None, current, "亿元", "年度统计")
        for m in quarters:
            measure(
                output,
                None,
                cluster,
                year,
                m,
                current * 1.08 * m / 12 * rng.uniform(0.85, 1.1),
                "亿元",
                f"1—{m}月",
            )
    ctx.bulk(Target, targets)
    ctx.bulk(Measurement, measurements)
    return len(targets)
