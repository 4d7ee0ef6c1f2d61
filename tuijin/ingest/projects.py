"""Project names: every named undertaking the text says to build, implement, sign or has built.

The stage reads clause by clause. A clause's verbs (建设 实施 推进 加快 开工 签约 建成 …) cut it
into objects; an object is a list `A、B、C等(重点)项目` (explicit: every item counts), an open
list after a verb (an item counts when it ends in a head noun such as 产业园/水库/生产线, a work
noun such as 改造/搬迁, or carries a capacity), or a subject before a completion verb. Areas,
status aims, slogan programmes, platforms and generic phrases are filtered out by shape.
Table rows under a 项目名称 column, titled lines (城西水厂项目，总投资…; 铁路：A、B), one
project a line in news (XX有限公司年产…项目，总投资N亿元；), name-only numbered lines under a
project caption, news descriptions (XX项目总投资…, 在XX项目现场), signed agreements and
capacity-led names (新上1000万吨炼油项目) are added.

Speed: one regex pass marks where a name can end (project_parts/signals.py); only sentences
holding such a mark are looked at (found from the marks, not by walking every sentence), and a
sentence or clause is read only if it also holds a verb, a list tail or a project word (searched
for inside its span). Compiled regexes run over bounded spans, cheap exact tests (a character
that must be present, a word the span must end in) skip the ones that cannot match, and verdicts
on name strings are cached, so the cost stays linear on long or junk input.
Heading lines are part of the text and are read like any other clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from tuijin.ingest.project_parts import items as it
from tuijin.ingest.project_parts import shapes
from tuijin.ingest.project_parts.objects import Obj, read_object
from tuijin.ingest.project_parts.signals import ANCHOR_RE, anchor_positions, signal_positions
from tuijin.ingest.project_parts.tables import enumerated_names, table_projects
from tuijin.ingest.project_parts.verbs import capacity_names, verb_runs
from tuijin.ingest.project_parts.verdicts import ok_named
from tuijin.ingest.result import ProjectMention, Span

Item = it.Item

_SENT_MAX = 2000
_SENT_RE = re.compile(rf"[^。！？；;!?\r\n…]{{1,{_SENT_MAX}}}")
_SEPS = "。！？；;!?\r\n…"
_SEP_RE = re.compile(f"[{_SEPS}]")
# A clause runs to a separator outside brackets and quotes. Plain characters are taken a run at
# a time; at an opening bracket or quote the closed group is tried first, then the character.
_CLAUSE_RE = re.compile(
    r"(?:[^，,：:\t|（(“]+|（[^）\n]{0,30}）|\([^)\n]{0,30}\)|“[^”\n]{0,40}”|[（(“])+"
)
# Without brackets or quotes a clause is a plain run between separators, which the regex engine
# finds far faster than the grouped pattern (its opening repeat gets no first-character skip).
_GROUPED_RE = re.compile(r"[（(“]")
_PLAIN_CLAUSE_RE = re.compile(
    r"[^，,：:\t| \r\u3000\u00a0][^，,：:\t|]*[^，,：:\t| \r\u3000\u00a0]"
)
_COLONS = ("：", ":")
_CONTENT_LABELS = ("建设内容", "建设规模", "主要内容", "项目概况", "建设地点")
_LIST_HEADS = tuple(
    w + tail
    for w in ("项目", "工程")
    for tail in ("", "名称", "清单", "名单", "有", "包括", "如下", "主要有")
)
_INTRO_RE = re.compile(r"(?:项目|工程)[^，。]{0,12}?(?:包括|主要有|有|为|如下|分别是|分别为|涉及)$")
_NAME_DESC_RE = re.compile(
    r"(?:项目|工程|产业园|基地|生产线|园区|物流园|电站|水库|医院)(?:[（(][^（()）]{1,10}[）)])?"
    r"(?=总投资|计划总投资|计划投资|总投资额|占地|位于|建设内容|主要建设|建设规模|"
    r"由[^，。]{2,20}投资|预计|建成后|投产后|于\d{4}年|现场|建设现场|施工现场|工地"
    r"|(?:签约|开工|奠基|竣工|投产)(?:仪式|典礼))"
    # news on progress: XX项目已完成主体封顶, XX工程进入装修阶段, XX工程累计完成投资…
    r"|(?:项目|工程)(?:[（(][^（()）]{1,10}[）)])?"
    r"(?=已|正在|进入|累计完成|完成投资|目前|进展顺利|主体|将于|顺利)"
)
_LIST_END_RE = re.compile(r"(?:项目|工程)(?:建\s*设)?$")
_AGREEMENT_RE = re.compile(
    r"(?:签订|签署)了?(?P<name>[^，。；、,;\n]{3,40}?(?:项目|工程))"
    r"(?:投资|合作|战略合作|框架|招商|建设)?(?:协议|合同|意向书)"
)
_SCOPE_RE = re.compile(r"以上|以下|左右|超过|不低于|不少于|各|全市|全省|全区")
_NOT_CONTINUING = ("并", "且", "而", "及", "和", "同", "以", "从", "为", "让", "使", "其中", "此外")
_LIST_HEAD_RE = re.compile(r"(?:项目|工程)(?:名称|清单|名单|有|包括|如下|主要有)?$")
_NAMED_RE = re.compile(r"(?:项目|工程)(?:[（(][^（()）]{1,12}[）)])?$")
_ENUM_RE = re.compile(
    r"\s*(?:[(（]?\d{1,3}[)）.．、]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)
_OPENERS = ("建设", "实施", "推进", "加快", "落地", "签约", "提速")  # also open an object
_SUBJECT_CUTS = ("在", "设在", "位于", "的", "走进", "来到")
_PROJECTS_NOUN_RE = re.compile(r"项目|工程")
_QUOTE_RE = re.compile("[“「‘《]")  # what verb_runs counts as an opening quote
_INTRO_NEXT_RE = re.compile(r"\s*(?:包括|主要包括|主要有|分别是|分别为|涉及|如)")
_CONTENT_NEXT_RE = re.compile(
    r"[。．.]\s*(?:主要)?(?:建设|新建|改建|扩建|总投资|计划总投资|占地|规划用地|项目总投资)"
)
_WHEN_RE = re.compile(
    r"(?:也|还|均|都|将|计划|预计|拟|有望|力争|争取)*于?"
    r"(?:(?:今年|明年|年内|年底|下月|本月|近期|近日|\d{4}年|[一二三四五六七八九十\d]{1,2}月)"
    r"(?:底|前|内|初|中旬|下旬|上旬)?){1,3}(?:前)?$"
)
# 至今未进场施工, 仍未开工: a negated status before the closing verb is not part of the subject.
_NOT_YET_RE = re.compile(
    r"(?:至今|迄今|目前|仍然|依然|仍|尚|均|都|还|也|迟迟|一直)*(?:未能|未|没有)$"
)
_DESC_NEXT_RE = re.compile(
    r"[，,]\s*(?:总投资|计划总投资|项目总投资|投资总额|总投资额|计划投资|估算总投资|占地|用地面积|位于"
    r"|建设内容|主要建设|建设规模|建筑面积|总建筑面积|装机容量|设计产能|建成后)"
)
_PRONOUN_RE = re.compile(r"(?:该|本|此|这些|上述)(?:项目|工程)|主要建设|建设内容|建设规模")
_PRONOUN_FIRST = frozenset("该本此这上主建")


def extract_projects(text: str) -> list[ProjectMention]:
    """Project names in document order; only identical names are dropped as duplicates."""
    found: list[Item] = list(table_projects(text))
    signals = signal_positions(text)  # one pass over the whole text
    run_anchors: tuple[int, list[int]] = (-1, [])
    for ss, se, run_start, run_end in _signalled_runs(text, signals):
        # Most sentences name nothing. An anchor word is looked for in the sentence itself: no
        # anchor word runs across the punctuation that ends a sentence or a clause. A piece of an
        # over-long sentence takes the anchors of its whole run, as one pass over it finds them.
        anchors: list[int] | None = None
        if ss != run_start or se != run_end:
            if run_anchors[0] != run_start:
                run_anchors = (run_start, anchor_positions(text, run_start, run_end))
            anchors = run_anchors[1]
        if (
            ANCHOR_RE.search(text, ss, se) is not None if anchors is None else _has(anchors, ss, se)
        ) or _CONTENT_NEXT_RE.match(text, se) is not None:
            found.extend(_sentence(text, ss, se, signals, anchors))
    for s, e in enumerated_names(text):  # (1)北湖文旅综合体 under a project caption
        name = text[s:e]
        if ok_named(name) and (shapes.has_head(name) or name.endswith(("项目", "工程"))):
            found.append((s, e))
    for s, e in capacity_names(text):  # 新上1000万吨炼油项目
        if ok_named(text[s:e]) and not _SCOPE_RE.search(text, s, e):
            found.append((s, e))
    for m in _AGREEMENT_RE.finditer(text):  # 与我市签订XX项目合作协议
        s, e = m.span("name")
        if ok_named(text[s:e]) and not _SCOPE_RE.search(text, s, e):
            found.append((s, e))
    return _finish(text, found)


def _signalled_sentences(text: str, signals: list[int]) -> Iterator[tuple[int, int]]:
    """The spans `_SENT_RE.finditer(text)` gives, only for those that hold a signal."""
    for ss, se, _, _ in _signalled_runs(text, signals):
        yield ss, se


def _signalled_runs(text: str, signals: list[int]) -> Iterator[tuple[int, int, int, int]]:
    """Signalled sentences as (start, end, start of their run, end of their run).

    Found from the signals rather than by visiting every sentence: a sentence is the run of
    text between two separators, cut into pieces of _SENT_MAX characters when longer. The
    separator before a signal is searched for in the reversed text, the one after it in the text.
    """
    n = len(text)
    reversed_text = text[::-1]
    n_signals = len(signals)
    i = 0
    while i < n_signals:
        p = signals[i]
        if text[p] in _SEPS:  # not expected (no signal starts on a separator)
            i += 1
            continue
        before = _SEP_RE.search(reversed_text, n - 1 - p)
        run_start = n - before.start() if before else 0
        after = _SEP_RE.search(text, p)
        run_end = after.start() if after else n
        ss = run_start + (p - run_start) // _SENT_MAX * _SENT_MAX
        se = min(run_end, ss + _SENT_MAX)
        yield ss, se, run_start, run_end
        i = bisect_left(signals, se, i + 1)


def _finish(text: str, found: list[Item]) -> list[ProjectMention]:
    found = sorted(set(found), key=lambda x: (x[0], -x[1]))
    kept: list[Item] = []
    for s, e in found:  # a span inside an earlier, longer one is the same mention
        if kept and s >= kept[-1][0] and e <= kept[-1][1]:
            continue
        kept.append((s, e))
    out: list[ProjectMention] = []
    seen: set[str] = set()
    for s, e in kept:
        name = text[s:e]
        if name in seen or len(name.strip()) < 2:
            continue
        seen.add(name)
        out.append(ProjectMention(name=name, span=Span(s, e)))
    return out


def _sentence(
    text: str, start: int, end: int, signals: list[int], anchors: list[int] | None
) -> list[Item]:
    """Names in one sentence; `anchors` is None when a search inside a clause finds them."""
    out: list[Item] = []
    if _GROUPED_RE.search(text, start, end):
        clauses = []
        for m in _CLAUSE_RE.finditer(text, start, end):
            a, b = m.span()
            if text[a] in it.SPACE or text[b - 1] in it.SPACE:
                a, b = it.trim(text, a, b)
            if b - a >= 2:
                clauses.append((a, b))
    else:  # the trimmed runs of two or more characters, found by one pattern
        clauses = [m.span() for m in _PLAIN_CLAUSE_RE.finditer(text, start, end)]
    whole = len(clauses) == 1 and _is_line(text, start, end)
    explicit = False
    chain: list[Obj] = []  # an open list that runs on over commas: A、B,C、D项目建设
    at_line = start == 0 or text[start - 1] in "\r\n"
    prev_end = -1
    n_sig = len(signals)
    # Searches over the whole sentence that rule out work in every clause: a clause can hold an
    # intro word (项目/工程) or a quote only if the sentence does.
    project_word = _PROJECTS_NOUN_RE.search(text, start, end) is not None
    quoted = _QUOTE_RE.search(text, start, end) is not None
    for k, (cs, ce) in enumerate(clauses):
        after_colon = k > 0 and text.startswith(_COLONS, prev_end)
        if after_colon and text.endswith(_CONTENT_LABELS, clauses[k - 1][0], prev_end):
            break  # 建设内容：新建厂房及配套设施: the parts of a project, not projects
        prev_end = ce
        i = bisect_left(signals, cs)
        signalled = i < n_sig and signals[i] < ce
        if (
            k == 0
            and signalled
            and (
                (at_line and (_titled(text, cs, ce) or _headed_item(text, cs, ce, end)))
                or _described(text, cs, ce)
            )
        ):
            # 兰州至合作铁路：新建…  /  （3）城西水厂项目，总投资…: a name that titles its line
            titled = read_object(text, Obj(cs, ce, "", "bare", whole=True, described=True))
            if titled:
                out.extend(titled)
                break  # the rest of the sentence describes it (总投资…, 新建…)
        if not (
            signalled
            and (
                chain
                or explicit
                or after_colon
                or (
                    ANCHOR_RE.search(text, cs, ce) is not None
                    if anchors is None
                    else _has(anchors, cs, ce)
                )
            )
        ):
            if chain:
                out.extend(_read_chain(text, chain))
                chain = []
            explicit = False
            continue
        # XX项目总投资5亿元, 在XX项目现场; and a named work as the subject of its progress
        # (XX铁路累计完成投资…, XX工程完成路基…), which must end in a strong head or 项目/工程
        for m in _NAME_DESC_RE.finditer(text, cs, ce):
            cuts = [text.rfind(w, cs, m.start()) + len(w) for w in _SUBJECT_CUTS]
            ns = max([cs] + [c for c, w in zip(cuts, _SUBJECT_CUTS, strict=True) if c >= len(w)])
            obj = Obj(ns, m.end(), "", "bare", whole=True, described=True)
            out.extend(read_object(text, obj))
        done = text.find("完成", cs + 5, ce)  # 沅屏至X铁路（一期）累计完成投资…
        if done > 0 and not text.startswith("率", done + 2):
            if text.endswith("累计", cs, done):
                done -= 2
            out.extend(read_object(text, Obj(cs, done, "", "bare", whole=True, described=True)))
        objs = _clause_objects(text, cs, ce, explicit, whole, quoted)
        if after_colon and objs[0].mode == "bare":
            objs[0].listed = True  # 铁路：川藏铁路、和若铁路: a list under a category
        if chain and len(objs) == 1 and _continues(text, objs[0], cs):
            chain.append(objs[0])
            objs = []
        elif chain:
            out.extend(_read_chain(text, chain))
            chain = []
        last = len(objs) - 1
        for j, obj in enumerate(objs):
            if j == last and obj.end == ce and obj.mode == "verb":
                if chain:
                    out.extend(_read_chain(text, chain))
                chain = [obj]
            elif obj.mode != "none" and _has(signals, obj.start, obj.end):
                out.extend(read_object(text, obj))
        # every intro below holds 项目 or 工程
        pw = _PROJECTS_NOUN_RE.search(text, cs, ce) if project_word else None
        explicit = pw is not None and (
            _INTRO_RE.search(text, pw.start(), ce) is not None
            or (text.startswith(_COLONS, ce) and text.endswith(_LIST_HEADS, cs, ce))
            or _INTRO_NEXT_RE.match(text, ce + 1, end) is not None
        )
    if chain:
        out.extend(_read_chain(text, chain))
    return out


def _titled(text: str, cs: int, ce: int) -> bool:
    """The first clause of a line, before a colon or after an enumerator, ending in a name."""
    if text.startswith(("：", ":"), ce):
        name = text[cs:ce]
        return _LIST_HEAD_RE.search(name) is None and shapes.has_strong_head(name)
    return _ENUM_RE.match(text, cs, ce) is not None and _NAMED_RE.search(text, cs, ce) is not None


def _headed_item(text: str, cs: int, ce: int, end: int) -> bool:
    """2.黄石新港多式联运中心。建设…: an enumerated line that is only a name, then its content."""
    return (
        ce == end
        and _ENUM_RE.match(text, cs, ce) is not None
        and shapes.has_strong_head(text[cs:ce])
        and _CONTENT_NEXT_RE.match(text, end) is not None
    )


def _described(text: str, cs: int, ce: int) -> bool:
    """A sentence that opens with a bare name and goes on to describe it (A项目，总投资5亿元)."""
    return _DESC_NEXT_RE.match(text, ce) is not None and not verb_runs(text, cs, ce)


def _has(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _continues(text: str, obj: Obj, cs: int) -> bool:
    """A verbless clause (or one closed by 建设/投产) that carries on the previous list."""
    if obj.start != cs or obj.mode not in ("bare", "post"):
        return False
    if obj.mode == "post" and not it.is_post(obj.verb):
        return False
    seg = text[obj.start : obj.end]
    return not seg.startswith(_NOT_CONTINUING) and not any(
        w in seg for w in ("的", "到", "对", "向", "把")
    )


def _read_chain(text: str, chain: list[Obj]) -> list[Item]:
    """Objects continued over commas share the list kind of the last clause's ending."""
    if len(chain) <= 1:
        return [x for o in chain for x in read_object(text, o)]
    tail = text[chain[-1].start : chain[-1].end]
    explicit = _LIST_END_RE.search(tail) is not None
    out: list[Item] = []
    for o in chain:
        o.explicit = o.explicit or explicit
        o.chained = True
        out.extend(read_object(text, o))
    return out


