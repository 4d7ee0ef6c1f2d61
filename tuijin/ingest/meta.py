"""Document metadata: title, 文号, issuer and date.

Government documents carry them in fixed places (the issuer line and 文号 at the top, the 通知
title, the signature and its date at the end; reposts add 发文机关/成文日期 fields). News articles
carry a headline before the first paragraph, a 来源/稿源 line and a 发布时间 field or a dateline.
Each field is looked for in those places in order of reliability; nothing found gives None.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .dates import iso, parse_full_date
from .headings import is_body
from .lexicon import words
from .result import Meta
from .segment import Line

_TOP = 40  # content lines searched for top-of-document fields


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled on first use: most documents need few of these, and compiling one
    costs more than matching the few dozen lines metadata is looked for in."""
    return re.compile(pattern)


# Names of issuing bodies end in one of these (then perhaps 文件: 市人民政府文件).
_ORG_ENDS = words(
    "人民政府办公厅 人民政府办公室 人民政府 办公厅 办公室 委员会 国务院 党委 人大常委会 管理委员会"
    " 管委会 委 局 厅 部 署 中心 督查室 研究室"
)
_ORG_TAILS = (*_ORG_ENDS, "文件")  # how every body's line ends
_ISSUER_ENDS = words(
    "人民政府办公厅 人民政府办公室 人民政府 办公厅 办公室 委员会 国务院 党委 管理委员会 管委会"
    " 厅 局"
)
_DOCNO = (
    r"[\u4e00-\u9fff]{1,14}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号"
    r"|[\u4e00-\u9fff]{0,14}?(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d{1,5}\s*号"
)
_FIELD = (
    r"(?P<key>标\s*题|发文机关|发文字号|文\s*号|成文日期|发布日期|发布时间|发稿时间|"
    r"稿\s*源|来\s*源|信息来源|日\s*期|时\s*间)\s*[:：]\s*"
)
_DOC_TYPES = words(
    "通知 意见 决定 批复 函 通报 报告 请示 公告 通告 方案 规划 纲要 计划 办法 规定 细则 条例 要点"
    " 措施 决议 纪要 指南 清单"
)
_DOC_TYPE = f"(?:{'|'.join(_DOC_TYPES)})"
_DOC_TYPE_ENDS = tuple(_DOC_TYPES)
_NOTICE_TITLE = (
    rf"[^>＞|]{{0,30}}关于[^>＞|]{{2,120}}{_DOC_TYPE}"
    r"|[^>＞|]{2,150}的(?:通知|通报|批复|决定|实施意见|指导意见|意见)"
)
_CHROME = (
    r"首页|欢迎|点击|通版|分享|打印|关闭|字号|浏览|当前位置|[>＞|]|版次|字数|www|http|"
    r"(?:来源|稿源|编辑|作者|记者|发布时间|发布日期|日期|时间)\s*[:：]|索引号|主题分类|^附件|"
    r"^(?:来源|稿源|责任编辑|编辑|作者|本报记者|记者\s)|^(?:新闻|要闻|正文|返回|更多)$"
)
_TITLE_BAD_ENDS = ("。", "：", ":", "，", ",", "；", ";", "、")
_NOT_OUTLET = "|｜,，。;；:：()（）"
_NO_OUTLET = ("本站", "本网", "原创", "网络", "综合", "互联网", "转载", "网站首页")
_DATELINE = (
    r"^(?:【)?(?P<org>[\u4e00-\u9fff]{2,12}?(?:日报|晚报|商报|报|新闻网|网|通讯社|社|电视台|台|"
    r"融媒体中心|客户端))(?:[\u4e00-\u9fff]{0,6}?)(?:(?P<y>(?:19|20)\d{2})年)?"
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:讯|电|消息)"
)
_BYLINE = r"[（(](?P<org>[\u4e00-\u9fff]{2,12}?(?:日报|晚报|商报|报))社?(?:全媒体)?记者"
_SPEECH = r"^[—\-－–\s]*(?P<date>.{6,16}?日)\s*在.{2,60}上"
_MONTH_LINE = r"[（(]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*[）)]?"
_SPEAKER = (
    r"(?P<place>[\u4e00-\u9fff]{1,12}?(?:人民政府|[省市县区州旗盟]))?(?:代理|代)?"
    r"(?:省长|市长|县长|区长|州长|旗长|盟长|主席)\s*[\u4e00-\u9fff·]{2,5}"
)
_CONGRESS = r"在(?P<place>[\u4e00-\u9fff]{2,12}?[省市县区州旗盟])第[^届]{1,6}届人民代表大会"
_YEAR = r"((?:19|20)\d{2})年"
_FIELD_KEYS = r"(?:来\s*源|稿\s*源|作\s*者|责任编辑|编\s*辑|记\s*者|浏览|点击)\s*[:：]"
_BULLETIN_ENDS = ("简报", "动态", "专报", "快报", "要情", "通讯")


