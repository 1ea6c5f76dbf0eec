"""Infer an article's date (at least its year) from its text alone (pure Python, no spaCy).

Signals, strongest first: a dateline near the top, an anniversary (今年是红军长征胜利90周年),
the opening or closing year of a five-year plan, the latest explicit year that is not a target.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import type_error
from ..lexicon import alternation, data_table
from ..quantities.numerals import is_year_number
from ..text.anchors import Anchor, anchored_matches
from ..text.sentences import FULL_STOPS
from .calendar import plan_years, safe_date
from .scan import Raw, cn_int, scan

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_DATELINE_WINDOW = 300


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The signals' patterns, built once from ``seedie/data/dates.json``."""

    anniversary: re.Pattern[str]
    triggers: dict[str, float]  # 今年 4.0: the anniversary dates the article itself
    plan_year: re.Pattern[str]
    plan_year_anchor: Anchor  # the 五 of 十五五, after at most 2025年是“十
    plan_years: dict[str, str]  # 开局之年 -> first, 收官之年 -> last
    target_before: re.Pattern[str]  # 到2027年
    target_after: re.Pattern[str]  # 2027年前, 2030年剑指
    annual_figure: re.Pattern[str]  # 2025年营业收入…


# plan_year's first characters: a year's digit, an opening quote, the plan's 十.
_PLAN_YEAR_LEAD = re.compile("[0-9０-９“\"‘「『'十]")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = data_table("dates.json")
    triggers = data["anniversary_triggers"]
    return _Patterns(
        anniversary=re.compile(
            rf"(?P<trig>{alternation(triggers)})(?:{alternation(data['anniversary_links'])})?"
            rf"(?P<body>[^{FULL_STOPS}\n]{{0,40}}?)"
            r"(?P<n>[0-9０-９]{1,3}|[一二三四五六七八九十百零〇]{1,5})周年"
        ),
        triggers=triggers,
        plan_year=re.compile(
            r"(?P<pre>[0-9０-９]{4}年[^。，！？\n]{0,4})?[“\"‘「『']?(?P<plan>十[一二三四五六七八九]五)"
            rf"[”\"’」』']?(?:规划)?(?P<which>{alternation(data['plan_year_words'])})"
        ),
        plan_year_anchor=Anchor(re.compile("[五]"), 4 + 1 + 4 + 1 + 2, _PLAN_YEAR_LEAD),
        plan_years=data["plan_year_words"],
        target_before=re.compile(f"(?:{alternation(data['year_target_before'])})$"),
        target_after=re.compile(alternation(data["year_target_after"])),
        annual_figure=re.compile(
            rf"(?:{alternation(data['annual_figure_leads'])})?[，,]?[^，。；！？\n]{{0,8}}?"
            rf"(?:{alternation(data['annual_figure_words'])})"
            rf"|{alternation(data['whole_year_words'])}"
        ),
    )


@lru_cache(maxsize=1)
def _anniversary_aliases() -> tuple[tuple[str, int], ...]:
    """(alias, event year), longest alias first, from the shipped anniversaries.json."""
    data = data_table("anniversaries.json")
    pairs = [(alias, int(e["year"])) for e in data["events"] for alias in e["aliases"]]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _anniversary_signal(text: str) -> tuple[float, dt.date, str] | None:
    best: tuple[float, dt.date, str] | None = None
    pats = _patterns()
    for m in pats.anniversary.finditer(text):
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
        score = pats.triggers[m.group("trig")]
        label = body + m.group("n") + "周年"
        signal = (score, dt.date(hit[1] + n, 1, 1), f"anniversary:{label}")
        if best is None or score > best[0]:
            best = signal
    return best


def _plan_signal(text: str) -> tuple[float, dt.date, str] | None:
    pats = _patterns()
    for m in anchored_matches(pats.plan_year, pats.plan_year_anchor, text):
        if m.group("pre"):
            continue  # 2021年是“十四五”开局之年 describes another year
        number = cn_int(m.group("plan")[:-1])
        if number is None or not 1 <= number <= len(_ORDINALS):
            continue
        first, _ = plan_years(number)
        opening = pats.plan_years[m.group("which")] == "first"
        year = first if opening else first + 4
        which = "first_year" if opening else "final_year"
        return 3.5, dt.date(year, 1, 1), f"{_ORDINALS[number - 1]}_five_year_plan_{which}"
    return None


def _dateline_signal(text: str, raws: list[Raw]) -> tuple[float, dt.date, str] | None:
    for raw in raws:
        if raw.start >= _DATELINE_WINDOW:
            break
        if raw.source == "ymd" and raw.explicit_year and raw.day is not None:
            found = safe_date(raw.year, raw.month, raw.day)
            if found is None:
                continue
            line_start = text.rfind("\n", 0, raw.start) + 1
            line_end = text.find("\n", raw.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            # A short line holding a date is a dateline; a date in the lead is a bit weaker.
            score = 5.0 if len(line.strip()) <= 60 else 4.5
            return score, found, f"dateline:{found.isoformat()}"
    return None


def _latest_year_signal(text: str, raws: list[Raw]) -> tuple[float, dt.date, str] | None:
    pats = _patterns()
    years: list[int] = []
    for raw in raws:
        if raw.source != "ymd" or not raw.explicit_year or raw.year is None:
            continue
        before = text[max(0, raw.start - 4) : raw.start]
        after = text[raw.end : raw.end + 4]
        if pats.target_before.search(before) or pats.target_after.match(after):
            continue  # 到2027年 / 2027年剑指: a target, not a past event
        years.append(raw.year)
    if not years:
        return None
    year = max(years)
    # 2025年营业收入约1000亿元 / 2025年全年…: a whole year's figures are reported after the
    # year has ended, so the article is from a later year (the next one, as a best guess).
    for raw in raws:
        if raw.source == "ymd" and raw.explicit_year and raw.year == year and raw.month is None:
            if pats.annual_figure.match(text, raw.end):
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
    return infer_from_scan(text, scan(text))


def infer_from_scan(text: str, raws: list[Raw]) -> tuple[dt.date | None, str]:
    """:func:`infer_reference_date` from ``scan(text)`` already at hand (no second scan)."""
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