def _is_line(text: str, start: int, end: int) -> bool:
    before = start == 0 or text[start - 1] == "\n"
    after = end >= len(text) or text[end] == "\n"
    return before and after


def _clause_objects(
    text: str, cs: int, ce: int, explicit: bool, whole: bool, quoted: bool
) -> list[Obj]:
    if text[cs] in _PRONOUN_FIRST and _PRONOUN_RE.match(text, cs, ce):
        return [Obj(ce, ce, "", "none")]  # 该项目主要建设…: the content of a project
    runs = verb_runs(text, cs, ce, quoted)
    if not runs:
        return [Obj(cs, ce, "", "bare", explicit, whole)]
    objs: list[Obj] = []
    r0s, r0e = runs[0]
    first_post: bool | None = None  # is_post() of the first run's object, once computed
    if r0s - cs >= 2:
        first_obj = text[r0e : runs[1][0] if len(runs) > 1 else ce]
        verb = text[r0s:r0e]
        if len(first_obj.strip()) >= 2:
            first_post = it.is_post(first_obj)
        if (
            first_post is None
            or first_post
            or (it.is_post(verb) and not text.startswith(_OPENERS, r0s))
        ):
            when = _WHEN_RE.search(text, cs, r0s)  # XX基地也将于下月开工: the time goes
            if when is None and text[r0s - 1] in "未有能":
                when = _NOT_YET_RE.search(text, cs, r0s)
            subject_end = when.start() if when and when.start() - cs >= 2 else r0s
            objs.append(Obj(cs, subject_end, verb, "post", explicit))
    if text[cs] == "以" and r0s > cs + 1:
        return objs or [Obj(ce, ce, "", "none")]  # 以三北防护林…为依托: a frame
    n = len(runs)
    for k in range(n):
        rs, re_ = runs[k]
        oe = runs[k + 1][0] if k + 1 < n else ce
        if oe - re_ < 2 or text.find("把", cs, rs) >= 0:
            continue
        closes = first_post if k == 0 and first_post is not None else it.is_post(text[re_:oe])
        if closes:  # only closing verbs follow: the subject is the object
            continue
        objs.append(Obj(re_, oe, text[rs:re_], "verb", explicit))
    return objs or [Obj(ce, ce, "", "none")]
