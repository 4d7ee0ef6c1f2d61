"""The heading tree in the many numbering shapes of plan documents."""

from __future__ import annotations

import textwrap

from tuijin.ingest.headings import extract_headings
from tuijin.ingest.normalize import matching_text
from tuijin.ingest.segment import split_lines


def doc(source: str) -> str:
    """A test document written indented inside the test."""
    return textwrap.dedent(source).lstrip("\n")


def headings(source: str) -> list[tuple[int, str | None, str]]:
    text = doc(source)
    outline = extract_headings(split_lines(text), text, matching_text(text))
    return [(h.level, h.label, h.title) for h in outline.headings]


def test_four_numbered_levels_follow_the_schema() -> None:
    got = headings("""
        一、总体要求
        （一）基本原则
        1. 坚持市场主导
        (1)发挥企业主体作用
        二、主要任务
        """)
    assert got == [
        (1, "一", "总体要求"),
        (2, "一", "基本原则"),
        (3, "1", "坚持市场主导"),
        (4, "1", "发挥企业主体作用"),
        (1, "二", "主要任务"),
    ]


def test_numbered_paragraph_gives_its_title_sentence() -> None:
    got = headings("""
        2、新材料产业。围绕铜箔、负极材料延伸链条，力争产值翻一番。
        （三）强化要素保障。统筹用地指标，优先保障重大项目。
        """)
    assert got == [(3, "2", "新材料产业"), (2, "三", "强化要素保障")]


def test_full_width_and_dot_labels_are_headings() -> None:
    got = headings("""
        3．推进数字政府建设
        4.完善公共服务体系
        （2）加快老旧小区改造
        """)
    assert [t for _, _, t in got] == ["推进数字政府建设", "完善公共服务体系", "加快老旧小区改造"]


def test_decimal_number_at_line_start_is_not_a_label() -> None:
    assert headings("1.5万吨项目年内投产，带动就业三百人。\n") == []


def test_chapter_and_section_shapes_lead_the_outline() -> None:
    got = headings("""
        第一章 发展基础
        第一节 主要成就
        一、产业规模稳步扩大
        第二章 总体要求
        """)
    assert got == [
        (1, "一", "发展基础"),
        (2, "一", "主要成就"),
        (3, "一", "产业规模稳步扩大"),
        (1, "二", "总体要求"),
    ]


def test_title_stops_at_a_colon_after_a_short_label() -> None:
    assert headings("（二）发展目标：到2027年，全省数字经济规模突破万亿元。\n") == [
        (2, "二", "发展目标")
    ]


def test_marker_after_a_standalone_heading_is_not_part_of_the_title() -> None:
    got = headings("1. 建设区域物流枢纽（牵头单位：市商务局）\n")
    assert got == [(3, "1", "建设区域物流枢纽")]


NEWS = """
    榆林市能源化工基地建设再提速
    来源：榆林日报
    本报讯 今年以来，我市围绕能源革命主线，持续推进煤化工高端化发展，全市规上工业增加值同比增长9%。

    做强煤炭转化
    全市新开工煤制烯烃项目两个，完成投资一百二十亿元，带动上下游企业集聚发展。
    拓展新能源赛道
    培育氢能产业链
    氢能示范城市群建设加快推进，加氢站建成投用五座，燃料电池重卡投入运营。
    记者 王晓明
    """


def test_news_headlines_between_paragraphs_are_level_one_without_label() -> None:
    got = headings(NEWS)
    assert got == [
        (1, None, "做强煤炭转化"),
        (1, None, "拓展新能源赛道"),
        (1, None, "培育氢能产业链"),
    ]


def test_document_title_and_byline_are_not_headlines() -> None:
    titles = [t for _, _, t in headings(NEWS)]
    assert "榆林市能源化工基地建设再提速" not in titles
    assert "记者 王晓明" not in titles


def test_photo_captions_before_the_text_are_not_headlines() -> None:
    got = headings("""
        园区建设见闻
        光伏组件生产车间

        电池材料仓储中心

        春节刚过，产业园里机器轰鸣，工人们忙着赶制订单，一季度订单已排满。
        """)
    assert got == []


def test_plan_title_after_a_forwarding_notice_is_not_a_headline() -> None:
    got = headings("""
        现将《实施方案》印发给你们，请认真组织实施。
        某市制造业振兴
        三年行动方案
        为推动制造业高质量发展，结合我市实际，制定本方案。
        一、总体要求
        （一）指导思想
        """)
    assert [t for _, _, t in got] == ["总体要求", "指导思想"]


def test_traditional_headings_keep_the_original_characters() -> None:
    got = headings("一、發展現狀\n（一）產業規模\n")
    assert got == [(1, "一", "發展現狀"), (2, "一", "產業規模")]


def test_boxed_short_headlines_in_news() -> None:
    got = headings("""
        近日，全省重大项目清单印发，共安排项目三百个，总投资一万亿元。
        【新能源】
        全年计划新增新能源装机两千万千瓦，推进大型风光基地建设。
        """)
    assert got == [(1, None, "【新能源】")]


def test_numeral_list_at_line_start_is_not_a_heading() -> None:
    assert headings("一、二季度全市经济增长百分之五。\n") == []


def test_table_of_contents_lines_are_not_headings() -> None:
    got = headings("""
        目录
        第一章 发展基础……………………1
        一、总体要求..........3
        第一章 发展基础
        """)
    assert got == [(1, "一", "发展基础")]


def test_enclosed_numeral_labels() -> None:
    assert headings("㈠加强组织领导\n⑵完善考核机制\n") == [
        (2, "一", "加强组织领导"),
        (4, "2", "完善考核机制"),
    ]


def test_title_printed_with_its_text_after_a_wide_space() -> None:
    got = headings("（一）指导思想　以新发展理念为引领，坚持稳中求进工作总基调，推动高质量发展。\n")
    assert got == [(2, "一", "指导思想")]


def test_financial_numerals_rank_above_plain_numerals() -> None:
    got = headings("壹、計畫緣起\n一、政策背景\n貳、執行策略\n")
    assert got == [(1, "壹", "計畫緣起"), (2, "一", "政策背景"), (1, "貳", "執行策略")]


def test_digit_list_at_line_start_is_not_a_heading() -> None:
    assert headings("2、3月份全市完成投资一百亿元。\n") == []


def test_headings_that_start_with_a_number_word() -> None:
    got = headings("一、十大工程\n1、5G网络建设\n")
    assert got == [(1, "一", "十大工程"), (3, "1", "5G网络建设")]


def test_numbered_statements_with_figures_are_items_not_headings() -> None:
    got = headings(
        """
        一、主要目标
        1.全年引进亿元以上项目120个，实际到位资金增长8%。
        2.优化营商环境。持续开展“一网通办”。
        """
    )
    assert got == [(1, "一", "主要目标"), (3, "2", "优化营商环境")]
