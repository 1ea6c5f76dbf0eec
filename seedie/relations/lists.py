"""Lists of stops (no spaCy): after a visit cue (代表团先后来到A、B、C等地调研), in a frame
(先后对A、B等进行了考察) and before the group (在A、B、C等地，考察团一行…).

The list itself is read by the grammar of :mod:`seedie.relations.itinerary`; each member is
resolved to its stops by :func:`seedie.relations.stops.item_stops`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..text.sentences import CLAUSE_BREAKS
from ..text.spans import SpanIndex
from . import itinerary
from .context import DocContext, lexicon
from .stops import (
    Stop,
    blocked_spans,
    first_span_start,
    is_place,
    item_stops,
    trim,
    whole,
    words,
)

__all__ = ["before_group_stops", "list_stops"]

_OPEN, _CLOSE = "(（", ")）"
# What ends a list item: a clause break, except a colon, which opens a list (考察了：A、B).
_ITEM_BREAKS = "".join(c for c in CLAUSE_BREAKS if c not in "：:")
_ITEM_MARKS = re.compile(f"[{re.escape(_OPEN + _CLOSE + _ITEM_BREAKS)}等、]")  # what _items reads
_MAX_LIST = 240  # characters a list before the group may span
_MAX_SITE = 30
_GROUP_REACH = 6  # characters between a list before the group and the group's mention


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list starting at ``start``: split on 、, ended by a clause break or 等."""
    pos = start
    if text.startswith(words().trailers, pos) or text.startswith(words().followers, pos):
        return []  # 深入了解…, 考察学习…: the cue is part of a verb, no list follows
    while pos < len(text) and text[pos] in "了：: 到":
        pos += 1
    items: list[tuple[int, int]] = []
    item_start, depth = pos, 0
    limit = min(len(text), pos + _MAX_LIST)
    while pos < limit:
        mark = _ITEM_MARKS.search(text, pos, limit)
        if mark is None:
            pos = limit
            break
        pos = mark.start()
        c = text[pos]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (c in _ITEM_BREAKS or c == "等"):
            break
        elif depth == 0 and c == "、":
            items.append((item_start, pos))
            item_start = pos + 1
        pos += 1
    items.append((item_start, pos))
    return [(s, e) for s, e in items if e > s]


def list_stops(ctx: DocContext, spans: list[tuple[int, int]]) -> list[Stop]:
    """Stops listed after a visit cue whose sentence names the group before the cue.

    Example: ``"代表团先后来到A产业园、B公司等地调研。"`` -> stops A产业园 and B公司.
    """
    text = ctx.text
    blocked = blocked_spans(ctx, spans)
    out: list[Stop] = []
    seen_until = -1
    starts = [s for s, _ in spans]
    ends = ctx.full_ends()  # the marks that end a full sentence (not ；)
    for s_start, s_end in ctx.sentences:
        # The group may be named earlier in the same full sentence (代表团飞抵甲市，…；次日走访…).
        # It starts after the sentence's full start, which is at most MAX_ITINERARY before it:
        # with no group mention in that reach, there is none after the full start either.
        reach = s_start - itinerary.MAX_ITINERARY
        i = bisect.bisect_left(starts, reach)
        if i == len(starts) or starts[i] >= s_end:
            continue
        j = bisect.bisect_left(ends, s_start)
        full_start = max(ends[j - 1] + 1 if j else 0, reach)
        first_group = first_span_start(spans, full_start, s_end)
        if first_group is None:
            continue
        for m in words().cue_re.finditer(text, max(first_group, s_start), s_end):
            if m.start() < seen_until or blocked.overlaps(m.start(), m.end()):
                continue
            found = itinerary.parse(text, m.end(), _list_limit(ctx, s_end))
            if not found.members:
                continue
            out.extend(_list_of(ctx, found, blocked, "list"))
            seen_until = found.end
        out.extend(_frame_stops(ctx, blocked, max(first_group, s_start), s_end))
        out.extend(_group_verb_stops(ctx, blocked, spans, s_start, s_end))
    return out


def _group_verb_stops(
    ctx: DocContext, blocked: SpanIndex[None], spans: list[tuple[int, int]], start: int, end: int
) -> list[Stop]:
    """考察团到A、B及C等地考察: a bare verb right after the group opens a list, when 等地/
    等企业 closes it (alone, 到 is too common a word to cue a visit)."""
    text = ctx.text
    out: list[Stop] = []
    i = bisect.bisect_left(spans, (start, -1))
    while i < len(spans) and spans[i][0] < end:
        m = words().group_verb_re.match(text, spans[i][1], end)
        i += 1
        if m is None:
            continue
        found = itinerary.parse(text, m.end(), _list_limit(ctx, end))
        if found.members and (found.closed or found.typed):
            out.extend(_list_of(ctx, found, blocked, "list"))
    return out


