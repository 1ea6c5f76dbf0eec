"""Stops that no organization mention covers become organizations (seedie.relations.sites)."""

from __future__ import annotations

import pytest

import seedie
from seedie.relations.sites import site_organizations
from seedie.types import Company, Mention, Visit


def visit(host: str, host_id: str | None = None, start: int = 0) -> Visit:
    return Visit(
        id="v", delegation="代表团", host=host, host_id=host_id, start=start, end=start + len(host)
    )


@pytest.mark.parametrize(
    ("hosts", "expected"),
    [
        ([("青禾智慧产业园", None)], [("local:青禾智慧产业园", "other")]),
        ([("星河研究院", None)], [("local:星河研究院", "research")]),
        ([("青禾科技", "kb:1")], []),
        ([("甲乡青禾村", None)], []),
        ([("青禾智慧产业园", None), ("青禾智慧产业园", None)], [("local:青禾智慧产业园", "other")]),
    ],
    ids=["site", "kind-from-head", "linked", "village", "one-per-host"],
)
def test_site_organizations(
    hosts: list[tuple[str, str | None]], expected: list[tuple[str, str]]
) -> None:
    visits = [visit(h, i, start=10 * n) for n, (h, i) in enumerate(hosts)]
    sites, out = site_organizations(visits, [])
    assert [(s.id, s.kind) for s in sites] == expected
    assert all(v.host_id is not None for v in out if not v.host.endswith("村"))
    if sites:
        assert len(sites[0].mentions) == sum(
            1 for h, i in hosts if h == sites[0].name and i is None
        )


def test_a_host_named_as_a_known_organization_takes_its_id() -> None:
    known = Company(id="kb:7", name="青禾智慧产业园")
    orgs, out = site_organizations([visit("青禾智慧产业园")], [known])
    assert orgs == [known] and out[0].host_id == "kb:7"


def test_a_local_id_taken_by_another_name_is_not_reused() -> None:
    other = Company(id="local:青禾智慧产业园", name="青禾智慧")
    orgs, out = site_organizations([visit("青禾智慧产业园")], [other])
    assert [c.id for c in orgs] == ["local:青禾智慧产业园", "local:site:青禾智慧产业园"]
    assert out[0].host_id == orgs[1].id


def test_a_piece_of_a_site_name_gives_way_to_the_site() -> None:
    piece = Company(
        id="local:科学中心研究院",
        name="科学中心研究院",
        mentions=[Mention(text="科学中心研究院", start=4, end=11)],
    )
    kept = Company(
        id="kb:2", name="青禾科技", mentions=[Mention(text="青禾科技", start=30, end=34)]
    )
    orgs, _ = site_organizations([visit("甲市综合科学中心研究院", start=0)], [piece, kept])
    assert [c.name for c in orgs] == ["青禾科技", "甲市综合科学中心研究院"]


def test_a_listed_plain_name_is_a_company_of_the_extraction() -> None:
    text = "3月8日，访问团参访了3家企业，包括青禾电机、绿源茶业股份有限公司和星河科技有限公司。"
    result = seedie.extract(text, "2026-03-20")
    by_name = {c.name: c for c in result.companies}
    assert "青禾电机" in by_name
    host_ids = {v.host: v.host_id for v in result.visits}
    assert host_ids["青禾电机"] == by_name["青禾电机"].id


def test_a_project_keeps_its_owner() -> None:
    owner = Company(
        id="local:青禾稀土", name="青禾稀土", mentions=[Mention(text="青禾稀土", start=0, end=4)]
    )
    orgs, _ = site_organizations([visit("青禾稀土永磁材料生产项目", start=0)], [owner])
    assert [c.name for c in orgs] == ["青禾稀土", "青禾稀土永磁材料生产项目"]
