"""Units of measure found after figures, and their normalisation to base units.

A unit as written is an optional Chinese magnitude (万, 亿, 千万 …) followed by a base unit
(元, 吨, 千瓦, 个 …), or a bare magnitude (`114.85亿`). `UNIT_PATTERN` is the regex fragment the
figures scanner uses; `normalise` turns (value, unit) into (base value, base unit) so that
`3.5万吨` and `35000吨` compare equal in the ledger.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, Literal

Category = Literal[
    "money", "mass", "volume", "area", "length", "power", "energy", "voltage", "current",
    "apparent_power", "data", "bandwidth", "percent", "ratio", "count", "container",
]  # fmt: skip

MAGNITUDES: Final[dict[str, float]] = {
    "十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7,
    "亿": 1e8, "十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12,
}  # fmt: skip
_BARE_MAGNITUDES: Final = ("万亿", "亿", "万")

# unit as written → (base unit, factor to the base unit, category)
_PHYSICAL: dict[str, tuple[str, float, Category]] = {
    "元": ("元", 1, "money"), "美元": ("美元", 1, "money"), "欧元": ("欧元", 1, "money"),
    "港元": ("港元", 1, "money"), "日元": ("日元", 1, "money"), "英镑": ("英镑", 1, "money"),
    "吨": ("吨", 1, "mass"), "千克": ("千克", 1, "mass"), "公斤": ("千克", 1, "mass"),
    "克": ("千克", 1e-3, "mass"), "斤": ("千克", 0.5, "mass"), "吨标准煤": ("吨标准煤", 1, "mass"),
    "吨标煤": ("吨标准煤", 1, "mass"), "kg": ("千克", 1, "mass"),
    "立方米": ("立方米", 1, "volume"), "立方": ("立方米", 1, "volume"),
    "标准立方米": ("立方米", 1, "volume"), "标方": ("立方米", 1, "volume"),
    "升": ("升", 1, "volume"), "m3": ("立方米", 1, "volume"), "m³": ("立方米", 1, "volume"),
    "平方米": ("平方米", 1, "area"), "平米": ("平方米", 1, "area"),
    "平方公里": ("平方公里", 1, "area"), "平方千米": ("平方公里", 1, "area"),
    "公顷": ("公顷", 1, "area"), "亩": ("亩", 1, "area"), "㎡": ("平方米", 1, "area"),
    "m2": ("平方米", 1, "area"), "km2": ("平方公里", 1, "area"), "k㎡": ("平方公里", 1, "area"),
    "公里": ("公里", 1, "length"), "千米": ("公里", 1, "length"), "km": ("公里", 1, "length"),
    "米": ("米", 1, "length"), "延米": ("米", 1, "length"), "厘米": ("米", 1e-2, "length"),
    "毫米": ("米", 1e-3, "length"),
    "千瓦": ("千瓦", 1, "power"), "瓦": ("千瓦", 1e-3, "power"), "兆瓦": ("千瓦", 1e3, "power"),
    "吉瓦": ("千瓦", 1e6, "power"), "kw": ("千瓦", 1, "power"), "mw": ("千瓦", 1e3, "power"),
    "gw": ("千瓦", 1e6, "power"),
    "千瓦时": ("千瓦时", 1, "energy"), "kwh": ("千瓦时", 1, "energy"),
    "mwh": ("千瓦时", 1e3, "energy"), "gwh": ("千瓦时", 1e6, "energy"),
    "千伏": ("千伏", 1, "voltage"), "伏": ("千伏", 1e-3, "voltage"), "kv": ("千伏", 1, "voltage"),
    "蒸吨": ("蒸吨", 1, "power"),
    "千伏安": ("千伏安", 1, "apparent_power"), "kva": ("千伏安", 1, "apparent_power"),
    "mva": ("千伏安", 1e3, "apparent_power"), "兆伏安": ("千伏安", 1e3, "apparent_power"),
    "ka": ("千安", 1, "current"), "千安": ("千安", 1, "current"), "安培": ("千安", 1e-3, "current"),
    "pb": ("GB", 1e6, "data"), "tb": ("GB", 1e3, "data"), "gb": ("GB", 1, "data"),
    "eb": ("GB", 1e9, "data"),
    "g": ("Gbps", 1, "bandwidth"),
    "gbps": ("Gbps", 1, "bandwidth"), "mbps": ("Gbps", 1e-3, "bandwidth"),
    "tbps": ("Gbps", 1e3, "bandwidth"),
    "pflops": ("PFLOPS", 1, "data"), "eflops": ("PFLOPS", 1e3, "data"),
    "tflops": ("PFLOPS", 1e-3, "data"), "twh": ("千瓦时", 1e9, "energy"),
    "英寸": ("米", 0.0254, "length"), "英尺": ("米", 0.3048, "length"),
    "海里": ("公里", 1.852, "length"), "千升": ("升", 1e3, "volume"),
    "毫升": ("升", 1e-3, "volume"),
    "teu": ("标准箱", 1, "container"), "标箱": ("标准箱", 1, "container"),
    "标准箱": ("标准箱", 1, "container"),
    "倍": ("倍", 1, "ratio"), "岁": ("岁", 1, "ratio"),
    "微克/立方米": ("微克/立方米", 1, "mass"), "毫克/立方米": ("微克/立方米", 1e3, "mass"),
    "毫克/升": ("毫克/升", 1, "mass"),
    "%": ("%", 1, "percent"), "个百分点": ("百分点", 1, "percent"),
    "百分点": ("百分点", 1, "percent"), "‰": ("‰", 1, "percent"),
}  # fmt: skip
# Units that only count with a magnitude in front (50万方, 1.2亿度): alone they are too ambiguous.
_NEEDS_MAGNITUDE: dict[str, tuple[str, float, Category]] = {
    "方": ("立方米", 1, "volume"),
    "度": ("千瓦时", 1, "energy"),
}
# Measure words of counts.
COUNT_WORDS: Final = (
    "个", "户", "家", "座", "项", "所", "条", "人", "台", "株", "场次", "场", "例", "名", "辆",
    "套", "栋", "幢", "种", "款", "宗", "次", "人次", "户次", "家次", "件", "只", "头", "匹",
    "羽", "尾", "架", "架次", "艘", "列", "批", "批次", "处", "间", "张", "本", "部", "册", "篇",
    "份", "首", "支", "枚", "位", "对", "块", "根", "片", "棵", "床", "班", "班次", "组", "队",
    "罐", "剂", "瓶", "盒", "箱", "袋", "包", "粒", "起", "笔", "眼", "口", "孔", "门", "车次",
    "单", "吨次", "辆次", "盏", "颗", "副", "期次", "台套", "期", "天",
)  # fmt: skip
ASCII_UNITS: Final = tuple(u for u in _PHYSICAL if u.isascii() and u != "%")
CJK_UNITS: Final = tuple(u for u in _PHYSICAL if not u.isascii() or u == "%")


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Longest first; in a fixed order, so that the pattern's text is the same in every run."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_MAG = _alt(list(MAGNITUDES))
_APPROX = "(?:余|多)?"
_CJK_BASES = _alt([*CJK_UNITS, *COUNT_WORDS])
# Written forms of ASCII units; lower-case "g" (grams) and "m" are left out on purpose.
_ASCII_WRITTEN = [u for u in ASCII_UNITS if u != "g"] + [u.upper() for u in ASCII_UNITS] + [
    "Mw", "kW", "Kw", "kWh", "KWh", "Kwh", "kV", "Kv", "kA", "Ka", "kVA", "KVA", "Gbps", "Mbps",
    "Tbps", "Km", "KM", "Kg",
]  # fmt: skip
# Longer ASCII units are matched in any case (GWh, PFlops, Tbps): no word of text looks like them.
_ASCII_ANY_CASE = [u for u in ASCII_UNITS if len(u) >= 3 and u.isalpha()]
_ASCII_BASES = f"(?i:{_alt(_ASCII_ANY_CASE)})|{_alt(_ASCII_WRITTEN)}"
_PER = r"(?:/(?:年|日|天|小时|秒|月|人|户|亩|吨|平方米|千瓦时|度|公里|h|d|a|s))?"
# The unit as written: 万吨, 亿元, 万千瓦, 个, mw, 万余人, 50万方, 114.85亿 (bare magnitude).
UNIT_PATTERN: Final = (
    rf"(?:(?:{_MAG}){_APPROX})?(?:{_CJK_BASES}){_PER}"
    rf"|(?:(?:{_MAG}){_APPROX})?(?:{_ASCII_BASES})(?![A-Za-z0-9]){_PER}"
    rf"|(?:{_MAG}){_APPROX}(?:{_alt(list(_NEEDS_MAGNITUDE))}){_PER}"
    rf"|(?:{_alt(list(_BARE_MAGNITUDES))})"
)


# Every character a unit as written can start with: a cheap look-ahead before the alternation.
UNIT_FIRST_CHARS: Final = "".join(
    sorted(
        {w[0] for w in [*MAGNITUDES, *CJK_UNITS, *COUNT_WORDS, *_ASCII_WRITTEN, "%", "％", "‰"]}
        | {c for w in _ASCII_ANY_CASE for c in (w[0].lower(), w[0].upper())}
    )
)

_UNIT_NOISE: Final = frozenset("余餘多")


@lru_cache(maxsize=4096)
def clean_unit(raw: str) -> str:
    """The unit as written, full-width turned half-width, without 余/多 and spaces."""
    u = unicodedata.normalize("NFKC", raw)
    return "".join(c for c in u if not (c.isspace() or c in _UNIT_NOISE))


@lru_cache(maxsize=4096)
def split_unit(unit: str) -> tuple[float, str] | None:
    """'万吨' → (1e4, '吨'); '千瓦' → (1, '千瓦'); '亿' → (1e8, ''); None if unknown.

    The longest known base wins, so 千瓦 is a base and not 千 × 瓦.
    """
    u = unit if unit.lower() in _PHYSICAL else unit.split("/", 1)[0]
    for i in range(len(u) + 1):
        prefix, base = u[:i], u[i:]
        factor = MAGNITUDES.get(prefix, 1.0) if prefix else 1.0
        if prefix and prefix not in MAGNITUDES:
            break
        if not base:
            return (factor, "") if prefix in _BARE_MAGNITUDES else None
        if base.lower() in _PHYSICAL or base in COUNT_WORDS or base in _NEEDS_MAGNITUDE:
            return factor, base
    return None


@lru_cache(maxsize=4096)
def category(unit: str) -> Category | None:
    """The kind of quantity a unit measures ('亿元' → money, '个' → count)."""
    parts = split_unit(unit)
    if parts is None:
        return None
    base = parts[1]
    if not base:
        return None
    if base in COUNT_WORDS:
        return "count"
    entry = _PHYSICAL.get(base.lower()) or _NEEDS_MAGNITUDE.get(base)
    return entry[2] if entry else None


def has_magnitude(unit: str) -> bool:
    parts = split_unit(unit)
    return parts is not None and parts[0] != 1.0


def normalise(value: float, unit: str) -> tuple[float | None, str | None]:
    """(base value, base unit): 2500 亿元 → 2.5e11 元; 3.6 万人 → 36000 人; 16 % → 16 %.

    Units with no base (a bare 亿 without 元) give (None, None). A per-time suffix is kept on
    the base unit (万吨/年 → 吨/年).
    """
    parts = split_unit(unit)
    if parts is None or not parts[1]:
        return None, None
    factor, base = parts
    per = "" if unit.endswith(base) else unit[len(unit.split("/", 1)[0]) :]
    if base in COUNT_WORDS:
        return value * factor, base + per
    entry = _PHYSICAL.get(base.lower()) or _NEEDS_MAGNITUDE.get(base)
    if entry is None:
        return None, None
    base_unit, base_factor, _cat = entry
    return value * factor * base_factor, base_unit + per
