"""The quantity grammar for one "part": numeral (+多/余) (+multiplier) (+unit) (+rate).

Internal to :mod:`seedie.quantities.parse`, which adds prefixes, ranges and suffixes.
Works on width-normalized text at a given position and never reads further than the
expression itself, so a scan over a long text stays linear. Pure code (no spaCy). Spaces
around an Arabic number (2000 亿元, 15.6 %): see :mod:`seedie.quantities.spacing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .bare import DEGREE_CHAR, EACH_CHAR, FRACTION_OF, HALF_CHAR, OVER_CHARS
from .numerals import (
    CN_DIGITS,
    DIGITS,
    MAX_DIGITS,
    is_year_number,
    parse_numeral,
    parse_numeral_span,
    place_of,
)
from .spacing import GAP_CHARS, LATIN_LETTERS, gap_before_tail, gap_before_unit, gap_multiplier
from .units import UnitInfo, UnitTable

_BIG_MULT_RE = re.compile(r"[万亿]+")
_FRACTION_RE = re.compile(r"/(\d+)(?![\d/.])")
_BIG = frozenset("十百千万亿拾佰仟萬億兆")
_DIGIT_SET = frozenset("0123456789" + CN_DIGITS)
_ARABIC_RE = re.compile(r"\d")
_ONE = Decimal(1)
_HALF = Decimal("0.5")
_TEN = Decimal(10)
_HUNDRED = Decimal(100)
_FRACTION_STARTS = frozenset(FRACTION_OF[0] + "/")  # what _fraction reads first (分之, 分百, /)
_TAIL_STARTS = frozenset("kK" + EACH_CHAR + OVER_CHARS)  # what _numeral_tail reads first
# The numeral run, its multipliers, money subunits and (含): UnitTable (units.json) builds them.


class Reject:
    """A span that looks numeric but is a date/time/ordinal/code: skip all of it."""

    __slots__ = ("end",)

    def __init__(self, end: int) -> None:
        self.end = end


@dataclass(slots=True)
class Part:
    """One side of a range, or a whole quantity without its prefixes/suffixes."""

    low: Decimal
    high: Decimal | None
    approx: str  # exact | few (十几) | pair (三四万) | magnitude (几十万) | over (500多)
    unit: UnitInfo | None
    end: int
    numeral: str
    arabic: bool  # contains an Arabic digit
    has_digit: bool  # contains a digit at all (上万 / 千家万户 do not)
    base: Decimal | None = None  # 100 in 100亿: lends 亿 to the left side of 80至100亿
    mult: Decimal | None = None
    per: str | None = None
    frac_den: Decimal | None = None  # 百分之三十到四十: the right side shares the 百
    spaced: bool = False  # gaps may stand around it (spacing.py): an Arabic number
    gap: bool = False  # spaced, and a gap follows it at s[end] (80 至 100 亿元, 90% 以上)


def _is_year(text: str, sequence: bool) -> bool:
    if text.isdigit():
        return len(text) == 4 and is_year_number(int(text))
    return sequence and len(text) >= 3


@lru_cache(maxsize=4096)
def _split_mult(text: str) -> tuple[Decimal | None, Decimal | None]:
    """100亿 -> (100, 1e8), 三十万 -> (30, 1e4), 三仟 -> (3, 1000): what the left side may share."""
    if len(text) == 2 and text[0] in _DIGIT_SET and text[1] in "百千佰仟":
        return _digit(text[0]), parse_numeral("一" + text[1])
    k = len(text)
    while k > 0 and text[k - 1] in "万亿萬億":
        k -= 1
    head, tail = text[:k], text[k:]
    if not head or not tail or any(ch in "万亿萬億兆" for ch in head):
        return None, None
    return parse_numeral(head), parse_numeral("一" + tail)


def _digit(ch: str) -> Decimal:
    return Decimal(int(ch)) if ch.isdigit() else Decimal(DIGITS[ch])


def _arabic_checks(s: str, j: int, text: str, table: UnitTable) -> Reject | None:
    if len(text) > MAX_DIGITS and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        return Reject(j)
    if text[0] == "0" and len(text) > 1 and text[1].isdigit():
        return Reject(j)  # 0571, 010-: codes and phone numbers
    n = len(s)
    if j + 1 < n and s[j] in ".:" and s[j + 1].isdigit():
        end = j + 1
        while end < n and (s[end].isdigit() or s[end] in ".:"):
            end += 1
        return Reject(end)  # 1.2.3 versions, 9:30 times
    if j < n and s[j].isascii() and s[j].isalpha() and table.unit_re.match(s, j) is None:
        if not (s[j] in "kK" and j + 1 < n and not s[j + 1].isascii()):
            return Reject(j + 1)  # 5G, 3D, 4K (but 15k元 is slang for 15000)
    return None


def parse_part(
    s: str,
    i: int,
    prev: str,
    table: UnitTable,
    qualified: bool = False,
    run: re.Match[str] | None = None,
) -> Part | Reject | None:
    """Parse numeral/unit at ``s[i]``; ``prev`` is the character before the expression.

    ``qualified``: a qualifier precedes (近2000年 is a duration, 2000年 a date). ``run``:
    ``table.num_re.match(s, i)`` when the caller has it already.
    """
    n = len(s)
    m = run if run is not None else table.num_re.match(s, i)
    if m is None:
        return _half_part(s, i, prev, table, qualified) if s.startswith(HALF_CHAR, i) else None
    j = m.end()
    text = m.group()
    arabic = _ARABIC_RE.search(text) is not None  # its Arabic digits are what \d matches
    if arabic:
        bad = _arabic_checks(s, j, text, table)
        if bad is not None:
            return bad
    # 超 2000 亿元: gaps only around an Arabic number, and not after a Latin word (Mate 60)
    spaced = arabic and prev not in LATIN_LETTERS
    gap = spaced and j < n and s[j] in GAP_CHARS  # a gap stands at s[j]
    if gap:
        j, text = gap_multiplier(s, j, text, table)
        gap = j < n and s[j] in GAP_CHARS
    if (
        j < n
        and s[j] in table.discount_chars
        and not (j + 1 < n and s[j + 1] in table.discount_not_before_chars)
    ):
        return _discount(text, j + 1, table, arabic)
    span = parse_numeral_span(text)
    if span is None:
        return None
    low, high, approx = span.low, span.high, span.approx
    has_digit = not _DIGIT_SET.isdisjoint(text)
    base, mult = _split_mult(text) if approx == "exact" else (None, None)

    if approx == "exact" and j < n and s[j] in _FRACTION_STARTS:
        frac = _fraction(s, j, text, low, table)
        if frac is not None:
            return frac
    if gap:
        j = gap_before_tail(s, j, approx, table)
    j0 = j
    if j < n and s[j] in _TAIL_STARTS:  # _numeral_tail reads nothing at other characters
        low, high, approx, base, mult, j = _numeral_tail(
            s, j, arabic, low, high, approx, base, mult, table
        )
    if gap if j == j0 else spaced and j < n and s[j] in GAP_CHARS:
        j = gap_before_unit(s, j, table)
    found = _unit_at(s, j, text, approx, table)
    if not isinstance(found, tuple):
        return found
    unit, j = found
    if unit is not None and _names_a_date(
        s, j, unit.surface, text, span.sequence, approx, qualified, prev
    ):
        return Reject(j)
    part = _finish(
        s, j, prev, table, qualified, text, low, high, approx, unit, arabic, has_digit, base, mult
    )
    if spaced:
        part.spaced = True
        part.gap = part.end < n and s[part.end] in GAP_CHARS
    return part


def _half_part(s: str, i: int, prev: str, table: UnitTable, qualified: bool) -> Part | None:
    """半 with a unit and no numeral: 半斤, 半成, 半年."""
    um = table.unit_re.match(s, i + 1)
    if um is None:
        return None
    unit = table.units[um.group()]
    rest = (HALF_CHAR, _HALF, None, "exact", unit, False, True, None, None)
    return _finish(s, um.end(), prev, table, qualified, *rest)


def _numeral_tail(  # noqa: PLR0913
    s: str,
    j: int,
    arabic: bool,
    low: Decimal,
    high: Decimal | None,
    approx: str,
    base: Decimal | None,
    mult: Decimal | None,
    table: UnitTable,
) -> tuple[Decimal, Decimal | None, str, Decimal | None, Decimal | None, int]:
    """What follows the numeral before its unit: k, 个亿, 多/余, 个半.

    Returns the new (low, high, approx, base, mult, j).
    """
    n = len(s)
    # 15k元: slang thousand
    if (
        arabic
        and j + 1 < n
        and s[j] in "kK"
        and not s[j + 1].isascii()
        and table.unit_re.match(s, j + 1)
    ):
        low, j, base, mult = low * 1000, j + 1, low, Decimal(1000)
    # 两个亿: a classifier between number and multiplier
    if j + 1 < n and s[j] == EACH_CHAR and s[j + 1] in "万亿":
        m2 = _BIG_MULT_RE.match(s, j + 1)
        assert m2 is not None
        f = parse_numeral("一" + m2.group())
        if f is not None and approx == "exact":
            base, mult, low, j = low, f, low * f, m2.end()
    # 500多亿, 1500余人: over, high bound one unit of the last place above
    if j < n and s[j] in OVER_CHARS and approx == "exact" and not s.startswith("余额", j):
        step = place_of(low)
        j += 1
        factor = _ONE
        m2 = table.mult_re.match(s, j)
        if m2 is not None:
            f = parse_numeral("一" + m2.group())
            if f is not None:
                factor, j = f, m2.end()
        low, high, approx = low * factor, (low + step) * factor, "over"
        base = mult = None
    # 一个半小时: the half sits between classifier and unit
    if s.startswith("个半", j) and approx == "exact" and table.unit_re.match(s, j + 2):
        low, j = low + _HALF, j + 2
    return low, high, approx, base, mult, j


def _unit_at(
    s: str, j: int, text: str, approx: str, table: UnitTable
) -> tuple[UnitInfo | None, int] | Part | Reject | None:
    """The unit word at ``s[j]`` and the position after it; a date word rejects the number,
    and 一半 is a whole part of its own."""
    unit: UnitInfo | None = None
    um = table.unit_re.match(s, j)
    dm = table.date_re.match(s, j)
    if dm is not None and (um is None or len(dm.group()) >= len(um.group())):
        return Reject(dm.end()) if approx != "magnitude" else None
    if um is not None:
        unit = table.units[um.group()]
        j = um.end()
    elif s.startswith(DEGREE_CHAR, j):
        # 度 is kWh after 万/亿 (亿度); otherwise (30度) a degree, made °C by 零下/摄氏
        big = any(ch in "万亿" for ch in text)
        unit = UnitInfo("度", "kWh", "energy") if big else UnitInfo("度", "度", "other")
        j += 1
    elif text == "一" and s.startswith(HALF_CHAR, j):
        return Part(Decimal(50), None, "exact", table.units["%"], j + 1, "一半", False, True)
    return unit, j


def _names_a_date(  # noqa: PLR0913
    s: str, j: int, surface: str, text: str, sequence: bool, approx: str, qualified: bool, prev: str
) -> bool:
    """True when the number and its unit ``surface`` name a year, month or day (2025年, 6月)."""
    if surface == "年" and not qualified and approx == "exact" and _is_year(text, sequence):
        return True
    if surface == "月" and not qualified and text.isdigit() and 1 <= int(text) <= 12:
        return True
    return surface == "日" and text.isdigit() and (prev == "月" or _date_follows(s, j))


def _finish(  # noqa: PLR0913
    s: str,
    j: int,
    prev: str,
    table: UnitTable,
    qualified: bool,
    text: str,
    low: Decimal,
    high: Decimal | None,
    approx: str,
    unit: UnitInfo | None,
    arabic: bool,
    has_digit: bool,
    base: Decimal | None,
    mult: Decimal | None,
) -> Part:
    """Everything after the unit word: 半, 角/分, currency word, 多, (含), rate."""
    n = len(s)
    per = None
    if unit is not None:
        if unit.qualifier == "over" and approx == "exact":
            high, approx = low + place_of(low), "over"  # 一个多月
        if j < n and s[j] == HALF_CHAR and approx == "exact" and unit.kind != "money":
            low, j = low + _HALF, j + 1  # 一吨半, 三成半
        if unit.surface in table.generic_money:
            j, low = _money_tail(s, j, low, unit, table)
            cm = table.currency_word_re.match(s, j)
            if cm is not None:  # 9000元日币, 5000万元人民币
                code = table.currency_prefixes[cm.group()]
                unit = UnitInfo(unit.surface, code, "money")
                j = cm.end()
            if s.startswith("整", j):
                j += 1
        if j < n and s[j] in OVER_CHARS and unit.kind == "duration" and approx == "exact":
            high, approx = low + place_of(low), "over"  # 1年多, 3天余
            j += 1
        pm = table.per_suffix_re.match(s, j)
        if pm is not None:
            per = table.per_code(pm.group(1))
            j = pm.end()
    im = table.inclusive_re.match(s, j)
    if im is not None:
        j = im.end()  # 50万元(含)以上
    return Part(low, high, approx, unit, j, text, arabic, has_digit, base, mult, per)


def _discount(text: str, end: int, table: UnitTable, arabic: bool) -> Part | None:
    """75折 / 三八折 / 五折 -> 75 / 38 / 50 %: the price paid, in tenths."""
    if not arabic and len(text) == 2 and all(ch in DIGITS for ch in text):
        value: Decimal | None = _digit(text[0]) * _TEN + _digit(text[1])
    else:
        value = parse_numeral(text)
        if value is not None and value < 10:
            value *= _TEN
    if value is None or value <= 0 or value >= 100:
        return None
    return Part(value, None, "exact", table.units["%"], end, text, arabic, True)


def _fraction(s: str, j: int, text: str, den: Decimal, table: UnitTable) -> Part | None:
    """三分之一 / 百分之三十 / 千分之五 / 1/3 -> percent; 1/2kg -> 0.5 kg."""
    n = len(s)
    if s.startswith(FRACTION_OF, j) or (text == "百" and s.startswith("分百", j)):
        k = j + 2 if s[j + 1] == "之" else j + 1
        sign = _ONE
        if s.startswith("负", k):  # 百分之负三
            sign, k = -_ONE, k + 1
        m2 = table.num_re.match(s, k)
        num = parse_numeral_span(m2.group()) if m2 else None
        if m2 is None or num is None or num.approx != "exact" or den == 0:
            return None
        value = sign * num.low / den * _HUNDRED
        return Part(
            value, None, "exact", table.units["%"], m2.end(), text, False, True, frac_den=den
        )
    if j < n and s[j] == "/" and text.isdigit():
        m2 = _FRACTION_RE.match(s, j)
        if m2 is None or int(m2.group(1)) == 0:
            return None
        ratio = den / Decimal(m2.group(1))  # here ``den`` is the numerator
        um = table.unit_re.match(s, m2.end())
        if um is not None and table.units[um.group()].kind != "percent":
            return Part(ratio, None, "exact", table.units[um.group()], um.end(), text, True, True)
        return Part(ratio * _HUNDRED, None, "exact", table.units["%"], m2.end(), text, True, True)
    return None


def _date_follows(s: str, j: int) -> bool:
    return j >= len(s) or s[j] in "上下晚早中凌午起至到电讯，,、（(－—-在前后"


def _money_tail(s: str, j: int, low: Decimal, unit: UnitInfo, t: UnitTable) -> tuple[int, Decimal]:
    """3元5角2分 -> 3.52, 九块九 -> 9.9, 九元零九分 -> 9.09 (5角 alone: 五角大楼 is no money)."""
    m = t.subunit_re.match(s, j)
    if m is not None:
        if m.group(4):
            return m.end(), low + _digit(m.group(4)) * t.money_subunits["分"]
        value = low + _digit(m.group(1)) * t.money_subunits[m.group(2)]
        if m.group(3):
            value += _digit(m.group(3)) * t.money_subunits["分"]
        return m.end(), value
    if unit.surface == "块":
        m2 = t.trailing_jiao_re.match(s, j)
        if m2 is not None:
            return m2.end(), low + _digit(m2.group(1)) * t.money_subunits["角"]
    mt = t.money_tail_re.match(s, j)
    if mt is not None and unit.surface == "块":
        return mt.end(), low
    return j, low
