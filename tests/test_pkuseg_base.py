"""seedie on a zh_core_web_sm-shaped base: pkuseg words, CTB tags, OntoNotes entities.

The base is built in the test session (tests/_pkuseg_base.py, fixtures in conftest.py), saved
to disk and loaded with ``seedie.load(path)``, the code path of ``seedie.load("zh_core_web_sm")``.
The expectations on the seed article are the ones the default pipeline is held to.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _pkuseg_base import WRITTEN, _ctb
from spacy.tokens import Doc, Span
from test_relations_seed import ITINERARY
from test_seed_orgs import GOVERNMENT, MERGED, NOT_ORGS, PARENTS

import seedie
from seedie.pipeline import SEEDIE_PIPES

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pkuseg_base.py"


@pytest.fixture(scope="module")
def pk_extraction(pkuseg_nlp, seed_text):
    return seedie.extract(seed_text, nlp=pkuseg_nlp)


@pytest.fixture(scope="module")
def companies(pk_extraction):
    return {c.name: c for c in pk_extraction.companies}


def _check_itinerary(extraction) -> None:
    assert len(extraction.visits) == len(ITINERARY), [v.host for v in extraction.visits]
    for visit, (host, day, tod) in zip(extraction.visits, ITINERARY, strict=True):
        assert host in visit.host
        assert (None if visit.date is None else (visit.date.month, visit.date.day)) == day
        assert visit.time_of_day == tod
        assert visit.delegation == "贵州省党政代表团"


def test_base_has_the_shape_of_zh_core_web_sm(pkuseg_nlp, pkuseg_base_path, seed_text):
    assert pkuseg_nlp.tokenizer.segmenter == "pkuseg"
    assert pkuseg_nlp.meta["seedie"]["base"] == str(pkuseg_base_path)
    assert pkuseg_nlp.pipe_names[:3] == ["tag_lexicon", "attribute_ruler", "entity_ruler"]
    assert pkuseg_nlp.pipe_names[3:] == list(SEEDIE_PIPES)
    doc = pkuseg_nlp(seed_text)
    assert doc.text == seed_text
    assert {"NR", "NN", "VV", "PU", "CD"} <= {t.tag_ for t in doc}
    assert {t.pos_ for t in doc if t.tag_ == "VV"} == {"VERB"}
    assert {t.pos_ for t in doc if t.tag_ == "NR"} == {"PROPN"}
    assert {"ORG", "GPE", "PERSON", "DATE", "MONEY", "CARDINAL"} <= {e.label_ for e in doc.ents}
    written = pkuseg_nlp("".join(WRITTEN))
    assert {"FAC", "NORP"} <= {e.label_ for e in written.ents}


def test_token_boundaries_differ_from_lac(nlp, pkuseg_nlp, seed_text):
    lac = {(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(seed_text)}
    pku = {(t.idx, t.idx + len(t.text)) for t in pkuseg_nlp.make_doc(seed_text)}
    assert len(pku - lac) > 100  # the fixture really tests other boundaries


def test_seed_itinerary(pk_extraction, pkuseg_base_path):
    _check_itinerary(pk_extraction)
    assert pk_extraction.base == str(pkuseg_base_path)


@pytest.mark.parametrize("name", sorted(MERGED))
def test_seed_organizations_found_and_merged(companies, name):
    assert name in companies, sorted(companies)
    assert MERGED[name] <= set(companies[name].aliases)


@pytest.mark.parametrize("child", sorted(PARENTS))
def test_seed_parents(companies, child):
    assert companies[child].parent == PARENTS[child]


def test_seed_government_and_no_junk(companies):
    assert all(companies[name].kind == "government" for name in GOVERNMENT)
    assert not (set(companies) & NOT_ORGS)


def test_exact_offsets_where_pkuseg_words_differ(pk_extraction, pkuseg_nlp, seed_text):
    for c in pk_extraction.companies:
        for m in c.mentions:
            assert seed_text[m.start : m.end] == m.text
    doc = pkuseg_nlp(seed_text)
    widened = 0
    for key, attr in (("seedie_dates", "seedie_date"), ("seedie_quantities", "seedie_quantity")):
        for span in doc.spans[key]:
            found = span._.get(attr)
            assert span.start_char <= found["start"] < found["end"] <= span.end_char
            widened += (found["start"], found["end"]) != (span.start_char, span.end_char)
    assert widened > 0  # some matches end inside a pkuseg word (6月16日 in 6月16日至)




def test_without_ner_patterns_and_kb_still_find_the_organizations(pkuseg_nlp, seed_text):
    with pkuseg_nlp.select_pipes(disable=["entity_ruler"]):
        result = seedie.extract(seed_text, nlp=pkuseg_nlp)
    names = {c.name for c in result.companies}
    # 盛屯集团 too: a name found once (盛屯集团创立于…) is matched where it recurs.
    assert set(MERGED) <= names, sorted(set(MERGED) - names)
    assert [v.host for v in result.visits] and len(result.visits) == len(ITINERARY)


def test_missing_pos_is_handled(pkuseg_nlp, seed_text):
    with pkuseg_nlp.select_pipes(disable=["tag_lexicon", "attribute_ruler"]):
        doc = pkuseg_nlp(seed_text)
        assert {t.pos_ for t in doc} == {""}
        result = seedie.extract(seed_text, nlp=pkuseg_nlp)
    _check_itinerary(result)
    names = {c.name for c in result.companies}
    assert set(MERGED) <= names, sorted(set(MERGED) - names)


# Invented names: 星汉 has no organization head and is in no KB, so only NER can propose it;
# 蓝湾园区 ends with a facility head; 海门大桥 is a bridge.
_WORDS = "双方 见证 星汉 与 蓝湾 园区 签约 ， 车队 经过 海门 大桥 。".split()
_SPANS = {"星汉": (2, 3), "蓝湾园区": (4, 6), "海门大桥": (10, 12)}


def _orgs_with(nlp, labels: dict[str, str]) -> set[str]:
    doc = Doc(nlp.vocab, words=_WORDS, spaces=[False] * len(_WORDS))
    doc.ents = [Span(doc, *_SPANS[text], label=label) for text, label in labels.items()]
    doc = nlp.get_pipe("seedie_orgs")(doc)
    return {c["name"] for c in doc._.seedie_companies}


@pytest.mark.parametrize(
    ("label", "is_org"),
    [("ORG", True), ("FAC", False), ("NORP", False), ("MONEY", False), ("CARDINAL", False),
     ("PERSON", False), ("GPE", False), ("DATE", False), ("PRODUCT", False)],
)  # fmt: skip
def test_ontonotes_labels_as_candidates(pkuseg_nlp, label, is_org):
    assert ("星汉" in _orgs_with(pkuseg_nlp, {"星汉": label})) is is_org


def test_fac_is_a_candidate_only_with_an_organization_head(pkuseg_nlp):
    found = _orgs_with(pkuseg_nlp, {"蓝湾园区": "FAC", "海门大桥": "FAC"})
    assert "蓝湾园区" in found and "海门大桥" not in found
    # A GPE label makes no candidate (test_ontonotes_labels_as_candidates), but a name with an
    # organization head is found by seedie's own name patterns whatever the base calls it.
    assert "蓝湾园区" in _orgs_with(pkuseg_nlp, {"蓝湾园区": "GPE"})


def test_ner_labels_setting(pkuseg_base_path):
    custom = seedie.load(
        pkuseg_base_path,
        config={"components.seedie_orgs.ner_labels": {"MONEY": "org", "ORG": "ignore"}},
    )
    labels = custom.get_pipe("seedie_orgs").ner_labels
    assert labels["MONEY"] == "org" and labels["FAC"] == "facility"  # merged into the default
    assert "星汉" in _orgs_with(custom, {"星汉": "MONEY"})
    assert "星汉" not in _orgs_with(custom, {"星汉": "ORG"})
    with pytest.raises(ValueError, match=r"\[E012\]"):
        seedie.load(pkuseg_base_path, config={"components.seedie_orgs.ner_labels": {"ORG": "x"}})


def test_pre_existing_ents_are_kept_with_annotate_ents(pkuseg_base_path, pkuseg_nlp):
    text = "".join(WRITTEN[:2])
    base_ents = [(e.start_char, e.end_char, e.label_) for e in pkuseg_nlp(text).ents]
    assert base_ents
    annotating = seedie.load(
        pkuseg_base_path,
        config={
            "components.seedie_orgs.annotate_ents": True,
            "components.seedie_quantities.annotate_ents": True,
        },
    )
    doc = annotating(text)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    orgs = [(s.start_char, s.end_char) for s in doc.spans["seedie_orgs"]]
    assert orgs and all((s, e, "ORG") in ents for s, e in orgs)
    for s, e, label in base_ents:  # base entities that no seedie span overlaps stay as they were
        if not any(s < oe and os < e for os, oe, _ in ents if (os, oe, _) != (s, e, label)):
            assert (s, e, label) in ents
    assert [v["host"] for v in doc._.seedie_visits] == ["星汉能源集团"]


def test_example_script_builds_a_base_and_runs_seedie(nlp, seed_text, tmp_path):
    """examples/pkuseg_base.py on a tagged corpus: seedie's analysis of the seed and WRITTEN."""
    lines = [line for line in seed_text.splitlines() if line.strip()] + WRITTEN
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(
        "\n".join(
            " ".join(f"{t.text}/{_ctb(t.text, t.tag_)}" for t in doc if not t.is_space)
            for doc in nlp.pipe(lines)
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(EXAMPLE), str(corpus), str(tmp_path / "base"), "--iterations", "2"],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "['tag_lexicon', 'attribute_ruler']" in out.stdout
    assert f"base used: {tmp_path / 'base'}" in out.stdout
    assert f"Visits ({len(ITINERARY)}):" in out.stdout
    assert "比亚迪 [company] byd" in out.stdout
