"""Command line: ``seedie extract PATH... | -`` (also ``python -m seedie``), ``seedie evaluate``.

JSON for one input, a JSON array for several, JSON Lines (``--format jsonl``) for corpora,
``--format table`` for people. ``--jsonl-input`` reads records with a text field from
JSON Lines files. A progress bar goes to stderr when there is more than one input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract visits, organizations and quantitative claims from Chinese news.",
)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _read_inputs(paths: list[str], jsonl_input: bool, text_field: str) -> Iterator[tuple[str, str]]:
    """Yield (source, text) pairs; ``-`` reads standard input."""
    for p in paths:
        raw = sys.stdin.read() if p == "-" else Path(p).read_text(encoding="utf-8")
        if not jsonl_input:
            yield p, raw
            continue
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                raise typer.BadParameter(
                    f"{p}:{n}: expected a JSON object with a string field {text_field!r}"
                )
            yield f"{p}:{record.get('id', n)}", record[text_field]


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Text files (UTF-8), or - for standard input."),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="json, jsonl or table."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", "-r", help="ISO date that 今年/6月16日 resolve against."
    ),
    base: str = typer.Option("auto", "--base", help="auto, default, jieba, or a zh pipeline."),
    jsonl_input: bool = typer.Option(
        False, "--jsonl-input", help="Inputs are JSON Lines with a text field."
    ),
    text_field: str = typer.Option("text", "--text-field", help="Field holding the text."),
    n_process: int = typer.Option(1, "--n-process", "-n", help="Worker processes."),
    batch_size: int = typer.Option(16, "--batch-size", help="Texts per batch."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar on stderr (default: >1 input)."
    ),
    indent: Optional[int] = typer.Option(None, "--indent", help="Indent JSON output."),
) -> None:
    """Extract facts from each input and print them."""
    from tqdm import tqdm  # noqa: PLC0415

    from .api import extract_many  # noqa: PLC0415
    from .display import format_table  # noqa: PLC0415
    from .pipeline import load  # noqa: PLC0415

    try:
        inputs = list(_read_inputs(paths, jsonl_input, text_field))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        typer.echo(f"seedie: cannot read input: {exc}", err=True)
        raise typer.Exit(2) from None
    nlp = load(base)
    show = progress if progress is not None else len(inputs) > 1
    results = extract_many(
        (text for _, text in inputs),
        reference_date,
        nlp=nlp,
        n_process=n_process,
        batch_size=batch_size,
    )
    bar = tqdm(results, total=len(inputs), disable=not show, file=sys.stderr, unit="doc")
    collected = []
    for (source, _), result in zip(inputs, bar):
        if fmt is Format.table:
            typer.echo(f"== {source}")
            typer.echo(format_table(result))
        elif fmt is Format.jsonl:
            typer.echo(json.dumps({"source": source, **result.to_dict()}, ensure_ascii=False))
        else:
            collected.append({"source": source, **result.to_dict()})
    if fmt is Format.json:
        payload = collected[0] if len(collected) == 1 else collected
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=indent))


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
    from .pipeline import load  # noqa: PLC0415

    nlp = load(base)
    typer.echo(f"seedie {__version__}; base: {nlp.meta['seedie']['base']}")
    typer.echo("pipeline: " + " -> ".join(["tokenizer", *nlp.pipe_names]))


def main() -> None:
    """Entry point of the ``seedie`` console script."""
    app()
