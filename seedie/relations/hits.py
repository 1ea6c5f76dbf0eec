"""Visit hits (no spaCy): one host seen at one place of the text, and their merging.

Repeated mentions of one host (photo captions, summaries) merge into one visit per
(host, day); undated mentions only confirm a dated visit of the same host.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import DateMention, Delegation, Visit
from .context import DocContext, OrgSpan
from .days import tod_rank

__all__ = ["Hit", "merge_hits"]


@dataclass
class Hit:
    org: OrgSpan | None  # None: a named site (a stop of a list) that no organization covers
    start: int
    end: int
    host: str
    sentence: int
    when: DateMention | None
    time_of_day: str | None
    place: str | None
    caption: bool
    dated_in_sentence: bool
    listed: bool

    @property
    def key(self) -> str:
        return self.org.company.id if self.org is not None else f"site:{self.host}"

    @property
    def day(self) -> tuple[int, int, int] | None:
        """(year or 0, month, day) of the visit's day, when known."""
        d = self.when
        if d is None:
            return None
        if d.date is not None:
            return (d.date.year, d.date.month, d.date.day)
        if d.month is not None and d.day is not None:
            return (0, d.month, d.day)
        return None


def merge_hits(ctx: DocContext, hits: list[Hit], delegation: Delegation | None) -> list[Visit]:
    by_host: dict[str, list[Hit]] = {}
    for h in hits:
        by_host.setdefault(h.key, []).append(h)
    groups: list[list[Hit]] = []
    for host_hits in by_host.values():
        dated: dict[tuple[int, int, int], list[Hit]] = {}
        undated: list[Hit] = []
        for h in host_hits:
            day = h.day
            if day is None:
                undated.append(h)
            else:
                dated.setdefault(day, []).append(h)
        if dated:
            first = min(dated)
            dated[first].extend(undated)
            groups.extend(dated[k] for k in sorted(dated))
        else:
            groups.append(undated)
    visits: list[tuple[tuple[tuple[int, int, int], float, int], Hit]] = []
    for group in groups:
        group.sort(key=lambda h: h.start)
        primary = min(
            group,
            key=lambda h: (
                h.caption,
                not h.dated_in_sentence,
                h.listed,
                h.org is None,
                h.day is None,
                h.start,
            ),
        )
        tod = primary.time_of_day or next((h.time_of_day for h in group if h.time_of_day), None)
        place = primary.place or next((h.place for h in group if h.place), None)
        when = primary.when if primary.day else next((h.when for h in group if h.day), None)
        merged = Hit(
            primary.org,
            primary.start,
            primary.end,
            primary.host,
            primary.sentence,
            when,
            tod,
            place,
            primary.caption,
            True,
            primary.listed,
        )
        day = merged.day
        # Undated visits last; a day without a year sorts by month and day.
        key = (day if day else (9999, 99, 99), tod_rank(tod), group[0].start)
        visits.append((key, merged))
    visits.sort(key=lambda v: v[0])
    out: list[Visit] = []
    for i, (_key, h) in enumerate(visits, start=1):
        company = h.org.company if h.org is not None else None
        day = h.day
        out.append(
            Visit(
                id=f"v{i}",
                delegation=delegation.name if delegation else None,
                host=company.name if company is not None else h.host,
                host_id=company.id if company is not None else None,
                place=h.place,
                date=h.when.date if h.when is not None else None,
                time_of_day=h.time_of_day,
                sentence=ctx.sentence_text(h.sentence),
                start=h.start,
                end=h.end,
                month=day[1] if day else None,
                day=day[2] if day else None,
            )
        )
    return out
