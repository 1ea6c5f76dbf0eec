"""Reading gold folders and running an evaluation: ``seedie.evaluate(gold_dir, articles_dir)``."""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from ..errors import Errors, Warnings, warn
from ..types import Extraction
from .matching import MONTH_DAY, iso_date, score_extraction, script_folding_available
from .report import FIELDS, ArticleScore, EvaluationReport, Skipped

logger = logging.getLogger("seedie")


def _skip(name: str, path: Path, code: str, message: str) -> Skipped:
    logger.warning(message)
    return Skipped(name=name, path=str(path), code=code, message=message)


_REQUIRED = {"companies": "name", "visits": "host", "claims": "subject"}
_NAME_LISTS = {"companies": "aliases", "visits": "host_aliases", "claims": "subject_aliases"}


def _is_iso(value: object) -> bool:
    return isinstance(value, str) and iso_date(value) is not None


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
        if date is not None and not (_is_iso(date) or MONTH_DAY.fullmatch(str(date))):
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
    check_folders(gold_dir, articles_dir)
    gold_root, text_root = Path(gold_dir), Path(articles_dir)
    mapped = {name: Path(p) for name, p in (texts or {}).items()}
    gold_paths = {p.stem: p for p in sorted(gold_root.glob("*.json"))}
    folding = script_folding_available()
    if not folding:
        warn(Warnings.W044)
    skipped: list[Skipped] = []
    names = _selected_names(gold_paths, gold_root, text_root, mapped, only, skipped)
    articles: list[ArticleScore] = []
    for name in names:
        text_path = mapped.get(name, text_root / f"{name}.txt")
        article = _score_article(name, gold_paths[name], text_path, nlp, verbose, skipped)
        if article is not None:
            articles.append(article)
    return EvaluationReport(articles=articles, skipped=skipped, script_folding=folding)


def _selected_names(
    gold_paths: dict[str, Path],
    gold_root: Path,
    text_root: Path,
    mapped: dict[str, Path],
    only: Collection[str] | None,
    skipped: list[Skipped],
) -> list[str]:
    """The gold names to score; adds to ``skipped`` the names asked for that have no gold file
    (W043) or, when scoring them all, the articles that have none (W041)."""
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
    return names


def _score_article(
    name: str, gold_path: Path, text_path: Path, nlp: Any, verbose: bool, skipped: list[Skipped]
) -> ArticleScore | None:
    """Extract and score one article; None (and an entry in ``skipped``) when a file cannot be
    read. A failing extraction is logged and scored as an empty result."""
    from ..api import extract  # noqa: PLC0415  (spaCy loads only when scoring)

    gold, problem = _read_gold(gold_path)
    if gold is None:
        msg = Warnings.W042.format(path=str(gold_path), problem=problem)
        skipped.append(_skip(name, gold_path, "W042", msg))
        return None
    if not text_path.is_file():
        msg = Warnings.W040.format(name=name, path=str(text_path))
        skipped.append(_skip(name, text_path, "W040", msg))
        return None
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        msg = Warnings.W042.format(path=str(text_path), problem=f"{type(exc).__name__}: {exc}")
        skipped.append(_skip(name, text_path, "W042", msg))
        return None
    reference = iso_date(gold.get("reference_date"))
    error = None
    try:
        result = extract(text, reference_date=reference, nlp=nlp)
    except Exception as exc:  # noqa: BLE001  (scored as an empty result, and logged)
        logger.exception(Warnings.W045.format(path=str(text_path)))
        error = f"{type(exc).__name__}: {exc}"
        result = Extraction(text_length=len(text), base="unknown")
    scores, findings = score_extraction(gold, result)
    return ArticleScore(
        name=name,
        text_path=str(text_path),
        reference_date=reference,
        findings=findings if verbose else [],
        error=error,
        **scores,
    )
