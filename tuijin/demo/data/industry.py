"""Demo industry: four 千亿级 and eight 百亿级 clusters, their chains (links ordered upstream →
downstream, each with a 延链/补链/强链 action) and the enterprises on them, chain leaders first.

Outputs are sample figures in 亿元; descriptions are written for the demo.
"""

from __future__ import annotations

from typing import Any

TARGET_YEAR = 2027

CLUSTERS: list[dict[str, Any]] = [
    # 四个千亿级
    {
        "name": "先进石化产业集群",
        "tier": "1000",
        "target_output": "1500",
        "current_output": "1120",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["西固区", "兰州新区", "兰州新区绿色化工园区", "西固石化产业园"],
        "description": (
            "以炼化一体化为龙头，向合成材料、精细化工和电子化学品延伸，"
            "推动西固老基地提质与新区化工园区扩能两头并进。"
        ),
    },
    {
        "name": "装备制造产业集群",
        "tier": "1000",
        "target_output": "1000",
        "current_output": "610",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["兰州新区", "兰州新区秦川园区", "兰州经济技术开发区", "安宁区"],
        "description": (
            "以石化装备、新能源装备和电机为主干，补齐关键零部件配套，"
            "推动骨干企业数字化车间建设和节能改造。"
        ),
    },
    {
        "name": "生物医药产业集群",
        "tier": "1000",
        "target_output": "1000",
        "current_output": "420",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["城关区", "兰州新区", "兰州经济区和平园区", "兰州高新技术产业开发区"],
        "description": (
            "疫苗和血液制品、现代中药、化学原料药三条主线并进，"
            "建设研发、中试、生产和流通一体的医药产业体系。"
        ),
    },
    {
        "name": "绿色冶金产业集群",
        "tier": "1000",
        "target_output": "1000",
        "current_output": "700",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["兰州新区", "红古区", "兰州连海经济开发区", "永登县"],
        "description": (
            "以电解铝为基础发展高精度铝箔、铝合金锭和易拉罐料，推动冶金企业清洁生产和余热余能利用。"
        ),
    },
    # 八个百亿级
    {
        "name": "航空航天产业集群",
        "tier": "100",
        "target_output": "200",
        "current_output": "95",
        "lead_unit": "兰州高新技术产业开发区管理委员会",
        "areas": ["兰州高新技术产业开发区", "兰州高新区榆中园区"],
        "description": "发展空间电推进、真空装备和航天器部组件，推动军民两用技术就地转化。",
    },
    {
        "name": "新材料产业集群",
        "tier": "100",
        "target_output": "500",
        "current_output": "260",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["兰州新区", "红古区", "兰州连海经济开发区"],
        "description": "以电解铜箔、特种石墨和锂电负极材料为重点，形成新能源材料配套能力。",
    },
    {
        "name": "新能源产业集群",
        "tier": "100",
        "target_output": "300",
        "current_output": "150",
        "lead_unit": "兰州市发展和改革委员会",
        "areas": ["兰州新区", "永登县", "皋兰县"],
        "description": "风光电规模开发与储能、氢能装备制造结合，建设源网荷储一体化示范。",
    },
    {
        "name": "核燃料产业集群",
        "tier": "100",
        "target_output": "150",
        "current_output": "80",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["兰州新区"],
        "description": "依托核燃料骨干企业，发展铀浓缩配套、核级石墨构件和同位素应用。",
    },
    {
        "name": "新型建材产业集群",
        "tier": "100",
        "target_output": "200",
        "current_output": "110",
        "lead_unit": "兰州市住房和城乡建设局",
        "areas": ["永登县", "皋兰县", "兰州新区"],
        "description": "推广装配式建筑部品、节能玻璃和绿色水泥，带动建筑业工业化。",
    },
    {
        "name": "节能环保产业集群",
        "tier": "100",
        "target_output": "150",
        "current_output": "70",
        "lead_unit": "兰州市生态环境局",
        "areas": ["永登县", "红古区", "七里河区"],
        "description": "以工业固废、餐厨垃圾和危废处置为切入点，发展资源再生和环保装备。",
    },
    {
        "name": "食品加工产业集群",
        "tier": "100",
        "target_output": "300",
        "current_output": "180",
        "lead_unit": "兰州市农业农村局",
        "areas": ["兰州新区", "榆中县", "皋兰县"],
        "description": "粮油加工、牛肉面预制品和高原夏菜精深加工并举，建设冷链集配体系。",
    },
    {
        "name": "烟草制品产业集群",
        "tier": "100",
        "target_output": "260",
        "current_output": "230",
        "lead_unit": "兰州市工业和信息化局",
        "areas": ["城关区"],
        "description": "以产品结构调整和专用生产线改造为方向，巩固卷烟制造对财政的贡献。",
    },
]

