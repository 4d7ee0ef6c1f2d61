"""Responsibility markers in the shapes State Council, provincial and city plans use."""

from __future__ import annotations

import textwrap

from tuijin.ingest.assignments import extract_assignments, split_units
from tuijin.ingest.headings import extract_headings
from tuijin.ingest.normalize import matching_text
from tuijin.ingest.segment import split_lines


def doc(source: str) -> str:
    """A test document written indented inside the test."""
    return textwrap.dedent(source).lstrip("\n")


def markers(source: str) -> list[tuple[str, list[str], list[str]]]:
    text = doc(source)
    simp = matching_text(text)
    lines = split_lines(text)
    outline = extract_headings(lines, text, simp)
    found = extract_assignments(lines, text, simp, outline)
    return [(f.assignment.anchor, f.assignment.lead, f.assignment.responsible) for f in found]


def test_responsible_units_close_a_numbered_title_paragraph() -> None:
    got = markers("3、现代物流业。建设陆港物流园，发展冷链物流。（责任单位：市商务局、市交通局）\n")
    assert got == [("现代物流业", [], ["市商务局", "市交通局"])]


def test_lead_and_responsible_keys_with_half_width_punctuation() -> None:
    got = markers(
        "（二）推进开放合作。扩大对外贸易。(牵头单位:市商务局,责任单位:市发改委、各县区)\n"
    )
    assert got == [("推进开放合作", ["市商务局"], ["市发改委", "各县区"])]


def test_cooperating_units_count_as_responsible() -> None:
    got = markers(
        "1. 优化营商环境。推行一网通办。"
        "（牵头单位：市政务服务中心；配合单位：市司法局、市市场监管局）\n"
    )
    assert got == [("优化营商环境", ["市政务服务中心"], ["市司法局", "市市场监管局"])]


def test_marker_closing_a_plain_paragraph_anchors_its_first_twelve_characters() -> None:
    got = markers("""
        （四）加强生态保护
        统筹山水林田湖草系统治理，实施水土流失综合治理工程。（责任单位：市林草局、市水利局）
        """)
    assert got == [("统筹山水林田湖草系统治理", [], ["市林草局", "市水利局"])]


def test_state_council_lead_and_division_of_duties() -> None:
    got = markers(
        "（五）完善要素市场。健全统一的要素交易规则。（国家发展改革委牵头，财政部、商务部等按职责分工负责）\n"
    )
    assert got == [("完善要素市场", ["国家发展改革委"], ["财政部", "商务部"])]


def test_division_of_duties_without_lead() -> None:
    got = markers(
        "2. 加快建设算力枢纽。布局一批数据中心集群。"
        "（工业和信息化部、国家发展改革委按职责分工负责）\n"
    )
    assert got == [("加快建设算力枢纽", [], ["工业和信息化部", "国家发展改革委"])]


def test_first_listed_unit_leads_when_the_document_says_so() -> None:
    got = markers("""
        1. 稳定粮食生产。（省农业农村厅、省粮食和储备局负责，列第一位者为牵头单位，下同）
        2. 提升农机装备水平。（省农业农村厅、省工业和信息化厅负责）
        """)
    assert got == [
        ("稳定粮食生产", ["省农业农村厅"], ["省粮食和储备局"]),
        ("提升农机装备水平", ["省农业农村厅"], ["省工业和信息化厅"]),
    ]


def test_key_lines_after_a_task_paragraph() -> None:
    got = markers("""
        （三）实施城市更新行动。改造老旧小区八十个。
        牵头单位：市住建局
        责任单位：市自然资源局，各区人民政府
        """)
    assert got == [
        ("实施城市更新行动", ["市住建局"], []),
        ("实施城市更新行动", [], ["市自然资源局", "各区人民政府"]),
    ]


def test_bracketed_keys_and_deadline_field() -> None:
    text = doc("4. 建成智慧交通平台。【牵头单位】市交通运输局【完成时限】2025年底前\n")
    simp = matching_text(text)
    lines = split_lines(text)
    found = extract_assignments(lines, text, simp, extract_headings(lines, text, simp))
    assert [(f.assignment.lead, f.assignment.deadline) for f in found] == [
        (["市交通运输局"], "2025年底前")
    ]


def test_unit_marked_as_lead_inside_the_list() -> None:
    got = markers("1. 建设区域医疗中心。（责任单位：市卫健委（牵头）、市财政局）\n")
    assert got == [("建设区域医疗中心", ["市卫健委"], ["市财政局"])]


def test_units_in_parentheses_keep_their_inner_brackets() -> None:
    got = markers("1. 推进县域经济。（责任单位：省发展改革委，各市（州）人民政府）\n")
    assert got == [("推进县域经济", [], ["省发展改革委", "各市（州）人民政府"])]


