"""Score ``seedie.extract`` against gold annotations: ``seedie.evaluate(gold_dir, articles_dir)``.

A gold file ``NAME.json`` (format: docs/evaluation.md) describes one article ``NAME.txt``: its
visits, organizations and quantitative claims. Each article is extracted once with the gold's
``reference_date`` and compared field by field; counts add up into micro-averaged P/R/F1.

Pure code (no spaCy import here): the pipeline is loaded only when ``evaluate`` needs one.
The matching rules are part of the gold format, so their tables (legal and place suffixes,
unit spellings) are fixed here rather than read from the genre's growing data files: a new
version of seedie must score old gold the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import Errors, Warnings, warn
from .types import Extraction, _DictMixin

logger = logging.getLogger("seedie")

FIELDS = ("companies", "visits", "claims")

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
_MONTH_DAY = re.compile(r"--(\d\d)-(\d\d)")  # a visit day whose year the article does not give


# ----------------------------------------------------------------------------- report types
@dataclass(frozen=True, slots=True, kw_only=True)
class FieldScore(_DictMixin):
    """Counts for one field; ``dup`` predictions repeat an item already matched (not FPs)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            dup=self.dup + other.dup,
        )

    def to_dict(self) -> dict[str, Any]:
        counts = _DictMixin.to_dict(self)
        return {**counts, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding(_DictMixin):
    """A required gold item nothing matched (``miss``) or an unmatched prediction (``fp``)."""

    field: str
    kind: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleScore(_DictMixin):
    """The scores of one article; ``error`` is set when ``extract`` failed on it."""

    name: str
    text_path: str
    reference_date: dt.date | None
    companies: FieldScore
    visits: FieldScore
    claims: FieldScore
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped(_DictMixin):
    """A gold file or article that could not be scored, with the coded reason."""

    name: str
    path: str
    code: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationReport(_DictMixin):
    """Per-article scores, skips, and the micro-averaged totals per field."""

    articles: list[ArticleScore]
    skipped: list[Skipped] = field(default_factory=list)
    script_folding: bool = True

    def overall(self, name: str) -> FieldScore:
        """Counts of field ``name`` ("companies", "visits" or "claims") summed over articles."""
        total = FieldScore()
        for article in self.articles:
            total = total + getattr(article, name)
        return total

    @property
    def companies(self) -> FieldScore:
        return self.overall("companies")

    @property
    def visits(self) -> FieldScore:
        return self.overall("visits")

    @property
    def claims(self) -> FieldScore:
        return self.overall("claims")

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": {f: self.overall(f).to_dict() for f in FIELDS},
            "articles": [a.to_dict() for a in self.articles],
            "skipped": [s.to_dict() for s in self.skipped],
            "script_folding": self.script_folding,
        }

    def to_text(self, *, verbose: bool = False) -> str:
        """The table the CLI prints; ``verbose`` adds each article's findings under it."""
        lines = [f"{'article':24s} " + " ".join(f"{f:32s}" for f in FIELDS).rstrip()]
        for a in self.articles:
            cells = " ".join(f"{_cell(getattr(a, f)):32s}" for f in FIELDS).rstrip()
            lines.append(f"{a.name:24s} {cells}" + (" EXTRACT-ERROR" if a.error else ""))
            if verbose:
                lines.extend(f"    {x.kind:4s} {x.field:9s} {x.description}" for x in a.findings)
        lines.extend(f"{s.name:24s} skipped {s.message}" for s in self.skipped)
        lines.append("-" * 100)
        for f in FIELDS:
            score = self.overall(f)
            lines.append(f"overall {f:10s} {_cell(score)}  dup={score.dup}")
        lines.append("evaluation: " + " ".join(f"{f} F1={self.overall(f).f1:.3f}" for f in FIELDS))
        return "\n".join(lines)


def _cell(score: FieldScore) -> str:
    if not (score.tp or score.fp or score.fn):
        return "n/a (nothing required, nothing spurious)"
    return (
        f"P={score.precision:.2f} R={score.recall:.2f} F1={score.f1:.2f} "
        f"({score.tp}/{score.fp}/{score.fn})"
    )


# ----------------------------------------------------------------------------- normalization
@lru_cache(maxsize=1)
def _to_simplified() -> Callable[[str], str] | None:
    try:
        import opencc  # noqa: PLC0415
    except ImportError:
        return None
    return opencc.OpenCC("t2s").convert  # type: ignore[no-any-return]


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


def _iso_date(value: object) -> dt.date | None:
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
        month_day = _MONTH_DAY.fullmatch(gold_date)
        if month_day:
            return got is None or (got.month, got.day) == tuple(map(int, month_day.groups()))
        return got == _iso_date(gold_date)
    if date_range:
        low, high = _iso_date(date_range[0]), _iso_date(date_range[1])
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


# ----------------------------------------------------------------------------- files
def _skip(name: str, path: Path, code: str, message: str) -> Skipped:
    logger.warning(message)
    return Skipped(name=name, path=str(path), code=code, message=message)


_REQUIRED = {"companies": "name", "visits": "host", "claims": "subject"}
_NAME_LISTS = {"companies": "aliases", "visits": "host_aliases", "claims": "subject_aliases"}


def _is_iso(value: object) -> bool:
    return isinstance(value, str) and _iso_date(value) is not None


