"""``seedie_quantities``: money, percentages and measures as spans with normalized values.

Matches on ``doc.text`` (character offsets, never tokens: jieba splits 500万元 into 500/万元)
with :func:`seedie.quantities.parse.find_quantities`, and stores the spans in
``doc.spans["seedie_quantities"]`` with labels MONEY / PERCENT / QUANTITY / CARDINAL and the
normalized quantity as a msgpack-safe dict in ``span._.seedie_quantity``. Every quantity, with
its exact offsets, is also in ``doc._.seedie_quantities`` (two quantities inside one token share
one span).
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions, records  # extensions registers Span._.seedie_quantity
from ..pipe import SeediePipe
from ..types import Quantity
from .parse import find_quantities

logger = logging.getLogger("seedie")
LABELS = {"money": "MONEY", "percent": "PERCENT"}


def label_for(q: Quantity) -> str:
    """MONEY / PERCENT for those kinds, CARDINAL for a bare number, QUANTITY otherwise."""
    if q.kind in LABELS:
        return LABELS[q.kind]
    if q.kind == "count" and not q.unit:
        return "CARDINAL"
    return "QUANTITY"


@Language.factory(
    "seedie_quantities",
    assigns=["doc.spans", "span._.seedie_quantity"],
    default_config={"spans_key": "seedie_quantities", "annotate_ents": False},
)
def make_quantities(
    nlp: Language, name: str, spans_key: str, annotate_ents: bool
) -> QuantityRecognizer:
    """Factory: ``nlp.add_pipe("seedie_quantities")`` works in any zh pipeline.

    Example:
        >>> doc = nlp("投资额1158亿元")
        >>> doc.spans["seedie_quantities"][0]._.seedie_quantity["value"]
        115800000000.0
    """
    return QuantityRecognizer(name=name, spans_key=spans_key, annotate_ents=annotate_ents)


class QuantityRecognizer(SeediePipe):
    """Find and normalize quantities; see the module docstring."""

    def __init__(self, *, name: str, spans_key: str, annotate_ents: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.annotate_ents = annotate_ents

    def process(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        found = find_quantities(extensions.doc_text(doc))
        values = [q.to_dict() for q in found]
        taken: set[tuple[int, int]] = set()
        for q, value in zip(found, values, strict=True):
            assert q.start is not None and q.end is not None
            span = doc.char_span(q.start, q.end, label=label_for(q), alignment_mode="expand")
            if span is None:  # pragma: no cover - expand mode only fails on whitespace edges
                logger.debug("seedie_quantities: no span for %r at %d", q.text, q.start)
                continue
            # Span._ values are keyed by the span's character offsets, and "expand" maps two
            # quantities inside one token (十三届八次) onto the same offsets: a second span
            # would overwrite the first one's value and list the second quantity twice.
            # One span per token range; doc._.seedie_quantities keeps every quantity.
            key = (span.start_char, span.end_char)
            if key in taken:
                logger.debug("seedie_quantities: %r shares a token with another", q.text)
                continue
            taken.add(key)
            span._.seedie_quantity = dict(value)  # a copy: the two never share one dict
            spans.append(span)
        doc.spans[self.spans_key] = spans
        records.write_quantities(doc, found, values)
        if self.annotate_ents:
            from spacy.util import filter_spans  # noqa: PLC0415

            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc
