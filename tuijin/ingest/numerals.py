"""Numbers as written in Chinese plan documents.

Two readers live here: `parse_arabic_number` for digit strings as they occur in the text
(full-width digits, thousands separators, a stray private-use character where a decimal point
was lost) and `parse_chinese_number` for numerals in Chinese characters (三千万, 两个, 一点五,
百分之十五, mixed 3万5千). The figures stage only emits Arabic-digit figures, but other stages
(dates, the ledger) need values for Chinese numerals, so the parser is public.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "貳": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|.", re.S)


@cache
def _private_use() -> re.Pattern[str]:
    """Private-use characters (compiled on first need: the range is slow to compile)."""
    return re.compile(r"[\ue000-\uf8ff]")


def parse_arabic_number(s: str) -> int | float | None:
    """Read a digit string as written: '2,500' → 2500, '３.５' → 3.5, '38\\ue0108' → 388.

    A private-use character between digits (a lost decimal point in some PDFs) is dropped,
    so the value stays the digits as written. Returns None for anything else.
    """
    if s.isascii() and s.isdigit():
        return int(s)
    t = unicodedata.normalize("NFKC", s).replace(",", "").replace("，", "").strip()
    if not t.isascii():
        t = _private_use().sub("", t)
    neg = t[:1] in ("-", "−")
    if neg:
        t = t[1:]
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", t):
        return None
    value: int | float = float(t) if "." in t else int(t)
    return -value if neg else value


def _digit_string(s: str) -> float | None:
    """二〇二一 → 2021 (a run of bare digits without place units)."""
    if s and all(ch in _DIGITS for ch in s):
        return float("".join(str(_DIGITS[ch]) for ch in s))
    return None


def _integer_part(s: str) -> float | None:
    if not s:
        return 0.0
    bare = _digit_string(s)
    if bare is not None and len(s) > 1:
        return bare
    total = 0.0  # everything above the current 万/亿 section
    section = 0.0  # the current section below 万
    number: float | None = None  # the pending digit
    last_unit = 0
    zero = False  # 一百零五: a 零 turns off the 一千五 = 1500 shorthand
    for tok in _TOKEN.findall(s):
        if tok[0].isdigit():
            number = float(tok)
            continue
        if tok in _DIGITS:
            if _DIGITS[tok] == 0 and last_unit:
                zero = True
                continue
            if number is not None and last_unit == 0 and number < 10:
                number = number * 10 + _DIGITS[tok]  # 二五 read as digits
            else:
                number = float(_DIGITS[tok])
            continue
        if tok in _SMALL_UNITS:
            unit = _SMALL_UNITS[tok]
            section += (1.0 if number is None else number) * unit
            number, last_unit, zero = None, unit, False
            continue
        if tok in _BIG_UNITS:
            unit = _BIG_UNITS[tok]
            chunk = section + (number or 0.0)
            if unit == 100_000_000:
                total = (total + chunk) * unit
            else:
                total += chunk * unit
            section, number, last_unit, zero = 0.0, None, unit, False
            continue
        return None
    if number is not None:
        if last_unit >= 100 and number < 10 and not zero:
            number *= last_unit / 10  # 一千五 = 1500, 三万五 = 35000
        section += number
    return total + section


def parse_chinese_number(s: str) -> float | None:
    """Value of a Chinese (or mixed) numeral: 三千万 → 3e7, 两 → 2, 一点五 → 1.5, 3万5千 → 35000.

    Accepts financial forms (壹贰叁), 百分之/千分之 prefixes (百分之十五 → 15, the number
    without the percent), a leading 负, and 半 alone (0.5). Returns None when the string is
    not a numeral, e.g. 几, 若干, 多个.
    """
    t = unicodedata.normalize("NFKC", s).strip().replace(",", "")
    if not t:
        return None
    if t == "半":
        return 0.5
    sign = 1.0
    if t[0] in "负負-":
        sign, t = -1.0, t[1:]
    for prefix in ("百分之", "千分之", "万分之"):
        if t.startswith(prefix):
            t = t[len(prefix) :]
            break
    if not t:
        return None
    int_part, sep, dec_part = t.partition("点")
    if not sep:
        int_part, sep, dec_part = t.partition("點")
    value = _integer_part(int_part)
    if value is None:
        return None
    if sep:
        if not dec_part:
            return None
        digits = [_DIGITS.get(ch, int(ch) if ch.isdigit() else -1) for ch in dec_part]
        if any(d < 0 for d in digits):
            # 三点五万: a decimal before a big unit
            head = dec_part.rstrip("万萬亿億")
            tail = dec_part[len(head) :]
            if not head or tail not in ("万", "萬", "亿", "億"):
                return None
            frac = _digit_string(head) if not head.isdigit() else float(head)
            if frac is None:
                return None
            return float(sign * (value + frac / 10 ** len(head)) * _BIG_UNITS[tail])
        value += float("0." + "".join(str(d) for d in digits))
    return sign * value
