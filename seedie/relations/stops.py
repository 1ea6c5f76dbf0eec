"""Stops the delegation makes that no single cue-plus-organization pattern shows (no spaCy).

- Lists after a visit cue: 代表团先后来到A、B、C等地调研; 实地考察了：A、B、C等.
- Lists before the group: 在A、B、C等地，考察团一行…; 在X，考察团观看了….
- Headings and paragraphs opening on a host: :mod:`seedie.relations.section_stops`.

A stop is an organization mention when one covers it, else the named site itself when its
name ends like a site (产业园, 项目, 学校: ``stop_site_heads`` in ``relations.json``); such a
visit has no host id. Generic stems (企业展厅, 生产车间) are never stops.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..orgs.lexicon import head_of
from ..orgs.lexicon import lexicon as org_lexicon
from ..text.sentences import FULL_STOPS
from ..text.spans import SpanIndex
from . import itinerary
from .context import DocContext, OrgSpan, gazetteer, lexicon

_ITEM_BREAKS = "，,。；;！？!?\n"
_OPEN, _CLOSE = "(（", ")）"
_QUOTES_OPEN, _QUOTES_CLOSE = "“‘", "”’"
_MAX_LIST = 240  # characters a list of stops may span
_MAX_SITE = 30
_GROUP_REACH = 6  # characters between a list before the group and the group's mention
_NUMBER_CLASSIFIER = re.compile(r"[0-9一二两三四五六七八九十几多数]+[家个所座处项]")
_GLUE = re.compile(r"^(?:和|及|以及|与|、)$")
_PLACE_ENDS = ("旗", "县", "縣", "镇", "鎮", "乡", "鄉")
_MAX_PARTS = 4  # conjunctions tried in one list item
_MAX_CUT_TAIL = 4  # characters of a site's name the linker may have left off
_MAX_ORG_LEAD = 8  # characters of an item before its organization (位于某镇的, 某市的)


@dataclass(frozen=True, slots=True)
class Stop:
    """One stop: the organization mention, or the site's own name when none covers it."""

    start: int
    end: int
    text: str  # the organization's mention or the site's name
    org: OrgSpan | None
    listed: bool
    kind: str  # "list", "before_group", "heading", "opener"
    place: str | None = None  # the list's place group (宁都县的A、B), when it has one


@dataclass(frozen=True, slots=True)
class _Words:
    cue_re: re.Pattern[str]
    heads: tuple[str, ...]
    trailers: tuple[str, ...]
    generic: frozenset[str]
    generic_starts: tuple[str, ...]
    followers: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    lex = lexicon()
    cues = sorted(set(lex["visit_cues"]) | set(lex["visit_list_cues"]), key=lambda c: -len(c))
    generic = lex["stop_generic"]
    return _Words(
        cue_re=re.compile("|".join(re.escape(c) for c in cues)),
        heads=tuple(sorted(lex["stop_site_heads"], key=len, reverse=True)),
        trailers=tuple(lex["stop_trailers"]),
        generic=frozenset(generic),
        generic_starts=tuple(sorted(generic, key=len, reverse=True)),
        followers=tuple(lex["cue_verb_followers"]),
    )


