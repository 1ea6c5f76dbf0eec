"""The delegation's trip (赴广东省学习考察, 6月16日至17日), no spaCy import.

The delegation itself is found once, upstream, by :mod:`seedie.orgs.delegation`. The trip is
the first sentence where the delegation goes (赴/前往/到) to a region for study (学习考察,
考察, 调研), with the date range found in that sentence; a delegation named without its home
(省党政代表团) takes the most mentioned other province (:func:`guess_home`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from ..dates.calendar import safe_date
from ..lexicon import alternation
from ..orgs.delegation import DelegationInfo
from ..places import place_table
from ..text.chars import HAN
from ..types import Trip
from .context import DocContext, gazetteer, lexicon, normalize_place


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    """The bare names of the provinces of the place table (广东, 贵州)."""
    return frozenset(p.short for p in place_table() if p.is_province)


def guess_home(ctx: DocContext, exclude: str | None) -> str | None:
    """The most mentioned province other than ``exclude`` (for a bare 省党政代表团)."""
    provinces = _provinces()
    counts = Counter(p.name for p in ctx.places if p.name in provinces and p.name != exclude)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


@lru_cache(maxsize=1)
def _range_re() -> re.Pattern[str]:
    """6月16日至18日, 6月30日—7月2日: a trip's span in the text itself."""
    conn = alternation(lexicon()["trip_range_connectors"])
    return re.compile(
        rf"(\d{{1,2}})月(\d{{1,2}})日(?:[上下]午)?(?:{conn})(?:(\d{{1,2}})月)?(\d{{1,2}})日"
    )


def _range_in(
    ctx: DocContext, start: int, end: int, year: int | None
) -> tuple[dt.date, dt.date] | None:
    for d in ctx.dates_in(start, end):
        if d.kind == "range" and d.date is not None and d.end_date is not None:
            return d.date, d.end_date
    m = _range_re().search(ctx.text, start, end)
    if m and year is not None:
        month1, day1 = int(m.group(1)), int(m.group(2))
        month2 = int(m.group(3)) if m.group(3) else month1
        first, last = safe_date(year, month1, day1), safe_date(year, month2, int(m.group(4)))
        if first and last and first <= last:
            return first, last
    return None


def _year_hint(ctx: DocContext, reference_date: dt.date | None) -> int | None:
    if reference_date is not None:
        return reference_date.year
    for d in ctx.dates:
        if d.kind in ("date", "range") and d.date is not None:
            return d.date.year
    return None


@lru_cache(maxsize=1)
def _trip_cue_re() -> re.Pattern[str]:
    """赴广东省学习考察: a trip verb, the place, then the purpose within a few characters."""
    lex = lexicon()
    verbs, purposes = alternation(lex["trip_verbs"]), alternation(lex["trip_purposes"])
    return re.compile(rf"(?:{verbs})(?P<place>[{HAN}]{{2,8}}?)(?:[^，。；]{{0,8}}?)(?:{purposes})")


def find_trip(
    ctx: DocContext, info: DelegationInfo, reference_date: dt.date | None
) -> tuple[Trip | None, int | None]:
    """The trip and the index of its sentence (None when no trip sentence is found).

    Example: ``"6月16日至17日，贵州省党政代表团前往广东省学习考察"`` ->
    Trip(region="广东", start_date=2026-06-16, end_date=2026-06-17, ...)
    """
    cue = _trip_cue_re()
    year = _year_hint(ctx, reference_date)
    home = info.delegation.home if info.delegation else None
    candidates: list[tuple[bool, bool, bool, int, str]] = []  # rank flags, sentence, region
    mention_starts = sorted(a for a, _ in info.spans)
    for i, (s_start, s_end) in enumerate(ctx.sentences):
        j = bisect.bisect_left(mention_starts, s_start)
        if j == len(mention_starts) or mention_starts[j] >= s_end:
            continue
        for m in cue.finditer(ctx.text, s_start, s_end):
            region = _region_from(m.group("place"))
            if region is None or region == home:
                continue
            has_range = _range_in(ctx, s_start, s_end, year) is not None
            has_date = bool(ctx.dates_in(s_start, s_end)) or bool(
                _range_re().search(ctx.text, s_start, s_end)
            )
            para = ctx.paragraph_of(s_start)
            heading = para is not None and para in ctx.headings
            candidates.append((not has_range, not has_date, heading, i, region))
            break
    if not candidates:
        return None, None
    *_, index, region = min(candidates)
    s_start, s_end = ctx.sentences[index]
    dates = _range_in(ctx, s_start, s_end, year)
    trip = Trip(
        region=region,
        start_date=dates[0] if dates else None,
        end_date=dates[1] if dates else None,
        sentence=ctx.text[s_start:s_end],
    )
    return trip, index


def _region_from(surface: str) -> str | None:
    """广东省 / 广东 / 深圳市 -> the normalized place name at the start of ``surface``."""
    for size in range(min(len(surface), 8), 1, -1):
        head = surface[:size]
        if head in gazetteer():
            return normalize_place(head)
    return None
