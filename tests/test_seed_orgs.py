"""Organizations in the seed article, as a careful reader lists and merges them.

Written from reading seeds/003_2845115161f2390a.txt; no code names any of them.
"""

from __future__ import annotations

import pytest

# Canonical name (or a fragment of it) -> surface forms that must be merged into it.
MERGED = {
    "比亚迪": {"比亚迪", "比亚迪集团", "贵阳比亚迪", "比亚迪全球总部"},
    "国家新型储能创新中心": {"国家新型储能创新中心", "国创中心"},
    "盛屯集团": {"盛屯集团", "深圳盛屯集团", "盛屯"},
    "华为": {"华为"},
    "华为云": {"华为云"},
    "南方电网": {"南方电网"},
    "广东区域协作消费帮扶产品交易中心": {"广东区域协作消费帮扶产品交易中心"},
    "贵州生态能源职业学院": {"贵州生态能源职业学院"},
    "比亚迪应用科技学院": {"比亚迪应用科技学院"},
    "贵州电科院": {"贵州电科院"},
    "福泉鼎盛新材料公司": {"福泉鼎盛新材料公司"},
    "福泉厦钨新材料有限公司": {"福泉厦钨新材料有限公司"},
    "深圳证券交易所": {"深圳证券交易所"},
    "TUV": {"TUV"},
    "UL": {"UL"},
}
# Brands and subsidiaries point to their parent.
PARENTS = {
    "腾势": "比亚迪",
    "华为云": "华为",
    "华为核心算力中心": "华为",
    "比亚迪应用科技学院": "比亚迪",
}
# Government bodies written without their province belong to the delegation's province.
GOVERNMENT = {"贵州省商务厅", "贵州省能源局", "贵州省大数据发展管理局", "贵州省委"}
# Not organizations of the story: bylines, slogans, generic phrases, places.
NOT_ORGS = {"贵州日报", "贵州日报天眼", "前店后厂", "新时代", "红军", "新能源汽车", "贵州电力",
            "发展部", "广东", "贵州", "深圳"}  # fmt: skip


@pytest.fixture(scope="module")
def companies(seed_extraction):
    return {c.name: c for c in seed_extraction.companies}


@pytest.mark.parametrize("name", sorted(MERGED))
def test_found_and_merged(companies, name):
    assert name in companies, sorted(companies)
    assert MERGED[name] <= set(companies[name].aliases)


@pytest.mark.parametrize("child", sorted(PARENTS))
def test_parent_relation(companies, child):
    assert companies[child].parent == PARENTS[child]
    assert companies[child].parent_id == companies[PARENTS[child]].id


@pytest.mark.parametrize("name", sorted(GOVERNMENT))
def test_government_bodies_completed_with_home_province(companies, name):
    assert companies[name].kind == "government"


def test_no_junk_organizations(companies):
    assert not (set(companies) & NOT_ORGS)


def test_each_surface_form_belongs_to_one_company(seed_extraction):
    seen: dict[str, str] = {}
    for c in seed_extraction.companies:
        for alias in c.aliases:
            assert seen.setdefault(alias, c.id) == c.id, alias


def test_mentions_are_exact_offsets(seed_extraction, seed_text):
    for c in seed_extraction.companies:
        for m in c.mentions:
            assert seed_text[m.start : m.end] == m.text


def test_known_companies_carry_kb_ids(companies):
    assert companies["比亚迪"].kb_id and companies["华为"].kb_id and companies["南方电网"].kb_id
    assert companies["盛屯集团"].id.startswith("local:") and companies["盛屯集团"].kb_id is None
