"""Money and quantity normalization: ``parse_quantity`` and ``find_quantities``.

Pure code (no spaCy). Values are computed in ``Decimal`` and converted to float only when
the :class:`~seedie.types.Quantity` is built, so ``16.4亿元`` is exactly 1640000000.0.
Qualifiers become bounds as api-contract.md says (超过 -> low, 近 -> high, 500多亿 ->
5e10..6e10, 数十亿 -> 1e9..1e10, 80至100亿元 -> 8e9..1e10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..errors import type_error
from ..text.script import simplified_view
from ..types import Quantity
from .bare import bare_numeral, readers_of
from .grammar import Part, Reject, parse_part
from .numerals import normalize_width
from .ranges import _range_after
from .spacing import GAP_CHARS, GAP_CLASS, char_before, gap_after, gap_before
from .units import UnitInfo, UnitTable, unit_table

__all__ = ["find_quantities", "parse_quantity"]

_MAX_EXPR = 200  # parse_quantity: longer input cannot be one quantity expression
_TEN = Decimal(10)
_CAND_RE = re.compile(
    r"[0-9零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖几十拾百佰千仟万萬亿億]"
)
_BOUNDS_LOW = frozenset(("over", "at_least"))
_BOUNDS_HIGH = frozenset(("nearly", "under", "at_most"))
# parse_quantity only: spaces inside an expression (人民币 8千元) unless between digits
_INNER_SPACE_RE = re.compile(r"(?<![0-9])\s+|\s+(?![0-9])")
_GAP_RE = re.compile(GAP_CLASS)


def _type_error(func: str, obj: object) -> TypeError:
    return type_error(func, obj, "expr" if func == "parse_quantity" else "text")


@dataclass(slots=True)
class _Parsed:
    end: int
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    qualifier: str
    unit: str
    kind: str
    per: str | None


def _prefixes(s: str, pos: int, t: UnitTable) -> tuple[int, dict[str, str]]:
    """Read 超过 / 每天 / 人民币 / $ / 零下 / 上 / 数 before the number."""
    found: dict[str, str] = {}
    n = len(s)
    start = pos
    for _ in range(4):
        if pos >= n:
            break
        m = t.prefix_re.match(s, pos) if s[pos] in t.prefix_first_chars else None
        if m is not None:
            slot, val = t.prefix_words[m.group()]
            if slot in found:
                break
            found[slot] = val
            pos = m.end()
            if slot == "qual" and pos < n and s[pos] in t.qualifier_filler_chars:  # 超过了
                pos += 1
            if pos < n and s[pos] in GAP_CHARS:
                pos = _gap_after_prefix(s, pos, t)
            continue
        m = t.per_word_re.match(s, pos) if s[pos] in t.per_first_chars else None
        if m is not None and "per" not in found:
            found["per"] = t.per_code(m.group(1))
            pos = m.end()
            # 每天有超过…: "there are" between the rate and the amount (not 有些, 有的)
            if pos + 1 < n and s[pos] in t.rate_filler_chars and s[pos + 1] not in "些的":
                pos += 1
            if pos < n and s[pos] in GAP_CHARS:
                pos = _gap_after_prefix(s, pos, t)
            continue
        ch = s[pos]
        if (
            ch in t.magnitude_prefixes
            and "mag" not in found
            and pos + 1 < n
            and s[pos + 1] in "十百千万亿"
        ):
            found["mag"] = t.magnitude_prefixes[ch]  # 上万: at_least, 数十亿: times_ten
            pos += 1
            continue
        if ch in "-+" and pos == start and pos + 1 < n and s[pos + 1].isdigit():
            if ch == "-":
                found["neg"] = ""
            pos += 1
            continue
        break
    return pos, found


def _gap_after_prefix(s: str, pos: int, t: UnitTable) -> int:
    """超 2000, 每天 超过 500 万枚, 人民币 5000 万元: past the gap at ``s[pos]`` before an Arabic
    number or another prefix word (a gap never parts a prefix from a Chinese numeral: 近 千人)."""
    k = gap_after(s, pos)
    if k == pos or k >= len(s):
        return pos
    if "0" <= s[k] <= "9" or t.prefix_re.match(s, k) or t.per_word_re.match(s, k):
        return k
    return pos


def _parse_at(
    s: str, i: int, prev: str, allow_range: bool, strict: bool, run: re.Match[str] | None = None
) -> _Parsed | Reject | None:
    """The quantity at ``s[i]``; ``run`` is ``num_re.match(s, i)`` when the caller has it."""
    t = unit_table()
    pos, pre = _prefixes(s, i, t) if s[i] in readers_of(t)[0] else (i, {})  # none starts at i
    qual_pre = pre.get("qual")
    if qual_pre == "exact":  # 共, 合计: a marker, not a bound
        qual_pre = None
    qualified = bool(qual_pre) or "mag" in pre
    if pos > i:
        prev = s[pos - 1]
        if prev in GAP_CHARS:
            prev = char_before(s, pos)
    part = parse_part(s, pos, prev, t, qualified, run if pos == i else None)
    if part is None or isinstance(part, Reject):
        return part
    found = _range_after(s, part, t, qualified, allow_range and "mag" not in pre)
    if isinstance(found, Reject):
        return found
    rng, unit, end = found
    m = t.qualifier_suffix_re.match(s, end)
    if m is None and (
        part.gap if end == part.end else part.spaced and end < len(s) and s[end] in GAP_CHARS
    ):
        k = gap_after(s, end)  # 90% 以上, 3000 人 左右
        m = t.qualifier_suffix_re.match(s, k) if k > end else None
    qual_suf = None
    if m is not None:
        qual_suf = t.qualifier_suffixes[m.group()]
        end = m.end()

    cur = pre.get("cur")
    if cur is not None:
        if unit is None:
            unit = UnitInfo(cur, cur, "money")
        elif unit.kind != "money":
            return None
        elif unit.surface in t.generic_money and unit.unit == "CNY":
            unit = UnitInfo(unit.surface, cur, "money", unit.factor)  # 港币两千元 is HKD
    if "temp" in pre:
        if unit is None or unit.surface not in t.temperature_units:
            return None
        unit = t.units["℃"]
    factor = unit.factor if unit is not None else Decimal(1)
    if unit is None:
        if part.approx == "pair" and not part.numeral.endswith(("十", "百", "千", "万", "亿")):
            return None  # 十四五 is a plan, not 14..15
        if part.arabic and part.numeral.isdigit() and len(part.numeral) >= 9:
            return Reject(end)  # phone / ID numbers
    if strict and not (qual_pre or qual_suf or "mag" in pre or cur or "per" in pre):
        if not part.has_digit:
            return None  # 千家万户, 百年: bare magnitudes are idioms
        if not part.arabic and (unit is None or part.numeral == "一" or part.low == 0):
            return None  # 一些, 一次, 三心二意, 零部件: Chinese numerals need a unit
    if part.numeral == "一" and s[pos : part.end] in t.lexicalized_one and not qual_pre:
        return None
    if "mag" in pre and (part.has_digit or part.approx != "exact"):
        return None

    qual, value, low, high = _qualified_value(part, factor, rng, pre.get("mag"), qual_pre, qual_suf)
    if "neg" in pre:
        value = -value
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        if unit is not None and unit.surface == "度":
            unit = t.units["℃"]
    per = pre.get("per") or part.per
    return _Parsed(
        end, value, low, high, qual, unit.unit if unit else "", unit.kind if unit else "count", per
    )


def _qualified_value(
    part: Part,
    factor: Decimal,
    rng: tuple[Decimal, Decimal] | None,
    mag: str | None,
    qual_pre: str | None,
    qual_suf: str | None,
) -> tuple[str, Decimal, Decimal | None, Decimal | None]:
    """(qualifier, value, low, high) from the numeral's reading and the words around it.

    ``mag`` is the reading of a magnitude prefix (数十万: times_ten, 上万: at_least);
    ``qual_pre``/``qual_suf`` are the qualifiers before (近, 超过) and after (左右, 以上) the
    number.
    """
    value = part.low * factor
    low = high = None
    qual = "exact"
    if rng is not None:
        qual, value, low, high = "range", rng[0], rng[0], rng[1]
    elif mag == "times_ten" or part.approx == "magnitude":
        hi = value * _TEN if mag == "times_ten" else (part.high or value) * factor
        qual, low, high = "range", value, hi
    elif part.approx == "pair":
        qual, low, high = "range", value, (part.high or value) * factor
    elif mag == "at_least":
        qual, low = "at_least", value
    elif part.approx in ("few", "over"):
        qual = qual_pre if qual_pre in _BOUNDS_HIGH else "over"
        if qual == "over":
            low, high = value, (part.high or value) * factor
        else:
            high = value
    else:
        qual = (
            qual_pre
            if qual_pre and not (qual_pre == "about" and qual_suf)
            else (qual_suf or "exact")
        )
        if qual in _BOUNDS_LOW:
            low = value
        elif qual in _BOUNDS_HIGH:
            high = value
    return qual, value, low, high


def _to_quantity(p: _Parsed, text: str, start: int | None, end: int | None) -> Quantity:
    return Quantity(
        text=text,
        value=float(p.value),
        unit=p.unit,
        kind=p.kind,
        low=None if p.low is None else float(p.low),
        high=None if p.high is None else float(p.high),
        qualifier=p.qualifier,
        per=p.per,
        start=start,
        end=end,
    )


def parse_quantity(expr: str) -> Quantity | None:
    """Parse one whole quantity expression; None when ``expr`` is not exactly one quantity.

    Args:
        expr: the expression, e.g. ``"超过500万枚"``; surrounding whitespace is ignored.

    Returns:
        A :class:`~seedie.types.Quantity` with ``start``/``end`` None, or None.

    Raises:
        TypeError: ``expr`` is not a ``str`` (bytes must be decoded first).

    Example:
        >>> q = parse_quantity("500多亿元")
        >>> (q.value, q.unit, q.qualifier, q.low, q.high)
        (50000000000.0, 'CNY', 'over', 50000000000.0, 60000000000.0)
    """
    if not isinstance(expr, str):
        raise _type_error("parse_quantity", expr)
    raw = expr.strip()
    if not raw or len(raw) > _MAX_EXPR:
        return None
    # A whole expression may use spaces and full-width thousands commas (８２，２２５元);
    # running text may not, so find_quantities leaves both alone.
    s = _INNER_SPACE_RE.sub("", normalize_width(simplified_view(raw))).replace("，", ",")
    start = 1 if len(s) > 1 and s[0] in unit_table().range_opener_chars else 0  # 从8500到3万
    try:
        p = _parse_at(s, start, "", True, False)
    except (ArithmeticError, ValueError, IndexError):  # defensive: never raise on text
        return None
    if p is None or isinstance(p, Reject) or p.end != len(s):
        return None
    return _to_quantity(p, raw, None, None)


def _blocked(s: str, c: int, t: UnitTable) -> bool:
    """The number at ``s[c]`` is part of a word or code: 第一, 周三, G20, COVID-19, 2025-04-15."""
    if c == 0:
        return False
    before = s[c - 1]
    if s[c].isdigit():
        if before in t.arabic_word_prev_chars or (before.isascii() and before.isalpha()):
            return True
        if before in "-/.:_#" and c >= 2 and s[c - 2].isascii() and s[c - 2].isalnum():
            return True
        # Terminal colour codes left in scraped text: "\x1b[0m", "\x1b[1;31m".
        if before in "[;" and "\x1b" in s[max(0, c - 8) : c]:
            return True
        return False
    return before in t.numeral_word_prev_chars  # 第一, 周三, 初五, 统一, 星期六


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in running text, with character offsets (``text[q.start:q.end] == q.text``).

    Matches are sorted, non-overlapping and as long as possible. Dates (2025年, 6月16日),
    times, ordinals (第一), codes (5G) and numeral idioms (一带一路, 十四五) are skipped.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> [q.text for q in find_quantities("项目总投资超过80亿元，年产30万吨")]
        ['超过80亿元', '年产30万吨']
    """
    if not isinstance(text, str):
        raise _type_error("find_quantities", text)
    s = normalize_width(simplified_view(text))  # 200多億元 reads as 200多亿元
    t = unit_table()
    out: list[Quantity] = []
    pos, n = 0, len(s)
    has_gap = _GAP_RE.search(s) is not None  # most texts have none: skip the look-backs
    readers = readers_of(t)
    while pos < n:
        m = _CAND_RE.search(s, pos)
        if m is None:
            break
        c = m.start()
        run = t.num_re.match(s, c)
        skip = run.end() if run is not None else c + 1
        # 超 2000 亿元: a prefix may stand before a gap in front of an Arabic number
        c0 = c
        if has_gap and c > 0 and s[c - 1] in GAP_CHARS and "0" <= s[c] <= "9":
            if char_before(s, c) in t.arabic_word_prev_chars:  # 第 3 名
                pos = skip
                continue
            c0 = max(pos, gap_before(s, c))
        elif _blocked(s, c, t):
            pos = skip
            continue
        starts = [c]
        # The look-back ends at c0 ($, or before a final newline): s[c0 - 1] must end a word.
        before = s[c0 - 1] if c0 > pos else ""
        lb = None
        if before in t.lookback_last_chars or before == "\n":
            lb = t.lookback_re.search(s, max(pos, c0 - 12), c0)
        if lb is not None:
            st = lb.start()
            if s[st] == "近" and st > 0 and s[st - 1] in "最附":
                st += 1  # 最近3天 is "recent", not "nearly"
            if st < c:
                starts.insert(0, st)
        found: _Parsed | None = None
        at = c
        for st in starts:
            if st == c and bare_numeral(s, c, run, *readers):
                break  # _parse_at would return None
            prev = s[st - 1] if st > 0 else ""
            if has_gap and prev in GAP_CHARS:
                prev = char_before(s, st)
            allow_range = prev not in t.range_opener_chars
            try:
                r = _parse_at(s, st, prev, allow_range, True, run if st == c else None)
            except (ArithmeticError, ValueError, IndexError):
                r = None
            if isinstance(r, Reject):
                skip = max(skip, r.end)
                break
            if r is not None:
                found, at = r, st
                break
        if found is None:
            pos = skip
            continue
        q = _to_quantity(found, text[at : found.end], at, found.end)
        if not (q.kind == "count" and not q.unit and _in_latin_words(s, at, found.end)):
            if not _session_number(s, at, found.end, q.unit, t):
                out.append(q)
        pos = found.end
    return out


_LATIN_WORD = re.compile(r"[A-Za-z]")


def _session_number(s: str, start: int, end: int, unit: str, t: UnitTable) -> bool:
    """``十三届八次全会``, ``二十届三中全会``: the term and session of a congress or plenum are
    ordinals, though 届 and 次 are classifiers: N届 right before another numeral, and the
    N次 right after such a 届."""
    if unit == "届":
        return t.num_re.match(s, end) is not None
    return unit == "次" and start > 0 and s[start - 1] == "届"


def _in_latin_words(s: str, start: int, end: int) -> bool:
    """A bare number beside a Latin word (``June 16``, ``3 million``, ``iPhone 16``) is part
    of that phrase, not a count: seedie's units and classifiers are Chinese."""
    i, j = start - 1, end
    while i >= 0 and s[i] == " ":
        i -= 1
    while j < len(s) and s[j] == " ":
        j += 1
    return bool((i >= 0 and _LATIN_WORD.match(s[i])) or (j < len(s) and _LATIN_WORD.match(s[j])))