def _item_problem(key: str, item: dict[str, Any]) -> str | None:
    """What makes one gold item unusable, or None."""
    name = item.get(_REQUIRED[key])
    if not isinstance(name, str) or not name.strip():
        return f"{_REQUIRED[key]!r} must be a non-empty string"
    for list_key in (_NAME_LISTS[key], "unit_alt"):
        names = item.get(list_key)
        if names is not None and not (
            isinstance(names, list) and all(isinstance(x, str) for x in names)
        ):
            return f"{list_key!r} must be a list of strings"
    if key == "visits":
        date, span = item.get("date"), item.get("date_range")
        if date is not None and not (_is_iso(date) or _MONTH_DAY.fullmatch(str(date))):
            return f"'date' must be YYYY-MM-DD, --MM-DD or null; got {date!r}"
        if span is not None and not (
            isinstance(span, list) and len(span) == 2 and all(_is_iso(d) for d in span)
        ):
            return "'date_range' must be [first_day, last_day] as ISO dates"
    if key == "claims":
        value = item.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"'value' must be a number; got {value!r}"
        if not isinstance(item.get("unit"), str):
            return "'unit' must be a string (\"\" for a bare number)"
    return None


def _read_gold(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed gold file, or None and why it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    if not isinstance(data, dict):
        return None, f"expected a JSON object, got {type(data).__name__}"
    reference = data.get("reference_date")
    if reference is not None and not _is_iso(reference):
        return None, f"'reference_date' must be an ISO date or null; got {reference!r}"
    for key in FIELDS:
        items = data.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            return None, f"{key!r} must be a list of objects"
        for i, item in enumerate(items):
            problem = _item_problem(key, item) if isinstance(item, dict) else "not an object"
            if problem:
                return None, f"{key}[{i}]: {problem}"
    return data, None


def check_folders(gold_dir: str | Path, articles_dir: str | Path) -> None:
    """Raise ValueError [E040] unless both folders exist."""
    for what, folder in (("gold_dir", gold_dir), ("articles_dir", articles_dir)):
        if not Path(folder).is_dir():
            raise ValueError(Errors.E040.format(what=what, path=str(folder)))


def evaluate(
    gold_dir: str | Path,
    articles_dir: str | Path,
    *,
    nlp: Any = None,
    verbose: bool = False,
    texts: Mapping[str, str | Path] | None = None,
    only: Collection[str] | None = None,
) -> EvaluationReport:
    """Extract every article that has a gold file and score it (format: docs/evaluation.md).

    Args:
        gold_dir: folder of gold files ``NAME.json``.
        articles_dir: folder of the articles ``NAME.txt`` (UTF-8) the gold files describe.
        nlp: the pipeline to extract with (default: the one ``seedie.extract`` uses).
        verbose: keep each article's misses and false positives in ``ArticleScore.findings``.
        texts: NAME -> text path for gold files whose article lies elsewhere.
        only: score just these gold names.

    Returns:
        An :class:`EvaluationReport`. A gold file without its article, an article without a
        gold file, or a file that cannot be read is listed in ``skipped`` with its code.

    Raises:
        ValueError: ``gold_dir`` or ``articles_dir`` is not a directory ([E040]).

    Example:
        >>> report = seedie.evaluate("my_gold", "my_articles")  # doctest: +SKIP
        >>> round(report.claims.f1, 3)  # doctest: +SKIP
        0.615
    """
    from .api import extract  # noqa: PLC0415  (spaCy loads only when scoring)

    check_folders(gold_dir, articles_dir)
    gold_root, text_root = Path(gold_dir), Path(articles_dir)
    mapped = {name: Path(p) for name, p in (texts or {}).items()}
    gold_paths = {p.stem: p for p in sorted(gold_root.glob("*.json"))}
    folding = script_folding_available()
    if not folding:
        warn(Warnings.W044)
    skipped: list[Skipped] = []
    names = sorted(gold_paths)
    if only is not None:
        wanted = set(only)
        names = [n for n in names if n in wanted]
        for n in sorted(wanted - set(gold_paths)):
            msg = Warnings.W043.format(name=n, folder=str(gold_root))
            skipped.append(_skip(n, gold_root / f"{n}.json", "W043", msg))
    else:
        paired = {p.resolve() for p in mapped.values()}
        skipped += [
            _skip(p.stem, p, "W041", Warnings.W041.format(path=str(p), gold=str(gold_root)))
            for p in sorted(text_root.glob("*.txt"))
            if p.stem not in gold_paths and p.resolve() not in paired
        ]
    articles: list[ArticleScore] = []
    for name in names:
        text_path = mapped.get(name, text_root / f"{name}.txt")
        gold, problem = _read_gold(gold_paths[name])
        if gold is None:
            msg = Warnings.W042.format(path=str(gold_paths[name]), problem=problem)
            skipped.append(_skip(name, gold_paths[name], "W042", msg))
            continue
        if not text_path.is_file():
            msg = Warnings.W040.format(name=name, path=str(text_path))
            skipped.append(_skip(name, text_path, "W040", msg))
            continue
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            msg = Warnings.W042.format(path=str(text_path), problem=f"{type(exc).__name__}: {exc}")
            skipped.append(_skip(name, text_path, "W042", msg))
            continue
        reference = _iso_date(gold.get("reference_date"))
        error = None
        try:
            result = extract(text, reference_date=reference, nlp=nlp)
        except Exception as exc:  # noqa: BLE001  (scored as an empty result, and logged)
            logger.exception(Warnings.W045.format(path=str(text_path)))
            error = f"{type(exc).__name__}: {exc}"
            result = Extraction(text_length=len(text), base="unknown")
        scores, findings = score_extraction(gold, result)
        articles.append(
            ArticleScore(
                name=name,
                text_path=str(text_path),
                reference_date=reference,
                findings=findings if verbose else [],
                error=error,
                **scores,
            )
        )
    return EvaluationReport(articles=articles, skipped=skipped, script_folding=folding)
