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

from tuijin.ingest.figures.context import YEAR_RE, DocContext, Genre, is_baseline
from tuijin.ingest.figures.scan import NOT_NOUN_CHARS, NOUN_STOP, RawFigure
from tuijin.ingest.result import QuantityKind, Tier
from tuijin.ingest.units import has_magnitude

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
_ENDS_PROJECT: Final = ("项目", "工程", "项目建设", "工程建设")  # a noun ending so names a project
_CAPACITY_IN_CLAUSE: Final = re.compile(
    r"年产(?![值量])|产能|(?:生产|设计|处理|吞吐|运输|储存|储备|供应|发电|加工|通过)[^，,。]{0,4}能力"
    r"|[日年]处理|年加工|装机容量|库容"
)
_YEARLY_OUTPUT: Final = re.compile(r"年产(?![值量])[^\d，,。；;、的]{1,8}$")
_LIST_OF_PROJECTS: Final = re.compile(r"等(?:重点|重大|产业)?(?:项目|工程)")
_CHANGE_TO: Final = re.compile(r"(?:提高|提升|增加|扩大|降低|下降|增长|压减|减少|缩短)(?:到|至)")
_FROM_NOW: Final = ("由目前", "由现在", "由当前", "从目前", "从现在", "从当前")
_SCALE_BEFORE: Final = ("总规模", "总规模为", "总规模达", "规模为")
_CHANGE_VERB: Final = re.compile(r"新增|累计|完成|增加|减少|削减|压减|提高|提升|淘汰|化解|扩大")
_AFTER_COMPLETION: Final = ("建成后", "投产后", "达产后", "竣工后")
# Words the text right before a figure ends with (`before`, within its sentence: no line break)
_TOTAL_BEFORE: Final = ("总投资", "总投资约", "总投资为", "总投资达", "总投资超")
_ONE_PROJECT: Final = re.compile(
    r"(?<!重大)(?<!重点)(?<!开工)(?<!签约)(?<!招商)(?<!储备)(?<!续建)(?<!新建)(?<!产业)(?<!各类)"
    r"(?:项目|工程|电站|基地|产业园|中心|工厂)"
)
_SOME_COUNT: Final = re.compile(r"[0-9]+[个项批宗]|共[0-9]")
_CLAUSE_STOP: Final = re.compile(r"[，,；;。！？!?\n]")
_LIST_TAIL: Final = re.compile(r"(?:重点|重大|产业|建设|改造|新建|续建|等)*(?:项目|工程)(?:建设)?$")
_PROJECT_TAIL: Final = frozenset("目程设\n")  # what _LIST_TAIL can end with
_THRESHOLD_BEFORE: Final = tuple(
    f"投资{amount}{verb}" for amount in ("", "额") for verb in ("", "过", "超过", "超", "在", "达")
)
# 进出口额超过100万美元的企业, 年营业收入2000万元以上的企业, 产值超10亿元企业: a size threshold
# on whom a measure applies
_ENTITY_AFTER: Final = re.compile(
    r"(?:及)?(?:以上|以下)?(?:(?P<de>的)[^，,。；;、]{0,8}?|[^，,。；;、的]{0,2}?)"
    r"(?:企业|项目|工程|单位|主体|商户|客户|园区|投资者)"
)
_THRESHOLD_VERB: Final = (
    "超过", "超", "达到", "达", "在", "高于", "低于", "不低于", "不少于", "以上", "过", "突破"
)  # fmt: skip
_EXCEEDS: Final = ("超过", "超", "过", "突破")
_OWN_INVESTMENT: Final = re.compile(
    r"(?:项目|工程)[，,：:]?(?:计划|估算|预计)?总投资(?:约|为|达|超)?$"
)
_SIZE_WORDS: Final = (
    "设计产能", "年产能", "产能", "设计能力", "设计规模", "设计算力", "设计容量", "建设规模",
    "装机容量", "总装机", "库容", "占地面积", "占地", "规划面积", "总建筑面积", "建筑面积", "全长",
    "线路全长",
    "总长", "年产", "年处理", "年加工", "日处理",
)  # fmt: skip
_PER_UNIT_SIZE: Final = re.compile(
    r"单(?:站|个|座|台|体|机|线|井|厂|项|家)[^，,。；;]{0,6}?"
    r"(?:不低于|不少于|不小于|不超过|达到|为|约|超过)?$"
)
_BLOCK_WORDS: Final = (
    "新增", "完成", "累计", "达到", "达", "增加", "减少", "削减", "压减", "降低", "提高", "淘汰",
    "化解", "实现", "超过", "突破", "增长", "下降", "新开工", "保持在", "稳定在", "维持在",
    "提升至", "提升到", "提高到", "增至", "扩大到", "扩大至",
)  # fmt: skip
_SIZE_ATTR: Final = re.compile(rf"(?:{'|'.join(_SIZE_WORDS)})(?:约|为|达|:|：)?$")
_BLOCK_VERB: Final = re.compile(rf"(?:{'|'.join(_BLOCK_WORDS)})(?:约|近|超)?$")
# The last character a text must have for them to match in it (`$` also matches before a line
# break): a cheap test that skips most searches
_SIZE_TAIL: Final = frozenset([w[-1] for w in _SIZE_WORDS] + list("约为达:：\n"))
_BLOCK_TAIL: Final = frozenset([w[-1] for w in _BLOCK_WORDS] + list("约近超\n"))
_ADMIN: Final = (
    "县区", "区县", "县市区", "县(市、区)", "县（市、区）", "市州", "市(州)", "地市", "省区市"
)  # fmt: skip
# 全区8个街道、3个乡: the divisions of the area the text covers
_SCOPED_ADMIN: Final = re.compile(
    r"(?:乡镇|街道|乡|镇|村|社区|县|区|市|州)(?=[、，,。；;和及与要的为等共])"
)
_ADMIN_FIRST: Final = frozenset("县区市地省乡街镇村社州")  # what _ADMIN or _SCOPED_ADMIN start with
_SCOPE: Final = re.compile(r"全市|全省|全县|全区|全州|全盟|辖区|所辖|下辖")
_ORG_SUBJECT: Final = re.compile(
    r"[^，,。；;]{0,12}?(?:组|专班|部门|单位|委员会|机构|县区|区县|市州|园区|开发区)(?:的|要|和|分别|各)"
)
_TIERS: Final[dict[str, Tier]] = {
    "目标值": "base", "预期值": "base", "争取值": "stretch", "奋斗值": "aspiration",
}  # fmt: skip
TIER_RE: Final = re.compile("|".join(_TIERS))
TIER_NAMES: Final = tuple(_TIERS)
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


