"""Demo areas: the city, its districts and counties, the national and provincial zones and
several parks, placed in the 一心两翼多点 layout (core / wing / point).

Areas (km²) are rounded sample figures. Positioning texts are written for the demo.
"""

from __future__ import annotations

from typing import Any

AREAS: list[dict[str, Any]] = [
    {
        "name": "兰州市",
        "short": "兰州",
        "kind": "city",
        "parent": "",
        "layout_role": "",
        "managing_unit": "兰州市人民政府",
        "land_area_km2": "13085.60",
        "positioning": (
            "省会城市。以“一心两翼多点”统筹城市空间，以四个千亿级、八个百亿级产业集群"
            "支撑工业体系，建设西部重要的先进制造基地和区域物流枢纽。"
        ),
    },
    # 一心：主城四区
    {
        "name": "城关区",
        "kind": "district",
        "parent": "兰州市",
        "layout_role": "core",
        "managing_unit": "城关区人民政府",
        "land_area_km2": "220.00",
        "positioning": (
            "主城核心区。承载商贸金融、总部经济和文化旅游消费，发展生物医药研发、"
            "信创和创意设计，带动黄河两岸品质提升。"
        ),
    },
    {
        "name": "七里河区",
        "kind": "district",
        "parent": "兰州市",
        "layout_role": "core",
        "managing_unit": "七里河区人民政府",
        "land_area_km2": "397.00",
        "positioning": (
            "西站和马滩片区为主的城市副中心商圈，发展现代商贸、文博旅游和城市更新，"
            "配套国际港务区的物流服务。"
        ),
    },
    {
        "name": "西固区",
        "kind": "district",
        "parent": "兰州市",
        "layout_role": "core",
        "managing_unit": "西固区人民政府",
        "land_area_km2": "385.00",
        "positioning": (
            "老工业基地的转型样板。依托炼化一体化基础发展高端合成材料和精细化工，"
            "推进产城融合与老旧厂区更新。"
        ),
    },
    {
        "name": "安宁区",
        "kind": "district",
        "parent": "兰州市",
        "layout_role": "core",
        "managing_unit": "安宁区人民政府",
        "land_area_km2": "86.00",
        "positioning": (
            "高校和科研院所集中的科教城区，建设科技成果转化和现代服务业集聚区，"
            "发展研发设计、检验检测和数字服务。"
        ),
    },
    # 两翼
    {
        "name": "兰州新区",
        "kind": "national_zone",
        "parent": "兰州市",
        "layout_role": "wing",
        "managing_unit": "兰州新区管理委员会",
        "land_area_km2": "1744.00",
        "positioning": (
            "国家级新区，北翼。以经济新区、产业新区、制造新区为方向，集中布局绿色化工、"
            "新材料、装备制造、生物医药和数据信息产业，是全市工业增量的主要承载地。"
        ),
    },
    {
        "name": "榆中生态创新城",
        "short": "生态创新城",
        "kind": "provincial_zone",
        "parent": "榆中县",
        "layout_role": "wing",
        "managing_unit": "榆中生态创新城管理委员会",
        "land_area_km2": "162.00",
        "positioning": (
            "东翼和城市副中心。以高校院所为依托建设科教创新平台，发展知识产权转化、"
            "智慧城市和绿色低碳产业，形成主城向东疏解的新空间。"
        ),
    },
    # 多点：外围区县
    {
        "name": "红古区",
        "kind": "district",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "红古区人民政府",
        "land_area_km2": "575.00",
        "positioning": (
            "兰西城市群节点。以炭素新材料和有色金属深加工为主业，建设工业固废和"
            "再生资源循环利用基地。"
        ),
    },
    {
        "name": "永登县",
        "kind": "county",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "永登县人民政府",
        "land_area_km2": "6090.00",
        "positioning": (
            "生态保护和绿色发展先行区。发展风光电新能源、新型建材和特色农产品加工，"
            "守护大通河、庄浪河流域生态。"
        ),
    },
    {
        "name": "皋兰县",
        "kind": "county",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "皋兰县人民政府",
        "land_area_km2": "2474.00",
        "positioning": (
            "连接主城与兰州新区的商贸物流节点，建设近郊生态休闲基地，发展仓储分拨、"
            "光储一体化和生物科技产业。"
        ),
    },
    {
        "name": "榆中县",
        "kind": "county",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "榆中县人民政府",
        "land_area_km2": "3301.00",
        "positioning": (
            "高原夏菜和都市现代农业主产区，发展冷链物流、中医药大健康和全域旅游，"
            "为生态创新城提供腹地支撑。"
        ),
    },
    # 国家级开发区
    {
        "name": "兰州高新技术产业开发区",
        "short": "兰州高新区",
        "kind": "national_zone",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "兰州高新技术产业开发区管理委员会",
        "land_area_km2": "119.00",
        "positioning": (
            "科技创新策源地。集聚航空航天、真空装备、生物医药和软件信息企业，"
            "以“一区多园”方式带动成果转化和孵化。"
        ),
    },
    {
        "name": "兰州经济技术开发区",
        "short": "兰州经济区",
        "kind": "national_zone",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "兰州经济技术开发区管理委员会",
        "land_area_km2": "95.00",
        "positioning": (
            "先进制造和现代医药集聚区。承接主城企业出城入园，发展电机装备、中药现代化"
            "和精密制造，完善多园区协同机制。"
        ),
    },
    # 省级开发区和园区
    {
        "name": "兰州国际港务区",
        "short": "港务区",
        "kind": "provincial_zone",
        "parent": "兰州市",
        "layout_role": "point",
        "managing_unit": "兰州国际港务区管理委员会",
        "land_area_km2": "30.00",
        "positioning": (
            "陆港型国家物流枢纽的核心片区，建设铁路集装箱中心站、多式联运和跨境贸易平台，"
            "发展智能仓储与供应链服务。"
        ),
    },
    {
        "name": "兰州连海经济开发区",
        "short": "连海开发区",
        "kind": "provincial_zone",
        "parent": "红古区",
        "layout_role": "point",
        "managing_unit": "兰州连海经济开发区管理委员会",
        "land_area_km2": "48.00",
        "positioning": "煤电铝和炭素一体化园区，重点发展铝材深加工、特种石墨和负极材料。",
    },
    {
        "name": "皋兰三川口工业园区",
        "short": "三川口园区",
        "kind": "provincial_zone",
        "parent": "皋兰县",
        "layout_role": "point",
        "managing_unit": "皋兰县人民政府",
        "land_area_km2": "20.00",
        "positioning": "承接主城区制造企业转移，发展装配式建筑部品、机械加工和生物科技。",
    },
    {
        "name": "兰州新区绿色化工园区",
        "short": "新区化工园区",
        "kind": "park",
        "parent": "兰州新区",
        "layout_role": "",
        "managing_unit": "兰州新区绿色化工园区管理办公室",
        "land_area_km2": "41.00",
        "positioning": (
            "专业化工园区。布局高端医药中间体、高效农药、化工新材料和电子化学品，"
            "实行封闭化管理和智慧化安全监管。"
        ),
    },
    {
        "name": "兰州新区综合保税区",
        "short": "新区综保区",
        "kind": "park",
        "parent": "兰州新区",
        "layout_role": "",
        "managing_unit": "兰州新区管理委员会",
        "land_area_km2": "2.85",
        "positioning": "保税加工、保税物流和跨境电商的开放平台，服务向西开放和中欧班列。",
    },
    {
        "name": "兰州新区秦川园区",
        "short": "秦川园区",
        "kind": "park",
        "parent": "兰州新区",
        "layout_role": "",
        "managing_unit": "兰州新区管理委员会",
        "land_area_km2": "25.00",
        "positioning": "先进装备制造和新能源汽车零部件园区，承接主城装备企业整体搬迁。",
    },
    {
        "name": "兰州高新区雁滩园区",
        "short": "雁滩园区",
        "kind": "park",
        "parent": "兰州高新技术产业开发区",
        "layout_role": "",
        "managing_unit": "兰州高新技术产业开发区管理委员会",
        "positioning": "高新区的孵化和总部园区，集中软件信息、检验检测和科技服务机构。",
    },
    {
        "name": "兰州高新区榆中园区",
        "short": "高新区榆中园区",
        "kind": "park",
        "parent": "兰州高新技术产业开发区",
        "layout_role": "",
        "managing_unit": "兰州高新技术产业开发区管理委员会",
        "positioning": "高新区东部的产业化基地，承接真空装备、航天器部组件和医疗器械生产。",
    },
    {
        "name": "兰州经济区和平园区",
        "short": "和平园区",
        "kind": "park",
        "parent": "兰州经济技术开发区",
        "layout_role": "",
        "managing_unit": "兰州经济技术开发区管理委员会",
        "positioning": "现代中药和医药物流园区，建设中药饮片、提取和智能制剂生产线。",
    },
    {
        "name": "西固石化产业园",
        "kind": "park",
        "parent": "西固区",
        "layout_role": "",
        "managing_unit": "西固区人民政府",
        "positioning": "炼化一体化配套园区，发展合成橡胶、润滑油和碳五碳九综合利用。",
    },
    {
        "name": "永登县新型建材产业园",
        "kind": "park",
        "parent": "永登县",
        "layout_role": "",
        "managing_unit": "永登县人民政府",
        "positioning": "水泥、节能玻璃和固废协同处置集中区，推动建材产业绿色化改造。",
    },
    {
        "name": "榆中县高原夏菜产业园",
        "kind": "park",
        "parent": "榆中县",
        "layout_role": "",
        "managing_unit": "榆中县人民政府",
        "positioning": "高原夏菜标准化种植、产地初加工和冷链集配园区。",
    },
]
