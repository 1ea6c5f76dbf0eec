"""seedie.evaluate: the matching rules of the gold format, the report, and ``seedie evaluate``."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import seedie
from seedie.cli import app
from seedie.evaluation import EvaluationReport, FieldScore
from seedie.evaluation.matching import date_accepts, score_extraction, script_folding_available
from seedie.evaluation.report import FIELDS
from seedie.types import Claim, Company, Extraction, Quantity, Visit

FIXTURES = Path(__file__).parent / "fixtures" / "evaluation"
GOLD, ARTICLES = FIXTURES / "gold", FIXTURES / "articles"
runner = CliRunner()
needs_opencc = pytest.mark.skipif(not script_folding_available(), reason="opencc not installed")


def _result(companies=(), visits=(), claims=()) -> Extraction:
    return Extraction(
        text_length=0,
        base="test",
        companies=[Company(id=f"local:{n}", name=n, aliases=list(a)) for n, a in companies],
        visits=[
            Visit(id=f"v{i}", delegation=None, host=h, date=d) for i, (h, d) in enumerate(visits)
        ],
        claims=[
            Claim(
                id=f"c{i}",
                subject=s,
                quantity=Quantity(text=str(v), value=v, unit=u, kind="other"),
            )
            for i, (s, v, u) in enumerate(claims)
        ],
    )


def _counts(score: FieldScore) -> tuple[int, int, int, int]:
    return score.tp, score.fp, score.fn, score.dup


# ----------------------------------------------------------------------------- companies
COMPANY_CASES = [
    # (gold name, gold aliases, predicted name, predicted aliases, matches)
    ("云岭电子集团有限公司", [], "云岭电子", [], True),
    ("云岭电子", [], "云岭电子股份有限公司", [], True),
    ("云岭电子集团", [], "云岭电子有限责任公司", [], True),
    ("云岭公司", [], "云岭", [], True),  # two characters may remain
    ("岭公司", [], "岭", [], False),  # one may not
    ("云岭电子", [], "云岭电器", [], False),
    ("江州港务集团", ["江州港"], "江州港", [], True),  # gold alias
    ("江州港", [], "江州港务集团", ["江州港"], True),  # predicted alias
    ("松湖科技园", [], "“松湖科技园”", [], True),  # quotes
    ("ＡＢ新能源", [], "ab 新能源", [], True),  # width, case, spaces
]


@pytest.mark.parametrize(
    "gold_name,gold_aliases,name,aliases,matches",
    COMPANY_CASES,
    ids=[f"{c[0]}~{c[2]}" for c in COMPANY_CASES],
)
def test_company_forms(gold_name, gold_aliases, name, aliases, matches):
    gold = {"companies": [{"name": gold_name, "aliases": gold_aliases}]}
    scores, _ = score_extraction(gold, _result(companies=[(name, aliases)]))
    assert _counts(scores["companies"]) == ((1, 0, 0, 0) if matches else (0, 1, 1, 0))


@needs_opencc
@pytest.mark.parametrize(
    "gold_name,name", [("明远新材料", "明遠新材料"), ("東湖村", "东湖村")], ids=["繁→简", "简→繁"]
)
def test_traditional_and_simplified_compare_equal(gold_name, name):
    gold = {"companies": [{"name": gold_name}]}
    scores, _ = score_extraction(gold, _result(companies=[(name, [])]))
    assert scores["companies"].tp == 1


OPTIONAL_CASES = [
    # (predicted names, tp, fp, fn, dup)
    ([], 0, 0, 1, 0),  # the required one is missed; the optional one is not
    (["东湖村"], 0, 0, 1, 0),  # matching the optional item neither counts nor costs
    (["明远新材料", "东湖村"], 1, 0, 0, 0),
    (["明远新材料", "明远新材料有限公司"], 1, 0, 0, 1),  # a repeat is a duplicate, not an FP
    (["明远新材料", "西山矿业"], 1, 1, 0, 0),
]


@pytest.mark.parametrize(
    "names,tp,fp,fn,dup", OPTIONAL_CASES, ids=["+".join(c[0]) or "none" for c in OPTIONAL_CASES]
)
def test_optional_items_and_duplicates(names, tp, fp, fn, dup):
    gold = {"companies": [{"name": "明远新材料"}, {"name": "东湖村", "optional": True}]}
    scores, _ = score_extraction(gold, _result(companies=[(n, []) for n in names]))
    assert _counts(scores["companies"]) == (tp, fp, fn, dup)


def test_required_gold_is_matched_before_optional_gold():
    # One prediction fits both a required and an optional gold item: the required one gets it.
    gold = {
        "companies": [
            {"name": "云岭电子集团", "optional": True},
            {"name": "云岭电子有限公司"},
        ]
    }
    scores, _ = score_extraction(gold, _result(companies=[("云岭电子", [])]))
    assert _counts(scores["companies"]) == (1, 0, 0, 0)


# ----------------------------------------------------------------------------- visits
D = dt.date
DATE_CASES = [
    # (gold date, gold date_range, predicted date, matches)
    ("2031-03-12", None, D(2031, 3, 12), True),
    ("2031-03-12", None, D(2031, 3, 13), False),
    ("2031-03-12", None, None, False),
    ("--06-05", None, D(2029, 6, 5), True),  # year unknown: any year
    ("--06-05", None, None, True),
    ("--06-05", None, D(2029, 6, 6), False),
    (None, ["2031-03-12", "2031-03-13"], D(2031, 3, 13), True),
    (None, ["2031-03-12", "2031-03-13"], D(2031, 3, 14), False),
    (None, ["2031-03-12", "2031-03-13"], None, True),
    (None, None, D(2040, 1, 1), True),  # no date in gold: any date
]


@pytest.mark.parametrize(
    "gold_date,date_range,got,matches",
    DATE_CASES,
    ids=[f"{c[0] or c[1]}~{c[2]}" for c in DATE_CASES],
)
def test_visit_dates(gold_date, date_range, got, matches):
    assert date_accepts(gold_date, date_range, got) is matches
    visit = {"host": "松湖科技园", "date": gold_date, "date_range": date_range}
    scores, _ = score_extraction({"visits": [visit]}, _result(visits=[("松湖科技园", got)]))
    assert scores["visits"].tp == int(matches)


HOST_CASES = [
    # (gold visit, gold companies, predicted host, predicted companies, matches)
    ({"host": "江州港务集团"}, [], "江州港", [], False),
    ({"host": "江州港务集团", "host_aliases": ["江州港"]}, [], "江州港", [], True),
    (
        {"host": "江州港务集团"},
        [{"name": "江州港务集团", "aliases": ["江州港"]}],
        "江州港",
        [],
        True,
    ),
    ({"host": "江州港务集团"}, [], "江州港", [("江州港务集团有限公司", ["江州港"])], True),
]


@pytest.mark.parametrize(
    "visit,gold_companies,host,companies,matches",
    HOST_CASES,
    ids=["no alias", "host_aliases", "gold company alias", "predicted company alias"],
)
def test_visit_hosts(visit, gold_companies, host, companies, matches):
    gold = {"visits": [visit], "companies": gold_companies}
    result = _result(companies=companies, visits=[(host, None)])
    assert score_extraction(gold, result)[0]["visits"].tp == int(matches)


# ----------------------------------------------------------------------------- claims
CLAIM = {"subject": "江州港务集团", "value": 450000.0, "unit": "标箱"}
CLAIM_CASES = [
    # (changes to the gold claim, predicted subject, value, unit, matches)
    ({}, "江州港务集团", 450000.0, "标箱", True),
    ({}, "江州港", 450000.0, "标箱", False),
    ({}, "江州港务集团", 450300.0, "标箱", True),  # within 1e-3
    ({}, "江州港务集团", 451000.0, "标箱", False),
    ({}, "江州港务集团", 450000.0, "TEU", False),
    ({"unit_alt": ["TEU"]}, "江州港务集团", 450000.0, "TEU", True),
    ({"subject_aliases": ["江州港"]}, "江州港", 450000.0, "标箱", True),
    ({"subject_aliases": ["江州市"]}, "江州", 450000.0, "标箱", True),  # place suffix
    ({"subject": "江州"}, "江州市", 450000.0, "标箱", True),
    ({"unit": "元", "value": 8.65e9}, "江州港务集团", 8.65e9, "CNY", True),  # unit spelling
    ({"unit": "吨"}, "江州港务集团", 450000.0, "t", True),
    ({}, None, 450000.0, "标箱", False),  # no subject
]


@pytest.mark.parametrize(
    "change,subject,value,unit,matches",
    CLAIM_CASES,
    ids=[f"{json.dumps(c[0], ensure_ascii=False)}~{c[1]}:{c[2]:g}{c[3]}" for c in CLAIM_CASES],
)
def test_claims(change, subject, value, unit, matches):
    gold = {"claims": [{**CLAIM, **change}]}
    scores, _ = score_extraction(gold, _result(claims=[(subject, value, unit)]))
    assert _counts(scores["claims"]) == ((1, 0, 0, 0) if matches else (0, 1, 1, 0))


def test_claim_subject_through_company_aliases():
    gold = {
        "companies": [{"name": "云岭电子集团有限公司", "aliases": ["云电"]}],
        "claims": [{"subject": "云岭电子集团有限公司", "value": 3000.0, "unit": "人"}],
    }
    scores, _ = score_extraction(gold, _result(claims=[("云电", 3000.0, "人")]))
    assert scores["claims"].tp == 1


def test_findings_name_misses_and_false_positives():
    gold = {"companies": [{"name": "明远新材料"}], "claims": [CLAIM]}
    result = _result(companies=[("西山矿业", [])], claims=[("江州港务集团", 1.0, "标箱")])
    _, findings = score_extraction(gold, result)
    got = {(f.field, f.kind, f.description.split()[0]) for f in findings}
    assert got == {
        ("companies", "miss", "明远新材料"),
        ("companies", "fp", "西山矿业"),
        ("claims", "miss", "江州港务集团"),
        ("claims", "fp", "江州港务集团"),
    }


def test_docstring_examples():
    attempted = 0
    for name in ("matching", "files", "report"):
        name = f"seedie.evaluation.{name}"
        result = doctest.testmod(importlib.import_module(name))
        assert result.failed == 0
        attempted += result.attempted
    assert attempted >= 3


def test_field_score_arithmetic():
    s = FieldScore(tp=3, fp=1, fn=2) + FieldScore(tp=1, fp=1, fn=0, dup=2)
    assert (s.tp, s.fp, s.fn, s.dup) == (4, 2, 2, 2)
    assert s.precision == pytest.approx(4 / 6) and s.recall == pytest.approx(4 / 6)
    assert s.f1 == pytest.approx(4 / 6)
    assert FieldScore().f1 == 0.0


def _gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def test_gold_restated_as_a_prediction_scores_one():
    gold = _gold("qingchuan_visit")
    result = _result(
        companies=[(c["name"], c["aliases"]) for c in gold["companies"]],
        visits=[(v["host"], dt.date.fromisoformat(v["date"])) for v in gold["visits"]],
        claims=[(c["subject"], c["value"], c["unit"]) for c in gold["claims"]],
    )
    scores, findings = score_extraction(gold, result)
    assert [scores[f].f1 for f in FIELDS] == [1.0, 1.0, 1.0] and findings == []


# ----------------------------------------------------------------------------- on files
def _required(name: str, field: str) -> int:
    return sum(1 for item in _gold(name)[field] if not item.get("optional"))


def test_evaluate_fixture_articles(nlp):
    report = seedie.evaluate(GOLD, ARTICLES, nlp=nlp, verbose=True)
    assert isinstance(report, EvaluationReport) and report.skipped == []
    assert [a.name for a in report.articles] == ["nanxi_mingyuan", "qingchuan_visit"]
    for article in report.articles:
        assert article.error is None
        for f in FIELDS:
            score = getattr(article, f)
            assert score.tp + score.fn == _required(article.name, f)  # every required item counted
            misses = [x for x in article.findings if x.field == f and x.kind == "miss"]
            fps = [x for x in article.findings if x.field == f and x.kind == "fp"]
            assert (len(misses), len(fps)) == (score.fn, score.fp)
    assert report.articles[1].reference_date == dt.date(2031, 3, 14)
    for f in FIELDS:
        total = report.overall(f)
        assert total.tp == sum(getattr(a, f).tp for a in report.articles)
        assert total.fp == sum(getattr(a, f).fp for a in report.articles)
    assert report.to_text().splitlines()[-1].startswith("evaluation: companies F1=")


def test_missing_pairs_are_reported_skips(nlp, tmp_path):
    gold, articles = tmp_path / "gold", tmp_path / "articles"
    shutil.copytree(GOLD, gold)
    shutil.copytree(ARTICLES, articles)
    (articles / "nanxi_mingyuan.txt").rename(tmp_path / "elsewhere.txt")
    (articles / "unannotated.txt").write_text("没有标注的文章。", encoding="utf-8")
    (gold / "broken.json").write_text("{not json", encoding="utf-8")
    report = seedie.evaluate(gold, articles, nlp=nlp)
    assert [a.name for a in report.articles] == ["qingchuan_visit"]
    assert {(s.name, s.code) for s in report.skipped} == {
        ("unannotated", "W041"),
        ("nanxi_mingyuan", "W040"),
        ("broken", "W042"),
    }
    assert all(s.message.startswith(f"[{s.code}]") for s in report.skipped)
    mapped = seedie.evaluate(
        gold, articles, nlp=nlp, texts={"nanxi_mingyuan": tmp_path / "elsewhere.txt"}
    )
    assert [a.name for a in mapped.articles] == ["nanxi_mingyuan", "qingchuan_visit"]


BROKEN_GOLD = [
    ("[]", "expected a JSON object"),
    ('{"reference_date": "3月12日"}', "'reference_date'"),
    ('{"companies": {"name": "云岭电子"}}', "'companies' must be a list"),
    ('{"companies": [{"aliases": ["云电"]}]}', "companies[0]: 'name'"),
    ('{"companies": [{"name": "云岭电子", "aliases": "云电"}]}', "'aliases' must be a list"),
    ('{"visits": [{"host": "松湖科技园", "date": "3-12"}]}', "visits[0]: 'date'"),
    ('{"visits": [{"host": "松湖科技园", "date_range": ["2031-03-12"]}]}', "'date_range'"),
    ('{"claims": [{"subject": "江州港", "value": "45万", "unit": "标箱"}]}', "'value'"),
    (
        '{"claims": [{"subject": "江州港", "value": 1, "unit": "标箱", "unit_alt": "TEU"}]}',
        "'unit_alt'",
    ),
]


@pytest.mark.parametrize("content,reason", BROKEN_GOLD, ids=[c[0] for c in BROKEN_GOLD])
def test_unusable_gold_is_skipped_with_the_reason(tmp_path, content, reason):
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("代表团来到松湖科技园。", encoding="utf-8")
    report = seedie.evaluate(tmp_path, tmp_path, nlp=object())  # never reaches extract
    assert report.articles == [] and len(report.skipped) == 1
    assert report.skipped[0].code == "W042" and reason in report.skipped[0].message


def test_a_failing_extract_is_scored_empty_and_logged(caplog):
    with caplog.at_level("ERROR", logger="seedie"):
        report = seedie.evaluate(GOLD, ARTICLES, nlp=object(), only=["qingchuan_visit"])
    (article,) = report.articles
    assert article.error and "[W045]" in caplog.text
    for f in FIELDS:
        score = getattr(article, f)
        assert (score.tp, score.fp, score.fn) == (0, 0, _required("qingchuan_visit", f))
    assert "EXTRACT-ERROR" in report.to_text()


def test_evaluate_rejects_a_missing_folder(tmp_path):
    with pytest.raises(ValueError, match=r"\[E040\]"):
        seedie.evaluate(tmp_path / "nope", ARTICLES)


# ----------------------------------------------------------------------------- command line
def test_cli_json_shape(nlp):
    result = runner.invoke(
        app, ["evaluate", str(GOLD), str(ARTICLES), "--json", "--base", "default"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"overall", "articles", "skipped", "script_folding"}
    keys = {"tp", "fp", "fn", "dup", "precision", "recall", "f1"}
    assert all(set(data["overall"][f]) == keys for f in FIELDS)
    article = data["articles"][1]
    assert article["name"] == "qingchuan_visit" and article["reference_date"] == "2031-03-14"
    assert all(set(article[f]) == keys for f in FIELDS)
    assert all(set(x) == {"field", "kind", "description"} for x in article["findings"])
    tps = sum(a["claims"]["tp"] for a in data["articles"])
    assert data["overall"]["claims"]["tp"] == tps


def test_cli_table_verbose_and_only(nlp):
    args = ["evaluate", str(GOLD), str(ARTICLES), "--only", "nanxi_mingyuan", "-v"]
    result = runner.invoke(app, [*args, "--base", "default"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].startswith("nanxi_mingyuan") and "qingchuan_visit" not in result.stdout
    assert lines[-1].startswith("evaluation: companies F1=")
    report = seedie.evaluate(GOLD, ARTICLES, nlp=nlp, only=["nanxi_mingyuan"], verbose=True)
    assert result.stdout.strip() == report.to_text(verbose=True)


@pytest.mark.parametrize(
    "args",
    [["/nonexistent/gold", str(ARTICLES)], [str(GOLD), str(ARTICLES), "--text", "no-equals"]],
    ids=["missing folder", "bad --text"],
)
def test_cli_usage_errors_exit_2(args):
    result = runner.invoke(app, ["evaluate", *args])
    assert result.exit_code == 2
    assert "[E04" in result.output


def test_cli_nothing_scored_exits_2(nlp, tmp_path):
    (tmp_path / "gold").mkdir()
    shutil.copy(GOLD / "qingchuan_visit.json", tmp_path / "gold")
    result = runner.invoke(
        app, ["evaluate", str(tmp_path / "gold"), str(tmp_path), "--base", "default"]
    )
    assert result.exit_code == 2
    assert "[W040]" in result.output and "[E042]" in result.output