def _threshold_end(text: str, end: int) -> int:
    """End of 以上/以下 (及以上, 及以下) right at end, or -1."""
    i = end + 1 if text.startswith("及", end) else end
    return i + 2 if text.startswith(("以上", "以下"), i) else -1


def skip_threshold(text: str, end: int) -> int:
    """Past an optional 及, 以上/以下 and 的 at end (20吨及以上的锅炉: where the name starts)."""
    if text.startswith("及", end):
        end += 1
    if text.startswith(("以上", "以下"), end):
        end += 2
    return end + 1 if text.startswith("的", end) else end


def _in_project_list(text: str, fig: RawFigure, s_end: int) -> bool:
    """The figure names an item of a 'A、B、N座X改造…项目建设' list of projects (the list ends
    its sentence, or its clause: 实施2020亩储备林、X修复等工程，…)."""
    end = fig.end
    tail_end = s_end  # the sentence after the figure, without a trailing 。 or space
    while tail_end > end and text[tail_end - 1] in " 。":
        tail_end -= 1
    if _ends_list(text, end, tail_end) and text.find("、", max(0, end - 60), s_end) >= 0:
        return True
    limit = min(s_end, end + 120)
    stop = _CLAUSE_STOP.search(text, end, limit)
    clause_end = stop.start() if stop else limit
    if _ends_list(text, end, clause_end) and text.find("等", end, clause_end) >= 0:
        return True
    # A、B、C等项目已于二季度开工: the list is the clause's subject
    return (
        text.find("、", end, clause_end) >= 0
        and _LIST_OF_PROJECTS.search(text, end, clause_end) is not None
    )


