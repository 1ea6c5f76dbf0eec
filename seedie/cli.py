"""Command line: ``seedie extract PATH... | -`` (also ``python -m seedie``), ``seedie evaluate``.

A JSON array with one object per input (one input or many: the same shape), JSON Lines
(``--format jsonl``) for corpora, ``--format table`` for people, ``--format csv|parquet -o DIR``
for analysts (visits, companies and claims tables). ``--jsonl-input`` reads records with a
text field from JSON Lines files. A bad input (undecodable file, malformed line, missing
field) is reported on stderr as ``file:line`` with a coded reason and skipped
(``--on-error stop`` stops instead); the exit code is then 1. Usage errors print one line
with the code and the fix and exit with 2. A progress bar goes to stderr when there is more
than one input.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn, Optional, TextIO

import typer

from .errors import Errors

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract visits, organizations and quantitative claims from Chinese news.",
)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"
    parquet = "parquet"


class OnError(str, Enum):
    skip = "skip"
    stop = "stop"


TABLE_FORMATS = (Format.csv, Format.parquet)


def _version(value: bool) -> None:
    if value:
        from . import __version__  # noqa: PLC0415

        typer.echo(f"seedie {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Extract visits, organizations and quantitative claims from Chinese news."""


def _usage_error(message: str) -> NoReturn:
    """One line on stderr with the error code and the fix, exit code 2 (no traceback)."""
    typer.echo(f"seedie: {message}", err=True)
    raise typer.Exit(2)


@dataclass
class _Input:
    """One text to extract, or the reason it cannot be (``error`` is a coded message)."""

    source: str
    id: Any = None
    text: str | None = None
    error: str | None = None


