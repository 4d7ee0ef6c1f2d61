"""Kind (target / actual / spec), tier and year of one figure.

spec: the size of a named thing: a capacity or area right before the thing's name
(`40万吨润滑油加氢`, `2020亩国家储备林`), an annual capacity (`年产150万吨`), a size threshold
(`投资过20亿元的重大项目`, `20吨以下燃煤锅炉`), a project's own total investment, or the scope of an
item in a list of projects (`五泉山等7座公园改造提升…等项目建设`).
target / actual: the tier words (目标值 …) give target; otherwise the nearest tense marker in
the sentence (将 力争 到2025年 → target; 已 累计 以来 目前 → actual), then the sentence's year
against the document's, then the genre of the section (plan → target, review → actual).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from tuijin.ingest.figures.context import YEAR_RE, DocContext, Genre, markers
from tuijin.ingest.figures.scan import NOT_NOUN_CHARS, NOUN_STOP, RawFigure
from tuijin.ingest.result import QuantityKind, Tier
from tuijin.ingest.units import category, has_magnitude

_PHYSICAL: Final = frozenset(
    ["mass", "volume", "area", "length", "power", "energy", "voltage", "current",
     "apparent_power", "data", "container"]
)  # fmt: skip
_NOT_NOUN: Final = frozenset(NOT_NOUN_CHARS)
_PROJECT_NOUN: Final = re.compile(
    r"项目|工程|生产线|车间|装置|基地|工厂|电站|机组|库|园|线|厂|站|中心|新城|产业城|管道|码头|矿"
    r"|场|港|桥|隧道|枢纽|机场|锅炉|电解槽|窑"
)
_NOUN_RUN: Final = re.compile(rf"[^{NOUN_STOP}]{{1,24}}")
_THRESHOLD_AFTER: Final = re.compile(r"(?:及)?(?:以上|以下)")
_THRESHOLD_GAP: Final = re.compile(r"(?:及)?(?:以上|以下)?的?")
_ENDS_PROJECT: Final = re.compile(r"(?:项目|工程)(?:建设)?$")
_BASELINE_BEFORE: Final = re.compile(r"(?:比|较|与|同|于)[ ]?$")
_CAPACITY_IN_CLAUSE: Final = re.compile(
    r"年产(?![值量])|产能|(?:生产|设计|处理|吞吐|运输|储存|储备|供应|发电|加工|通过)[^，,。]{0,4}能力"
    r"|[日年]处理|年加工|装机容量|库容"
)
_CHANGE_VERB: Final = re.compile(r"新增|累计|完成|增加|减少|削减|压减|提高|提升|淘汰|化解|扩大")
_AFTER_COMPLETION: Final = re.compile(r"建成后|投产后|达产后|竣工后")
_TOTAL_BEFORE: Final = re.compile(r"总投资(?:约|为|达|超)?$")
_ONE_PROJECT: Final = re.compile(
    r"(?<!重大)(?<!重点)(?<!开工)(?<!签约)(?<!招商)(?<!储备)(?<!续建)(?<!新建)(?<!产业)(?<!各类)"
    r"(?:项目|工程|电站|基地|产业园|中心|工厂)"
)
_SOME_COUNT: Final = re.compile(r"[0-9]+[个项批宗]|共[0-9]")
_CLAUSE_STOP: Final = re.compile(r"[，,；;。！？!?\n]")
_LIST_TAIL: Final = re.compile(r"(?:重点|重大|产业|建设|改造|新建|续建|等)*(?:项目|工程)(?:建设)?$")
_THRESHOLD_BEFORE: Final = re.compile(r"投资(?:额)?(?:过|超过|超|在|达)?$")
# 进出口额超过100万美元的企业, 年营业收入2000万元以上的企业, 产值超10亿元企业: a size threshold
# on whom a measure applies
_ENTITY_AFTER: Final = re.compile(
    r"(?:及)?(?:以上|以下)?(?:(?P<de>的)[^，,。；;、]{0,8}?|[^，,。；;、的]{0,2}?)"
    r"(?:企业|项目|工程|单位|主体|商户|客户|园区|投资者)"
)
_THRESHOLD_VERB: Final = re.compile(r"(?:超过|超|达到|达|在|高于|低于|不低于|不少于|以上|过|突破)$")
_EXCEEDS: Final = re.compile(r"(?:超过|超|过|突破)$")
_OWN_INVESTMENT: Final = re.compile(
    r"(?:项目|工程)[，,：:]?(?:计划|估算|预计)?总投资(?:约|为|达|超)?$"
)
_SIZE_ATTR: Final = re.compile(
    r"(?:设计产能|年产能|产能|设计能力|设计规模|设计算力|设计容量|建设规模|装机容量|总装机|库容|占地面积|占地|"
    r"总建筑面积|建筑面积|全长|线路全长|总长|年产|年处理|年加工|日处理)(?:约|为|达|:|：)?$"
)
_PER_UNIT_SIZE: Final = re.compile(
    r"单(?:站|个|座|台|体|机|线|井|厂|项|家)[^，,。；;]{0,6}?"
    r"(?:不低于|不少于|不小于|不超过|达到|为|约|超过)?$"
)
_BLOCK_VERB: Final = re.compile(
    r"(?:新增|完成|累计|达到|达|增加|减少|削减|压减|降低|提高|淘汰|化解|实现|超过|突破|增长|"
    r"下降|新开工|保持在|稳定在|维持在|提升至|提升到|提高到|增至|扩大到|扩大至)(?:约|近|超)?$"
)
_ADMIN: Final = re.compile(r"县区|区县|县市区|县\(市、区\)|县（市、区）|市州|市\(州\)|地市|省区市")
# 全区8个街道、3个乡: the divisions of the area the text covers
_SCOPED_ADMIN: Final = re.compile(
    r"(?:乡镇|街道|乡|镇|村|社区|县|区|市|州)(?=[、，,。；;和及与要的为等共])"
)
_SCOPE: Final = re.compile(r"全市|全省|全县|全区|全州|全盟|辖区|所辖|下辖")
_ORG_SUBJECT: Final = re.compile(
    r"[^，,。；;]{0,12}?(?:组|专班|部门|单位|委员会|机构|县区|区县|市州|园区|开发区)(?:的|要|和|分别|各)"
)
_TIERS: Final[dict[str, Tier]] = {
    "目标值": "base", "预期值": "base", "争取值": "stretch", "奋斗值": "aspiration",
}  # fmt: skip
TIER_RE: Final = re.compile("|".join(_TIERS))
TIER_NAMES: Final = tuple(_TIERS)
_CELL_HINT: Final = re.compile(r"[\t|｜│]|[ \u3000]{2}")
_CELL_SPLIT: Final = re.compile(r"\t+|[ \u3000]{2,}|[|｜│]")
_PRESENT_STATE: Final = re.compile(r"[^，,。；;]{0,6}?(现有|共有|拥有|现存|仍有|尚有)")
_WEAK_PAST: Final = frozenset(["累计", "以来", "历年", "年来"])
_REVIEW_FUTURE: Final = frozenset(
    ["将", "计划", "预计", "预期", "下一步", "今后", "明年", "拟", "到",
     "建成后", "投产后", "达产后", "届时", "力争", "确保"]
)  # fmt: skip


def noun_after(text: str, end: int) -> str:
    """The name right after a figure, up to the next clause punctuation (max 24 chars)."""
    if end >= len(text) or text[end] in _NOT_NOUN:
        return ""
    m = _NOUN_RUN.match(text, end)
    return m.group(0) if m else ""


def _in_project_list(text: str, fig: RawFigure, s_end: int) -> bool:
    """The figure names an item of a 'A、B、N座X改造…项目建设' list of projects (the list ends
    its sentence, or its clause: 实施2020亩储备林、X修复等工程，…)."""
    sentence_tail = text[fig.end : s_end].rstrip(" 。")
    if _LIST_TAIL.search(sentence_tail[-12:]) and "、" in text[max(0, fig.end - 60) : s_end]:
        return True
    stop = _CLAUSE_STOP.search(text, fig.end, min(s_end, fig.end + 120))
    clause_tail = text[fig.end : stop.start() if stop else min(s_end, fig.end + 120)]
    return bool(_LIST_TAIL.search(clause_tail[-12:])) and "等" in clause_tail


def _names_one_project(text: str, s_start: int, pos: int) -> bool:
    """The sentence before pos names a single project (not 'N个项目', not '重大项目')."""
    head = text[max(s_start, pos - 120) : pos]
    return bool(_ONE_PROJECT.search(head)) and not _SOME_COUNT.search(head)


def spec_reason(
    text: str, fig: RawFigure, s_start: int, s_end: int, c_start: int, noun: str | None = None
) -> str | None:
    """Why the figure is the size of a named thing, or None (`noun`: noun_after, if known)."""
    cat = category(fig.unit)
    if cat == "percent":
        return None
    before = text[max(s_start, fig.start - 12) : fig.start]
    after = text[fig.end : fig.end + 4]
    if noun is None:
        noun = noun_after(text, fig.end)
    threshold = _THRESHOLD_AFTER.match(after)
    if threshold and cat != "count" and noun_after(text, fig.end + threshold.end()):
        return "threshold"  # 20吨以下燃煤锅炉, 10亿元以上项目
    if cat == "money":
        if _THRESHOLD_BEFORE.search(before):
            gap = _THRESHOLD_GAP.match(text, fig.end)
            named = noun_after(text, gap.end() if gap else fig.end)
            if _PROJECT_NOUN.search(named) or "企业" in named:
                return "threshold"  # 投资过20亿元的重大项目
        ent = _ENTITY_AFTER.match(text, fig.end)
        if ent and (
            ent.group(0)[:2] in ("以上", "以下", "及以")
            or (_THRESHOLD_VERB.search(before) if ent.group("de") else _EXCEEDS.search(before))
        ):
            return "threshold"  # 进出口额超过100万美元的企业, 产值超10亿元企业
        if _OWN_INVESTMENT.search(before):
            return "investment"  # 该项目总投资50亿元
        if _TOTAL_BEFORE.search(before) and _names_one_project(text, s_start, fig.start):
            return "investment"  # XX铁路工程，线路全长116公里，总投资约95亿元
        return None
    if (
        _SIZE_ATTR.search(before)
        and not _BLOCK_VERB.search(before)
        and not _CHANGE_VERB.search(text, c_start, fig.start)
    ):
        return "size"  # 占地500亩, 设计产能100万吨
    if _PER_UNIT_SIZE.search(text, max(c_start, fig.start - 16), fig.start):
        return "size"  # 单站规模不低于10万千瓦
    if _BLOCK_VERB.search(before) and not (
        cat in _PHYSICAL and _AFTER_COMPLETION.search(text, s_start, fig.start)
    ):
        return None
    if (
        cat in _PHYSICAL
        and noun
        and (
            _PROJECT_NOUN.search(noun)
            or before.endswith(("年产", "年"))
            or _in_project_list(text, fig, s_end)
        )
    ):
        return "capacity"  # 1000万吨炼油项目, 40万吨润滑油加氢、…等项目
    if (
        cat in _PHYSICAL
        and _CAPACITY_IN_CLAUSE.search(text, c_start, fig.start)
        and not _CHANGE_VERB.search(text, c_start, fig.start)
    ):
        return "capacity"  # 建成后可年产正极材料10万吨 (but 新增冷库库容100万吨 is an aim)
    if cat == "count" and noun:
        if (has_magnitude(fig.unit) or before.endswith("年产")) and _PROJECT_NOUN.search(noun):
            return "capacity"  # 10亿罐易拉罐生产线
        if _in_project_list(text, fig, s_end) and not _ENDS_PROJECT.search(noun):
            return "list_item"  # 五泉山等7座公园改造提升、…4100亩湿地公园项目建设
    return None


def tier_of(
    text: str, fig: RawFigure, c_start: int, c_end: int, *, table: bool = True
) -> Tier | None:
    """目标值/预期值 → base, 争取值 → stretch, 奋斗值 → aspiration (before or after the figure).

    `table`: a tier word stands a few lines above, so a header row may name the column.
    """
    before = text[max(c_start, fig.start - 8) : fig.start]
    found = TIER_RE.findall(before)
    if found:
        return _TIERS[found[-1]]
    after = TIER_RE.search(text, fig.end, c_end)
    if after is not None:
        return _TIERS[after.group(0)]
    return _column_tier(text, fig) if table else None


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_SPLIT.split(line.strip()) if c]


def _column_tier(text: str, fig: RawFigure) -> Tier | None:
    """A table row under a header '指标 | 目标值 | 争取值 | 奋斗值': the figure's column decides."""
    lo = max(0, fig.start - 300)
    line_start = text.rfind("\n", lo, fig.start) + 1 or lo
    line_end = text.find("\n", fig.end, fig.end + 300)
    line_end = line_end if line_end >= 0 else min(len(text), fig.end + 300)
    row = text[line_start:line_end]
    if not _CELL_HINT.search(row) or not _CELL_SPLIT.search(row.strip()):
        return None
    row_cells = _cells(row)
    prefix_cells = _cells(text[line_start : fig.end])
    from_right = len(row_cells) - len(prefix_cells)
    header_end = line_start - 1
    for _ in range(8):  # look up to 8 lines above for the header row
        if header_end <= 0:
            return None
        lo = max(0, header_end - 300)
        header_start = text.rfind("\n", lo, header_end) + 1 or lo
        header = text[header_start:header_end]
        if len(TIER_RE.findall(header)) >= 2:
            cells = _cells(header)
            idx = len(cells) - 1 - from_right
            if 0 <= idx < len(cells):
                m = TIER_RE.search(cells[idx])
                return _TIERS[m.group(0)] if m else None
            return None
        header_end = header_start - 1
    return None


