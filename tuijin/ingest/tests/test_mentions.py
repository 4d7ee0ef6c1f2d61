"""Named mentions: units, enterprises, areas, layouts, tiered clusters and chains.

Sentences are written for the test. Precision matters more than recall, so several tests check
that a look-alike is *not* taken.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tuijin.ingest import mentions
from tuijin.ingest.mention_scan import WHITESPACE
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


def test_a_unit_before_a_verb_of_support_keeps_its_whole_name() -> None:
    text = "由滨河新区管委会配合，市商务局协助，市财政局参与。"
    assert texts(text, "unit") == ["滨河新区管委会", "市商务局", "市财政局"]


def test_a_body_named_after_jointly_with_is_that_body() -> None:
    assert texts("由市委会同市政府办公室牵头。", "unit") == ["市政府办公室"]


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


def test_a_tier_before_one_named_industry_gives_that_cluster() -> None:
    found = of_kind("全力打造千亿级精细化工产业集群，壮大现代物流产业。", "cluster")
    assert [(m.text, m.attrs["tier"], m.attrs["head"]) for m in found] == [
        ("精细化工", "千亿级", "产业集群")
    ]


def test_a_cluster_or_chain_name_does_not_run_over_a_line_break() -> None:
    text = "（二）新能源汽车\n产业集群建设要提速。\n氢能\n产业链培育方面，引进企业三家。"
    assert texts(text, "cluster") == []
    assert texts(text, "chain") == []
    assert texts("新能源汽车产业集群\n氢能产业链", "cluster") == ["新能源汽车产业集群"]


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


# The scans of mentions.py, written the slow and obvious way: a whole-text pass of a pattern that
# looks behind for the left edge at every position.
_LEFT = r"(?:(?<=^)|(?<=[\s、，,；;：:（(“\"《。！？]))"
_C = "\u4e00-\u9fff"
_SLOW_UNIT = re.compile(
    _LEFT
    + rf"(?P<name>(?:[{_C}]{{2,6}}?(?:省|市|自治区|自治州|州|县|区|新区|高新区|经济区)|[省市县区])"
    rf"[{_C}]{{0,10}}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|管委会|管理委员会|委员会|办公厅|办公室|指挥部|领导小组"
    r"|督查室|督察室|局|委|办|厅))"
    r"(?=[\s、，,；;：:）)。”\"和及与等牵负承按要会]|$)",
    re.M,
)
_SLOW_AREA = re.compile(
    _LEFT
    + rf"(?P<name>[{_C}]{{2,8}}?(?:高新技术产业开发区|经济技术开发区|高新区|经济区|开发区|经开区"
    r"|新区|园区|产业园|工业园|自贸区|综保区|保税区|自治州|自治县|街道)"
    rf"|[{_C}]{{2,8}}?[区县镇乡])"
    r"(?![域别分位间块级县城长委政属内外划])(?<![立强兴富活稳美治].)",
    re.M,
)
_SLOW_ENTERPRISE = re.compile(
    _LEFT + rf"(?P<name>[{_C}（）()A-Za-z0-9]{{2,24}}?"
    r"(?:有限责任公司|股份有限公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|公司|股份))"
    rf"(?![{_C}]*?(?:有限公司|公司))",
    re.M,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=400))
def test_fast_scans_find_exactly_the_whole_text_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    names = list(mentions._name_spans(text))
    assert [(s, e) for s, e, _, _ in names if s >= 0] == [
        m.span("name") for m in _SLOW_UNIT.finditer(text)
    ]
    assert [(a, b) for _, _, a, b in names if a >= 0] == [
        m.span("name") for m in _SLOW_AREA.finditer(text)
    ]
    assert list(mentions._enterprise_spans(text)) == [
        m.span("name") for m in _SLOW_ENTERPRISE.finditer(text)
    ]
    assert [m.span() for m in mentions._layout_matches(text)] == [
        m.span() for m in re.finditer(mentions._LAYOUT, text)
    ]


def test_names_at_the_very_start_of_the_text() -> None:
    assert texts("城关区人民政府负责，市发改委牵头。", "unit") == ["城关区人民政府", "市发改委"]
    assert texts("永登县、皋兰县", "area") == ["永登县", "皋兰县"]
    assert texts("华宇新材料有限公司扩大产能。", "enterprise") == ["华宇新材料有限公司"]


def test_whitespace_is_the_set_backslash_s_matches() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(f"[{WHITESPACE}]", every) == re.findall(r"\s", every)