def _decode(data: bytes, where: str, encoding: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, coded error); utf-8 also accepts (and drops) a leading BOM."""
    codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    if b"\x00" in data and "16" not in codec and "32" not in codec:
        offset = data.index(b"\x00")
        line = data[:offset].count(b"\n") + 1
        return None, Errors.E034.format(where=f"{where}:{line}", offset=offset)
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = f"byte {data[exc.start]:#04x} at offset {exc.start}"
        return None, Errors.E025.format(where=f"{where}:{line}", encoding=encoding, reason=reason)


def _read_inputs(
    paths: list[str], jsonl_input: bool, text_field: str, id_field: str, encoding: str
) -> Iterator[_Input]:
    """One _Input per text (file, or JSON Lines record); ``-`` reads standard input."""
    for p in paths:
        try:
            if p == "-":
                stream = getattr(sys.stdin, "buffer", None)
                data = stream.read() if stream is not None else sys.stdin.read().encode()
            else:
                data = Path(p).read_bytes()
        except OSError as exc:
            yield _Input(source=p, error=Errors.E026.format(where=p, reason=exc.strerror or exc))
            continue
        raw, error = _decode(data, p, encoding)
        if raw is None:
            yield _Input(source=p, error=error)
            continue
        if not jsonl_input:
            yield _Input(source=p, text=raw)
            continue
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{p}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _Input(source=where, error=Errors.E023.format(where=where, reason=exc.msg))
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                if isinstance(record, dict):
                    got = (
                        f"a {type(record[text_field]).__name__}"
                        if text_field in record
                        else (f"no such field (fields: {', '.join(map(str, record)) or 'none'})")
                    )
                else:
                    got = f"a JSON {type(record).__name__}"
                msg = Errors.E024.format(where=where, field=text_field, got=got)
                yield _Input(source=where, id=_record_id(record, id_field), error=msg)
                continue
            yield _Input(source=where, id=_record_id(record, id_field), text=record[text_field])


def _record_id(record: Any, id_field: str) -> Any:
    return record.get(id_field) if isinstance(record, dict) else None


def _check_options(
    fmt: Format,
    output: Path | None,
    reference_date: str | None,
    n_process: int,
    batch_size: int,
    encoding: str,
) -> None:
    """Fail fast, before the pipeline loads, on every option value that cannot work."""
    from .api import check_reference  # noqa: PLC0415

    try:
        check_reference(reference_date)
    except TypeError as exc:
        _usage_error(f"{exc} (option --reference-date/-r)")
    for option, value in (("--n-process/-n", n_process), ("--batch-size", batch_size)):
        if value < 1:
            _usage_error(Errors.E028.format(option=option, got=value, fix="Pass 1 or more."))
    try:
        codecs.lookup(encoding)
    except LookupError:
        fix = "Pass a Python codec name such as utf-8, utf-8-sig, gbk, gb18030 or big5."
        _usage_error(Errors.E028.format(option="--encoding", got=encoding, fix=fix))
    if fmt in TABLE_FORMATS:
        if output is None or (output.exists() and not output.is_dir()):
            _usage_error(Errors.E029.format(fmt=fmt.value))
        if importlib.util.find_spec("pandas") is None:
            _usage_error(Errors.E030.format(what=f"--format {fmt.value}"))
        if fmt is Format.parquet and importlib.util.find_spec("pyarrow") is None:
            _usage_error(Errors.E031)


def _load(base: str) -> Any:
    from .pipeline import load  # noqa: PLC0415

    try:
        return load(base)
    except (ValueError, ImportError, OSError) as exc:
        _usage_error(f"{exc} (option --base)")


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Text files, or - for standard input."),
    fmt: Format = typer.Option(
        Format.json, "--format", "-f", help="json, jsonl, table, csv or parquet."
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="File for json/jsonl/table (default: standard output); directory for csv/parquet.",
    ),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", "-r", help="ISO date that 今年/6月16日 resolve against."
    ),
    base: str = typer.Option("auto", "--base", help="auto, default, jieba, or a zh pipeline."),
    jsonl_input: bool = typer.Option(
        False, "--jsonl-input", help="Inputs are JSON Lines with a text field."
    ),
    text_field: str = typer.Option("text", "--text-field", help="Field holding the text."),
    id_field: str = typer.Option(
        "id", "--id-field", help="Field holding the record's id (copied to the output's id)."
    ),
    encoding: str = typer.Option(
        "utf-8", "--encoding", help="Encoding of the inputs (utf-8 also accepts a BOM)."
    ),
    on_error: OnError = typer.Option(
        OnError.skip,
        "--on-error",
        help="skip: report a bad input on stderr and go on; stop: stop at the first one.",
    ),
    n_process: int = typer.Option(1, "--n-process", "-n", help="Worker processes."),
    batch_size: int = typer.Option(16, "--batch-size", help="Texts per batch."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar on stderr (default: >1 input)."
    ),
    indent: Optional[int] = typer.Option(None, "--indent", help="Indent JSON output."),
) -> None:
    """Extract facts from each input and print them.

    Exit code 0 when every input was extracted, 1 when some were skipped (or --on-error stop
    stopped), 2 for a usage error.
    """
    from .api import extract_many  # noqa: PLC0415

    _check_options(fmt, output, reference_date, n_process, batch_size, encoding)
    read = _read_inputs(paths, jsonl_input, text_field, id_field, encoding)
    inputs, failed = _readable_inputs(read, on_error)
    total = len(inputs) + failed
    nlp = _load(base)
    show = progress if progress is not None else len(inputs) > 1
    results = extract_many(
        [item.text or "" for item in inputs],
        reference_date,
        nlp=nlp,
        n_process=n_process,
        batch_size=batch_size,
        on_error="record",
    )
    out = output.open("w", encoding="utf-8") if output and fmt not in TABLE_FORMATS else None
    bad, collected, done = _write_results(inputs, results, fmt, out, on_error, show)
    failed += bad
    if fmt is Format.json:
        # Always an array, one object per input, whether one input or many (README).
        typer.echo(json.dumps(collected, ensure_ascii=False, indent=indent), file=out)
    elif fmt in TABLE_FORMATS:
        assert output is not None
        _write_tables(done, output, fmt)
    if out is not None:
        out.close()
    if failed:
        typer.echo(f"seedie: {Errors.E032.format(skipped=failed, total=total)}", err=True)
        raise typer.Exit(1)


def _readable_inputs(items: Iterable[_Input], on_error: OnError) -> tuple[list[_Input], int]:
    """The inputs that could be read, and how many could not (reported on stderr)."""
    inputs: list[_Input] = []
    failed = 0
    for item in items:
        if item.error is not None:
            typer.echo(f"seedie: {item.error}", err=True)
            failed += 1
            if on_error is OnError.stop:
                break
            continue
        inputs.append(item)
    return inputs, failed


def _write_results(
    inputs: list[_Input],
    results: Iterable[Any],
    fmt: Format,
    out: TextIO | None,
    on_error: OnError,
    show: bool,
) -> tuple[int, list[dict[str, Any]], list[tuple[Any, Any]]]:
    """Print table and jsonl records as they come. Returns how many inputs failed (reported on
    stderr), the json records, and the (id, result) pairs for csv/parquet."""
    from tqdm import tqdm  # noqa: PLC0415

    from .display import format_table  # noqa: PLC0415
    from .types import ExtractionError  # noqa: PLC0415

    failed = 0
    collected: list[dict[str, Any]] = []
    done: list[tuple[Any, Any]] = []
    bar = tqdm(total=len(inputs), disable=not show, file=sys.stderr, unit="doc")
    try:
        for item, result in zip(inputs, results):
            bar.update(1)
            if isinstance(result, ExtractionError):
                typer.echo(f"seedie: {item.source}: {result.message}", err=True)
                failed += 1
                if on_error is OnError.stop:
                    break
                continue
            record = {"source": item.source, "id": item.id, **result.to_dict()}
            if fmt is Format.table:
                typer.echo(f"== {item.source}", file=out)
                typer.echo(format_table(result), file=out)
            elif fmt is Format.jsonl:
                typer.echo(json.dumps(record, ensure_ascii=False), file=out)
            elif fmt is Format.json:
                collected.append(record)
            else:
                # str: one column type in Parquet even when some records carry numeric ids.
                done.append((str(item.id) if item.id is not None else item.source, result))
    finally:
        bar.close()
    return failed, collected, done


def _write_tables(done: list[tuple[Any, Any]], directory: Path, fmt: Format) -> None:
    """visits/companies/claims.{csv,parquet} in ``directory`` (docs/schema.md, "DataFrames")."""
    from .frames import to_frames  # noqa: PLC0415

    frames = to_frames([r for _, r in done], ids=[i for i, _ in done])
    directory.mkdir(parents=True, exist_ok=True)
    for name, frame in frames._asdict().items():
        if fmt is Format.csv:
            frame.to_csv(directory / f"{name}.csv", index=False)
        else:
            frame.to_parquet(directory / f"{name}.parquet", index=False)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of gold files NAME.json."),
    articles_dir: Path = typer.Argument(..., help="Folder of the articles NAME.txt."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and false positives."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    only: Optional[list[str]] = typer.Option(
        None, "--only", help="Score only this gold name (repeatable)."
    ),
    text: Optional[list[str]] = typer.Option(
        None, "--text", help="NAME=PATH: score NAME.json on the text at PATH (repeatable)."
    ),
    base: str = typer.Option("auto", "--base", help="auto, default, jieba, or a zh pipeline."),
) -> None:
    """Score extraction against gold annotations (format: docs/evaluation.md)."""
    from .errors import Errors  # noqa: PLC0415
    from .evaluation import check_folders  # noqa: PLC0415
    from .evaluation import evaluate as run_evaluation  # noqa: PLC0415
    from .pipeline import load  # noqa: PLC0415

    try:
        check_folders(gold_dir, articles_dir)  # before the pipeline loads
    except ValueError as exc:
        typer.echo(f"seedie: {exc}", err=True)
        raise typer.Exit(2) from None
    texts = {}
    for item in text or []:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            typer.echo(f"seedie: {Errors.E041.format(got=item)}", err=True)
            raise typer.Exit(2)
        texts[name] = Path(path)
    report = run_evaluation(
        gold_dir, articles_dir, nlp=load(base), verbose=verbose or as_json, texts=texts, only=only
    )
    if as_json:  # the table lists the skips itself; JSON readers see them on stderr too
        for skip in report.skipped:
            typer.echo(f"seedie: {skip.message}", err=True)
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo(report.to_text(verbose=verbose))
    if not report.articles:
        typer.echo(f"seedie: {Errors.E042.format(folder=str(gold_dir))}", err=True)
        raise typer.Exit(2)


@app.command()
def info(base: str = typer.Option("auto", "--base")) -> None:
    """Show the pipeline seedie would use: version, base and components."""
    from . import __version__  # noqa: PLC0415

    nlp = _load(base)
    typer.echo(f"seedie {__version__}; base: {nlp.meta['seedie']['base']}")
    typer.echo("pipeline: " + " -> ".join(["tokenizer", *nlp.pipe_names]))


def main() -> None:
    """Entry point of the ``seedie`` console script."""
    app()
