"""Generic vocabulary of Chinese plan documents, shared by the project and mention stages.

Only genre words live here (verbs, head nouns, suffixes, units) — never names from a
particular document — so that the rules carry over to other provinces' plans and news.
Word lists are whitespace-separated strings (easy to read and edit); `alt()` turns a list into
a regex alternation, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def alt(words: Iterable[str]) -> str:
    """A regex alternation of `words` as a prefix trie (建(?:设|成)), longest match first.

    Python's regex engine tries alternatives one by one; sharing prefixes keeps a lexicon of
    hundreds of words to one branch per character, which is what makes whole-text scans fast.
    """
    trie: dict[str, Any] = {}
    for w in set(words):
        if w:
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a list written as one string."""
    return tuple(text.split())


_w = words


# ---- projects: verbs ---------------------------------------------------------------------
# Verbs that put an undertaking on the agenda: the object that follows may be a project list.
BUILD_VERBS = _w("""
    建设 实施 推进 加快 开工 建成 投产 签约 抓好 启动 推动 打造 谋划 引进 竣工 开建 兴建 筹建
    动工 开通 抓紧 新上 上马 落地 启用 投用 运营 开业 营运 建好 力促 完工 投运 通车 布局
    规划建设 开工建设 投资建设 招引 储备 续建 新开工 复工 铺设 修建 新建 改建 扩建 迁建 重建
    新增 落户 引入 报备 备案 统筹 完成 建造
""")
# Verbs after which nothing is a project (support, institutions, plans, soft goals); they are
# still verbs, so they end the object of the verb before them.
DEAD_TRIGGERS = _w("""
    建立 支持 保障 加大 开展 争取 申报 构建 形成 主要建设 成立 设立 组建 举办 办好 召开 培育
    发展 壮大 引导 鼓励 完善 健全 提高 优化 强化 加强 深化 创建 争创 编制 制定 提升 促进
    改善 研究 探索 落实 梳理 利用 依托 承办 办理 开设 推广 规范 整合 督促 指导 帮助 跟踪 调度
""")
TRIGGERS = BUILD_VERBS + DEAD_TRIGGERS
# Verbs that also occur inside names or words (生产新建项目, 综合提升改造, 资源化利用): a
# trigger only at a clause start or right after another trigger or an adverb.
WEAK_TRIGGERS = _w("""
    新建 改建 扩建 续建 迁建 重建 新增 运营 落地 投用 启用 储备 布局 统筹 保障 支持 完成 加大
    复工 通车 封顶 贯通 并网 达产 入统 进场 提速 营运 展开
    建立 申报 争取 开展 引入 落户 营运 举办 办好 召开 培育 发展 壮大 引导 鼓励 完善 健全 提高
    优化 强化 加强 深化 创建 争创 编制 制定 提升 促进 改善 研究 探索 落实 梳理 利用 依托 备案
    承办 办理 开设 推广 规范 整合 构建 形成 督促 指导 帮助 跟踪 调度
""")
# Triggers whose object is kept only if the item is strongly marked (an aim, not a work item).
AIM_TRIGGERS = _w("打造 布局 谋划 储备 统筹")
ADVERBS = _w("""
    重点 加快 积极 大力 全力 着力 有序 稳步 加速 全面 继续 持续 切实 高标准 高质量 高起点 基本
    率先 尽快 力争 确保 主动 同步 计划 拟 将 要 已 已经 先后 陆续 相继 集中 年内 全年 共 还 并
    正在 正 逐步 进一步 大幅度 强力 努力 深入 扎实 协调 同时 累计 了 顺利 成功 如期 按期 提前
    加紧 全速 重点抓好 全部 均 新 开工 正式 即将 年底前 年底 尽早 早日 全线 也 亦
""")
# Verbs that may follow a list and close it (…等项目建成投产, …博览园建设).
POST_VERBS = _w("""
    建设 建成 投产 开工 落地 签约 竣工 开通 运营 实施 投用 前期工作 达产 完工 通车 投运 复工
    开业 启用 入统 进场 提速 推进 落户 上马 加快 建成投产 开工建设 落地实施 落地建设 开通运营
    投入运营 投入使用 建成运营 试运行 并网 全部复工 开工入统 营运 建成通车 正式运营
    交付使用 主体完工 封顶 贯通 投产达效 顺利投产 达产达效 达效 建成投用 取得突破
    施工 加紧施工 开工仪式 投产仪式 竣工仪式 签约仪式 奠基仪式 举行开工仪式 举行投产仪式
    举行竣工仪式 举行签约仪式 举行奠基仪式 举行了开工仪式 举行了投产仪式 举行了竣工仪式
    举行了签约仪式 举行了奠基仪式 启动建设 启动实施 动工建设 全面开工 开工奠基 展开
""")

