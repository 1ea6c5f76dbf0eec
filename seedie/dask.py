"""Scale seedie out on Dask: a bag of texts in, a bag of ``Extraction.to_dict()`` records out.

    >>> import dask.bag as db, seedie.dask
    >>> records = seedie.dask.extract_bag(db.from_sequence(texts, npartitions=8)).compute()

The pipeline is loaded once per worker *process* (a module-level cache keyed by base, filled
on the first partition a process sees) and then reused for every later partition: loading
costs about a second and a few hundred MB, so loading per partition or per text would
dominate. Records are plain JSON-ready dicts, so results pickle cheaply between processes
and can go straight to ``bag.map(json.dumps).to_textfiles(...)``.

Dask is an optional dependency (``pip install 'seedie[dask]'``); it is imported only when
one of these functions is called, so ``import seedie.dask`` itself never fails.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob as _glob
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    from spacy.language import Language

__all__ = ["extract_bag", "extract_files", "worker_nlp", "extract_partition"]

from .errors import Errors

_DASK_MISSING = Errors.E010

# One pipeline per base per process. Dask workers with processes=True each import this
# module once, so this dict is the per-worker cache; the lock covers workers that run
# several threads (threads_per_worker > 1), which would otherwise race to load twice.
_PIPELINES: dict[str, Language] = {}
_LOCK = threading.Lock()
# How many times this process loaded a pipeline, per base: lets tests and users check that
# a worker really loaded only once.
LOAD_COUNTS: dict[str, int] = {}


def _require_dask() -> Any:
    """Import ``dask.bag`` or raise E010 (without the chained ModuleNotFoundError noise)."""
    try:
        import dask.bag as db  # noqa: PLC0415
    except ImportError:
        raise ImportError(_DASK_MISSING) from None
    return db


def worker_nlp(base: str = "default") -> Language:
    """The pipeline for ``base`` in this process, loaded on first use and cached.

    Args:
        base: passed to :func:`seedie.load` ("default", "lac", "jieba", or a zh pipeline).

    Returns:
        The same ``spacy.Language`` object for every call with the same base in a process.
    """
    nlp = _PIPELINES.get(base)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(base)
            if nlp is None:
                from .pipeline import load  # noqa: PLC0415

                nlp = _PIPELINES[base] = load(base)
                LOAD_COUNTS[base] = LOAD_COUNTS.get(base, 0) + 1
    return nlp


def _reference_iso(reference_date: dt.date | str | None) -> str | None:
    """Validate on the client (fail before any task is scheduled) and ship a plain string."""
    if reference_date is None:
        return None
    from .api import check_reference  # noqa: PLC0415

    ref = check_reference(reference_date)
    return ref.isoformat() if ref else None


def extract_partition(
    texts: Iterable[str],
    *,
    base: str = "default",
    reference_date: str | None = None,
    batch_size: int = 16,
    on_error: str = "raise",
) -> list[dict[str, Any]]:
    """Extract every text of one partition with this process's cached pipeline.

    Uses :func:`seedie.extract_many`, which batches the analyzer over ``batch_size`` texts
    and sends texts longer than ``nlp.max_length`` through chunking, so each record equals
    ``seedie.extract(text, reference_date).to_dict()`` whatever the text's length.

    Returns:
        One ``Extraction.to_dict()`` record per text, in order. A non-str element raises
        seedie's ``TypeError`` [E021] (and so fails the partition) with ``on_error="raise"``;
        with ``on_error="record"`` its record is ``ExtractionError.to_dict()`` (it has an
        ``"error"`` key, which Extraction records never have).
    """
    from .api import extract_many  # noqa: PLC0415

    nlp = worker_nlp(base)
    return [
        ex.to_dict()
        for ex in extract_many(
            texts,
            reference_date,
            nlp=nlp,
            batch_size=batch_size,
            on_error=cast(Literal["record"], on_error),  # "raise" yields no error records
        )
    ]


def extract_bag(
    bag_of_texts: dask.bag.Bag,
    *,
    reference_date: dt.date | str | None = None,
    base: str = "default",
    batch_size: int = 16,
    on_error: str = "raise",
) -> dask.bag.Bag:
    """Map a Dask bag of texts to a bag of ``Extraction.to_dict()`` records (same order).

    Args:
        bag_of_texts: a ``dask.bag.Bag`` of ``str`` (e.g. ``db.from_sequence(texts)``).
            Partition size sets the unit of work; a few partitions per worker is plenty.
        reference_date: as in :func:`seedie.extract` (``datetime.date`` or ISO string).
        base: the pipeline each worker loads once (default: the offline LAC pipeline, so
            results do not depend on what a worker happens to have installed).
        batch_size: texts per ``nlp.pipe`` batch inside a partition.
        on_error: "raise" or "record", as in :func:`seedie.extract_many` (a bad element
            becomes an ``ExtractionError.to_dict()`` record instead of failing its partition).

    Returns:
        A lazy ``dask.bag.Bag``; call ``.compute()`` or write it with ``.to_textfiles()``.

    Raises:
        ImportError: [E010] Dask is not installed.
        TypeError: ``reference_date`` is not a date or ISO date string (raised here, before
            any work is scheduled).
    """
    db = _require_dask()
    if not isinstance(bag_of_texts, db.Bag):
        raise TypeError(
            f"extract_bag() takes a dask.bag.Bag of str; got {type(bag_of_texts).__name__}. "
            "Wrap a list with dask.bag.from_sequence(texts, npartitions=...)."
        )
    if on_error not in ("raise", "record"):
        raise ValueError(Errors.E022.format(got=on_error))
    ref = _reference_iso(reference_date)
    bag = bag_of_texts.map_partitions(
        extract_partition,
        base=base,
        reference_date=ref,
        batch_size=batch_size,
        on_error=on_error,
    )
    return cast("dask.bag.Bag", bag)


def _read_text(path: str, encoding: str) -> str:
    # utf-8 also accepts (and drops) a leading BOM, as Windows editors write one.
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    return Path(path).read_text(encoding=codec)


def _read_records(
    paths: Iterable[str],
    *,
    base: str,
    reference_date: str | None,
    batch_size: int,
    encoding: str,
    include_path: bool,
    on_error: str = "raise",
) -> list[dict[str, Any]]:
    """Read a partition's files on the worker (not the client) and extract them."""
    from .errors import Errors  # noqa: PLC0415
    from .types import ExtractionError  # noqa: PLC0415

    paths = list(paths)
    texts: list[Any] = []
    failures: dict[int, dict[str, Any]] = {}
    for i, path in enumerate(paths):
        try:
            texts.append(_read_text(path, encoding))
        except UnicodeDecodeError as exc:
            if on_error == "raise":
                raise UnicodeDecodeError(
                    exc.encoding, exc.object, exc.start, exc.end, f"{exc.reason} in {path}"
                ) from None
            reason = f"byte {exc.object[exc.start]:#04x} at offset {exc.start}"
            message = Errors.E025.format(where=path, encoding=encoding, reason=reason)
            failures[i] = ExtractionError(
                index=i, code="E025", error="UnicodeDecodeError", message=message, source=path
            ).to_dict()
            texts.append("")
        except OSError as exc:
            if on_error == "raise":
                raise
            message = Errors.E026.format(where=path, reason=exc.strerror or exc)
            failures[i] = ExtractionError(
                index=i, code="E026", error=type(exc).__name__, message=message, source=path
            ).to_dict()
            texts.append("")
    records = extract_partition(
        texts, base=base, reference_date=reference_date, batch_size=batch_size, on_error=on_error
    )
    for i, failure in failures.items():
        records[i] = failure
    for record, path in zip(records, paths):
        if "error" in record:
            # Indexes count files of this partition; the path says which file it was.
            record["source"] = path
        if include_path:
            record["path"] = path
    return records


