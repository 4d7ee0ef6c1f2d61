"""Read one verb object (or subject) into project items, judged by the kind of list it is.

An explicit list (`…等(重点)项目`, `…等工程`, items ending in 项目, an intro `项目包括：`)
keeps every item that is not a slogan, a status aim or a pronoun. An open list keeps items that
end in a head or work noun or carry a capacity, when most items do; a single object must look
like a named facility. A `…等` tail that names areas, platforms, firms or plans drops the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuijin.ingest.lexicon import (
    ADVERBS,
    AIM_TRIGGERS,
    BAD_TAIL_ENDS,
    BAD_TAIL_WORDS,
    DEAD_TRIGGERS,
    FACILITY_HEADS,
    HEADS,
    WORKS,
    alt,
)
from tuijin.ingest.project_parts import items as it
from tuijin.ingest.project_parts import shapes

Item = it.Item

_ADV_LEAD_RE = re.compile(f"(?:{alt(ADVERBS)})+")
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
_ET_RE = re.compile(r"(?<![平同对高中初均相上次特头优超甲乙])等(?![级于同待候额奖量价号])")
_TAIL_PROJECT_RE = re.compile(r"[^、]{0,18}?(?:项目|工程)")
_TAIL_COUNT_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?[个座条项家所处批户]")
_TAIL_BAD_WORD_RE = re.compile(f"(?:{alt(BAD_TAIL_WORDS)})")
_TAIL_BAD_END_RE = re.compile(f"(?:{alt(BAD_TAIL_ENDS)})$")
_TAIL_STRIP_RE = re.compile(
    r"(?:建\s*设|改造|提升|开发|发展|整治|治理|(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?[个座条项家所处])+$"
)
_TAIL_AND_RE = re.compile(r"以及|和|及")
_NATIONAL_NAME_RE = re.compile(r"国家(?!级|重要|战略|重点|骨干|综合|区域|现代|先进|一流)")
_EXPLICIT_TAIL_RE = re.compile(r"、[^、]{2,40}等[^、]{0,12}(?:项目|工程)")
_SUBJECT_VERB_RE = re.compile(r"共有|还有|包括|涉及|主要有|分别是|分别为|共计|新增|累计|其中|了")
_COUNTED_TAIL_RE = re.compile(
    r"(?<![、第])(?:\d+|[一二两三四五六七八九十]+)(?:个|项|大)(?:重点|重大|产业|续建|新建)?"
    r"(?:项目|工程)(?:建\s*设)?$"
)
_NAMED_RE = re.compile(r"(?:项目|工程)(?:建\s*设)?$")
_TASK_END_RE = re.compile(r"(?:任务|目标|问题|要求)$")
_NAMED_END_RE = re.compile(r"项目(?:建\s*设)?$")
_BRACKETED_RE = re.compile(r"“[^”]*”|（[^）]*）|\([^)]*\)|「[^」]*」")
_VAGUE_RE = re.compile(
    r"各|重点$|重大$|全部|等$|十[一二三四五六七八九]五|重[大点](?:产业|建设)?项目|^[省市县区]?重[大点]"
)
_BARE_HEAD_RE = re.compile(r"(?:项目|工程)\S?")
_MARK_RE = re.compile(r"[A-Za-z0-9]|[首一二三四五六七八九十]期")
_INNER_WORK_RE = re.compile(
    r"(?:改造|提升|扩建|改扩建|搬迁|迁建|重建|开发|修复|治理|加固|除险加固|升级|扩容|续建|新建)$"
)
_OBJ_SIGNAL_RE = re.compile(f"{alt(HEADS + WORKS)}|\\d|[至-]")
_TASK_AFTER_RE = re.compile(r"(?:建\s*设|改造)?(?:任务|目标)")
_COUNT_LEAD_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十几数]+)(?:个|批|类|家)")
_STARTS_BAD = (
    "专栏",
    "附表",
    "附件",
    "重点",
    "重大",
    "一批",
    "各类",
    "这些",
    "该",
    "本",
    "其",
    "所有",
    "有关",
    "相关",
)


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


def read_object(text: str, obj: Obj) -> list[Item]:
    if obj.mode == "none":
        return []
    core = _ADV_LEAD_RE.sub("", obj.verb) if obj.verb else ""
    dead = bool(core) and core.endswith(DEAD_TRIGGERS) and not obj.explicit
    s, e = obj.start, obj.end
    if not _OBJ_SIGNAL_RE.search(text, s, e):
        return []
    m = _CONNECTIVE_RE.match(text, s, e)
    if m:
        s = m.end()
    s, e = it.trim(text, s, e)
    while s < e and text[s] in "了好着":
        s += 1
    prep = _PREP_RE.match(text, s, e)
    if prep and _EXPLICIT_TAIL_RE.search(text, s, e):
        s, prep = prep.end(), None  # 对A、B等招商引资项目，要…: the list itself still counts
    if prep and obj.mode != "verb" and prep.group() in "与在对从向给让使由":
        prep = None  # a subject such as 与会人员…, 在建…: the subject-verb cut handles it
    if e - s < 2 or text[s] in "、等，," or prep:
        return []
    if text.startswith(("为", "成为"), s) and core.endswith(("成", "建设", "打造")):
        return []
    if _TASK_END_RE.search(text, s, e) or _TASK_AFTER_RE.match(text, e):
        return []  # 完成…建设任务: a task, not a facility
    cut = _FRAME_CUT_RE.search(text, s, e)
    if cut:
        e = cut.start()
    kind, list_end, extra = _tail(text, s, e)
    if kind == "bad" or (dead and kind != "project"):
        return []
    if obj.explicit and kind in ("open", "neutral"):
        kind = "project"
    raw = it.split_items(text, s, list_end)
    if not raw:
        return []
    if obj.mode in ("bare", "post"):  # 全市共有A、B等项目: the subject and its verb go
        ends = [v.end() for v in _SUBJECT_VERB_RE.finditer(text, raw[0][0], raw[0][1])]
        if ends and ends[-1] < raw[0][1] - 1:
            raw[0] = (ends[-1], raw[0][1])
    if kind == "open" and len(raw) >= 2 and _NAMED_END_RE.search(text, raw[-1][0], raw[-1][1]):
        kind = "project"  # A工程、B建设、C项目: the list calls its items projects
    if kind == "open" and len(raw) >= 2 and all(_NAMED_RE.search(text, a, b) for a, b in raw):
        kind = "project"  # 观摩了A项目、B项目、C工程
    named = [_NAMED_END_RE.search(text, a, b) is not None for a, b in raw]
    pieces: list[Item] = []
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
            len(named) == 1 and named[0] and ok_named(names[0])
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
        return [c for c, nm in zip(cleaned, names, strict=True) if _ok_pair_member(nm, aim)]
    good = [ok_listed(nm, strict=aim) for nm in names]
    n_good = sum(good)
    if len(names) == 2 and n_good == 1 and not aim:  # 台中绿美图、…广场改善工程
        bare = names[good.index(False)]
        if len(bare) <= 6 and not shapes.is_generic(bare) and not _common_bad(bare):
            good = [True, True]
            n_good = 2
    if n_good == 0 or (len(names) <= 2 and n_good < len(names)) or n_good * 2 < len(names):
        return []
    companions = len(names) >= 3 and n_good >= 2 and not aim
    return [
        c
        for c, nm, g in zip(cleaned, names, good, strict=True)
        if g or (companions and _ok_companion(nm))
    ]


def _subject(cleaned: list[Item], names: list[str], obj: Obj) -> list[Item]:
    """A bare clause or the subject of a closing verb: one strongly marked name only."""
    if obj.mode == "post" and len(cleaned) > 1 and it.is_post(obj.verb):
        # 滨河快速路东延段、东岗立交改造工程建成通车: every item must look like a facility
        if all(ok_listed(nm, strict=False) for nm in names):
            return cleaned
        return []
    if obj.listed and len(cleaned) >= 2:
        strong = all(
            shapes.has_strong_head(nm) or shapes.is_route(nm) or _inner_head(nm) for nm in names
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
    for m in _ET_RE.finditer(text, s, e):
        if m.start() - s < 2:
            continue
        rest = text[m.end() : e]
        if "、" in _depth0(rest):
            continue  # 兰山等农业示范园、青白石…: the 等 is inside an item
        if _TAIL_COUNT_RE.match(rest) and not _TAIL_PROJECT_RE.match(rest):
            continue  # 五泉山等7座公园改造提升
        last = m
    if last is None:
        counted = _COUNTED_TAIL_RE.search(text, s, e)  # A、B两个项目: the count closes the list
        if counted and "、" in text[s : counted.start()]:
            return "project", counted.start(), None
        return "open", e, None
    tail = text[last.end() : e]
    if _TAIL_BAD_WORD_RE.match(tail):
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


def _common_bad(nm: str, *, listed: bool = False) -> bool:
    """Never a project name; `listed` names sit in an explicit list (国家水网 may be one)."""
    return (
        len(nm) < 3
        or _COUNT_LEAD_RE.match(nm) is not None
        or shapes.is_slogan(nm)
        or (shapes.is_status(nm) and not (listed and _NATIONAL_NAME_RE.match(nm)))
        or shapes.has_quoted_list(nm)
        or shapes.is_network(nm)
        or it.has_bad_de(nm)
        or nm.startswith(_STARTS_BAD)
        or _VAGUE_RE.search(nm) is not None
        or _BARE_HEAD_RE.fullmatch(nm) is not None
    )


def ok_explicit(nm: str) -> bool:
    if shapes.ends_with_count(nm):
        return False
    if _COUNT_LEAD_RE.match(nm) and not nm.endswith(("项目", "工程")):
        nm = _COUNT_LEAD_RE.sub("", nm)  # 50个城市主题公园: a counted scope of a listed project
        if len(nm) >= 4 and not _common_bad(nm):
            return True
    return not _common_bad(nm, listed=True)


def ok_listed(nm: str, *, strict: bool) -> bool:
    if _common_bad(nm) or shapes.is_generic(nm) or shapes.is_area_work(nm):
        return False
    if shapes.is_area(nm) and not shapes.is_route(nm):
        return False
    if shapes.ends_with_count(nm) or shapes.is_predicate(nm) or shapes.has_big_count(nm):
        return False
    if strict:
        return shapes.has_strong_head(nm) and _proper(nm) and not shapes.is_aim_scope(nm)
    return shapes.is_projectish(nm)


def _ok_pair_member(nm: str, aim: bool) -> bool:
    if ok_listed(nm, strict=aim):
        return True
    return not aim and shapes.has_strong_head(nm) and not _common_bad(nm) and not shapes.is_area(nm)


def _ok_companion(nm: str) -> bool:
    """A bare name listed beside projects (万达茂、简牍博物馆…)."""
    return len(nm) <= 12 and not _common_bad(nm) and not shapes.is_area(nm)


def ok_named(nm: str) -> bool:
    """An object the text itself calls a 项目 (兰州低温核供热项目建设)."""
    return (
        len(nm) >= 4
        and not _common_bad(nm)
        and not shapes.is_generic(nm)
        and not shapes.is_all_generic(nm)
        and not shapes.is_predicate(nm)
    )


def ok_single(nm: str, *, strict: bool) -> bool:
    if _common_bad(nm) or shapes.is_area(nm) or shapes.is_generic(nm) or shapes.is_area_work(nm):
        return False
    if shapes.ends_with_count(nm) or len(nm) > 40 or "和" in nm:
        return False
    if len(nm) < 5 and not (len(nm) == 4 and nm.endswith(FACILITY_HEADS)):
        return False
    if shapes.is_predicate(nm) or shapes.has_big_count(nm):
        return False
    if strict:
        return shapes.has_strong_head(nm) and _proper(nm) and not shapes.is_aim_scope(nm)
    if shapes.has_strong_head(nm):
        return True
    if shapes.has_head(nm) and (shapes.has_capacity(nm) or shapes.has_place(nm)):
        return True
    if shapes.is_route(nm) and shapes.has_head(nm):
        return True  # 兰州至张掖高铁武威至张掖段
    if shapes.has_work(nm):
        return _proper(nm) or "、" in nm or _inner_head(nm)
    return False


def _proper(nm: str) -> bool:
    """Some identity beyond generic words: a place, a capacity, a phase, Latin letters, digits."""
    return shapes.has_place(nm) or shapes.has_capacity(nm) or _MARK_RE.search(nm) is not None


def _inner_head(nm: str) -> bool:
    """A head noun before the work noun: 污水处理厂处理能力改造."""
    core = shapes.strip_decor(nm)
    for _ in range(3):
        m = _INNER_WORK_RE.search(core)
        if m is None:
            break
        core = core[: m.start()]
    return shapes.has_strong_head(core[:-1]) or shapes.has_strong_head(core)
