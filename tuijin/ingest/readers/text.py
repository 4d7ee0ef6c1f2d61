"""Plain text in any common Chinese encoding, detected rather than assumed."""

from __future__ import annotations

import codecs
import re

from ..errors import UNKNOWN_ENCODING, ExtractionError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FREQUENT = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
_FREQUENT += "同工也能下过"
_FREQUENT += "這個為們來時會國對發動過說們與經產業區實進關開設務"
_CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def _plausible(text: str) -> bool:
    """Decoded text that is mostly not control characters."""
    if not text:
        return False
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) <= max(2, len(sample) // 100)


def _utf16_guess(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.2 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.2 and odd < half * 0.05:
        return "utf-16-be"
    # CJK-only UTF-16 has few zeros; fall back to the detector
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Detect the encoding: BOMs, strict UTF-8 / UTF-16 / GB18030, then charset-normalizer."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    text = _strict(data, "utf-8")
    if text is not None and _plausible(text):
        return text, "utf-8"
    guess = _utf16_guess(data)
    for enc in ([guess] if guess else []) + ["utf-16-le", "utf-16-be"]:
        text = _strict(data, enc)
        if text is not None and (enc == guess or _cjk_ratio(text) >= 0.5) and _plausible(text):
            return text, enc
    lossy = data.decode("utf-8", errors="replace")
    if lossy.count("\ufffd") <= len(lossy) // 1000 and _plausible(lossy):
        return lossy, "utf-8"
    text = _strict(data, "gb18030")
    big5 = _strict(data, "cp950")  # Big5 bytes often decode as (wrong) GB18030 too
    if big5 is not None and _plausible(big5) and (text is None or _common(big5) > _common(text)):
        return big5, "big5"
    if text is not None and _plausible(text):
        return text, "gbk" if _strict(data, "gbk") is not None else "gb18030"
    from charset_normalizer import from_bytes  # only for the rare undecided files

    best = from_bytes(data[:2_000_000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if _plausible(text):
            return text, best.encoding
    raise ExtractionError(UNKNOWN_ENCODING, "无法识别文件编码")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _common(text: str) -> int:
    """How many of the most frequent characters (either script) a decoding yields."""
    sample = text[:20_000]
    return sum(sample.count(c) for c in _FREQUENT)


def _cjk_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    return len(_CJK.findall(sample)) / len(sample)


def read_text(data: bytes) -> tuple[str, str]:
    return decode_text(data)