def sentence_year(ctx: DocContext, fig: RawFigure, s_start: int) -> int | None:
    """The nearest year written before the figure in its sentence, baselines (比2020年) aside."""
    text, pos = ctx.text, ctx.year_pos
    i = bisect_left(pos, fig.start) - 1
    while i >= 0 and pos[i] >= s_start:
        p = pos[i]
        if not _BASELINE_BEFORE.search(text, max(0, p - 2), p):
            return ctx.year_val[i]
        i -= 1
    return None


def year_of(
    ctx: DocContext, fig: RawFigure, s_start: int, s_end: int, c_end: int, stated: int | None
) -> int | None:
    """The year the same sentence states: the nearest one before the figure (`stated`, from
    sentence_year), else one later in its clause (not a baseline 比2020年), else its heading's."""
    if stated is not None:
        return stated
    for p, y in ctx.years_in(fig.end, c_end):
        if not _BASELINE_BEFORE.search(ctx.text, max(0, p - 2), p):
            return y
    intro = ctx.intro_year(fig.start)
    return intro if intro is not None else ctx.heading_year(fig.start)


def _marker_kind(
    ctx: DocContext, fig: RawFigure, s_start: int, c_start: int, c_end: int, genre: str
) -> str | None:
    """target/actual from the nearest tense marker before the figure, else after it."""
    text = ctx.text
    lo = max(s_start, fig.start - 100)
    best: tuple[int, str] | None = None
    deadline = -1  # 到2025年 governs the sentence against the weak past words after it
    for pos, word in markers(ctx.future_pos, ctx.future_words, lo, fig.start):
        if genre == "review" and word not in _REVIEW_FUTURE and not word[0].isdigit():
            continue
        if word == "到" or word[0].isdigit():  # 到2025年, 2025年底前: a deadline
            y = YEAR_RE.match(text, pos + (1 if word == "到" else 0))
            if y and ctx.doc_year and int(y.group(1)) < ctx.doc_year:
                best = (pos, "actual")
                continue
            deadline = pos
        best = (pos, "target")
    for pos, word in markers(ctx.past_pos, ctx.past_words, lo, fig.start):
        if word == "累计" and genre == "plan":
            continue  # 十四五期间累计完成…: a plan's cumulative aim
        if deadline >= 0 and word in _WEAK_PAST:
            continue
        if word in ("截至", "截止"):
            y = YEAR_RE.match(text, pos + 2)
            if y and (
                (ctx.doc_year and int(y.group(1)) > ctx.doc_year)
                or (not ctx.doc_year and genre == "plan")
            ):
                best = (pos, "target")  # 截至2027年底: a deadline ahead
                continue
        if best is None or pos > best[0]:
            best = (pos, "actual")
    present = _PRESENT_STATE.match(text, max(lo, c_start), fig.start)
    if present and (best is None or best[0] < present.start(1)):
        best = (present.start(1), "actual")  # 全市现有规上企业120户: the present state
    earlier = ctx.earlier_period(lo, fig.start)
    if earlier >= 0 and (best is None or earlier > best[0]) and deadline < 0:
        best = (earlier, "actual")  # “十三五”期间 in a 十四五 plan
    # 了 after a verb in the same clause: 完成了
    le = text.rfind("了", max(lo, c_start), fig.start)
    if le >= 0 and text[le - 1 : le] not in ("为", "除") and (best is None or le > best[0]):
        best = (le, "actual")
    if best is not None:
        return best[1]
    if markers(ctx.past_pos, ctx.past_words, fig.end, c_end):
        return "actual"
    for _pos, word in markers(ctx.future_pos, ctx.future_words, fig.end, c_end):
        if genre == "plan" or word in _REVIEW_FUTURE:
            return "target"
    return None