def test_sentences_naming_who_works_are_not_markers() -> None:
    got = markers("""
        领导小组办公室设在市发改委，日常工作由市发改委承担。
        以协调推进组的牵头部门、责任单位和依托企业为主体，形成整体合力。
        企业（含个体工商户）按规定享受优惠政策。
        """)
    assert got == []


def test_table_unit_note_is_not_a_marker() -> None:
    assert markers("表1 主要指标（单位：亿元）\n") == []


def test_traditional_marker_reports_original_unit_names() -> None:
    got = markers("1. 發展數字經濟。（責任單位：市發展改革委、市財政局）\n")
    assert got == [("發展數字經濟", [], ["市發展改革委", "市財政局"])]


def test_decomposition_notice_lists_units_under_each_target() -> None:
    got = markers("""
        关于印发2025年主要目标任务分解方案的通知
        1. 地区生产总值增长6%左右。
        市发展改革委、市统计局
        2. 城镇新增就业3万人。
        市人社局
        """)
    assert got == [
        ("地区生产总值增长6%左右", [], ["市发展改革委", "市统计局"]),
        ("城镇新增就业3万人。", [], ["市人社局"]),  # a plain item: its first 12 characters
    ]


def test_split_units_strips_etc_and_punctuation() -> None:
    assert split_units("市发改委、市财政局等。") == ["市发改委", "市财政局"]


def test_marker_in_lenticular_brackets() -> None:
    got = markers("5. 完善创新平台。建设中试基地三个。【责任单位：市科技局、市工信局】\n")
    assert got == [("完善创新平台", [], ["市科技局", "市工信局"])]


def test_key_in_running_text_stops_at_the_full_stop() -> None:
    got = markers(
        "（六）加强人才支撑。引进高层次人才。责任单位：市人社局。完成时限：2025年。"
        "各县区要结合实际抓好落实。\n"
    )
    assert got == [("加强人才支撑", [], ["市人社局"])]


def test_separators_inside_brackets_do_not_split_a_unit() -> None:
    got = markers("2. 推进城乡融合。（各市（州）、县（市、区）人民政府负责）\n")
    assert got == [("推进城乡融合", [], ["各市（州）", "县（市、区）人民政府"])]


def test_lead_verb_inside_a_keyed_field() -> None:
    got = markers("3. 建设数字乡村。（责任单位：省农业农村厅牵头，省通信管理局、省数据局配合）\n")
    assert got == [("建设数字乡村", ["省农业农村厅"], ["省通信管理局", "省数据局"])]


def test_decomposition_units_after_the_target_sentence_on_the_same_line() -> None:
    got = markers("""
        2025年主要预期目标分解
        1. 一般公共预算收入增长5%。市财政局、市税务局
        """)
    assert got == [("一般公共预算收入增长5%", [], ["市财政局", "市税务局"])]


def test_bare_unit_list_closing_a_task() -> None:
    got = markers("1. 推进老旧小区改造。（市住建局、市财政局）\n2. 完善养老服务体系（市民政局）\n")
    assert got == [
        ("推进老旧小区改造", [], ["市住建局", "市财政局"]),
        ("完善养老服务体系", [], ["市民政局"]),
    ]


def test_closing_parenthesis_that_is_not_a_unit_list() -> None:
    got = markers("加快出台配套办法（试行）。\n依法设立兰州新区（国家级新区）\n")
    assert got == []


DECOMPOSITION = """
    示范市人民政府办公室关于印发2025年招商引资重点任务分解的通知
    示政办发〔2025〕3号

    各区县人民政府，示范经开区管委会，市直各部门：
    现将2025年招商引资重点任务分解如下。
    一、主要目标
    1.全年引进亿元以上项目120个，实际到位资金增长8%。（市投资促进局、各区县政府）
    2.外资实际使用达到2亿美元。（市商务局、示范海关，人行示范市中心支行）
    二、工作要求
    各单位每月10日前报送进展。
    示范市人民政府办公室
    2025年1月8日
    """


def test_decomposition_notice_reads_unit_lists_but_not_addressees_or_signature() -> None:
    got = markers(DECOMPOSITION)
    assert [responsible for _, _, responsible in got] == [
        ["市投资促进局", "各区县政府"],
        ["市商务局", "示范海关", "人行示范市中心支行"],
    ]


def test_member_units_of_a_coordination_group_are_responsible() -> None:
    found = markers(
        """
        （二）要素保障组
        牵头单位：市自然资源局；成员单位：市财政局、市人社局、市金融办。
        """
    )
    assert found == [("要素保障组", ["市自然资源局"], ["市财政局", "市人社局", "市金融办"])]
