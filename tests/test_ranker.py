"""The learned claim-subject ranker: choice, training, the switch between model and rules."""

from __future__ import annotations

import pytest

import seedie
from seedie.evaluation.matching import subject_judge
from seedie.evaluation.training import Example, GoldArticle, collect, fit
from seedie.relations.ranker import (
    Candidate,
    Pool,
    SubjectModel,
    choose,
    current_model,
    default_model,
    record_pools,
    use_model,
)


def _cand(name: str, **features: float) -> Candidate:
    return Candidate(name=name, id=None, kind="org", start=0, end=1, features=features)


def _pool(*cands: Candidate, rule: int | None = 0) -> Pool:
    return Pool(start=0, end=1, value=1.0, unit="CNY", candidates=cands, rule=rule)


@pytest.mark.parametrize(
    ("weights", "rule", "expected"),
    [
        (None, 0, 0),  # no model: the rules' choice
        (None, None, None),
        ({"near": 1.0}, 0, 1),  # the model's best
        ({"near": -1.0}, 1, 0),
        ({}, 1, 1),  # a tie keeps the rules' choice
        ({"unknown": 5.0}, 0, 0),
    ],
)
def test_choose(weights, rule, expected):
    pool = _pool(_cand("甲公司"), _cand("乙公司", near=1.0), rule=rule)
    model = SubjectModel(weights=weights) if weights is not None else None
    with use_model(model):
        assert choose(pool) == expected


def test_use_model_restores_the_model_in_force():
    before = current_model()
    with use_model(SubjectModel(weights={"x": 1.0})):
        assert current_model() is not before
        with use_model(None):
            assert current_model() is None
    assert current_model() is before


def test_model_json_round_trip():
    model = SubjectModel(weights={"rule": 2.0, "kind:org": -0.25}, meta={"version": 1})
    again = SubjectModel.from_json(model.to_json())
    assert again.weights == model.weights and again.meta == {"version": 1}


def _examples() -> list[Example]:
    """Pools where the candidate with feature ``near`` is always the accepted one, and the
    rules chose the other one in a third of them."""
    out = []
    for i in range(30):
        rule = 0 if i % 3 else 1
        pool = _pool(_cand("甲", far=1.0), _cand("乙", near=1.0), rule=rule)
        cands = list(pool.candidates)
        cands[rule] = _cand(cands[rule].name, **{**cands[rule].features, "rule": 1.0})
        pool = _pool(*cands, rule=rule)
        out.append(Example("a", pool, (False, True)))
    return out


def test_fit_learns_the_feature_that_marks_the_subject():
    model = fit(_examples(), l2=0.01, rule_prior=0.0)
    assert model.weights["near"] > model.weights.get("far", 0.0)
    with use_model(model):
        assert all(choose(ex.pool) == 1 for ex in _examples())


def test_fit_is_deterministic_and_starts_from_the_rules():
    assert fit(_examples()).weights == fit(_examples()).weights
    assert fit([]).weights == {"rule": 2.0}
    # With a strong pull toward the prior the rules' choice is kept.
    strong = fit(_examples(), l2=100.0, rule_prior=2.0)
    with use_model(strong):
        assert [choose(ex.pool) for ex in _examples()] == [ex.pool.rule for ex in _examples()]


TEXT = "考察团参观了远帆电子科技有限公司，该公司去年产值达12亿元。"


def test_record_pools_sees_every_claim():
    with record_pools() as pools:
        result = seedie.extract(TEXT)
    assert len(pools) == len(result.claims) == 1
    names = [c.name for c in pools[0].candidates]
    assert "远帆电子科技有限公司" in names
    assert pools[0].rule is not None
    assert pools[0].candidates[pools[0].rule].features.get("rule") == 1.0


def test_a_model_changes_the_subject_and_the_rules_come_back():
    with use_model(SubjectModel(weights={"step:home": 0.0, "kind:org": -9.0, "kind:place": 9.0})):
        changed = seedie.extract("远帆电子科技有限公司在江州市去年产值达12亿元。")
    with use_model(None):
        rules = seedie.extract("远帆电子科技有限公司在江州市去年产值达12亿元。")
    assert rules.claims[0].subject == "远帆电子科技有限公司"
    assert changed.claims[0].subject.startswith("江州")


GOLD = {
    "claims": [
        {"subject": "远帆电子科技有限公司", "subject_aliases": ["远帆电子"], "value": 1.2e9,
         "unit": "CNY", "expr": "12亿元"},
    ],
    "companies": [{"name": "远帆电子科技有限公司", "aliases": ["远帆电子"]}],
}  # fmt: skip


@pytest.mark.parametrize(
    ("value", "unit", "name", "expected"),
    [
        (1.2e9, "CNY", "远帆电子", True),
        (1.2e9, "CNY", "远帆电子科技有限公司", True),
        (1.2e9, "CNY", "江州市", False),
        (3.0, "人", "远帆电子", None),  # no gold claim has that figure
    ],
)
def test_subject_judge(value, unit, name, expected):
    judge = subject_judge(GOLD, seedie.extract(TEXT))
    assert judge(value, unit, name) is expected


def test_collect_keeps_only_pools_with_a_choice():
    art = GoldArticle("a", "远帆电子科技有限公司在江州市去年产值达12亿元。", GOLD)
    examples, results = collect([art], seedie.extract)
    assert results["a"].claims
    for ex in examples["a"]:
        assert len(ex.labels) == len(ex.pool.candidates) >= 2 and any(ex.labels)


def test_the_package_ships_no_model_the_rules_decide():
    # benchmarks/cross_validate.py decides: weights ship only when the held-out row beats
    # the rules (docs/ranker.md gives the figures).
    assert default_model() is None
