"""``seedie_dates``: dates, times of day and named periods as spans, resolved to ISO dates.

The reference date that relative expressions (今年, 去年, 6月16日 without a year) resolve
against comes from, in order: ``doc._.seedie_reference_date`` (set by ``seedie.extract``),
the component's ``reference_date`` setting, or inference from the text itself (a dateline,
“十五五”开局之年, an anniversary …). How it was obtained is stored in
``doc._.seedie_reference_date_source``; ``date.today()`` is never used.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions, records
from ..pipe import SeediePipe
from ..types import DateMention
from .reference import infer_from_scan
from .resolve import dates_from_scan
from .scan import scan


@Language.factory(
    "seedie_dates",
    assigns=["doc.spans", "span._.seedie_date", "doc._.seedie_reference_date"],
    default_config={"spans_key": "seedie_dates", "reference_date": None},
)
def make_dates(
    nlp: Language, name: str, spans_key: str, reference_date: str | None
) -> DateRecognizer:
    """Factory for ``nlp.add_pipe("seedie_dates", config={"reference_date": "2026-06-18"})``.

    Example:
        >>> doc = nlp("6月16日上午，代表团来到深圳。")
        >>> doc.spans["seedie_dates"][0]._.seedie_date["time_of_day"]
        'morning'
    """
    return DateRecognizer(name=name, spans_key=spans_key, reference_date=reference_date)


class DateRecognizer(SeediePipe):
    """Find dates as :func:`seedie.dates.resolve.find_dates` does and store them as spans."""

    def __init__(self, *, name: str, spans_key: str, reference_date: str | None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.reference_date = reference_date
        if reference_date is not None:
            dt.date.fromisoformat(reference_date)  # a bad setting fails at load, not per doc

    def process(self, doc: Doc) -> Doc:
        text = extensions.doc_text(doc)
        ref_text = doc._.seedie_reference_date or self.reference_date
        raws = scan(text)  # read once: the inference and the resolution share it
        reference: dt.date | None
        if ref_text:
            reference = dt.date.fromisoformat(ref_text)
            source = doc._.seedie_reference_date_source or "given"
        else:
            reference, source = infer_from_scan(text, raws)
        doc._.seedie_reference_date = reference.isoformat() if reference else None
        doc._.seedie_reference_date_source = source
        spans: list[Span] = []
        kept: list[DateMention] = []
        taken: set[tuple[int, int]] = set()
        for m in dates_from_scan(raws, text, reference):
            span = doc.char_span(m.start, m.end, label="DATE", alignment_mode="expand")
            # Span._ values are keyed by offsets: one span (and value) per token range.
            if span is None or (span.start_char, span.end_char) in taken:
                continue
            taken.add((span.start_char, span.end_char))
            spans.append(span)
            kept.append(m)
        records.write_dates(doc, self.spans_key, spans, kept)
        return doc
