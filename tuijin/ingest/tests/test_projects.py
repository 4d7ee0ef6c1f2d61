"""Project names: list splitting, minimal spans, exclusions, news and table shapes.

Every sentence here is written for the test (facts in the genre's shapes, not corpus text).
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tuijin.ingest import projects
from tuijin.ingest.project_parts.signals import signal_positions
from tuijin.ingest.projects import extract_projects


def names(text: str) -> list[str]:
    return [p.name for p in extract_projects(text)]


def test_list_with_project_tail_gives_one_entry_per_item() -> None:
    text = "今年全区重点推进金沙湾污水处理厂、北山供水管道、东城体育馆等项目建设。"
    assert names(text) == ["金沙湾污水处理厂", "北山供水管道", "东城体育馆"]


def test_bare_place_names_count_inside_an_explicit_project_list() -> None:
    text = "加快实施青石湾、石门坎等土地整理项目。"
    assert names(text) == ["青石湾", "石门坎"]


def test_leading_verbs_and_trailing_list_words_are_not_part_of_the_name() -> None:
    text = "开工建设滨江大道西延段，加快推进新城水库项目建设。"
    assert names(text) == ["滨江大道西延段", "新城水库"]


def test_trailing_project_word_of_the_verb_is_stripped_per_item() -> None:
    text = "重点实施柳河流域防洪治理工程、河西风电建设、城南污水处理厂提标改造项目。"
    assert names(text) == ["柳河流域防洪治理工程", "河西风电", "城南污水处理厂提标改造"]


def test_project_word_of_a_single_capacity_name_is_kept() -> None:
    text = "以石化公司在本地新上500万吨炼油项目为契机，延伸下游产业链。"
    assert "500万吨炼油项目" in names(text)


def test_capacity_that_is_part_of_the_name_is_kept() -> None:
    text = "推进天元化工20万吨乙二醇、3万吨特种树脂等重点项目建设。"
    assert names(text) == ["天元化工20万吨乙二醇", "3万吨特种树脂"]


def test_modifiers_sharing_one_head_stay_one_entry() -> None:
    text = "加快推进东、西环城快速路建设。"
    assert names(text) == ["东、西环城快速路"]


def test_unit_labels_sharing_one_head_stay_one_entry() -> None:
    text = "重点抓好华能电厂1#、2#机组超低排放改造、城西热源厂扩建等项目建设。"
    assert names(text) == ["华能电厂1#、2#机组超低排放改造", "城西热源厂扩建"]


def test_and_splits_two_different_undertakings() -> None:
    text = "建成市急救指挥中心和城东消防训练基地。"
    assert names(text) == ["市急救指挥中心", "城东消防训练基地"]


def test_and_inside_one_facility_name_is_kept() -> None:
    text = "抓好中药饮片研发中心及工业化生产线、河谷冷链物流园等项目建设。"
    assert names(text) == ["中药饮片研发中心及工业化生产线", "河谷冷链物流园"]


def test_routes_counted_by_the_text_are_split() -> None:
    text = "加快推进河口-新城、河口-机场两条快速通道和机场-港区道路建设。"
    assert names(text) == ["河口-新城", "河口-机场", "机场-港区道路"]


def test_preposition_before_an_explicit_list_is_dropped() -> None:
    text = "对航空物流园、智能装备产业园等招商引资项目，要强化要素保障。"
    assert names(text) == ["航空物流园", "智能装备产业园"]


def test_route_with_a_section_is_one_name() -> None:
    assert names("开工建设定西至平凉铁路静宁至华亭段。") == ["定西至平凉铁路静宁至华亭段"]


def test_list_of_industries_before_a_project_count_is_excluded() -> None:
    text = "围绕新材料、生物医药等产业谋划招商项目40个。"
    assert names(text) == []


def test_list_of_named_projects_after_any_verb() -> None:
    text = "与会人员观摩了华能热电厂超低排放改造项目、北山引水工程。"
    assert names(text) == ["华能热电厂超低排放改造", "北山引水工程"]


def test_upgrading_a_street_quarter_is_not_a_project() -> None:
    assert names("推动西关历史文化街区提质升级。") == []


def test_generic_project_words_in_a_headline_are_not_names() -> None:
    assert names("全省重大项目建设现场推进会召开\n") == []


def test_areas_and_new_towns_are_excluded() -> None:
    text = "高标准建设东部生态新城，加快建设承接产业转移示范区，加快临空经济区建设。"
    assert names(text) == []


def test_streets_and_districts_not_called_projects_are_excluded() -> None:
    text = "打造南门、西关、北街等特色美食街区，实施老城、河滨等八大片区改造。"
    assert names(text) == []


def test_status_aims_are_excluded() -> None:
    text = "加快建设国家重要的新能源装备制造基地，打造区域性物流中心。"
    assert names(text) == []


def test_slogan_programmes_are_excluded() -> None:
    text = "大力实施“百村示范”工程，推进“十大民生工程”，实施五大提升工程。"
    assert names(text) == []


def test_platforms_and_systems_are_excluded() -> None:
    text = "建成全市智慧城管平台，上线政务服务系统，统筹建设科创港等重大创新平台。"
    assert names(text) == []


def test_network_build_outs_without_project_noun_are_excluded() -> None:
    text = "加快新区配电网建设，推进城市轨道交通建设。"
    assert names(text) == []


def test_things_only_relied_on_are_excluded() -> None:
    text = "依托万华广场、城北公园等进一步提升消费品质。以防护林工程为依托，巩固生态成果。"
    assert names(text) == []


def test_counted_generic_facilities_are_excluded() -> None:
    text = "新建社区卫生服务站12个，建成口袋公园8个，改造老旧小区300个。"
    assert names(text) == []


def test_subject_list_before_a_completion_verb() -> None:
    text = "去年，沿河快速路北延段、城北立交桥建成通车。"
    assert names(text) == ["沿河快速路北延段", "城北立交桥"]


def test_list_before_count_and_closing_verb() -> None:
    text = "其中，宏达电子元件产业园、恒通年产5万吨铝型材等12个项目已建成投产。"
    assert names(text) == ["宏达电子元件产业园", "恒通年产5万吨铝型材"]


def test_news_article_with_described_projects() -> None:
    text = (
        "此次集中开工项目26个。\n"
        "其中，中科光电年产3GW光伏组件项目总投资12亿元；北方药业口服制剂车间改造项目计划投资2亿元。\n"
        "基础设施项目包括：县城第二水厂、南环路改造工程、城关镇中心小学等。\n"
    )
    got = names(text)
    assert "中科光电年产3GW光伏组件项目" in got
    assert "北方药业口服制剂车间改造项目" in got
    assert {"县城第二水厂", "南环路改造工程", "城关镇中心小学"} <= set(got)


def test_ceremony_headline_names_its_project() -> None:
    text = "河西风光储一体化项目开工仪式昨日在金川举行。"
    assert names(text) == ["河西风光储一体化项目"]


def test_supporting_verb_before_an_explicit_list_is_not_in_the_name() -> None:
    text = "督促北关污水处理厂、东湖公园等项目加快建设。"
    assert names(text) == ["北关污水处理厂", "东湖公园"]


def test_counted_list_without_deng_is_a_project_list() -> None:
    text = "加快推进北湖湾、南岭坪两个续建项目建设。"
    assert names(text) == ["北湖湾", "南岭坪"]


def test_project_named_in_a_signed_agreement() -> None:
    text = "远景能源与县政府签订50万千瓦风电项目投资协议。"
    assert names(text) == ["50万千瓦风电项目"]


def test_subject_and_verb_before_a_verbless_list_are_dropped() -> None:
    text = "全县共有城南供水厂、北山隧道等项目。"
    assert names(text) == ["城南供水厂", "北山隧道"]


def test_signing_list_enumerated_one_per_line() -> None:
    text = "签约项目主要有：\n1.华宇集团20万千瓦风电项目\n2.中通西北快递分拨中心项目\n"
    assert names(text) == ["华宇集团20万千瓦风电项目", "中通西北快递分拨中心项目"]


def test_category_colon_lists_in_a_box() -> None:
    text = (
        "专栏2 重大水利工程\n"
        "水库：黑河水库、南沟水库扩建。\n"
        "重点领域：新能源、新材料。\n"
        "责任单位：省水利厅、省发展改革委。\n"
    )
    assert names(text) == ["黑河水库", "南沟水库扩建"]


def test_table_rows_under_the_project_name_column() -> None:
    text = (
        "序号\t项目名称\t建设单位\t总投资\n"
        "1\t北河水库除险加固工程\t县水务局\t1.2\n"
        "2\t城西物流园（一期）\t交投公司\t3.5\n"
        "\n"
    )
    assert names(text) == ["北河水库除险加固工程", "城西物流园（一期）"]


def test_pipe_table_with_windows_line_ends() -> None:
    text = "| 序号 | 项目名称 | 总投资 |\r\n|---|---|---|\r\n| 1 | 南郊热电联产工程 | 9.8 |\r\n\r\n"
    assert names(text) == ["南郊热电联产工程"]


def test_traditional_text_passed_as_simplified_keeps_spans() -> None:
    original = "加快興建臨港物流園、北岸污水處理廠等項目。"
    simplified = "加快兴建临港物流园、北岸污水处理厂等项目。"
    found = extract_projects(simplified)
    assert [original[p.span.start : p.span.end] for p in found] == ["臨港物流園", "北岸污水處理廠"]


def test_quoted_name_is_taken_without_quotes() -> None:
    assert names("推进“城北社会治理指挥中心”建设。") == ["城北社会治理指挥中心"]


def test_identical_duplicates_are_dropped_but_variants_kept() -> None:
    text = "加快建设滨河湿地公园。年内建成滨河湿地公园。推进滨河湿地公园二期建设。"
    assert names(text) == ["滨河湿地公园", "滨河湿地公园二期"]


def test_spans_index_the_text_in_document_order() -> None:
    text = "重点建设南山隧道、北湖公园等项目。"
    found = extract_projects(text)
    assert [text[p.span.start : p.span.end] for p in found] == [p.name for p in found]
    assert [p.span.start for p in found] == sorted(p.span.start for p in found)


def test_random_junk_is_fast_and_yields_little() -> None:
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    junk = "".join(chars[(i * 7919) % len(chars)] for i in range(400_000))
    start = time.process_time()
    extract_projects(junk)
    assert time.process_time() - start < 5.0


def test_one_project_a_line_with_company_prefix_and_investment() -> None:
    text = (
        "此次签约的重点项目有：\n"
        "　　江北晶华新材料有限公司年产6万吨电子级多晶硅项目，总投资42亿元；\n"
        "　　南湖冷链物流园，计划总投资3.5亿元，占地120亩；\n"
        "　　西坪至东沟一级公路改建工程，总投资9亿元。\n"
    )
    assert names(text) == [
        "江北晶华新材料有限公司年产6万吨电子级多晶硅项目",
        "南湖冷链物流园",
        "西坪至东沟一级公路改建工程",
    ]


def test_a_count_of_projects_followed_by_investment_is_not_a_name() -> None:
    text = "本次集中开工项目共56个，总投资210亿元，其中工业项目30个。"
    assert names(text) == []


def test_supporting_named_works_counts_the_works() -> None:
    text = "支持远山重工沿江基地、北岭化工年产3万吨己二酸项目扩产，支持龙泉汽车零部件产业园建设。"
    got = names(text)
    assert "远山重工沿江基地" in got
    assert any(n.startswith("北岭化工年产3万吨己二酸") for n in got)
    assert "龙泉汽车零部件产业园" in got


def test_support_for_firms_or_generic_works_is_not_a_project() -> None:
    text = "支持企业技术改造，支持重点项目建设，鼓励社会资本参与充电桩建设。"
    assert names(text) == []


def test_expansion_of_a_named_base_keeps_the_work_noun() -> None:
    assert names("推进青山重型机械制造基地扩能改造，提高配套率。") == [
        "青山重型机械制造基地扩能改造"
    ]


def test_work_noun_after_project_is_dropped_from_the_name() -> None:
    got = names("加快石门电子年产50万片晶圆项目扩产，到2026年产值翻番。")
    assert got == ["石门电子年产50万片晶圆项目"] or got == ["石门电子年产50万片晶圆"]


def test_first_item_of_a_sentence_initial_list_before_a_closing_verb() -> None:
    text = "东港电厂二期、清河造纸基地扩建项目建成投产，南郊变电站开工建设。"
    assert names(text) == ["东港电厂二期", "清河造纸基地扩建项目", "南郊变电站"]


def test_metro_line_opened_is_a_project() -> None:
    assert names("江城地铁5号线全线开通，新增运营里程30公里。") == ["江城地铁5号线"]


def test_phase_of_a_port_area_called_works_is_a_project() -> None:
    text = "加快东山港区三期工程、北站物流中心建设，压缩通关时间。"
    assert names(text) == ["东山港区三期工程", "北站物流中心"]


def test_parks_inside_a_scope_are_not_named() -> None:
    assert names("推动开发区内工业园区实施循环化改造。") == []
    assert names("确保清单内项目按期推进。") == []


def test_a_kind_of_facility_after_a_generic_modifier_is_not_named() -> None:
    assert names("推进现代化海洋牧场建设，建成石湾岛海洋牧场。") == ["石湾岛海洋牧场"]


def test_infrastructure_of_a_zone_is_not_a_project() -> None:
    assert names("推进临港经济合作区东片区基础设施建设，完成投资20亿元。") == []


def test_slogan_period_inside_a_proper_name_is_kept() -> None:
    text = "青川酒业“十四五”技改工程建成投产。"
    assert names(text) == ["青川酒业“十四五”技改工程"]


def test_subjects_of_a_ceremony_or_of_construction_are_projects() -> None:
    text = (
        "同日，华信年产200万套汽车线束项目、北湖精密模具生产基地也举行了投产仪式。"
        "其中城西污水处理厂二期、南湖物流中心正在加紧施工。"
    )
    got = names(text)
    assert len(got) == 4 and got[0].startswith("华信年产200万套汽车线束")
    assert got[1:] == ["北湖精密模具生产基地", "城西污水处理厂二期", "南湖物流中心"]


def test_new_branch_facilities_in_a_category_line_are_listed() -> None:
    text = "社会事业：北城人民医院新院、江口第三中学、市档案馆新馆。"
    assert names(text) == ["北城人民医院新院", "江口第三中学", "市档案馆新馆"]


def test_zones_listed_beside_built_works_are_left_out() -> None:
    text = "南岭铁路江口至北湾段、青河水库扩建工程、临江绿色发展示范区加快建设。"
    assert names(text) == ["南岭铁路江口至北湾段", "青河水库扩建工程"]


def test_content_after_a_label_is_not_a_project() -> None:
    text = "项目名称：东岗智能制造产业园\n建设内容：新建标准化厂房8万平方米及配套设施。\n"
    assert names(text) == ["东岗智能制造产业园"]


def test_enumerated_line_naming_a_facility_then_its_content() -> None:
    text = "专栏1　重大项目\n　　1.北港多式联运中心。建设铁路专用线，总投资6亿元。\n"
    assert "北港多式联运中心" in names(text)


def test_four_character_passage_and_start_of_construction() -> None:
    assert names("东江通道建成通车，西湾港口扩建工程启动建设。") == [
        "东江通道",
        "西湾港口扩建工程",
    ]


def test_description_before_de_is_not_part_of_the_name() -> None:
    text = "总投资30亿元的南岭高端装备产业园项目正式落户高新区。"
    got = names(text)
    assert len(got) == 1 and got[0].startswith("南岭高端装备产业园")


def test_time_before_a_closing_verb_is_not_part_of_the_name() -> None:
    assert names("据了解，东岸冷链物流基地也将于明年3月开工。") == ["东岸冷链物流基地"]


def test_name_only_numbered_lines_under_a_project_caption() -> None:
    text = "2024年区级重点项目\n（1）西湖数字产业园\n（2）南桥污水处理厂三期\n"
    assert names(text) == ["西湖数字产业园", "南桥污水处理厂三期"]


def test_numbered_headings_without_a_project_caption_are_not_names() -> None:
    text = "实施意见\n（1）总体要求\n（2）东城综合体\n"
    assert names(text) == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["推进", "产业园", "。", "；", "\n", "水库", "，", "的", "项目", "甲" * 900]
        ),
        max_size=60,
    )
)
def test_sentences_found_from_signals_are_the_signalled_sentences(pieces: list[str]) -> None:
    text = "".join(pieces)
    signals = signal_positions(text)
    want = [m.span() for m in projects._SENT_RE.finditer(text) if projects._has(signals, *m.span())]
    assert list(projects._signalled_sentences(text, signals)) == want


def test_progress_news_names_the_project_as_subject() -> None:
    text = (
        "位于经开区的华芯年产30万片功率器件项目已完成主体结构封顶；"
        "城北安置房三期工程进入装修阶段；清溪河综合治理工程累计完成投资3.2亿元。"
    )
    got = names(text)
    assert len(got) == 3
    assert got[0].startswith("华芯年产30万片功率器件")
    assert got[1:] == ["城北安置房三期工程", "清溪河综合治理工程"]


def test_port_operation_areas_are_facilities() -> None:
    text = "推动江口港东岸作业区二期、北湾港白沙作业区开工。"
    assert names(text) == ["江口港东岸作业区二期", "北湾港白沙作业区"]


def test_numbered_phase_after_a_zone_name_is_not_cut_by_a_verb() -> None:
    assert names("东湾新发展区第一期工程亦已展开。") == ["东湾新发展区第一期工程"]


def test_a_category_label_before_its_own_verb_does_not_continue_a_list() -> None:
    text = "产业项目重点推进华海年产5万吨铜箔项目，基础设施项目重点推进东环快速路。"
    got = names(text)
    assert "基础设施" not in got
    assert "东环快速路" in got


def test_and_splits_a_facility_from_works_on_another_facility() -> None:
    text = "加快建设城北水厂二期和市第三污水处理厂提标改造。"
    assert names(text) == ["城北水厂二期", "市第三污水处理厂提标改造"]


def test_bracket_describing_the_facility_is_not_part_of_its_name() -> None:
    text = "开工建设石岭抽水蓄能电站（装机容量2×250MW），同步推进进场道路。"
    assert names(text) == ["石岭抽水蓄能电站"]
    text = "加快建设双河风光储一体化基地（总投资36亿元）、东坪至西岔高速公路（东坪段）。"
    assert names(text) == ["双河风光储一体化基地", "东坪至西岔高速公路（东坪段）"]


def test_named_work_as_the_subject_of_its_progress() -> None:
    text = "枫桥至青溪城际铁路（一期）累计完成投资9.6亿元，隧道掘进完成率达到60%。"
    assert names(text) == ["枫桥至青溪城际铁路（一期）"]
    assert names("S205东湖连接线改建工程完成路面铺设的八成。") == ["S205东湖连接线改建工程"]
    assert names("全县重点项目累计完成投资46亿元。") == []


def test_capacity_led_name_opening_a_sentence_is_its_subject() -> None:
    text = "东港新材料产业园已全面投产；年产5万吨碳纤维原丝项目二期车间主体封顶，预计年底试产。"
    assert names(text) == ["东港新材料产业园", "年产5万吨碳纤维原丝项目"]


def test_negated_status_is_not_part_of_the_subject_list() -> None:
    text = "滨湖康养综合体、南坪货运站扩能工程至今未开工。"
    assert names(text) == ["滨湖康养综合体", "南坪货运站扩能工程"]
    # 未 before a verb that is not a closing one stays inside the name (未利用地)
    text = "抓好河湾未利用地综合开发、北湖城市综合体等项目建设。"
    assert names(text) == ["河湾未利用地综合开发", "北湖城市综合体"]


def test_size_description_before_de_is_not_part_of_the_name() -> None:
    text = "加快建设总建筑面积8万平方米的松溪数字产业服务中心，配套建设人才公寓。"
    assert names(text) == ["松溪数字产业服务中心"]


def test_venue_named_by_what_it_houses_is_a_facility() -> None:
    assert names("建设凤鸣峰竹编文化体验馆，打造研学线路3条。") == ["凤鸣峰竹编文化体验馆"]


def test_works_on_a_bare_or_typed_kind_of_facility_are_generic() -> None:
    assert names("1.实施学校改扩建工程。") == []
    assert names("3.推进寄宿制中学改造。") == []
    assert names("推进东城实验中学改扩建。") == ["东城实验中学改扩建"]


def test_building_land_is_a_noun_not_a_build_verb() -> None:
    assert names("统筹新增建设用地指标800亩，优先保障重点项目。") == []


def test_list_of_places_before_a_tail_of_townships_names_no_project() -> None:
    assert names("在金竹、杨柳等乡镇布局一批冷链分拣园，带动农户增收。") == []
    assert names("在东坝、西洲等地布局若干物流配套园，承接中小企业。") == []
