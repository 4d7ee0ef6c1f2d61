"""The `_p` row builder and the role titles the project rows name as responsible leader
(posts, not people); shared by the row modules so each row stays one call."""

from __future__ import annotations

from typing import Any

# Role titles used as the responsible leader.
MAYOR_EXEC = "市政府常务副市长"
VM_INDUSTRY = "分管工业和信息化工作的副市长"
VM_URBAN = "分管城乡建设工作的副市长"
VM_AGRI = "分管农业农村工作的副市长"
VM_TRADE = "分管商务和开放工作的副市长"
XINQU = "兰州新区管委会主任"


def _p(
    name: str,
    stage: str,
    total: str,
    years: tuple[int, int],
    area: str,
    cluster: str,
    link: tuple[str, str] | None,
    enterprise: str,
    lead: str,
    responsible: list[str],
    leader: str,
    content: str,
    progress: str = "",
    problems: str = "",
    pace: float = 1.0,
) -> dict[str, Any]:
    lists = {
        "reserve": "reserve",
        "preparing": "preparation",
        "signed": "preparation",
        "new": "construction",
        "continuing": "construction",
        "completed": "construction",
    }
    return {
        "name": name,
        "stage": stage,
        "list": lists[stage],
        "total_investment": total,
        "start_year": years[0],
        "end_year": years[1],
        "area": area,
        "cluster": cluster,
        "chain_link": link,
        "enterprise": enterprise,
        "lead_unit": lead,
        "responsible_units": responsible,
        "responsible_leader": leader,
        "content": content,
        "progress_note": progress,
        "problems": problems,
        "pace": pace,
    }
