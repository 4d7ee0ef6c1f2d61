"""Title, 文号, issuer and date in government documents, work reports and news."""

from __future__ import annotations

import textwrap

from tuijin.ingest.meta import extract_meta
from tuijin.ingest.normalize import matching_text
from tuijin.ingest.result import Meta
from tuijin.ingest.segment import split_lines


def doc(source: str) -> str:
    """A test document written indented inside the test."""
    return textwrap.dedent(source).lstrip("\n")


def meta(source: str) -> Meta:
    text = doc(source)
    return extract_meta(split_lines(text), text, matching_text(text))


STATE_COUNCIL = """
    国务院关于印发“十四五”现代能源体系规划的通知
    国发〔2022〕8号

    各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
    现将《“十四五”现代能源体系规划》印发给你们，请认真贯彻执行。

    国务院
    2022年3月1日

    （此件公开发布）

    “十四五”现代能源体系规划

    能源是经济社会发展的基础，关系国计民生和国家安全，必须统筹发展和安全。
    一、发展基础
    （一）能源供给能力稳步提升。煤炭兜底作用有效发挥，油气勘探开发力度加大。
    """


def test_state_council_notice_with_signature_under_the_notice() -> None:
    m = meta(STATE_COUNCIL)
    assert m.title == "国务院关于印发“十四五”现代能源体系规划的通知"
    assert m.doc_number == "国发〔2022〕8号"
    assert m.issuer == "国务院"
    assert m.date == "2022-03-01"


def test_provincial_notice_with_issuer_on_top_and_chinese_numeral_date_at_the_end() -> None:
    m = meta("""
        陕西省人民政府办公厅
        关于加快推进先进制造业集群发展
        的实施意见
        陕政办发〔2023〕14号
        各设区市人民政府，省人民政府各工作部门：
        为加快构建现代化产业体系，经省政府同意，现提出如下意见。
        一、总体要求
        到2025年，培育形成一批具有竞争力的先进制造业集群。
        陕西省人民政府办公厅
        二〇二三年六月五日
        """)
    assert m.title == "关于加快推进先进制造业集群发展的实施意见"
    assert m.doc_number == "陕政办发〔2023〕14号"
    assert m.issuer == "陕西省人民政府办公厅"
    assert m.date == "2023-06-05"


def test_square_bracket_document_number() -> None:
    m = meta("""
        某县人民政府
        关于做好春耕生产工作的通知
        某政发[2019]3号
        各乡镇人民政府：
        为切实做好今年春耕生产工作，现就有关事项通知如下。
        """)
    assert m.doc_number == "某政发[2019]3号"


def test_order_number_shape() -> None:
    m = meta("""
        某省人民政府令
        第268号
        《某省安全生产条例实施办法》已经省政府常务会议通过，现予公布，自公布之日起施行。
        """)
    assert m.doc_number == "第268号"


def test_work_report_title_and_speech_date() -> None:
    m = meta("""
        政府工作报告
        ——2024年1月22日在某市第十七届人民代表大会第四次会议上
        某市市长 张伟
        各位代表：
        现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。
        一、2023年工作回顾
        过去一年，全市地区生产总值增长6.1%，经济运行稳中向好。
        """)
    assert m.title == "政府工作报告"
    assert m.date == "2024-01-22"
    assert m.issuer == "某市人民政府"
    assert m.doc_number is None


def test_news_with_source_and_publication_time() -> None:
    m = meta("""
        首页 > 要闻动态 > 正文
        天水电工装备产业园项目集中开工
        发布时间：2024-03-18 09:30
        来源：天水日报 作者：李明
        3月17日，天水市2024年一季度重大项目集中开工仪式举行，共开工项目32个，总投资156亿元。
        """)
    assert m.title == "天水电工装备产业园项目集中开工"
    assert m.issuer == "天水日报"
    assert m.date == "2024-03-18"
    assert m.doc_number is None


def test_news_dateline_takes_the_year_the_text_gives() -> None:
    m = meta("""
        新华社兰州3月5日电 记者从甘肃省发展改革委获悉，2023年甘肃省重大项目完成投资超过两千亿元。
        2023年，全省新开工项目数量创历史新高。
        """)
    assert m.title is None
    assert m.issuer == "新华社"
    assert m.date == "2023-03-05"


def test_reposting_page_fields_win() -> None:
    m = meta("""
        索引号：000014349/2021-00024    主题分类：国民经济管理
        发文机关：国务院    成文日期：2021年03月01日
        标题：国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见
        发文字号：国发〔2021〕4号    发布日期：2021年03月12日
        国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        建立健全绿色低碳循环发展经济体系，是解决我国资源环境生态问题的基础之策。
        """)
    assert m.title == "国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见"
    assert m.doc_number == "国发〔2021〕4号"
    assert m.issuer == "国务院"
    assert m.date == "2021-03-01"


def test_traditional_document_reports_original_title() -> None:
    m = meta("""
        關於印發產業發展規劃的通知
        某府發〔2020〕12號
        各區人民政府：
        現將《產業發展規劃》印發給你們，請認真貫徹執行。
        某市人民政府
        2020年5月8日
        """)
    assert m.title == "關於印發產業發展規劃的通知"
    assert m.doc_number == "某府發〔2020〕12號"
    assert m.issuer == "某市人民政府"
    assert m.date == "2020-05-08"


