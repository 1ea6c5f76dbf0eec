"""Traditional characters: a simplified view with the same offsets, results as written."""

from __future__ import annotations

import pytest

import seedie
from seedie.text import script
from seedie.text.script import simplified_view

VIEW_CASES = [
    ("比亞迪員工近萬人", "比亚迪员工近万人"),
    ("黨政代表團赴廣東省學習考察", "党政代表团赴广东省学习考察"),
    ("乾隆年間", "乾隆年间"),  # phrase-aware: 乾 stays in 乾隆
    ("比亚迪员工近万人", "比亚迪员工近万人"),  # simplified text is left as it is
    ("BYD 2025", "BYD 2025"),
    ("第一行\n第二個段落", "第一行\n第二个段落"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "want"), VIEW_CASES, ids=[c[0] or "empty" for c in VIEW_CASES])
def test_simplified_view(text, want):
    view = simplified_view(text)
    assert view == want
    assert len(view) == len(text)


# Each traditional expression must parse exactly as its simplified form does.
QUANTITY_PAIRS = [
    ("200多億元", "200多亿元"),
    ("10多個", "10多个"),
    ("60餘人", "60余人"),
    ("兩萬噸", "两万吨"),
    ("近萬臺", "近万台"),
    ("超過3000萬美元", "超过3000万美元"),
    ("約1.5萬平方米", "约1.5万平方米"),
    ("逾兩成", "逾两成"),
]


@pytest.mark.parametrize(("trad", "simp"), QUANTITY_PAIRS, ids=[p[0] for p in QUANTITY_PAIRS])
def test_traditional_quantities_parse_as_simplified(trad, simp):
    t, s = seedie.parse_quantity(trad), seedie.parse_quantity(simp)
    assert s is not None and t is not None
    assert t.text == trad
    assert (t.value, t.unit, t.kind, t.low, t.high, t.qualifier, t.per) == (
        s.value, s.unit, s.kind, s.low, s.high, s.qualifier, s.per,
    )


def test_find_quantities_keeps_traditional_text_and_offsets():
    text = "項目總投資200多億元，帶動就業60餘人。"
    found = seedie.find_quantities(text)
    assert [q.text for q in found] == ["200多億元", "60餘人"]
    assert all(text[q.start : q.end] == q.text for q in found)


TRAD_ARTICLE = (
    "6月16日上午，雲南省黨政代表團來到華為技術有限公司考察。"
    "華為員工約20萬人，去年研發投入超過1600億元。"
    "隨後，代表團走進比亞迪，詳細了解新能源汽車生產情況。"
)


@pytest.fixture(scope="module")
def trad_result(nlp):
    return seedie.extract(TRAD_ARTICLE, "2026-06-20", nlp=nlp)


def test_traditional_companies_link_to_kb_and_keep_surface(trad_result):
    by_kb = {c.kb_id: c for c in trad_result.companies}
    assert "華為" in by_kb["huawei"].name or "華為" in by_kb["huawei"].aliases
    assert by_kb["byd"].name == "比亞迪"
    for c in trad_result.companies:
        for m in c.mentions:
            assert TRAD_ARTICLE[m.start : m.end] == m.text


def test_traditional_visits_and_claims_read_as_written(trad_result):
    hosts = [v.host for v in trad_result.visits]
    assert "比亞迪" in hosts
    assert all(v.delegation == "雲南省黨政代表團" for v in trad_result.visits)
    assert {v.date.isoformat() for v in trad_result.visits} == {"2026-06-16"}
    subjects = {c.subject for c in trad_result.claims}
    assert subjects and all(s is None or "华" not in s for s in subjects)
    for c in trad_result.claims:
        q = c.quantity
        assert TRAD_ARTICLE[q.start : q.end] == q.text
        assert c.sentence in TRAD_ARTICLE


def test_same_facts_as_the_simplified_text(nlp, trad_result):
    simp = seedie.extract(simplified_view(TRAD_ARTICLE), "2026-06-20", nlp=nlp)
    assert [c.kb_id for c in trad_result.companies] == [c.kb_id for c in simp.companies]
    assert [(v.host_id, v.date) for v in trad_result.visits] == [
        (v.host_id, v.date) for v in simp.visits
    ]
    assert [(c.subject_id, c.quantity.value, c.quantity.unit) for c in trad_result.claims] == [
        (c.subject_id, c.quantity.value, c.quantity.unit) for c in simp.claims
    ]


def test_extract_many_restores_each_text(nlp):
    texts = [TRAD_ARTICLE, "比亚迪员工近万人。", "比亞迪員工近萬人。"]
    results = list(seedie.extract_many(texts, "2026-06-20", nlp=nlp))
    assert [r.quantities[0].text for r in results[1:]] == ["近万人", "近萬人"]
    assert results[0].to_dict() == seedie.extract(TRAD_ARTICLE, "2026-06-20", nlp=nlp).to_dict()


def test_without_opencc_text_is_analysed_as_written(monkeypatch, nlp):
    monkeypatch.setattr(script, "_converter", lambda: None)
    assert simplified_view("比亞迪") == "比亞迪"
    result = seedie.extract("比亞迪員工近萬人。", nlp=nlp)
    assert all(q.text in "比亞迪員工近萬人。" for q in result.quantities)


@pytest.mark.parametrize("text", ["\ud800", "萬\udc00個", "a\ud83db\n億"], ids=repr)
def test_lone_surrogates_keep_their_place(text):
    view = simplified_view(text)
    assert len(view) == len(text)
    assert [c for c in view if "\ud800" <= c <= "\udfff"] == [
        c for c in text if "\ud800" <= c <= "\udfff"
    ]
