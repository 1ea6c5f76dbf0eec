"""The word tables of the date scanner and the patterns built from them (no spaCy import).

Every word a date expression may hold (今年, 上午, 次日, 上半年, “十四五”期间 …) lives in
``seedie/data/dates.json``; the scanner's patterns are built from it once, on first use
(:func:`patterns`), and :func:`words` gives the readers the tables they look words up in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import alternation, data_table
from ..text.anchors import Anchor, char_class
from ..text.sentences import CLAUSE_BREAKS

__all__ = [
    "ISO",
    "ISO_ANCHOR",
    "TIME_OF_DAY_ORDER",
    "DatePatterns",
    "DateWords",
    "patterns",
    "times_of_day",
    "words",
]

# Half- and full-width digits; int() reads both.
_D = "0-9０-９"
_CN_D = "〇零○Ｏ一二三四五六七八九"

# A year is exactly four digits: 37年 or 90年 are durations/decades, not years.
_YEAR = rf"(?<![{_D}.．])[{_D}]{{4}}|(?<![{_CN_D}十百千万两])[{_CN_D}]{{4}}"
_MONTH = rf"(?<![{_D}.．第])[{_D}]{{1,2}}|十[一二]?|[一二三四五六七八九]"
_DAY = rf"[{_D}]{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"

# Every time-of-day code (``times_of_day`` in dates.json), in the order of a day (visits of
# one day sort by it); 白天 spans the day and sorts at its middle.
TIME_OF_DAY_ORDER = (
    "before_dawn", "early_morning", "morning", "noon", "daytime", "afternoon", "dusk",
    "evening", "night",
)  # fmt: skip
ISO = re.compile(
    rf"(?<![{_D}.．/／-])(?P<y>[{_D}]{{4}})(?P<sep>[-/.．／])(?P<m>[{_D}]{{1,2}})(?P=sep)"
    rf"(?P<d>[{_D}]{{1,2}})(?![{_D}.．/／-])"
    rf"(?P<clk>[ T\u3000]?[{_D}]{{1,2}}:[{_D}]{{2}}(?::[{_D}]{{2}})?)?"
)


# Each pattern's first characters (Anchor.lead), read off its shape: digits and numerals.
_DIGIT_LEAD = re.compile(f"[{_D}]")
_NUMERAL_LEAD = re.compile(f"[{_D}{_CN_D}十两]")  # 两年前
ISO_ANCHOR = Anchor(char_class("-/.．／"), 4, _DIGIT_LEAD)  # the separator after the year


def _reach(words: list[str], chars: str) -> int | None:
    """The furthest a word's first character of ``chars`` sits from the word's start; None
    when a word holds none of them."""
    found = [min((i for i, c in enumerate(w) if c in chars), default=None) for w in words]
    return None if None in found else max(i for i in found if i is not None)


@dataclass(frozen=True, slots=True)
class DateWords:
    """The word tables of ``seedie/data/dates.json`` the readers look words up in."""

    from_reference: dict[str, int]  # 今年 0, 去年 -1: years from the reference date
    from_previous: dict[str, int]  # 同年 0, 次年 1: years from the year named last
    times_of_day: dict[str, str]  # 上午 -> morning
    day_anaphors: dict[str, int]  # 当天 0, 次日 1
    from_reference_day: dict[str, int]  # 昨日 -1: days from the article's date
    suffix_after: dict[str, str]  # 份 only after a month, 度 only after a year
    parts: dict[str, tuple[int, int]]  # 上半年 -> months 1..6
    plan_years: dict[str, str]  # 开局之年 -> first, 收官年 -> last


@lru_cache(maxsize=1)
def words() -> DateWords:
    """The tables the readers look words up in, read once from ``dates.json``."""
    data = data_table("dates.json")
    return DateWords(
        from_reference=data["years_from_reference"],
        from_previous=data["years_from_previous"],
        times_of_day=data["times_of_day"],
        day_anaphors=data["day_anaphors"],
        from_reference_day=data["days_from_reference"],
        suffix_after=data["date_suffixes_only_after"],
        parts={k: (v[0], v[1]) for k, v in data["year_parts"].items()},
        plan_years=data["plan_year_words"],
    )


def times_of_day() -> dict[str, str]:
    """Time-of-day word -> code (上午 -> ``"morning"``), from ``dates.json``; do not mutate.

    >>> times_of_day()["下午"]
    'afternoon'
    """
    return words().times_of_day


@dataclass(frozen=True, slots=True)
class DatePatterns:
    """The scanner's patterns (each read by one reader of :mod:`seedie.dates.scan`)."""

    main: re.Pattern[str]  # [自]2025年6月16日[上午][至17日][以来], 今年一季度
    year_span: re.Pattern[str]  # 2021—2025年
    plan: re.Pattern[str]  # “十四五”期间
    recent: re.Pattern[str]  # 近三年来
    ago: re.Pattern[str]  # 两年前
    anaphor: re.Pattern[str]  # 次日上午
    reference_day: re.Pattern[str]  # 昨日上午
    bare_day: re.Pattern[str]  # 9日下午，
    bare_tod: re.Pattern[str]  # 下午，
    duration_after: re.Pattern[str]  # 的历史: after 2000年, a duration
    anchors: dict[str, Anchor]  # field name -> where its matches may start


