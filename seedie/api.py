"""``seedie.extract`` and ``seedie.extract_many``: text in, typed :class:`Extraction` out."""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Literal, overload

from spacy.language import Language
from spacy.tokens import Doc

from . import records
from .analyzers.tokenizer import replace_surrogates
from .errors import Errors, SeedieWarning, Warnings, type_error, warn
from .pipeline import default_nlp
from .text.chunking import chunk_text, merge_extractions
from .text.invisible import blank_bom, han_share
from .text.script import restore_script, simplified_view
from .types import Extraction, ExtractionError

logger = logging.getLogger("seedie")


def check_reference(reference_date: Any) -> dt.date | None:
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


def _prepare(text: str) -> str:
    """What every base sees: same length as ``text``, so offsets into it stay valid."""
    # Lone surrogates: any base's tokenizer fails on them. A BOM: analyzers glue it to the
    # first word (\ufeff比亚迪公司 would not link), so it reads as the space it stands for.
    return blank_bom(replace_surrogates(text))


# Below this many letters a text is too short to judge its language (a headline, a number).
_MIN_LETTERS = 20
_MIN_HAN_SHARE = 0.3


def _check_language(text: str) -> None:
    share, letters = han_share(text)
    if letters >= _MIN_LETTERS and share < _MIN_HAN_SHARE:
        # stacklevel 4: the warning points at the user's extract() call.
        warnings.warn(Warnings.W020.format(share=share), SeedieWarning, stacklevel=4)


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
        An :class:`Extraction`; empty lists for a text with nothing to extract. A text that
        is mostly not Chinese gets warning W020.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``Doc`` (bytes: decode them first).
        ValueError: [E013] ``text`` is a processed Doc and ``reference_date`` is given.

    Example:
        >>> seedie.extract("比亚迪员工近万人。").quantities[0].high
        10000.0
    """
    if isinstance(text, Doc):
        if reference_date is not None:
            # The Doc's dates, visits and claims were resolved when it was processed.
            raise ValueError(Errors.E013.format(got=reference_date))
        return from_doc(text, base=_base_name(nlp) if nlp else "unknown")
    if not isinstance(text, str):
        raise type_error("extract", text)
    ref = check_reference(reference_date)
    nlp = nlp or default_nlp()
    _check_language(text)
    return _extract_text(text, ref, nlp)


def _extract_text(text: str, ref: dt.date | None, nlp: Language) -> Extraction:
    text = _prepare(text)
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


def _item_error(func: str, index: int, value: object) -> TypeError:
    if isinstance(value, (bytes, bytearray)):
        fix = f"Decode it first, e.g. texts[{index}].decode('utf-8')."
    elif value is None:
        fix = "Drop missing texts before the call, or pass '' for an empty one."
    else:
        fix = "Pass str items only (convert them with str(...) if that is what you mean)."
    return TypeError(Errors.E021.format(func=func, index=index, got=type(value).__name__, fix=fix))


@overload
def extract_many(
    texts: Iterable[str],
    reference_date: dt.date | str | None = ...,
    *,
    nlp: Language | None = ...,
    n_process: int = ...,
    batch_size: int = ...,
    on_error: Literal["raise"] = ...,
) -> Iterator[Extraction]: ...


@overload
def extract_many(
    texts: Iterable[Any],
    reference_date: dt.date | str | None = ...,
    *,
    nlp: Language | None = ...,
    n_process: int = ...,
    batch_size: int = ...,
    on_error: Literal["record"],
) -> Iterator[Extraction | ExtractionError]: ...


def extract_many(
    texts: Iterable[Any],
    reference_date: dt.date | str | None = None,
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    on_error: str = "raise",
) -> Iterator[Extraction | ExtractionError]:
    """Stream one :class:`Extraction` per text, in order, batching through ``nlp.pipe``.

    With ``n_process`` > 1 (-1: one per CPU), batches of ``batch_size`` texts are extracted
    in worker processes (multiprocessing's default start method: fork or spawn), which
    return the finished extractions; at most two batches per worker are in flight.

    Args:
        texts: an iterable of str (a list, a generator); one str alone raises E020.
        reference_date: as in :func:`extract`, for every text.
        nlp: the pipeline (default: a cached ``seedie.load()``).
        n_process: worker processes (1: this process; -1: one per CPU).
        batch_size: texts per batch (at least 1).
        on_error: "raise" (default): a bad item (not a str) raises TypeError [E021] naming
            its index. "record": yield an :class:`ExtractionError` in its place (with the
            index, code and message) and go on, so one bad record does not lose the batch.

    Raises:
        TypeError: [E020] ``texts`` is a str; [E021] an item is not a str (on_error="raise").
        ValueError: [E022] unknown ``on_error``; [E028] ``n_process``/``batch_size`` < 1.

    Example:
        >>> [len(r.quantities) for r in seedie.extract_many(["超过500万枚", "没有数字"])]
        [1, 0]
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(Errors.E020.format(func="extract_many", n=len(texts)))
    if on_error not in ("raise", "record"):
        raise ValueError(Errors.E022.format(got=on_error))
    if n_process == -1:
        n_process = os.cpu_count() or 1
    for option, value in (("n_process", n_process), ("batch_size", batch_size)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(
                Errors.E028.format(option=option, got=value, fix="Pass an integer >= 1 (or -1).")
            )
    ref = check_reference(reference_date)
    nlp = nlp or default_nlp()
    return _extract_many(texts, ref, nlp, n_process, batch_size, on_error == "record")


def _extract_many(
    texts: Iterable[Any],
    ref: dt.date | None,
    nlp: Language,
    n_process: int,
    batch_size: int,
    record: bool,
) -> Iterator[Extraction | ExtractionError]:
    items = _checked(texts, record)
    if n_process > 1:
        return _extract_parallel(items, ref, nlp, n_process, batch_size, record)
    return _extract_local(items, ref, nlp, batch_size, record)


def _checked(texts: Iterable[Any], record: bool) -> Iterator[str | ExtractionError]:
    """The texts, each bad item raised (E021) or replaced by its error record."""
    for index, t in enumerate(texts):
        if isinstance(t, str):
            _check_language(t)
            yield t
            continue
        exc = _item_error("extract_many", index, t)
        if not record:
            raise exc
        yield ExtractionError.from_exception(index, exc)


def _extract_local(
    items: Iterable[str | ExtractionError],
    ref: dt.date | None,
    nlp: Language,
    batch_size: int,
    record: bool,
    first_index: int = 0,
) -> Iterator[Extraction | ExtractionError]:
    # Long texts (chunked by _extract_text) and error records are not sent to the pipeline;
    # the stream carries an empty placeholder for them so that results stay in input order.
    # Short texts carry (text, simplified view) to report surfaces as written.
    pending: deque[tuple[int, ExtractionError | str | tuple[str, str]]] = deque()

    def feed() -> Iterator[str]:
        for index, item in enumerate(items, first_index):
            if isinstance(item, ExtractionError) or len(item) > nlp.max_length:
                pending.append((index, item))
                yield ""
                continue
            text = _prepare(item)
            view = simplified_view(text)
            pending.append((index, (text, view)))
            yield view

    tokenize_many = getattr(nlp.tokenizer, "pipe", None)
    if tokenize_many is not None:
        # seedie's tokenizer analyzes the sentences of a whole batch together; nlp.pipe
        # alone would call it one text at a time.
        docs: Iterable[Any] = tokenize_many(feed(), batch_size=batch_size)
    else:
        docs = feed()
    if ref is not None:
        docs = (_with_reference(d if isinstance(d, Doc) else nlp.make_doc(d), ref) for d in docs)
    base = _base_name(nlp)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        index, item = pending.popleft()
        if isinstance(item, ExtractionError):
            yield item
            continue
        try:
            if isinstance(item, str):
                yield _extract_text(item, ref, nlp)
            else:
                yield restore_script(from_doc(doc, base=base), *item)
        except Exception as exc:  # noqa: BLE001 - reported as a record, and logged
            if not record:
                raise
            logger.warning("extract_many: texts[%d] failed: %r", index, exc)
            yield ExtractionError.from_exception(
                index, RuntimeError(Errors.E027.format(where=f"texts[{index}]", reason=exc))
            )


# The pipeline of a worker process of _extract_parallel (inherited over fork, pickled once
# per worker with spawn).
_WORKER_NLP: list[Language] = []


def _init_worker(nlp: Language) -> None:
    _WORKER_NLP[:] = [nlp]


def _extract_batch(
    items: list[str | ExtractionError], ref: dt.date | None, record: bool, first_index: int
) -> list[Extraction | ExtractionError]:
    nlp = _WORKER_NLP[0]
    return list(_extract_local(items, ref, nlp, len(items), record, first_index))


def _extract_parallel(
    items: Iterator[str | ExtractionError],
    ref: dt.date | None,
    nlp: Language,
    n_process: int,
    batch_size: int,
    record: bool,
) -> Iterator[Extraction | ExtractionError]:
    """Batches of texts extracted in a pool of workers; Extractions (not Docs) come back.

    Returning the typed results instead of serialized Docs (what ``nlp.pipe(n_process=)``
    does) leaves the parent almost idle, and each worker keeps the tokenizer's batching.
    """
    with multiprocessing.get_context().Pool(
        n_process, initializer=_init_worker, initargs=(nlp,)
    ) as pool:
        pending: deque[Any] = deque()
        batch: list[str | ExtractionError] = []
        first = 0
        for item in items:
            batch.append(item)
            if len(batch) == batch_size:
                pending.append(pool.apply_async(_extract_batch, (batch, ref, record, first)))
                first += len(batch)
                batch = []
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().get()
        if batch:
            pending.append(pool.apply_async(_extract_batch, (batch, ref, record, first)))
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
    return nlp(doc)  # Language.__call__ on a Doc: every pipe, with spaCy's error handling


def _base_name(nlp: Language) -> str:
    return str(nlp.meta.get("seedie", {}).get("base", "unknown"))


def from_doc(doc: Doc, *, base: str = "unknown") -> Extraction:
    """Build the typed :class:`Extraction` from a Doc processed by seedie's pipeline.

    For ``nlp.pipe`` users: ``[seedie.from_doc(d) for d in nlp.pipe(texts)]`` gives what
    ``seedie.extract_many(texts, nlp=nlp)`` gives (pass ``base`` to record the base's name).
    Docs read back from a ``DocBin(store_user_data=True)`` work too.

    Raises:
        TypeError: [E001] ``doc`` is not a ``Doc``.
        ValueError: [E007] the Doc was made by a pipeline without seedie's components.

    Example:
        >>> doc = next(nlp.pipe(["比亚迪今年销售汽车300万辆。"]))
        >>> seedie.from_doc(doc).claims[0].subject
        '比亚迪'
    """
    if not isinstance(doc, Doc):
        raise type_error("from_doc", doc, "doc")
    if doc._.seedie_companies is None and "seedie_quantities" not in doc.spans:
        raise ValueError(Errors.E007.format(missing="seedie_quantities, seedie_orgs"))
    ref = doc._.seedie_reference_date
    return Extraction(
        text_length=doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0,
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
