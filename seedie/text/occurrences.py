"""Where the words of a large fixed set occur in a text, found once per text.

A :class:`WordFinder` holds one or more named groups of words; its
:meth:`~WordFinder.index` finds every occurrence of every word in one pass and keeps them by
start, per group. The queries then answer as a prefix-trie regex of the same words would
(``re.compile(seedie.lexicon.trie_pattern(words))``), with ``pos``/``endpos`` windows like
``re.Pattern``'s, but each costs a few dictionary lookups instead of a regex run:

- :meth:`Occurrences.match`: the longest word starting at ``pos`` and ending by ``endpos``;
- :meth:`Occurrences.search`: the same at the first start ``>= pos`` that has one;
- :meth:`Occurrences.finditer`: leftmost, longest, non-overlapping, as ``finditer``.

Hits are ``(start, end)`` character offsets.

    >>> finder = WordFinder({"places": ["深圳", "深圳市", "贵州"]})
    >>> occ = finder.index("去深圳市和贵州")["places"]
    >>> list(occ.finditer())
    [(1, 4), (5, 7)]
    >>> occ.match(1, 3), occ.search(2)
    ((1, 3), (5, 7))
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from ..errors import Errors

Hit = tuple[int, int]


class Occurrences:
    """Every occurrence of a :class:`WordFinder`'s words in one text."""

    __slots__ = ("_ends", "_starts", "length")

    def __init__(self, ends: dict[int, tuple[int, ...]], length: int) -> None:
        self._ends = ends  # start -> the ends of the words starting there, longest first
        self._starts = sorted(ends)
        self.length = length

    def _window(self, pos: int, endpos: int | None) -> tuple[int, int]:
        end = self.length if endpos is None else min(endpos, self.length)
        return max(0, pos), end

    def match(self, pos: int, endpos: int | None = None) -> Hit | None:
        """The longest word that starts at ``pos`` and ends by ``endpos``."""
        ends = self._ends.get(max(0, pos))
        if ends is None:  # no word starts there (most asks)
            return None
        pos, endpos = self._window(pos, endpos)
        for end in ends:
            if end <= endpos:
                return pos, end
        return None

    def search(self, pos: int = 0, endpos: int | None = None) -> Hit | None:
        """The first :meth:`match` at or after ``pos``."""
        return next(self.finditer(pos, endpos), None)

    def finditer(self, pos: int = 0, endpos: int | None = None) -> Iterator[Hit]:
        """Leftmost-longest occurrences in text[pos:endpos] that do not overlap."""
        pos, endpos = self._window(pos, endpos)
        starts = self._starts
        for i in range(bisect_left(starts, pos), len(starts)):
            start = starts[i]
            if start >= endpos:
                return
            if start < pos:
                continue
            for end in self._ends[start]:  # the longest that ends by endpos
                if end <= endpos:
                    yield start, end
                    pos = end
                    break


# WordFinder refuses longer words (names and fixed expressions are far shorter).
_LONGEST_WORD = 64


class WordStarts:
    """Where a word of a set may start in a text, and how long the words starting there are.

    ``pattern`` is a regex search (in C) for a word's possible first character followed by a
    possible second one, or for a one-character word; at each start it finds, the lengths
    of the words that may start there are ``sizes`` of the two characters found (longest
    first), and 1 too when that character is in ``singles``. The caller looks the slices up:
    the words are names, so few positions start one, and this is faster than an
    Aho-Corasick automaton whose root has a thousand branches (it tries them at every
    character).
    """

    __slots__ = ("pattern", "singles", "sizes")

    def __init__(self, words: Iterable[str]) -> None:
        kept = {w for w in words if w}
        lengths: dict[str, set[int]] = {}
        for word in kept:
            if len(word) > 1:
                lengths.setdefault(word[:2], set()).add(len(word))
        self.sizes = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        self.singles = frozenset(w for w in kept if len(w) == 1)
        self.pattern = _start_pattern(kept) or re.compile("(?!)")

    def starts_in(self, text: str) -> Iterator[int]:
        """The offsets, in order, at which a word may start in ``text``."""
        return map(_match_start, self.pattern.finditer(text))


class WordFinder:
    """Named groups of words (each 1 to 64 characters), found in one pass over a text.

    A word belongs to one or more groups, and each group gets the :class:`Occurrences` of
    its own words; the pass tries only the :class:`WordStarts` of all the words.
    """

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self.groups = tuple(groups)
        masks: dict[str, int] = {}
        for i, group in enumerate(self.groups):
            for word in groups[group]:
                if not word or len(word) > _LONGEST_WORD:
                    raise ValueError(Errors.E014.format(got=word, longest=_LONGEST_WORD))
                masks[word] = masks.get(word, 0) | 1 << i
        # The groups of each word, by their index in ``groups``.
        self._groups_of = {
            w: tuple(i for i in range(len(self.groups)) if m >> i & 1) for w, m in masks.items()
        }
        self._starts = WordStarts(masks)

    def index(self, text: str) -> dict[str, Occurrences]:
        """Every occurrence in ``text``, by group (the last few texts' answers are kept)."""
        return _index(self, text)

    def find(self, text: str) -> dict[str, Occurrences]:
        """:meth:`index` without the cache."""
        ends: list[dict[int, list[int]]] = [{} for _ in self.groups]
        starts, groups_of = self._starts, self._groups_of
        sizes_of, singles = starts.sizes.get, starts.singles
        length = len(text)
        for start in starts.starts_in(text):
            sizes = sizes_of(text[start : start + 2], ())
            if singles and text[start] in singles:
                sizes += (1,)
            for size in sizes:
                if start + size > length:
                    continue  # the slice would be cut short: a shorter word
                for i in groups_of.get(text[start : start + size], ()):
                    ends[i].setdefault(start, []).append(start + size)
        return {
            group: Occurrences({start: tuple(e) for start, e in by_start_.items()}, len(text))
            for group, by_start_ in zip(self.groups, ends)
        }


_match_start = re.Match.start  # the start of each match, for map() over finditer


def _start_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Where a word may start: a first character of a longer word followed by a second
    character of one, or a one-character word; None for no words."""
    longer = [w for w in words if len(w) > 1]
    parts = []
    if longer:
        first = "".join(sorted({w[0] for w in longer}))
        second = "".join(sorted({w[1] for w in longer}))
        parts.append(f"[{re.escape(first)}](?=[{re.escape(second)}])")
    singles = "".join(sorted({w for w in words if len(w) == 1}))
    if singles:
        parts.append(f"[{re.escape(singles)}]")
    return re.compile("|".join(parts)) if parts else None


@lru_cache(maxsize=32)  # asked for by every component of a batch of IN_A_ROW (seedie.pipe)
def _index(finder: WordFinder, text: str) -> dict[str, Occurrences]:
    return finder.find(text)
