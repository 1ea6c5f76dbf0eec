"""Result dataclasses: frozen, JSON round trip, stable field order, display helpers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from seedie.display import describe_quantity, format_table
from seedie.types import (
    Claim,
    Company,
    Delegation,
    Extraction,
    Mention,
    Quantity,
    Trip,
    Visit,
)

Q = Quantity(text="超过500万枚", value=5e6, unit="枚", kind="count", low=5e6, qualifier="over",
             per="day", start=3, end=10)  # fmt: skip
EX = Extraction(
    text_length=100,
    base="lac",
    quantities=[Q],
    companies=[
        Company(
            id="byd",
            name="比亚迪",
            aliases=["比亚迪", "比亚迪集团"],
            kb_id="byd",
            kind="company",
            mentions=[Mention(text="比亚迪", start=0, end=3)],
        )  # fmt: skip
    ],
    visits=[
        Visit(
            id="v1",
            delegation="贵州省党政代表团",
            host="比亚迪",
            host_id="byd",
            place="深圳",
            date=dt.date(2026, 6, 16),
            time_of_day="morning",
        )  # fmt: skip
    ],
    claims=[Claim(id="c1", subject="比亚迪", subject_id="byd", quantity=Q, metric="鸡蛋")],
    delegation=Delegation(name="贵州省党政代表团", home="贵州"),
    trip=Trip(region="广东", start_date=dt.date(2026, 6, 16), end_date=dt.date(2026, 6, 17)),
    reference_date=dt.date(2026, 1, 1),
    reference_date_source="given",
)


def test_dataclasses_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Q.value = 1.0  # type: ignore[misc]


def test_to_dict_is_json_ready_and_round_trips():
    data = json.loads(EX.to_json())
    assert data["visits"][0]["date"] == "2026-06-16"
    assert data["claims"][0]["quantity"]["per"] == "day"
    assert Extraction.from_dict(data) == EX


def test_top_level_field_order_is_the_schema_order():
    assert list(EX.to_dict()) == [
        "text_length", "base", "quantities", "companies", "visits", "claims", "delegation",
        "trip", "reference_date", "reference_date_source", "schema_version",
    ]  # fmt: skip


def test_from_dict_ignores_unknown_keys():
    data = dict(Q.to_dict(), future_field=1)
    assert Quantity.from_dict(data) == Q


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (Q, ">5000000 枚/day"),
        (
            Quantity(
                text="近万人", value=1e4, unit="人", kind="count", high=1e4, qualifier="nearly"
            ),
            "<10000 人",
        ),  # fmt: skip
        (
            Quantity(
                text="三四万吨",
                value=3e4,
                unit="t",
                kind="mass",
                low=3e4,
                high=4e4,
                qualifier="range",
            ),
            "30000..40000 t",
        ),  # fmt: skip
        (Quantity(text="约5%", value=5.0, unit="%", kind="percent", qualifier="about"), "~5 %"),
        (
            Quantity(
                text="85%以上", value=85.0, unit="%", kind="percent", low=85.0, qualifier="at_least"
            ),
            "≥85 %",
        ),  # fmt: skip
    ],
    ids=["超过500万枚", "近万人", "三四万吨", "约5%", "85%以上"],
)
def test_describe_quantity(q, expected):
    assert describe_quantity(q) == expected


def test_format_table_lists_every_section():
    table = format_table(EX)
    assert "Visits (1)" in table and "Companies (1)" in table and "Claims (1)" in table
    assert "2026-06-16" in table and "比亚迪集团" in table


def test_html_repr_escapes_and_highlights():
    html = EX.to_html("比亚迪每天超过500万枚<b>")
    assert "<mark" in html and "&lt;b&gt;" in html
    tables = EX._repr_html_()
    assert tables.startswith('<div class="seedie-view"') and "<h4>Visits" in tables
    assert "<mark" not in tables  # without the text there is no article to highlight
