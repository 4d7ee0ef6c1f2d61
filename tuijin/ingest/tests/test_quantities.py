"""Figures stage (tuijin/ingest/quantities.py): which figures, and how they are labelled.

All sentences are written for these tests, in the shapes of plans, work reports and news.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuijin.ingest.quantities import extract_quantities
from tuijin.ingest.result import Heading, Quantity, Span


def texts(text: str, **kw: object) -> list[str]:
    return [q.text for q in extract_quantities(text, **kw)]  # type: ignore[arg-type]


def one(text: str, figure: str, **kw: object) -> Quantity:
    found = [q for q in extract_quantities(text, **kw) if q.text == figure]  # type: ignore[arg-type]
    assert found, f"{figure!r} not found in {texts(text)}"
    return found[0]


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


# --- kind ----------------------------------------------------------------------------------


PLAN = "关于印发某市产业发展三年行动方案的通知"


def test_plan_sentence_figures_are_targets() -> None:
    t = "到2026年，全市工业增加值达到900亿元，年均增长8%。"
    assert [q.kind for q in extract_quantities(t, title=PLAN)] == ["target", "target"]


def test_review_sentence_figures_are_actuals() -> None:
    t = "去年以来，全区累计新建学校6所，新增学位4800个，完成投资7.6亿元。"
    assert {q.kind for q in extract_quantities(t)} == {"actual"}


def test_review_words_for_targets_still_give_actual_in_review_genre() -> None:
    t = (
        "记者从市发改委获悉，今年以来全市项目建设提速。累计争取中央预算内资金12亿元，"
        "规上企业突破800家。已建成标准厂房30万平方米。"
    )
    kinds = {q.text: q.kind for q in extract_quantities(t, title="项目建设综述")}
    assert kinds["12亿元"] == "actual"
    assert kinds["800家"] == "actual"


def test_future_marker_in_review_gives_target() -> None:
    t = "今年以来，全县已完成投资18亿元。下一步，全县将新开工项目40个。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title="项目建设综述")}
    assert kinds == {"18亿元": "actual", "40个": "target"}


def test_present_state_in_plan_is_actual() -> None:
    t = "目前，全市已建成产业园区14个。到2027年，新建产业园区5个。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "target"]


def test_past_year_in_plan_base_section_is_actual() -> None:
    t = "“十四五”以来，全市数字经济规模年均增长15%。到2030年，数字经济规模突破5000亿元。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "target"]


def test_work_report_reviews_then_plans_by_section() -> None:
    t = (
        "一、2024年工作回顾\n"
        "全市地区生产总值增长5.6%，新增城镇就业4.1万人。\n"
        "二、2025年目标任务\n"
        "地区生产总值增长5.5%左右，新增城镇就业4万人以上。\n"
    )
    headings = [
        Heading(1, "一", "2024年工作回顾", Span(0, 11)),
        Heading(1, "二", "2025年目标任务", Span(t.index("二、"), t.index("二、") + 11)),
    ]
    qs = extract_quantities(t, headings=headings, title="政府工作报告")
    assert [(q.text, q.kind, q.year) for q in qs] == [
        ("5.6%", "actual", 2024),
        ("4.1万人", "actual", 2024),
        ("5.5%", "target", 2025),
        ("4万人", "target", 2025),
    ]


def test_work_report_sections_are_found_without_given_headings() -> None:
    t = (
        "一、过去一年工作回顾\n全县完成固定资产投资120亿元。\n"
        "二、今年重点工作安排\n全县完成固定资产投资130亿元。\n"
    )
    assert [q.kind for q in extract_quantities(t)] == ["actual", "target"]


def test_capacity_before_a_project_name_is_spec() -> None:
    t = "加快建设800万吨炼化一体化项目、年产30万吨乙二醇装置。"
    assert [q.kind for q in extract_quantities(t, title=PLAN)] == ["spec", "spec"]


def test_area_before_a_named_thing_is_spec_and_area_after_a_verb_is_not() -> None:
    t = "实施3000亩生态林工程，新增造林绿化8000亩。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert kinds == {"3000亩": "spec", "8000亩": "target"}


def test_investment_threshold_is_spec_and_project_count_is_not() -> None:
    t = "2024年，推动12个投资5亿元以上项目开工，签约投资超10亿元的项目8个。"
    qs = {q.text: q for q in extract_quantities(t, title="产业发展综述")}
    assert qs["12个"].kind == "actual"
    assert qs["5亿元"].kind == "spec"
    assert qs["10亿元"].kind == "spec"


def test_size_threshold_before_a_noun_is_spec() -> None:
    q = one("淘汰35蒸吨以下燃煤锅炉，关停10吨以下小锅炉。", "10吨", title=PLAN)
    assert q.kind == "spec"


def test_own_total_investment_of_a_project_is_spec() -> None:
    t = "该项目总投资45亿元，占地860亩，建成后可年产新能源电池20万套。"
    kinds = {q.text: q.kind for q in extract_quantities(t)}
    assert kinds["45亿元"] == "spec"
    assert kinds["860亩"] == "spec"


def test_annual_capacity_is_spec() -> None:
    q = one("引进年产50万吨绿色建材项目。", "50万吨")
    assert q.kind == "spec"


def test_item_of_a_project_list_is_spec_but_project_count_is_not() -> None:
    t = "重点抓好滨河等4座公园提升、30个社区游园、东湖湿地项目建设。建成城西等5个安置项目。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert kinds["4座"] == "spec"
    assert kinds["30个"] == "spec"
    assert kinds["5个"] == "target"


def test_setting_counts_are_actual_in_a_plan() -> None:
    t = "以全市7个县区为单元推进改革。6个专项工作组要各司其职。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "actual"]


# --- year ----------------------------------------------------------------------------------


def test_year_comes_from_the_same_sentence() -> None:
    t = "2022年，全市粮食产量达到60万吨。新增高标准农田5万亩。"
    qs = {q.text: q.year for q in extract_quantities(t)}
    assert qs == {"60万吨": 2022, "5万亩": None}


def test_year_comes_from_the_heading_when_the_sentence_has_none() -> None:
    t = "（三）2026年重点任务\n新建乡镇卫生院3所。\n"
    h = [Heading(2, "三", "2026年重点任务", Span(0, 12))]
    assert one(t, "3所", headings=h).year == 2026


def test_this_year_and_last_year_are_not_resolved() -> None:
    t = "今年新增企业45家，去年新增38家。"
    assert [q.year for q in extract_quantities(t)] == [None, None]


def test_spec_figures_never_have_a_year() -> None:
    t = "2025年力争原油加工量达到1100万吨，推进60万吨乙烯项目建设。"
    qs = {q.text: q for q in extract_quantities(t, title=PLAN)}
    assert (qs["1100万吨"].kind, qs["1100万吨"].year) == ("target", 2025)
    assert (qs["60万吨"].kind, qs["60万吨"].year) == ("spec", None)


def test_baseline_year_after_the_figure_is_not_the_figure_year() -> None:
    q = one("单位产值能耗下降13.5%，比2020年有明显改善。", "13.5%")
    assert q.year is None


# --- tier ----------------------------------------------------------------------------------


def test_tiers_in_a_sentence() -> None:
    t = "全年GDP增长6%、达到820亿元的目标值，增长6.5%的争取值，增长7%的奋斗值。"
    tiers = {q.text: q.tier for q in extract_quantities(t, title=PLAN)}
    assert tiers == {"6%": "base", "820亿元": "base", "6.5%": "stretch", "7%": "aspiration"}


def test_tier_word_before_the_figure() -> None:
    t = "地区生产总值增速预期值为5%，争取值为5.5%。"
    assert [q.tier for q in extract_quantities(t)] == ["base", "stretch"]


def test_tiers_in_a_table_row() -> None:
    t = "指标\t目标值\t争取值\t奋斗值\n规上工业增加值增长\t7%\t8%\t10%\n"
    qs = extract_quantities(t)
    assert [(q.text, q.tier, q.kind) for q in qs] == [
        ("7%", "base", "target"),
        ("8%", "stretch", "target"),
        ("10%", "aspiration", "target"),
    ]


def test_no_tier_without_tier_words() -> None:
    assert one("新增就业2万人。", "2万人").tier is None


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


def test_base_year_of_an_undated_plan_is_actual() -> None:
    t = "2020年，全省新能源装机达到2400万千瓦。到2025年，新能源装机达到5000万千瓦。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "target"]


def test_dated_document_compares_sentence_years_with_its_date() -> None:
    t = "发布时间：2025-01-08\n2024年，全区新增市场主体8600户。\n2026年新增市场主体9000户。"
    kinds = [q.kind for q in extract_quantities(t, title="区情简报")]
    assert kinds == ["actual", "target"]


def test_deadline_year_outweighs_cumulative_in_a_plan() -> None:
    q = one("到2027年，累计建成充电桩1.5万个。", "1.5万个", title=PLAN)
    assert q.kind == "target"


def test_already_after_a_past_deadline_is_actual() -> None:
    q = one("到2023年底，全市已建成充电桩8000个。", "8000个")
    assert q.kind == "actual"


def test_jiang_as_object_marker_is_not_future_in_a_review() -> None:
    t = "记者获悉，今年以来该区已累计完成投资26亿元，并将数字经济作为主攻方向，培育企业35家。"
    assert one(t, "35家", title="经济发展综述").kind == "actual"


def test_page_counters_are_not_figures() -> None:
    assert texts("发布时间：2024-05-06 浏览次数：1523次 阅读量 860次") == []


def test_project_capacity_after_completion_is_spec() -> None:
    t = "总投资18亿元的城东再生水厂已开工，建成后日处理污水能力将达到15万吨。"
    qs = {q.text: q.kind for q in extract_quantities(t, title="项目建设综述")}
    assert qs == {"18亿元": "spec", "15万吨": "spec"}


def test_city_wide_capacity_aim_in_a_plan_is_target() -> None:
    q = one("到2030年，全市新能源装机容量达到1200万千瓦。", "1200万千瓦", title=PLAN)
    assert q.kind == "target"


def test_yearly_plan_noun_is_not_a_future_marker() -> None:
    t = "记者获悉，今年以来全市已完成投资120亿元，占年度计划的55%。"
    assert one(t, "55%", title="项目建设综述").kind == "actual"


def test_heading_genre_word_decides_for_its_section() -> None:
    t = "第一节 发展基础\n全省铁路营业里程5200公里。\n第二节 发展目标\n铁路营业里程7000公里。\n"
    h = [
        Heading(2, "一", "发展基础", Span(0, 8)),
        Heading(2, "二", "发展目标", Span(t.index("第二节"), t.index("第二节") + 8)),
    ]
    kinds = [q.kind for q in extract_quantities(t, headings=h, title=PLAN)]
    assert kinds == ["actual", "target"]


def test_review_paragraph_of_an_unheaded_work_report_is_actual() -> None:
    t = (
        "过去一年，我们迎难而上，经济运行稳中有进。全县生产总值完成96亿元，增长5.9%。\n"
        "今年的主要预期目标是：生产总值增长6%左右，城镇新增就业2800人。\n"
    )
    kinds = [q.kind for q in extract_quantities(t, title="政府工作报告")]
    assert kinds == ["actual", "actual", "target", "target"]


def test_range_sharing_a_magnitude_is_one_figure() -> None:
    q = one("每年吸引投资20亿-30亿元。", "20亿-30亿元")
    assert q.value == [20, 30] and q.unit == "亿元"


def test_full_width_years_are_read() -> None:
    assert one("２０２４年，新增企业１２０家。", "１２０家").year == 2024


def test_year_later_in_another_clause_is_not_taken() -> None:
    q = one("新增企业45家，为2026年打下基础。", "45家")
    assert q.year is None


def test_dated_news_report_is_a_review() -> None:
    t = (
        "本报讯 4月2日，全市第二批重大项目集中开工。此次开工项目共86个，总投资312亿元。\n"
        "据了解，今年全市计划实施市级重大项目260个。\n"
    )
    kinds = {q.text: q.kind for q in extract_quantities(t)}
    assert kinds == {"86个": "actual", "312亿元": "actual", "260个": "target"}


def test_total_investment_of_one_named_project_is_spec() -> None:
    t = "渭河大桥改建工程，桥梁全长1.8公里，总投资约9亿元。"
    qs = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert qs == {"1.8公里": "spec", "9亿元": "spec"}


def test_total_investment_of_a_project_portfolio_is_not_spec() -> None:
    t = "谋划储备重点项目420个，总投资3100亿元。"
    assert one(t, "3100亿元", title=PLAN).kind == "target"


def test_output_after_completion_is_target_in_news() -> None:
    t = "本报讯 该项目已于5月开工，建成后可实现年产值45亿元。"
    assert one(t, "45亿元").kind == "target"


def test_empty_and_digitless_text() -> None:
    assert extract_quantities("") == []
    assert extract_quantities("加快推进产业转型升级。") == []


def test_area_aim_without_a_project_noun_is_not_spec() -> None:
    q = one("到2027年，建设50万亩高标准农田。", "50万亩", title=PLAN)
    assert q.kind == "target"


def test_item_of_a_project_list_closing_its_clause_is_spec() -> None:
    t = "实施1500亩碳汇林、滨河湿地修复等工程，新建口袋公园6个。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert kinds == {"1500亩": "spec", "6个": "target"}


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


def test_existing_base_phrase_is_not_a_past_marker() -> None:
    q = one("在已建成园区的基础上，新增标准厂房12万平方米。", "12万平方米", title=PLAN)
    assert q.kind == "target"


def test_deadline_ahead_with_jiezhi_in_a_plan_is_target() -> None:
    q = one("截至2027年底，全市建成充电站300座。", "300座", title=PLAN)
    assert q.kind == "target"


def test_earlier_five_year_period_in_a_plan_is_actual() -> None:
    t = "“十三五”期间，全县累计完成投资860亿元。到2025年，全县完成投资1200亿元。"
    kinds = [q.kind for q in extract_quantities(t, title="某县“十四五”发展规划")]
    assert kinds == ["actual", "target"]


def test_paragraph_opening_with_a_past_year_is_a_review() -> None:
    t = (
        "（2024年1月12日）\n"
        "2023年，全市新增企业900家。全年引进项目126个。\n"
        "今年主要预期目标：引进项目130个以上。\n"
    )
    kinds = [q.kind for q in extract_quantities(t, title="政府工作报告")]
    assert kinds == ["actual", "actual", "target"]


def test_administrative_units_in_a_plan_are_the_setting() -> None:
    t = "全市11个街道、4个乡要制定方案。新建社区服务中心9个。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "actual", "target"]


def test_baseline_year_before_the_figure_is_not_its_year() -> None:
    q = one("到2030年，碳排放强度比2020年下降20%。", "20%", title=PLAN)
    assert q.year == 2030


def test_boiler_capacity_threshold_is_spec() -> None:
    q = one("淘汰35蒸吨/小时以下燃煤锅炉。", "35蒸吨/小时", title=PLAN)
    assert q.kind == "spec" and q.unit == "蒸吨/小时"


def test_added_capacity_is_an_aim_not_a_spec() -> None:
    t = "新增冷库库容60万吨。枢纽项目年吞吐能力达800万吨以上的，给予奖励。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert kinds["60万吨"] == "target"


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


def test_known_document_date_decides_past_and_future_years() -> None:
    t = "2024年，新增企业300家。\n2026年，新增企业500家。"
    kinds = [q.kind for q in extract_quantities(t, title="工作简报", date="2025-03-01")]
    assert kinds == ["actual", "target"]


def test_project_table_columns_with_units_give_spec_and_target() -> None:
    t = "序号\t项目名称\t总投资（亿元）\t2025年计划投资（亿元）\n1\t河谷新区供热管网项目\t9.6\t3\n"
    qs = [(q.text, q.unit, q.kind, q.year, q.subject) for q in extract_quantities(t, title=PLAN)]
    assert qs == [
        ("9.6", "亿元", "spec", None, "河谷新区供热管网项目"),
        ("3", "亿元", "target", 2025, "河谷新区供热管网项目"),
    ]


def test_present_holdings_at_clause_start_are_actual_in_a_plan() -> None:
    t = "全市现有规上工业企业420户。尽快完成辖区内现有12户企业搬迁改造任务。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "target"]


def test_rising_to_a_year_is_not_a_deadline() -> None:
    t = "五年来，全州生产总值由2017年的286亿元增加到2022年的412亿元。"
    kinds = [q.kind for q in extract_quantities(t, title="政府工作报告")]
    assert kinds == ["actual", "actual"]


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


def test_villages_to_reach_are_an_aim_not_the_setting() -> None:
    q = one("实现宽带覆盖120个村，新建村级服务站30个。", "120个", title=PLAN)
    assert q.kind == "target"


def test_meeting_report_of_results_is_actual_and_its_demands_are_targets() -> None:
    t = (
        "全市项目推进会召开\n"
        "6月3日，全市项目推进会召开。会议通报，1—5月全市重点项目完成投资286亿元，"
        "开工率达到64%。会议要求，确保年底前新开工项目达到180个。\n"
    )
    kinds = {q.text: q.kind for q in extract_quantities(t)}
    assert kinds == {"286亿元": "actual", "64%": "actual", "180个": "target"}


def test_projects_still_lagging_are_a_present_state() -> None:
    q = one("总体进展良好，但仍有17个项目进度滞后。", "17个", title=PLAN)
    assert q.kind == "actual"


def test_year_end_deadline_outweighs_an_earlier_already() -> None:
    t = "目前全县已建成服务站126个，2026年底前政务事项网上办理率达到95%。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert kinds == {"126个": "actual", "95%": "target"}


def test_investment_threshold_before_de_and_project_is_spec() -> None:
    q = one("对总投资5亿元以上的工业项目实行一事一议。", "5亿元", title=PLAN)
    assert q.kind == "spec"


# --- tiers, list lines, thresholds, sector capacity, printed subjects -----------------------


def test_tier_word_is_not_part_of_the_subject_and_later_tiers_inherit_it() -> None:
    t = "到2026年，全县一般公共预算收入目标值58亿元、争取值60亿元、奋斗值63亿元。"
    subjects = [q.subject for q in extract_quantities(t)]
    assert subjects == ["全县一般公共预算收入"] * 3
    assert [q.tier for q in extract_quantities(t)] == ["base", "stretch", "aspiration"]


def test_tiered_growth_rates_keep_the_growth_subject() -> None:
    t = "2025年，社会消费品零售总额增速目标值6%、争取值7%、奋斗值8.5%。"
    subjects = {q.subject for q in extract_quantities(t)}
    assert len(subjects) == 1
    (subject,) = subjects
    assert subject is not None and "社会消费品零售总额" in subject and "值" not in subject


def test_list_lines_take_year_and_subject_from_their_colon_intro() -> None:
    t = (
        "到2028年，全区文旅产业发展主要目标是：\n"
        "——接待游客总人次：8500万人次，年均增长9%；\n"
        "——旅游总收入：920亿元；\n"
        "——A级景区数量：不少于45家。\n"
    )
    visitors = one(t, "8500万人次")
    assert (visitors.year, visitors.subject) == (2028, "接待游客总人次")
    assert one(t, "9%").year == 2028
    income = one(t, "920亿元")
    assert (income.year, income.subject, income.kind) == (2028, "旅游总收入", "target")
    assert one(t, "45家").subject == "A级景区数量"


def test_list_lines_without_an_intro_year_stay_without_a_year() -> None:
    t = "主要工作包括：\n——改造老旧管网：120公里；\n——新建泵站：6座。\n"
    assert one(t, "120公里").year is None


def test_base_year_after_bi_or_jiao_is_not_the_figure_year() -> None:
    t = "到2030年，单位地区生产总值能耗较2025年下降14%，比2025年减少碳排放300万吨。"
    assert one(t, "14%").year == 2030
    assert one(t, "300万吨").year == 2030


def test_money_threshold_on_whom_a_measure_applies_is_spec() -> None:
    t = "对年营业收入首次超过5000万元的企业给予奖励，对出口额2000万美元以上的外贸企业予以支持。"
    first = one(t, "5000万元")
    assert first.kind == "spec" and first.year is None
    assert first.subject is not None and "营业收入" in first.subject
    assert one(t, "2000万美元").kind == "spec"


def test_sector_capacity_aim_is_a_target_not_a_spec() -> None:
    t = "到2027年，全省动力电池年产能稳定在120GWh左右，光伏组件产能提升到80GW。"
    assert one(t, "120GWh").kind == "target"
    assert one(t, "80GW").kind == "target"


def test_named_project_capacity_is_still_a_spec() -> None:
    t = "推进长岭化工年产30万吨乙二醇项目建设，建成后可年产乙二醇30万吨。"
    assert {q.kind for q in extract_quantities(t)} == {"spec"}


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
        started = time.perf_counter()
        extract_quantities(text)
        return time.perf_counter() - started

    cost(small)
    ratio = cost(large) / max(cost(small), 1e-4)
    assert ratio < 8 * 2.5  # 8× the text: linear, with room for timer noise


def test_numbered_indicator_lines_take_the_year_of_their_intro() -> None:
    t = (
        "到2029年，全县农业农村发展主要指标：\n"
        "（1）粮食播种面积：稳定在86万亩；\n"
        "（2）高标准农田：累计建成52万亩；\n"
        "（3）农村居民人均可支配收入：年均增长7%。\n"
    )
    assert [q.year for q in extract_quantities(t)] == [2029, 2029, 2029]
    assert one(t, "52万亩").subject is not None
    assert "高标准农田" in (one(t, "52万亩").subject or "")


def test_a_list_intro_year_does_not_reach_across_a_heading() -> None:
    t = (
        "一、发展目标\n"
        "到2027年，全市主要目标如下：\n"
        "·工业增加值：900亿元；\n"
        "二、重点任务\n"
        "（一）提升园区。新建标准厂房20万平方米。\n"
    )
    heads = [
        Heading(1, "一", "发展目标", Span(0, 6)),
        Heading(1, "二", "重点任务", Span(t.index("二、"), t.index("二、") + 6)),
        Heading(2, "一", "提升园区", Span(t.index("（一）"), t.index("（一）") + 8)),
    ]
    assert one(t, "900亿元", headings=heads).year == 2027
    assert one(t, "20万平方米", headings=heads).year is None


def test_exceeding_threshold_right_before_an_entity_is_spec() -> None:
    t = "到2026年，全市营收超50亿元企业达到12家。"
    assert one(t, "50亿元").kind == "spec"
    assert one(t, "12家").kind == "target"


def test_a_floor_on_funding_before_a_purpose_is_not_a_threshold() -> None:
    t = "市财政每年安排科技创新资金不少于2亿元扶持重点企业研发。"
    assert one(t, "2亿元").kind == "target"
