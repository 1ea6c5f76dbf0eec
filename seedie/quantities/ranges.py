"""Ranges of quantities: 80至100亿元, 3到5倍, 10-20万吨 (pure code, no spaCy).

The right side lends its multiplier and unit to the left (80至100亿元 -> 8e9..1e10); two bare
years (2021-2025) are no range of amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .grammar import Part, Reject, parse_part
from .numerals import is_year_number
from .spacing import char_before, gap_after
from .units import UnitInfo, UnitTable

_HUNDRED = Decimal(100)


def _join_range(left: Part, right: Part) -> tuple[Decimal, Decimal, UnitInfo | None] | None:
    """80至100亿元 -> (8e9, 1e10, 元): the right side lends its multiplier and unit."""
    if right.approx not in ("exact", "over") or left.approx not in ("exact", "over"):
        return None
    if left.unit is not None and right.unit is not None and left.unit.unit != right.unit.unit:
        return None
    if left.unit is not None and right.unit is None:
        return None
    lo = left.low
    if (
        left.approx == "exact"
        and right.mult is not None
        and right.base is not None
        and not any(ch in "万亿萬億兆" for ch in left.numeral)
        and lo <= right.base
    ):
        lo = lo * right.mult
    hi = right.high if right.approx == "over" and right.high is not None else right.low
    if lo > hi:
        return None
    unit = right.unit or left.unit
    if unit is not None:
        lo, hi = lo * unit.factor, hi * unit.factor
    return lo, hi, unit


def _range_after(
    s: str, part: Part, t: UnitTable, qualified: bool, allow_range: bool
) -> tuple[tuple[Decimal, Decimal] | None, UnitInfo | None, int] | Reject:
    """The range ``part`` opens (80至100亿元, 3到5倍): (bounds or None, unit, end).

    A right side that is rejected, or two bare years (2021-2025), rejects the whole. When the
    right side names a rate (每年) and the left does not, ``part`` takes it.
    """
    end = part.end
    if not allow_range or not (part.gap or end < len(s) and s[end] in t.connector_first_chars):
        return None, part.unit, end  # no connector at end, nor a gap before one
    cm = t.connector_re.match(s, end)
    if cm is not None and not part.spaced:
        connector, k, prev = cm.group(), cm.end(), s[cm.end() - 1]
    elif cm is not None or part.gap:
        found = _spaced_connector(s, end, cm, t)
        if found is None:
            return None, part.unit, end
        connector, k = found
        prev = char_before(s, k)
    else:
        return None, part.unit, end
    right = parse_part(s, k, prev, t, qualified)
    if isinstance(right, Reject):
        return Reject(right.end)
    if right is None:
        return None, part.unit, end
    right = _right_side_percent(part, right, t)
    if part.unit is None and right.unit is None and _years(part, right):
        return Reject(right.end)
    joined = _join_range(part, right)
    between = s.startswith(t.range_closer, right.end)
    if joined is None or (connector in t.between_connectors and not between):
        return None, part.unit, end
    if part.per is None and right.per is not None:
        part.per = right.per
    return (joined[0], joined[1]), joined[2], right.end + (len(t.range_closer) if between else 0)


def _spaced_connector(
    s: str, end: int, cm: re.Match[str] | None, t: UnitTable
) -> tuple[str, int] | None:
    """After an Arabic left side (ending at ``s[end]``), the connector ``cm`` found there or
    the one after a gap (80 至 100 亿元, 10 - 20 万元), and where the right side starts. A
    right side after a gap must start with an Arabic digit, and a sign-like connector needs a
    gap on both sides or on neither (2019 -3 and 10- 20 are no ranges)."""
    if cm is None:
        k = gap_after(s, end)
        cm = t.connector_re.match(s, k) if k > end else None
        if cm is None:
            return None
    before = cm.start() > end
    after = gap_after(s, cm.end())
    if after > cm.end() and not (after < len(s) and "0" <= s[after] <= "9"):
        return None
    if cm.group() not in t.word_connectors and before != (after > cm.end()):
        return None
    return cm.group(), after


def _right_side_percent(left: Part, right: Part, table: UnitTable) -> Part:
    """百分之三十到四十: a bare right side shares the left side's 百分之."""
    if left.frac_den is None or right.unit is not None:
        return right
    value = right.low / left.frac_den * _HUNDRED
    return Part(
        value,
        None,
        right.approx,
        table.units["%"],
        right.end,
        right.numeral,
        right.arabic,
        right.has_digit,
    )


def _years(left: Part, right: Part) -> bool:
    def year(p: Part) -> bool:
        return p.numeral.isdigit() and len(p.numeral) == 4 and is_year_number(int(p.numeral))

    return year(left) and year(right)
