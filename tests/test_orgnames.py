"""find_org_names: stem + head patterns, seed extension, government short forms."""

from __future__ import annotations

import pytest

from seedie.orgs.names import find_org_names, head_of


def names(text: str, seeds: list[str] | None = None) -> list[str]:
    spans = [(text.index(s), text.index(s) + len(s)) for s in seeds or []]
    return [text[c.start : c.end] for c in find_org_names(text, spans)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上周考察团走进国家先进材料创新中心参观", ["国家先进材料创新中心"]),
        ("公司还引入其下游产业遵义华晟新材料公司", ["遵义华晟新材料公司"]),
        ("贵州工程研究院有专人负责", ["贵州工程研究院"]),
        ("代表团来到东莞宏图集团调研", ["东莞宏图集团"]),
        ("这一项目由成都新星科技有限公司承建", ["成都新星科技有限公司"]),
        ("他毕业于贵州大学，后来进入广东省工信厅", ["贵州大学", "广东省工信厅"]),
        ("省投资促进局负责人介绍", ["省投资促进局"]),
        ("省委全会研究了方案", ["省委"]),
        ("领导干部要全面部署", []),
        ("全球每卖出3部手机就有1部来自这里", []),
        ("多家企业在广州设立销售中心", []),
        ("该市有4家子公司和一家保险公司", []),
        ("公司与集团都很重视", []),
        ("党的十九大以来", ["十九大"]),
        ("代表团来到福州新区考察", ["福州新区"]),
        ("参观苏州工业园区", ["苏州工业园区"]),
        ("全国开发区数量增加", []),
        ("走进远帆生物制药（苏州）有限公司", ["远帆生物制药（苏州）有限公司"]),
        ("他说（记者）公司", []),
        ("全市十大产业", []),
        ("第二十次全国代表大会开幕", ["第二十次全国代表大会"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_patterns(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "seeds", "expected"),
    [
        ("云朵集团党委书记说", ["云朵"], ["云朵集团"]),
        ("首站来到阿克米全球总部", ["阿克米"], ["阿克米全球总部"]),
        ("贵阳阿克米总指挥说", ["阿克米"], ["贵阳阿克米"]),
        ("阿克米股份有限公司发布公告", ["阿克米"], ["阿克米股份有限公司"]),
        ("华云核心数据中心落地贵安", ["华云"], ["华云核心数据中心"]),
        ("她说华为与我们合作", ["华为"], ["华为"]),
        ("云朵党第十一次全国代表大会开幕", ["云朵党"], ["云朵党第十一次全国代表大会"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_seeds(text: str, seeds: list[str], expected: list[str]) -> None:
    assert names(text, seeds) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("贵州省商务厅", ("厅", "government")),
        ("盛达集团", ("集团", "company")),
        ("某某大学", ("大学", "school")),
        ("某某科学院", ("科学院", "research")),
        ("广东", None),
    ],
    ids=lambda v: str(v),
)
def test_head_of(name: str, expected: tuple[str, str] | None) -> None:
    assert head_of(name) == expected


def test_empty() -> None:
    assert find_org_names("") == []


@pytest.mark.parametrize(
    "text",
    [
        "远帆生物制药（苏州）有限公司和华润（集团）有限公司",
        "在园区内的远帆生物制药（苏州）有限公司（以下简称远帆）",
        "某省（某市）智能装备产业园" + "特别长的名字特别长的名字特别长的（苏州）有限公司",
        "（苏州）有限公司（（（）））ab(苏州)公司",
    ],
)
def test_bracketed_names_are_found_as_by_finditer(text, seed_text):  # type: ignore[no-untyped-def]
    from seedie.orgs.lexicon import lexicon
    from seedie.text.anchors import anchored_matches

    lex = lexicon()
    for t in (text, seed_text):
        want = [(m.span(), m.groupdict()) for m in lex.bracketed_re.finditer(t)]
        got = [(m.span(), m.groupdict()) for m in anchored_matches(lex.bracketed_re, lex.bracketed_anchor, t)]
        assert got == want


@pytest.mark.parametrize("text", ["党的二十大和十五大", "十一大学二十大会第十五大", "二十二大十九大"])
def test_short_congresses_are_found_as_by_finditer(text, seed_text):  # type: ignore[no-untyped-def]
    from seedie.orgs import names
    from seedie.text.anchors import anchored_matches

    for t in (text, seed_text):
        want = [m.span() for m in names._CONGRESS_SHORT.finditer(t)]
        got = [
            m.span()
            for m in anchored_matches(names._CONGRESS_SHORT, names._CONGRESS_SHORT_ANCHOR, t)
        ]
        assert got == want
