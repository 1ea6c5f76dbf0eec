"""Chinese, Arabic, full-width and mixed numerals -> ``decimal.Decimal``.

Pure code (no spaCy). Everything is computed in ``Decimal``/``int`` so that ``16.4亿``
becomes exactly ``Decimal("1640000000.0")``; callers convert to float at the dataclass
boundary only.

Two entry points:

* :func:`parse_numeral` - one exact numeral (``1158亿``, ``一千零五``, ``3万4千``, ``负5``).
* :func:`parse_numeral_span` - a numeral that may be approximate: ``十几万`` (10万..20万),
  ``三四万`` / ``两三千万`` (pairs), ``几十万`` (magnitude range).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "CN_DIGITS",
    "MAX_DIGITS",
    "YEAR_MAX",
    "YEAR_MIN",
    "is_year_number",
    "NumeralSpan",
    "normalize_width",
    "parse_numeral",
    "parse_numeral_span",
    "place_of",
]

# Refuse anything longer: such runs are IDs / phone numbers / garbage, and parsing a
# 100k-digit string would waste time for no meaningful quantity.
MAX_DIGITS = 30
# The years news of the genre writes about: a four-digit number outside them is no year.
YEAR_MIN, YEAR_MAX = 1900, 2100

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
ZEROS = frozenset("零〇○Ｏ")
# The digit characters of a numeral run (grammar.py, units.py); 幺 and Ｏ only in DIGITS.
CN_DIGITS = "零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

# Full-width forms are mapped 1:1 so character offsets survive normalization.
_WIDE, _NARROW = "０１２３４５６７８９．％～－＋／：＄￥（）幾＞＜", "0123456789.%~-+/:$¥()几><"
_TO_NARROW = dict(zip(_WIDE, _NARROW, strict=True))
_WIDE_RE = re.compile(f"[{re.escape(_WIDE)}]")
_ARABIC_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_PLAIN_ARABIC_RE = re.compile(r"\d+(?:\.\d+)?")
_D10 = Decimal(10)
_ONE = Decimal(1)
_ZERO = Decimal(0)
_MAX_VALUE = Decimal(10) ** MAX_DIGITS


def normalize_width(text: str) -> str:
    """Map full-width digits and signs to ASCII, keeping the length (``４５．９`` -> ``45.9``)."""
    # Only the few wide characters are replaced: translating every character costs more.
    return _WIDE_RE.sub(_narrow, text)


def _narrow(m: re.Match[str]) -> str:
    return _TO_NARROW[m.group()]


@dataclass(frozen=True, slots=True)
class NumeralSpan:
    """A possibly approximate numeral: ``low`` always set, ``high`` for approximations.

    ``approx`` is ``"exact"``, ``"few"`` (``十几`` -> over with a high bound), ``"pair"``
    (``三四万``) or ``"magnitude"`` (``几十万`` -> 10x..100x range).
    """

    low: Decimal
    high: Decimal | None = None
    approx: str = "exact"
    sequence: bool = False  # digit-by-digit reading (二〇二五), typical of years


def place_of(value: Decimal) -> Decimal:
    """One unit of the last non-zero place: 1500 -> 100, 5E10 -> 1E10, 1.5 -> 0.1."""
    if value == 0:
        return _ONE
    exp = value.normalize().as_tuple().exponent
    assert isinstance(exp, int)
    return Decimal((0, (1,), exp))


def _digit_count(text: str) -> int:
    return sum(1 for ch in text if ch.isdigit() or ch in DIGITS)


def _tokenize(text: str) -> list[tuple[str, object]] | None:
    """Split into tokens: ("d", Decimal|int, arabic?) digits, ("s", n) small units,
    ("b", n) big units, ("z",) zero, ("p",) point."""
    tokens: list[tuple[str, object]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if "0" <= ch <= "9":
            m = _ARABIC_RE.match(text, i)
            assert m is not None
            tokens.append(("a", Decimal(m.group().replace(",", ""))))
            i = m.end()
            continue
        if ch in ZEROS:
            tokens.append(("z", 0))
        elif ch in DIGITS:
            tokens.append(("d", DIGITS[ch]))
        elif ch in SMALL_UNITS:
            tokens.append(("s", SMALL_UNITS[ch]))
        elif ch in BIG_UNITS:
            tokens.append(("b", BIG_UNITS[ch]))
        elif ch == "点" or ch == "點":
            tokens.append(("p", 0))
        else:
            return None
        i += 1
    return tokens


def _sequence_value(tokens: list[tuple[str, object]]) -> Decimal | None:
    """二〇二五 / 一九九三: Chinese digits read one by one (at least two of them)."""
    if len(tokens) < 2 or any(kind not in ("d", "z") for kind, _ in tokens):
        return None
    if len(tokens) == 2 and all(kind == "d" for kind, _ in tokens):
        return None  # 七一 / 一两: too ambiguous to read digit by digit
    value = 0
    for _, digit in tokens:
        value = value * 10 + int(digit)  # type: ignore[call-overload]
    return Decimal(value)


def _positional(tokens: list[tuple[str, object]]) -> Decimal | None:
    """The usual 万/亿 grouping algorithm; None for malformed input (十四五, 万一, 三百十百)."""
    total = _ZERO
    section = _ZERO
    cur: Decimal | None = None
    cur_chinese = False  # abbreviation (一万五 -> 15000) only for a Chinese single digit
    last_small = 10**5  # small units must descend inside a section
    last_big = 10**13
    last_unit = 0  # the unit just before ``cur`` (0: none)
    zero_seen = False
    started_with_big = False
    fraction_done = False
    i, n = 0, len(tokens)
    while i < n:
        kind, val = tokens[i]
        if kind in ("d", "a", "z"):
            if cur is not None:
                return None  # two numbers in a row: 十四五, 3 4
            cur = Decimal(val)  # type: ignore[arg-type]
            cur_chinese = kind == "d"
            if kind == "z":
                zero_seen = True
                cur = None
            elif i > 0 and tokens[i - 1][0] == "z":
                zero_seen = True
        elif kind == "p":  # Chinese decimal point: 三点五, 十点五亿
            if cur is None and not (i > 0 and tokens[i - 1][0] in ("s", "z")):
                return None
            frac, j = _fraction_digits(tokens, i + 1)
            if not frac:
                return None
            cur = section + (cur or _ZERO) + Decimal("0." + frac)
            section = _ZERO
            cur_chinese = False
            fraction_done = True
            last_unit = 0
            i = j
            continue
        elif kind == "s":
            unit = int(val)  # type: ignore[call-overload]
            if fraction_done or started_with_big or unit >= last_small:
                return None
            if cur is None:
                # 十五, 百亿, 一千零十: the coefficient 1 is implied at the start or after 零
                if i == 0 or tokens[i - 1][0] in ("z", "b"):
                    cur = _ONE
                else:
                    return None
            section += cur * unit
            cur = None
            last_small = unit
            last_unit = unit
        else:  # big unit
            unit = int(val)  # type: ignore[call-overload]
            seg = section + (cur or _ZERO)
            if i == 0:
                started_with_big = True
                seg = _ONE
            grouped = _group(total, seg, unit, last_big)
            if grouped is None:
                return None
            total = grouped
            last_big = unit
            section = _ZERO
            cur = None
            last_small = 10**5
            last_unit = unit
            fraction_done = False
        i += 1
    if cur is not None:
        if started_with_big:
            return None  # 万一 is an idiom, not 10001
        section += _last_digit(tokens, cur, cur_chinese and not zero_seen, last_unit)
    return total + section


def _fraction_digits(tokens: list[tuple[str, object]], start: int) -> tuple[str, int]:
    """The digits after a Chinese decimal point (三点五) and the index after them."""
    j, frac = start, ""
    while j < len(tokens) and tokens[j][0] in ("d", "z"):
        frac += str(tokens[j][1])
        j += 1
    return frac, j


def _group(total: Decimal, seg: Decimal, unit: int, last_big: int) -> Decimal | None:
    """The total after the section ``seg`` under the big unit ``unit`` (万, 亿); None when
    the units are out of order."""
    if seg == 0 and total == 0:
        return None
    if unit >= last_big or total == 0 or seg == 0:
        if seg == 0 and unit <= last_big:
            return None
        return (total + seg) * unit  # 万亿, 4.5万亿
    return total + seg * unit


def _last_digit(
    tokens: list[tuple[str, object]], cur: Decimal, abbreviable: bool, last_unit: int
) -> Decimal:
    """The value of a trailing digit: one unit below the last one after a unit word."""
    prev = tokens[-2][0] if len(tokens) >= 2 else ""
    if abbreviable and last_unit >= 100 and prev in ("s", "b"):
        return cur * last_unit / 10  # 一万五 = 15000, 三千五 = 3500
    return cur


@lru_cache(maxsize=8192)
def _parse_unsigned(text: str) -> Decimal | None:
    if not text or len(text) > 2 * MAX_DIGITS or _digit_count(text) > MAX_DIGITS:
        return None
    if _PLAIN_ARABIC_RE.fullmatch(text):
        return Decimal(text)
    tokens = _tokenize(text)
    if not tokens:
        return None
    seq = _sequence_value(tokens)
    if seq is not None:
        return seq
    value = _positional(tokens)
    # 万亿万亿万亿...: a chain of multipliers is noise, and would overflow float later
    return None if value is None or value > _MAX_VALUE else value


def parse_numeral(text: str) -> Decimal | None:
    """Parse one exact numeral; None when ``text`` is not exactly a numeral.

    Args:
        text: e.g. ``"1158亿"``, ``"４５．９亿"``, ``"3万4千"``, ``"一千零五"``, ``"负5"``.

    Returns:
        The value as ``Decimal`` (``parse_numeral("16.4亿") == Decimal("1640000000.0")``).

    Example:
        >>> parse_numeral("一千零五")
        Decimal('1005')
    """
    if not isinstance(text, str):
        return None
    text = normalize_width(text.strip())
    sign = _ONE
    for neg in _negative_prefixes():
        if text.startswith(neg) and len(text) > len(neg):
            sign, text = -_ONE, text[len(neg) :]
            break
    if text.startswith("+"):
        text = text[1:]
    value = _parse_unsigned(text)
    return None if value is None else sign * value


@lru_cache(maxsize=1)
def _negative_prefixes() -> tuple[str, ...]:
    """零下, 负 (units.json's negative_prefixes) and the minus sign."""
    from .units import unit_table  # units.py imports this module

    return (*unit_table().negative_prefixes, "-")


# 三四万, 两三千万, 十七八万, 一两个: two adjacent digits d, d+1 read as a range.
_PAIR_RE = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])(?=[十百千万亿]|$)")
_PAIR_OK = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9)}
# 三五百 / 三五千 ("three to five hundred") needs a following unit: 三五成群 is an idiom
_PAIR_WITH_UNIT = {(3, 5)}


