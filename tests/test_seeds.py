"""Spec cases in seeds/cases.jsonl: short texts of the genre with what a reader expects.

Each line: {"id", "text", "reference_date"?, "expected": {"visits"?, "claims"?, "companies"?,
"trip"?, "delegation"?, "absent_companies"?, "absent_visits"?, "absent_claims"?}, "xfail"?:
"reason"}. Expected items are matched, not listed exhaustively, except that an empty list means
"nothing of that kind". Hosts and subjects match by containment (宁德时代 matches the canonical
宁德时代); every other given field must be equal. ``delegation`` is checked like an item
(name, home). ``absent_companies`` lists strings that must be neither the name nor an alias of
any company; ``absent_visits`` / ``absent_claims`` list items that no output item may fit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import seedie

CASES = [
    json.loads(line)
    for line in (Path(__file__).resolve().parent.parent / "seeds" / "cases.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"{case['id']}:{case['text'][:24]}", marks=marks)


def _fits(item: dict, want: dict, contains: tuple[str, ...]) -> bool:
    for key, value in want.items():
        got = item.get(key)
        if key in contains:
            if value is None:
                if got is not None:
                    return False
            elif got is None or value not in got:
                return False
        elif got != value:
            return False
    return True


def _claim_view(claim: dict) -> dict:
    return {**claim["quantity"], **{k: v for k, v in claim.items() if k != "quantity"}}


@pytest.mark.parametrize("case", list(_params()))
def test_case(nlp, case):
    result = seedie.extract(case["text"], case.get("reference_date"), nlp=nlp).to_dict()
    expected = case["expected"]
    for kind, contains in (("visits", ("host",)), ("claims", ("subject",)),
                           ("companies", ()),):  # fmt: skip
        if kind not in expected:
            continue
        items = result[kind] if kind != "claims" else [_claim_view(c) for c in result[kind]]
        if expected[kind] == []:
            assert items == [], items
        for want in expected[kind]:
            if kind == "companies" and "aliases" in want:
                want = dict(want)
                aliases = set(want.pop("aliases"))
                hits = [
                    i for i in items if _fits(i, want, contains) and aliases <= set(i["aliases"])
                ]
            else:
                hits = [i for i in items if _fits(i, want, contains)]
            assert hits, (want, items)
    if "trip" in expected:
        assert result["trip"] is not None and _fits(result["trip"], expected["trip"], ("region",))
    if "delegation" in expected:
        got = result["delegation"]
        assert got is not None and _fits(got, expected["delegation"], ()), got
    names = {n for c in result["companies"] for n in (c["name"], *c["aliases"])}
    for name in expected.get("absent_companies", []):
        assert name not in names, (name, sorted(names))
    for kind, contains in (("visits", ("host",)), ("claims", ("subject",))):
        items = result[kind] if kind != "claims" else [_claim_view(c) for c in result[kind]]
        for unwanted in expected.get(f"absent_{kind}", []):
            hits = [i for i in items if _fits(i, unwanted, contains)]
            assert not hits, (unwanted, hits)