def _expand(
    paths_glob_or_list: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
) -> list[str]:
    if isinstance(paths_glob_or_list, (str, os.PathLike)):
        pattern = os.fspath(paths_glob_or_list)
        # Sorted so that record order (and therefore output files) is reproducible.
        paths = sorted(_glob.glob(pattern, recursive=True))
        if not paths and Path(pattern).is_file():
            paths = [pattern]
        if not paths:
            raise FileNotFoundError(f"extract_files(): no file matches {pattern!r}")
        return paths
    return [os.fspath(p) for p in paths_glob_or_list]


def extract_files(
    paths_glob_or_list: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    npartitions: int | None = None,
    reference_date: dt.date | str | None = None,
    base: str = "default",
    batch_size: int = 16,
    encoding: str = "utf-8",
    include_path: bool = True,
    on_error: str = "raise",
) -> dask.bag.Bag:
    """One record per file (each file is one article), read and processed on the workers.

    Args:
        paths_glob_or_list: a glob such as ``"corpus/**/*.txt"`` (expanded on the client,
            sorted) or a list of paths.
        npartitions: number of partitions (default: about 4 files per partition, at most
            100 partitions).
        encoding: the files' encoding; "utf-8" (the default) also accepts a leading BOM.
        include_path: add a ``"path"`` key to each record (after the schema's keys).
        on_error: "raise" (default): a file that cannot be read or decoded fails its
            partition, naming the file. "record": its record is ``ExtractionError.to_dict()``
            (keys index, code, error, message, source; ``"error"`` marks it) and the
            other files go on.

    Returns:
        A lazy bag of ``Extraction.to_dict()`` records (plus ``"path"``), in path order.

    Example:
        >>> bag = seedie.dask.extract_files("news/*.txt", npartitions=8)
        >>> bag.map(json.dumps).to_textfiles("out/*.jsonl")
    """
    db = _require_dask()
    if on_error not in ("raise", "record"):
        raise ValueError(Errors.E022.format(got=on_error))
    codecs.lookup(encoding)  # an unknown codec fails here, not on every worker
    paths = _expand(paths_glob_or_list)
    if npartitions is None:
        npartitions = max(1, min(100, (len(paths) + 3) // 4))
    ref = _reference_iso(reference_date)
    bag = db.from_sequence(paths, npartitions=npartitions).map_partitions(
        _read_records,
        base=base,
        reference_date=ref,
        batch_size=batch_size,
        encoding=encoding,
        include_path=include_path,
        on_error=on_error,
    )
    return cast("dask.bag.Bag", bag)