def _frame_stops(ctx: DocContext, blocked: SpanIndex[None], start: int, end: int) -> list[Stop]:
    """先后对A、B等进行了参观考察: the visit verb follows the list, which the frame opens."""
    text = ctx.text
    out: list[Stop] = []
    for m in words().frame_re.finditer(text, start, end):
        found = itinerary.parse(text, m.end(), _list_limit(ctx, end))
        if found.members and found.closed and words().frame_close_re.match(text, found.end):
            out.extend(_list_of(ctx, found, blocked, "list"))
    return out


def _list_limit(ctx: DocContext, s_end: int) -> int:
    """A list may run past a ；that the sentence splitter treats as an end: to the next full
    stop, within the grammar's reach."""
    limit = min(len(ctx.text), s_end + itinerary.MAX_ITINERARY)
    ends = ctx.full_ends()  # the marks that end a full sentence (not ；)
    i = bisect.bisect_left(ends, s_end)
    return ends[i] if i < len(ends) and ends[i] < limit else limit


def _list_of(
    ctx: DocContext, found: itinerary.Itinerary, blocked: SpanIndex[None], kind: str
) -> list[Stop]:
    """The stops of a list. Closed by 等地/等企业 (a list of places by its own words), a
    member that names no organization or site is still a stop when another member is one;
    a segment only the closing admits must name a stop, else the list ends before it."""
    members = list(found.members)
    listed = len(members) > 1
    per_item = [item_stops(ctx, m.start, m.end, blocked, listed, kind) for m in members]
    closed = found.closed
    for i, m in enumerate(members if found.weak_segments else ()):
        if m.segment in found.weak_segments and not per_item[i]:
            # The list ends before this segment, so the closing 等… is not its own.
            members = [x for x in members[:i] if x.segment < m.segment]
            per_item = per_item[: len(members)]
            closed = False
            break
    text = ctx.text
    typed = found.typed and closed == found.closed  # the typed closing is still the list's
    if listed and ((closed and any(per_item)) or typed):
        for i, m in enumerate(members):
            start = m.start
            if per_item[i]:
                # A和B where the list's words make B a stop too (研究院和某某等企业).
                last = per_item[i][-1]
                glue = words().and_re.match(text, last.end)
                if glue is None or ctx.inside_org(glue.start(), glue.end()):
                    continue
                start = glue.end()
            t_start, t_end = trim(text, start, m.end)
            name = text[t_start:t_end].strip()
            if _plain_name(name) and not blocked.overlaps(t_start, t_end):
                per_item[i] = per_item[i] + [Stop(t_start, t_end, name, None, listed, kind)]
    return [
        replace(stop, place=m.place) if m.place else stop
        for m, stops in zip(members, per_item, strict=True)
        for stop in stops
    ]


def _plain_name(name: str) -> bool:
    """A bare proper name of a stop (某某农牧, 某镇某村): short, no digits, no generic word."""
    w = words()
    if not (2 <= len(name) <= _MAX_SITE) or is_place(name) or re.search(r"\d", name):
        return False
    if name in w.generic or name.startswith(w.generic_starts):
        return False
    return not any(t in name for t in w.trailers + w.followers)


def before_group_stops(ctx: DocContext, spans: list[tuple[int, int]]) -> list[Stop]:
    """在A、B、C等地，考察团一行… and 在X，考察团…: the place clause names the stops."""
    text = ctx.text
    blocked = blocked_spans(ctx, spans)
    out: list[Stop] = []
    for m in re.finditer("在", text):
        pos = m.start()
        if pos > 0 and text[pos - 1] not in _ITEM_BREAKS + " \u3000":
            continue
        items = _items(text, pos + 1)
        if not items:
            continue
        close = items[-1][1]
        if text.startswith("等", close):
            close += 1
            while close < len(text) and text[close] not in _ITEM_BREAKS:
                close += 1
        if close >= len(text) or text[close] not in "，,":
            continue
        after = close + 1
        if first_span_start(spans, after, after + _GROUP_REACH + 1) is None:
            continue
        closed = text.startswith(tuple(lexicon()["stop_list_closers"]), items[-1][1])
        members = tuple(itinerary.Member(a, b, None, 0) for a, b in items)
        found = _list_of(
            ctx, itinerary.Itinerary(members, closed, close, frozenset()), blocked, "before_group"
        )
        # 在甲市委书记乙的陪同下，代表团…: the clause must name the stops, nothing more.
        if all(
            stop.org is None or whole(ctx, stop, trim(text, *items[-1])[1]) for stop in found[-1:]
        ):
            out.extend(found)
    return out
