"""Calendar facts shared by scanning and resolving dates (pure Python, no spaCy)."""

from __future__ import annotations

import datetime as dt


def plan_years(number: int) -> tuple[int, int]:
    """First and last year of the N-th five-year plan (1953 start; 1963–65 was a gap)."""
    first = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return first, first + 4


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def day_ok(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and year is not None and day == 29:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return day <= _DAYS_IN_MONTH[month - 1]


def safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # 2月29日 resolved into a common year


def _last_day(year: int, month: int) -> int:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


def bounds(year: int | None, month: int | None, day: int | None, *, last: bool) -> dt.date | None:
    """First (or last) day of the unit a (year, month, day) names."""
    if year is None or not 1 <= year <= 9999:
        return None
    if month is None:
        return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
    if day is None:
        return dt.date(year, month, _last_day(year, month) if last else 1)
    return safe_date(year, month, day)