@lru_cache(maxsize=1)
def patterns() -> DatePatterns:
    """The scanner's patterns, built from ``dates.json`` on first use."""
    data = data_table("dates.json")
    w = words()
    # Each relative-year word carries a one-character guard against the words it hides in:
    # 如今年轻 (今年), 过去年均 (去年), 目前年产 (前年), 投产后年均 (后年), 不同年龄 (同年).
    rel = alternation(
        [*w.from_reference, *w.from_previous],
        not_after=data["year_words_not_after"],
        not_before=data["year_words_not_before"],
    )
    # A word that is also a day anaphor (当晚) is read as the anaphor; 晚 alone (6月16日晚)
    # must not swallow 晚会/晚宴/晚于.
    tod_words = [k for k in w.times_of_day if k not in w.day_anaphors]
    tod = alternation(tod_words, not_before=data["times_of_day_not_before"])
    clock = (
        rf"\s?(?:[{_D}]{{1,2}}[:：][{_D}]{{2}}(?:[:：][{_D}]{{2}})?"
        rf"|(?:[{_D}]{{1,2}}|[一二三四五六七八九十]{{1,3}})[时点]"
        rf"(?:[{_D}]{{1,2}}分|{alternation(data['clock_suffixes'])})?)"
    )
    sfx = alternation(data["date_suffixes"], not_before=data["date_suffixes_not_before"])
    conn = alternation(data["range_connectors"])
    part = alternation(w.parts)
    main = re.compile(
        rf"(?P<pre>{alternation(data['since_openers'])})?"
        rf"(?:(?P<y>{_YEAR})年|(?P<r>{rel})|(?=(?:{_MONTH})月))"
        rf"(?:(?P<m>{_MONTH})月(?:(?P<d>{_DAY})[日号])?|(?P<part>{part}))?"
        rf"(?P<sfx>{sfx})?"
        rf"(?P<tod>\s?(?:{tod}))?(?P<clk>{clock})?"
        rf"(?:(?P<conn>{conn})(?:(?P<y2>{_YEAR})年(?:(?P<m2>{_MONTH})月(?:(?P<d2>{_DAY})[日号])?)?"
        rf"|(?P<m3>{_MONTH})月(?:(?P<d3>{_DAY})[日号])?|(?P<d4>{_DAY})[日号])(?P<sfx2>{sfx})?"
        rf"(?P<tod2>{tod})?|(?P<since>{alternation(data['since_closers'])}))?"
    )
    year_span = re.compile(
        rf"(?<![{_D}.．/／-])(?P<y>[{_D}]{{4}})(?P<conn>{conn})(?P<y2>[{_D}]{{4}})年"
    )
    # Five-year plans: 十四五 unquoted is safe unless it counts something (十四五岁, 十四五个).
    plan_sfx = alternation([*data["plan_span_words"], *w.plan_years])
    plan = re.compile(
        r"(?:[“\"‘「『'](?P<q>十[一二三四五六七八九]五|[一二三四五六七八九]五|十五)[”\"’」』']"
        r"|(?<![一二三四五六七八九十百千万零两〇0-9０-９])(?P<u>十[一二三四五六七八九]五)"
        r"(?![岁个天人年月日号万千百亿元次位名只条件%％度米分秒倍多余]))"
        rf"(?P<sfx>{plan_sfx})?"
    )
    recent = re.compile(
        rf"(?<![接将靠贴亲附])(?:{alternation(data['recent_words'])})(?P<n>[几些两三四五十]|二十)?年"
        rf"(?:{alternation(data['recent_closers'])})?(?![份龄纪级轻])"
    )
    ago = re.compile(
        rf"(?<![{_D}{_CN_D}十百千万两几多.．])(?P<n>[{_D}]{{1,2}}|[二三四五六七八九]?十[一二三四五六七八九]?"
        r"|[一二两三四五六七八九])(?P<more>多|余)?年(?P<more2>多|半)?前(?![期列沿端景瞻置提身台夕后线卫])"
    )
    anaphor = re.compile(rf"(?P<a>{alternation(w.day_anaphors)})(?P<tod>{tod})?")
    ref_day = alternation(w.from_reference_day, not_before=data["days_from_reference_not_before"])
    reference_day = re.compile(rf"(?P<a>{ref_day})(?P<tod>{tod})?")
    # A bare day opening a clause (8日下午，… 9日，…) continues the month named last; it must
    # be followed by a time of day, a comma or a range word so that 3日游, 5日内 and 30日均
    # stay out.
    bare_day = re.compile(
        rf"(?<![^{CLAUSE_BREAKS}\s])(?P<d>[{_D}]{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
        rf"(?P<tod>{tod})?(?=[，,、\s]|(?<=[午晚上间]))"
    )
    # A bare 上午/下午 opening a clause (6月16日上午……。下午，……) refers to the last date named.
    bare_tod = re.compile(rf"(?<![^{CLAUSE_BREAKS}\s])(?P<tod>{tod})(?![好了])")
    return DatePatterns(
        anchors=_anchors(data, w, tod_words),
        main=main,
        year_span=year_span,
        plan=plan,
        recent=recent,
        ago=ago,
        anaphor=anaphor,
        reference_day=reference_day,
        bare_day=bare_day,
        bare_tod=bare_tod,
        duration_after=re.compile(alternation(data["duration_after_year"])),
    )