def first_span_start(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Start of the first of the sorted ``spans`` starting in [start, end) (bisect: linear
    documents stay linear)."""
    i = bisect.bisect_left(spans, (start, -1))
    return spans[i][0] if i < len(spans) and spans[i][0] < end else None


def _is_place(surface: str) -> bool:
    return surface in gazetteer() or surface in org_lexicon().places


def _weak(org: OrgSpan) -> bool:
    """An organization mention that cannot stand for a stop on its own: a place (达拉特旗,
    阿克苏) or a bare stem the linker gave no head (某某 cut from 某某变科技)."""
    if _is_place(org.text) or (len(org.text) <= 5 and org.text.endswith(_PLACE_ENDS)):
        return True
    return org.company.kind == "other" and head_of(org.text) is None


def _strip_quotes(name: str) -> str:
    """Quotes around the name go; a quoted part inside it stays (“某某里”城市更新项目)."""
    while name and name[0] in _QUOTES_OPEN and not any(c in name[1:] for c in _QUOTES_CLOSE):
        name = name[1:]
    while name and name[-1] in _QUOTES_CLOSE and not any(c in name[:-1] for c in _QUOTES_OPEN):
        name = name[:-1]
    if len(name) > 1 and name[0] in "\"'" and name[-1] == name[0]:
        name = name[1:-1]
    return name


def site_name(surface: str) -> str | None:
    """The site's name when ``surface`` reads as one (某某产业园, 某某学校), else None.

    Example: ``site_name("大学生创业园")`` -> "大学生创业园"; ``site_name("企业展厅")`` -> None.
    """
    name = _strip_quotes(re.sub(r"[（(][^）)]*[）)]$", "", surface.strip()))
    if not (2 < len(name) <= _MAX_SITE) or _is_place(name):
        return None
    words = _words()
    if name in words.generic or name.startswith(words.generic_starts):
        return None
    if _NUMBER_CLASSIFIER.match(name):
        return None
    # 某某有限公司研发中心: the company is the stop, its unit only where the group went.
    legal = re.search("(?:股份有限公司|有限责任公司|有限公司|股份公司)(?=.{1,12}$)", name)
    if legal is not None:
        name = name[: legal.end()]
        return name if len(name) > len(legal.group()) + 1 else None
    for head in words.heads:
        if name.endswith(head):
            stem = name[: -len(head)]
            if len(stem) >= 2 and stem not in words.generic and not _is_place(name):
                return name
            return None
    return None


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list starting at ``start``: split on 、, ended by a clause break or 等."""
    pos = start
    if text.startswith(_words().trailers, pos) or text.startswith(_words().followers, pos):
        return []  # 深入了解…, 考察学习…: the cue is part of a verb, no list follows
    while pos < len(text) and text[pos] in "了：: 到":
        pos += 1
    items: list[tuple[int, int]] = []
    item_start, depth = pos, 0
    limit = min(len(text), pos + _MAX_LIST)
    while pos < limit:
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop what surrounds a site's name: 位于某镇的X -> X, X进行调研 -> X."""
    surface = text[start:end]
    if "的" in surface:
        cut = surface.rindex("的") + 1
        if len(surface) - cut >= 3:
            start, surface = start + cut, surface[cut:]
    best = len(surface)
    for trailer in _words().trailers:
        pos = surface.find(trailer, 2)
        if 0 <= pos < best:
            best = pos
    end = start + best
    while end > start and text[end - 1] in " \u3000":
        end -= 1
    return start, end


_AND = re.compile("以及|和|及|与")


def _item_stops(
    ctx: DocContext, start: int, end: int, blocked: SpanIndex[None], listed: bool, kind: str
) -> list[Stop]:
    """The stops of one list item: A及B(及C) when every part is a whole stop, else its
    organizations (joined by 和/及), else its site name."""
    cuts = [
        m for m in _AND.finditer(ctx.text, start, end) if not ctx.inside_org(m.start(), m.end())
    ][:_MAX_PARTS]
    # Left to right, each part must be a whole stop (A集团及B中心), not a piece of one name
    # (…化学品及能源材料项目); a part that is not extends to the next conjunction.
    parts: list[Stop] = []
    part_start = start
    for m in cuts:
        left = _one_item(ctx, part_start, m.start(), blocked, True, kind)
        if left and _whole(ctx, left[-1], m.start()):
            parts.extend(left)
            part_start = m.end()
    if parts:
        last = _one_item(ctx, part_start, end, blocked, True, kind)
        if last:
            return parts + last
    return _one_item(ctx, start, end, blocked, listed, kind)


def _whole(ctx: DocContext, stop: Stop, end: int) -> bool:
    return stop.org is None or ctx.text[stop.end : end].strip() == ""


def _one_item(
    ctx: DocContext, start: int, end: int, blocked: SpanIndex[None], listed: bool, kind: str
) -> list[Stop]:
    text = ctx.text
    orgs = [o for o in ctx.orgs_in(start, end) if not blocked.overlaps(o.start, o.end)]
    t_start, t_end = _trim(text, start, end)
    orgs = [o for o in orgs if o.start >= t_start]  # 在某市委书记的陪同下: not the stop
    if orgs and orgs[0].start - t_start > _MAX_ORG_LEAD:
        orgs = []  # 了解了全国最大的某某基地: an organization deep in a clause is no stop
    whole = site_name(text[t_start:t_end])
    if (
        whole is not None
        and orgs
        and (
            all(_weak(o) for o in orgs)
            or (orgs[0].start > t_start and not _is_place(text[t_start : orgs[0].start]))
        )
    ):
        # 阿克苏 + 纺织工业城, 巩义市产业 + 集聚区展示中心: the named site is the stop.
        return [Stop(t_start, t_end, whole, None, listed, kind)]
    if len(orgs) > 1 and not any(
        _GLUE.match(text[a.end : b.start].strip()) for a, b in zip(orgs, orgs[1:], strict=False)
    ):
        # Pieces of one name the linker cut (某某物联网 + 创新发展中心): the item is the stop.
        name = site_name(text[orgs[0].start : t_end])
        if name is not None:
            return [Stop(orgs[0].start, t_end, name, None, listed, kind)]
    orgs = [o for o in orgs if not _weak(o)]
    if orgs:
        first = orgs[0]
        rest = text[first.end : t_end]
        # A name cut short by the linker (某某理工 + 校区, 某某大学 + 生创业园): the whole item
        # is the stop; a known organization's project (某某 + 二期扩建项目) stays its own.
        short = len(rest) <= _MAX_CUT_TAIL and rest.endswith(_words().heads)
        if short and rest.endswith(("项目", "工程")):
            short = False
        if (
            rest
            and len(orgs) == 1
            and (rest in _words().heads or (short and not first.company.kb_id))
        ):
            name = site_name(text[first.start : t_end])
            if name is not None:
                return [Stop(first.start, t_end, name, None, listed, kind)]
        out = [Stop(first.start, first.end, first.text, first, listed, kind)]
        for left, right in zip(orgs, orgs[1:], strict=False):
            if not _GLUE.match(text[left.end : right.start].strip()):
                break
            out.append(Stop(right.start, right.end, right.text, right, listed, kind))
        return out
    name = site_name(text[t_start:t_end])
    return [Stop(t_start, t_end, name, None, listed, kind)] if name else []


def _blocked(ctx: DocContext, spans: list[tuple[int, int]]) -> SpanIndex[None]:
    return ctx.span_index(spans)


def list_stops(ctx: DocContext, spans: list[tuple[int, int]]) -> list[Stop]:
    """Stops listed after a visit cue whose sentence names the group before the cue.

    Example: ``"代表团先后来到A产业园、B公司等地调研。"`` -> stops A产业园 and B公司.
    """
    text = ctx.text
    blocked = _blocked(ctx, spans)
    out: list[Stop] = []
    seen_until = -1
    full_start, scanned = 0, 0
    for s_start, s_end in ctx.sentences:
        # The group may be named earlier in the same full sentence (代表团飞抵甲市，…；次日走访…).
        full_start, scanned = _full_sentence_start(text, s_start, full_start, scanned)
        first_group = first_span_start(spans, full_start, s_end)
        if first_group is None:
            continue
        for m in _words().cue_re.finditer(text, max(first_group, s_start), s_end):
            if m.start() < seen_until or blocked.overlaps(m.start(), m.end()):
                continue
            found = itinerary.parse(text, m.end(), _list_limit(ctx, s_end))
            if not found.members:
                continue
            out.extend(_list_of(ctx, found, blocked, "list"))
            seen_until = found.end
    return out


def _full_sentence_start(text: str, s_start: int, last: int, scanned: int) -> tuple[int, int]:
    """(start of the full sentence holding ``s_start``, offset scanned to): a full sentence
    ends at 。！？ or a line break, not at ；. Called in text order with the previous result,
    so a document is scanned once."""
    for pos in range(scanned, s_start):
        if text[pos] in FULL_STOPS or text[pos] == "\n":
            last = pos + 1
    return max(last, s_start - itinerary.MAX_ITINERARY), max(scanned, s_start)


def _list_limit(ctx: DocContext, s_end: int) -> int:
    """A list may run past a ；that the sentence splitter treats as an end: to the next full
    stop, within the grammar's reach."""
    text = ctx.text
    limit = min(len(text), s_end + itinerary.MAX_ITINERARY)
    for pos in range(s_end, limit):
        if text[pos] in FULL_STOPS or text[pos] == "\n":
            return pos
    return limit


def _list_of(
    ctx: DocContext, found: itinerary.Itinerary, blocked: SpanIndex[None], kind: str
) -> list[Stop]:
    """The stops of a list. Closed by 等地/等企业 (a list of places by its own words), a
    member that names no organization or site is still a stop when another member is one;
    a segment only the closing admits must name a stop, else the list ends before it."""
    members = list(found.members)
    listed = len(members) > 1
    per_item = [_item_stops(ctx, m.start, m.end, blocked, listed, kind) for m in members]
    closed = found.closed
    for i, m in enumerate(members):
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
                glue = _AND.match(text, last.end)
                if glue is None or ctx.inside_org(glue.start(), glue.end()):
                    continue
                start = glue.end()
            t_start, t_end = _trim(text, start, m.end)
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
    words = _words()
    if not (2 <= len(name) <= _MAX_SITE) or _is_place(name) or re.search(r"\d", name):
        return False
    if name in words.generic or name.startswith(words.generic_starts):
        return False
    return not any(t in name for t in words.trailers + words.followers)


def before_group_stops(ctx: DocContext, spans: list[tuple[int, int]]) -> list[Stop]:
    """在A、B、C等地，考察团一行… and 在X，考察团…: the place clause names the stops."""
    text = ctx.text
    blocked = _blocked(ctx, spans)
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
            stop.org is None or _whole(ctx, stop, _trim(text, *items[-1])[1]) for stop in found[-1:]
        ):
            out.extend(found)
    return out
