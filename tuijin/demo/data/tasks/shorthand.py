"""Unit names as the task rows write them (short names and aliases, resolved to units on
load), and the shape of a top-level section, shared by the section modules."""

from __future__ import annotations

from typing import Any

XQ, GX, JJ = "兰州新区管委会", "高新区管委会", "兰州经济区管委会"
FGW, GXJ, KJJ, CZJ = "市发展改革委", "市工信局", "市科技局", "市财政局"
ZRZY, STHJ, ZJJ, SWJ, TCJ = "市自然资源局", "市生态环境局", "市住建局", "市商务局", "市投促局"
NYNC, WLJ, WJW, YJJ, SJJ = "市农业农村局", "市文旅局", "市卫生健康委", "市应急局", "市数据局"

# (label, title, [(label, title, [(title, text, leads, responsibles, deadline, status)])])
Section = tuple[str, str, list[tuple[str, str, list[tuple[Any, ...]]]]]