def _pair_span(text: str) -> NumeralSpan | None:
    m = _PAIR_RE.search(text)
    if m is None:
        return None
    a, b = DIGITS[m.group(1)], DIGITS[m.group(2)]
    if m.start() > 0 and text[m.start() - 1] in DIGITS:
        return None
    if (a, b) not in _PAIR_OK and not ((a, b) in _PAIR_WITH_UNIT and m.end() < len(text)):
        return None
    low = _parse_unsigned(text[: m.start()] + m.group(1) + text[m.end() :])
    high = _parse_unsigned(text[: m.start()] + m.group(2) + text[m.end() :])
    if low is None or high is None:
        return None
    return NumeralSpan(low, high, "pair")


@lru_cache(maxsize=8192)
def parse_numeral_span(text: str) -> NumeralSpan | None:
    """Parse a numeral that may be approximate (no sign, no unit).

    Example:
        >>> s = parse_numeral_span("十几万"); (s.low, s.high, s.approx)
        (Decimal('100000'), Decimal('200000'), 'few')
    """
    if not text or len(text) > 2 * MAX_DIGITS:
        return None
    if "几" in text:
        return _few_span(text)
    pair = _pair_span(text)
    if pair is not None:
        return pair
    value = _parse_unsigned(text)
    if value is not None:
        tokens = _tokenize(text) if not text[0].isdigit() else None
        seq = tokens is not None and _sequence_value(tokens) is not None
        return NumeralSpan(value, None, "exact", seq)
    return None


