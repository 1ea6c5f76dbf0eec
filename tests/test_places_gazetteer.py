"""The full gazetteer (scripts/build_gazetteer.py): every level is found, company names that
start with a county-level place stay whole, and county short forms that are ordinary words
are no places in running text. Sentences and company names are made up for these tests.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

from seedie import places
from seedie.orgs.names import find_org_names
from seedie.relations.context import build_context, gazetteer
from seedie.text.sentences import split_sentences


def _rows() -> list[dict[str, object]]:
    raw = files("seedie.data").joinpath("places.json").read_text(encoding="utf-8")
    rows: list[dict[str, object]] = json.loads(raw)["places"]
    return rows


@pytest.mark.parametrize(
    ("surface", "name", "short", "province", "kind"),
    [
        ("桐庐县", "桐庐县", "桐庐", "浙江", "county"),  # a county
        ("桐庐", "桐庐县", "桐庐", "浙江", "county"),
        ("仪征", "仪征市", "仪征", "江苏", "county_city"),  # a county-level city
        ("姑苏区", "姑苏区", "姑苏", "江苏", "district"),  # a district
        ("长阳", "长阳土家族自治县", "长阳", "湖北", "county"),  # an autonomous county
        ("察布查尔", "察布查尔锡伯自治县", "察布查尔", "新疆", "county"),
        ("恩施土家族苗族自治州", "恩施土家族苗族自治州", "恩施", "湖北", "city"),
        ("鄂托克", "鄂托克旗", "鄂托克", "内蒙古", "county"),  # a banner
        ("鄂托克前旗", "鄂托克前旗", "鄂托克前旗", "内蒙古", "county"),  # its wing stays
        ("锡林郭勒", "锡林郭勒盟", "锡林郭勒", "内蒙古", "city"),  # a league
        ("神农架", "神农架林区", "神农架", "湖北", "county"),
        ("万柏林区", "万柏林区", "万柏林", "山西", "district"),  # a 区, not a 林区
        ("湾仔", "湾仔区", "湾仔", "香港", "district"),  # Hong Kong's districts
        ("九龙", "九龙", "九龙", "香港", "district"),  # Kowloon, not 九龙县's short form
        ("氹仔", "氹仔", "氹仔", "澳门", "district"),  # Macau
        ("花地玛堂区", "花地玛堂区", "花地玛", "澳门", "district"),
        ("彰化", "彰化县", "彰化", "台湾", "county"),  # Taiwan's counties and cities
        ("新北市", "新北市", "新北", "台湾", "city"),
    ],
)
def test_every_level_is_in_the_table(
    surface: str, name: str, short: str, province: str, kind: str
) -> None:
    place = places.lookup(surface)
    assert place is not None
    assert (place.name, place.short, place.province, place.kind) == (name, short, province, kind)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("考察团来到桐庐县，参观了两家企业。", "桐庐县"),  # a county
        ("代表团赴义乌考察小商品市场。", "义乌"),  # a county-level city, bare
        ("调研组在姑苏区召开座谈会。", "姑苏区"),  # a district, in full
        ("企业家们前往长阳土家族自治县考察。", "长阳土家族自治县"),  # an autonomous county
        ("访问团在湾仔区参观会展中心。", "湾仔区"),  # Hong Kong
        ("考察团抵达氹仔参观。", "氹仔"),  # Macau
        ("来自彰化县的台商考察团。", "彰化县"),  # Taiwan
        ("考察团来到河南范县参观。", "范县"),  # a two-character county after its province
    ],
)
def test_places_found_in_running_text(text: str, place: str) -> None:
    ctx = build_context(text, split_sentences(text), [], [], [])
    assert place in [p.text for p in ctx.places]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("双方将进一步加强合作。", "合作"),  # 合作市
        ("比如资源共享、优势互补。", "比如"),  # 比如县, 资源县
        ("比如资源共享、优势互补。", "资源"),
        ("中方愿同各方一道维护和平。", "中方"),  # 中方县, 和平区/县
        ("中方愿同各方一道维护和平。", "和平"),
        ("他们对这里非常熟悉。", "常熟"),  # a piece of 非常熟悉
        ("该县是全国示范县。", "范县"),  # a piece of 示范县
        ("大城市的辐射带动作用明显。", "大城"),  # 大城县
        ("公安、通道、南部地区", "公安"),  # 公安县
        ("产量居世界首位。", "界首"),  # 界首市
    ],
)
def test_county_short_forms_that_are_words_are_no_places(text: str, word: str) -> None:
    ctx = build_context(text, split_sentences(text), [], [], [])
    assert word not in [p.text for p in ctx.places]
    place = places.lookup(word)
    if place is not None and place.name != word:  # a short form: not even a known place
        assert word not in gazetteer()


@pytest.mark.parametrize(
    "name",
    [
        "桐庐县恒远智能科技有限公司",  # county + company
        "宁都县赣江源农业科技有限公司",
        "仪征市华昌精密机械制造有限公司",  # county-level city + company
        "长阳土家族自治县清江源生态农业开发有限公司",  # a long autonomous county
        "察布查尔锡伯自治县锦程农牧业发展有限公司",
    ],
)
def test_company_names_prefixed_by_a_county_stay_whole(name: str) -> None:
    text = f"近日，考察团一行参观了{name}的生产车间。"
    found = [text[c.start : c.end] for c in find_org_names(text)]
    assert name in found


def test_a_park_with_a_bracketed_county_city_starts_after_the_verb() -> None:
    # 仪征 is a known place now, so the bracketed park is a name; 形成 bounds its stem.
    text = "近年来，该市形成青禾（仪征）汽车工业园和两个开发区。"
    found = [text[c.start : c.end] for c in find_org_names(text)]
    assert "青禾（仪征）汽车工业园" in found


def test_curated_entries_survive_the_build() -> None:
    rows = _rows()
    curated = [r for r in rows if "source" not in r]
    assert len(curated) >= 387
    by_name = {(r["name"], r["province"]): r for r in curated}
    assert by_name[("白银市", "甘肃")].get("common_word") is True
    assert by_name[("双龙", "贵州")].get("common_word") is True
    assert by_name[("贵州省", "贵州")]["abbr"] == "黔"
    assert places.lookup("白银") is not None and "白银" not in gazetteer()


def test_table_is_complete_and_sorted() -> None:
    rows = _rows()
    kinds = [str(r["kind"]) for r in rows]
    assert kinds.count("county") > 1400 and kinds.count("county_city") > 300
    assert kinds.count("district") > 900 and kinds.count("city") > 330
    assert all(k in places.KINDS for k in kinds)
    made = [r for r in rows if "source" in r]
    order = ["city", "county_city", "county", "district"]
    keys = [(order.index(str(r["kind"])), str(r.get("adcode", "~")), str(r["name"])) for r in made]
    assert keys == sorted(keys)
    # Generic names (城区, 郊区) are rows but no forms.
    assert any(r.get("generic") for r in rows)
    assert "郊区" not in places.forms() and "城区" not in places.forms()


@pytest.mark.parametrize(
    "text",
    ["深圳市与深圳", "贵州省贵阳市南明区", "走进长阳土家族自治县和鄂托克前旗", "非常熟悉"],
)
def test_trie_pattern_matches_like_the_longest_first_alternation(text: str) -> None:
    words = sorted(places.forms(), key=lambda s: (-len(s), s))
    flat = re.compile("|".join(re.escape(w) for w in words))
    trie = re.compile(places.trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_old_forms_keep_their_place() -> None:
    # Shared short forms go to the curated row first (白云 is 贵州's 白云区, as before).
    assert places.province_of("白云区") == "贵州"
    assert places.province_of("朝阳区") == "北京"
    assert places.province_of("南山区") == "广东"
