"""seedie.extract: input checking, reference dates, schema, determinism, long texts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import seedie

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "extraction.schema.json"


@pytest.mark.parametrize(
    ("value", "hint"),
    [(b"\xe6\xaf\x94", "decode"), (None, "str"), (42, "str"), (["a"], "str")],
    ids=["bytes", "None", "int", "list"],
)
def test_non_str_input_is_a_type_error_that_says_what_to_pass(value, hint):
    with pytest.raises(TypeError, match=hint):
        seedie.extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n", "。。。", "Hello world"], ids=repr)
def test_text_without_facts_gives_empty_result(nlp, text):
    result = seedie.extract(text, nlp=nlp)
    assert result.text_length == len(text)
    assert result.visits == [] and result.claims == [] and result.quantities == []


def test_reference_date_is_used_and_recorded(nlp):
    result = seedie.extract("今年4月15日，双方签约。", reference_date="2026-06-18", nlp=nlp)
    assert result.reference_date == dt.date(2026, 6, 18)
    assert result.reference_date_source == "given"


def test_bad_reference_date_is_a_clear_error(nlp):
    with pytest.raises(TypeError, match=r"\[E009\]"):
        seedie.extract("文本", reference_date="June 18", nlp=nlp)


def test_output_validates_against_json_schema(seed_extraction):
    import jsonschema  # a test dependency ([test] extra)

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(seed_extraction.to_json()), schema)


def test_schema_file_names_every_dataclass_field():
    import dataclasses

    from seedie import types

    defs = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    for name, spec in defs.items():
        cls = getattr(types, name)
        assert list(spec["properties"]) == [f.name for f in dataclasses.fields(cls)], name


def test_same_input_same_json(nlp, seed_text):
    assert (
        seedie.extract(seed_text, nlp=nlp).to_json() == seedie.extract(seed_text, nlp=nlp).to_json()
    )


def test_doc_input_gives_the_same_result(nlp, seed_text, seed_extraction):
    doc = nlp(seed_text)
    assert seedie.extract(doc, nlp=nlp).claims == seed_extraction.claims


def test_long_text_is_chunked_with_global_offsets(nlp):
    para = "盛屯集团累计完成投资45.9亿元，解决就业1500余人。\n"
    text = para * 40
    old = nlp.max_length
    nlp.max_length = 300
    try:
        with pytest.warns(seedie.errors.SeedieWarning, match=r"\[W002\]"):
            result = seedie.extract(text, nlp=nlp)
    finally:
        nlp.max_length = old
    assert len(result.quantities) == 80
    for q in result.quantities:
        assert text[q.start : q.end] == q.text
    assert len({c.id for c in result.companies}) == len(result.companies)


def test_chunked_delegation_keeps_global_offsets(nlp):
    text = "盛屯集团累计完成投资45.9亿元。\n" * 12 + "6月3日，云南省党政代表团来到盛屯集团考察。\n"
    old = nlp.max_length
    nlp.max_length = 200
    try:
        with pytest.warns(seedie.errors.SeedieWarning, match=r"\[W002\]"):
            result = seedie.extract(text, "2026-06-05", nlp=nlp)
    finally:
        nlp.max_length = old
    assert result.delegation is not None and result.delegation.mentions
    for m in result.delegation.mentions:
        assert text[m.start : m.end] == m.text
    d = result.delegation
    assert text[d.start : d.end] == d.name  # type: ignore[index]


def test_extract_many_streams_in_order(nlp):
    texts = ["员工近万人。", "", "销售额突破1.5亿元。"]
    results = list(seedie.extract_many(texts, nlp=nlp))
    assert [len(r.quantities) for r in results] == [1, 0, 1]
    assert results[2].quantities[0].value == 150000000.0


def test_extract_many_handles_texts_longer_than_max_length(nlp):
    para = "销售额突破1.5亿元。\n"
    old = nlp.max_length
    nlp.max_length = 50
    try:
        with pytest.warns(seedie.errors.SeedieWarning, match=r"\[W002\]"):
            results = list(seedie.extract_many(["员工近万人。", para * 10, "没有"], nlp=nlp))
    finally:
        nlp.max_length = old
    assert [len(r.quantities) for r in results] == [1, 10, 0]
    assert results[1].text_length == len(para * 10)


@pytest.mark.slow
def test_extract_many_with_two_processes_matches_one(nlp):
    texts = ["6月16日上午，贵州省党政代表团来到比亚迪集团考察。比亚迪员工近万人。"] * 6 + [""]
    multi = [r.to_json() for r in seedie.extract_many(texts, nlp=nlp, n_process=2, batch_size=2)]
    single = [r.to_json() for r in seedie.extract_many(texts, nlp=nlp)]
    assert multi == single and len(multi) == 7


def test_reference_date_with_a_processed_doc_is_a_clear_error(nlp):
    doc = nlp("6月16日上午，代表团来到比亚迪考察。")
    with pytest.raises(ValueError, match=r"\[E013\]"):
        seedie.extract(doc, "2026-06-20", nlp=nlp)


def test_reference_date_set_on_the_doc_before_processing_is_honoured(nlp):
    doc = nlp.make_doc("6月16日上午，贵州省党政代表团来到比亚迪考察。")
    doc._.seedie_reference_date = "2025-06-20"
    doc._.seedie_reference_date_source = "given"
    result = seedie.extract(nlp(doc), nlp=nlp)
    assert [v.date.isoformat() for v in result.visits] == ["2025-06-16"]


def test_a_failing_component_is_not_swallowed(nlp, monkeypatch):
    # extract() runs the pipeline through Language.__call__, so spaCy's error handling applies
    # and a crash inside a component reaches the caller instead of an empty result.
    pipe = nlp.get_pipe("seedie_quantities")

    def boom(doc):
        raise RuntimeError("component failed")

    monkeypatch.setattr(type(pipe), "__call__", lambda self, doc: boom(doc))
    with pytest.raises(RuntimeError, match="component failed"):
        seedie.extract("比亚迪员工近万人。", nlp=nlp)


def test_the_tokenizer_sets_the_sentences_later_stages_read(nlp):
    doc = nlp("代表团来到比亚迪。员工近万人！\n下午，代表团考察了华为")
    assert doc.has_annotation("SENT_START")
    assert [s.text.strip() for s in doc.sents] == ["代表团来到比亚迪。", "员工近万人！", "下午，代表团考察了华为"]


def test_components_use_spacys_error_handler(nlp, monkeypatch):
    from spacy.util import raise_error

    pipe = nlp.get_pipe("seedie_quantities")
    monkeypatch.setattr(type(pipe), "process", lambda self, doc: 1 / 0)
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, exc: seen.append((name, type(exc))))
    try:
        doc = nlp("比亚迪员工近万人。")
    finally:
        nlp.set_error_handler(raise_error)
    assert seen == [("seedie_quantities", ZeroDivisionError)]
    assert doc._.seedie_companies is not None  # the later components still ran


@pytest.mark.parametrize("batch_size", [1, 3, 40])
def test_nlp_pipe_runs_each_component_over_a_batch_in_order(nlp, monkeypatch, batch_size):
    # SeediePipe.pipe runs a component over several docs before the next component starts:
    # the docs come out in input order, as one call per text makes them, and a failing doc
    # goes to the error handler alone.
    from spacy.util import raise_error

    from seedie.pipe import IN_A_ROW

    texts = [f"代表团来到比亚迪。员工{n}人。" for n in range(IN_A_ROW + 5)]
    one_by_one = [seedie.extract(t, nlp=nlp).to_json() for t in texts]
    docs = nlp.pipe(texts, batch_size=batch_size)
    assert [seedie.extract(d, nlp=nlp).to_json() for d in docs] == one_by_one
    pipe = nlp.get_pipe("seedie_dates")
    process = type(pipe).process

    def fail_on_seven(self, doc):
        if "员工7人" in doc.text:
            raise ValueError("bad doc")
        return process(self, doc)

    monkeypatch.setattr(type(pipe), "process", fail_on_seven)
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, exc: seen.append((name, docs[0].text)))
    try:
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    finally:
        nlp.set_error_handler(raise_error)
    assert [d.text for d in docs] == texts
    assert seen == [("seedie_dates", texts[7])]
