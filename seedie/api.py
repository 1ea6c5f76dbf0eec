"""``seedie.extract`` and ``seedie.extract_many``: text in, typed :class:`Extraction` out."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .analyzers.tokenizer import replace_surrogates
from .errors import Errors, Warnings, type_error, warn
from .pipeline import default_nlp
from .text.chunking import chunk_text, merge_extractions
from .text.script import restore_script, simplified_view
from .types import (
    Claim,
    Company,
    Delegation,
    Extraction,
    Quantity,
    Trip,
    Visit,
)


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
    # Traditional characters are analysed through a simplified view with the same offsets
    # and reported as written.
    view = simplified_view(text)
    chunks = chunk_text(view, nlp.max_length)
    if len(chunks) > 1:
        warn(Warnings.W002.format(n=len(text), max_length=nlp.max_length, chunks=len(chunks)))
        base = _base_name(nlp)
        parts = [
            (start, from_doc(_run(nlp, view[start:end], ref), base=base)) for start, end in chunks
        ]
        return restore_script(merge_extractions(len(view), parts), text, view)
    return restore_script(from_doc(_run(nlp, view, ref), base=_base_name(nlp)), text, view)


def extract_many(
    texts: Iterable[str],
    reference_date: dt.date | str | None = None,
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Stream one :class:`Extraction` per text, in order, batching through ``nlp.pipe``.

    With ``n_process`` > 1 (-1: one per CPU), batches of ``batch_size`` texts are extracted
    in worker processes (multiprocessing's default start method: fork or spawn), which
    return the finished extractions; at most two batches per worker are in flight.

    Example:
        >>> [len(r.quantities) for r in seedie.extract_many(["超过500万枚", "没有数字"])]
        [1, 0]
    """
    ref = _check_reference(reference_date)
    nlp = nlp or default_nlp()
    if n_process < 0:
        n_process = os.cpu_count() or 1

    def feed() -> Iterator[str]:
        for t in texts:
            if not isinstance(t, str):
                raise type_error("extract_many", t, "texts")
            yield replace_surrogates(t)

    if n_process > 1:
        return _extract_parallel(feed(), ref, nlp, n_process, max(1, batch_size))
    return _extract_local(feed(), ref, nlp, batch_size)


def _extract_local(
    texts: Iterable[str], ref: dt.date | None, nlp: Language, batch_size: int
) -> Iterator[Extraction]:
    # Texts longer than nlp.max_length go through extract() (chunking); the stream carries
    # an empty placeholder for them so that results stay in input order.
    long_texts: deque[str | None] = deque()
    # (original, simplified view) of each text, to report surfaces as written.
    scripts: deque[tuple[str, str]] = deque()

    def short_only() -> Iterator[str]:
        for t in texts:
            is_long = len(t) > nlp.max_length
            long_texts.append(t if is_long else None)
            if is_long:
                scripts.append(("", ""))
                yield ""
                continue
            view = simplified_view(t)
            scripts.append((t, view))
            yield view

    tokenize_many = getattr(nlp.tokenizer, "pipe", None)
    if tokenize_many is not None:
        # seedie's tokenizer analyzes the sentences of a whole batch together; nlp.pipe
        # alone would call it one text at a time.
        docs: Iterable[Any] = tokenize_many(short_only(), batch_size=batch_size)
    else:
        docs = short_only()
    if ref is not None:
        docs = (_with_reference(d if isinstance(d, Doc) else nlp.make_doc(d), ref) for d in docs)
    base = _base_name(nlp)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        long_text = long_texts.popleft()
        original, view = scripts.popleft()
        if long_text is not None:
            yield extract(long_text, ref, nlp=nlp)
        else:
            yield restore_script(from_doc(doc, base=base), original, view)


# The pipeline of a worker process of _extract_parallel (inherited over fork, pickled once
# per worker with spawn).
_WORKER_NLP: list[Language] = []


def _init_worker(nlp: Language) -> None:
    _WORKER_NLP[:] = [nlp]


def _extract_batch(texts: list[str], ref: dt.date | None) -> list[Extraction]:
    nlp = _WORKER_NLP[0]
    return list(_extract_local(texts, ref, nlp, len(texts)))


def _extract_parallel(
    texts: Iterator[str], ref: dt.date | None, nlp: Language, n_process: int, batch_size: int
) -> Iterator[Extraction]:
    """Batches of texts extracted in a pool of workers; Extractions (not Docs) come back.

    Returning the typed results instead of serialized Docs (what ``nlp.pipe(n_process=)``
    does) leaves the parent almost idle, and each worker keeps the tokenizer's batching.
    """
    with multiprocessing.get_context().Pool(
        n_process, initializer=_init_worker, initargs=(nlp,)
    ) as pool:
        pending: deque[Any] = deque()
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) == batch_size:
                pending.append(pool.apply_async(_extract_batch, (batch, ref)))
                batch = []
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().get()
        if batch:
            pending.append(pool.apply_async(_extract_batch, (batch, ref)))
        while pending:
            yield from pending.popleft().get()


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
    quantities = [
        Quantity.from_dict(s._.seedie_quantity)
        for s in doc.spans.get("seedie_quantities", [])
        if s._.seedie_quantity
    ]
    return Extraction(
        text_length=len(doc.text),
        base=base,
        quantities=quantities,
        companies=[Company.from_dict(c) for c in doc._.seedie_companies or []],
        visits=[Visit.from_dict(v) for v in doc._.seedie_visits or []],
        claims=[Claim.from_dict(c) for c in doc._.seedie_claims or []],
        delegation=Delegation.from_dict(doc._.seedie_delegation)
        if doc._.seedie_delegation
        else None,
        trip=Trip.from_dict(doc._.seedie_trip) if doc._.seedie_trip else None,
        reference_date=dt.date.fromisoformat(ref) if ref else None,
        reference_date_source=doc._.seedie_reference_date_source,
    )
