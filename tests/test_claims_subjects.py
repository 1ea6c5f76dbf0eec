"""Claim subjects and non-claims, table-driven, from hand-built spans (no pipeline)."""

from __future__ import annotations

import re

import pytest
from _relations_util import company

from seedie.relations.build import build_relations
from seedie.relations.hosts import _is_generic_stem, _topic_host
from seedie.text.sentences import split_sentences
from seedie.types import Company, Quantity

UNITS = {"亿元": ("CNY", 1e8, "money"), "万元": ("CNY", 1e4, "money"), "元": ("CNY", 1, "money"),
         "家": ("家", 1, "count"), "个": ("个", 1, "count"), "吨": ("t", 1, "mass"),
         "%": ("%", 1, "percent"), "届": ("届", 1, "count"), "公里": ("km", 1, "length"),
         "人": ("人", 1, "count"),
         "": ("", 1, "count")}  # fmt: skip


def quantities(text: str) -> list[Quantity]:
    """Every Arabic number of ``text`` with the unit right after it."""
    out = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)(亿元|万元|元|家|个|吨|%|届|公里|人)?", text):
        unit, scale, kind = UNITS[m.group(2) or ""]
        out.append(
            Quantity(text=m.group(), value=float(m.group(1)) * scale, unit=unit, kind=kind,
                     qualifier="exact", start=m.start(), end=m.end())
        )  # fmt: skip
    return out


def subjects(text: str, orgs: list[Company] | None = None) -> list[tuple[str | None, str]]:
    rel = build_relations(
        text,
        sentences=split_sentences(text),
        companies=orgs or [],
        quantities=quantities(text),
        dates=[],
        persons=[],
        places=[],
    )
    return [(c.subject, c.quantity.text) for c in rel.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A host named at the head of its clause owns the clause's figures and the next ones.
        ("青禾数字农业产业园是省级示范项目，总投资3亿元。",
         [("青禾数字农业产业园", "3亿元")]),
        # 另一重点项目 names nothing; the project after it does.
        ("另一重点项目松岭光电项目总投资8亿元。", [("松岭光电项目", "8亿元")]),
        # 一期工程 refers back to the last 工程.
        ("江滨绿道工程总投资6亿元。一期工程全长12公里。",
         [("江滨绿道工程", "6亿元"), ("江滨绿道工程", "12公里")]),
        # A section heading names the host of its paragraphs; 项目 refers to it.
        ("走访纪实\n松岭光电技改项目\n项目达产后年产值可达20亿元。",
         [("松岭光电技改项目", "20亿元")]),
        # A host after a visit verb, then 中心 referring back to it.
        ("随后来到青禾创新中心。中心已有企业60家。", [("青禾创新中心", "60家")]),
        # 我市/全市 with the outlet in the dateline; 全省 is its province.
        ("常州日报讯 去年全市实现产值5000亿元，全省共有企业900家。",
         [("常州", "5000亿元"), ("江苏", "900家")]),
        # The visitors' home is never 我市: the title's destination is.
        ("苏州市考察团赴常州学习\n苏州市考察团来我市考察。全市去年新签项目80个。",
         [("常州", "80个")]),
        # Written from the visitors' side (某省代表团赴…): 我省 is their home.
        ("云南省代表团赴广东学习\n代表团来到深圳。去年我省与广东合作项目达到120个。",
         [("云南", "120个")]),
        # 该市 -> the last city named.
        ("代表团来到洛阳市。该市去年旅游收入达900亿元。",
         [("洛阳", "900亿元")]),
        # A comparison (比全省) is not the subject.
        ("芜湖新闻网讯 全市工业增加值增长9%，比全省高2%。", [("芜湖", "9%"), ("芜湖", "2%")]),
        # Joint subjects keep their word.
        ("两地贸易额达到120亿元。", [("两地", "120亿元")]),
    ],
)  # fmt: skip
def test_subjects(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert subjects(text) == expected


def test_small_figures_in_digits_are_claims() -> None:
    text = "星河科技已有9个品种通过认证，一杯奶茶售价4元。"
    orgs = [company(text, "xh", "星河科技", "星河科技")]
    assert subjects(text, orgs) == [("星河科技", "9个"), ("星河科技", "4元")]


def test_examples_before_deng_are_not_the_subject() -> None:
    text = "考察团来到星河软件园。园区已有星河科技等50家企业入驻。"
    orgs = [company(text, "xh", "星河科技", "星河科技")]
    assert subjects(text, orgs) == [("星河软件园", "50家")]


def test_org_swallowing_an_amount_is_no_subject() -> None:
    text = "青禾中学举行捐赠仪式，捐赠9万元助学金，该校100名学生受助。"
    orgs = [company(text, "bad", "捐赠9万元助学金", "捐赠9万元助学金"),
            company(text, "school", "青禾中学", "青禾中学")]  # fmt: skip
    assert subjects(text, orgs) == [("青禾中学", "9万元")]


@pytest.mark.parametrize(
    "text",
    [
        "会议传达了党的二十届三中全会精神。",  # an ordinal of an event
        "编号为511的展台前人头攒动。",  # a bare number without unit or metric word
        "2025年3月，双方签署协议。",  # dates are no claims
        "全力推进“345”工程。",  # a programme's name in quotes
        "引进10亿元级项目。",  # an amount naming a class of projects
        "每卖出4台空调就有1台产自本地。",  # the terms of a ratio
        "双方围绕5个方面深入交流。",  # an abstract count
        "考察团一行8人参观了园区。",  # the visiting group's size: a trip fact
    ],
)
def test_not_claims(text: str) -> None:
    assert subjects(text) == []


@pytest.mark.parametrize(
    ("clause", "expected", "generic"),
    [
        ("青禾数字农业产业园是试点", "青禾数字农业产业园", False),
        ("目前小镇已建成", "小镇", True),
        ("一期工程总投资", "一期工程", True),
        ("另一重点项目松岭光电项目总投资", "松岭光电项目", False),
        ("两地签约项目335个", None, None),  # a joint word leads: no host
        ("签约项目335个", None, None),  # 项目 counted by the number after it
        ("借助中心的平台", None, None),  # 中心的: a modifier, not a topic
        ("考察团参观了园区", None, None),  # a verb phrase, not a name
        ("贫困小学生助学金", None, None),  # 小学 inside 小学生
    ],
)
def test_topic_host(clause: str, expected: str | None, generic: bool | None) -> None:
    host = _topic_host(clause, 0, len(clause))
    if expected is None:
        assert host is None
    else:
        assert host is not None and (host.name, host.generic) == (expected, generic)


@pytest.mark.parametrize(
    ("stem", "generic"), [("", True), ("另一重点", True), ("一期", True), ("松岭光电", False)]
)
def test_generic_stem(stem: str, generic: bool) -> None:
    assert _is_generic_stem(stem) is generic


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("考察团到青山湖区调研。", ["青山湖区"]),
        ("参观了松溪县工业园。", ["松溪县"]),
        ("走进高新区。", []),  # a kind of zone, not a named district
        ("去年全县增长5%。", []),  # a time word and 全县
        ("该县积极发展产业。", []),
    ],
)
def test_unlisted_places(text: str, found: list[str]) -> None:
    from seedie.relations.context import build_context
    from seedie.relations.local_places import _level_places

    ctx = build_context(text, split_sentences(text), [], [], [])
    assert [p.text for p in _level_places(ctx)] == found
