"""Infer an article's date (at least its year) from its text alone (pure Python, no spaCy).

Signals, strongest first: a dateline near the top, an anniversary (今年是红军长征胜利90周年),
the opening or closing year of a five-year plan, the latest explicit year that is not a target.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..errors import type_error
from ..lexicon import data_table
from ..quantities.numerals import is_year_number
from .calendar import _safe_date, plan_years
from .scan import Raw, cn_int, scan

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
    if not isinstance(text, str):
        raise type_error("infer_reference_date", text)
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
