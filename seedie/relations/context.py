"""Shared document context for the relation builders (no spaCy import).

``DocContext`` indexes one text once: sentences, paragraphs, headings (which close a
section), clause boundaries, organization mentions, place mentions (base NER spans plus
the shipped gazetteer) and date mentions. The builders in ``delegation``, ``visits``,
``claims`` and ``speakers`` only read it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from .. import places
from ..lexicon import any_word_re, data_table
from ..places import occurrences as place_occurrences
from ..text.anchors import char_class
from ..text.chars import HAN_FIRST, HAN_LAST
from ..text.sentences import (
    CLAUSE_BREAKS,
    CLAUSE_PAUSES,
    FULL_STOPS,
    MAX_SENTENCE_LENGTH,
    SENTENCE_ENDS,
    split_paragraphs,
)
from ..text.sentences import CLOSERS as _CLOSERS
from ..text.spans import SpanIndex
from ..types import Company, DateMention


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists of ``seedie/data/relations.json`` (read once; do not mutate)."""
    data: dict[str, Any] = data_table("relations.json")
    return data


@cache
def words_re(key: str) -> re.Pattern[str]:
    """The words of the list ``key`` of relations.json, the longest at each start (what
    their alternation longest first matches, as a prefix trie: one branch per character
    instead of every word tried), compiled once; an empty list matches nothing."""
    return any_word_re(lexicon()[key])


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Surface form -> (bare name, province bare name) for the places of running text.

    Built from the one place table (:mod:`seedie.places`): 广东 and 广东省, 深圳 and 深圳市,
    桐庐 and 桐庐县 (a county's bare form is known here; the text is searched only for the
    forms of :func:`places.running_text_forms`).
    """
    table = places.running_text_forms(counties=True)
    return {form: (p.short, p.province) for form, p in table.items()}


@lru_cache(maxsize=8)
def _marks_re(chars: str) -> re.Pattern[str]:
    """:func:`~seedie.text.anchors.char_class` of ``chars``, kept."""
    return char_class(chars)


@lru_cache(maxsize=1 << 14)  # a pure function of the name; every mention asks again
def normalize_place(name: str) -> str:
    """贵州省 -> 贵州, 深圳市 -> 深圳; other names unchanged (minus a trailing 市/省)."""
    return places.strip_level(name, tuple(lexicon()["normalized_place_levels"]))


def province_of(name: str) -> str | None:
    return places.province_of(name)


@dataclass(frozen=True, slots=True)
class OrgSpan:
    start: int
    end: int
    text: str
    company: Company


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    start: int
    end: int
    text: str
    name: str  # normalized (贵州省 -> 贵州)


@dataclass
class DocContext:
    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)  # paragraph indices: titles, bylines
    breaks: list[int] = field(default_factory=list)  # headings + short one-line paragraphs
    orgs: list[OrgSpan] = field(default_factory=list)
    places: list[PlaceSpan] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)
    _org_starts: list[int] = field(default_factory=list)
    _indexes: dict[str, Any] = field(default_factory=dict)

    # -- locating ---------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return i
        return None

    def paragraph_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._para_starts, offset) - 1
        if (
            0 <= i < len(self.paragraphs)
            and self.paragraphs[i][0] <= offset < self.paragraphs[i][1]
        ):
            return i
        return None

    def section_of(self, offset: int) -> int:
        """Index of the section (text between section breaks) holding ``offset``."""
        para = self.paragraph_of(offset)
        if para is None:
            para = max(0, bisect.bisect_right(self._para_starts, offset) - 1)
        return bisect.bisect_right(self.breaks, para)

    def section_bounds(self, offset: int) -> tuple[int, int]:
        """(start, end) offsets of the section holding ``offset``."""
        if not self.paragraphs:
            return 0, len(self.text)
        k = self.section_of(offset)
        first = self.breaks[k - 1] if k > 0 else 0
        last = self.breaks[k] - 1 if k < len(self.breaks) else len(self.paragraphs) - 1
        last = max(first, min(last, len(self.paragraphs) - 1))
        return self.paragraphs[first][0], self.paragraphs[last][1]

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The clause (between ，；：。 …) around ``offset``, limited to its sentence."""
        s = self.sentence_of(offset)
        if s is not None:
            lo, hi = self.sentences[s]
        else:  # between sentences: a bounded window, not the whole text
            lo, hi = max(0, offset - MAX_SENTENCE_LENGTH), offset + MAX_SENTENCE_LENGTH
        return self.clause_within(offset, lo, hi)

    def clause_within(self, offset: int, lo: int, hi: int) -> tuple[int, int]:
        """:meth:`clause_bounds` for a caller that knows the sentence [lo, hi) of ``offset``."""
        # Bisect on the offsets of all break characters (found once per text), so a long
        # clause costs O(log n), not a character-by-character walk.
        breaks = self.clause_breaks()
        i = bisect.bisect_left(breaks, offset)
        start = max(lo, breaks[i - 1] + 1) if i > 0 else lo
        end = min(hi, breaks[i]) if i < len(breaks) else min(hi, len(self.text))
        return min(offset, start), max(offset, end)

    def clause_start(self, offset: int) -> int:
        """Just after the last clause break (，；：。 …) before ``offset``, or 0: not limited
        to the sentence, unlike :meth:`clause_bounds`."""
        breaks = self.clause_breaks()
        i = bisect.bisect_left(breaks, offset)
        return breaks[i - 1] + 1 if i > 0 else 0

    def clause_breaks(self) -> list[int]:
        """Offsets of the text's clause breaks (，；：。 …), sorted (found once per text)."""
        return self.char_offsets(CLAUSE_BREAKS)

    def full_ends(self) -> list[int]:
        """Offsets of the marks that end a full sentence (。！？ and line breaks, not ；),
        sorted: the clause breaks that are such marks (found once per text)."""
        cached = self._indexes.get("full_ends")
        if cached is None or cached[0] is not self.text:
            text = self.text
            if _FULL_IN_BREAKS:
                found = [i for i in self.clause_breaks() if text[i] in FULL_ENDS]
            else:
                found = self.char_offsets(FULL_ENDS)
            cached = self._indexes["full_ends"] = (text, found)
        offsets: list[int] = cached[1]
        return offsets

    def char_offsets(self, chars: str) -> list[int]:
        """Sorted offsets of the characters ``chars`` (break marks) in the text, found once
        per text and set of characters, for bisection: one search for the set's character
        class (inside a pipeline run, faster than a code-point table lookup with numpy)."""
        key = "chars:" + chars
        cached = self._indexes.get(key)
        if cached is None or cached[0] is not self.text:
            found = [m.start() for m in _marks_re(chars).finditer(self.text)]
            cached = self._indexes[key] = (self.text, found)
        offsets: list[int] = cached[1]
        return offsets

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    # Span lookups go through SpanIndex (bisect on starts): a long document holds thousands
    # of mentions and a linear scan per query would make the builders quadratic.
    def _index(self, items: list[Any], key: str) -> SpanIndex[Any]:
        """A SpanIndex over ``items`` (with .start and .end), kept under ``key`` (rebuilt if
        the list changes)."""
        cached = self._indexes.get(key)
        if cached is None or cached[0] is not items or cached[1] != len(items):
            cached = (items, len(items), SpanIndex((x.start, x.end, x) for x in items))
            self._indexes[key] = cached
        index: SpanIndex[Any] = cached[2]
        return index

    def orgs_in(self, start: int, end: int) -> list[OrgSpan]:
        return self._index(self.orgs, "orgs:index").items_inside(start, end)

    def places_in(self, start: int, end: int) -> list[PlaceSpan]:
        return self._index(self.places, "places:index").items_inside(start, end)

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return self._index(self.dates, "dates:index").items_inside(start, end)

    def span_index(self, spans: list[tuple[int, int]]) -> SpanIndex[None]:
        """A cached index over a list of (start, end) spans (the list must not change)."""
        key = f"spans:{id(spans)}"
        cached = self._indexes.get(key)
        if cached is None or cached[0] is not spans:
            cached = (spans, len(spans), SpanIndex((s, e, None) for s, e in spans))
            self._indexes[key] = cached
        return cached[2]

    def overlaps_date(self, start: int, end: int) -> bool:
        return self._index(self.dates, "dates:index").overlaps(start, end)

    def overlaps_place(self, start: int, end: int) -> bool:
        return self._index(self.places, "places:index").overlaps(start, end)

    def inside_org(self, start: int, end: int) -> bool:
        """Whether an organization mention contains [start, end) (``orgs`` holds none nested
        in another: :func:`build_context` keeps the longest)."""
        return _covered(self.orgs, self._starts(), start, end)

    def _starts(self) -> list[int]:
        if len(self._org_starts) != len(self.orgs):
            self._org_starts = [o.start for o in self.orgs]
        return self._org_starts

    def orgs_before(self, pos: int) -> Iterator[OrgSpan]:
        """Organizations ending at or before ``pos``, nearest first."""
        for j in range(bisect.bisect_left(self._starts(), pos) - 1, -1, -1):
            if self.orgs[j].end <= pos:
                yield self.orgs[j]

    def first_org_from(self, pos: int) -> OrgSpan | None:
        """The first organization starting at or after ``pos``."""
        i = bisect.bisect_left(self._starts(), pos)
        return self.orgs[i] if i < len(self.orgs) else None


