"""Spaces inside a quantity: ``超 2000 亿元``, ``近 3000 人``, ``增长 15.6 %``.

Web text of the genre often spaces an Arabic number off from the Chinese words around it
(the "pangu" habit of typesetting tools), and some writers space the unit off the
multiplier too (``1.2 亿 元``). The grammar lets such a *gap* stand only at fixed places:
qualifier or currency word | number | 万/亿 multiplier | 多/余 | unit | range connector |
qualifier suffix, and only around an Arabic number. A gap is a run of at most
:data:`MAX_GAP` space characters: ASCII space, no-break space (U+00A0), ideographic space
(U+3000) or a typographic space (U+2002-U+200A); never a tab (table cells) nor a line or
paragraph break, and never a longer run (aligned columns). Two numbers a gap separates
(``2019 2000万元``) stay two quantities: a gap never stands between two numerals. A number
after a Latin word (``Mate 60 系列``) or after 第 (``第 3 名``) takes no gap.

Pure code (no spaCy); every function keeps character offsets as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .numerals import parse_numeral_span

if TYPE_CHECKING:  # units.py imports this module for GAP_CLASS
    from .units import UnitTable

__all__ = [
    "GAP_CHARS",
    "GAP_CLASS",
    "MAX_GAP",
    "char_before",
    "gap_after",
    "gap_before",
    "gap_before_tail",
    "gap_before_unit",
    "gap_multiplier",
    "is_latin",
    "LATIN_LETTERS",
]

GAP_CHARS = frozenset(" \u00a0\u3000" + "".join(map(chr, range(0x2002, 0x200B))))
MAX_GAP = 2
LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# The same set as GAP_CHARS as a regex character class, for the look-back of units.py.
GAP_CLASS = "[ \u00a0\u3000\u2002-\u200a]"


def gap_after(s: str, j: int) -> int:
    """The end of the gap that starts at ``s[j]``; ``j`` when there is none (no space, or a
    run longer than :data:`MAX_GAP`)."""
    k, n = j, len(s)
    while k < n and s[k] in GAP_CHARS:
        k += 1
        if k - j > MAX_GAP:
            return j
    return k


def gap_before(s: str, k: int) -> int:
    """The start of the gap that ends at ``s[k]``; ``k`` when there is none."""
    i = k
    while i > 0 and s[i - 1] in GAP_CHARS:
        i -= 1
        if k - i > MAX_GAP:
            return k
    return i


def char_before(s: str, k: int) -> str:
    """The character before ``s[k]``, looking past a gap ("" at the start of the text)."""
    i = gap_before(s, k)
    return s[i - 1] if i > 0 else ""


def is_latin(ch: str) -> bool:
    """An ASCII letter: a number after a Latin word (``Mate 60``, ``iPhone 16``) is a model
    or version name, so no gap joins it to a Chinese unit."""
    return ch in LATIN_LETTERS


def gap_multiplier(s: str, j: int, text: str, table: UnitTable) -> tuple[int, str]:
    """2000 亿元 / 1,200 万元 / 1.2 亿 元: the multiplier after a gap joins the number when a
    unit, 多/余 or the end of the phrase follows it (1 万科 is no 10000). Returns the end and
    the numeral without the gap, or ``(j, text)`` unchanged."""
    if not text[-1].isdigit():
        return j, text
    k = gap_after(s, j)
    # 十 never (3 十 is no numeral), 兆 never (兆瓦), 千米/千瓦 and 百分点 are units
    m = table.gap_mult_re.match(s, k) if k > j else None
    if m is None:
        return j, text
    e = m.end()
    if not (
        e >= len(s)
        or not (s[e].isalnum() or s[e] in GAP_CHARS)
        or s[e] in "多余度"
        or table.unit_re.match(s, e) is not None
        or _gap_unit(s, e, table)
    ):
        return j, text
    joined = text + m.group()
    if parse_numeral_span(joined) is None:
        return j, text
    return e, joined


def gap_before_tail(s: str, j: int, approx: str, table: UnitTable) -> int:
    """200 多家, 1500 余人, 2 个亿: the position after the gap when one of these follows it."""
    k = gap_after(s, j)
    if k == j or k + 1 >= len(s) or approx != "exact":
        return j
    if s[k] == "个" and s[k + 1] in "万亿":
        return k
    if s[k] in "多余" and not s.startswith("余额", k):
        after = k + 1
        if (
            table.gap_mult_re.match(s, after) is not None
            or table.unit_re.match(s, after) is not None
        ):
            return k
    return j


def _gap_unit(s: str, j: int, table: UnitTable) -> bool:
    """A unit word, date word or 度 stands right after a gap at ``s[j]``."""
    k = gap_after(s, j)
    if k == j or k >= len(s):
        return False
    if s[k] == "度" or table.date_re.match(s, k) is not None:
        return True
    um = table.unit_re.match(s, k)
    if um is None:
        return False
    e = um.end()
    # 500 MW, but 5 million / 3 times: a Latin unit is a whole word
    return not (is_latin(s[e - 1]) and e < len(s) and s[e].isascii() and s[e].isalnum())


def gap_before_unit(s: str, j: int, table: UnitTable) -> int:
    """近 3000 人, 15.6 %, 8 年 (a date word too: 2019 年 is rejected as a year)."""
    return gap_after(s, j) if _gap_unit(s, j, table) else j
