"""Regex scanning of Chinese date/time expressions (internal to :mod:`seedie.dates.resolve`).

Scanning only finds and reads expressions; it never resolves a year against a reference
date. Every pattern is precompiled, uses fixed-width guards only and has no nested
quantifiers, so a scan is linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..quantities.numerals import is_year_number, parse_numeral
from .calendar import _day_ok, plan_years

# Half- and full-width digits; int() reads both.
_D = "0-9０-９"
_CN_D = "〇零○Ｏ一二三四五六七八九"
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")

# A year is exactly four digits: 37年 or 90年 are durations/decades, not years.
_YEAR = rf"(?<![{_D}.．])[{_D}]{{4}}|(?<![{_CN_D}十百千万两])[{_CN_D}]{{4}}"
_MONTH = rf"(?<![{_D}.．第])[{_D}]{{1,2}}|十[一二]?|[一二三四五六七八九]"
_DAY = rf"[{_D}]{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"

# Each relative-year word carries a one-character guard against the words it hides in:
# 如今年轻 (今年), 过去年均 (去年), 目前年产 (前年), 投产后年均 (后年), 不同年龄 (同年).
_REL_WORDS = (
    r"(?<![如现古而迄])今年(?![轻纪])",
    r"(?<![过失除离来])去年",
    r"(?<![目提之以此事空从向眼当超史生战])前年",
    r"(?<![光文说证表聪透鲜分黎声简英发])明年",
    r"(?<![之此以然最往随落其先产投建过背])后年",
    r"(?<![不共相等协陪])同年(?![龄级代纪])",
    r"(?<![相应担])当年(?![轻龄])",
    r"(?<![以向往])上年(?![纪龄轻级])",
    r"次年|翌年|本年",
)
REL_YEAR_OFFSETS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2}
# Years counted from the previous year named in the text, not from the reference date.
PREV_YEAR_OFFSETS = {"同年": 0, "当年": 0, "次年": 1, "翌年": 1}

TIME_OF_DAY = {
    "凌晨": "before_dawn", "清晨": "early_morning", "早上": "early_morning",
    "早晨": "early_morning", "上午": "morning", "中午": "noon", "晌午": "noon",
    "午后": "afternoon", "下午": "afternoon", "傍晚": "dusk", "晚上": "evening",
    "晚间": "evening", "当晚": "evening", "晚": "evening", "夜间": "night", "夜里": "night",
    "夜晚": "night", "深夜": "night", "白天": "daytime",
}  # fmt: skip
# Every code above, in the order of a day (visits of one day sort by it); 白天 spans the day
# and sorts at its middle.
TIME_OF_DAY_ORDER = (
    "before_dawn", "early_morning", "morning", "noon", "daytime", "afternoon", "dusk",
    "evening", "night",
)  # fmt: skip
# 晚 alone (6月16日晚) must not swallow 晚会/晚宴/晚于.
_TOD = (
    "|".join(k for k in TIME_OF_DAY if k not in ("晚", "当晚"))
    + r"|晚(?![于会宴餐饭报些辈年期稻霞])"
)
_CLOCK = (
    rf"\s?(?:[{_D}]{{1,2}}[:：][{_D}]{{2}}(?:[:：][{_D}]{{2}})?"
    rf"|(?:[{_D}]{{1,2}}|[一二三四五六七八九十]{{1,3}})[时点](?:[{_D}]{{1,2}}分|半|整|许)?)"
)
_SUFFIX = r"份|度|上旬|中旬|下旬|初(?![步级次见心衷始创期])|底|末"
_CONN = r"——|至|到|—|–|-|~|～|－|─"
# Parts of a year, as (first month, last month): 2025年上半年, 今年一季度.
PARTS = {
    "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "二季度": (4, 6),
    "三季度": (7, 9), "四季度": (10, 12), "第一季度": (1, 3), "第二季度": (4, 6),
    "第三季度": (7, 9), "第四季度": (10, 12),
}  # fmt: skip
_PART = "|".join(sorted(PARTS, key=len, reverse=True))

_MAIN = re.compile(
    r"(?P<pre>自从|自|从)?"
    rf"(?:(?P<y>{_YEAR})年|(?P<r>{'|'.join(_REL_WORDS)})|(?=(?:{_MONTH})月))"
    rf"(?:(?P<m>{_MONTH})月(?:(?P<d>{_DAY})[日号])?|(?P<part>{_PART}))?"
    rf"(?P<sfx>{_SUFFIX})?"
    rf"(?P<tod>\s?(?:{_TOD}))?(?P<clk>{_CLOCK})?"
    rf"(?:(?P<conn>{_CONN})(?:(?P<y2>{_YEAR})年(?:(?P<m2>{_MONTH})月(?:(?P<d2>{_DAY})[日号])?)?"
    rf"|(?P<m3>{_MONTH})月(?:(?P<d3>{_DAY})[日号])?|(?P<d4>{_DAY})[日号])(?P<sfx2>{_SUFFIX})?"
    rf"(?P<tod2>{_TOD})?|(?P<since>以来|至今|迄今))?"
)
_YEAR_SPAN = re.compile(
    rf"(?<![{_D}.．/／-])(?P<y>[{_D}]{{4}})(?P<conn>{_CONN})(?P<y2>[{_D}]{{4}})年"
)
_ISO = re.compile(
    rf"(?<![{_D}.．/／-])(?P<y>[{_D}]{{4}})(?P<sep>[-/.．／])(?P<m>[{_D}]{{1,2}})(?P=sep)"
    rf"(?P<d>[{_D}]{{1,2}})(?![{_D}.．/／-])"
    rf"(?P<clk>[ T\u3000]?[{_D}]{{1,2}}:[{_D}]{{2}}(?::[{_D}]{{2}})?)?"
)
# Five-year plans: 十四五 unquoted is safe unless it counts something (十四五岁, 十四五个).
_PLAN_SUFFIX = (
    r"规划期间|规划期|规划|期间|时期|开局之年|开局年|收官之年|收官年|以来|末期|初期|末|初"
)
_PLAN = re.compile(
    r"(?:[“\"‘「『'](?P<q>十[一二三四五六七八九]五|[一二三四五六七八九]五|十五)[”\"’」』']"
    r"|(?<![一二三四五六七八九十百千万零两〇0-9０-９])(?P<u>十[一二三四五六七八九]五)"
    r"(?![岁个天人年月日号万千百亿元次位名只条件%％度米分秒倍多余]))"
    rf"(?P<sfx>{_PLAN_SUFFIX})?"
)
_RECENT = re.compile(
    r"(?<![接将靠贴亲附])(?:最近|近)(?P<n>[几些两三四五十]|二十)?年(?:以来|来)?(?![份龄纪级轻])"
)
_AGO = re.compile(
    rf"(?<![{_D}{_CN_D}十百千万两几多.．])(?P<n>[{_D}]{{1,2}}|[二三四五六七八九]?十[一二三四五六七八九]?"
    r"|[一二两三四五六七八九])(?P<more>多|余)?年(?P<more2>多|半)?前(?![期列沿端景瞻置提身台夕后线卫])"
)
_ANAPHOR_OFFSETS = {"当天": 0, "当日": 0, "同日": 0, "当晚": 0, "次日": 1, "翌日": 1, "第二天": 1}
_ANAPHOR = re.compile(rf"(?P<a>当天|当日|同日|次日|翌日|第二天|当晚)(?P<tod>{_TOD})?")
# A bare day opening a clause (8日下午，… 9日，…) continues the month named last; it must be
# followed by a time of day, a comma or a range word so that 3日游, 5日内 and 30日均 stay out.
_BARE_DAY = re.compile(
    rf"(?<![^\n。；;！!？?，,：:\s])(?P<d>[{_D}]{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
    rf"(?P<tod>{_TOD})?(?=[，,、\s]|(?<=[午晚上间]))"
)
# A bare 上午/下午 opening a clause (6月16日上午……。下午，……) refers to the last date named.
_BARE_TOD = re.compile(rf"(?<![^\n。；;！!？?，,：:\s])(?P<tod>{_TOD})(?![好了])")


@dataclass(slots=True)
class Raw:
    """One scanned expression before resolution; ``source`` says which pattern found it."""

    start: int
    end: int
    source: str  # "ymd" | "plan" | "recent" | "ago" | "anaphor" | "bareday"
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
    day_offset: int = 0  # anaphors: 次日 is the day after the last date named
    explicit_year: bool = False
    part: tuple[int, int] | None = None  # months covered by 上半年, 一季度 ...


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


_DURATION_AFTER = re.compile(r"的?历史|之久|左右|上下")


def _read_ymd(m: re.Match[str], text: str) -> Raw | None:
    raw = Raw(start=m.start(), end=m.end(), source="ymd")
    if m.group("y"):
        raw.year = cn_int(m.group("y"))
        raw.explicit_year = True
    elif m.group("r"):
        word = m.group("r")
        if word in REL_YEAR_OFFSETS:
            raw.rel = REL_YEAR_OFFSETS[word]
        else:
            raw.prev = PREV_YEAR_OFFSETS[word]
    if m.group("part") and (m.group("y") or m.group("r")):
        raw.part = PARTS[m.group("part")]
        raw.label = m.group("part")
    raw.month = cn_int(m.group("m")) if m.group("m") else None
    raw.day = cn_int(m.group("d")) if m.group("d") else None
    if raw.month is not None:
        if not _day_ok(raw.year, raw.month, raw.day if raw.day is not None else 1):
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
        is_month = raw.month is not None
        if (sfx == "份" and is_month) or (sfx == "度" and not is_month) or sfx not in ("份", "度"):
            end = m.end("sfx")
    if raw.explicit_year and raw.month is None and end == m.end("y") + 1:
        if _DURATION_AFTER.match(text, end, end + 3):
            return None  # 有2000年的历史 is a duration
    if raw.day is not None:
        if m.group("tod") and m.start("tod") == end:
            raw.tod = TIME_OF_DAY[m.group("tod").strip()]
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
    if month2 is not None and not _day_ok(ycheck, month2, day2 if day2 is not None else 1):
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
    if not _day_ok(year, month, day):
        return None
    return Raw(start=m.start(), end=m.end(), source="ymd", year=year, month=month, day=day,
               explicit_year=True)  # fmt: skip


def _read_plan(m: re.Match[str]) -> Raw | None:
    name = m.group("q") or m.group("u")
    number = cn_int(name[:-1])
    if number is None or number < 1:
        return None
    first, last = plan_years(number)
    sfx = m.group("sfx") or ""
    if sfx.startswith("开局"):
        last = first
    elif sfx.startswith("收官"):
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
    raw = Raw(start=m.start(), end=m.end(), source="anaphor", day_offset=_ANAPHOR_OFFSETS[word])
    raw.tod = TIME_OF_DAY[tod] if tod else TIME_OF_DAY.get(word)
    return raw


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
        tod=TIME_OF_DAY[tod] if tod else None,
    )


def _read_bare_tod(m: re.Match[str]) -> Raw:
    return Raw(start=m.start(), end=m.end(), source="anaphor", tod=TIME_OF_DAY[m.group("tod")])


# (pattern, reader): each reader turns a match into a Raw (or None to drop it).
_SCANNERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], Raw | None]], ...] = (
    (_MAIN, _read_ymd),
    (_ISO, lambda m, _text: _read_iso(m)),
    (_YEAR_SPAN, lambda m, _text: _read_year_span(m)),
    (_PLAN, lambda m, _text: _read_plan(m)),
    (_RECENT, lambda m, _text: _read_recent(m)),
    (_AGO, lambda m, _text: _read_ago(m)),
    (_ANAPHOR, lambda m, _text: _read_anaphor(m)),
    (_BARE_TOD, lambda m, _text: _read_bare_tod(m)),
    (_BARE_DAY, lambda m, _text: _read_bare_day(m)),
)


def scan(text: str) -> list[Raw]:
    """All date expressions in ``text``: sorted, non-overlapping, longest first on conflicts."""
    found: list[Raw] = []
    for pattern, read in _SCANNERS:
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            raw = read(m, text)
            if raw is not None and raw.end > raw.start:
                found.append(raw)
    return _longest_non_overlapping(found)


def _longest_non_overlapping(found: list[Raw]) -> list[Raw]:
    # Greedy by length (ties: earlier first); ``taken`` marks claimed characters. The total
    # work is bounded by the covered characters, which is at most the text length.
    found.sort(key=lambda r: (r.start - r.end, r.start))
    taken: set[int] = set()
    kept: list[Raw] = []
    for raw in found:
        if raw.start in taken or (raw.end - 1) in taken:
            continue
        if any(i in taken for i in range(raw.start, raw.end)):
            continue
        taken.update(range(raw.start, raw.end))
        kept.append(raw)
    kept.sort(key=lambda r: r.start)
    return kept