FULL_ENDS = FULL_STOPS + "\n"  # what ends a full sentence (not ；)
_FULL_IN_BREAKS = set(FULL_ENDS) <= set(CLAUSE_BREAKS)  # then they are among the breaks


def _is_heading(line: str) -> bool:
    """A headline, section title or byline: short and without a sentence-final mark."""
    stripped = line.strip()
    if not stripped:
        return False
    if "记者" in stripped and len(stripped) <= 40 and stripped[-1] not in SENTENCE_ENDS:
        return True
    if stripped[-1] in SENTENCE_ENDS or stripped[-1] in _CLOSERS or stripped[-1] in "，,：:—…":
        return False
    return len(stripped) <= 30


def _is_soft_break(line: str) -> bool:
    """A short one-sentence line without a comma (最好的协作。): a section title in disguise."""
    stripped = line.strip()
    if len(stripped) > 24 or any(c in stripped for c in CLAUSE_PAUSES):
        return False
    inner = stripped.rstrip(SENTENCE_ENDS + _CLOSERS)
    return bool(inner) and not any(c in inner for c in SENTENCE_ENDS)


def _split_word(text: str, start: int, end: int) -> bool:
    """A short gazetteer hit that begins with a conjunction after a word (开发区|和县|农产品)."""
    return (
        end - start <= 2
        and text[start] in lexicon()["gazetteer_split_chars"]
        and start > 0
        and HAN_FIRST <= text[start - 1] <= HAN_LAST
    )


