"""Figures stage: the labels a figure takes from its context, kind (target, actual, spec), year
and tier, read from its sentence, section, genre and the document's date.

Apart from test_quantities.py (which figures are found, values, subjects, tables) to keep each
file small; PLAN and the `one` helper come from there. All sentences are written for these tests.
"""

from __future__ import annotations

from tuijin.ingest.quantities import extract_quantities
from tuijin.ingest.result import Heading, Span
from tuijin.ingest.tests.test_quantities import PLAN, one

# --- kind ----------------------------------------------------------------------------------


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


# --- kind, year and tier in genres, deadlines, list lines, thresholds ---------------------


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


def test_area_aim_without_a_project_noun_is_not_spec() -> None:
    q = one("到2027年，建设50万亩高标准农田。", "50万亩", title=PLAN)
    assert q.kind == "target"


def test_item_of_a_project_list_closing_its_clause_is_spec() -> None:
    t = "实施1500亩碳汇林、滨河湿地修复等工程，新建口袋公园6个。"
    kinds = {q.text: q.kind for q in extract_quantities(t, title=PLAN)}
    assert kinds == {"1500亩": "spec", "6个": "target"}


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


def test_known_document_date_decides_past_and_future_years() -> None:
    t = "2024年，新增企业300家。\n2026年，新增企业500家。"
    kinds = [q.kind for q in extract_quantities(t, title="工作简报", date="2025-03-01")]
    assert kinds == ["actual", "target"]


def test_present_holdings_at_clause_start_are_actual_in_a_plan() -> None:
    t = "全市现有规上工业企业420户。尽快完成辖区内现有12户企业搬迁改造任务。"
    kinds = [q.kind for q in extract_quantities(t, title=PLAN)]
    assert kinds == ["actual", "target"]


def test_rising_to_a_year_is_not_a_deadline() -> None:
    t = "五年来，全州生产总值由2017年的286亿元增加到2022年的412亿元。"
    kinds = [q.kind for q in extract_quantities(t, title="政府工作报告")]
    assert kinds == ["actual", "actual"]


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


def test_tier_word_is_not_part_of_the_subject_and_later_tiers_inherit_it() -> None:
    t = "到2026年，全县一般公共预算收入目标值58亿元、争取值60亿元、奋斗值63亿元。"
    subjects = [q.subject for q in extract_quantities(t)]
    assert subjects == ["全县一般公共预算收入"] * 3
    assert [q.tier for q in extract_quantities(t)] == ["base", "stretch", "aspiration"]


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
