"""Regex scanning of Chinese date/time expressions (internal to :mod:`seedie.dates.resolve`).

Scanning only finds and reads expressions; it never resolves a year against a reference
date. Every pattern is compiled once, on first use, from the word lists of
``seedie/data/dates.json``; it uses fixed-width guards only and has no nested
quantifiers, so a scan is linear in the text length. A pattern with an
:class:`~seedie.text.anchors.Anchor` is tried only at the few starts just before a character
its matches must hold (年, 月, 日 …), which finds what ``finditer`` finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..quantities.numerals import is_year_number, parse_numeral
from ..text.anchors import Anchor, anchored_matches
from ..text.spans import ClaimedChars
from .calendar import day_ok, plan_years
from .words import ISO, ISO_ANCHOR, patterns, times_of_day, words

_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")


@dataclass(slots=True)
class Raw:
    """One scanned expression before resolution; ``source`` says which pattern found it."""

    start: int
    end: int
    source: str  # "ymd" | "plan" | "recent" | "ago" | "anaphor" | "refday" | "bareday"
    year: int | None = None
    rel: int | None = None  # year offset from the reference date (今年 0, 去年 -1, 两年前 -2)
    prev: int | None = None  # year offset from the previous year in the text (同年 0, 次年 +1)
    month: int | None = None
    day: int | None = None
    tod: str | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    is_range: bool = False
    since: bool = False
    label: str | None = None
    span_years: tuple[int, int] | None = None  # a five-year plan's first and last year
    day_offset: int = 0  # 次日: a day after the last date named; 昨日: before the article
    explicit_year: bool = False
    part: tuple[int, int] | None = None  # months covered by 上半年, 一季度 ...


@lru_cache(maxsize=1024)  # a pure function of a short string, asked again in every text
def cn_int(s: str) -> int | None:
    """Read a short whole number written in digits (full/half width) or Chinese numerals.

    One parser reads numerals for the whole package
    (:func:`~seedie.quantities.numerals.parse_numeral`); dates take short whole numbers from it.

    >>> cn_int("二〇二五"), cn_int("二十三"), cn_int("２０２５"), cn_int("十")
    (2025, 23, 2025, 10)
    """
    if not s or len(s) > 8:
        return None
    value = parse_numeral(s)
    if value is None or value < 0 or value != value.to_integral_value():
        return None
    return int(value)


def _year_ok(year: int | None, with_month: bool) -> bool:
    # A lone four-digit number before 年 is a year only in a plausible news range.
    return year is not None and (1000 <= year <= 2999 if with_month else is_year_number(year))


def _granularity(month: int | None, day: int | None) -> int:
    return 2 if day is not None else 1 if month is not None else 0


def _read_ymd(m: re.Match[str], text: str) -> Raw | None:
    w = words()
    raw = Raw(start=m.start(), end=m.end(), source="ymd")
    if m.group("y"):
        raw.year = cn_int(m.group("y"))
        raw.explicit_year = True
    elif m.group("r"):
        word = m.group("r")
        if word in w.from_reference:
            raw.rel = w.from_reference[word]
        else:
            raw.prev = w.from_previous[word]
    if m.group("part") and (m.group("y") or m.group("r")):
        raw.part = w.parts[m.group("part")]
        raw.label = m.group("part")
    raw.month = cn_int(m.group("m")) if m.group("m") else None
    raw.day = cn_int(m.group("d")) if m.group("d") else None
    if raw.month is not None:
        if not day_ok(raw.year, raw.month, raw.day if raw.day is not None else 1):
            return None
        if (
            m.group("m")[0] not in _DIGIT_CHARS
            and raw.day is None
            and raw.year is None
            and not m.group("r")
        ):
            return None  # a bare Chinese 一月 hides in 统一月度 and the like
    if raw.explicit_year and not _year_ok(raw.year, raw.month is not None):
        return None
    # ``end`` grows over the parts that are valid and contiguous.
    if raw.day is not None:
        end = m.end("d") + 1  # past 日/号
    elif raw.month is not None:
        end = m.end("m") + 1  # past 月
    elif raw.part is not None:
        end = m.end("part")
    else:
        end = m.end("y") + 1 if m.group("y") else m.end("r")
    sfx = m.group("sfx")
    if sfx and raw.day is None and raw.part is None:
        # 5月份 but not 2025年份, 2025年度 but not 5月度; 上旬, 底 … after either.
        after = w.suffix_after.get(sfx)
        if after is None or after == ("month" if raw.month is not None else "year"):
            end = m.end("sfx")
    if raw.explicit_year and raw.month is None and end == m.end("y") + 1:
        if patterns().duration_after.match(text, end, end + 3):
            return None  # 有2000年的历史 is a duration
    if raw.day is not None:
        if m.group("tod") and m.start("tod") == end:
            raw.tod = w.times_of_day[m.group("tod").strip()]
            end = m.end("tod")
        if m.group("clk") and m.start("clk") == end:
            end = m.end("clk")
    if m.group("conn") and m.start("conn") == end and raw.part is None:
        end = _read_tail(m, raw) or end
    elif m.group("since") and m.start("since") == end:
        raw.since = True
        end = m.end("since")
    raw.end = end
    if m.group("pre") and not raw.since:
        raw.start = m.end("pre")  # 从/自 belongs to the expression only with 以来/至今
    return raw


def _read_tail(m: re.Match[str], raw: Raw) -> int | None:
    """Fill the range end from a tail (至17日, —6月17日, 至2027年); return the new end."""
    year2 = cn_int(m.group("y2")) if m.group("y2") else None
    mtxt = m.group("m2") or m.group("m3")
    month2 = cn_int(mtxt) if mtxt else None
    dtxt = m.group("d2") or m.group("d3") or m.group("d4")
    day2 = cn_int(dtxt) if dtxt else None
    if year2 is not None and not _year_ok(year2, month2 is not None):
        return None
    if year2 is not None and raw.year is None:
        return None  # 今年至2027年: mixing a relative and an explicit year is left unread
    if _granularity(month2, day2) != _granularity(raw.month, raw.day):
        return None
    if raw.month is not None and month2 is None:
        month2 = raw.month
    ycheck = year2 if year2 is not None else raw.year
    if month2 is not None and not day_ok(ycheck, month2, day2 if day2 is not None else 1):
        return None
    start_key = (raw.year or 0, raw.month or 0, raw.day or 0)
    end_key = (year2 if year2 is not None else raw.year or 0, month2 or 0, day2 or 0)
    if end_key <= start_key:
        return None
    raw.year2, raw.month2, raw.day2, raw.is_range = year2, month2, day2, True
    if m.group("tod2") and day2 is not None:
        return m.end("tod2")
    for name in ("d2", "d3", "d4", "m2", "m3", "y2"):
        if m.group(name):
            return m.end(name) + 1  # past 日/月/年
    return None


def _read_year_span(m: re.Match[str]) -> Raw | None:
    year, year2 = cn_int(m.group("y")), cn_int(m.group("y2"))
    if year is None or year2 is None or year2 <= year:
        return None
    if not (_year_ok(year, False) and _year_ok(year2, False)):
        return None
    return Raw(start=m.start(), end=m.end(), source="ymd", year=year, year2=year2,
               is_range=True, explicit_year=True)  # fmt: skip


def _read_iso(m: re.Match[str]) -> Raw | None:
    year, month, day = cn_int(m.group("y")), cn_int(m.group("m")), cn_int(m.group("d"))
    if year is None or month is None or day is None or not _year_ok(year, True):
        return None
    if not day_ok(year, month, day):
        return None
    return Raw(start=m.start(), end=m.end(), source="ymd", year=year, month=month, day=day,
               explicit_year=True)  # fmt: skip


def _read_plan(m: re.Match[str]) -> Raw | None:
    name = m.group("q") or m.group("u")
    number = cn_int(name[:-1])
    if number is None or number < 1:
        return None
    first, last = plan_years(number)
    which = words().plan_years.get(m.group("sfx") or "")  # 开局之年 / 收官之年
    if which == "first":
        last = first
    elif which == "last":
        first = last
    raw = Raw(start=m.start(), end=m.end(), source="plan", label=name, span_years=(first, last))
    if first == last:
        raw.year = first
    return raw


def _read_recent(m: re.Match[str]) -> Raw:
    return Raw(start=m.start(), end=m.end(), source="recent", label=m.group(0))


def _read_ago(m: re.Match[str]) -> Raw | None:
    n = cn_int(m.group("n"))
    if n is None or not 1 <= n <= 200:
        return None
    return Raw(start=m.start(), end=m.end(), source="ago", rel=-n)


def _read_anaphor(m: re.Match[str]) -> Raw:
    word = m.group("a")
    tod = m.group("tod")
    w = words()
    raw = Raw(start=m.start(), end=m.end(), source="anaphor", day_offset=w.day_anaphors[word])
    raw.tod = w.times_of_day[tod] if tod else w.times_of_day.get(word)
    return raw


def _read_reference_day(m: re.Match[str]) -> Raw:
    tod = m.group("tod")
    offset = words().from_reference_day[m.group("a")]
    tod_code = times_of_day()[tod] if tod else None
    return Raw(start=m.start(), end=m.end(), source="refday", day_offset=offset, tod=tod_code)


def _read_bare_day(m: re.Match[str]) -> Raw | None:
    day = cn_int(m.group("d"))
    if day is None or not 1 <= day <= 31:
        return None
    tod = m.group("tod")
    return Raw(
        start=m.start(),
        end=m.end(),
        source="bareday",
        day=day,
        tod=times_of_day()[tod] if tod else None,
    )


def _read_bare_tod(m: re.Match[str]) -> Raw:
    return Raw(start=m.start(), end=m.end(), source="anaphor", tod=times_of_day()[m.group("tod")])


# (pattern, anchor, reader): each reader turns a match into a Raw (or None to drop it).
_Reader = Callable[[re.Match[str], str], "Raw | None"]


@lru_cache(maxsize=1)
def _scanners() -> tuple[tuple[re.Pattern[str], Anchor | None, _Reader], ...]:
    p = patterns()
    a = p.anchors.get
    return (
        (p.main, a("main"), _read_ymd),
        (ISO, ISO_ANCHOR, lambda m, _text: _read_iso(m)),
        (p.year_span, a("year_span"), lambda m, _text: _read_year_span(m)),
        (p.plan, a("plan"), lambda m, _text: _read_plan(m)),
        (p.recent, a("recent"), lambda m, _text: _read_recent(m)),
        (p.ago, a("ago"), lambda m, _text: _read_ago(m)),
        (p.anaphor, None, lambda m, _text: _read_anaphor(m)),
        (p.reference_day, None, lambda m, _text: _read_reference_day(m)),
        (p.bare_tod, a("bare_tod"), lambda m, _text: _read_bare_tod(m)),
        (p.bare_day, a("bare_day"), lambda m, _text: _read_bare_day(m)),
    )


def scan(text: str) -> list[Raw]:
    """All date expressions in ``text``: sorted, non-overlapping, longest first on conflicts."""
    found: list[Raw] = []
    for pattern, anchor, read in _scanners():
        for m in anchored_matches(pattern, anchor, text):
            raw = read(m, text)
            if raw is not None and raw.end > raw.start:
                found.append(raw)
    return _longest_non_overlapping(found)


def _longest_non_overlapping(found: list[Raw]) -> list[Raw]:
    # Greedy by length (ties: earlier first): a raw is kept when none of its characters is
    # claimed by a longer one. The total work is bounded by the text length.
    found.sort(key=lambda r: (r.start - r.end, r.start))
    claimed = ClaimedChars(max((r.end for r in found), default=0))
    kept: list[Raw] = []
    for raw in found:
        if claimed.free(raw.start, raw.end):
            claimed.claim(raw.start, raw.end)
            kept.append(raw)
    kept.sort(key=lambda r: r.start)
    return kept
