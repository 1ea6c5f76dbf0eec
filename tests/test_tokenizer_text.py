"""The text a tokenizer keeps for seedie's components is the Doc's text."""

from __future__ import annotations

import pytest

from seedie import extensions

TEXTS = [
    "贵州省党政代表团前往广东。比亚迪员工近万人。",
    "",
    "  空格\n\n和换行\t之后",
    "单独的代理项\ud800不会让分词失败。",
    "第二批：深圳市、东莞市。" * 30,
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_kept_text_is_the_docs_text(nlp, text):  # type: ignore[no-untyped-def]
    doc = nlp.tokenizer(text)
    assert extensions.doc_text(doc) == doc.text
    assert len(doc.text) == len(text)


@pytest.mark.parametrize("batch_size", [1, 3])
def test_batched_docs_keep_their_own_text(nlp, batch_size):  # type: ignore[no-untyped-def]
    docs = list(nlp.tokenizer.pipe(TEXTS, batch_size=batch_size))
    assert [extensions.doc_text(d) for d in docs] == [d.text for d in docs]


def test_the_kept_text_is_dropped_after_the_pipeline(nlp):  # type: ignore[no-untyped-def]
    doc = nlp(TEXTS[0])
    assert ("seedie", "text") not in doc.user_data