# Characters after which a two-character county name (和县, 范县) starts a new word.
_BEFORE_PLACE = "在到赴至从于和与及同、"


def _word_end(text: str, start: int, end: int, place_ends: set[int]) -> bool:
    """A two-character official name with a one-character stem (范县, 任县, 成县) right after
    a word character is usually the end of a word (示范县, 责任县, 形成县域); it names the
    county after a break, a preposition (在范县) or another place (河南范县)."""
    if end - start != 2 or text[end - 1] not in "县区市旗" or start == 0:
        return False
    before = text[start - 1]
    if not HAN_FIRST <= before <= HAN_LAST or before in _BEFORE_PLACE or start in place_ends:
        return False
    place = places.lookup(text[start:end])
    return place is not None and place.name == text[start:end]


def _covered(orgs: list[OrgSpan], starts: list[int], start: int, end: int) -> bool:
    """Whether one of ``orgs`` contains [start, end): ``orgs`` sorted by start with none
    nested in another, so their ends rise with their starts and the last one starting at or
    before ``start`` reaches furthest (what ``DocContext.inside_org`` finds by its index)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and orgs[i].end >= end


def build_context(
    text: str,
    sentences: list[tuple[int, int]],
    companies: list[Company],
    places: list[tuple[int, int, str]],
    dates: list[DateMention],
) -> DocContext:
    """Index ``text`` and the upstream spans; invalid spans are dropped, never raised on."""
    n = len(text)
    sents = sorted({(int(s), int(e)) for s, e in sentences if 0 <= s < e <= n})
    paragraphs = split_paragraphs(text)
    headings = [i for i, (s, e) in enumerate(paragraphs) if _is_heading(text[s:e])]
    heading_set = set(headings)
    breaks = [
        i for i, (s, e) in enumerate(paragraphs) if i in heading_set or _is_soft_break(text[s:e])
    ]
    ctx = DocContext(
        text=text, sentences=sents, paragraphs=paragraphs, headings=headings, breaks=breaks
    )
    ctx._sent_starts = [s for s, _ in sents]
    ctx._para_starts = [s for s, _ in paragraphs]

    orgs: dict[tuple[int, int], OrgSpan] = {}
    for company in companies:
        for m in company.mentions:
            if m.start is None or m.end is None or not (0 <= m.start < m.end <= n):
                continue
            key = (m.start, m.end)
            if key not in orgs:
                orgs[key] = OrgSpan(m.start, m.end, text[m.start : m.end], company)
    # Drop mentions nested in a longer mention (华为 inside 华为云总部).
    spans = sorted(orgs.values(), key=lambda o: (o.start, -o.end))
    kept: list[OrgSpan] = []
    for o in spans:
        if kept and o.start >= kept[-1].start and o.end <= kept[-1].end:
            continue
        kept.append(o)
    ctx.orgs = kept
    ctx._org_starts = [o.start for o in kept]

    lex = lexicon()
    blocked = set(lex["non_subject_places"])
    found: dict[tuple[int, int], PlaceSpan] = {}
    for start, end, label_text in places:
        if not (0 <= start < end <= n):
            continue
        surface = text[start:end]
        del label_text
        if surface in blocked or _split_word(text, start, end):
            continue
        found[(start, end)] = PlaceSpan(start, end, surface, normalize_place(surface))
    ner_places: SpanIndex[None] = SpanIndex((s, e, None) for s, e in found)
    ner_spans = set(found)  # a span covers itself: most gazetteer hits are NER places too
    place_ends = {e for _, e in found}
    for start, end in place_occurrences(text, "running_text").finditer():
        if (start, end) in ner_spans or ner_places.covers(start, end):
            continue
        if _split_word(text, start, end):
            continue
        if _word_end(text, start, end, place_ends):
            continue
        place_ends.add(end)
        surface = text[start:end]
        found[(start, end)] = PlaceSpan(start, end, surface, normalize_place(surface))
    ctx.places = [
        p
        for p in sorted(found.values(), key=lambda p: (p.start, -p.end))
        if not _covered(kept, ctx._org_starts, p.start, p.end)
    ]
    ctx.dates = sorted(
        (
            d
            for d in dates
            if d.start is not None and d.end is not None and 0 <= d.start < d.end <= n
        ),
        key=lambda d: (d.start, d.end),
    )
    return ctx
