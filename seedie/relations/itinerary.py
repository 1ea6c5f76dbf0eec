"""The itinerary grammar: one parser for the lists of stops a report enumerates (no spaCy).

A list opens right after a visit verb (先后深入, 实地察看了, 参访了) and reads

    [了|：] [N家…企业，包括]  segment (，|； segment)*  [等地|等处|等企业… [进行了…考察]]
    segment = [以及|及|还有] [place group 的] member (、 member)*

Members are split on 、 here; 和/及 inside a member are left to the stop resolver, which
keeps A及B apart only when each part is a whole stop. A segment after ，/； belongs to the
list when it opens with a conjunction (以及C区的…), opens a place group (宁都县的A、B), or
the list is closed by 等… later in the sentence (the resolver then checks that every such
segment names a stop). A place group governs its segment's members and the segments after
it until the next group. The words (intros, conjunctions, place-level endings, closers) are
in ``relations.json``: ``itinerary_*`` and ``stop_list_closers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternation
from ..text.sentences import CLAUSE_PAUSES, FULL_STOPS
from .context import gazetteer, lexicon

_OPEN, _CLOSE = "(（“‘《", ")）”’》"
# What ends a segment of a list: a pause, except a colon, which opens the list (了：).
_SEGMENT_BREAKS = "".join(c for c in CLAUSE_PAUSES if c not in "：:")
_LINE_BREAKS = "\n"
MAX_ITINERARY = 1200  # characters one list may span (a province's aid projects, 21 stops)
_MAX_GROUP = 10  # characters of a place group's name (宁都县, 某某经开区)


@dataclass(frozen=True, slots=True)
class Member:
    """One member of a list: its character span and the place group governing it."""

    start: int
    end: int
    place: str | None
    segment: int  # index of the segment (between ，/；) the member is in


@dataclass(frozen=True, slots=True)
class Itinerary:
    """The members of one list, whether 等… closed it, the segments that only the closing
    licenses (each must name a stop, else the list ends before it), and whether the list
    names its members' kind (12家企业，包括… / …等企业: every member is a stop)."""

    members: tuple[Member, ...]
    closed: bool
    end: int
    weak_segments: frozenset[int]
    typed: bool = False


@dataclass(frozen=True, slots=True)
class _Words:
    lead: str
    intro_re: re.Pattern[str]
    conj: tuple[str, ...]
    group_re: re.Pattern[str]
    level_ends: tuple[str, ...]
    closers: tuple[str, ...]
    typed_close_re: re.Pattern[str]
    count_close_re: re.Pattern[str]
    verbs: tuple[str, ...]
    adverbs: str
    cues: tuple[str, ...]
    cue_re: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    lex = lexicon()
    intro = alternation(lex["itinerary_intros"])
    counted = alternation(lex["itinerary_counted_heads"])
    count = r"[0-9一二两三四五六七八九十几多数余]+[家个处所座项]"
    # Between a count and its noun: 台资, 代表性, 重点 (no list mark, at most a few characters).
    between = r"[^、，,。；;：:\s]"
    return _Words(
        lead=lex["itinerary_lead_chars"],
        # 12家台资企业，包括… / 以下企业： / 包括：
        intro_re=re.compile(
            rf"(?:{count}{between}{{0,10}}?(?:{counted})[，,：:]?\s*)?(?:{intro})[：:]?"
        ),
        conj=tuple(sorted(lex["itinerary_conjunctions"], key=len, reverse=True)),
        group_re=re.compile(rf"([^、，,；;：:。的\s]{{2,{_MAX_GROUP}}}?)的"),
        level_ends=tuple(sorted(lex["itinerary_place_level_ends"], key=len, reverse=True)),
        closers=tuple(sorted(lex["stop_list_closers"], key=len, reverse=True)),
        # 等企业, 等各园区企业, 等12家企业: a closing that names what its members are.
        typed_close_re=re.compile(rf"等(?:{count})?{between}{{0,4}}?(?:{counted})"),
        # A、B、C三家代表性企业: a count after the last member closes the list the same way.
        count_close_re=re.compile(rf"{count}{between}{{0,4}}?(?:{counted})$"),
        verbs=tuple(lex["stop_trailers"]) + tuple(lex["cue_verb_followers"]),
        adverbs=lex["itinerary_adverbs"],
        cues=tuple(lex["visit_cues"]),
        cue_re=re.compile(alternation(lex["visit_list_cues"])),
    )


def _is_place_name(name: str) -> bool:
    return name in gazetteer() or name.endswith(_words().level_ends)