# Words (besides the verbs) that make a clause worth reading for project names.
ANCHOR_WORDS = _w("等 项目 工程 总投资 计划投资 占地 位于 现场 工地 包括 ： :")

# ---- projects: nouns ---------------------------------------------------------------------
# Head nouns: the last word of a facility or works name.
HEADS = _w("""
    项目 工程 基地 园 园区 产业园 生产线 库 管道 中心 装置 车间 城 电站 机组 厂 站 路 桥 隧道
    枢纽 公园 广场 医院 学校 大道 公路 铁路 专线 通道 快速路 机场 港 码头 大厦 酒店 馆 剧院
    设计院 研究院 福利院 养老院 大学 学院 中学 小学 幼儿园 总部 综合体 大厅 设施 线路 干渠 渠
    灌区 堤防 泵站 水厂 储备库 港口 口岸 林 景区 小区 校区 楼 塔 管网 管线 电厂 谷 设备 基站
    水库 大桥 高速 航线 堤 坝 闸 线 茂 工厂 物流园 产业园区 安置点 体育场 体育馆 农场 牧场 营地
    步道 绿道 湿地 集团总部 实验室 孵化器 矿 煤矿 矿井 油田 气田 风电场 光伏电站 储能电站
    变电站 输变电工程 电池 材料 组件 疫苗 院区 片区 街区 街 巷 处理场 填埋场 洗车场 停车场
    养殖场 屠宰场 渔场 货场 站场 球场 广场 会展中心 航站楼 客运站 货运站 物流港 陆港 空港
    保障房 公寓 住宅 社区中心 服务中心 产业基地 示范园 科技园 创业园 孵化园 景观 公园 段 延伸段
    东延段 西延段 南延段 北延段 立交 互通 新院区 地铁 轨道交通线 环线 厂房 标准化厂房 航道 船闸
    高铁 城际铁路 城际 高速铁路 客运专线 航运枢纽 水利枢纽 跨海通道 大桥 特大桥 通道 号线 管廊
    综合管廊 新院 新馆 分院 新校区 新址 作业区 航站区
""")
# Heads strong enough for a single object outside any explicit project list.
_WEAK_HEADS = set(
    _w("""
    路 线 街 巷 林 楼 塔 茂 谷 井 矿 设备 材料 组件 疫苗 电池 片区 街区 基站 湿地 设施 城 堤
    闸 港 馆 库 站 厂 管网 管线 景观 段 立交 互通 环线
""")
)
STRONG_HEADS = tuple(h for h in HEADS if h not in _WEAK_HEADS)
# Work nouns: an undertaking named by what is done to a place or plant.
WORKS = _w("""
    改造 提升 改扩建 扩建 新建 重建 搬迁 开发 修复 治理 整治 保护 修缮 加固 迁建 脱硫 脱硝 除尘
    升级 替代 综合利用 开发利用 资源化利用 处置 技改 改造提升 提标改造 扩能 建设 续建
    复垦 回填 绿化 恢复 加氢 生产 加工 制造 洗煤 扩容 增容 整体搬迁 异地重建 综合开发 扩大
    巩固 储备 研发 疏浚 提质 改线 贯通 扩产 技术改造 扩能改造
""")
# Suffixes that make a phrase an area or zone, not a project.
AREA_SUFFIXES = _w("""
    示范区 试验区 先行区 开发区 经济区 新区 高新区 保税区 商务区 购物区 集聚区 发展区 功能区
    核心区 片区 街区 商圈 新城 创新城 生态城 科学城 经济带 走廊 城市群 经济圈 生活圈 示范带
    城区 集中区 合作区 自贸区 综保区 园区 区 县 市 省 镇 乡
""")
# Areas that stay projects in a plain object (园区 is usually a park being built).
AREA_OK = _w("""
    园区 产业园区 物流园区 工业园区 科技园区 棚户区 校区 院区 景区 灌区 小区 安置区 矿区 作业区
    航站区
""")
# The noun a `A、B等…` tail ends in that rules the list out (zones, areas, kinds of things).
BAD_TAIL_ENDS = _w("""
    区 街区 商圈 片区 城市 集群 地区 城镇 县区 乡镇 领域 方面 环节 业态 场景 城市群 地 街 市场
    网点 样板 载体
""")
# Words anywhere in a short tail that rule the list out (not undertakings).
BAD_TAIL_WORDS = _w("""
    平台 系统 体系 企业 公司 产业 产品 行业 目标 活动 行动 计划 规划 机制 政策 单位 部门 机构
    院校 高校 品牌 赛事 节会 会展 展会 战略 要素 资源 技术 模式 市场主体 集团 银行 媒体 试点
    问题 任务 服务 设备 装备 材料 国家
""")
# Modifiers that add no identity: a name made only of these plus a head is generic.
GENERIC = _w("""
    特色 优势 现代 新型 重点 重大 大型 中型 小型 一批 专业化 特色化 标准化 智慧 智能 绿色 综合
    示范性 示范 省级 市级 县级 国家级 各类 各级 城市 农村 社区 街道 乡村 区域 高端 一流 先进
    传统 新兴 战略性 公共 基础 配套 相关 骨干 龙头 优质 精品 高效 生态 数字化 信息化 产业 工业
    农业 商业 现代化 多元 有关 其他 各 全市 全区 全县 全省 本地 主要 若干 部分 所有 更多 一些
    专业 便民 标准 产业化 技术 创新 技术创新 民生 惠民 民心 品牌 人才 素质 形象 安全 企业
    重点企业 节能 环保 清洁能源 燃煤锅炉 城乡 基层 城中村 棚户区 老旧小区 城区 立体空间 全
    新区 产业结构 结构 工业化 背街小巷 老旧 中小河流 病险水库
""")
# Facilities whose four-character names (东峡水库) are still names.
FACILITY_HEADS = _w("""
    水库 大桥 隧道 医院 公园 机场 水厂 电站 码头 车站 大道 学校 体育馆 博物馆 图书馆 剧院 广场 高铁
    通道 铁路 公路 港口 枢纽 电厂 中学 小学
""")
# Words that open a status aim or a scale claim rather than a named facility.
STATUS_PREFIXES = _w("""
    国家 全国 区域性 世界 一流 一批 一个 一座 一系列 各类 一些 若干 更多 国内 全球
""")
# Scope words that open an aim only after 打造/布局 (西部…中心); otherwise part of a name.
AIM_PREFIXES = _w("""
    国际 区域 省级 西部 西北 全省 中西部 东部 西南 东北 华北 华东 华南 华中 亚洲 全市 全区
""")
# Capacity units that make a figure part of a project's name (兰石化40万吨润滑油加氢).
CAPACITY_UNITS = _w("""
    吨 千瓦 兆瓦 MW mw GW gw kW KW 千伏 kV kv KV 立方米 立方 方 平方米 亩 辆 台 套 片 剂 罐 头 只
    件 瓦 吉瓦 千瓦时 度 米 公里 千米 床 张 羽 粒 支 条 吨/年 标方 Nm3 t m3 KA kA 户 座 平方公里
    公顷
""")
PLACE_SUFFIXES = _w(
    "省 市 县 区 镇 乡 村 山 河 湖 江 段 沟 湾 峡 路 街 巷 坪 川 滩 岭 塬 峪 口 洲 岛 庄 营"
)

