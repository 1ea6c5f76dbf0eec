"""Bare Chinese numerals: the cheap test that a candidate number yields no quantity.

Most numerals in running text (六大产业, 一战略, “十四五”) stand alone: nothing the grammar
reads stands right before or after them, and a Chinese numeral with no unit or qualifier is
no quantity. :func:`bare_numeral` tells them apart before the parser runs; the characters it
looks at are those the grammar (:mod:`seedie.quantities.grammar`) reads, from the word lists
of ``units.json`` and the few the grammar spells out itself (below).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .units import UnitTable

__all__ = [
    "DEGREE_CHAR",
    "EACH_CHAR",
    "FRACTION_OF",
    "HALF_CHAR",
    "OVER_CHARS",
    "bare_numeral",
    "numeral_followers",
    "readers_of",
]

# The characters the grammar reads right after a numeral run besides the word lists':
HALF_CHAR = "半"  # 一吨半, 一半
OVER_CHARS = "多余"  # 500多亿, 1500余人, 1年多
EACH_CHAR = "个"  # 两个亿, 一个半小时
DEGREE_CHAR = "度"
FRACTION_OF = "分之"  # 三分之一; 百分百 starts with the same character
_ARABIC_RE = re.compile(r"\d")  # as grammar.parse_part tells an Arabic number


@lru_cache(maxsize=4)
def numeral_followers(table: UnitTable) -> frozenset[str]:
    """The characters at which ``grammar.parse_part``, after a run of numerals with no Arabic
    digit (so no gap), reads on: a unit or date word, 折, 分之, 个, 多/余, 度, 半, (含). Before
    any other character (or the text's end) the part ends with the run, and has no unit."""
    words = [*table.units, *table.date_words]
    assert all(words), "an empty word would match anywhere"
    tail = HALF_CHAR + OVER_CHARS + EACH_CHAR + DEGREE_CHAR + FRACTION_OF[0] + "/("  # (含)
    return frozenset(w[0] for w in words) | table.discount_chars | frozenset(tail)


@lru_cache(maxsize=4)
def readers_of(table: UnitTable) -> tuple[frozenset[str], frozenset[str]]:
    """(before, after): the characters at which ``parse._prefixes`` reads anything at a
    number's start, and those at which ``parse._parse_at`` reads on after a run of numerals
    with no Arabic digit (the part's tail and unit, a range connector, a qualifier suffix)."""
    t = table
    before = t.prefix_first_chars | t.per_first_chars | frozenset(t.magnitude_prefixes)
    assert all(t.qualifier_suffixes), "an empty suffix would match anywhere"
    suffixes = frozenset(w[0] for w in t.qualifier_suffixes)
    return before | frozenset("-+"), numeral_followers(t) | t.connector_first_chars | suffixes


def bare_numeral(
    s: str, c: int, run: re.Match[str] | None, before: frozenset[str], after: frozenset[str]
) -> bool:
    """The strict parse at ``s[c]`` (with no look-back) finds nothing: no prefix starts at
    ``c``, and ``run`` (``num_re`` at ``c``) is missing, or holds no Arabic digit and ends
    before a character the grammar does not read on at (``before``/``after``:
    :func:`readers_of`). Then ``parse._parse_at`` reads a part with no prefix, tail, unit,
    range or qualifier, and strictly a bare Chinese numeral is no quantity."""
    if s[c] in before:
        return False
    if run is None:
        return True  # parse_part finds no numeral at c, and no 半 (c holds a numeral)
    j = run.end()
    return (j >= len(s) or s[j] not in after) and _ARABIC_RE.search(s, c, j) is None
