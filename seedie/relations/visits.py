"""Visits: the delegation at one host on one day (no spaCy import).

A visit is an organization mention in the clause after a visit cue (走进X, 首站直奔X, 到访X,
探访A、B、C), inside 在X学习考察, or right after a paragraph-opening trip date
("6月17日，X一楼…"); or a stop of :mod:`seedie.relations.stops` (lists of stops) or
:mod:`seedie.relations.section_stops` (a heading or a paragraph opening on the host). Its
day comes from :mod:`seedie.relations.days`. Repeated mentions of one host (photo captions,
summaries) merge into one visit per (host, day) (:mod:`seedie.relations.hits`); undated
mentions only confirm a dated visit of the same host.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache, lru_cache

from ..orgs.delegation import leads_group
from ..orgs.lexicon import lexicon as org_lexicon
from ..places import level_suffixes, strip_level
from ..types import DateMention, Delegation, Trip, Visit
from .context import DocContext, OrgSpan, gazetteer, lexicon, province_of, words_re
from .days import date_for, governing_dates, tod_of
from .hits import Hit, merge_hits
from .lists import before_group_stops, list_stops
from .section_stops import heading_stops, opener_stops
from .stops import Stop

_MAX_CUE_GAP = 8
_SECTION_REACH = 3000  # characters either side of a host searched for its section's city


@lru_cache(maxsize=1)
def _list_glue_re() -> re.Pattern[str]:
    """Only marks, blanks and the characters of list conjunctions between two names (A、B和C)."""
    chars = "".join(sorted(set("".join(lexicon()["list_conjunctions"]))))
    return re.compile(rf"^[、，,{chars}\s]*$")


_INF = float("inf")  # (pos, _INF) sorts after every (start, end) starting at pos


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    # Spans are sorted delegation mentions; a bisect keeps long documents linear.
    i = bisect.bisect_right(spans, (pos, _INF)) - 1
    for s, e in spans[max(0, i - 2) : i + 1]:
        if s <= pos < e:
            return True
    return False


@cache
def _word_tuple(key: str) -> tuple[str, ...]:
    """The words of the list ``key`` of relations.json as a tuple (for str.startswith)."""
    return tuple(lexicon()[key])


def _cue_before(
    ctx: DocContext, clause_start: int, org: OrgSpan, blocked: list[tuple[int, int]]
) -> tuple[bool, bool]:
    """(is a visit, via a list) for a cue before ``org`` in its clause."""
    text = ctx.text
    best = _last_cue_end(ctx, clause_start, org.start, blocked)
    if best is None:
        return False, False  # no cue before it in its clause (or only in the group's name)
    gap = text[best : org.start]
    followers = _word_tuple("cue_verb_followers")
    if gap.startswith(followers) or (gap.startswith("了") and gap[1:].startswith(followers)):
        return False, False  # 深入了解…X: the cue is part of another verb
    between = ctx.orgs_in(best, org.start)
    if not between:
        if len(text[best : org.start]) > _MAX_CUE_GAP:
            return False, False
        # Another organization before the cue is the subject (比亚迪走进…), not the delegation.
        # 省委调研组一行来到…: an organization naming the visiting group is not the subject.
        before = [
            o
            for o in ctx.orgs_in(clause_start, best)
            if not org_lexicon().group_re.match(text, o.end)
        ]
        if before and not any(clause_start <= s < best for s, _ in blocked):
            return False, False
        nxt = ctx.first_org_from(org.end)
        glue = text[org.end : nxt.start].strip() if nxt is not None else ""
        conj = lexicon()["list_conjunctions"]
        listed = glue == "、" or glue in conj or text.startswith("、", org.end)
        return True, listed
    if len(text[best : between[0].start]) > _MAX_CUE_GAP:
        return False, False
    chain = [*between, org]
    for left, right in zip(chain, chain[1:], strict=False):
        if not _list_glue_re().match(text[left.end : right.start]):
            return False, False
    return True, True


def _last_cue_end(
    ctx: DocContext, start: int, end: int, blocked: list[tuple[int, int]]
) -> int | None:
    """The last end of a visit cue lying in [start, end) that does not start in ``blocked``
    (each cue's last occurrence outside them; None: none).

    When no cue can overlap itself, walking back from a cue's blocked last occurrence
    reaches each earlier one, so that is the furthest end of the longest cue at each offset
    outside ``blocked``.
    """
    text = ctx.text
    if not _cues_overlap_themselves():
        # Each search finds the next offset where a cue starts, with the longest cue there
        # (what a lookahead tried at every offset finds, but with the engine's fast scan).
        cues, best = words_re("visit_cues"), None
        m = cues.search(text, start, end)
        while m is not None:
            if (best is None or m.end() > best) and not _in_spans(m.start(), blocked):
                best = m.end()
            m = cues.search(text, m.start() + 1, end)
        return best
    best = None
    for cue in lexicon()["visit_cues"]:
        pos = text.rfind(cue, start, end)
        while pos >= 0 and _in_spans(pos, blocked):
            pos = text.rfind(cue, start, pos)
        if pos >= 0 and (best is None or pos + len(cue) > best):
            best = pos + len(cue)
    return best


@lru_cache(maxsize=1)
def _cues_overlap_themselves() -> bool:
    """Whether a visit cue starts with one of its own endings (or is empty): then two of its
    occurrences may overlap, and an earlier one than the last may start inside it."""
    cues = lexicon()["visit_cues"]
    return any(not w or any(w[:k] == w[-k:] for k in range(1, len(w))) for w in cues)


def _in_pattern(ctx: DocContext, clause_start: int, clause_end: int, org: OrgSpan) -> bool:
    """在(深圳)X(展厅)学习考察 / 在X调研 / 到X参观考察."""
    text = ctx.text
    before = text[max(clause_start, org.start - 4) : org.start]
    if not any(p in before for p in lexicon()["visit_in_prepositions"]):
        return False
    after = text[org.end : clause_end]
    for suffix in lexicon()["visit_in_suffixes"]:
        pos = after.find(suffix)
        if 0 <= pos <= 6:
            return True
    return False


def _object_pattern(ctx: DocContext, clause_start: int, clause_end: int, org: OrgSpan) -> bool:
    """(先后)对A、B等企业进行了参观考察: the stops as the object of 对 … 进行(了) + a visit word."""
    text = ctx.text
    lead = text.rfind("对", max(clause_start, org.start - 200), org.start)
    if lead < 0:
        return False
    chain = [*ctx.orgs_in(lead + 1, org.start), org]
    if text[lead + 1 : chain[0].start].strip() != "":
        return False
    for left, right in zip(chain, chain[1:], strict=False):
        if not _list_glue_re().match(text[left.end : right.start]):
            return False
    last = max([org.end, *(o.end for o in ctx.orgs_in(org.start, clause_end))])
    verb = text.find("进行", last, clause_end)
    if verb < 0 or verb - last > 6 or text[last:verb].strip(lexicon()["frame_list_tail_chars"]):
        return False
    after = text[verb + 2 : clause_end].lstrip("了")
    return any(
        after.startswith(suffix) or after[2:].startswith(suffix)  # 进行了(实地)考察
        for suffix in lexicon()["visit_in_suffixes"]
    )


def _is_city(surface: str) -> bool:
    hit = gazetteer().get(surface)
    return hit is not None and hit[0] != hit[1]


@lru_cache(maxsize=1 << 12)  # a pure function of the names; every host's section asks again
def _foreign_city(surface: str, home: str | None) -> bool:
    """A city of the gazetteer outside the province ``home``."""
    return surface in gazetteer() and _is_city(surface) and province_of(surface) != home


@lru_cache(maxsize=1 << 12)  # a pure function of the name; every mention of a host asks
def _name_city(name: str) -> str | None:
    """The city the name opens with (深圳盛屯集团 -> 深圳), the longest of up to 6 characters."""
    gaz = gazetteer()
    for size in range(min(6, len(name)), 1, -1):
        hit = gaz.get(name[:size])
        if hit is not None and hit[0] != hit[1]:
            return hit[0]
    return None


def _place_for(
    ctx: DocContext, org: OrgSpan | Stop, s_start: int, s_end: int, home: str | None, listed: bool
) -> str | None:
    # The organization's own name prefix or an adjacent city: 深圳盛屯集团.
    own = _name_city(org.text)
    if own is not None:
        return own
    for p in ctx.places_in(max(0, org.start - 16), org.start):
        if p.end != org.start or p.text not in gazetteer():
            continue
        if _is_city(p.text) and province_of(p.text) != home:
            return p.name
    if listed:
        return None
    cities = [p for p in ctx.places_in(s_start, s_end) if _foreign_city(p.text, home)]
    if len({p.name for p in cities}) > 1:
        return None  # a route (辗转深圳、东莞、广州): not this host's city
    if cities:
        return cities[0].name
    # The one city the host's section names (国创中心…落地到广州), else the headquarters city
    # the KB knows (比亚迪 -> 深圳); a branch visit would name its own city.
    sec_start, sec_end = ctx.section_bounds(org.start)
    # Bounded window: a document without section breaks must not make this scan quadratic.
    window = (max(sec_start, org.start - _SECTION_REACH), min(sec_end, org.end + _SECTION_REACH))
    in_section = {p.name for p in ctx.places_in(*window) if _foreign_city(p.text, home)}
    if len(in_section) == 1:
        return in_section.pop()
    if isinstance(org, Stop):
        return org.org.company.city if org.org is not None else None
    return org.company.city


def find_visits(
    ctx: DocContext,
    delegation: Delegation | None,
    delegation_spans: list[tuple[int, int]],
    trip: Trip | None,
) -> list[Visit]:
    """Visits of the delegation, merged per (host, day) and sorted by date and time.

    Example: ``"6月16日下午，代表团来到深圳盛屯集团考察。"`` ->
    [Visit(host="盛屯集团", place="深圳", date=…-06-16, time_of_day="afternoon", …)]
    """
    delegation_spans = sorted(delegation_spans)
    governing = governing_dates(ctx, trip, delegation_spans)
    home = delegation.home if delegation else None
    hits: list[Hit] = []
    for org in ctx.orgs:
        if _in_spans(org.start, delegation_spans):
            continue
        s_index = ctx.sentence_of(org.start)
        if s_index is None:
            continue
        s_start, s_end = ctx.sentences[s_index]
        c_start, c_end = ctx.clause_within(org.start, s_start, s_end)
        is_visit, listed = _cue_before(ctx, c_start, org, delegation_spans)
        if not is_visit:
            is_visit = _in_pattern(ctx, c_start, c_end, org)
        if not is_visit:
            is_visit = _object_pattern(ctx, c_start, c_end, org)
            listed = listed or is_visit
        para = ctx.paragraph_of(org.start)
        gov = governing.get(para) if para is not None else None
        if not is_visit and gov is not None:
            # "6月17日，X一楼…": a paragraph opened by a trip date, X leading the next clause.
            p_start = ctx.paragraphs[para][0] if para is not None else 0
            opener = ctx.text[p_start : gov.start].strip() == "" and gov.start >= s_start
            lead = ctx.text[gov.end : org.start]
            is_visit = opener and len(lead) <= 3 and lead.strip("上午下中晚，, ") == ""
            # 6月5日下午，某市委常委、某县委书记…: the officials, not a host; 某商会会长某某率
            # 考察团…: the body that sends the group.
            is_visit = is_visit and org.company.kind != "government"
            is_visit = is_visit and not leads_group(ctx.text, org.end, c_end, delegation_spans)
        if is_visit:
            hits.append(_hit(ctx, org, s_index, listed, gov, trip, home))
    hits = _add_stops(ctx, hits, delegation_spans, governing, trip, home)
    return merge_hits(ctx, hits, delegation)


def _group_place(where: OrgSpan | Stop) -> str | None:
    """The place group a list put the stop under (宁都县的A、B -> 宁都), if any."""
    if not isinstance(where, Stop) or where.place is None:
        return None
    hit = gazetteer().get(where.place)
    return hit[0] if hit is not None else strip_level(where.place, level_suffixes())


def _hit(
    ctx: DocContext,
    where: OrgSpan | Stop,
    s_index: int,
    listed: bool,
    gov: DateMention | None,
    trip: Trip | None,
    home: str | None,
) -> Hit:
    s_start, s_end = ctx.sentences[s_index]
    d = date_for(ctx, where, s_start, s_end, trip)
    in_sentence = d is not None
    if d is None:
        d = gov
    org = where.org if isinstance(where, Stop) else where
    host = org.company.name if org is not None else where.text
    captions = _word_tuple("caption_prefixes")
    return Hit(
        org=org,
        start=where.start,
        end=where.end,
        host=host,
        sentence=s_index,
        when=d,
        time_of_day=tod_of(ctx, d) if d else None,
        place=_group_place(where) or _place_for(ctx, where, s_start, s_end, home, listed),
        caption=ctx.text.startswith(captions, s_start, s_end),
        dated_in_sentence=in_sentence,
        listed=listed,
    )


def _add_stops(
    ctx: DocContext,
    hits: list[Hit],
    spans: list[tuple[int, int]],
    governing: dict[int, DateMention],
    trip: Trip | None,
    home: str | None,
) -> list[Hit]:
    """Hits for the stops of lists, headings and host-opened paragraphs not found already."""
    heading = heading_stops(ctx, spans)
    # Under a heading naming the host, the paragraph's first sentence repeats it, maybe cut
    # short by the linker (heading 某某创新发展中心, sentence 某某): the heading's stop wins.
    under: dict[int, str] = {}
    for h in heading:
        para = ctx.paragraph_of(h.start)
        if para is not None and para + 1 < len(ctx.paragraphs):
            under[ctx.paragraphs[para + 1][0]] = h.text

    def repeats_heading(h: Hit) -> bool:
        para = ctx.paragraph_of(h.start)
        if para is None or ctx.paragraphs[para][0] not in under:
            return False
        line = under[ctx.paragraphs[para][0]]
        first = ctx.sentence_of(ctx.paragraphs[para][0])
        surface = ctx.text[h.start : h.end]
        return h.sentence == first and surface in line and surface != line

    kept = [h for h in hits if not repeats_heading(h)]
    taken = {(h.start, h.end) for h in hits}
    covered = [(h.start, h.end) for h in hits]
    stops = (
        list_stops(ctx, spans) + before_group_stops(ctx, spans) + heading + opener_stops(ctx, spans)
    )
    for stop in stops:
        if (stop.start, stop.end) in taken:
            # A cue found this member already: its list's place group is the nearer place.
            group = _group_place(stop)
            if group is not None:
                kept = [
                    replace(h, place=group) if (h.start, h.end) == (stop.start, stop.end) else h
                    for h in kept
                ]
            continue
        inside = [h for h in kept if stop.start <= h.start and h.end <= stop.end]
        if (
            stop.org is None
            and inside
            and len(inside) == sum(1 for a, b in covered if a < stop.end and stop.start < b)
        ):
            # A site named in full (某某纺织工业城) replaces the pieces a cue found in it.
            kept = [h for h in kept if h not in inside]
            covered = [(a, b) for a, b in covered if not (stop.start <= a and b <= stop.end)]
        if any(a <= stop.start < b or stop.start <= a < stop.end for a, b in covered):
            continue
        # A heading's stop is dated and placed by the paragraph below it.
        anchor = stop.start
        if stop.kind == "heading":
            para = ctx.paragraph_of(stop.start)
            if para is not None and para + 1 < len(ctx.paragraphs):
                anchor = ctx.paragraphs[para + 1][0]
        s_index = ctx.sentence_of(anchor)
        if s_index is None:
            continue
        para = ctx.paragraph_of(anchor)
        gov = governing.get(para) if para is not None else None
        hit = _hit(ctx, stop, s_index, stop.listed, gov, trip, home)
        if stop.kind == "heading" and not _heading_fits(ctx, stop, hits, anchor):
            continue
        taken.add((stop.start, stop.end))
        covered.append((stop.start, stop.end))
        if stop.kind == "heading" or not repeats_heading(hit):
            kept.append(hit)
    return kept


def _related(a: str, b: str) -> bool:
    return a in b or b in a or (len(a) >= 4 and a[:4] == b[:4])


def _heading_fits(ctx: DocContext, stop: Stop, hits: list[Hit], anchor: int) -> bool:
    """A heading names the host only if the sentence below visits no other one: under a
    section title (打造产业新高地) the sentence names its own host."""
    first = ctx.sentence_of(anchor)
    below = [h for h in hits if h.sentence == first]
    return not below or any(_related(ctx.text[h.start : h.end], stop.text) for h in below)