def _org_name(seg: str, ends: tuple[str, ...], limit: int) -> bool:
    """`seg` is a body's name: up to `limit` CJK, bracket, 、 or space characters, one of `ends`,
    perhaps 文件 (any way of reading it so, as a regex fullmatch would find)."""
    for body in (seg, seg[:-2]) if seg.endswith("文件") else (seg,):
        if not body.endswith(ends):
            continue
        for end in ends:
            if body.endswith(end):
                head = body[: len(body) - len(end)]
                if len(head) <= limit and all(
                    "\u4e00" <= c <= "\u9fff" or c in "（）()、" or c.isspace() for c in head
                ):
                    return True
    return False


def _org_line(seg: str) -> bool:
    """An issuing body's line: 某某市人民政府办公室, 市发展和改革委员会文件."""
    return _org_name(seg, _ORG_ENDS, 40)


def _issuer_line(seg: str) -> bool:
    return _org_name(seg, _ISSUER_ENDS, 20)


def _plan_title(seg: str) -> bool:
    """4–80 characters (one line) and a document type: …实施方案, …发展规划, perhaps with its
    period in brackets after it (…发展规划（2025—2030年）)."""
    if seg.endswith(("）", ")")):
        opening = max(seg.rfind("（"), seg.rfind("("))
        if opening > 0 and len(seg) - opening <= 16 and any(c.isdigit() for c in seg[opening:]):
            seg = seg[:opening].rstrip()
    return any(
        seg.endswith(w) and 4 <= len(seg) - len(w) <= 80 and "\n" not in seg[: len(seg) - len(w)]
        for w in _DOC_TYPES
    )


def _notice_title(seg: str) -> bool:
    """关于…的通知 / …的实施意见: every such title ends in a document type."""
    return seg.endswith(_DOC_TYPE_ENDS) and _rx(_NOTICE_TITLE).fullmatch(seg) is not None


def _docno(seg: str) -> bool:
    """A 文号 (兰政发〔2021〕12号, 第3号) filling the whole line."""
    return seg.endswith("号") and _rx(_DOCNO).fullmatch(seg) is not None


def _cjk_count(text: str) -> int:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


def _content(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.text]


def _seg(simp: str, line: Line) -> str:
    return simp[line.start : line.end]


def _fields(content: list[Line], simp: str, text: str) -> dict[str, str]:
    """`key：value` fields of reposting pages (first occurrence wins)."""
    out: dict[str, str] = {}
    for line in content:
        seg = _seg(simp, line)
        if "：" not in seg and ":" not in seg:
            continue  # every field has a colon
        matches = list(_rx(_FIELD).finditer(seg))
        for i, m in enumerate(matches):
            key = "".join(m.group("key").split())
            end = matches[i + 1].start() if i + 1 < len(matches) else len(seg)
            value = text[line.start + m.end() : line.start + end].strip()
            if value and key not in out:
                out[key] = value
    return out


def _first_body(content: list[Line]) -> int:
    for i, line in enumerate(content):
        if is_body(line) and len(line.text) > 15:
            return i
    return len(content)


def _title(content: list[Line], simp: str, body: int) -> tuple[str, str] | None:
    """The title as printed, and its simplified twin (for the shape checks of the caller)."""
    top = content[: min(_TOP, len(content))]
    for i, line in enumerate(top):
        seg = _seg(simp, line)
        if _notice_title(seg) and len(seg) <= 150:
            return line.text, seg
        broken = "关于" in seg[:32] and len(seg) <= 60 and not seg.endswith(_TITLE_BAD_ENDS)
        if broken:  # a title printed over two or three lines
            joined_simp, joined = seg, line.text
            best: tuple[str, str] | None = None
            for nxt in top[i + 1 : i + 3]:
                if len(nxt.text) > 60 or nxt.text.endswith(_TITLE_BAD_ENDS):
                    break
                joined_simp += _seg(simp, nxt)
                joined += nxt.text
                if _notice_title(joined_simp):
                    best = joined, joined_simp
            if best:
                return best
    head = content[: min(body, _TOP)]
    candidates = [
        ln
        for ln in head
        if 4 <= len(ln.text) <= 80
        and _cjk_count(ln.text) >= 4
        and not ln.text.endswith(_TITLE_BAD_ENDS)
        and not _rx(_CHROME).search(_seg(simp, ln))
        and parse_full_date(_seg(simp, ln)) is None
        and not ln.text.startswith(("—", "-"))
        and not (len(ln.text) <= 20 and _issuer_line(_seg(simp, ln)))
        and not _docno(_seg(simp, ln))
    ]
    for i, ln in enumerate(candidates):
        if _plan_title(_seg(simp, ln)):
            if (  # a plan title broken before its last words ("…推进工作" / "实施方案")
                i > 0
                and candidates[i - 1].index >= ln.index - 2
                and 6 <= len(candidates[i - 1].text) < 30
                and len(ln.text) <= 15
            ):
                prev = candidates[i - 1]
                if not _plan_title(_seg(simp, prev)):
                    return prev.text + ln.text, _seg(simp, prev) + _seg(simp, ln)
            return ln.text, _seg(simp, ln)
    for ln in candidates:
        if _cjk_count(ln.text) >= 6:
            return ln.text, _seg(simp, ln)
    return None