# ---- mentions ----------------------------------------------------------------------------
# Government bodies: 市发改委, 省交通运输厅, XX区人民政府, XX管委会.
GOV_SUFFIXES = _w("""
    人民政府 政府 管委会 管理委员会 委员会 办公室 办公厅 领导小组 指挥部 局 委 办 厅 署 总局
    分局 党委 党工委 工委 常委会 法院 检察院 中心 督察室 督查室 研究室
""")
ENTERPRISE_SUFFIXES = _w("有限责任公司 股份有限公司 集团有限公司 有限公司 集团公司 集团 公司 股份")
AREA_MENTION_SUFFIXES = _w("""
    高新技术产业开发区 经济技术开发区 高新区 经济区 开发区 新区 园区 产业园 工业园 自贸区 综保区
    保税区 示范区 试验区 自治州 自治县 县 区 镇 乡 街道
""")
TIERS = _w("万亿级 五千亿级 三千亿级 千亿级 五百亿级 三百亿级 百亿级 五十亿级 十亿级")
INDUSTRY_WORDS = _w("""
    石油化工 石化 化工 新材料 材料 装备制造 装备 制造 电子信息 信息 大数据 数据 有色冶金 冶金
    建材 烟草 生物医药 医药 新能源 能源 节能环保 环保 轻工 食品 汽车 钢铁 纺织 服装 电力 航空
    航天 物流 文旅 旅游 农业 农产品 数字经济 软件 集成电路 半导体 光伏 氢能 储能 锂电 稀土
    煤化工 现代服务业 金融 商贸 会展 康养 健康 中医药 中药 种业 畜牧 乳业 果蔬 茶 酒 家居
""")
CHAIN_PHRASES = _w("""
    延链补链强链 强链补链延链 补链强链延链 延链强链补链 建链延链补链强链 延链补链 补链强链
    强链补链 延链强链 强链延链 补链延链 链长制 链主制
""")
