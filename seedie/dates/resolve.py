"""Find, resolve and anchor Chinese date/time expressions (pure Python, no spaCy).

Three public functions:

- :func:`find_dates` returns every date expression as a :class:`seedie.types.DateMention`
  with exact character offsets (6月16日上午, 6月16日至17日, 2025年以来, “十四五”期间, 两年前).
- :func:`resolve_dates` fills the years of relative or year-less mentions from a reference date.
- :func:`infer_reference_date` guesses the article's year from the text itself (a dateline,
  今年是红军长征胜利90周年, “十五五”开局之年, ...), so callers can pass it on explicitly
  (it lives in :mod:`seedie.dates.reference`).

``date`` is set when a day is named; ranges and periods carry their first and last day in
``date``/``end_date``; a bare year or month keeps ``date`` None and fills ``year``/``month``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..errors import Errors, type_error
from ..types import DateMention
from .calendar import bounds, safe_date
from .reference import infer_from_scan, infer_reference_date
from .scan import Raw, scan

__all__ = ["find_dates", "infer_reference_date", "resolve_dates"]

# A bare 下午 or 次日 borrows the day of the last date named, but only from nearby: an
# article's sections each open with their own date.
_ANAPHOR_WINDOW = 1000
# A bare day (9日下午) continues the itinerary's month, which may have been named sections ago.
_BARE_DAY_WINDOW = 5000


def _check_text(func: str, text: object) -> None:
    if not isinstance(text, str):
        raise type_error(func, text)


def _check_reference(func: str, reference_date: object) -> None:
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(Errors.E011.format(func=func, got=type(reference_date).__name__))


def find_dates(
    text: str, reference_date: dt.date | None = None, *, infer: bool = False
) -> list[DateMention]:
    """Find every date/time expression in ``text``, sorted and non-overlapping.

    Args:
        text: Any str; never raises on its content.
        reference_date: The article's date (or any day of its year). Year-less mentions
            (6月16日), 今年/去年/两年前 are resolved against it; without it they keep
            ``year``/``date`` None unless the text itself names the year (同年11月).
        infer: When ``reference_date`` is None, use :func:`infer_reference_date` first.

    Returns:
        A list of DateMention with ``text[m.start:m.end] == m.text``.

    Raises:
        TypeError: ``text`` is not a str, or ``reference_date`` is not a date.

    Example:
        >>> m = find_dates("6月16日至17日，代表团赴广东考察", dt.date(2026, 1, 1))[0]
        >>> m.kind, m.date.isoformat(), m.end_date.isoformat()
        ('range', '2026-06-16', '2026-06-17')
    """
    _check_text("find_dates", text)
    _check_reference("find_dates", reference_date)
    raws = scan(text)
    if reference_date is None and infer:
        reference_date = infer_from_scan(text, raws)[0]
    return _resolve(raws, text, reference_date)


def dates_from_scan(
    raws: list[Raw], text: str, reference_date: dt.date | None
) -> list[DateMention]:
    """:func:`find_dates` from ``scan(text)`` already at hand (no second scan)."""
    return _resolve(raws, text, reference_date)


def resolve_dates(
    mentions: Iterable[DateMention], reference_date: dt.date | None
) -> list[DateMention]:
    """Re-resolve mentions from :func:`find_dates` against another reference date.

    Mentions are read again from their own ``text`` (offsets are kept), so 同年 and a bare
    下午 still see the mentions before them in the list.

    Example:
        >>> ms = find_dates("去年3月，今年4月15日")
        >>> [m.year for m in resolve_dates(ms, dt.date(2026, 6, 18))]
        [2025, 2026]
    """
    _check_reference("resolve_dates", reference_date)
    mentions = list(mentions)
    raws: list[Raw | DateMention] = []
    for mention in mentions:
        found = [r for r in scan(mention.text) if r.start == 0 and r.end == len(mention.text)]
        if not found:
            raws.append(mention)  # not ours to reinterpret: keep it as it is
            continue
        raw = found[0]
        raw.start, raw.end = mention.start, mention.end
        raws.append(raw)
    return _resolve(raws, None, reference_date, texts=[m.text for m in mentions])


def _resolve(
    items: list[Raw] | list[Raw | DateMention],
    text: str | None,
    ref: dt.date | None,
    *,
    texts: list[str] | None = None,
) -> list[DateMention]:
    """Turn scanned expressions into DateMentions, left to right.

    Left to right because 同年/次年 take the last year named before them and a bare 下午
    takes the last day named before it.
    """
    out: list[DateMention] = []
    prev_year: int | None = None
    last_day: tuple[int, int | None, int, int] | None = None  # (end, year, month, day)
    for index, item in enumerate(items):
        if isinstance(item, DateMention):
            out.append(item)
            continue
        raw = item
        mtext = text[raw.start : raw.end] if text is not None else (texts or [""])[index]
        if raw.source == "anaphor":
            mention = _resolve_anaphor(raw, mtext, last_day)
        elif raw.source == "refday":
            mention = _resolve_reference_day(raw, mtext, ref)
        elif raw.source == "bareday":
            mention = _resolve_bare_day(raw, mtext, last_day, ref)
        elif raw.source == "plan":
            first, last = raw.span_years or (0, 0)
            mention = DateMention(
                text=mtext, start=raw.start, end=raw.end, kind="period",
                date=dt.date(first, 1, 1), end_date=dt.date(last, 12, 31),
                year=raw.year, label=raw.label,
            )  # fmt: skip
        elif raw.source == "recent":
            mention = DateMention(
                text=mtext, start=raw.start, end=raw.end, kind="period", label=raw.label
            )
        elif raw.source == "ago":
            year = ref.year + raw.rel if ref is not None and raw.rel is not None else None
            mention = DateMention(
                text=mtext, start=raw.start, end=raw.end, kind="relative", year=year
            )
        else:
            mention = _resolve_ymd(raw, mtext, ref, prev_year)
        if mention.year is not None and raw.source in ("ymd", "ago"):
            prev_year = mention.year
            if mention.kind == "range" and mention.end_date is not None:
                prev_year = mention.end_date.year
        if (
            mention.kind in ("date", "range")
            and mention.month is not None
            and mention.day is not None
        ):
            last_day = (mention.end, mention.year, mention.month, mention.day)
        out.append(mention)
    return out


def _resolve_ymd(raw: Raw, mtext: str, ref: dt.date | None, prev_year: int | None) -> DateMention:
    year: int | None
    if raw.explicit_year:
        year = raw.year
    elif raw.rel is not None:
        year = ref.year + raw.rel if ref is not None else None
    elif raw.prev is not None:
        year = prev_year + raw.prev if prev_year is not None else None
    else:
        year = ref.year if ref is not None else None
    if raw.is_range:
        year2 = raw.year2 if raw.year2 is not None else year
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="range",
            date=bounds(year, raw.month, raw.day, last=False),
            end_date=bounds(year2, raw.month2, raw.day2, last=True),
            year=year, month=raw.month, day=raw.day, time_of_day=raw.tod,
        )  # fmt: skip
    if raw.part is not None:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="period",
            date=bounds(year, raw.part[0], None, last=False),
            end_date=bounds(year, raw.part[1], None, last=True), year=year, label=raw.label,
        )  # fmt: skip
    if raw.since:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="period",
            date=bounds(year, raw.month, raw.day, last=False),
            year=year, month=raw.month, day=raw.day,
        )  # fmt: skip
    if raw.day is not None:
        kind = "date"
    elif raw.month is not None:
        kind = "month"
    else:
        kind = "year" if raw.explicit_year else "relative"
    return DateMention(
        text=mtext, start=raw.start, end=raw.end, kind=kind,
        date=safe_date(year, raw.month, raw.day), year=year, month=raw.month, day=raw.day,
        time_of_day=raw.tod,
    )  # fmt: skip


def _resolve_bare_day(
    raw: Raw,
    mtext: str,
    last_day: tuple[int, int | None, int, int] | None,
    ref: dt.date | None = None,
) -> DateMention:
    """9日下午 after 6月8日: the 9th of the month named last (same year). With no month
    named before it, a news report's 23日 is the latest 23rd up to its reference date."""
    assert raw.day is not None
    if last_day is None and ref is not None:
        year, month = (ref.year, ref.month) if raw.day <= ref.day else _month_before(ref)
        day = safe_date(year, month, raw.day)
        if day is not None:
            return DateMention(
                text=mtext, start=raw.start, end=raw.end, kind="date", date=day,
                year=year, month=month, day=raw.day, time_of_day=raw.tod,
            )  # fmt: skip
    if last_day is None or raw.start - last_day[0] > _BARE_DAY_WINDOW:
        return DateMention(text=mtext, start=raw.start, end=raw.end, kind="relative",
                           day=raw.day, time_of_day=raw.tod)  # fmt: skip
    _, last_year, month, _ = last_day
    day = safe_date(last_year if last_year is not None else 2000, month, raw.day)  # leap year
    if day is None:
        return DateMention(text=mtext, start=raw.start, end=raw.end, kind="relative",
                           day=raw.day, time_of_day=raw.tod)  # fmt: skip
    return DateMention(
        text=mtext, start=raw.start, end=raw.end, kind="date",
        date=day if last_year is not None else None, year=last_year, month=month, day=raw.day,
        time_of_day=raw.tod,
    )  # fmt: skip