# Links: (name, position, action) in order upstream → downstream.
CHAINS: list[dict[str, Any]] = [
    {
        "name": "炼化一体化产业链",
        "cluster": "先进石化产业集群",
        "description": "原油加工到基础化工原料，再到合成树脂和合成橡胶。",
        "links": [
            ("原油加工", "upstream", "strengthen"),
            ("乙烯及基础化工原料", "upstream", "strengthen"),
            ("合成树脂", "midstream", "extend"),
            ("合成橡胶", "midstream", "extend"),
            ("润滑油及特种油品", "downstream", "fill"),
        ],
    },
    {
        "name": "精细化工产业链",
        "cluster": "先进石化产业集群",
        "description": "园区化发展医药中间体、农药和电子化学品。",
        "links": [
            ("基础化工中间体", "upstream", "fill"),
            ("医药及农药中间体", "midstream", "strengthen"),
            ("电子化学品", "midstream", "fill"),
            ("可降解材料", "downstream", "extend"),
        ],
    },
    {
        "name": "石化装备产业链",
        "cluster": "装备制造产业集群",
        "description": "从铸锻件到炼化成套装备，再到氢能储运装备。",
        "links": [
            ("大型铸锻件", "upstream", "fill"),
            ("高端压力容器", "midstream", "strengthen"),
            ("炼化成套装备", "midstream", "strengthen"),
            ("氢能储运装备", "downstream", "extend"),
        ],
    },
    {
        "name": "电机及新能源装备产业链",
        "cluster": "装备制造产业集群",
        "description": "电工材料、电机本体到风电和储能系统集成。",
        "links": [
            ("电工钢及绝缘材料", "upstream", "fill"),
            ("大中型电机", "midstream", "strengthen"),
            ("风力发电机组部件", "midstream", "extend"),
            ("新能源汽车及零部件", "downstream", "extend"),
        ],
    },
    {
        "name": "疫苗及生物制品产业链",
        "cluster": "生物医药产业集群",
        "description": "培养基和原辅料、疫苗研发生产到冷链配送。",
        "links": [
            ("细胞培养基及原辅料", "upstream", "fill"),
            ("疫苗研发", "midstream", "strengthen"),
            ("疫苗生产", "midstream", "strengthen"),
            ("医药冷链配送", "downstream", "extend"),
        ],
    },
    {
        "name": "现代中药产业链",
        "cluster": "生物医药产业集群",
        "description": "道地药材种植、饮片提取、中成药制造到大健康产品。",
        "links": [
            ("道地药材种植", "upstream", "fill"),
            ("中药饮片及提取", "midstream", "strengthen"),
            ("中成药制造", "midstream", "strengthen"),
            ("中医药大健康产品", "downstream", "extend"),
        ],
    },
    {
        "name": "铝及铝加工产业链",
        "cluster": "绿色冶金产业集群",
        "description": "煤电铝一体化基础上的板带箔和型材深加工。",
        "links": [
            ("电解铝", "upstream", "strengthen"),
            ("铝合金锭", "midstream", "extend"),
            ("高精度铝箔", "midstream", "extend"),
            ("铝制包装及型材", "downstream", "fill"),
        ],
    },
    {
        "name": "炭素及负极材料产业链",
        "cluster": "新材料产业集群",
        "description": "针状焦原料、石墨电极到核石墨和锂电负极。",
        "links": [
            ("针状焦及煅后焦", "upstream", "fill"),
            ("石墨电极", "midstream", "strengthen"),
            ("核石墨及特种石墨", "midstream", "extend"),
            ("锂电负极材料", "downstream", "extend"),
        ],
    },
    {
        "name": "铜箔及电子材料产业链",
        "cluster": "新材料产业集群",
        "description": "电解铜箔为核心，向覆铜板和电池集流体延伸。",
        "links": [
            ("阴极铜及铜线", "upstream", "fill"),
            ("电解铜箔", "midstream", "strengthen"),
            ("覆铜板及电池集流体", "downstream", "extend"),
        ],
    },
    {
        "name": "风光储氢产业链",
        "cluster": "新能源产业集群",
        "description": "风光资源开发、储能和绿氢制取应用。",
        "links": [
            ("风电光伏开发", "upstream", "strengthen"),
            ("储能系统", "midstream", "fill"),
            ("绿氢制取", "midstream", "fill"),
            ("氢能应用", "downstream", "extend"),
        ],
    },
    {
        "name": "空间电推进及真空装备产业链",
        "cluster": "航空航天产业集群",
        "description": "真空获得与测量、电推进系统到航天器部组件。",
        "links": [
            ("真空获得与测量器件", "upstream", "strengthen"),
            ("空间电推进系统", "midstream", "strengthen"),
            ("航天器部组件", "downstream", "extend"),
        ],
    },
    {
        "name": "装配式建筑产业链",
        "cluster": "新型建材产业集群",
        "description": "绿色水泥、节能玻璃到装配式部品部件。",
        "links": [
            ("绿色水泥", "upstream", "strengthen"),
            ("节能玻璃", "midstream", "fill"),
            ("装配式部品部件", "downstream", "extend"),
        ],
    },
    {
        "name": "粮油及预制食品产业链",
        "cluster": "食品加工产业集群",
        "description": "粮油和蔬菜原料、加工到冷链预制食品。",
        "links": [
            ("粮油及蔬菜原料", "upstream", "fill"),
            ("粮油精深加工", "midstream", "strengthen"),
            ("冷链预制食品", "downstream", "extend"),
        ],
    },
]

