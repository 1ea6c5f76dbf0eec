"""Which day a visit happened on (no spaCy import).

A visit's day is the nearest trip date in its sentence, else the day that governs its
paragraph: the date that opened it or an earlier paragraph of its section, or the day of a
sentence that names the group (1月6日，某某率代表团赴…). A range (12月9日至10日) governs no
single day. A day without a year (6月5日 in an undated article) still counts: its month and
day are kept, its year is never invented. Times of day rank by the date scanner's one table.
When every dated stop falls on one day, the undated stops of their sections take that day
(:func:`one_day`).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..dates.words import TIME_OF_DAY_ORDER, times_of_day
from ..text.sentences import SENTENCE_ENDS
from ..types import DateMention, Trip, Visit
from .context import DocContext, OrgSpan, lexicon
from .stops import Stop, first_span_start

__all__ = ["date_for", "governing_dates", "one_day", "tod_of", "tod_rank", "valid_date"]


def valid_date(d: DateMention, trip: Trip | None) -> bool:
    """A day of the trip: a full date inside its span, or a month and day (year unknown)."""
    if d.kind != "date":
        return False
    if d.date is None:
        return d.month is not None and d.day is not None
    if trip is not None and trip.start_date is not None and trip.end_date is not None:
        return trip.start_date <= d.date <= trip.end_date
    return True


def tod_of(ctx: DocContext, d: DateMention) -> str | None:
    """The time of day of a date mention, or of the word right after it (6月16日 下午)."""
    if d.time_of_day:
        return d.time_of_day
    tail = ctx.text[d.end : d.end + 2]
    return times_of_day().get(tail)


def _is_attendance(line: str) -> bool:
    """某某、某某参加考察。: a short list of attendees, not a section title."""
    inner = line.strip().rstrip(SENTENCE_ENDS)
    return any(verb in inner[-6:] for verb in lexicon()["attendance_verbs"])


def _sentence_day(
    ctx: DocContext, p_start: int, p_end: int, spans: list[tuple[int, int]], trip: Trip | None
) -> DateMention | None | bool:
    """The day of the first sentence of the paragraph that names the group before its verb:
    a DateMention, None for a range (no single day), False when no such sentence is dated."""
    first = max(0, bisect.bisect_right(ctx._sent_starts, p_start) - 1)
    dateline_ends = tuple(lexicon()["dateline_ends"])  # 4月19日讯: the dateline's date
    for s_start, s_end in ctx.sentences[first:]:
        if s_start >= p_end:
            break
        if s_end <= p_start:
            continue
        group = first_span_start(spans, s_start, s_end)
        if group is None:
            continue
        dates = [
            d
            for d in ctx.dates_in(s_start, group)
            if d.kind in ("date", "range") and not ctx.text.startswith(dateline_ends, d.end)
        ]
        if not dates:
            continue
        d = dates[-1]
        if d.kind == "range":
            return None
        return d if valid_date(d, trip) else False
    return False


def governing_dates(
    ctx: DocContext, trip: Trip | None, spans: list[tuple[int, int]]
) -> dict[int, DateMention]:
    """Paragraph index -> the trip day that governs it.

    A day governs from the paragraph it opens, or from the paragraph whose sentence names the
    group (1月6日，某某率代表团赴…), to the next heading or section title (not a line of
    attendees); a range at either place ends it (its stops keep no single day)."""
    out: dict[int, DateMention] = {}
    current: DateMention | None = None
    breaks = {
        i
        for i in ctx.breaks
        if i in ctx.headings or not _is_attendance(ctx.text[slice(*ctx.paragraphs[i])])
    }
    for i, (p_start, p_end) in enumerate(ctx.paragraphs):
        if i in breaks:
            current = None
            continue
        opened = False
        for d in ctx.dates_in(p_start, p_end):
            lead = ctx.text[p_start : d.start]
            if len(lead) <= 4:
                if d.kind == "range":
                    current, opened = None, True
                elif valid_date(d, trip):
                    current, opened = d, True
            break
        if not opened:
            day = _sentence_day(ctx, p_start, p_end, spans, trip)
            if day is not False:
                current = day  # type: ignore[assignment]
        if current is not None:
            out[i] = current
    return out


def date_for(
    ctx: DocContext, org: OrgSpan | Stop, s_start: int, s_end: int, trip: Trip | None
) -> DateMention | None:
    """The trip day named in the host's sentence: the last one before the host, else the
    first after it (代表团来到X，6月16日…)."""
    dated = [d for d in ctx.dates_in(s_start, s_end) if valid_date(d, trip)]
    if not dated:
        return None
    before = [d for d in dated if d.end <= org.start]
    if before:
        return before[-1]
    return dated[0]


def tod_rank(tod: str | None) -> float:
    """Rank of a time-of-day code in a day (上午 before 下午 before 傍晚); unknown codes last.

    One table with the date scanner: every code it emits has a rank (tests check it).
    """
    return TIME_OF_DAY_ORDER.index(tod) if tod in TIME_OF_DAY_ORDER else len(TIME_OF_DAY_ORDER)


def one_day(ctx: DocContext, visits: list[Visit], trip: Trip | None) -> list[Visit]:
    """A trip whose dated stops all fall on one day, and that spans no other, was that day:
    its undated stops in the sections of the dated ones take it (昨日，县政协组织委员视察…
    then 委员们来到X…, 随后察看了Y…); a section of its own may be another day."""
    dated = [v for v in visits if v.day is not None]
    days = {(v.date, v.month, v.day) for v in dated}
    if len(days) != 1 or len(dated) == len(visits):
        return visits
    if trip is not None and trip.start_date is not None and trip.start_date != trip.end_date:
        return visits
    sections = {ctx.section_of(v.start) for v in dated if v.start is not None}
    date, month, day = days.pop()
    return [
        replace(v, date=date, month=month, day=day)
        if v.day is None and v.start is not None and ctx.section_of(v.start) in sections
        else v
        for v in visits
    ]
