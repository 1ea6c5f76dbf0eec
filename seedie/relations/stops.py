"""The stops a list member names (no spaCy): the resolver behind every list of stops.

Lists are found in :mod:`seedie.relations.lists` (after a cue, in a frame, before the group)
and read by :mod:`seedie.relations.itinerary`; headings and paragraphs opening on a host are
in :mod:`seedie.relations.section_stops`. A stop is an organization mention when one covers
it, else the named site itself when its name ends like a site (产业园, 项目, 学校:
``stop_site_heads`` in ``relations.json``); :mod:`seedie.relations.sites` makes such a site an
organization of the article. Generic stems (企业展厅, 生产车间) are never stops.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import alternation
from ..orgs.lexicon import head_of
from ..orgs.lexicon import lexicon as org_lexicon
from ..text.spans import SpanIndex
from .context import DocContext, OrgSpan, gazetteer, lexicon

_QUOTES_OPEN, _QUOTES_CLOSE = "“‘", "”’"
_MAX_LIST = 240  # characters a list of stops may span
_MAX_SITE = 30
_GROUP_REACH = 6  # characters between a list before the group and the group's mention
_NUMBER_CLASSIFIER = re.compile(r"[0-9一二两三四五六七八九十几多数]+[家个所座处项]")
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
    frame_re: re.Pattern[str]
    frame_close_re: re.Pattern[str]
    zone_links: frozenset[str]
    group_verb_re: re.Pattern[str]
    heads: tuple[str, ...]
    trailers: tuple[str, ...]
    generic: frozenset[str]
    generic_starts: tuple[str, ...]
    followers: tuple[str, ...]
    strong_conjunctions: frozenset[str]
    and_re: re.Pattern[str]  # 以及, 和, 及, 与: what joins two stops
    glue_re: re.Pattern[str]  # a conjunction or 、 alone between two organizations
    place_ends: tuple[str, ...]  # 县, 镇 …: a short name ending so is a place
    legal_re: re.Pattern[str]  # 有限公司 … before the rest of a site's name
    project_heads: tuple[str, ...]  # 项目, 工程: a known organization's project


@lru_cache(maxsize=1)
def words() -> _Words:
    lex = lexicon()
    cues = alternation([*lex["visit_cues"], *lex["visit_list_cues"]])
    generic = lex["stop_generic"]
    conj = lex["list_conjunctions"]
    return _Words(
        cue_re=re.compile(cues),
        frame_re=re.compile(alternation(lex["itinerary_frame_openers"])),
        # 等进行了参观考察 / 等开展调研: the frame's verb after the list.
        frame_close_re=re.compile(
            f"等?(?:{alternation(lex['itinerary_frame_verbs'])})了?(?:{cues})"
        ),
        zone_links=frozenset(lex["stop_zone_links"]),
        # 考察团(一行)(先后)到…: the adverbs may stand between the group and the verb.
        group_verb_re=re.compile(
            f"(?:{alternation(lex['itinerary_group_adverbs'])})*"
            f"(?:{alternation(lex['itinerary_group_verbs'])})"
        ),
        heads=tuple(sorted(lex["stop_site_heads"], key=len, reverse=True)),
        trailers=tuple(lex["stop_trailers"]),
        generic=frozenset(generic),
        generic_starts=tuple(sorted(generic, key=len, reverse=True)),
        followers=tuple(lex["cue_verb_followers"]),
        strong_conjunctions=frozenset(lex["stop_strong_conjunctions"]),
        and_re=re.compile(alternation(conj)),
        glue_re=re.compile(f"^(?:{alternation(['、', *conj])})$"),
        place_ends=tuple(lex["stop_place_ends"]),
        legal_re=re.compile(f"(?:{alternation(lex['stop_legal_forms'])})(?=.{{1,12}}$)"),
        project_heads=tuple(lex["project_heads"]),
    )


def first_span_start(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Start of the first of the sorted ``spans`` starting in [start, end) (bisect: linear
    documents stay linear)."""
    i = bisect.bisect_left(spans, (start, -1))
    return spans[i][0] if i < len(spans) and spans[i][0] < end else None


def is_place(surface: str) -> bool:
    return surface in gazetteer() or surface in org_lexicon().places


def _weak(org: OrgSpan) -> bool:
    """An organization mention that cannot stand for a stop on its own: a place (达拉特旗,
    阿克苏) or a bare stem the linker gave no head (某某 cut from 某某变科技)."""
    if is_place(org.text) or (len(org.text) <= 5 and org.text.endswith(words().place_ends)):
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


_TRAILING_NOTE = re.compile(r"[（(][^）)]*[）)]$")


@lru_cache(maxsize=1 << 12)  # a pure function of the surface (the word lists are fixed)
def site_name(surface: str) -> str | None:
    """The site's name when ``surface`` reads as one (某某产业园, 某某学校), else None.

    Example: ``site_name("大学生创业园")`` -> "大学生创业园"; ``site_name("企业展厅")`` -> None.
    """
    name = _strip_quotes(_TRAILING_NOTE.sub("", surface.strip()))
    if not (2 < len(name) <= _MAX_SITE) or is_place(name):
        return None
    w = words()
    if name in w.generic or name.startswith(w.generic_starts):
        return None
    if _NUMBER_CLASSIFIER.match(name):
        return None
    # 某某有限公司研发中心: the company is the stop, its unit only where the group went.
    legal = w.legal_re.search(name)
    if legal is not None:
        name = name[: legal.end()]
        return name if len(name) > len(legal.group()) + 1 else None
    if not name.endswith(w.heads):
        return None  # no site head (one check, before finding which head it is)
    for head in w.heads:
        if name.endswith(head):
            stem = name[: -len(head)]
            if len(stem) >= 2 and stem not in w.generic and not is_place(name):
                return name
            return None
    return None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop what surrounds a site's name: 位于某镇的X -> X, X进行调研 -> X."""
    lead, kept = _trimmed(text[start:end])
    return start + lead, start + kept


