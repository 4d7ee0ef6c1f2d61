"""Demo task ledger: the decomposition of the demo plan into a section tree of tasks, with lead
and responsible units (written as plans write them: short names and aliases resolve to units),
deadlines, statuses and progress; and the phases of the plan.

Status codes: "D" done (100 %), "P<n>" in progress at n %, "B<n>" blocked at n %, "N" not started.

The sections live in a few modules by top-level section; SECTIONS joins them in plan order,
since the loader takes each task's order from its position.
"""

from __future__ import annotations

from typing import Any

from . import clusters, coordination, projects_parks, reform_review, shorthand

DOCUMENT: dict[str, Any] = {
    "title": "兰州市推进产业集群和重点项目建设实施方案重点任务分解清单",
    "doc_number": "兰推进办发〔2025〕2号",
    "issuer": "兰州市产业集群和重点项目建设推进工作领导小组办公室",
    "issued_on": "2025-02-20",
    "date_text": "2025年2月20日",
    "kind": "ledger",
    "text": (
        "本清单由领导小组办公室依据《兰州市推进产业集群和重点项目建设实施方案（2025—2027年）》"
        "分解形成，逐项明确牵头单位、责任单位和完成时限，作为月调度、季通报和年度考核的依据。"
    ),
}

STAGES: list[dict[str, Any]] = [
    {
        "name": "动员部署阶段",
        "start_date": "2025-01-01",
        "end_date": "2025-03-31",
        "description": "召开动员会议，分解任务清单，各牵头单位制定推进计划并确定联络员。",
    },
    {
        "name": "全面实施阶段",
        "start_date": "2025-04-01",
        "end_date": "2027-06-30",
        "description": "按年度计划推进集群培育和项目建设，实行月调度、季通报、半年报告。",
    },
    {
        "name": "总结评估阶段",
        "start_date": "2027-07-01",
        "end_date": "2027-12-31",
        "description": "各单位自查总结，领导小组组织评估考核，提出下一阶段工作建议。",
    },
]

SECTIONS: list[shorthand.Section] = [
    *coordination.SECTIONS,
    *clusters.SECTIONS,
    *projects_parks.SECTIONS,
    *reform_review.SECTIONS,
]
