"""Named mentions: units, enterprises, areas, layouts, tiered clusters and chains.

Sentences are written for the test. Precision matters more than recall, so several tests check
that a look-alike is *not* taken.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tuijin.ingest import mentions
from tuijin.ingest.mention_scan import windowed_finditer
from tuijin.ingest.mentions import extract_mentions
from tuijin.ingest.result import Mention


def of_kind(text: str, kind: str) -> list[Mention]:
    return [m for m in extract_mentions(text) if m.kind == kind]


def texts(text: str, kind: str) -> list[str]:
    return [m.text for m in of_kind(text, kind)]


def test_government_units_in_a_responsibility_marker() -> None:
    text = "（牵头单位：市发改委，责任单位：市工信局、省交通运输厅、河西区人民政府）"
    assert texts(text, "unit") == ["市发改委", "市工信局", "省交通运输厅", "河西区人民政府"]


def test_short_unit_forms_listed_after_a_full_one() -> None:
    text = "（责任单位：市发改委、科技局、财政局）"
    assert texts(text, "unit") == ["市发改委", "科技局", "财政局"]


def test_management_committee_is_a_unit() -> None:
    assert texts("（责任单位：滨河新区管委会）", "unit") == ["滨河新区管委会"]


def test_words_ending_like_a_bureau_are_not_units() -> None:
    text = "形成市场新格局，构建区域发展大局，举办全市运动会。"
    assert texts(text, "unit") == []


def test_bare_level_with_suffix_only_is_not_a_unit() -> None:
    assert texts("由市领导小组统一调度。", "unit") == []


def test_enterprises_carry_the_enterprise_flag() -> None:
    text = "支持华宇新材料有限公司、北方重工集团扩大产能。"
    found = of_kind(text, "enterprise")
    assert [m.text for m in found] == ["华宇新材料有限公司", "北方重工集团"]
    assert all(m.attrs.get("enterprise") is True for m in found)


def test_leading_verbs_are_cut_off_an_enterprise_name() -> None:
    assert texts("积极推进与东方电气集团合作。", "enterprise") == ["东方电气集团"]


def test_generic_company_words_are_not_enterprises() -> None:
    text = "鼓励组建投资公司，引进一批上市公司，该公司负责运营。"
    assert texts(text, "enterprise") == []


def test_areas_counties_and_parks() -> None:
    text = "推动东川区、平阳县差异化发展，支持河谷高新区、临港经济开发区扩区。"
    assert texts(text, "area") == ["东川区", "平阳县", "河谷高新区", "临港经济开发区"]


def test_common_words_ending_in_district_or_county_are_not_areas() -> None:
    text = "推进城管进社区，统一规划整合八个县，改善城乡面貌，各地级以上市人民政府负责。"
    assert texts(text, "area") == []
    assert texts(text, "unit") == []


def test_slogans_ending_in_district_are_not_areas() -> None:
    text = "坚持产业立区、工业强区，全区上下协同发力。"
    assert texts(text, "area") == []


def test_layout_phrase_lists_its_parts() -> None:
    found = of_kind("构建“一核两带三区”空间格局。", "area")
    assert [m.text for m in found] == ["一核两带三区"]
    assert found[0].attrs["parts"] == ["一核", "两带", "三区"]


def test_tier_list_gives_one_cluster_per_industry() -> None:
    text = (
        "着力打造化工新材料、先进装备两个千亿级和绿色食品、文化旅游、现代物流三个百亿级产业集群。"
    )
    found = of_kind(text, "cluster")
    assert [(m.text, m.attrs["tier"]) for m in found] == [
        ("化工新材料", "千亿级"),
        ("先进装备", "千亿级"),
        ("绿色食品", "百亿级"),
        ("文化旅游", "百亿级"),
        ("现代物流", "百亿级"),
    ]
    assert {m.attrs["head"] for m in found} == {"产业集群"}


def test_named_cluster_without_tier() -> None:
    assert texts("做强新能源汽车产业集群。", "cluster") == ["新能源汽车产业集群"]


def test_chain_names_and_chain_actions() -> None:
    text = "围绕氢能产业链，多措并举延链补链强链。"
    found = of_kind(text, "chain")
    assert [m.text for m in found] == ["氢能产业链", "延链补链强链"]
    assert found[1].attrs["action"] == "延链补链强链"


def test_chain_leader_names_its_enterprise() -> None:
    text = "支持西部矿业集团作为链主企业，带动上下游配套。"
    leaders = [m for m in of_kind(text, "chain") if m.text.startswith("链主")]
    assert leaders and leaders[0].attrs.get("leader") == "西部矿业集团"


def test_mentions_are_in_document_order_with_valid_spans() -> None:
    text = "（责任单位：市商务局）支持城南区引进远航物流集团。"
    found = extract_mentions(text)
    assert [m.span.start for m in found] == sorted(m.span.start for m in found)
    assert all(text[m.span.start : m.span.end] == m.text for m in found)


_PIECES = (
    "青川市人民政府",
    "、",
    "，",
    "东湖区",
    "高新区",
    "华远建设集团有限公司",
    "公司",
    "市商务局",
    "（",
    "）",
    "\n",
    "两核三带",
    "产业集群",
    "新材料产业链",
    "链主企业",
    "开发区",
    "街道",
    "镇",
    " ",
    "推进",
    "的",
    "省",
    "自治州",
    "管委会",
    "B2",
    "。",
    "支持",
    "临港新区",
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=400))
def test_windowed_scan_finds_exactly_the_whole_text_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    for slow, fast, windows, back, ahead in (
        (mentions._GOV, mentions._GOV_FAST, mentions._GOV_WINDOWS, 27, 2),
        (mentions._AREA, mentions._AREA_FAST, mentions._AREA_WINDOWS, 18, 2),
        (mentions._ENTERPRISE, mentions._ENTERPRISE_FAST, mentions._ENTERPRISE_WINDOWS, 33, 0),
    ):
        want = [m.span("name") for m in slow.finditer(text)]
        got = [m.span("name") for m in windowed_finditer(slow, fast, windows, text, back, ahead)]
        assert got == want
    assert [m.span() for m in mentions._layout_matches(text)] == [
        m.span() for m in mentions._LAYOUT.finditer(text)
    ]