@lru_cache(maxsize=1 << 12)  # a pure function of the surface (the word lists are fixed)
def _trimmed(surface: str) -> tuple[int, int]:
    """:func:`trim` within ``surface``: the offsets its name starts and ends at."""
    start = 0
    if "的" in surface:
        cut = surface.rindex("的") + 1
        if len(surface) - cut >= 3:
            start = cut
    rest = surface[start:]
    best = len(rest)
    for trailer in words().trailers:
        pos = rest.find(trailer, 2)
        if 0 <= pos < best:
            best = pos
    end = start + best
    while end > start and surface[end - 1] in " \u3000":
        end -= 1
    return start, end


def item_stops(
    ctx: DocContext, start: int, end: int, blocked: SpanIndex[None], listed: bool, kind: str
) -> list[Stop]:
    """The stops of one list item: A及B(及C) when every part is a whole stop, else its
    organizations (joined by 和/及), else its site name."""
    cuts = [
        m
        for m in words().and_re.finditer(ctx.text, start, end)
        if not ctx.inside_org(m.start(), m.end())
    ][:_MAX_PARTS]
    # Left to right, each part must be a whole stop (A集团及B中心), not a piece of one name
    # (…化学品及能源材料项目); a part that is not extends to the next conjunction.
    parts: list[Stop] = []
    part_start = start
    for m in cuts:
        left = _one_item(ctx, part_start, m.start(), blocked, True, kind)
        strong = m.group() in words().strong_conjunctions  # 以及 never joins one name
        if left and (strong or whole(ctx, left[-1], m.start())):
            parts.extend(left)
            part_start = m.end()
    if parts:
        last = _one_item(ctx, part_start, end, blocked, True, kind)
        if last:
            return parts + last
    return _one_item(ctx, start, end, blocked, listed, kind)


def whole(ctx: DocContext, stop: Stop, end: int) -> bool:
    return stop.org is None or ctx.text[stop.end : end].strip() == ""


def _one_item(
    ctx: DocContext, start: int, end: int, blocked: SpanIndex[None], listed: bool, kind: str
) -> list[Stop]:
    text = ctx.text
    t_start, t_end = trim(text, start, end)
    # Those starting before the trimmed name (在某市委书记的陪同下) are not the stop.
    orgs = [o for o in ctx.orgs_in(t_start, end) if not blocked.overlaps(o.start, o.end)]
    if orgs and orgs[0].start - t_start > _MAX_ORG_LEAD:
        orgs = []  # 了解了全国最大的某某基地: an organization deep in a clause is no stop
    whole = site_name(text[t_start:t_end])
    if (
        whole is not None
        and orgs
        and (
            all(_weak(o) for o in orgs)
            or (orgs[0].start > t_start and not is_place(text[t_start : orgs[0].start]))
        )
    ):
        # 阿克苏 + 纺织工业城, 巩义市产业 + 集聚区展示中心: the named site is the stop.
        return [Stop(t_start, t_end, whole, None, listed, kind)]
    if len(orgs) > 1 and not any(
        words().glue_re.match(text[a.end : b.start].strip())
        for a, b in zip(orgs, orgs[1:], strict=False)
    ):
        # Pieces of one name the linker cut (某某物联网 + 创新发展中心): the item is the stop.
        name = site_name(text[orgs[0].start : t_end])
        if name is not None:
            return [Stop(orgs[0].start, t_end, name, None, listed, kind)]
    orgs = [o for o in orgs if not _weak(o)]
    if len(orgs) > 1 and _zone_of_next(text, orgs[0], orgs[1]):
        orgs = orgs[1:]  # 某某开发区内某某有限公司: the company in the zone is the stop
    if orgs:
        first = orgs[0]
        rest = text[first.end : t_end]
        # A name cut short by the linker (某某理工 + 校区, 某某大学 + 生创业园): the whole item
        # is the stop; a known organization's project (某某 + 二期扩建项目) stays its own.
        short = len(rest) <= _MAX_CUT_TAIL and rest.endswith(words().heads)
        if short and rest.endswith(words().project_heads):
            short = False
        if (
            rest
            and len(orgs) == 1
            and (rest in words().heads or (short and not first.company.kb_id))
        ):
            name = site_name(text[first.start : t_end])
            if name is not None:
                return [Stop(first.start, t_end, name, None, listed, kind)]
        out = [Stop(first.start, first.end, first.text, first, listed, kind)]
        for left, right in zip(orgs, orgs[1:], strict=False):
            if not words().glue_re.match(text[left.end : right.start].strip()):
                break
            out.append(Stop(right.start, right.end, right.text, right, listed, kind))
        return out
    name = whole  # the item's site name, found above (t_start and t_end are unchanged)
    return [Stop(t_start, t_end, name, None, listed, kind)] if name else []


def _zone_of_next(text: str, zone: OrgSpan, org: OrgSpan) -> bool:
    """``zone`` is a zone whose name only places ``org`` (甲开发区内乙公司, 甲高新区的乙)."""
    between = text[zone.end : org.start]
    return zone.text.endswith(tuple(org_lexicon().zones)) and between in words().zone_links


def blocked_spans(ctx: DocContext, spans: list[tuple[int, int]]) -> SpanIndex[None]:
    return ctx.span_index(spans)
