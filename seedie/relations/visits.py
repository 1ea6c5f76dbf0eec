"""Visits: the delegation at one host on one day (no spaCy import).

A visit is an organization mention in the clause after a visit cue (走进X, 首站直奔X, 到访X,
探访A、B、C), inside 在X学习考察, or right after a paragraph-opening trip date
("6月17日，X一楼…"). Its date is the nearest trip date in the sentence, else the date that
opened the paragraph or an earlier one of the same section. Repeated mentions of one host
(photo captions, summaries) merge into one visit per (host, date); undated mentions only
confirm a dated visit of the same host.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..orgs.names import lexicon as org_lexicon
from ..types import DateMention, Delegation, Trip, Visit
from .context import DocContext, OrgSpan, gazetteer, lexicon, province_of

_LIST_GLUE = re.compile(r"^[、，,和及与以及\s]*$")
_MAX_CUE_GAP = 8
_SECTION_REACH = 3000  # characters either side of a host searched for its section's city


@dataclass
class _Hit:
    org: OrgSpan
    sentence: int
    date: dt.date | None
    time_of_day: str | None
    place: str | None
    caption: bool
    dated_in_sentence: bool
    listed: bool


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    # Spans are sorted delegation mentions; a bisect keeps long documents linear.
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return any(s <= pos < e for s, e in spans[max(0, i - 2) : i + 1])


def _valid_date(d: DateMention, trip: Trip | None) -> bool:
    if d.kind != "date" or d.date is None:
        return False
    if trip is not None and trip.start_date is not None and trip.end_date is not None:
        return trip.start_date <= d.date <= trip.end_date
    return True


def _tod(ctx: DocContext, d: DateMention) -> str | None:
    if d.time_of_day:
        return d.time_of_day
    table: dict[str, str] = lexicon()["time_of_day"]
    tail = ctx.text[d.end : d.end + 2]
    return table.get(tail)


def _governing_dates(ctx: DocContext, trip: Trip | None) -> dict[int, DateMention]:
    """Paragraph index -> the trip date that opened it or an earlier paragraph of its section."""
    out: dict[int, DateMention] = {}
    current: DateMention | None = None
    headings = set(ctx.breaks)
    for i, (p_start, p_end) in enumerate(ctx.paragraphs):
        if i in headings:
            current = None
            continue
        for d in ctx.dates_in(p_start, p_end):
            lead = ctx.text[p_start : d.start]
            if len(lead) <= 4 and _valid_date(d, trip):
                current = d
            break
        if current is not None:
            out[i] = current
    return out


def _cue_before(
    ctx: DocContext, clause_start: int, org: OrgSpan, blocked: list[tuple[int, int]]
) -> tuple[bool, bool]:
    """(is a visit, via a list) for a cue before ``org`` in its clause."""
    text = ctx.text
    best: int | None = None
    for cue in lexicon()["visit_cues"]:
        pos = text.rfind(cue, clause_start, org.start)
        while pos >= 0 and _in_spans(pos, blocked):
            pos = text.rfind(cue, clause_start, pos)
        if pos >= 0:
            end = pos + len(cue)
            if end <= org.start and (best is None or end > best):
                best = end
    if best is None:
        return False, False
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
        listed = glue in ("、", "和", "及", "与", "以及") or text.startswith("、", org.end)
        return True, listed
    if len(text[best : between[0].start]) > _MAX_CUE_GAP:
        return False, False
    chain = [*between, org]
    for left, right in zip(chain, chain[1:], strict=False):
        if not _LIST_GLUE.match(text[left.end : right.start]):
            return False, False
    return True, True


def _in_pattern(ctx: DocContext, clause_start: int, clause_end: int, org: OrgSpan) -> bool:
    """在(深圳)X(展厅)学习考察 / 在X调研."""
    text = ctx.text
    before = text[max(clause_start, org.start - 4) : org.start]
    if "在" not in before:
        return False
    after = text[org.end : clause_end]
    for suffix in lexicon()["visit_in_suffixes"]:
        pos = after.find(suffix)
        if 0 <= pos <= 6:
            return True
    return False


def _is_city(surface: str) -> bool:
    hit = gazetteer().get(surface)
    return hit is not None and hit[0] != hit[1]


def _place_for(
    ctx: DocContext, org: OrgSpan, s_start: int, s_end: int, home: str | None, listed: bool
) -> str | None:
    # The organization's own name prefix or an adjacent city: 深圳盛屯集团.
    for size in range(min(6, len(org.text)), 1, -1):
        head = org.text[:size]
        if head in gazetteer() and _is_city(head):
            return gazetteer()[head][0]
    for p in ctx.places_in(max(0, org.start - 16), org.start):
        if p.end != org.start or p.text not in gazetteer():
            continue
        if _is_city(p.text) and province_of(p.text) != home:
            return p.name
    if listed:
        return None
    cities = [
        p
        for p in ctx.places_in(s_start, s_end)
        if p.text in gazetteer() and _is_city(p.text) and province_of(p.text) != home
    ]
    if len({p.name for p in cities}) > 1:
        return None  # a route (辗转深圳、东莞、广州): not this host's city
    if cities:
        return cities[0].name
    # The one city the host's section names (国创中心…落地到广州), else the headquarters city
    # the KB knows (比亚迪 -> 深圳); a branch visit would name its own city.
    sec_start, sec_end = ctx.section_bounds(org.start)
    # Bounded window: a document without section breaks must not make this scan quadratic.
    window = (max(sec_start, org.start - _SECTION_REACH), min(sec_end, org.end + _SECTION_REACH))
    in_section = {
        p.name
        for p in ctx.places_in(*window)
        if p.text in gazetteer() and _is_city(p.text) and province_of(p.text) != home
    }
    if len(in_section) == 1:
        return in_section.pop()
    return org.company.city


def _date_for(
    ctx: DocContext, org: OrgSpan, s_start: int, s_end: int, trip: Trip | None
) -> DateMention | None:
    dated = [d for d in ctx.dates_in(s_start, s_end) if _valid_date(d, trip)]
    if not dated:
        return None
    before = [d for d in dated if d.end <= org.start]
    if before:
        return before[-1]
    return dated[0]


def find_visits(
    ctx: DocContext,
    delegation: Delegation | None,
    delegation_spans: list[tuple[int, int]],
    trip: Trip | None,
) -> list[Visit]:
    """Visits of the delegation, merged per (host, date) and sorted by date and time.

    Example: ``"6月16日下午，代表团来到深圳盛屯集团考察。"`` ->
    [Visit(host="盛屯集团", place="深圳", date=…-06-16, time_of_day="afternoon", …)]
    """
    lex = lexicon()
    governing = _governing_dates(ctx, trip)
    captions = tuple(lex["caption_prefixes"])
    home = delegation.home if delegation else None
    hits: list[_Hit] = []
    delegation_spans = sorted(delegation_spans)
    for org in ctx.orgs:
        if _in_spans(org.start, delegation_spans):
            continue
        s_index = ctx.sentence_of(org.start)
        if s_index is None:
            continue
        s_start, s_end = ctx.sentences[s_index]
        c_start, c_end = ctx.clause_bounds(org.start)
        is_visit, listed = _cue_before(ctx, c_start, org, delegation_spans)
        if not is_visit:
            is_visit = _in_pattern(ctx, c_start, c_end, org)
        para = ctx.paragraph_of(org.start)
        gov = governing.get(para) if para is not None else None
        if not is_visit and gov is not None:
            # "6月17日，X一楼…": a paragraph opened by a trip date, X leading the next clause.
            p_start = ctx.paragraphs[para][0] if para is not None else 0
            opener = ctx.text[p_start : gov.start].strip() == "" and gov.start >= s_start
            lead = ctx.text[gov.end : org.start]
            is_visit = opener and len(lead) <= 3 and lead.strip("上午下中晚，, ") == ""
        if not is_visit:
            continue
        d = _date_for(ctx, org, s_start, s_end, trip)
        in_sentence = d is not None
        if d is None and gov is not None and (not listed or ctx.paragraph_of(gov.start) == para):
            d = gov  # a list (探访A、B、C) takes only a date of its own paragraph
        hits.append(
            _Hit(
                org=org,
                sentence=s_index,
                date=d.date if d else None,
                time_of_day=_tod(ctx, d) if d else None,
                place=_place_for(ctx, org, s_start, s_end, home, listed),
                caption=ctx.text[s_start:s_end].startswith(captions),
                dated_in_sentence=in_sentence,
                listed=listed,
            )
        )
    return _merge(ctx, hits, delegation)


def _tod_rank(tod: str | None) -> float:
    order: list[str] = lexicon()["time_of_day_order"]
    return order.index(tod) if tod in order else 2.5


def _merge(ctx: DocContext, hits: list[_Hit], delegation: Delegation | None) -> list[Visit]:
    by_host: dict[str, list[_Hit]] = {}
    for h in hits:
        by_host.setdefault(h.org.company.id, []).append(h)
    groups: list[list[_Hit]] = []
    for host_hits in by_host.values():
        dated: dict[dt.date, list[_Hit]] = {}
        undated: list[_Hit] = []
        for h in host_hits:
            if h.date is None:
                undated.append(h)
            else:
                dated.setdefault(h.date, []).append(h)
        if dated:
            first = min(dated)
            dated[first].extend(undated)
            groups.extend(dated[k] for k in sorted(dated))
        else:
            groups.append(undated)
    visits: list[tuple[tuple[dt.date, float, int], _Hit, list[_Hit]]] = []
    for group in groups:
        group.sort(key=lambda h: h.org.start)
        primary = min(
            group,
            key=lambda h: (
                h.caption,
                not h.dated_in_sentence,
                h.listed,
                h.date is None,
                h.org.start,
            ),
        )
        tod = primary.time_of_day or next((h.time_of_day for h in group if h.time_of_day), None)
        place = primary.place or next((h.place for h in group if h.place), None)
        date = primary.date or next((h.date for h in group if h.date), None)
        merged = _Hit(
            primary.org, primary.sentence, date, tod, place, primary.caption, True, primary.listed
        )
        key = (date or dt.date.max, _tod_rank(tod), group[0].org.start)
        visits.append((key, merged, group))
    visits.sort(key=lambda v: v[0])
    out: list[Visit] = []
    for i, (_key, h, _group) in enumerate(visits, start=1):
        company = h.org.company
        out.append(
            Visit(
                id=f"v{i}",
                delegation=delegation.name if delegation else None,
                host=company.name,
                host_id=company.id,
                place=h.place,
                date=h.date,
                time_of_day=h.time_of_day,
                sentence=ctx.sentence_text(h.sentence),
                start=h.org.start,
                end=h.org.end,
            )
        )
    return out