def _doc_number(content: list[Line], simp: str, text: str) -> str | None:
    order = content[:_TOP] + content[-15:]
    for line in order:
        seg = _seg(simp, line)
        body = seg
        if seg.startswith(("发文字号", "文")):
            body = re.sub(r"^(?:发文字号|文\s*号)\s*[:：]\s*", "", seg)
        if _docno(body.strip()) and len(body) <= 40:
            off = line.start + (len(seg) - len(body)) + (len(body) - len(body.lstrip()))
            return text[off : off + len(body.strip())]
    return None


def _date_line(simp: str, line: Line) -> str | None:
    """ISO date of a line that holds only a date (and perhaps the signing body)."""
    seg = _seg(simp, line)
    if len(seg) > 40:
        return None
    found = parse_full_date(seg)
    if not found:
        month = _rx(_MONTH_LINE).fullmatch(seg) if "年" in seg and "月" in seg else None
        return iso(int(month.group(1)), int(month.group(2))) if month else None
    value, s, e = found
    rest = (seg[:s] + seg[e:]).strip(" ()（）\u3000")
    if rest and not _org_line(rest):
        return None
    return value


def _signature(content: list[Line], simp: str) -> tuple[str | None, Line | None]:
    """The signing date and the line above it (the signing body, if any).

    Looked for at the end, then under a notice followed by the plan or attachment it forwards
    (国务院 / 2021年12月12日 before the plan), where an issuing body must stand above the date.
    """
    tail = content[-12:]
    for i in range(len(tail) - 1, -1, -1):
        value = _date_line(simp, tail[i])
        if value:
            return value, tail[i - 1] if i > 0 else None
    rest = content[: max(0, len(content) - 12)]
    for i in range(1, len(rest)):
        above = rest[i - 1]
        if (
            len(rest[i].text) > 40
            or not simp.endswith(_ORG_TAILS, above.start, above.end)  # cheap test first
            or not _org_line(_seg(simp, above))
        ):
            continue
        value = _date_line(simp, rest[i])
        if value:
            return value, rest[i - 1]
    return None, None


def _outlet(value: str) -> str | None:
    value = value.strip()
    n = 0  # the outlet's name runs to the first space or punctuation, at most 30 characters
    while n < min(30, len(value)) and not (value[n].isspace() or value[n] in _NOT_OUTLET):
        n += 1
    if n < 2 or value[:n].startswith(_NO_OUTLET):
        return None
    return value[:n]


def _report_government(content: list[Line], simp: str) -> str | None:
    """A 政府工作报告 is issued by the government its speaker heads (`某市市长 张伟`)."""
    head = content[:8]
    if not any(_seg(simp, ln).endswith("工作报告") for ln in head):
        return None
    for line in head:
        seg = _seg(simp, line)
        m = _rx(_SPEAKER).match(seg)
        if m and m.group("place"):
            place = line.text[m.start("place") : m.end("place")]
            return place if place.endswith("政府") else place + "人民政府"
    for line in head:
        m = _rx(_CONGRESS).search(_seg(simp, line))
        if m:
            return line.text[m.start("place") : m.end("place")] + "人民政府"
    return None


def _issuer(
    content: list[Line], simp: str, fields: dict[str, str], gov: bool, sig_above: Line | None
) -> str | None:
    if "发文机关" in fields:
        return fields["发文机关"]
    if gov:
        if sig_above is not None and _org_line(_seg(simp, sig_above)):
            return re.sub(r"文件$", "", sig_above.text)
        for line in content[:15]:
            seg = _seg(simp, line)
            if _org_line(seg) and "关于" not in seg and len(seg) <= 40:
                return re.sub(r"\s*文件$", "", line.text)
    reporter = _report_government(content, simp)
    if reporter:
        return reporter
    for key in ("稿源", "来源", "信息来源"):
        if key in fields and (outlet := _outlet(fields[key])):
            return outlet
    if content:
        m = _rx(_DATELINE).match(_seg(simp, content[0]))
        if m:
            return content[0].text[m.start("org") : m.end("org")]
    for line in content[-5:]:
        m = _rx(_BYLINE).search(_seg(simp, line))
        if m:
            return line.text[m.start("org") : m.end("org")]
    return None