def _ends_list(text: str, start: int, end: int) -> bool:
    """_LIST_TAIL ends text[start:end] (within its last 12 characters)."""
    return (
        end > start
        and text[end - 1] in _PROJECT_TAIL
        and _LIST_TAIL.search(text, max(start, end - 12), end) is not None
    )


def _names_one_project(text: str, s_start: int, pos: int) -> bool:
    """The sentence before pos names a single project (not 'N个项目', not '重大项目')."""
    head = text[max(s_start, pos - 120) : pos]
    return bool(_ONE_PROJECT.search(head)) and not _SOME_COUNT.search(head)


def spec_reason(
    text: str, fig: RawFigure, s_start: int, s_end: int, c_start: int, noun: str, cat: str | None
) -> str | None:
    """Why the figure is the size of a named thing, or None (`noun`: noun_after(text, fig.end);
    `cat`: category(fig.unit))."""
    if cat == "percent":
        return None
    start, end = fig.start, fig.end
    before = text[s_start if s_start > start - 12 else start - 12 : start]
    if cat != "count":
        threshold = _threshold_end(text, end)
        if threshold > 0 and noun_after(text, threshold):
            return "threshold"  # 20吨以下燃煤锅炉, 10亿元以上项目
    if cat == "money":
        return _money_reason(text, fig, s_start, before)
    last = before[-1:]
    block = last in _BLOCK_TAIL and _BLOCK_VERB.search(before) is not None
    if (
        not block
        and last in _SIZE_TAIL
        and _SIZE_ATTR.search(before)
        and not _CHANGE_VERB.search(text, c_start, start)
    ):
        return "size"  # 占地500亩, 设计产能100万吨
    lo = c_start if c_start > start - 16 else start - 16
    if text.find("单", lo, start) >= 0 and _PER_UNIT_SIZE.search(text, lo, start):
        return "size"  # 单站规模不低于10万千瓦
    physical = cat in _PHYSICAL
    if physical and text.startswith("级", end) and noun_after(text, end + 1):
        return "size"  # 5万吨级泊位, 1000吨级船舶: a size class
    if physical and noun and "/" in fig.unit:
        return "capacity"  # 1500万吨/年炼化一体化: a rate before a name is a plant's capacity
    if block and not (physical and any(w in text[s_start:start] for w in _AFTER_COMPLETION)):
        return None
    if (
        physical
        and noun
        and (
            before.endswith(("年产", "年"))
            or _PROJECT_NOUN.search(noun)
            or _in_project_list(text, fig, s_end)
        )
    ):
        return "capacity"  # 1000万吨炼油项目, 40万吨润滑油加氢、…等项目
    if (
        physical
        and _CAPACITY_IN_CLAUSE.search(text, c_start, start)
        and not _CHANGE_VERB.search(text, c_start, start)
    ):
        return "capacity"  # 建成后可年产正极材料10万吨 (but 新增冷库库容100万吨 is an aim)
    if (physical or cat == "count") and _YEARLY_OUTPUT.search(before):
        return "capacity"  # 可形成年产挖掘机械8000台: what a plant makes in a year
    if cat == "count" and noun:
        if (has_magnitude(fig.unit) or before.endswith("年产")) and _PROJECT_NOUN.search(noun):
            return "capacity"  # 10亿罐易拉罐生产线
        if not noun.endswith(_ENDS_PROJECT) and _in_project_list(text, fig, s_end):
            return "list_item"  # 五泉山等7座公园改造提升、…4100亩湿地公园项目建设
    return None