def place_group(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(place, offset after 的) when ``text[start:end]`` opens with a place group.

    Example: ``place_group("宁都县的某某蔬菜基地", 0, 10)`` -> ("宁都县", 4).
    """
    m = _words().group_re.match(text, start, end)
    if m is None or not _is_place_name(m.group(1)):
        return None
    return m.group(1), m.end()


def _skip_lead(text: str, pos: int, limit: int) -> tuple[int, bool]:
    """The offset after the lead characters and an intro, and whether an intro was there."""
    words = _words()
    while pos < limit and text[pos] in words.lead:
        pos += 1
    m = words.intro_re.match(text, pos, limit)
    return (m.end(), True) if m is not None else (pos, False)


def _strip_conj(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \u3000":
        pos += 1
    for c in _words().conj:
        if text.startswith(c, pos) and pos + len(c) < end:
            return pos + len(c)
    return pos


# The characters _segments acts on; it jumps over all others.
_SEGMENT_MARKS = re.compile(
    f"[{re.escape(_OPEN + _CLOSE + FULL_STOPS + _LINE_BREAKS + _SEGMENT_BREAKS)}等]"
)
_MEMBER_MARKS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}、]")  # what _split_members reads


def _segments(text: str, pos: int, limit: int) -> tuple[list[tuple[int, int]], int, bool]:
    """Segments between ，/； up to the list's end: (segments, end, closed by 等…)."""
    segments: list[tuple[int, int]] = []
    seg_start, depth = pos, 0
    closers = _words().closers
    while pos < limit:
        mark = _SEGMENT_MARKS.search(text, pos, limit)
        if mark is None:
            pos = limit
            break
        pos = mark.start()
        c = text[pos]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif c in FULL_STOPS or c in _LINE_BREAKS:
            break
        elif depth == 0 and c == "等":
            segments.append((seg_start, pos))
            return segments, pos, text.startswith(closers, pos) or _bare_close(text, pos)
        elif depth == 0 and c in _SEGMENT_BREAKS:
            segments.append((seg_start, pos))
            seg_start = pos + 1
        pos += 1
    segments.append((seg_start, pos))
    return segments, pos, False


def _typed_close(text: str, pos: int) -> bool:
    return _words().typed_close_re.match(text, pos) is not None


def _bare_close(text: str, pos: int) -> bool:
    """等 followed by a visit verb (A、B等进行了考察) closes a list as 等地 does."""
    after = text[pos + 1 : pos + 8].lstrip("地处 ")
    return after.startswith(_words().verbs) or after[:1] in FULL_STOPS


def parse(text: str, start: int, limit: int) -> Itinerary:
    """The list that starts at ``start`` (right after its visit verb), read up to ``limit``.

    Example: ``parse("深入甲县的A基地、B园，乙区的C中心等处进行考察", 2, 27)`` -> members
    A基地 and B园 (place 甲县), C中心 (place 乙区), closed.
    """
    words = _words()
    limit = min(limit, len(text), start + MAX_ITINERARY)
    pos, typed = _skip_lead(text, start, limit)
    if text.startswith(words.verbs, start) or text.startswith(words.verbs, pos):
        return Itinerary((), False, pos, frozenset())  # 深入了解…: a verb, no list
    if text[pos : pos + 1] in words.adverbs and text.startswith(words.cues, pos + 1):
        return Itinerary((), False, pos, frozenset())  # 首站便走进…: the next cue's list
    segments, end, closed = _segments(text, pos, limit)
    members: list[Member] = []
    weak: set[int] = set()
    place: str | None = None
    for index, (s_start, s_end) in enumerate(segments):
        body = _strip_conj(text, s_start, s_end)
        group = place_group(text, body, s_end)
        if index > 0 and words.cue_re.search(text, s_start, s_end):
            end = segments[index - 1][1]  # 次日上午走访…: a new cue opens its own list
            break
        if index > 0 and body == s_start and group is None:
            if not closed:
                end = segments[index - 1][1]
                break
            weak.add(index)  # licensed only by the closing 等…: must name a stop
        if group is not None:
            place, body = group
        members += [Member(a, b, place, index) for a, b in _split_members(text, body, s_end)]
    if _typed_close(text, end):
        # 等企业 closes any list; 等各园区企业, 等12家企业 only one without a ，: such a
        # phrase after a later clause (…，目前已有某某等30家企业入驻) is no closing.
        closed = typed = closed or len(segments) == 1
    if not closed and members:
        last = members[-1]
        count = words.count_close_re.search(text, last.start, last.end)
        if count is not None and count.start() > last.start:
            members[-1] = Member(last.start, count.start(), last.place, last.segment)
            closed = typed = True
    return Itinerary(tuple(members), closed, end, frozenset(weak), typed)


def _split_members(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth, item_start = 0, start
    for mark in _MEMBER_MARKS.finditer(text, start, end):
        pos = mark.start()
        c = text[pos]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and c == "、":
            out.append((item_start, pos))
            item_start = pos + 1
    out.append((item_start, end))
    return [(a, b) for a, b in out if b > a]
