"""The visiting group, found once by seedie.orgs.delegation (pure) and stored by seedie_orgs."""

from __future__ import annotations

import pytest

import seedie
from seedie.orgs.delegation import find_delegation, short_place

CASES = [
    # (text, name, home)
    ("云南省党政代表团赴江苏省学习考察。", "云南省党政代表团", "云南"),
    ("6月2日，临沧市代表团来到昆明考察。", "临沧市代表团", "临沧"),
    # A county the gazetteer lacks: a two-character stem and its level.
    ("近日，武陟县党政考察团到我市考察。", "武陟县党政考察团", "武陟"),
    # No place before the group: the leader's title names its home.
    (
        "5月8日，湖南省株洲市委副书记、市长王某率党政代表团来我市学习考察。",
        "株洲市党政代表团",
        "株洲",
    ),
    ("温州市委副书记、市长李某带领考察团到台州考察。", "温州市考察团", "温州"),
    # Several leaders: the first one's title counts; a date or place clause is no title.
    ("在甲、乙两地，省委书记赵某，省委副书记、泉州市委书记钱某带领的检查组分别检查。",
     "检查组", None),  # fmt: skip
    # 我市/该县: the paper's own home, not named.
    ("市委书记孙某率领我市党政代表团赴合肥市参观考察。", "我市党政代表团", None),
    # Traditional characters.
    ("縣委書記周某帶領該縣黨政考察團赴江蘇考察。", "該縣黨政考察團", None),
    # Only 一行: the words after the leader verb.
    ("某商会会长吴某率企业家代表一行到柳州调研。", "企业家代表一行", None),
]


@pytest.mark.parametrize(("text", "name", "home"), CASES, ids=[c[0][:20] for c in CASES])
def test_delegation_name_and_home(text: str, name: str, home: str | None) -> None:
    found = find_delegation(text).delegation
    assert found is not None
    assert (found.name, found.home) == (name, home)


def test_every_reference_is_a_mention() -> None:
    text = "大湾区访问团（下称“访问团”）走进比亚迪。访问团成员表示，此行收获很大。张某一行随后离开。"
    info = find_delegation(text)
    surfaces = [text[s:e] for s, e in info.spans]
    assert surfaces == ["访问团", "访问团", "访问团", "一行"]
    assert [m.text for m in info.delegation.mentions] == surfaces  # type: ignore[union-attr]


def test_party_delegation_preferred_over_other_groups() -> None:
    text = "广西青年企业家代表团与贵州省党政代表团一同来到比亚迪。"
    assert find_delegation(text).delegation.name == "贵州省党政代表团"  # type: ignore[union-attr]


def test_base_ner_places_give_the_prefix() -> None:
    text = "川东北某某市党政代表团在兰溪考察。"
    start = text.index("某某市")
    found = find_delegation(text, [(start, start + 3)]).delegation
    assert found is not None and (found.name, found.home) == ("某某市党政代表团", "某某")


@pytest.mark.parametrize(
    "text", ["", "比亚迪年产值超百亿元。", "代表性企业纷纷落户。", "各部门统一行动，走进星河公司。"]
)
def test_no_group(text: str) -> None:
    assert find_delegation(text).delegation is None


@pytest.mark.parametrize(
    ("surface", "short"), [("贵州省", "贵州"), ("兰考县", "兰考"), ("深圳", "深圳"), ("市", "市")]
)
def test_short_place(surface: str, short: str) -> None:
    assert short_place(surface) == short


def test_orgs_component_stores_the_delegation(nlp) -> None:
    text = "6月3日，云南省党政代表团来到宁德时代新能源科技股份有限公司考察。代表团成员表示收获很大。"
    doc = nlp(text)
    stored = doc._.seedie_delegation
    assert (stored["name"], stored["home"]) == ("云南省党政代表团", "云南")
    assert [m["text"] for m in stored["mentions"]] == ["云南省党政代表团", "代表团"]


def test_relations_read_the_stored_delegation(nlp) -> None:
    """seedie_relations uses what seedie_orgs stored, and does not look for a group again."""
    text = "6月3日，云南省党政代表团来到宁德时代新能源科技股份有限公司考察。"
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "seedie_relations":
            doc._.seedie_delegation = None  # as if no group had been found
        doc = proc(doc)
    assert doc._.seedie_visits == []
    assert seedie.extract(text, nlp=nlp).visits[0].delegation == "云南省党政代表团"


def test_pipeline_analysis_has_no_problems(nlp) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["seedie_relations"] == []
    assert "doc._.seedie_delegation" in nlp.get_pipe_meta("seedie_orgs").assigns
    assert "doc._.seedie_delegation" in nlp.get_pipe_meta("seedie_relations").requires


def _unguarded(pattern):  # type: ignore[no-untyped-def]
    """The pattern without its leading first-character lookahead (seedie.lexicon.first_chars)."""
    import re

    assert pattern.pattern.startswith("(?=[")
    return re.compile(pattern.pattern[pattern.pattern.index("])") + 2 :])


def test_first_character_guards_change_no_match(seed_text):  # type: ignore[no-untyped-def]
    from seedie.orgs import delegation
    from seedie.orgs.lexicon import lexicon as org_lexicon

    lex = delegation.lexicon()
    samples = [seed_text, "贵州省党政代表团、企业家代表团和专家学习考察团一行，以及委员们、党的二十大、十五大"]
    for pattern in (lex.group_re, lex.ref_re, org_lexicon().group_re):
        plain = _unguarded(pattern)
        for text in samples:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
            assert [m.groupdict() for m in pattern.finditer(text)] == [
                m.groupdict() for m in plain.finditer(text)
            ]