def test_body_text_without_headline_has_no_meta() -> None:
    m = meta("""
        近年来，全市工业经济持续向好，规上工业企业达到一千二百户，工业投资保持两位数增长。
        下一步，将继续推进产业链延链补链强链。
        """)
    assert m == Meta()


def test_reference_to_another_document_number_in_the_body_is_ignored() -> None:
    m = meta("""
        关于进一步做好稳就业工作的通知
        各县区：
        根据《国务院关于做好就业工作的通知》（国发〔2023〕11号）精神，现就有关事项通知如下。
        """)
    assert m.doc_number is None


def test_notice_title_without_guanyu_and_month_only_signature() -> None:
    m = meta("""
        某市人民政府办公室印发《某市优化营商环境三年行动计划》的通知
        各县区人民政府，市政府各部门：
        《某市优化营商环境三年行动计划》已经市政府同意，现印发给你们，请认真组织实施。
        某市人民政府办公室
        2023年8月
        """)
    assert m.title == "某市人民政府办公室印发《某市优化营商环境三年行动计划》的通知"
    assert m.issuer == "某市人民政府办公室"
    assert m.date == "2023-08"


def test_breadcrumb_is_not_the_title() -> None:
    m = meta("""
        首页 > 政务公开 > 关于加强项目管理的通知
        关于加强项目管理的通知
        各单位：为加强项目管理，现将有关事项通知如下，请遵照执行。
        """)
    assert m.title == "关于加强项目管理的通知"


def test_notice_title_printed_over_three_lines() -> None:
    m = meta("""
        某省人民政府
        关于支持民营经济
        高质量发展若干政策措施
        的通知
        某政发〔2024〕2号
        各市人民政府：现将有关政策措施通知如下，请认真贯彻执行。
        """)
    assert m.title == "关于支持民营经济高质量发展若干政策措施的通知"


def test_headline_may_contain_words_used_by_page_fields() -> None:
    m = meta("""
        记者探访：全省重大项目清单发布
        来源：甘肃日报
        近日，省发展改革委发布全年重大项目清单，共安排项目三百余个，总投资超万亿元。
        """)
    assert m.title == "记者探访：全省重大项目清单发布"
    assert m.issuer == "甘肃日报"


def test_news_headline_ending_like_a_unit_name_is_still_the_title() -> None:
    m = meta("""
        兰州新区建成西北最大数据中心
        发布时间：2024-05-06
        近日，位于兰州新区的大数据产业园二期工程竣工，新增机架一万个，算力规模位居西北前列。
        """)
    assert m.title == "兰州新区建成西北最大数据中心"


def test_news_page_prefers_publication_time_and_source_over_page_lines() -> None:
    m = meta("""
        某市发展和改革委员会
        重点项目观摩活动举行
        发布时间：2024-04-12 10:00
        来源：某市融媒体中心
        4月11日，全市一季度重点项目观摩活动举行，观摩团实地察看了十二个项目。
        2024年4月11日
        """)
    assert m.title == "重点项目观摩活动举行"
    assert m.date == "2024-04-12"
    assert m.issuer == "某市融媒体中心"


def test_plan_title_broken_over_two_lines_is_joined() -> None:
    m = meta("""
        某市数字经济高质量发展
        三年行动方案
        为加快发展数字经济，推动数字技术与实体经济深度融合，制定本方案。
        """)
    assert m.title == "某市数字经济高质量发展三年行动方案"


def test_site_section_line_is_not_joined_to_a_full_plan_title() -> None:
    m = meta("""
        新闻中心
        某市推进新型工业化实施方案
        为加快推进新型工业化，结合本市实际，制定本方案。
        """)
    assert m.title == "某市推进新型工业化实施方案"


def test_news_dateline_with_a_time_and_a_source_on_one_line() -> None:
    m = meta(
        """
        前三季度全县重点项目开工率超九成
        2025-10-12 09:40  来源：山溪发布

        截至9月底，全县列入县级重点项目的项目共86个。
        """
    )
    assert m.date == "2025-10-12"
    assert m.issuer == "山溪发布"


def test_a_supervision_office_signs_its_circular() -> None:
    m = meta(
        """
        关于第三季度民生实事推进情况的通报
        河督〔2025〕14号

        各县（区）人民政府，市直各有关单位：
        现将第三季度民生实事推进情况通报如下。

        河谷市人民政府督查室
        2025年10月20日
        """
    )
    assert m.issuer == "河谷市人民政府督查室"
    assert m.date == "2025-10-20"


def test_plan_title_with_its_period_in_brackets_and_the_issuer_below() -> None:
    m = meta(
        """
        北湾港区产业发展规划（2026—2030年）
        北湾港区管理委员会
        发布日期：2026年3月2日

        一、发展基础
        港区已形成装备制造、粮油加工两大主导产业。
        """
    )
    assert m.title == "北湾港区产业发展规划（2026—2030年）"
    assert m.issuer == "北湾港区管理委员会"
    assert m.date == "2026-03-02"


def test_a_briefing_takes_its_office_and_date_from_the_masthead_and_its_lead_headline() -> None:
    m = meta(
        """
        项目建设工作简报
        第7期
        河谷市重点项目建设指挥部办公室          2025年9月3日

        八月重点项目投资完成情况较好
        8月份，全市重点项目完成投资42.6亿元，环比增长12.4%。
        """
    )
    assert m.title == "八月重点项目投资完成情况较好"
    assert m.issuer == "河谷市重点项目建设指挥部办公室"
    assert m.date == "2025-09-03"
