"""The quantity grammar: one numeral + multiplier + unit ("part"), then prefixes, ranges, suffixes.

Internal to :mod:`seedie.normalize.quantities`. Works on width-normalized text at a given
position and never looks further than the expression itself, so a scan over a long text
stays linear. Pure code (no spaCy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numerals import MAX_DIGITS, parse_numeral_span, place_of
from .units import UnitInfo, UnitTable, unit_table

# A numeral run. Units that start a unit word are left out: 千瓦/千克/千米, 兆瓦, 百分点.
# 点 is a decimal point only between Chinese digits (三点五), never in 9点.
_CN_DIGITS = "零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
NUM_RE = re.compile(
    r"(?:(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
    rf"|[{_CN_DIGITS}几]"
    r"|[十拾佰仟万萬亿億]|百(?!分点)|千(?![瓦克米伏卡])|兆(?![瓦赫帕焦])"
    rf"|(?<=[{_CN_DIGITS}十])点(?=[{_CN_DIGITS}]))+"
)
_MULT_RE = re.compile(r"(?:[十百万亿]|千(?![瓦克米伏卡]))+")
_CONNECTOR_RE = re.compile(r"(?:至|到|——|—|–|-|~|〜)")
_FRACTION_RE = re.compile(r"/(\d+)(?![\d/.])")
_SUBUNIT_RE = re.compile(rf"([0-9{_CN_DIGITS}])([角毛])(?:([0-9{_CN_DIGITS}])分)?|([0-9{_CN_DIGITS}])分")
_BIG = frozenset("十百千万亿拾佰仟萬億兆")
_DIGIT_SET = frozenset("0123456789" + _CN_DIGITS)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_TEN = Decimal(10)


class Reject:
    """A span that looks numeric but is a date/time/ordinal/code: skip all of it."""

    __slots__ = ("end",)

    def __init__(self, end: int) -> None:
        self.end = end


@dataclass(slots=True)
class Part:
    """Numeral (+多/余) (+multiplier) (+unit): one side of a range, or a whole quantity."""

    low: Decimal
    high: Decimal | None
    approx: str  # exact | few | pair | magnitude | over
    unit: UnitInfo | None
    end: int
    numeral: str
    arabic: bool  # contains an Arabic digit
    has_digit: bool  # contains a digit at all (上万 / 千家万户 do not)
    base: Decimal | None  # 100 in 100亿: for sharing the multiplier in 80至100亿
    mult: Decimal | None
    per: str | None = None


def _is_year(text: str, span_seq: bool, value: Decimal) -> bool:
    if text.isdigit():
        return len(text) == 4 and 1900 <= int(text) <= 2100
    return span_seq and len(text) >= 3


def _split_mult(text: str) -> tuple[Decimal | None, Decimal | None]:
    """80 / 100亿 -> (base, multiplier) when ``text`` is digits followed by multipliers."""
    k = len(text)
    while k > 0 and text[k - 1] in _BIG:
        k -= 1
    head, tail = text[:k], text[k:]
    if not head or not tail or any(ch in _BIG for ch in head):
        return (None, None)
    from .numerals import parse_numeral

    base, mult = parse_numeral(head), parse_numeral("一" + tail)
    return (base, mult)


def parse_part(s: str, i: int, prev: str, table: UnitTable) -> Part | Reject | None:  # noqa: C901
    """Parse numeral/unit at ``s[i]``; ``prev`` is the character before the expression."""
    m = NUM_RE.match(s, i)
    if m is None:
        return None
    j = m.end()
    text = m.group()
    # Trim a trailing decimal comma/point that belongs to the sentence.
    arabic = text[0].isdigit() or any(ch.isdigit() for ch in text)
    if arabic:
        digits = sum(ch.isdigit() for ch in text)
        if digits > MAX_DIGITS:
            return Reject(j)
        if text[0] == "0" and len(text) > 1 and text[1].isdigit():
            return Reject(j)  # 0571, 010-: codes and phone numbers
        if j < len(s) and s[j] in ".:" and j + 1 < len(s) and s[j + 1].isdigit():
            end = j + 1
            while end < len(s) and (s[end].isdigit() or s[end] in ".:"):
                end += 1
            return Reject(end)  # 1.2.3 versions, 9:30 times
        if j < len(s) and s[j].isascii() and s[j].isalpha() and table.unit_re.match(s, j) is None:
            return Reject(j + 1)  # 5G, 3D, 4K
    span = parse_numeral_span(text)
    if span is None:
        return None
    low, high, approx = span.low, span.high, span.approx
    has_digit = any(ch in _DIGIT_SET for ch in text)
    base, mult = _split_mult(text) if approx == "exact" else (None, None)
    unit: UnitInfo | None = None
    per: str | None = None

    # X分之Y (三分之一, 百分之三十, 千分之五) and 1/3: fractions are percent
    if s.startswith("分之", j) and approx == "exact":
        m2 = NUM_RE.match(s, j + 2)
        num = parse_numeral_span(m2.group()) if m2 else None
        if m2 is None or num is None or num.approx != "exact" or low == 0:
            return None
        value = num.low / low * _HUNDRED
        return Part(value, None, "exact", table.units["%"], m2.end(), text, arabic, True, None, None)
    if s.startswith("/", j) and text.isdigit():
        m2 = _FRACTION_RE.match(s, j)
        if m2 is not None and int(m2.group(1)) != 0:
            value = low / Decimal(m2.group(1)) * _HUNDRED
            return Part(value, None, "exact", table.units["%"], m2.end(), text, True, True, None, None)

    # 500多亿, 1500余人: over, with a high bound one unit of the last place above
    if j < len(s) and s[j] in "多余" and approx == "exact" and not s.startswith("余额", j):
        step = place_of(low)
        j += 1
        m2 = _MULT_RE.match(s, j)
        factor = _ONE
        if m2 is not None:
            f = parse_numeral_span("一" + m2.group())
            if f is not None and f.approx == "exact":
                factor = f.low
                j = m2.end()
        low, high, approx = low * factor, (low + step) * factor, "over"
        base = mult = None

    # unit (longest word), unless a date/time word is at least as long
    um = table.unit_re.match(s, j)
    dm = table.date_re.match(s, j)
    if dm is not None and (um is None or len(dm.group()) >= len(um.group())):
        return Reject(dm.end()) if approx != "magnitude" else None
    if um is not None:
        unit = table.units[um.group()]
        j = um.end()
    elif s.startswith("度", j):
        # 度 is kWh after 万/亿 (亿度); otherwise (30度) it stays an unnamed degree
        big = any(ch in "万亿" for ch in text)
        unit = UnitInfo("度", "kWh", "energy") if big else UnitInfo("度", "度", "other")
        j += 1
    if unit is not None:
        surface = unit.surface
        if surface in ("年", "年度") and approx == "exact" and _is_year(text, span.sequence, low):
            return Reject(j)
        if surface == "月" and text.isdigit() and 1 <= int(text) <= 12:
            return Reject(j)
        if surface == "日" and text.isdigit() and (prev == "月" or _date_follows(s, j)):
            return Reject(j)
        if unit.qualifier == "over" and approx == "exact":
            low, high, approx = low, low + place_of(low), "over"  # 一个多月
        if unit.kind == "money" and surface in ("元", "块"):
            j, low = _money_subunits(s, j, low, table)
        if j < len(s) and s[j] in "多余" and unit.kind == "duration" and approx == "exact":
            high, approx = low + place_of(low), "over"  # 1年多, 3天余
            j += 1
        pm = table.per_suffix_re.match(s, j)
        if pm is not None:
            per = table.per_code(pm.group(1))
            j = pm.end()
    return Part(low, high, approx, unit, j, text, arabic, has_digit, base, mult, per)


def _date_follows(s: str, j: int) -> bool:
    return j >= len(s) or s[j] in "上下晚早中凌午起至到电讯，,、（(－—-在前后"


def _money_subunits(s: str, j: int, low: Decimal, table: UnitTable) -> tuple[int, Decimal]:
    """3元5角2分 -> 3.52; leaves 5角 alone elsewhere (五角大楼 is not money)."""
    m = _SUBUNIT_RE.match(s, j)
    if m is None:
        return j, low
    from .numerals import DIGITS

    def digit(ch: str) -> Decimal:
        return Decimal(int(ch)) if ch.isdigit() else Decimal(DIGITS[ch])

    if m.group(4):
        return m.end(), low + digit(m.group(4)) * table.money_subunits["分"]
    value = low + digit(m.group(1)) * table.money_subunits[m.group(2)]
    if m.group(3):
        value += digit(m.group(3)) * table.money_subunits["分"]
    return m.end(), value


def connector_at(s: str, j: int) -> int:
    """End of a range connector at ``s[j]`` (至, 到, -, ~, ——), else -1."""
    m = _CONNECTOR_RE.match(s, j)
    return -1 if m is None else m.end()


def table() -> UnitTable:
    return unit_table()
