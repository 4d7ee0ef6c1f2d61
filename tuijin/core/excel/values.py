"""Cell values of ledgers: text, unit names, numbers, money in 亿元, year-months, deadlines."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Cell = object
MONEY_PLACES = Decimal("0.0001")


# text --------------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")
_BLANKS = frozenset({"", "-", "--", "—", "——", "－", "/", "／", "\\", "无", "暂无", "…", "..."})


def normalise(text: str) -> str:
    """A header or name as a key: NFKC (full-width → half-width), no spaces, lower case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


_NAME_KEY = re.compile(r"[\s\"'“”‘’《》〈〉()（）\[\]【】]")


def name_key(name: str) -> str:
    """A project or task name as a match key: no spaces, quotes or brackets."""
    return _NAME_KEY.sub("", unicodedata.normalize("NFKC", name or ""))


def cell_text(value: Cell, *, oneline: bool = True) -> str:
    """The cell as text: integral floats without ".0", dates in ISO, spaces tidied."""
    if isinstance(value, str):
        if not value:
            return ""
        text = value.replace("\r\n", "\n").replace("\u3000", " ").strip()
        if oneline:
            return _SPACES.sub(" ", text)
        return "\n".join(line.strip() for line in text.split("\n")).strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\u3000", " ").strip()
    if oneline:
        return _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def is_blank(value: Cell) -> bool:
    return cell_text(value) in _BLANKS


_SPLIT = re.compile(r"[、，,；;/／\n\s]+")


def split_names(text: str) -> list[str]:
    """Unit names in one cell ("市发改委、市工信局"), not splitting inside brackets."""
    names: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        if depth == 0 and _SPLIT.fullmatch(ch):
            names.append("".join(current))
            current.clear()
        else:
            current.append(ch)
    names.append("".join(current))
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip().rstrip("等")
        if name and name not in _BLANKS:
            seen.setdefault(name, None)
    return list(seen)


# numbers and money -------------------------------------------------------------------------
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
MONEY_UNITS: dict[str, Decimal] = {
    "亿元": Decimal(1),
    "亿": Decimal(1),
    "百万元": Decimal("0.01"),
    "万元": Decimal("0.0001"),
    "万": Decimal("0.0001"),
    "千元": Decimal("0.00001"),
    "元": Decimal("0.00000001"),
}
_CELL_UNIT = re.compile(r"^(.*?)(亿元|亿|百万元|万元|万|千元|元)$")


def parse_number(value: Cell) -> Decimal | None:
    """A number from a cell: commas, spaces, full-width digits; blank, "—", "无" → None.
    Raises ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(value)
        return Decimal(repr(value))
    if isinstance(value, dt.date):
        raise ValueError(value)
    text = unicodedata.normalize("NFKC", cell_text(value))
    if text in _BLANKS:
        return None
    text = _SPACES.sub("", text).replace(",", "").replace("，", "")
    if not _NUMBER.fullmatch(text):
        raise ValueError(text)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None


def parse_money(value: Cell, scale: Decimal) -> Decimal | None:
    """Money in 亿元 (four places) from a cell in units of SCALE 亿元; a unit written in the
    cell ("3500万元", "1.2亿") wins over the column's."""
    if isinstance(value, str):
        text = _SPACES.sub("", unicodedata.normalize("NFKC", value))
        match = _CELL_UNIT.match(text)
        if match and match.group(1):
            value, scale = match.group(1), MONEY_UNITS[match.group(2)]
    number = parse_number(value)
    if number is None:
        return None
    return (number * scale).quantize(MONEY_PLACES, rounding=ROUND_HALF_UP)


_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")


def money_unit(label: str) -> tuple[Decimal | None, str]:
    """The money unit a header names: (scale in 亿元, text). (None, "") when it names none;
    (None, TEXT) when it names one we do not know (美元, 万美元 …)."""
    text = unicodedata.normalize("NFKC", label)
    for inner in _PAREN.findall(text):
        inner = _SPACES.sub("", inner).removeprefix("单位:").removeprefix("单位")
        if inner in MONEY_UNITS:
            return MONEY_UNITS[inner], inner
        if "元" in inner or inner in ("美元", "港币", "欧元"):
            return None, inner
    bare = _PAREN.sub("", text)
    for unit in ("亿元", "百万元", "万元", "千元"):
        if unit in bare:
            return MONEY_UNITS[unit], unit
    return None, ""


SHEET_UNIT = re.compile(r"单位[:：]\s*(亿元|百万元|万元|千元|元)")


