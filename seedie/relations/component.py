"""``seedie_relations``: the delegation, its trip, its visits and the quantitative claims.

Reads what the other seedie components stored (quantities, dates, organizations) and the base
pipeline's PERSON/GPE/LOC entities, and runs the pure builders in :mod:`seedie.relations`.
Results are msgpack-safe dicts on the Doc: ``doc._.seedie_delegation``, ``seedie_trip``,
``seedie_visits``, ``seedie_claims``, written and read through :mod:`seedie.records`.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions, records  # noqa: F401
from ..text.sentences import split_sentences
from .build import build_relations

PLACE_LABELS = ("GPE", "LOC")


@Language.factory(
    "seedie_relations",
    requires=["doc._.seedie_companies"],
    assigns=["doc._.seedie_visits", "doc._.seedie_claims", "doc._.seedie_trip"],
    default_config={
        "quantities_key": "seedie_quantities",
        "dates_key": "seedie_dates",
    },
)
def make_relations(
    nlp: Language, name: str, quantities_key: str, dates_key: str
) -> RelationBuilder:
    """Factory: add after seedie_quantities, seedie_dates and seedie_orgs.

    Example:
        >>> doc = nlp("6月16日上午，贵州省党政代表团来到比亚迪。"); doc._.seedie_visits[0]["host"]
        '比亚迪'
    """
    return RelationBuilder(name=name, quantities_key=quantities_key, dates_key=dates_key)


class RelationBuilder:
    """Assemble visits and claims from the spans of the components before it."""

    def __init__(self, *, name: str, quantities_key: str, dates_key: str) -> None:
        self.name = name
        self.quantities_key = quantities_key
        self.dates_key = dates_key

    def __call__(self, doc: Doc) -> Doc:
        quantities = records.quantities(doc, self.quantities_key)
        dates = records.dates(doc, self.dates_key)
        companies = records.companies(doc)
        ents = doc.ents  # a property that rebuilds its tuple on every access
        persons = [(e.start_char, e.end_char, e.text) for e in ents if e.label_ == "PERSON"]
        places = [(e.start_char, e.end_char, e.text) for e in ents if e.label_ in PLACE_LABELS]
        ref = doc._.seedie_reference_date
        text = doc.text  # rebuilt from the tokens on every access
        result = build_relations(
            text,
            sentences=split_sentences(text),
            companies=companies,
            quantities=quantities,
            dates=dates,
            persons=persons,
            places=places,
            reference_date=dt.date.fromisoformat(ref) if ref else None,
        )
        records.write_relations(
            doc,
            delegation=result.delegation,
            trip=result.trip,
            visits=result.visits,
            claims=result.claims,
        )
        return doc