# Enterprises: unit is the Unit.name when the enterprise also reports as a unit.
# links: list of (chain, link).
ENTERPRISES: list[dict[str, Any]] = [
    {
        "name": "中国石油天然气股份有限公司兰州石化分公司",
        "unit": "中国石油天然气股份有限公司兰州石化分公司",
        "area": "西固区",
        "cluster": "先进石化产业集群",
        "chain_leader": True,
        "links": [
            ("炼化一体化产业链", "原油加工"),
            ("炼化一体化产业链", "乙烯及基础化工原料"),
            ("炼化一体化产业链", "合成橡胶"),
        ],
        "description": "炼化一体化骨干企业，合成树脂和合成橡胶的主要生产基地。",
    },
    {
        "name": "兰州新区石化产业投资集团有限公司",
        "unit": "兰州新区石化产业投资集团有限公司",
        "area": "兰州新区绿色化工园区",
        "cluster": "先进石化产业集群",
        "chain_leader": True,
        "links": [("精细化工产业链", "基础化工中间体"), ("精细化工产业链", "医药及农药中间体")],
        "description": "新区化工园区的开发运营主体，负责公用工程和招商配套。",
    },
    {
        "name": "兰州兰石集团有限公司",
        "unit": "兰州兰石集团有限公司",
        "area": "兰州新区",
        "cluster": "装备制造产业集群",
        "chain_leader": True,
        "links": [
            ("石化装备产业链", "大型铸锻件"),
            ("石化装备产业链", "高端压力容器"),
            ("石化装备产业链", "炼化成套装备"),
            ("石化装备产业链", "氢能储运装备"),
        ],
        "description": "石油钻采、炼化装备和换热设备的研发制造企业。",
    },
    {
        "name": "兰州电机股份有限公司",
        "unit": "",
        "area": "兰州经济技术开发区",
        "cluster": "装备制造产业集群",
        "chain_leader": True,
        "links": [
            ("电机及新能源装备产业链", "大中型电机"),
            ("电机及新能源装备产业链", "风力发电机组部件"),
        ],
        "description": "大中型交直流电机和风力发电机制造企业。",
    },
    {
        "name": "兰州知豆新能源汽车有限公司",
        "unit": "",
        "area": "兰州新区秦川园区",
        "cluster": "装备制造产业集群",
        "chain_leader": False,
        "links": [("电机及新能源装备产业链", "新能源汽车及零部件")],
        "description": "新区的小型电动汽车整车企业。",
    },
    {
        "name": "兰州生物制品研究所有限责任公司",
        "unit": "兰州生物制品研究所有限责任公司",
        "area": "城关区",
        "cluster": "生物医药产业集群",
        "chain_leader": True,
        "links": [("疫苗及生物制品产业链", "疫苗研发"), ("疫苗及生物制品产业链", "疫苗生产")],
        "description": "人用疫苗和血液制品研发生产企业。",
    },
    {
        "name": "兰州佛慈制药股份有限公司",
        "unit": "",
        "area": "兰州经济区和平园区",
        "cluster": "生物医药产业集群",
        "chain_leader": True,
        "links": [("现代中药产业链", "中药饮片及提取"), ("现代中药产业链", "中成药制造")],
        "description": "以浓缩丸为特色的中成药生产企业。",
    },
    {
        "name": "中国铝业股份有限公司兰州分公司",
        "unit": "中国铝业股份有限公司兰州分公司",
        "area": "兰州连海经济开发区",
        "cluster": "绿色冶金产业集群",
        "chain_leader": True,
        "links": [("铝及铝加工产业链", "电解铝"), ("铝及铝加工产业链", "铝合金锭")],
        "description": "电解铝和铝合金产品生产企业。",
    },
    {
        "name": "兰州新区铝业有限公司",
        "unit": "",
        "area": "兰州新区",
        "cluster": "绿色冶金产业集群",
        "chain_leader": False,
        "links": [("铝及铝加工产业链", "高精度铝箔")],
        "description": "高精度铝箔和铝板带加工企业（示例）。",
    },
    {
        "name": "方大炭素新材料科技股份有限公司",
        "unit": "方大炭素新材料科技股份有限公司",
        "area": "红古区",
        "cluster": "新材料产业集群",
        "chain_leader": True,
        "links": [
            ("炭素及负极材料产业链", "石墨电极"),
            ("炭素及负极材料产业链", "核石墨及特种石墨"),
        ],
        "description": "石墨电极和特种炭素制品生产企业。",
    },
    {
        "name": "兰州宝航新能源材料有限公司",
        "unit": "",
        "area": "兰州新区",
        "cluster": "新材料产业集群",
        "chain_leader": False,
        "links": [("炭素及负极材料产业链", "锂电负极材料")],
        "description": "锂电池负极材料石墨化加工企业。",
    },
    {
        "name": "甘肃德福新材料有限公司",
        "unit": "甘肃德福新材料有限公司",
        "area": "兰州新区",
        "cluster": "新材料产业集群",
        "chain_leader": True,
        "links": [("铜箔及电子材料产业链", "电解铜箔")],
        "description": "高档电解铜箔生产企业，产品用于动力电池和电子电路。",
    },
    {
        "name": "甘肃海亮新能源材料有限公司",
        "unit": "",
        "area": "兰州新区",
        "cluster": "新材料产业集群",
        "chain_leader": False,
        "links": [("铜箔及电子材料产业链", "电解铜箔")],
        "description": "锂电铜箔生产企业。",
    },
    {
        "name": "兰州空间技术物理研究所",
        "unit": "",
        "area": "兰州高新技术产业开发区",
        "cluster": "航空航天产业集群",
        "chain_leader": True,
        "links": [
            ("空间电推进及真空装备产业链", "真空获得与测量器件"),
            ("空间电推进及真空装备产业链", "空间电推进系统"),
        ],
        "description": "真空技术和空间电推进领域的科研生产单位。",
    },
    {
        "name": "中核兰州铀浓缩有限公司",
        "unit": "",
        "area": "兰州新区",
        "cluster": "核燃料产业集群",
        "chain_leader": True,
        "links": [],
        "description": "铀浓缩生产企业（示例）。",
    },
    {
        "name": "甘肃建投绿色建材有限公司",
        "unit": "",
        "area": "皋兰三川口工业园区",
        "cluster": "新型建材产业集群",
        "chain_leader": True,
        "links": [("装配式建筑产业链", "装配式部品部件")],
        "description": "装配式建筑部品部件生产企业（示例）。",
    },
    {
        "name": "永登永固绿能环保有限公司",
        "unit": "",
        "area": "永登县新型建材产业园",
        "cluster": "节能环保产业集群",
        "chain_leader": False,
        "links": [("装配式建筑产业链", "绿色水泥")],
        "description": "水泥窑协同处置固体废物企业（示例）。",
    },
    {
        "name": "益海嘉里（兰州）粮油工业有限公司",
        "unit": "",
        "area": "兰州新区",
        "cluster": "食品加工产业集群",
        "chain_leader": True,
        "links": [("粮油及预制食品产业链", "粮油精深加工")],
        "description": "小麦粉、食用油和挂面加工企业。",
    },
    {
        "name": "兰州卷烟厂",
        "unit": "",
        "area": "城关区",
        "cluster": "烟草制品产业集群",
        "chain_leader": True,
        "links": [],
        "description": "卷烟生产企业。",
    },
    {
        "name": "甘肃兰州新区新能源投资有限公司",
        "unit": "",
        "area": "兰州新区",
        "cluster": "新能源产业集群",
        "chain_leader": True,
        "links": [("风光储氢产业链", "绿氢制取"), ("风光储氢产业链", "氢能应用")],
        "description": "新区新能源开发和氢能示范的投资平台（示例）。",
    },
]
