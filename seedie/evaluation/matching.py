"""The matching rules of the gold format: name folding, suffixes, units, dates, one-to-one pairing.

The rules are part of the gold format, so their tables (legal and place suffixes, unit
spellings) are fixed here rather than read from the genre's growing data files: a new version
of seedie must score old gold the same way.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..types import Extraction
from .report import FIELDS, FieldScore, Finding

logger = logging.getLogger("seedie")


# Longest first: a name loses one legal suffix at a time, keeping at least two characters.
LEGAL_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "集团", "公司",
)  # fmt: skip
PLACE_SUFFIXES = (
    "维吾尔自治区", "回族自治区", "壮族自治区", "特别行政区",
    "自治区", "自治州", "省", "市", "县", "区",
)  # fmt: skip
# Quotes, brackets and separators that do not make two names different (after NFKC).
_IGNORED_CHARS = frozenset("“”‘’\"'《》〈〉「」『』【】()[]·•")
# Spellings of a unit that gold or older outputs may use -> the contract's code.
UNIT_SPELLINGS = {
    "元": "CNY", "人民币": "CNY", "rmb": "CNY", "cny": "CNY", "美元": "USD", "usd": "USD",
    "欧元": "EUR", "eur": "EUR", "港元": "HKD", "港币": "HKD", "hkd": "HKD", "jpy": "JPY",
    "gbp": "GBP", "percent": "%", "％": "%", "吨": "t", "千克": "kg", "公斤": "kg", "克": "g",
    "斤": "jin", "千瓦": "kW", "kw": "kW", "兆瓦": "MW", "mw": "MW", "吉瓦": "GW", "gw": "GW",
    "千瓦时": "kWh", "kwh": "kWh", "度": "kWh", "亩": "mu", "平方米": "m2", "m2": "m2",
    "平方公里": "km2", "km2": "km2", "公顷": "ha", "米": "m", "公里": "km", "千米": "km",
    "立方米": "m3", "m3": "m3", "升": "L", "l": "L", "℃": "°C", "°c": "°C", "摄氏度": "°C",
    "年": "year", "天": "day", "日": "day", "小时": "h", "分钟": "min", "名": "人", "位": "人",
    "none": "",
}  # fmt: skip
REL_TOLERANCE = 1e-3
MONTH_DAY = re.compile(r"--(\d\d)-(\d\d)")  # a visit day whose year the article does not give


@lru_cache(maxsize=1)
def _to_simplified() -> Callable[[str], str] | None:
    try:
        import opencc  # noqa: PLC0415
    except ImportError:
        return None
    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def script_folding_available() -> bool:
    """True when opencc is installed, so 比亞迪 and 比亚迪 compare equal."""
    return _to_simplified() is not None


def fold(text: object) -> str:
    """The comparison form of a name: NFKC, no quotes/brackets/spaces, simplified, lower case.

    >>> fold("「云岭」 ＡＢ新能源")
    '云岭ab新能源'
    """
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = "".join(ch for ch in s if ch not in _IGNORED_CHARS and not ch.isspace())
    convert = _to_simplified()
    return (convert(s) if convert else s).lower()


def strip_suffixes(name: str, suffixes: Sequence[str]) -> str:
    """Drop trailing suffixes (longest first) while at least two characters remain.

    >>> strip_suffixes("云岭电子集团有限公司", LEGAL_SUFFIXES)
    '云岭电子'
    """
    while True:
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name = name[: -len(suffix)]
                break
        else:
            return name


def name_keys(forms: Iterable[object], *, places: bool = False) -> frozenset[str]:
    """Every comparison key of the forms: folded, without legal suffixes, (places) without 省/市."""
    out: set[str] = set()
    for form in forms:
        key = fold(form)
        if key:
            out.update((key, strip_suffixes(key, LEGAL_SUFFIXES)))
            if places:
                out.add(strip_suffixes(key, PLACE_SUFFIXES))
    return frozenset(out)


def canonical_unit(unit: object) -> str:
    """The contract's unit code for a spelling: 元 -> CNY, 公斤 -> kg; unknown units unchanged."""
    if unit is None:
        return ""
    s = unicodedata.normalize("NFKC", str(unit)).strip()
    convert = _to_simplified()
    s = convert(s) if convert else s
    return UNIT_SPELLINGS.get(s.lower(), s)


def _close(a: object, b: object) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= max(1e-9, REL_TOLERANCE * max(abs(x), abs(y)))


def iso_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_accepts(
    gold_date: str | None, date_range: Sequence[str] | None, got: dt.date | None
) -> bool:
    """Whether a predicted visit date fits the gold: ISO equal, ``--MM-DD``, range, or unknown.

    >>> date_accepts("--06-17", None, dt.date(2031, 6, 17)), date_accepts("--06-17", None, None)
    (True, True)
    """
    if gold_date:
        month_day = MONTH_DAY.fullmatch(gold_date)
        if month_day:
            return got is None or (got.month, got.day) == tuple(map(int, month_day.groups()))
        return got == iso_date(gold_date)
    if date_range:
        low, high = iso_date(date_range[0]), iso_date(date_range[1])
        return got is None or (low is not None and high is not None and low <= got <= high)
    return True


# ----------------------------------------------------------------------------- items
@dataclass(frozen=True, slots=True, kw_only=True)
class _Item:
    """One gold or predicted item reduced to what the matching rules compare."""

    keys: frozenset[str]
    label: str
    optional: bool = False
    date: dt.date | None = None  # predicted visits
    gold_date: str | None = None  # gold visits
    date_range: Sequence[str] | None = None
    value: object = None  # claims
    units: frozenset[str] = frozenset()