def _money_reason(text: str, fig: RawFigure, s_start: int, before: str) -> str | None:
    """A sum of money as a size threshold (投资过20亿元的重大项目) or a project's own investment."""
    end = fig.end
    if before.endswith(_THRESHOLD_BEFORE):
        named = noun_after(text, skip_threshold(text, end))
        if _PROJECT_NOUN.search(named) or "企业" in named:
            return "threshold"  # 投资过20亿元的重大项目
    ent = _ENTITY_AFTER.match(text, end)
    if ent and (
        ent.group(0)[:2] in ("以上", "以下", "及以")
        or before.endswith(_THRESHOLD_VERB if ent.group("de") else _EXCEEDS)
    ):
        return "threshold"  # 进出口额超过100万美元的企业, 产值超10亿元企业
    if before.endswith(_SCALE_BEFORE) and text.startswith("的", end) and noun_after(text, end + 1):
        return "scale"  # 总规模50亿元的产业基金: the size of a named fund
    if before.endswith(_TOTAL_BEFORE):
        if _OWN_INVESTMENT.search(before):
            return "investment"  # 该项目总投资50亿元
        if _names_one_project(text, s_start, fig.start):
            return "investment"  # XX铁路工程，线路全长116公里，总投资约95亿元
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


def _has_cells(row: str) -> bool:
    """_CELL_SPLIT.search(row), with str tests (rows here are mostly long lines of prose)."""
    return (
        "\t" in row
        or "|" in row
        or "｜" in row
        or "│" in row
        or "  " in row
        or "\u3000\u3000" in row
        or " \u3000" in row
        or "\u3000 " in row
    )


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_SPLIT.split(line.strip()) if c]


def _column_tier(text: str, fig: RawFigure) -> Tier | None:
    """A table row under a header '指标 | 目标值 | 争取值 | 奋斗值': the figure's column decides."""
    lo = max(0, fig.start - 300)
    line_start = text.rfind("\n", lo, fig.start) + 1 or lo
    line_end = text.find("\n", fig.end, fig.end + 300)
    line_end = line_end if line_end >= 0 else min(len(text), fig.end + 300)
    row = text[line_start:line_end]
    if not _has_cells(row.strip()):
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


def kind_and_year(
    ctx: DocContext, fig: RawFigure, s_start: int, c_start: int, c_end: int,
    tier: Tier | None, noun: str, genre: Genre, cat: str | None,
) -> tuple[QuantityKind, int | None]:  # fmt: skip
    """Kind and year of a figure that is no spec. The year is the one its sentence states: the
    nearest before the figure (not a baseline 比2020年), else one later in its clause, else the
    year of the list intro or heading above it."""
    text, years, values = ctx.text, ctx.year_pos, ctx.year_val
    i = ctx.year_index(fig.start)
    stated = None
    k = i - 1
    while k >= 0 and years[k] >= s_start:
        if not is_baseline(text, years[k]):
            stated = values[k]
            break
        k -= 1
    kind = kind_of(ctx, fig, s_start, c_start, c_end, tier, stated, noun, genre, cat)
    if stated is not None:
        return kind, stated
    end, n = fig.end, len(years)
    while i < n and years[i] < end:
        i += 1
    while i < n and years[i] < c_end:
        if not is_baseline(text, years[i]):
            return kind, values[i]
        i += 1
    intro = ctx.intro_year(fig.start, s_start)
    return kind, intro if intro is not None else ctx.heading_year(fig.start)


