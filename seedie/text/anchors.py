"""``finditer`` that tries only the starts near a character every match must hold.

A pattern like ``某某（苏州）有限公司`` or ``2025年`` cannot be skipped over quickly by the regex
engine: it begins with a run of any name characters or digits, so the engine tries it at
every position. When each match holds one of a few characters (the bracket, 年) within a
known distance of its start, a one-character search finds those characters and the pattern
is tried only at the starts just before them. The matches are the same, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .spans import occurrences

__all__ = ["Anchor", "anchored_matches", "char_class"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a pattern's matches may start: each holds one of ``chars`` at most ``reach``
    characters after its start (the pattern never matches the empty string), and, with
    ``lead``, begins with a character ``lead`` matches."""

    chars: re.Pattern[str]  # one character
    reach: int
    lead: re.Pattern[str] | None = None  # one character


def char_class(chars: str) -> re.Pattern[str]:
    """A pattern matching one of ``chars``.

    >>> char_class("年月").pattern
    '[年月]'
    """
    return re.compile("[" + "".join(sorted({re.escape(c) for c in chars})) + "]")


def anchored_matches(
    pattern: re.Pattern[str], anchor: Anchor | None, text: str
) -> Iterator[re.Match[str]]:
    """The non-empty matches of ``pattern.finditer(text)``; with an anchor, only the starts
    up to ``anchor.reach`` before one of its characters are tried (in order, as finditer),
    and of those only the ones that hold a character of ``anchor.lead``, if it is given.

    >>> [m.group() for m in anchored_matches(re.compile(r"\\d+年"), Anchor(char_class("年"), 4),
    ...                                      "2024年和2025年")]
    ['2024年', '2025年']
    """
    if anchor is None:
        yield from (m for m in pattern.finditer(text) if m.end() > m.start())
        return
    pos = 0  # the end of the last match: no match starts before it
    lead = anchor.lead
    for at in _hits(anchor.chars, text):
        start = max(pos, at - anchor.reach)
        while start <= at:
            if lead is not None:  # on to the next start that holds a first character
                first = lead.search(text, start, at + 1)
                if first is None:
                    break
                start = first.start()
            m = pattern.match(text, start)
            if m is not None and m.end() > start:
                yield m
                start = pos = m.end()
            else:
                start += 1
        pos = max(pos, at + 1)


# A class of this many characters or fewer is found by one str.find per character: the regex
# engine scans for a single character as fast, but tries a class at every position.
_FIND_AT_MOST = 6


@lru_cache(maxsize=64)
def _literals(chars: re.Pattern[str]) -> str | None:
    """The characters ``chars`` matches when it is the :func:`char_class` of a few of them
    (it then matches no other character), else None."""
    members = "".join({c for c in chars.pattern if chars.fullmatch(c)})
    if not 0 < len(members) <= _FIND_AT_MOST:
        return None
    plain = char_class(members)
    return members if (plain.pattern, plain.flags) == (chars.pattern, chars.flags) else None


def _hits(chars: re.Pattern[str], text: str) -> Iterable[int]:
    """The offsets at which ``chars`` (one character) matches in ``text``, in order."""
    members = _literals(chars)
    if members is None:
        return (m.start() for m in chars.finditer(text))
    found: list[int] = []
    for c in members:
        found += occurrences(text, c)  # one character: every occurrence
    if len(members) > 1:
        found.sort()
    return found
