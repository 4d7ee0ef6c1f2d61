"""Demo leadership group, its office and its five coordination groups, with memberships.

People are named by their post (市长, 市发展改革委主任, …) and liaisons by their unit: the
demo invents no one's name. Roles: leader 组长, deputy 副组长, member 成员, liaison 联络员.
Each member: (role, person, title, unit written as plans write it).
"""

from __future__ import annotations

from typing import Any

LEADING = "兰州市产业集群和重点项目建设推进工作领导小组"
OFFICE = "兰州市产业集群和重点项目建设推进工作领导小组办公室"

_HEADS = {
    "市发展改革委": "市发展改革委主任",
    "市工信局": "市工信局局长",
    "市科技局": "市科技局局长",
    "市财政局": "市财政局局长",
    "市自然资源局": "市自然资源局局长",
    "市生态环境局": "市生态环境局局长",
    "市住建局": "市住建局局长",
    "市商务局": "市商务局局长",
    "市投促局": "市投资促进局局长",
    "市农业农村局": "市农业农村局局长",
    "市林业局": "市林业局局长",
    "市水务局": "市水务局局长",
    "市营商局": "市营商环境建设局局长",
    "市金融局": "市地方金融监管局局长",
    "市统计局": "市统计局局长",
    "市政府办公室": "市政府秘书长",
    "兰州新区管委会": "兰州新区管委会主任",
    "高新区管委会": "兰州高新区管委会主任",
    "兰州经济区管委会": "兰州经济区管委会主任",
    "榆中生态创新城管委会": "榆中生态创新城管委会主任",
}


def _head(unit: str, role: str = "member") -> tuple[str, str, str, str]:
    post = _HEADS[unit]
    return (role, post, post, unit)


def _liaison(unit: str) -> tuple[str, str, str, str]:
    return ("liaison", f"{unit}联络员", "联络员", unit)


GROUPS: list[dict[str, Any]] = [
    {
        "name": LEADING,
        "kind": "leading",
        "parent": "",
        "lead_unit": "兰州市人民政府",
        "order": 0,
        "duties": (
            "统筹全市产业集群培育和重点项目建设，审定年度计划，研究解决跨区域、跨部门的"
            "重大问题，听取各推进组和成员单位工作汇报。"
        ),
        "members": [
            ("leader", "市长", "兰州市人民政府市长", "兰州市人民政府"),
            ("deputy", "市政府常务副市长", "常务副市长", "兰州市人民政府"),
            ("deputy", "分管工业和信息化工作的副市长", "副市长", "兰州市人民政府"),
            ("deputy", "分管城乡建设工作的副市长", "副市长", "兰州市人民政府"),
            _head("兰州新区管委会", "deputy"),
            _head("市发展改革委", "deputy"),
            _head("市政府办公室"),
            _head("市工信局"),
            _head("市科技局"),
            _head("市财政局"),
            _head("市自然资源局"),
            _head("市生态环境局"),
            _head("市住建局"),
            _head("市商务局"),
            _head("市投促局"),
            _head("市农业农村局"),
            _head("市统计局"),
            _head("高新区管委会"),
            _head("兰州经济区管委会"),
            _head("榆中生态创新城管委会"),
        ],
    },
    {
        "name": OFFICE,
        "kind": "office",
        "parent": LEADING,
        "lead_unit": "兰州市发展和改革委员会",
        "order": 1,
        "duties": (
            "办公室设在市发展改革委，承担领导小组日常工作：汇总进展、编发简报、"
            "组织调度和督查，起草考核方案。"
        ),
        "members": [
            _head("市发展改革委", "leader"),
            ("deputy", "市发展改革委分管副主任", "副主任", "市发展改革委"),
            ("deputy", "市工信局分管副局长", "副局长", "市工信局"),
            ("member", "市发展改革委重点项目科科长", "科长", "市发展改革委"),
            ("member", "市政府督查室主任", "主任", "市政府督查室"),
            _liaison("市发展改革委"),
            _liaison("市工信局"),
            _liaison("兰州新区管委会"),
        ],
    },
    {
        "name": "支柱产业培育发展协调推进组",
        "kind": "coordination",
        "parent": LEADING,
        "lead_unit": "兰州市发展和改革委员会",
        "order": 2,
        "duties": (
            "推动四个千亿级和八个百亿级集群建链强链，协调链主企业重大项目，跟踪集群产值目标。"
        ),
        "members": [
            ("leader", "分管工业和信息化工作的副市长", "副市长", "兰州市人民政府"),
            _head("市发展改革委", "deputy"),
            _head("市工信局", "deputy"),
            _head("市科技局"),
            _head("市财政局"),
            _head("市商务局"),
            _head("市投促局"),
            _head("兰州新区管委会"),
            _liaison("市发展改革委"),
            _liaison("市工信局"),
        ],
    },
    {
        "name": "园区发展体系建设协调推进组",
        "kind": "coordination",
        "parent": LEADING,
        "lead_unit": "兰州市发展和改革委员会",
        "order": 3,
        "duties": "统筹新区、高新区、经济区和县区园区规划建设，推进出城入园和扩区调位。",
        "members": [
            ("leader", "市政府常务副市长", "常务副市长", "兰州市人民政府"),
            _head("兰州新区管委会", "deputy"),
            _head("高新区管委会", "deputy"),
            _head("兰州经济区管委会"),
            _head("市自然资源局"),
            _head("市工信局"),
            _liaison("兰州新区管委会"),
            _liaison("高新区管委会"),
        ],
    },
    {
        "name": "城市功能完善提升协调推进组",
        "kind": "coordination",
        "parent": LEADING,
        "lead_unit": "兰州市人民政府办公室",
        "order": 4,
        "duties": "推进“一心两翼多点”城市功能建设，协调交通、市政和公共服务重大项目。",
        "members": [
            ("leader", "分管城乡建设工作的副市长", "副市长", "兰州市人民政府"),
            _head("市政府办公室", "deputy"),
            _head("市住建局"),
            _head("市自然资源局"),
            _head("榆中生态创新城管委会"),
            _head("市商务局"),
            _liaison("市住建局"),
        ],
    },
    {
        "name": "生态环境建设保护协调推进组",
        "kind": "coordination",
        "parent": LEADING,
        "lead_unit": "兰州市林业局",
        "order": 5,
        "duties": "协调黄河流域生态保护、南北两山绿化和工业污染治理，把关项目环境准入。",
        "members": [
            ("leader", "分管农业农村工作的副市长", "副市长", "兰州市人民政府"),
            _head("市林业局", "deputy"),
            _head("市生态环境局", "deputy"),
            _head("市水务局"),
            _head("市农业农村局"),
            _liaison("市林业局"),
        ],
    },
    {
        "name": "体制机制改革创新协调推进组",
        "kind": "coordination",
        "parent": LEADING,
        "lead_unit": "兰州市人民政府办公室",
        "order": 6,
        "duties": "推进审批制度、投融资和园区管理体制改革，优化营商环境，保障项目要素。",
        "members": [
            ("leader", "市政府常务副市长", "常务副市长", "兰州市人民政府"),
            _head("市政府办公室", "deputy"),
            _head("市营商局"),
            _head("市金融局"),
            _head("市财政局"),
            _head("市发展改革委"),
            _liaison("市营商局"),
        ],
    },
]