def _widen(keys: frozenset[str], companies: Sequence[_Item]) -> frozenset[str]:
    """Add the forms of every organization sharing a key with ``keys`` (one step)."""
    extra = [c.keys for c in companies if keys & c.keys]
    return keys.union(*extra) if extra else keys


def _forms(name: object, aliases: object) -> list[object]:
    return [name, *(aliases if isinstance(aliases, list) else [])]


def _gold_items(gold: Mapping[str, Any]) -> dict[str, list[_Item]]:
    comps = [
        _Item(
            keys=name_keys(_forms(c.get("name"), c.get("aliases"))),
            label=str(c.get("name")),
            optional=bool(c.get("optional")),
        )
        for c in gold.get("companies") or []
    ]
    visits = [
        _Item(
            keys=_widen(name_keys(_forms(v.get("host"), v.get("host_aliases"))), comps),
            label=f"{v.get('host')} date={v.get('date')}",
            optional=bool(v.get("optional")),
            gold_date=v.get("date"),
            date_range=v.get("date_range"),
        )
        for v in gold.get("visits") or []
    ]
    claims = []
    for c in gold.get("claims") or []:
        subject_keys = name_keys(_forms(c.get("subject"), c.get("subject_aliases")), places=True)
        units = [c.get("unit"), *(c.get("unit_alt") or [])]
        claims.append(
            _Item(
                keys=_widen(subject_keys, comps),
                label=f"{c.get('subject')} {c.get('metric')} {c.get('expr')} "
                f"({c.get('value')} {c.get('unit')})",
                optional=bool(c.get("optional")),
                value=c.get("value"),
                units=frozenset(canonical_unit(u) for u in units),
            )
        )
    return {"companies": comps, "visits": visits, "claims": claims}


def _predicted_items(result: Extraction) -> dict[str, list[_Item]]:
    comps = [_Item(keys=name_keys([c.name, *c.aliases]), label=c.name) for c in result.companies]
    visits = [
        _Item(keys=_widen(name_keys([v.host]), comps), label=f"{v.host} date={v.date}", date=v.date)
        for v in result.visits
    ]
    claims = [
        _Item(
            keys=_widen(name_keys([c.subject], places=True), comps),
            label=f"{c.subject} {c.quantity.value} {c.quantity.unit} [{c.quantity.text}]",
            value=c.quantity.value,
            units=frozenset([canonical_unit(c.quantity.unit)]),
        )
        for c in result.claims
    ]
    return {"companies": comps, "visits": visits, "claims": claims}


def _company_ok(g: _Item, p: _Item) -> bool:
    return bool(g.keys & p.keys)


def _visit_ok(g: _Item, p: _Item) -> bool:
    return bool(g.keys & p.keys) and date_accepts(g.gold_date, g.date_range, p.date)


def _claim_ok(g: _Item, p: _Item) -> bool:
    return bool(p.units & g.units) and _close(g.value, p.value) and bool(g.keys & p.keys)


RULES: dict[str, Callable[[_Item, _Item], bool]] = {
    "companies": _company_ok,
    "visits": _visit_ok,
    "claims": _claim_ok,
}


def _tally(
    name: str, gold: Sequence[_Item], preds: Sequence[_Item], ok: Callable[[_Item, _Item], bool]
) -> tuple[FieldScore, list[Finding]]:
    """One-to-one greedy matching, required gold first, each taking the first free prediction."""
    taken: set[int] = set()
    matched: set[int] = set()
    for gi in sorted(range(len(gold)), key=lambda i: gold[i].optional):
        pi = next((j for j, p in enumerate(preds) if j not in taken and ok(gold[gi], p)), None)
        if pi is not None:
            taken.add(pi)
            matched.add(gi)
    misses = [g for i, g in enumerate(gold) if not g.optional and i not in matched]
    free = [p for j, p in enumerate(preds) if j not in taken]
    # A free prediction that matches some gold item repeats one already taken: a duplicate.
    false_pos = [p for p in free if not any(ok(g, p) for g in gold)]
    score = FieldScore(
        tp=sum(1 for i in matched if not gold[i].optional),
        fp=len(false_pos),
        fn=len(misses),
        dup=len(free) - len(false_pos),
    )
    findings = [Finding(field=name, kind="miss", description=g.label) for g in misses]
    findings += [Finding(field=name, kind="fp", description=p.label) for p in false_pos]
    return score, findings


def subject_judge(
    gold: Mapping[str, Any], result: Extraction
) -> Callable[[object, object, str], bool | None]:
    """A judge of claim subjects under ``gold``, for training a subject chooser.

    ``judge(value, unit, name)`` says whether ``name`` is an acceptable subject of a claim of
    that figure (matched as ``score_extraction`` matches claims, with the names of
    ``result``'s organizations), or None when no gold claim has the figure.
    """
    golds = _gold_items(gold)["claims"]
    companies = _predicted_items(result)["companies"]

    def judge(value: object, unit: object, name: str) -> bool | None:
        code = canonical_unit(unit)
        fitting = [g for g in golds if code in g.units and _close(g.value, value)]
        if not fitting:
            return None
        keys = _widen(name_keys([name], places=True), companies)
        return any(g.keys & keys for g in fitting)

    return judge


def score_extraction(
    gold: Mapping[str, Any], result: Extraction
) -> tuple[dict[str, FieldScore], list[Finding]]:
    """Score one extraction against one gold record (the parsed JSON of a gold file).

    Returns the counts per field and the findings (misses, then false positives, per field).
    """
    golds, preds = _gold_items(gold), _predicted_items(result)
    scores: dict[str, FieldScore] = {}
    findings: list[Finding] = []
    for name in FIELDS:
        scores[name], found = _tally(name, golds[name], preds[name], RULES[name])
        findings += found
    return scores, findings
