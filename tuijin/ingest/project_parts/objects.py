"""Read one verb object (or subject) into project items, judged by the kind of list it is.

An explicit list (`…等(重点)项目`, `…等工程`, items ending in 项目, an intro `项目包括：`)
keeps every item that is not a slogan, a status aim or a pronoun. An open list keeps items that
end in a head or work noun or carry a capacity, when most items do; a single object must look
like a named facility. A `…等` tail that names areas, platforms, firms or plans drops the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tuijin.ingest.lexicon import (
    ADVERBS,
    AIM_TRIGGERS,
    BAD_TAIL_ENDS,
    BAD_TAIL_WORDS,
    DEAD_TRIGGERS,
    FACILITY_HEADS,
    HEADS,
    STRONG_HEADS,
    WORKS,
    alt,
)
from tuijin.ingest.project_parts import items as it
from tuijin.ingest.project_parts import shapes
from tuijin.ingest.project_parts.verdicts import (
    common_bad,
    inner_head,
    ok_companion,
    ok_explicit,
    ok_listed,
    ok_named,
    ok_pair_member,
    ok_single,
)

Item = it.Item

# Runs of adverbs, written as one word then more (the same matches as `(?:ADV)+`) so that the
# engine skips in C to a character that can open one.
_ADV = alt(ADVERBS)
_ADV_LEAD_RE = re.compile(f"{_ADV}(?:{_ADV})*")
_FRAME_CUT_RE = re.compile(
    r"为(?:契机|重点|龙头|依托|核心|载体|支撑|抓手|突破口|引领|牵引|主体|主导|方向|目标|主|统领"
    r"|导向|基础|平台|中心|纽带|切入点|着力点|主线|重要)(?!的)|是(?![指])"
)
_PREP_RE = re.compile(
    r"(?:以|把|将|对|向|在|从|为|与|给|让|使|由|按照|围绕|通过|依托|借助|结合|利用|根据|"
    r"沿着|针对|面向|聚焦|瞄准|推动形成|坚持|形成|实现|提升|促进)"
)
_CONNECTIVE_RE = re.compile(
    r"(?:[\s\u3000]|其中|随着|包括|如|特别是|尤其是|主要有|一是|二是|三是|四是|五是|同时|"
    r"此外|另外|目前|当前|今年|去年|全年|年内|[0-9]{4}年|[(（]?[0-9一二三四五六七八九十]+[)）、.．]"
    r"|[①-⑳]|专栏\s*\d+\s*)+"
)
# Where those two can begin (a connective also at any white space).
_CONNECTIVE_FIRST = frozenset(
    "\u3000其随包如特尤主一二三四五同此另目当今去全年专(（0123456789六七八九十"
    + "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1))
)
_PREP_FIRST = frozenset("以把将对向在从为与给让使由按围通依借结利根沿针面聚瞄推坚形实提促")
_ET_RE = re.compile(r"(?<![平同对高中初均相上次特头优超甲乙])等(?![级于同待候额奖量价号])")
_TAIL_PROJECT_RE = re.compile(r"[^、]{0,18}?(?:项目|工程)")
_TAIL_COUNT_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?[个座条项家所处批户]")
_TAIL_BAD_WORD_RE = re.compile(f"(?:{alt(BAD_TAIL_WORDS)})")
_TAIL_BAD_END_RE = re.compile(f"(?:{alt(BAD_TAIL_ENDS)})$")
_TAIL_STRIP_RE = re.compile(
    r"(?:建\s*设|改造|提升|开发|发展|整治|治理|(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?[个座条项家所处])+$"
)
# A tail that opens with a kind of place (…等乡镇布局…, …等地建设…): the items are places.
_TAIL_PLACE_RE = re.compile(
    r"(?:乡镇|县区|区县|县市区|市县|街道|村镇|地区|城市|镇街|地(?![铁块标下道质热])|乡|镇|村(?![级庄]))"
)
_TAIL_AND_RE = re.compile(r"以及|和|及")
_EXPLICIT_TAIL_RE = re.compile(r"、[^、]{2,40}等[^、]{0,12}(?:项目|工程)")
_SUBJECT_VERB_RE = re.compile(r"共有|还有|包括|涉及|主要有|分别是|分别为|共计|新增|累计|其中|了")
_COUNTED_TAIL_RE = re.compile(
    r"(?<![、第])(?:\d+|[一二两三四五六七八九十]+)(?:个|项|大)(?:重点|重大|产业|续建|新建)?"
    r"(?:项目|工程)(?:建\s*设)?$"
)
_NAMED_RE = re.compile(r"(?:项目|工程)(?:建\s*设)?$")
_COUNTED_HEAD_RE = re.compile(
    r"(?<![、第])(?:\d+|[一二两三四五六七八九十]+)(?:座|条|个|处|所)"
    rf"(?:{alt(FACILITY_HEADS)})(?:建\s*设)?$"
)
_COUNTED_HEAD_LAST = frozenset("设" + "".join(h[-1] for h in FACILITY_HEADS))
_DESC_DE_RE = re.compile(
    r"(?:总投资|计划总投资|计划投资|投资|占地|总占地|规划占地|总建筑面积|建筑面积|总用地面积|用地面积"
    r"|占地面积|规划面积|装机容量|总装机|设计产能|年产)[^，。、的]{1,16}的"
)
_DESC_DE_FIRST = frozenset("总计投占规建用装设年")
_NAMED_END_RE = re.compile(r"项目(?:建\s*设|扩能|扩产|技改|扩建)?$")
_BRACKETED_RE = re.compile(r"“[^”]*”|（[^）]*）|\([^)]*\)|「[^」]*」")
# Only an object of 支持/保障 needs these, so they are built and compiled on first use.
_SUPPORT_RES: list[re.Pattern[str]] = []


def _support_patterns() -> list[re.Pattern[str]]:
    if not _SUPPORT_RES:
        strong = alt(STRONG_HEADS)
        _SUPPORT_RES.extend(
            re.compile(p)
            for p in (
                r"参与|参加|开展|进行|投资|发展|利用",  # the supported party acts: not works
                rf"(?:{strong}|期)(?:{strong})?"
                r"(?:建\s*设|扩能|扩产|技改|扩建|改扩建|技术改造|扩能改造)$",
                r"(?:建\s*设|扩能|扩产|技改|扩建)(?:$|[，。；,;\n])",
                rf"(?:{strong}|[一二三四五六七八九十]期)$",
            )
        )
    return _SUPPORT_RES


def _supports_works(text: str, s: int, e: int) -> bool:
    """支持XX基地建设, 支持A、B项目扩能: support for named works is the works."""
    agent, built_end, built_after, strong_end = _support_patterns()
    return not agent.search(text, s, e) and bool(
        built_end.search(text, s, e)
        or (built_after.match(text, e) and strong_end.search(text, s, e))
    )


# Literal words only (digits and 至 included as words), so that the engine skips in C to a
# character that can start one.
_OBJ_SIGNAL_RE = re.compile(alt((*HEADS, *WORKS, *"0123456789０１２３４５６７８９至-")))
# Its one-character words: a cheap first look that finds most objects' signal.
_OBJ_SIGNAL_CHAR_RE = re.compile(
    "["
    + "".join(w for w in (*HEADS, *WORKS) if len(w) == 1)
    + "0123456789０１２３４５６７８９至\\-]"
)
_TASK_AFTER_RE = re.compile(r"(?:建\s*设|改造)?(?:任务|目标)")
_TASK_AFTER_FIRST = ("建", "改", "任", "目")
_TASK_ENDS = ("任务", "目标", "问题", "要求")


@dataclass(slots=True)
class Obj:
    """A span that may hold project names, with how it was found."""

    start: int
    end: int
    verb: str
    mode: str  # verb: after a verb run; post: subject of a closing verb; bare: no verb; none
    explicit: bool = False
    whole: bool = False  # the clause is a whole line (caption, enumerated item)
    chained: bool = False  # continues an open list over a comma
    described: bool = False  # followed by 总投资/占地/现场…: a name being described
    listed: bool = False  # a verbless list after a category and a colon


@lru_cache(maxsize=1024)
def _verb_core(verb: str) -> tuple[str, bool]:
    """A verb run without its leading adverbs, and whether it is a dead trigger (支持, 建立)."""
    core = _ADV_LEAD_RE.sub("", verb)
    return core, bool(core) and core.endswith(DEAD_TRIGGERS)


def read_object(text: str, obj: Obj) -> list[Item]:
    if obj.mode == "none":
        return []
    core, dead_verb = _verb_core(obj.verb) if obj.verb else ("", False)
    dead = dead_verb and not obj.explicit
    s, e = obj.start, obj.end
    if dead:
        if core.endswith(("支持", "保障")) and _supports_works(text, s, e):
            dead = False
        elif text.find("等", s, e) < 0 and text.find("、", s, e) < 0:
            return []  # after a dead verb only a project list counts, and _tail needs 等 or 、
    if not (_OBJ_SIGNAL_CHAR_RE.search(text, s, e) or _OBJ_SIGNAL_RE.search(text, s, e)):
        return []
    if s < e and (text[s] in _CONNECTIVE_FIRST or text[s].isspace()):
        m = _CONNECTIVE_RE.match(text, s, e)
        if m:
            s = m.end()
    while s < e and text[s] in it.SPACE:
        s += 1
    while e > s and text[e - 1] in it.SPACE:
        e -= 1
    while s < e and text[s] in "了好着":
        s += 1
    prep = _PREP_RE.match(text, s, e) if s < e and text[s] in _PREP_FIRST else None
    if prep and _EXPLICIT_TAIL_RE.search(text, s, e):
        s, prep = prep.end(), None  # 对A、B等招商引资项目，要…: the list itself still counts
    if prep and obj.mode != "verb" and prep.group() in "与在对从向给让使由":
        prep = None  # a subject such as 与会人员…, 在建…: the subject-verb cut handles it
    if e - s < 2 or text[s] in "、等，," or prep:
        return []
    if text.startswith(("为", "成为"), s) and core.endswith(("成", "建设", "打造")):
        return []
    if text.endswith(_TASK_ENDS, s, e) or (
        text.startswith(_TASK_AFTER_FIRST, e) and _TASK_AFTER_RE.match(text, e)
    ):
        return []  # 完成…建设任务: a task, not a facility
    cut = _FRAME_CUT_RE.search(text, s, e)
    if cut:
        e = cut.start()
    seg = text[s:e]
    listed = "、" in seg
    if listed or "等" in seg:
        kind, list_end, extra = _tail(text, s, e)
    else:  # no list: what _tail gives then
        kind, list_end, extra = "open", e, None
    if kind == "bad" or (dead and kind != "project"):
        return []
    if obj.explicit and kind in ("open", "neutral"):
        kind = "project"
    if listed:
        raw = it.split_items(text, s, list_end)
        if not raw:
            return []
    else:  # one item: the span itself, trimmed
        a, b = it.trim(text, s, list_end)
        if b <= a:
            return []
        raw = [(a, b)]
    a0, b0 = raw[0]
    if text[a0] in _DESC_DE_FIRST:
        desc = _DESC_DE_RE.match(text, a0, b0)
        if desc and desc.end() < b0 - 1:
            raw[0] = (desc.end(), b0)  # 总投资50亿元的XX项目: the name after its description
    if obj.mode in ("bare", "post"):  # 全市共有A、B等项目: the subject and its verb go
        ends = [v.end() for v in _SUBJECT_VERB_RE.finditer(text, raw[0][0], raw[0][1])]
        if ends and ends[-1] < raw[0][1] - 1:
            raw[0] = (ends[-1], raw[0][1])
    if kind == "open" and len(raw) >= 2:
        if _NAMED_END_RE.search(text, raw[-1][0], raw[-1][1]):
            kind = "project"  # A工程、B建设、C项目: the list calls its items projects
        elif all(_NAMED_RE.search(text, a, b) for a, b in raw):
            kind = "project"  # 观摩了A项目、B项目、C工程
    if len(raw) == 1:
        pieces = it.split_and(text, raw[0])
    else:
        pieces = []
        for item in raw:
            pieces.extend(it.split_and(text, item))
    pieces = it.merge_shared(text, pieces)
    if extra:
        pieces.append(extra)
    keep = obj.mode == "bare" and len(pieces) == 1 and kind == "open"
    cleaned = [it.clean(text, p, keep_project=keep) for p in pieces]
    names = [text[a:b] for a, b in cleaned]
    if kind == "project":
        return [c for c, nm in zip(cleaned, names, strict=True) if ok_explicit(nm)]
    if obj.mode in ("bare", "post") and not obj.chained:
        return _subject(cleaned, names, obj)
    aim = core.endswith(AIM_TRIGGERS)
    if len(cleaned) == 1:
        single_ok = ok_single(names[0], strict=aim) or (
            len(raw) == 1
            and _NAMED_END_RE.search(text, raw[0][0], raw[0][1]) is not None
            and ok_named(names[0])
        )
        return cleaned if single_ok else []
    keep_idx = [n for n, nm in enumerate(names) if not shapes.is_status(nm)]
    if len(keep_idx) < len(names):  # 兰州农产品物流中心、国家重点农产品批发市场
        cleaned = [cleaned[n] for n in keep_idx]
        names = [names[n] for n in keep_idx]
        if len(names) == 1:
            return cleaned if ok_single(names[0], strict=aim) else []
    if len(raw) == 1 and len(names) == 2:  # A和B: two undertakings named together
        if not any(ok_single(nm, strict=aim) for nm in names):
            return []
        return [c for c, nm in zip(cleaned, names, strict=True) if ok_pair_member(nm, aim)]
    good = [ok_listed(nm, strict=aim) for nm in names]
    n_good = sum(good)
    if len(names) == 2 and n_good == 1 and not aim:  # 台中绿美图、…广场改善工程
        bare = names[good.index(False)]
        if len(bare) <= 6 and not shapes.is_generic(bare) and not common_bad(bare):
            good = [True, True]
            n_good = 2
    if n_good == 0 or (len(names) <= 2 and n_good < len(names)) or n_good * 2 < len(names):
        return []
    companions = len(names) >= 3 and n_good >= 2 and not aim
    return [
        c
        for c, nm, g in zip(cleaned, names, good, strict=True)
        if g or (companions and ok_companion(nm))
    ]


def _subject(cleaned: list[Item], names: list[str], obj: Obj) -> list[Item]:
    """A bare clause or the subject of a closing verb: one strongly marked name only."""
    if obj.mode == "post" and len(cleaned) > 1 and it.is_post(obj.verb):
        # 滨河快速路东延段、东岗立交改造工程建成通车: every item must look like a facility,
        # except zones listed beside them (…、XX示范区加快建设), which are left out
        good = [ok_listed(nm, strict=False) for nm in names]
        zones_only = all(g or shapes.is_area(nm) for g, nm in zip(good, names, strict=True))
        if zones_only and (sum(good) >= 2 or all(good)):
            return [c for c, g in zip(cleaned, good, strict=True) if g]
        return []
    if obj.listed and len(cleaned) >= 2:
        strong = all(
            shapes.has_strong_head(nm) or shapes.is_route(nm) or inner_head(nm) for nm in names
        )
        return cleaned if strong and all(ok_listed(nm, strict=False) for nm in names) else []
    if len(cleaned) != 1:
        return []
    nm = names[0]
    if obj.mode == "bare":
        if (
            obj.whole
            and 5 <= len(nm) <= 48
            and (nm.endswith(("项目", "工程")) or (obj.described and shapes.has_strong_head(nm)))
        ):
            return cleaned if ok_named(nm) else []
        return []
    if it.is_post(obj.verb) and ok_single(nm, strict=False) and shapes.has_strong_head(nm):
        return cleaned
    return []


def _tail(text: str, s: int, e: int) -> tuple[str, int, Item | None]:
    """Where the list ends and what its `等…` tail calls it: project, bad, neutral or open."""
    last = None
    has_et = text.find("等", s, e) >= 0
    for m in _ET_RE.finditer(text, s, e) if has_et else ():
        if m.start() - s < 2:
            continue
        rest = text[m.end() : e]
        if "、" in rest and "、" in _depth0(rest):
            continue  # 兰山等农业示范园、青白石…: the 等 is inside an item
        if _TAIL_COUNT_RE.match(rest) and not _TAIL_PROJECT_RE.match(rest):
            continue  # 五泉山等7座公园改造提升
        last = m
    if last is None:
        if text.find("、", s, e) < 0:
            return "open", e, None  # both counted tails need a 、 before the count
        last_char = text[e - 1] if e > s else ""
        # A、B两个项目: the count closes the list (it ends in 项目/工程, 建设 or not)
        counted = _COUNTED_TAIL_RE.search(text, s, e) if last_char in "目程设" else None
        if counted and "、" in text[s : counted.start()]:
            return "project", counted.start(), None
        # 石门、青龙两座水库: names of one kind
        counted = _COUNTED_HEAD_RE.search(text, s, e) if last_char in _COUNTED_HEAD_LAST else None
        if counted and "、" in text[s : counted.start()]:
            return "project", counted.start(), None
        return "open", e, None
    tail = text[last.end() : e]
    if _TAIL_BAD_WORD_RE.match(tail) or _TAIL_PLACE_RE.match(tail):
        return "bad", last.start(), None  # …等产业凝炼92个招商项目: the list names industries
    if _TAIL_PROJECT_RE.match(tail):
        return "project", last.start(), None
    noun, extra = tail, None
    am = _TAIL_AND_RE.search(tail)
    if am and am.start() >= 2:
        noun = tail[: am.start()]
        extra = it.trim(text, last.end() + am.end(), e)
    noun = _TAIL_STRIP_RE.sub("", noun) or noun
    if shapes.has_strong_head(noun) and not _TAIL_BAD_WORD_RE.search(noun):
        return "project", last.start(), extra  # …等社会住宅, …等商业综合体: kinds of facility
    if (
        tail.startswith("为")
        or _TAIL_BAD_WORD_RE.search(tail[:12])
        or _TAIL_BAD_END_RE.search(noun)
    ):
        return "bad", last.start(), None
    return "neutral", last.start(), extra


def _depth0(seg: str) -> str:
    return _BRACKETED_RE.sub("", seg)
