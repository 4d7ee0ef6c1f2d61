"""Figures stage (tuijin/ingest/quantities.py): which figures, their values, subjects and tables.

Kind, year and tier are tested in test_quantity_kinds.py, which imports PLAN and `one` from here.
All sentences are written for these tests, in the shapes of plans, work reports and news.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuijin.ingest.quantities import extract_quantities
from tuijin.ingest.result import Quantity


def texts(text: str, **kw: object) -> list[str]:
    return [q.text for q in extract_quantities(text, **kw)]  # type: ignore[arg-type]


def one(text: str, figure: str, **kw: object) -> Quantity:
    found = [q for q in extract_quantities(text, **kw) if q.text == figure]  # type: ignore[arg-type]
    assert found, f"{figure!r} not found in {texts(text)}"
    return found[0]


# a plan's title (the genre a text is read in); also used by test_quantity_kinds.py
PLAN = "关于印发某市产业发展三年行动方案的通知"


# --- which figures -------------------------------------------------------------------------


def test_money_mass_area_and_percent_are_found() -> None:
    t = "到2027年，全县粮食产量稳定在45万吨，新增耕地1.2万亩，财政收入达到36亿元，增长6%。"
    assert texts(t) == ["45万吨", "1.2万亩", "36亿元", "6%"]


def test_spans_index_the_text_exactly() -> None:
    t = "今年计划新建公园8座，投资2.5亿元。"
    for q in extract_quantities(t):
        assert t[q.span.start : q.span.end] == q.text


def test_counts_need_a_measure_word() -> None:
    t = "培育龙头企业15家、合作社120个，带动农户3000户，举办展会12场次，栽种苗木5万株。"
    assert texts(t) == ["15家", "120个", "3000户", "12场次", "5万株"]


def test_bare_numbers_without_unit_are_not_figures() -> None:
    assert texts("编号2031，字数:3,997，版次:07，电话0931-8123456。") == []


def test_technical_units_are_measurements() -> None:
    t = "建设220千伏变电站，电解槽电流500KA，出口带宽达到2400G，存储规模80PB。"
    assert texts(t) == ["220千伏", "500KA", "2400G", "80PB"]


def test_range_with_measure_word_is_one_figure() -> None:
    for written in ("3~6所", "3-6所", "3至6所", "3～6所"):
        q = one(f"再新建示范性幼儿园{written}。", written)
        assert q.value == [3, 6]
        assert q.unit == "所"


def test_percent_range_keeps_both_percent_signs() -> None:
    q = one("年均增长8%-10%。", "8%-10%")
    assert q.value == [8, 10] and q.unit == "%"


def test_product_of_units_is_a_triple() -> None:
    q = one("实施华能热电2×350MW机组改造。", "2×350MW")
    assert q.value == [2, "x", 350]
    assert q.unit == "MW"
    assert q.base_value == pytest.approx(700_000)
    assert q.base_unit == "千瓦"


def test_approximation_words_stay_between_number_and_unit() -> None:
    t = "园区已集聚企业300余家，服务患者2000多例，吸引游客10余万人次。"
    assert texts(t) == ["300余家", "2000多例", "10余万人次"]
    assert one(t, "300余家").unit == "家"
    assert one(t, "10余万人次").unit == "万人次"


def test_leading_and_trailing_qualifiers_are_left_out_of_the_text() -> None:
    t = "力争全年完成投资超50亿元，新增就业1万人以上，增速保持在7%左右。"
    assert texts(t) == ["50亿元", "1万人", "7%"]


def test_space_between_number_and_measure_word_is_kept() -> None:
    assert texts("共扶持42 户家庭农场。") == ["42 户"]


def test_bare_magnitude_is_the_unit_when_no_yuan_follows() -> None:
    q = one("全年签约金额86.3亿，到位资金12亿元。", "86.3亿")
    assert q.unit == "亿"
    assert q.base_value is None


def test_decimals_and_thousands_separators_are_read() -> None:
    t = "完成营业收入1,250亿元，利润38.75亿元。"
    assert texts(t) == ["1,250亿元", "38.75亿元"]
    assert one(t, "1,250亿元").value == 1250


def test_full_width_units_turn_half_width() -> None:
    q = one("占比提高到１５％。", "１５％")
    assert q.unit == "%"
    assert q.value == 15


def test_per_year_capacity_keeps_the_suffix() -> None:
    q = one("建成6万吨/年乙二醇装置。", "6万吨/年")
    assert q.unit == "万吨/年"
    assert q.kind == "spec"


def test_chinese_numeral_figures_are_not_emitted() -> None:
    assert texts("新建三个产业园，引进两家企业，投资三千万元。") == []


# --- exclusions ----------------------------------------------------------------------------


def test_years_and_dates_are_not_figures() -> None:
    assert texts("2023年3月15日召开会议，2024年1-6月完成任务。") == []


def test_durations_are_not_figures() -> None:
    assert texts("用3到5年时间，经过40多年发展，半小时通达，整改期限3个月。") == []


def test_ordinals_and_article_numbers_are_not_figures() -> None:
    assert texts("举办第12届博览会，依据第3条规定，位列第2名。") == []


def test_document_numbers_are_not_figures() -> None:
    assert texts("根据甘政发〔2021〕56号文件精神。") == []


def test_list_numbers_are_not_figures() -> None:
    assert texts("1、总体要求\n（2）工作措施\n3.保障机制") == []


def test_slogans_in_quotes_are_not_figures() -> None:
    t = "围绕“222”发展目标，构建“4+5”产业体系，建设“3区”联动格局。"
    assert texts(t) == []


def test_joined_codes_and_labels_are_not_figures() -> None:
    assert texts("形成2+6板块，完成4#、5#机组改造。") == []


def test_generation_names_are_not_figures() -> None:
    assert texts("新建5G基站，推广4G网络。") == []


def test_institute_numbers_are_not_school_counts() -> None:
    assert texts("推进航天703所西安产业基地建设。") == []
    assert texts("新建学校125所。") == ["125所"]


def test_ranks_are_not_figures() -> None:
    assert texts("综合实力进入全国前10名，位居百强县。") == []


def test_figures_inside_document_titles_are_skipped() -> None:
    assert texts("印发《关于推进100个重点项目建设的通知》。") == []


def test_event_names_with_digits_are_not_figures() -> None:
    assert texts("举办2024丝路国际马拉松赛事。") == []


def test_phone_numbers_and_times_are_not_figures() -> None:
    assert texts("咨询电话：0931-8888123，开放时间9:00-17:30。") == []


# --- base values, flags, subjects ----------------------------------------------------------


def test_base_value_of_chinese_magnitudes() -> None:
    t = "完成投资2500亿元，新增装机120万千瓦，就业3.6万人，森林覆盖率16%。"
    qs = {q.text: (q.base_value, q.base_unit) for q in extract_quantities(t)}
    expected = {"2500亿元": (2.5e11, "元"), "120万千瓦": (1.2e6, "千瓦"), "3.6万人": (36000, "人")}
    for figure, (value, unit) in expected.items():
        assert qs[figure][0] == pytest.approx(value)
        assert qs[figure][1] == unit
    assert qs["16%"] == (16, "%")


def test_implausible_rate_is_flagged() -> None:
    assert "implausible" in one("绿化覆盖率达到4215%。", "4215%").flags
    assert "implausible" in one("城镇化率达到180%。", "180%").flags
    assert one("城镇化率达到68%。", "68%").flags == []


def test_lost_decimal_point_keeps_the_text_and_flags_it() -> None:
    t = "加工量达到27\ue0105万吨。"
    q = one(t, "27\ue0105万吨")
    assert q.value == 275
    assert "garbled_digits" in q.flags


def test_subject_is_taken_from_the_words_before_the_figure() -> None:
    t = "到2025年，全市社会消费品零售总额达到1800亿元。"
    assert one(t, "1800亿元").subject == "全市社会消费品零售总额"


def test_subject_of_a_figure_before_a_noun_is_that_noun() -> None:
    assert one("重点打造4个百亿级产业园。", "4个", title=PLAN).subject == "百亿级产业园"


def test_bare_growth_borrows_the_sentence_topic() -> None:
    q = one("全县规上工业增加值增长9%、超过60亿元的目标值，增长10%的争取值。", "10%")
    assert q.subject is not None and q.subject.startswith("全县规上工业增加值")


# --- robustness ----------------------------------------------------------------------------


def test_random_junk_finishes_quickly() -> None:
    import random

    rng = random.Random(7)
    alphabet = "0123456789,.%万亿元个年到至~-×《》“”。，、 \n的了将已累计项目吨"
    junk = "".join(rng.choice(alphabet) for _ in range(300_000))
    started = time.perf_counter()
    extract_quantities(junk)
    assert time.perf_counter() - started < 5


def test_long_digit_runs_do_not_blow_up() -> None:
    assert texts("1" * 100_000 + "万吨") == []


def test_figures_come_in_document_order() -> None:
    t = "新建道路12公里。改造管网30公里。新增绿地5公顷。"
    starts = [q.span.start for q in extract_quantities(t)]
    assert starts == sorted(starts) and len(starts) == 3


def test_page_counters_are_not_figures() -> None:
    assert texts("发布时间：2024-05-06 浏览次数：1523次 阅读量 860次") == []


def test_range_sharing_a_magnitude_is_one_figure() -> None:
    q = one("每年吸引投资20亿-30亿元。", "20亿-30亿元")
    assert q.value == [20, 30] and q.unit == "亿元"


def test_empty_and_digitless_text() -> None:
    assert extract_quantities("") == []
    assert extract_quantities("加快推进产业转型升级。") == []


def test_original_traditional_text_gives_text_and_unit_as_written() -> None:
    original = "全年新增企業152個，完成投資286.5億元，新增20萬噸產能。"
    simplified = "全年新增企业152个，完成投资286.5亿元，新增20万吨产能。"
    qs = extract_quantities(simplified, original=original)
    assert [(q.text, q.unit) for q in qs] == [
        ("152個", "個"),
        ("286.5億元", "億元"),
        ("20萬噸", "萬噸"),
    ]
    assert qs[1].base_value == pytest.approx(2.865e10) and qs[1].base_unit == "元"
    for q in qs:
        assert original[q.span.start : q.span.end] == q.text


def test_counts_inside_a_quoted_slogan_are_not_figures() -> None:
    assert texts("构建“1个中心、3个基地”发展格局，新建基地3个。") == ["3个"]


def test_short_quoted_remark_with_a_comma_keeps_its_figure() -> None:
    assert texts("他说：“今年新增5家，明年更多。”") == ["5家"]


_FUZZ_ALPHABET = (
    "0123456789０１,.%％万亿千元个家年月到至~-×《》“”。，、；： \n\t|的了将已累计项目吨亩"
    "以上余多第前所G#+目标值争取值单位指标（）十三五\ue010"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_FUZZ_ALPHABET, max_size=200))
def test_any_text_gives_figures_whose_spans_are_their_text(t: str) -> None:
    for q in extract_quantities(t, title="方案"):
        assert t[q.span.start : q.span.end] == q.text
        assert q.kind in ("target", "actual", "spec")
        if q.kind == "spec":
            assert q.year is None


# --- tables --------------------------------------------------------------------------------


def test_indicator_table_cells_take_unit_year_and_kind_from_the_header() -> None:
    t = (
        "专栏1 主要指标\n"
        "指标\t单位\t2020年\t2025年\t属性\n"
        "地区生产总值\t亿元\t2860\t4100左右\t预期性\n"
        "森林覆盖率（%）\t\t31.5\t33\t约束性\n"
    )
    qs = [(q.text, q.unit, q.kind, q.year, q.subject) for q in extract_quantities(t, title=PLAN)]
    assert qs == [
        ("2860", "亿元", "actual", 2020, "地区生产总值"),
        ("4100", "亿元", "target", 2025, "地区生产总值"),
        ("31.5", "%", "actual", 2020, "森林覆盖率"),
        ("33", "%", "target", 2025, "森林覆盖率"),
    ]


def test_tier_table_with_bars_gives_tiers_to_bare_cells() -> None:
    t = (
        "| 指标 | 单位 | 目标值 | 争取值 | 奋斗值 |\n"
        "|---|---|---|---|---|\n"
        "| 税收收入 | 亿元 | 52 | 55 | 60 |\n"
    )
    qs = extract_quantities(t)
    assert [(q.text, q.tier, q.kind) for q in qs] == [
        ("52", "base", "target"),
        ("55", "stretch", "target"),
        ("60", "aspiration", "target"),
    ]


def test_table_rows_without_a_unit_are_left_out() -> None:
    t = "指标\t2020年\t2025年\n综合排名\t12\t8\n"
    assert extract_quantities(t) == []


def test_tab_separated_prose_without_a_header_is_not_a_table() -> None:
    assert texts("序号\t项目名称\t建设内容\n1\t城北水厂\t日供水10万吨\n") == ["10万吨"]


def test_project_table_columns_with_units_give_spec_and_target() -> None:
    t = "序号\t项目名称\t总投资（亿元）\t2025年计划投资（亿元）\n1\t河谷新区供热管网项目\t9.6\t3\n"
    qs = [(q.text, q.unit, q.kind, q.year, q.subject) for q in extract_quantities(t, title=PLAN)]
    assert qs == [
        ("9.6", "亿元", "spec", None, "河谷新区供热管网项目"),
        ("3", "亿元", "target", 2025, "河谷新区供热管网项目"),
    ]


# --- tier subjects, printed subjects, text edges, cost -------------------------------------


def test_tiered_growth_rates_keep_the_growth_subject() -> None:
    t = "2025年，社会消费品零售总额增速目标值6%、争取值7%、奋斗值8.5%。"
    subjects = {q.subject for q in extract_quantities(t)}
    assert len(subjects) == 1
    (subject,) = subjects
    assert subject is not None and "社会消费品零售总额" in subject and "值" not in subject


def test_a_count_after_the_name_is_not_part_of_the_subject() -> None:
    t = "支持单体投资10亿元以上项目8个开工建设。"
    threshold = one(t, "10亿元")
    assert threshold.kind == "spec"
    assert threshold.subject is not None and not any(c.isdigit() for c in threshold.subject)


def test_subject_of_a_traditional_document_is_reported_as_printed() -> None:
    original = "到2026年，全市數字經濟核心產業增加值達到850億元。"
    simplified = "到2026年，全市数字经济核心产业增加值达到850亿元。"
    q = extract_quantities(simplified, original=original)[0]
    assert q.subject == "全市數字經濟核心產業增加值"
    assert (q.text, q.unit) == ("850億元", "億元")


def test_figures_at_the_very_start_and_end_of_a_text_are_kept() -> None:
    assert texts("12.5万千瓦光伏电站") == ["12.5万千瓦"]
    assert texts("全市新增充电桩3000台") == ["3000台"]


def test_figure_labelling_cost_grows_linearly_with_the_text() -> None:
    unit = (
        "（一）加快产业集聚。到2027年，全市规上工业增加值年均增长8%，新增企业120家，"
        "总投资1.5亿元的项目10个；2023年完成投资86亿元。\n"
    )
    small, large = unit * 200, unit * 1600

    def cost(text: str) -> float:
        """The least CPU time of three runs: other processes on a busy machine only add."""
        times = []
        for _ in range(3):
            started = time.process_time()
            extract_quantities(text)
            times.append(time.process_time() - started)
        return min(times)

    ratio = cost(large) / max(cost(small), 1e-3)
    assert ratio < 8 * 2.5  # 8× the text: linear, with room for timer noise (quadratic: 64×)