def _marker_kind(
    ctx: DocContext, fig: RawFigure, s_start: int, c_start: int, c_end: int, genre: str
) -> str | None:
    """target/actual from the nearest tense marker before the figure, else after it."""
    text = ctx.text
    start = fig.start
    lo = s_start if s_start > start - 100 else start - 100
    # the markers in [lo, start): from a cursor, as lo only grows from figure to figure
    positions, future, words = ctx.tense_pos, ctx.tense_future, ctx.tense_words
    n = len(positions)
    i = ctx.tense_next
    if i and positions[i - 1] >= lo:  # a step back: look it up
        i = bisect_left(positions, lo)
    while i < n and positions[i] < lo:
        i += 1
    ctx.tense_next = j = i
    while j < n and positions[j] < start:
        j += 1
    best_pos, best = -1, None  # the nearest marker so far and the kind it gives
    deadline = -1  # 到2025年 governs the sentence against the weak past words after it
    if j > i:
        for k in range(i, j):
            if not future[k]:
                continue
            pos, word = positions[k], words[k]
            if genre == "review" and word not in _REVIEW_FUTURE and not word[0].isdigit():
                continue
            if word == "到" or word[0].isdigit():  # 到2025年, 2025年底前: a deadline
                y = YEAR_RE.match(text, pos + (1 if word == "到" else 0))
                if y and ctx.doc_year and int(y.group(1)) < ctx.doc_year:
                    best_pos, best = pos, "actual"
                    continue
                deadline = pos
            best_pos, best = pos, "target"
        for k in range(i, j):
            if future[k]:
                continue
            pos, word = positions[k], words[k]
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
                    best_pos, best = pos, "target"  # 截至2027年底: a deadline ahead
                    continue
            if pos > best_pos:
                best_pos, best = pos, "actual"
    a = lo if lo > c_start else c_start
    present = _PRESENT_STATE.match(text, a, start)
    if present and best_pos < present.start(1):
        best_pos, best = present.start(1), "actual"  # 全市现有规上企业120户: the present state
    if ctx.period is not None:
        earlier = ctx.earlier_period(lo, start)
        if earlier >= 0 and earlier > best_pos and deadline < 0:
            best_pos, best = earlier, "actual"  # “十三五”期间 in a 十四五 plan
    # 了 after a verb in the same clause: 完成了
    le = text.rfind("了", a, start)
    if le > best_pos and text[le - 1 : le] not in ("为", "除"):
        best_pos, best = le, "actual"
    if best == "actual" and text.startswith(_FROM_NOW, best_pos - 1):
        change = _CHANGE_TO.search(text, best_pos, start)
        if change and not YEAR_RE.search(text, change.end(), start):
            return "target"  # 由目前的30%提高到45%: the present, then the aim
    if best is not None:
        return best
    end = fig.end  # the markers in [end, c_end): a past one says actual, else a future one target
    while j < n and positions[j] < end:
        j += 1
    target = False
    while j < n and positions[j] < c_end:
        if not future[j]:
            return "actual"
        if genre == "plan" or words[j] in _REVIEW_FUTURE:
            target = True
        j += 1
    return "target" if target else None


def kind_of(
    ctx: DocContext, fig: RawFigure, s_start: int, c_start: int, c_end: int,
    tier: Tier | None, sentence_year: int | None, noun: str, genre: Genre, cat: str | None,
) -> QuantityKind:  # fmt: skip
    """`noun`: noun_after(text, fig.end); `genre`: ctx.block_genre(fig.start);
    `cat`: category(fig.unit)."""
    text = ctx.text
    if tier is not None:
        return "target"
    if cat == "count":
        if (
            noun
            and noun[0] in _ADMIN_FIRST
            and (
                text.startswith(_ADMIN, fig.end)
                or (_SCOPED_ADMIN.match(text, fig.end) and _SCOPE.search(text, c_start, fig.start))
            )
        ):
            return "actual"  # 8个县区: the setting, not an aim
        if (
            genre == "plan"
            and not text[c_start : fig.start].strip(" \u3000\u00a0")
            and _ORG_SUBJECT.match(noun)
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