def _month_before(ref: dt.date) -> tuple[int, int]:
    return (ref.year - 1, 12) if ref.month == 1 else (ref.year, ref.month - 1)


def _resolve_reference_day(raw: Raw, mtext: str, ref: dt.date | None) -> DateMention:
    """昨日/今天: the article's date moved by the word's offset (relative without one)."""
    if ref is None:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="relative", time_of_day=raw.tod
        )
    day = ref + dt.timedelta(days=raw.day_offset)
    return DateMention(
        text=mtext, start=raw.start, end=raw.end, kind="date", date=day,
        year=day.year, month=day.month, day=day.day, time_of_day=raw.tod,
    )  # fmt: skip


def _resolve_anaphor(
    raw: Raw, mtext: str, last_day: tuple[int, int | None, int, int] | None
) -> DateMention:
    if last_day is None or raw.start - last_day[0] > _ANAPHOR_WINDOW:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="relative", time_of_day=raw.tod
        )
    _, year, month, day = last_day
    # Without a year the day after 2月28日 is unknowable; any other day is safe to shift.
    base = safe_date(year if year is not None else 2001, month, day)
    if base is None or (year is None and raw.day_offset and month == 2 and day >= 28):
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="relative", time_of_day=raw.tod
        )
    target = base + dt.timedelta(days=raw.day_offset)
    return DateMention(
        text=mtext, start=raw.start, end=raw.end, kind="date",
        date=target if year is not None else None, year=target.year if year is not None else None,
        month=target.month, day=target.day, time_of_day=raw.tod,
    )  # fmt: skip
