"""``seedie.extract`` and ``seedie.extract_many``: text in, typed :class:`Extraction` out."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import records
from .analyzers.tokenizer import replace_surrogates
from .errors import Errors, Warnings, type_error, warn
from .pipeline import default_nlp
from .text.chunking import chunk_text, merge_extractions
from .types import Extraction


def _check_reference(reference_date: Any) -> dt.date | None:
    if reference_date is None or isinstance(reference_date, dt.date):
        if isinstance(reference_date, dt.datetime):
            return reference_date.date()
        return reference_date
    if isinstance(reference_date, str):
        try:
            return dt.date.fromisoformat(reference_date)
        except ValueError:
            pass
    raise TypeError(Errors.E009.format(got=reference_date))


def extract(
    text: str | Doc,
    reference_date: dt.date | str | None = None,
    *,
    nlp: Language | None = None,
) -> Extraction:
    """Extract visits, organizations, quantities and claims from one Chinese text.

    Args:
        text: the article (a ``str``), or a ``Doc`` already processed by ``seedie.load()``.
        reference_date: the date relative expressions (今年, 6月16日) resolve against; when
            None it is inferred from the text and the way it was inferred is recorded in
            ``Extraction.reference_date_source``.
        nlp: the pipeline to use (default: a cached ``seedie.load()``).

    Returns:
        An :class:`Extraction`; empty lists for a text with nothing to extract.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``Doc`` (bytes: decode them first).

    Example:
        >>> seedie.extract("比亚迪员工近万人。").quantities[0].high
        10000.0
    """
    if isinstance(text, Doc):
        return from_doc(text, base=_base_name(nlp) if nlp else "unknown")
    if not isinstance(text, str):
        raise type_error("extract", text)
    ref = _check_reference(reference_date)
    nlp = nlp or default_nlp()
    text = replace_surrogates(text)  # any base's tokenizer would fail on them
    chunks = chunk_text(text, nlp.max_length)
    if len(chunks) > 1:
        warn(Warnings.W002.format(n=len(text), max_length=nlp.max_length, chunks=len(chunks)))
        base = _base_name(nlp)
        parts = [
            (start, from_doc(_run(nlp, text[start:end], ref), base=base)) for start, end in chunks
        ]
        return merge_extractions(len(text), parts)
    return from_doc(_run(nlp, text, ref), base=_base_name(nlp))


def extract_many(
    texts: Iterable[str],
    reference_date: dt.date | str | None = None,
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Stream one :class:`Extraction` per text, in order, batching through ``nlp.pipe``.

    Example:
        >>> [len(r.quantities) for r in seedie.extract_many(["超过500万枚", "没有数字"])]
        [1, 0]
    """
    ref = _check_reference(reference_date)
    nlp = nlp or default_nlp()

    # Texts longer than nlp.max_length go through extract() (chunking) in this process; the
    # stream carries an empty placeholder for them so that results stay in input order.
    long_texts: deque[str | None] = deque()

    def feed() -> Iterator[str]:
        for t in texts:
            if not isinstance(t, str):
                raise type_error("extract_many", t, "texts")
            is_long = len(t) > nlp.max_length
            long_texts.append(t if is_long else None)
            yield "" if is_long else replace_surrogates(t)

    tokenize_many = getattr(nlp.tokenizer, "pipe", None)
    if n_process == 1 and tokenize_many is not None:
        # seedie's tokenizer analyzes the sentences of a whole batch together; nlp.pipe
        # alone would call it one text at a time.
        docs: Iterable[Any] = tokenize_many(feed(), batch_size=batch_size)
    else:
        docs = feed()
    if ref is not None:
        docs = (_with_reference(d if isinstance(d, Doc) else nlp.make_doc(d), ref) for d in docs)
    base = _base_name(nlp)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
        long_text = long_texts.popleft()
        if long_text is not None:
            yield extract(long_text, ref, nlp=nlp)
        else:
            yield from_doc(doc, base=base)


def _with_reference(doc: Doc, ref: dt.date) -> Doc:
    doc._.seedie_reference_date = ref.isoformat()
    doc._.seedie_reference_date_source = "given"
    return doc


def _run(nlp: Language, text: str, ref: dt.date | None) -> Doc:
    doc = nlp.make_doc(text)
    if ref is not None:
        _with_reference(doc, ref)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _base_name(nlp: Language) -> str:
    return str(nlp.meta.get("seedie", {}).get("base", "unknown"))


def from_doc(doc: Doc, *, base: str = "unknown") -> Extraction:
    """Build the typed :class:`Extraction` from a Doc processed by seedie's pipeline."""
    if doc._.seedie_companies is None and "seedie_quantities" not in doc.spans:
        raise ValueError(Errors.E007.format(missing="seedie_quantities, seedie_orgs"))
    ref = doc._.seedie_reference_date
    return Extraction(
        text_length=len(doc.text),
        base=base,
        quantities=records.quantities(doc),
        companies=records.companies(doc),
        visits=records.visits(doc),
        claims=records.claims(doc),
        delegation=records.delegation(doc),
        trip=records.trip(doc),
        reference_date=dt.date.fromisoformat(ref) if ref else None,
        reference_date_source=doc._.seedie_reference_date_source,
    )
