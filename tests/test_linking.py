"""link_organizations: overlap resolution, abbreviations, variants, facilities, government."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedie.orgs.kb import OrgKB
from seedie.orgs.linking import link_organizations, resolve_overlaps
from seedie.orgs.names import OrgCandidate, find_org_names

FIXTURE = Path(__file__).parent / "fixtures" / "kb_small.jsonl"


@pytest.fixture(scope="module")
def kb() -> OrgKB:
    return OrgKB.from_jsonl(FIXTURE)


def run(text: str, kb: OrgKB, ner: list[str] = (), home: str | None = None):  # type: ignore[assignment]
    cands = []
    for word in ner:
        start = 0
        while (i := text.find(word, start)) != -1:
            cands.append(OrgCandidate(i, i + len(word), "ner"))
            start = i + len(word)
    cands += [OrgCandidate(s, e, "kb") for s, e, _ in kb.find(text)]
    seeds = [(c.start, c.end) for c in cands]
    cands += find_org_names(text, seeds)
    companies = link_organizations(text, cands, kb, home_province=home)
    for c in companies:
        assert all(text[m.start : m.end] == m.text for m in c.mentions)
        assert c.mentions == sorted(c.mentions, key=lambda m: m.start)
    return companies


@pytest.mark.parametrize(
    ("text", "ner", "expected"),
    [
        (
            "走进国家先进材料创新中心（以下简称材创中心）。材创中心成立于2020年。",
            [],
            {"国家先进材料创新中心": ["国家先进材料创新中心", "材创中心"]},
        ),
        (
            "宏图科技集团（下称“宏图”）表示，宏图将扩产。",
            ["宏图科技集团"],
            {"宏图科技集团": ["宏图科技集团", "宏图"]},
        ),
        (
            "代表团来到深圳宏图集团。宏图集团董事长说，宏图已在贵州投资。",
            ["宏图"],
            {"宏图集团": ["深圳宏图集团", "宏图集团", "宏图"]},
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_merging(kb: OrgKB, text: str, ner: list[str], expected: dict[str, list[str]]) -> None:
    got = {c.name: c.aliases for c in run(text, kb, ner)}
    assert got == expected


def test_kb_variants_and_subsidiary(kb: OrgKB) -> None:
    text = "阿克米与阿克米集团签约，阿克米汽车总经理说，云朵云和云朵科技都在贵州。"
    companies = run(text, kb)
    by_id = {c.id: c for c in companies}
    # The text's own most frequent form (ties: the shorter) names it; kb_id is the identity.
    assert by_id["acme"].name == "阿克米"
    assert by_id["acme"].aliases == ["阿克米", "阿克米集团"]
    assert by_id["acme-auto"].parent == "阿克米"
    assert by_id["acme-auto"].parent_id == "acme"
    assert by_id["nimbus-cloud"].parent_id == "nimbus"
    assert [c.id for c in companies] == ["acme", "acme-auto", "nimbus-cloud", "nimbus"]


def test_facility_is_parent_mention(kb: OrgKB) -> None:
    companies = run("代表团来到阿克米全球总部，贵阳阿克米负责人介绍", kb)
    assert [c.id for c in companies] == ["acme"]
    assert companies[0].kb_id == "acme"


def test_named_unit_gets_parent(kb: OrgKB) -> None:
    companies = run("云朵智能计算中心落户贵安", kb, ["云朵智能计算中心"])
    assert companies[0].name == "云朵智能计算中心"
    assert companies[0].parent_id == "nimbus"
    assert companies[0].id == "local:云朵智能计算中心"


@pytest.mark.parametrize(
    ("text", "home", "name"),
    [
        ("省商务厅党组书记介绍", "贵州", "贵州省商务厅"),
        ("省能源局局长表示", "贵州省", "贵州省能源局"),
        ("省委全会提出", "贵州", "贵州省委"),
        ("省商务厅党组书记介绍", None, "省商务厅"),
    ],
    ids=lambda v: str(v),
)
def test_government(kb: OrgKB, text: str, home: str | None, name: str) -> None:
    companies = run(text, kb, home=home)
    assert [(c.name, c.kind) for c in companies] == [(name, "government")]


@pytest.mark.parametrize(
    "text", ["广东和贵州", "该公司与其集团", "公司、企业和中心"], ids=lambda v: v
)
def test_junk_filtered(kb: OrgKB, text: str) -> None:
    ner = ["广东", "贵州", "该公司", "集团", "公司", "企业", "中心"]
    assert run(text, kb, ner) == []


def test_overlaps_prefer_longest_then_kb() -> None:
    text = "阿克米集团"
    cands = [OrgCandidate(0, 3, "kb"), OrgCandidate(0, 5, "pattern"), OrgCandidate(0, 5, "ner")]
    assert resolve_overlaps(text, cands) == [OrgCandidate(0, 5, "ner")]


def test_output_sorted_and_ids(kb: OrgKB) -> None:
    companies = run("青大与南示网合作", kb)
    assert [(c.id, c.kind) for c in companies] == [("qhu", "school"), ("grid-s", "company")]


def test_kb_alias_plus_legal_suffix_and_bare_short_form_are_one_org() -> None:
    kb = OrgKB.from_records(
        [{"id": "orion", "name": "星海控股集团有限公司", "aliases": ["星海控股"]}]
    )
    text = "代表团到访星海控股集团，星海计划三年投资80亿元。"
    ner = [OrgCandidate(text.index("星海控股集团"), text.index("星海控股集团") + 6, "ner"),
           OrgCandidate(text.index("星海计划"), text.index("星海计划") + 2, "ner")]  # fmt: skip
    (company,) = link_organizations(text, ner, kb)
    assert company.kb_id == "orion"
    assert set(company.aliases) == {"星海控股集团", "星海"}


@pytest.mark.parametrize(
    "text",
    ["新华社昆明9月6日电（记者 李华）代表团出发。", "新华社新闻记者 李华\n代表团出发。"],
    ids=["agency-dateline", "byline"],
)
def test_publisher_in_a_byline_gets_its_own_kind(text: str) -> None:
    kb = OrgKB.from_records([{"id": "xinhua", "name": "新华通讯社", "aliases": ["新华社"]}])
    (company,) = link_organizations(text, [OrgCandidate(0, 3, "kb")], kb)
    assert company.kind == "publisher"


def test_delegation_is_linked_with_its_own_kind() -> None:
    (company,) = link_organizations(
        "云南代表团赴上海学习考察", [OrgCandidate(0, 5, "ner")], OrgKB()
    )
    assert company.kind == "delegation"