def _few_span(text: str) -> NumeralSpan | None:
    """十几万 -> 10万..20万 (few); 几十万 / 几万 -> 10万..100万 / 1万..10万 (magnitude)."""
    if text.count("几") != 1:
        return None
    k = text.index("几")
    head, tail = text[:k], text[k + 1 :]
    if tail and tail[0] not in SMALL_UNITS and tail[0] not in BIG_UNITS:
        return None
    if not head:
        low = _parse_unsigned(tail) if tail else None
        if low is None:
            return None
        return NumeralSpan(low, low * _D10, "magnitude")
    base = _parse_unsigned(head)
    if not base or not (head[-1] in SMALL_UNITS or (head.isdigit() and head[-1] == "0")):
        return None  # 十几 / 二十几 / 一百几十 / 10几; 三几 is not a numeral
    # the missing digit sits below head's last unit: 二十几 -> 20..30, 一百几十 -> 110..200
    step = place_of(base)
    mult = _parse_unsigned(tail) if tail else _ONE
    if tail and tail[0] in SMALL_UNITS:
        # 一百几十万: the 几 multiplies tail's small unit; the rest of tail scales it
        small = Decimal(SMALL_UNITS[tail[0]])
        rest = _parse_unsigned(tail[1:]) if len(tail) > 1 else _ONE
        if rest is None or small >= step:
            return None  # 十几千 is malformed
        low = (base + small) * rest
        return NumeralSpan(low, (base + step) * rest, "few")
    if mult is None:
        return None
    return NumeralSpan(base * mult, (base + step) * mult, "few")


def is_year_number(value: int) -> bool:
    """True for a number that can be a calendar year of the genre (1900–2100).

    Example:
        >>> is_year_number(2025), is_year_number(1158)
        (True, False)
    """
    return YEAR_MIN <= value <= YEAR_MAX
