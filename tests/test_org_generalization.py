"""Organization names in shapes the genre uses across provinces: a company inside a zone
(某开发区内某某有限公司), a bracketed city inside a park's name, a software park named after its
city, and the 主委 title of a democratic party's committee. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import seedie

CASES = [
    # (text, names that must be found, strings that must not be a company name)
    (
        "考察组走访了北湖高新区内金禾精密有限公司和青松电器有限公司。",
        ["金禾精密有限公司", "青松电器有限公司"],
        ["北湖高新区内金禾精密有限公司"],
    ),
    (
        "访问团参观了苍梧工业园内的恒信包装有限公司。",
        ["恒信包装有限公司"],
        ["苍梧工业园内的恒信包装有限公司"],
    ),
    (
        "代表团先后来到江苏（苏州）新材料产业园、启航电子有限公司考察。",
        ["江苏（苏州）新材料产业园", "启航电子有限公司"],
        ["新材料产业园"],
    ),
    (
        "调研组一行来到绵阳软件园，听取了园区发展情况介绍。",
        ["绵阳软件园"],
        [],
    ),
    (
        "民进江州市委主委陈立新、副主委周敏陪同考察了远拓机械有限公司。",
        ["远拓机械有限公司"],
        ["民进江州市委主委"],
    ),
]


@pytest.mark.parametrize(("text", "found", "absent"), CASES)
def test_names_in_genre_shapes(nlp, text: str, found: list[str], absent: list[str]) -> None:
    companies = seedie.extract(text, nlp=nlp).companies
    names = {c.name for c in companies}
    surfaces = names | {a for c in companies for a in c.aliases}
    for name in found:
        assert name in names, (name, names)
    for wrong in absent:
        assert wrong not in surfaces, (wrong, surfaces)


def test_bracket_in_park_name_needs_a_place() -> None:
    # A bracketed phase or note is not a place: the park name is not read across it.
    from seedie.orgs.names import find_org_names

    text = "参观了示范园（二期）智能产业园"
    assert all("（" not in text[c.start : c.end] for c in find_org_names(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("考察团一行实地观摩了晨光微电子、曲江植物园等项目现场。", ["晨光微电子"]),
        ("代表团参观了青禾食品、远拓纺织等企业。", ["青禾食品", "远拓纺织"]),
        ("座谈会提出壮大新能源、新材料、生物医药等企业集群。", []),
        ("推进新能源汽车、智能制造等项目建设。", []),
    ],
)
def test_trade_names_in_lists_without_ner(text: str, found: list[str]) -> None:
    # Lists of visited projects name their owners; industry words alone name a sector.
    from seedie.orgs.headless import list_names
    from seedie.orgs.lexicon import lexicon

    assert [text[s:e] for s, e, _ in list_names(text, lexicon())] == found


@pytest.mark.parametrize(
    ("surface", "junk"),
    [("中华", True), ("国际", True), ("中华书局", False), ("国际商会", False)],
)
def test_a_bare_name_start_is_not_a_name(surface: str, junk: bool) -> None:
    from seedie.orgs.mentions import is_junk

    assert is_junk(surface) is junk


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A long stop name whose county the gazetteer may not know: the stop verb bounds it.
        ("来到石湾蔬菜高科技示范园。", ["石湾蔬菜高科技示范园"]),
        (
            "考察了北湖软件园、南岭电声产业园和东坡蔬菜高科技示范园。",
            ["北湖软件园", "南岭电声产业园", "东坡蔬菜高科技示范园"],
        ),
        # Without a stop verb a long stem still needs a recognisable start.
        ("会议要求，推动各县和全市重点高科技示范园建设。", []),
    ],
)
def test_stop_verbs_bound_long_stop_names(text: str, found: list[str]) -> None:
    from seedie.orgs.names import find_org_names

    assert [text[c.start : c.end] for c in find_org_names(text)] == found