def _date(
    content: list[Line],
    simp: str,
    fields: dict[str, str],
    signed: str | None,
    body: int,
    official: bool,
) -> str | None:
    """Signing date for official documents; publication time first for news pages."""
    if "成文日期" in fields and (found := parse_full_date(fields["成文日期"])):
        return found[0]
    if signed and official:
        return signed
    for key in ("发布时间", "发布日期", "发稿时间", "日期", "时间"):
        if key in fields and (found := parse_full_date(fields[key])):
            return found[0]
    if signed:
        return signed
    for line in content[: min(body + 3, _TOP)]:
        seg = _seg(simp, line)
        found = parse_full_date(seg)
        if found and (len(_before_fields(seg)) <= 24 or _rx(_SPEECH).match(seg)):
            return found[0]
    if content:
        m = _rx(_DATELINE).match(_seg(simp, content[0])) or re.match(
            r"^.{0,20}?(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:讯|电|消息)",
            _seg(simp, content[0]),
        )
        if m:
            year = int(m.group("y")) if m.group("y") else _main_year(simp)
            return iso(year, int(m.group("m")), int(m.group("d")))
    return None


def _before_fields(seg: str) -> str:
    """A news line's part before its fields: `2025-07-08 10:26  来源：某某发布` gives the time."""
    m = _rx(_FIELD_KEYS).search(seg)
    return seg[: m.start()] if m else seg


def _bulletin(content: list[Line], simp: str) -> tuple[str | None, str, str] | None:
    """A briefing's masthead: `某某工作简报` / `第15期` / `某单位办公室   2025年8月5日`.

    The issuing office and date stand on one line under the masthead; the title is the lead
    item's headline after it (None when the first line after the masthead is body text).
    """
    top = content[:6]
    for i, line in enumerate(top[:3]):
        seg = _seg(simp, line).strip()
        if len(seg) > 24 or not seg.endswith(_BULLETIN_ENDS):
            continue
        for j in range(i + 1, min(i + 4, len(top))):
            below = top[j]
            date = _date_line(simp, below)
            found = parse_full_date(_seg(simp, below)) if date else None
            if not date or not found:
                continue
            _, s, e = found
            org = (below.text[:s] + below.text[e:]).strip(" \u3000()（）")
            if not org or not _org_line(_seg(simp, below)[:s].strip()):
                continue
            title = None
            if j + 1 < len(content):
                nxt = content[j + 1]
                nseg = _seg(simp, nxt)
                if 4 <= len(nseg) <= 40 and not nseg.endswith(_TITLE_BAD_ENDS):
                    title = nxt.text.strip()
            return title, org, date
    return None


def _main_year(simp: str) -> int | None:
    years = Counter(int(y) for y in _rx(_YEAR).findall(simp[:200_000]))
    if not years:
        return None
    best = max(years.values())
    return max(y for y, n in years.items() if n == best)


def extract_meta(lines: list[Line], text: str, simp: str) -> Meta:
    """Title, 文号, issuer and ISO date of the document, each None when not stated."""
    content = _content(lines)
    if not content:
        return Meta()
    head = content[:_TOP] + content[-15:]
    fields = _fields(head, simp, text)
    body = _first_body(content)
    found = _title(content, simp, body)
    title, title_simp = found if found else (None, "")
    if "标题" in fields:
        title, title_simp = fields["标题"], _fields(head, simp, simp).get("标题", "")
    doc_number = fields.get("发文字号") or fields.get("文号") or _doc_number(content, simp, text)
    signed, above = _signature(content, simp)
    official = bool(doc_number) or bool(_notice_title(title_simp) or _plan_title(title_simp))
    signed_by_body = above is not None and _org_line(_seg(simp, above))
    issuer = _issuer(content, simp, fields, official or signed_by_body, above)
    date = _date(content, simp, fields, signed, body, official)
    masthead = _bulletin(content, simp)
    if masthead and "标题" not in fields:  # a briefing: its masthead and lead item decide
        title = masthead[0] or title
        issuer = fields.get("发文机关") or masthead[1]
        date = masthead[2]
    return Meta(title=title, doc_number=doc_number, issuer=issuer, date=date)
