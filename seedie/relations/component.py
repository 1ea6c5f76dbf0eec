"""``seedie_relations``: the delegation's trip, its visits and the quantitative claims.

Reads what the other seedie components stored (quantities, dates, organizations and the
delegation that ``seedie_orgs`` found) and the base pipeline's PERSON/GPE/LOC entities
(OntoNotes labels, as in zh_core_web_sm; PER, LAC's and MSRA's label, counts as PERSON), and
runs the pure builders in :mod:`seedie.relations`. Results are msgpack-safe dicts on the Doc:
``seedie_trip``, ``seedie_visits``, ``seedie_claims``, and ``seedie_delegation`` again when
the trip completed its home (省党政代表团 -> the most mentioned other province), written and
read through :mod:`seedie.records`; ``seedie.extract`` turns them into dataclasses.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions, records
from ..pipe import SeediePipe
from ..text.sentences import split_sentences
from ..types import Delegation
from .build import build_relations

PERSON_LABELS = ("PERSON", "PER")
PLACE_LABELS = ("GPE", "LOC")


@Language.factory(
    "seedie_relations",
    requires=[
        "doc._.seedie_companies",
        "doc._.seedie_delegation",
        "doc.spans",
    ],
    assigns=[
        "doc._.seedie_delegation",
        "doc._.seedie_trip",
        "doc._.seedie_visits",
        "doc._.seedie_claims",
    ],
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


class RelationBuilder(SeediePipe):
    """Assemble visits and claims from the spans of the components before it."""

    def __init__(self, *, name: str, quantities_key: str, dates_key: str) -> None:
        self.name = name
        self.quantities_key = quantities_key
        self.dates_key = dates_key

    def process(self, doc: Doc) -> Doc:
        quantities = records.quantities(doc, self.quantities_key)
        dates = records.dates(doc, self.dates_key)
        companies = records.companies(doc)
        text = extensions.doc_text(doc)
        persons, places = _entities(doc, text)
        found = doc._.seedie_delegation
        ref = doc._.seedie_reference_date
        result = build_relations(
            text,
            sentences=_sentences(doc, text),
            companies=companies,
            quantities=quantities,
            dates=dates,
            persons=persons,
            places=places,
            reference_date=dt.date.fromisoformat(ref) if ref else None,
            delegation=Delegation.from_dict(found) if found else None,
            find_group=False,  # seedie_orgs looked for it once; None means there is none
        )
        if result.companies is not None:
            records.write_companies(doc, result.companies)
        records.write_relations(
            doc,
            delegation=result.delegation,
            trip=result.trip,
            visits=result.visits,
            claims=result.claims,
        )
        extensions.forget_text(doc)  # the last of seedie's components
        return doc


def _entities(doc: Doc, text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The base NER's persons and places as (start, end, text), in one pass over ``doc.ents``
    (a property that rebuilds its tuple on every access). Labels are compared as the string
    store's ids and a span's text is its slice of ``text`` (what ``Span.text`` joins)."""
    strings = doc.vocab.strings
    person_ids = {strings[label] for label in PERSON_LABELS}
    place_ids = {strings[label] for label in PLACE_LABELS}
    persons: list[tuple[int, int, str]] = []
    places: list[tuple[int, int, str]] = []
    for e in doc.ents:
        label = e.label
        if label in person_ids:
            persons.append((e.start_char, e.end_char, text[e.start_char : e.end_char]))
        elif label in place_ids:
            places.append((e.start_char, e.end_char, text[e.start_char : e.end_char]))
    return persons, places


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The Doc's sentences as character offsets, without the whitespace around them.

    seedie's tokenizer sets them (the sentences its analyzer read); for a base without
    sentence boundaries (no parser, no senter) the text is split here, the same way.
    """
    if not doc.has_annotation("SENT_START"):
        return split_sentences(text)
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out