def kind_of(
    ctx: DocContext, fig: RawFigure, s_start: int, s_end: int, c_start: int, c_end: int,
    tier: Tier | None, sentence_year: int | None, noun: str, genre: Genre,
) -> QuantityKind:  # fmt: skip
    """`noun`: noun_after(text, fig.end); `genre`: ctx.block_genre(fig.start)."""
    text = ctx.text
    if tier is not None:
        return "target"
    cat = category(fig.unit)
    if cat == "count":
        if noun and (
            _ADMIN.match(text, fig.end)
            or (_SCOPED_ADMIN.match(text, fig.end) and _SCOPE.search(text, c_start, fig.start))
        ):
            return "actual"  # 8个县区: the setting, not an aim
        if (
            genre == "plan"
            and _ORG_SUBJECT.match(noun)
            and not text[c_start : fig.start].strip(" \u3000\u00a0")
        ):
            return "actual"  # 5个协调推进组要…: the clause's subject, an existing set
    marked = _marker_kind(ctx, fig, s_start, c_start, c_end, genre)
    if marked == "target":
        return "target"
    if marked == "actual":
        return "actual"
    if sentence_year is not None and ctx.doc_year is not None:
        if sentence_year < ctx.doc_year:
            return "actual"
        if sentence_year > ctx.doc_year:
            return "target"
    elif sentence_year is not None and genre == "plan" and ctx.first_deadline is not None:
        if sentence_year <= ctx.first_deadline - 3:
            return "actual"  # 2020年 in a plan aiming at 2025: its starting point
    return "target" if genre == "plan" else "actual"
