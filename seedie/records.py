"""The Doc boundary: seedie's msgpack-safe extension values <-> typed records.

Components store plain dicts on the Doc (``doc.to_bytes()``, DocBin and ``n_process>1`` need
them); everything that works on typed records (:mod:`seedie.types`) reads and writes them
here, in one place. Records a component wrote in this process are remembered beside the Doc
(weakly, and only while the stored dicts, or for dates the span group, are the ones
written), so that reading them back does not rebuild them from their dicts; a Doc that comes
from bytes or another process is read from its dicts.

Example:
    >>> doc = seedie.load()("盛屯集团投资45.9亿元。")  # doctest: +SKIP
    >>> records.claims(doc)[0].quantity.value  # doctest: +SKIP
    4590000000.0
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .types import Claim, Company, DateMention, Delegation, Quantity, Trip, Visit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "claims",
    "companies",
    "dates",
    "delegation",
    "quantities",
    "trip",
    "visits",
    "write_companies",
    "write_dates",
    "write_quantities",
    "write_relations",
]

T = TypeVar("T")

# Doc -> {attribute: (the stored value, the records it was written from)}
_WRITTEN: weakref.WeakKeyDictionary[Any, dict[str, tuple[Any, Any]]] = weakref.WeakKeyDictionary()


def _remember(doc: Doc, key: str, stored: Any, records: Any) -> None:
    """Keep ``records`` beside ``doc`` as what ``stored`` (the value written under ``key``)
    was written from."""
    try:
        _WRITTEN.setdefault(doc, {})[key] = (stored, records)
    except TypeError:  # an object without weak references: read back from what is stored
        pass


def _recalled(doc: Doc, key: str) -> tuple[Any, Any] | None:
    """(stored value, records) as :func:`_remember` kept them under ``key``, if it did."""
    try:
        return _WRITTEN.get(doc, {}).get(key)
    except TypeError:
        return None


def _store(doc: Doc, attr: str, records: Any, value: Any) -> None:
    setattr(doc._, attr, value)
    _remember(doc, attr, value, records)


def _read(doc: Doc, attr: str, build: Callable[[Any], T]) -> T:
    value = getattr(doc._, attr)
    written = _recalled(doc, attr)
    if written is not None and written[0] is value:
        records: T = written[1]
        return records
    return build(value)


def _span_records(doc: Doc, key: str, attr: str, cls: Callable[[dict[str, Any]], T]) -> list[T]:
    values = [getattr(s._, attr) for s in doc.spans.get(key, [])]  # one ``Span._`` per span
    return [cls(v) for v in values if v]


# -- reading --------------------------------------------------------------------------------
def quantities(doc: Doc, key: str = "seedie_quantities") -> list[Quantity]:
    """Every quantity of the Doc: ``Doc._.seedie_quantities`` (exact offsets, also for two
    quantities inside one token), or for Docs made before it existed the span group ``key``."""
    if doc._.seedie_quantities is not None:
        return list(
            _read(doc, "seedie_quantities", lambda v: tuple(Quantity.from_dict(q) for q in v if q))
        )
    return _span_records(doc, key, "seedie_quantity", Quantity.from_dict)


def dates(doc: Doc, key: str = "seedie_dates") -> list[DateMention]:
    """The date mentions of the span group ``key`` (``Span._.seedie_date``)."""
    group = doc.spans.get(key)
    written = _recalled(doc, "spans:" + key)
    # The group the component wrote, with as many spans as it had: its records as written.
    if written is not None and written[0] is group and len(group) == len(written[1]):
        return list(written[1])
    return _span_records(doc, key, "seedie_date", DateMention.from_dict)


def companies(doc: Doc) -> list[Company]:
    """``Doc._.seedie_companies`` as records."""
    return list(
        _read(doc, "seedie_companies", lambda v: tuple(Company.from_dict(c) for c in v or ()))
    )


def delegation(doc: Doc) -> Delegation | None:
    return _read(doc, "seedie_delegation", lambda v: Delegation.from_dict(v) if v else None)


def trip(doc: Doc) -> Trip | None:
    return _read(doc, "seedie_trip", lambda v: Trip.from_dict(v) if v else None)


def visits(doc: Doc) -> list[Visit]:
    return list(_read(doc, "seedie_visits", lambda v: tuple(Visit.from_dict(x) for x in v or ())))


def claims(doc: Doc) -> list[Claim]:
    return list(_read(doc, "seedie_claims", lambda v: tuple(Claim.from_dict(x) for x in v or ())))


# -- writing --------------------------------------------------------------------------------
def write_dates(doc: Doc, key: str, spans: Sequence[Span], records: Sequence[DateMention]) -> None:
    """Store ``spans`` (each with its record's dict as ``Span._.seedie_date``) as the span
    group ``key``, and remember ``records`` (in the same order) beside the Doc."""
    for span, record in zip(spans, records, strict=True):
        span._.seedie_date = record.to_dict()
    doc.spans[key] = list(spans)
    _remember(doc, "spans:" + key, doc.spans[key], tuple(records))


def write_quantities(doc: Doc, records: Sequence[Quantity], values: list[dict[str, Any]]) -> None:
    """Store ``values`` (the dicts of ``records``, in order) as ``Doc._.seedie_quantities``."""
    _store(doc, "seedie_quantities", tuple(records), values)


def write_companies(doc: Doc, records: Sequence[Company]) -> None:
    """Store ``records`` as ``Doc._.seedie_companies`` (a list of dicts)."""
    kept = tuple(records)
    _store(doc, "seedie_companies", kept, [c.to_dict() for c in kept])


def write_relations(
    doc: Doc,
    *,
    delegation: Delegation | None,
    trip: Trip | None,
    visits: Sequence[Visit],
    claims: Sequence[Claim],
) -> None:
    """Store the relation builder's records as ``Doc._.seedie_delegation`` … ``seedie_claims``."""
    _store(doc, "seedie_delegation", delegation, delegation.to_dict() if delegation else None)
    _store(doc, "seedie_trip", trip, trip.to_dict() if trip else None)
    kept_visits, kept_claims = tuple(visits), tuple(claims)
    _store(doc, "seedie_visits", kept_visits, [v.to_dict() for v in kept_visits])
    _store(doc, "seedie_claims", kept_claims, [c.to_dict() for c in kept_claims])
