"""Results as pandas DataFrames for analysts: one table each of visits, companies and claims.

pandas is optional (``pip install 'seedie[frames]'``) and imported only when a frame is built.
Every row carries ``article_id`` (the input's id: its position, or the ids the caller passes);
ids inside one article (``company_id``, ``visit_id``, ``claim_id``) are unique only within it,
so join on (``article_id``, id). Columns are listed in docs/schema.md, "DataFrames".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import Errors
from .types import Extraction, ExtractionError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

VISIT_COLUMNS = (
    "article_id", "visit_id", "delegation", "host", "host_id", "place", "date", "time_of_day",
    "sentence", "start", "end",
)  # fmt: skip
COMPANY_COLUMNS = (
    "article_id", "company_id", "name", "kb_id", "kind", "parent", "parent_id", "city",
    "aliases", "n_mentions", "first_start",
)  # fmt: skip
CLAIM_COLUMNS = (
    "article_id", "claim_id", "subject", "subject_id", "metric", "text", "value", "unit",
    "quantity_kind", "low", "high", "qualifier", "per", "time", "modality", "speaker",
    "sentence", "start", "end",
)  # fmt: skip


_MISSING = object()


class Frames(NamedTuple):
    """The three tables; unpack them (``visits, companies, claims = frames``) or use
    ``frames._asdict()`` to loop over (name, DataFrame)."""

    visits: pd.DataFrame
    companies: pd.DataFrame
    claims: pd.DataFrame


def _pandas(what: str) -> Any:
    try:
        import pandas  # noqa: PLC0415
    except ImportError:
        raise ImportError(Errors.E030.format(what=what)) from None
    return pandas


def rows(extraction: Extraction, article_id: Any) -> dict[str, list[dict[str, Any]]]:
    """The rows of the three tables for one Extraction (plain dicts, no pandas needed)."""
    visits = [
        {
            "article_id": article_id,
            "visit_id": v.id,
            "delegation": v.delegation,
            "host": v.host,
            "host_id": v.host_id,
            "place": v.place,
            "date": v.date.isoformat() if v.date else None,
            "time_of_day": v.time_of_day,
            "sentence": v.sentence,
            "start": v.start,
            "end": v.end,
        }
        for v in extraction.visits
    ]
    companies = [
        {
            "article_id": article_id,
            "company_id": c.id,
            "name": c.name,
            "kb_id": c.kb_id,
            "kind": c.kind,
            "parent": c.parent,
            "parent_id": c.parent_id,
            "city": c.city,
            "aliases": "|".join(c.aliases),
            "n_mentions": len(c.mentions),
            "first_start": c.mentions[0].start if c.mentions else None,
        }
        for c in extraction.companies
    ]
    claims = [
        {
            "article_id": article_id,
            "claim_id": c.id,
            "subject": c.subject,
            "subject_id": c.subject_id,
            "metric": c.metric,
            "text": c.quantity.text,
            "value": c.quantity.value,
            "unit": c.quantity.unit,
            "quantity_kind": c.quantity.kind,
            "low": c.quantity.low,
            "high": c.quantity.high,
            "qualifier": c.quantity.qualifier,
            "per": c.quantity.per,
            "time": c.time,
            "modality": c.modality,
            "speaker": c.speaker,
            "sentence": c.sentence,
            "start": c.start,
            "end": c.end,
        }
        for c in extraction.claims
    ]
    return {"visits": visits, "companies": companies, "claims": claims}


def to_frames(
    results: Iterable[Extraction | ExtractionError], ids: Iterable[Any] | None = None
) -> Frames:
    """DataFrames of the visits, companies and claims of many Extractions.

    Args:
        results: Extractions, e.g. ``seedie.extract_many(texts)``; ``ExtractionError``
            records (``on_error="record"``) have no rows and are skipped.
        ids: one article id per result (default: the position, 0, 1, ...).

    Returns:
        :class:`Frames` (visits, companies, claims), with the columns of docs/schema.md even
        when a table has no rows.

    Raises:
        ImportError: [E030] pandas is not installed.

    Example:
        >>> frames = seedie.to_frames(seedie.extract_many(["比亚迪今年销售汽车300万辆。"]))
        >>> frames.claims[["subject", "value"]].values.tolist()
        [['比亚迪', 3000000.0]]
    """
    pd = _pandas("seedie.to_frames()")
    tables: dict[str, list[dict[str, Any]]] = {"visits": [], "companies": [], "claims": []}
    id_iter = iter(ids) if ids is not None else None
    for position, result in enumerate(results):
        article_id = next(id_iter, _MISSING) if id_iter is not None else position
        if article_id is _MISSING:
            raise ValueError(Errors.E033.format(n=position))
        if isinstance(result, ExtractionError):
            continue
        for name, part in rows(result, article_id).items():
            tables[name].extend(part)
    return Frames(
        visits=pd.DataFrame(tables["visits"], columns=list(VISIT_COLUMNS)),
        companies=pd.DataFrame(tables["companies"], columns=list(COMPANY_COLUMNS)),
        claims=pd.DataFrame(tables["claims"], columns=list(CLAIM_COLUMNS)),
    )
