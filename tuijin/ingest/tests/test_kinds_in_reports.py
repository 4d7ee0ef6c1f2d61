"""Kinds of figures in the shapes progress news, supervision reports and zone plans use:
what is done (actual), what is aimed at (target) and what is the size of a named thing (spec)."""

from __future__ import annotations

from tuijin.ingest.pipeline import extract_text
from tuijin.ingest.result import Quantity


def figure(text: str, written: str) -> Quantity:
    found = [q for q in extract_text(text).quantities if q.text == written]
    assert found, f"{written!r} not found"
    return found[0]


WEB_NEWS = """前三季度全县重点项目完成投资58.2亿元
2025-10-09 16:05  来源：山溪融媒

截至9月底，全县列入年度计划的重点项目共64个，年度计划投资80亿元；累计完成投资58.2亿元，占年度计划的72.8%。
预计四季度还将新开工项目12个，力争全年完成投资85亿元。
"""


def test_a_web_news_page_reports_what_was_done() -> None:
    assert figure(WEB_NEWS, "72.8%").kind == "actual"
    assert figure(WEB_NEWS, "64个").kind == "actual"
    assert figure(WEB_NEWS, "85亿元").kind == "target"


SUPERVISION = """关于重点民生工程推进情况的通报

一、总体情况
全市纳入督查的民生工程共45项，已完工31项，完工率68.9%。

二、整改要求
（一）加快资金拨付。统筹安排专项资金2亿元，组织现场调度会不少于4场。
"""


def test_the_requirements_section_of_a_supervision_report_sets_aims() -> None:
    assert figure(SUPERVISION, "68.9%").kind == "actual"
    assert figure(SUPERVISION, "2亿元").kind == "target"
    assert figure(SUPERVISION, "4场").kind == "target"


def test_from_the_present_value_to_an_aim() -> None:
    text = "到2028年，推动全县农产品加工转化率由目前的52%提高到65%。"
    assert figure(text, "52%").kind == "actual"
    assert figure(text, "65%").kind == "target"


def test_sizes_of_named_things_are_spec() -> None:
    zone = "北湾港区规划面积42.5平方公里，区内建有3万吨级泊位6个，常年可通航500吨级船舶。"
    assert figure(zone, "42.5平方公里").kind == "spec"
    assert figure(zone, "3万吨").kind == "spec"
    assert figure(zone, "500吨").kind == "spec"
    plant = "推进北湾化工800万吨/年乙烯一体化、港区储运中心扩建工程，打造临港化工基地。"
    assert figure(plant, "800万吨/年").kind == "spec"
    output = "装备产业园建成后，可形成年产农机整机6000台的生产能力。"
    assert figure(output, "6000台").kind == "spec"
    fund = "设立总规模20亿元的港区产业发展基金。"
    assert figure(fund, "20亿元").kind == "spec"


def test_a_capacity_inside_a_list_of_projects_started_is_spec() -> None:
    text = "北湾物流园、河口2×300MW燃气发电、城西污水处理厂等项目已于三月集中开工。"
    assert figure(text, "2×300MW").kind == "spec"


TRADITIONAL_NEWS = """海灣市出台數字經濟三年行動計劃
2025年03月12日 10:15　來源：海灣日報網

【海灣日報網訊】海灣市人民政府日前印發行動計劃。記者梳理發現，計劃明確了三方面主要任務。

一、主要任務
（一）壯大軟件產業。推動軟件企業向平台化轉型，培育營收超10億元企業6家。（牽頭單位：市工信局）
（二）提升園區承載能力。實施園區標準化改造，年內騰退低效用地1200畝，數字經濟比重提高至35%。
"""


def test_a_traditional_news_page_quoting_a_plans_tasks_reads_them_as_aims() -> None:
    # the heading 主要任務 is printed in traditional characters and still marks plan content
    assert figure(TRADITIONAL_NEWS, "6家").kind == "target"
    assert figure(TRADITIONAL_NEWS, "1200畝").kind == "target"
    assert figure(TRADITIONAL_NEWS, "35%").kind == "target"
