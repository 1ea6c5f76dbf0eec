"""The one place table (seedie.places) and its users."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from seedie import places
from seedie.orgs.kb import strip_place
from seedie.relations.context import gazetteer, normalize_place, province_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("贵州省", "贵州"),
        ("贵州", "贵州"),
        ("深圳市", "深圳"),
        ("宁夏回族自治区", "宁夏"),
        ("香港特别行政区", "香港"),
        ("某某市", "某某"),  # outside the table: the level word goes
        ("某某县", "某某县"),  # 县 is not a city level
        ("市", "市"),
        ("", ""),
    ],
)
def test_strip_level(name: str, expected: str) -> None:
    assert places.strip_level(name) == expected


def test_strip_level_with_all_levels() -> None:
    assert places.strip_level("某某县", places.level_suffixes()) == "某某"
    assert places.strip_level("某某自治州", places.level_suffixes()) == "某某"


@pytest.mark.parametrize(
    ("surface", "province"),
    [("深圳", "广东"), ("深圳市", "广东"), ("广东省", "广东"), ("阿克苏", "新疆"), ("某某", None)],
)
def test_province_of(surface: str, province: str | None) -> None:
    assert places.province_of(surface) == province
    assert province_of(surface) == province


@pytest.mark.parametrize(
    ("surface", "in_text"),
    [
        ("深圳", True),
        ("深圳市", True),
        ("南山区", True),
        ("南山", False),  # a district's bare form is also a word
        ("白银", False),  # a city's short form marked as a common word
        ("白银市", True),
        ("中关村", True),  # a zone whose name is its bare form
    ],
)
def test_running_text_forms(surface: str, in_text: bool) -> None:
    assert (surface in gazetteer()) is in_text
    assert places.lookup(surface) is not None  # every form is in the one table


def test_no_invented_city_forms() -> None:
    # A zone or district never gets a 市 form it does not have (中关村市, 海淀市).
    assert "中关村市" not in places.forms()
    assert "海淀市" not in places.forms()


def test_relations_lexicon_holds_no_places() -> None:
    raw = files("seedie").joinpath("data/relations.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert "provinces" not in data and "cities" not in data


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("贵州省商务厅", "商务厅"),
        ("贵州商务厅", "商务厅"),
        ("深圳盛屯集团", "盛屯集团"),
        ("盛屯集团", None),
    ],
)
def test_strip_place_prefix(surface: str, expected: str | None) -> None:
    assert strip_place(surface) == expected


def test_normalize_place_uses_the_table() -> None:
    assert normalize_place("广西壮族自治区") == "广西"
    assert normalize_place("某某省") == "某某"
    assert normalize_place("高新区") == "高新区"