def _firsts(words: list[str], ranges: str = "") -> re.Pattern[str]:
    """One character: a first character of ``words``, or one of the class ``ranges``."""
    assert all(words), "an empty word has no first character"
    return re.compile(f"[{ranges}{re.escape(''.join(sorted({w[0] for w in words})))}]")


def _opening(chars: re.Pattern[str]) -> re.Pattern[str]:
    """One character of ``chars`` that opens a clause (at the text's start, or after a clause
    break or a space), as the lookbehind that begins ``bare_day`` and ``bare_tod`` requires:
    their anchors then skip the characters that lookbehind would reject."""
    return re.compile(rf"{chars.pattern}(?<![^{CLAUSE_BREAKS}\s].)")


def _anchors(data: dict[str, Any], w: DateWords, tod_words: list[str]) -> dict[str, Anchor]:
    """Each pattern's :class:`Anchor`, read off its shape in :func:`patterns`."""
    years = char_class("年")
    conn = max(len(c) for c in data["range_connectors"])
    recent = data["recent_words"]
    anchors = {
        "year_span": Anchor(years, 4 + conn + 4, _DIGIT_LEAD),  # 2021—2025年
        "plan": Anchor(char_class("五"), 3),  # “十四五
        "recent": Anchor(years, max(len(r) for r in recent) + 2, _firsts(recent)),  # 最近二十年
        "ago": Anchor(years, 4, _NUMERAL_LEAD),  # 二十一多年前
        "bare_day": Anchor(char_class("日"), 3, _opening(_NUMERAL_LEAD)),  # 二十一日
        "bare_tod": Anchor(_opening(char_class("".join(t[0] for t in tod_words))), 0),
    }
    # [自从]2025年 / [自从]今年 / [自从]十二月: 年 or 月 after the opener, a year or a word.
    rel_words = [*w.from_reference, *w.from_previous]
    rel = _reach(rel_words, "年月")
    if rel is not None:
        pre = max(len(p) for p in data["since_openers"])
        lead = _firsts([*data["since_openers"], *rel_words], _D + _CN_D + "十")
        anchors["main"] = Anchor(char_class("年月"), pre + max(4, 2, rel), lead)
    return anchors
