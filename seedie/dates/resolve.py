"""Find, resolve and anchor Chinese date/time expressions (pure Python, no spaCy).

Three public functions:

- :func:`find_dates` returns every date expression as a :class:`seedie.types.DateMention`
  with exact character offsets (6月16日上午, 6月16日至17日, 2025年以来, “十四五”期间, 两年前).
- :func:`resolve_dates` fills the years of relative or year-less mentions from a reference date.
- :func:`infer_reference_date` guesses the article's year from the text itself (a dateline,
  今年是红军长征胜利90周年, “十五五”开局之年, ...), so callers can pass it on explicitly.

``date`` is set when a day is named; ranges and periods carry their first and last day in
``date``/``end_date``; a bare year or month keeps ``date`` None and fills ``year``/``month``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from ..errors import Errors, type_error
from ..lexicon import data_table
from ..quantities.numerals import is_year_number
from ..types import DateMention
from .scan import Raw, cn_int, plan_years, scan

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
    if reference_date is None and infer:
        reference_date = infer_reference_date(text)[0]
    return _resolve(scan(text), text, reference_date)


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


def _safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # 2月29日 resolved into a common year


def _last_day(year: int, month: int) -> int:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


def _bounds(year: int | None, month: int | None, day: int | None, *, last: bool) -> dt.date | None:
    """First (or last) day of the unit a (year, month, day) names."""
    if year is None or not 1 <= year <= 9999:
        return None
    if month is None:
        return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
    if day is None:
        return dt.date(year, month, _last_day(year, month) if last else 1)
    return _safe_date(year, month, day)


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
            date=_bounds(year, raw.month, raw.day, last=False),
            end_date=_bounds(year2, raw.month2, raw.day2, last=True),
            year=year, month=raw.month, day=raw.day, time_of_day=raw.tod,
        )  # fmt: skip
    if raw.part is not None:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="period",
            date=_bounds(year, raw.part[0], None, last=False),
            end_date=_bounds(year, raw.part[1], None, last=True), year=year, label=raw.label,
        )  # fmt: skip
    if raw.since:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="period",
            date=_bounds(year, raw.month, raw.day, last=False),
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
        date=_safe_date(year, raw.month, raw.day), year=year, month=raw.month, day=raw.day,
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
        day = _safe_date(year, month, raw.day)
        if day is not None:
            return DateMention(
                text=mtext, start=raw.start, end=raw.end, kind="date", date=day,
                year=year, month=month, day=raw.day, time_of_day=raw.tod,
            )  # fmt: skip
    if last_day is None or raw.start - last_day[0] > _BARE_DAY_WINDOW:
        return DateMention(text=mtext, start=raw.start, end=raw.end, kind="relative",
                           day=raw.day, time_of_day=raw.tod)  # fmt: skip
    _, year, month, _ = last_day
    day = _safe_date(year if year is not None else 2000, month, raw.day)  # 2000: leap year
    if day is None:
        return DateMention(text=mtext, start=raw.start, end=raw.end, kind="relative",
                           day=raw.day, time_of_day=raw.tod)  # fmt: skip
    return DateMention(
        text=mtext, start=raw.start, end=raw.end, kind="date",
        date=day if year is not None else None, year=year, month=month, day=raw.day,
        time_of_day=raw.tod,
    )  # fmt: skip


def _month_before(ref: dt.date) -> tuple[int, int]:
    return (ref.year - 1, 12) if ref.month == 1 else (ref.year, ref.month - 1)


def _resolve_anaphor(
    raw: Raw, mtext: str, last_day: tuple[int, int | None, int, int] | None
) -> DateMention:
    if last_day is None or raw.start - last_day[0] > _ANAPHOR_WINDOW:
        return DateMention(
            text=mtext, start=raw.start, end=raw.end, kind="relative", time_of_day=raw.tod
        )
    _, year, month, day = last_day
    # Without a year the day after 2月28日 is unknowable; any other day is safe to shift.
    base = _safe_date(year if year is not None else 2001, month, day)
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


# --- inferring the article's year -------------------------------------------------------

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ANNIVERSARY = re.compile(
    r"(?P<trig>今年|适逢|恰逢|正值|时值)(?:是|为|恰逢|适逢|正值|也是|正是)?"
    r"(?P<body>[^。！？!?\n]{0,40}?)"
    r"(?P<n>[0-9０-９]{1,3}|[一二三四五六七八九十百零〇]{1,5})周年"
)
_PLAN_YEAR = re.compile(
    r"(?P<pre>[0-9０-９]{4}年[^。，！？\n]{0,4})?[“\"‘「『']?(?P<plan>十[一二三四五六七八九]五)"
    r"[”\"’」』']?(?:规划)?(?P<which>开局之年|开局年|收官之年|收官年)"
)
_FUTURE_BEFORE = re.compile(r"(?:到|至|预计|力争|争取|计划|目标|将)$")
_FUTURE_AFTER = re.compile(r"(?:年底|年末|年)?前|剑指|目标|将|要|力争|预计|计划|有望|争取")
_DATELINE_WINDOW = 300


@lru_cache(maxsize=1)
def _anniversary_aliases() -> tuple[tuple[str, int], ...]:
    """(alias, event year), longest alias first, from the shipped anniversaries.json."""
    data = data_table("anniversaries.json")
    pairs = [(alias, int(e["year"])) for e in data["events"] for alias in e["aliases"]]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _anniversary_signal(text: str) -> tuple[float, dt.date, str] | None:
    best: tuple[float, dt.date, str] | None = None
    for m in _ANNIVERSARY.finditer(text):
        body, n = m.group("body"), cn_int(m.group("n"))
        if n is None:
            continue
        hit = None
        for alias, year in _anniversary_aliases():
            pos = body.rfind(alias)
            # The event must sit right before the number: 长征胜利90周年, not a clause away.
            if pos >= 0 and len(body) - (pos + len(alias)) <= 3:
                if hit is None or pos + len(alias) > hit[0]:
                    hit = (pos + len(alias), year)
        if hit is None or not is_year_number(hit[1] + n):
            continue
        score = 4.0 if m.group("trig") == "今年" else 2.5
        label = body + m.group("n") + "周年"
        signal = (score, dt.date(hit[1] + n, 1, 1), f"anniversary:{label}")
        if best is None or score > best[0]:
            best = signal
    return best


def _plan_signal(text: str) -> tuple[float, dt.date, str] | None:
    for m in _PLAN_YEAR.finditer(text):
        if m.group("pre"):
            continue  # 2021年是“十四五”开局之年 describes another year
        number = cn_int(m.group("plan")[:-1])
        if number is None or not 1 <= number <= len(_ORDINALS):
            continue
        first, _ = plan_years(number)
        opening = m.group("which").startswith("开局")
        year = first if opening else first + 4
        which = "first_year" if opening else "final_year"
        return 3.5, dt.date(year, 1, 1), f"{_ORDINALS[number - 1]}_five_year_plan_{which}"
    return None


def _dateline_signal(text: str, raws: list[Raw]) -> tuple[float, dt.date, str] | None:
    for raw in raws:
        if raw.start >= _DATELINE_WINDOW:
            break
        if raw.source == "ymd" and raw.explicit_year and raw.day is not None:
            found = _safe_date(raw.year, raw.month, raw.day)
            if found is None:
                continue
            line_start = text.rfind("\n", 0, raw.start) + 1
            line_end = text.find("\n", raw.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            # A short line holding a date is a dateline; a date in the lead is a bit weaker.
            score = 5.0 if len(line.strip()) <= 60 else 4.5
            return score, found, f"dateline:{found.isoformat()}"
    return None


_ANNUAL_FIGURE = re.compile(
    r"(?:全年|度)?[，,]?[^，。；！？\n]{0,8}?"
    r"(?:营业收入|营收|总营收|产值|总产值|销售额|销量|出货量|吞吐量|进出口|出口额|净利润|利润|GDP|地区生产总值)"
    r"|全年"
)


def _latest_year_signal(text: str, raws: list[Raw]) -> tuple[float, dt.date, str] | None:
    years: list[int] = []
    for raw in raws:
        if raw.source != "ymd" or not raw.explicit_year or raw.year is None:
            continue
        before = text[max(0, raw.start - 4) : raw.start]
        after = text[raw.end : raw.end + 4]
        if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(after):
            continue  # 到2027年 / 2027年剑指: a target, not a past event
        years.append(raw.year)
    if not years:
        return None
    year = max(years)
    # 2025年营业收入约1000亿元 / 2025年全年…: a whole year's figures are reported after the
    # year has ended, so the article is from a later year (the next one, as a best guess).
    for raw in raws:
        if raw.source == "ymd" and raw.explicit_year and raw.year == year and raw.month is None:
            if _ANNUAL_FIGURE.match(text, raw.end):
                return 1.0, dt.date(year + 1, 1, 1), f"after_annual_figures:{year}"
    return 1.0, dt.date(year, 1, 1), f"latest_explicit_year:{year}"


def infer_reference_date(text: str) -> tuple[dt.date | None, str]:
    """Infer the article's date (at least its year) from the text alone.

    Signals, strongest first: a dateline near the top (``dateline:2026-06-18``);
    今年是红军长征胜利90周年 (``anniversary:红军长征胜利90周年``, event years from
    ``seedie/data/anniversaries.json``); “十五五”开局之年
    (``fifteenth_five_year_plan_first_year``); the latest explicit year that is not a target
    (``latest_explicit_year:2025``, weak; when that year is reported as a whole — 2025年营业收入… —
    the next year, ``after_annual_figures:2025``). Never looks at today's date.

    Args:
        text: The article.

    Returns:
        ``(date, how)``; ``date`` is January 1 of the year unless a full date was found,
        and ``(None, "none")`` when nothing in the text gives the year away.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> infer_reference_date("今年是红军长征胜利90周年。")
        (datetime.date(2026, 1, 1), 'anniversary:红军长征胜利90周年')
    """
    _check_text("infer_reference_date", text)
    raws = scan(text)
    signals = [
        s
        for s in (
            _dateline_signal(text, raws),
            _anniversary_signal(text),
            _plan_signal(text),
            _latest_year_signal(text, raws),
        )
        if s is not None
    ]
    if not signals:
        return None, "none"
    best = max(signals, key=lambda s: s[0])  # max() keeps the first of equal scores
    return best[1], best[2]
