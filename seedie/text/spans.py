"""Overlap and containment queries over character spans in O(log n + k).

Long documents hold thousands of mentions; checking each new span against all kept spans
is quadratic. Spans are kept sorted by start; a query only looks at spans whose start lies
within the longest span length before the query.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Generic, TypeVar

T = TypeVar("T")
_START_END = itemgetter(0, 1)  # sort key: by start, then end


class SpanIndex(Generic[T]):
    """Spans (start, end, item), possibly overlapping each other.

    Example:
        >>> idx = SpanIndex([(0, 3, "a"), (5, 9, "b")])
        >>> idx.overlaps(2, 4), idx.overlaps(3, 5), idx.covers(6, 8)
        (True, False, True)
        >>> [item for _, _, item in idx.inside(0, 9)], idx.items_inside(1, 9)
        (['a', 'b'], ['b'])
    """

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        self._spans: list[tuple[int, int, T]] = sorted(spans, key=_START_END)
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max([e - s for s, e, _ in self._spans], default=0)

    def add(self, start: int, end: int, item: T) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end, item))
        self._longest = max(self._longest, end - start)

    def _near(self, start: int, end: int) -> list[tuple[int, int, T]]:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return self._spans[lo:hi]

    def near(self, offset: int) -> list[tuple[int, int, T]]:
        """Spans that may contain ``offset`` (callers check ``start <= offset < end``)."""
        return self._near(offset, offset + 1)

    def latest_containing(self, offset: int) -> tuple[int, int, T] | None:
        """The span containing ``offset`` that starts last (ties: the shortest, then the
        first added), or None.

        Walks back from ``offset`` and stops at the first start that holds a containing span,
        so spans running to the end of a long paragraph do not make every query a scan.

        Example:
            >>> SpanIndex([(0, 9, "a"), (3, 9, "b"), (5, 6, "c")]).latest_containing(7)
            (3, 9, 'b')
        """
        lo = bisect_left(self._starts, offset - self._longest)
        best: tuple[int, int, T] | None = None
        for j in range(bisect_right(self._starts, offset) - 1, lo - 1, -1):
            span = self._spans[j]
            if best is not None and span[0] < best[0]:
                break
            if offset < span[1] and (best is None or span[1] <= best[1]):
                best = span
        return best

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span shares a character with [start, end)."""
        for s, e, _ in self._near(start, end):
            if s < end and start < e:
                return True
        return False

    def covers(self, start: int, end: int) -> bool:
        """True when some span contains [start, end)."""
        for s, e, _ in self._near(start, end):
            if s <= start and end <= e:
                return True
        return False

    def inside(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Spans lying within [start, end), in order."""
        starts = self._starts
        lo = bisect_left(starts, start)
        if lo == len(starts) or starts[lo] >= end:  # no span starts in the range (most asks)
            return []
        hi = bisect_left(starts, end, lo)
        return [sp for sp in self._spans[lo:hi] if sp[1] <= end]

    def items_inside(self, start: int, end: int) -> list[T]:
        """The items of :meth:`inside`, without their offsets."""
        return [sp[2] for sp in self.inside(start, end)]

    def __len__(self) -> int:
        return len(self._spans)


class ClaimedChars:
    """The characters of a text that kept spans have claimed, for a greedy pass that keeps a
    span only when it shares no character with one kept before (longest first, say).

    Example:
        >>> claimed = ClaimedChars(10)
        >>> claimed.claim(2, 5)
        >>> claimed.free(4, 6), claimed.free(5, 8)
        (False, True)
    """

    __slots__ = ("_marks",)

    def __init__(self, length: int) -> None:
        self._marks = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        """True when no character of [start, end) is claimed (an empty span always is)."""
        return self._marks.find(1, start, end) == -1

    def claim(self, start: int, end: int) -> None:
        """Claim the characters of [start, end) (within the length given)."""
        self._marks[start:end] = b"\x01" * (end - start)


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``text``, left to right, not overlapping (as a regex
    search for the literal finds them, without compiling one per word).

    >>> list(occurrences("甲乙甲乙甲", "甲乙")), list(occurrences("aaa", "aa"))
    ([0, 2], [0])
    """
    if not word:
        return
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


__all__ = ["ClaimedChars", "SpanIndex", "occurrences"]