# year and month ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class YearMonth:
    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        nxt = dt.date(self.year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    def label(self) -> str:
        if self.month is None:
            return f"{self.year}年"
        if self.day is None:
            return f"{self.year}年{self.month}月"
        return f"{self.year}年{self.month}月{self.day}日"


_Y = r"((?:19|20)\d{2})"
_YM_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^{_Y}(?:年|[.\-/])?$"), "y"),
    (re.compile(rf"^{_Y}(\d{{2}})$"), "ym"),
    (re.compile(rf"^{_Y}(?:年|[.\-/])(\d{{1,2}})(?:月份?(?:底|末|初|[上中下]旬)?)?$"), "ym"),
    (re.compile(rf"^{_Y}(?:年|[.\-/])(\d{{1,2}})(?:月|[.\-/])(\d{{1,2}})日?$"), "ymd"),
    (re.compile(rf"^{_Y}年?(?:年底|年末|底|末|全年)$"), "y12"),
    (re.compile(rf"^{_Y}年?(上半年|下半年|[一二三四1-4]季度|第[一二三四1-4]季度)$"), "half"),
]
_HALVES = {"上半年": 6, "下半年": 12}
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_SUFFIX = re.compile(r"(?:以前|之前|前|底前|末前|左右|完成|开工|竣工|建成|投产)+$")


def parse_year_month(value: Cell) -> YearMonth | None:
    """2025 / 2025.3 / 2025年3月 / 2025-03 / 202503 / 2025年底 / 2025年上半年 / a date cell.
    Blank → None; raises ValueError otherwise. A number 2025.1 reads as January (Excel keeps
    no trailing zero; write "2025.10" as text or 2025年10月 for October)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return YearMonth(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if float(value).is_integer() and 20000 <= value <= 80000:  # an unformatted date serial
            day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
            return YearMonth(day.year, day.month, day.day)
        text = cell_text(value)
    else:
        text = unicodedata.normalize("NFKC", cell_text(value))
    text = _SPACES.sub("", text)
    if text in _BLANKS:
        return None
    text = _SUFFIX.sub("", text) or text
    for pattern, kind in _YM_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        year = int(match.group(1))
        if kind == "y":
            return YearMonth(year)
        if kind == "y12":
            return YearMonth(year, 12)
        if kind == "half":
            word = match.group(2)
            month = _HALVES.get(word) or _QUARTER[word.strip("第季度")]
            return YearMonth(year, month)
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(text)
        if kind == "ym":
            return YearMonth(year, month)
        day_of_month = int(match.group(3))
        dt.date(year, month, day_of_month)  # raises ValueError for 2月30日
        return YearMonth(year, month, day_of_month)
    raise ValueError(text)


_SPAN = re.compile(r"^(.*?(?:19|20)\d{2}.*?)(?:-|—+|–|~|～|至|到)((?:19|20)\d{2}.*)$")


def parse_year_span(value: Cell) -> tuple[YearMonth | None, YearMonth | None]:
    """A construction period "2024-2026" / "2024.3—2026.12"; a single year-month gives
    (it, None). Raises ValueError."""
    if isinstance(value, str):
        text = _SPACES.sub("", unicodedata.normalize("NFKC", value)).removesuffix("年")
        match = _SPAN.match(text)
        if match:
            return parse_year_month(match.group(1)), parse_year_month(match.group(2))
    return parse_year_month(value), None


_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")
_DEADLINE_HINTS = re.compile(
    rf"{_Y}年?(?:(\d{{1,2}})月(?:(\d{{1,2}})日)?)?(年底|年末|底|末|上半年|下半年)?"
)


def parse_deadline(value: Cell) -> tuple[dt.date | None, str]:
    """A task's 完成时限: (the last day it allows, the text as written; "" for a date cell).
    Words without a year
    ("长期坚持", "每年6月") give no date; "2025-2027年" gives 2027-12-31. Raises ValueError
    when the text names a year but no valid date can be read from it."""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    text = cell_text(value)
    if text in _BLANKS:
        return None, ""
    flat = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    try:
        ym = parse_year_month(flat)
    except ValueError:
        ym = None
    if ym is not None:
        return ym.last_day(), text
    matches = list(_DEADLINE_HINTS.finditer(flat))
    if not matches:
        if _ANY_YEAR.search(flat) is None:
            return None, text
        raise ValueError(text)
    last = matches[-1]
    year = int(last.group(1))
    month = int(last.group(2)) if last.group(2) else None
    if last.group(4) in ("上半年",):
        month = 6
    day = int(last.group(3)) if last.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(text)
    if day is not None:
        dt.date(year, month or 1, day)
    return YearMonth(year, month, day).last_day(), text


_LABEL_YEAR = re.compile(rf"{_Y}\s*年")
_LABEL_MONTHS = re.compile(r"(?:(\d{1,2})\s*(?:-|—+|–|~|～|至|到)\s*)?(\d{1,2})\s*月")


def label_year(label: str) -> int | None:
    match = _LABEL_YEAR.search(unicodedata.normalize("NFKC", label))
    return int(match.group(1)) if match else None


def label_month(label: str) -> tuple[int | None, int | None]:
    """(first, last) month of a completion header: 1-10月完成 → (1, 10); 截至9月 → (None, 9);
    全年/年度完成 → (None, 12); nothing → (None, None)."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", label))
    whole_year = "全年" in text or "年度完成" in text or "年完成" in text
    if whole_year and not _LABEL_MONTHS.search(_LABEL_YEAR.sub("", text)):
        return None, 12
    text = _LABEL_YEAR.sub("", text)
    match = _LABEL_MONTHS.search(text)
    if match:
        first = int(match.group(1)) if match.group(1) else None
        return first, int(match.group(2))
    return None, None
