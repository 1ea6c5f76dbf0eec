"""The itinerary grammar (seedie.relations.itinerary) on invented lists: members, the place
group governing each, whether 等… closes the list, and where the list ends."""

from __future__ import annotations

import pytest

from seedie.relations.itinerary import parse, place_group


def members(text: str, verb: str) -> list[tuple[str, str | None]]:
    start = text.index(verb) + len(verb)
    found = parse(text, start, len(text))
    return [(text[m.start : m.end], m.place) for m in found.members]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            "代表团先后深入甲山县的青禾农业、绿源茶厂，乙水区的星河电子等处进行了考察。",
            "深入",
            [("青禾农业", "甲山县"), ("绿源茶厂", "甲山县"), ("星河电子", "乙水区")],
        ),
        (
            "考察团参观了青禾农业、绿源茶厂，以及星河电子产业园等企业。",
            "参观",
            [("青禾农业", None), ("绿源茶厂", None), ("星河电子产业园", None)],
        ),
        (
            "访问团参访了3家企业，包括青禾农业、绿源茶厂和星河电子。",
            "参访",
            [("青禾农业", None), ("绿源茶厂和星河电子", None)],
        ),
        (
            "代表团实地察看了：青禾农业、绿源茶厂。",
            "察看",
            [("青禾农业", None), ("绿源茶厂", None)],
        ),
        (
            "考察团走访了青禾农业、绿源茶厂，听取了情况介绍。",
            "走访",
            [("青禾农业", None), ("绿源茶厂", None)],
        ),
        (
            "代表团先后来到甲山县的（青禾）农业园、绿源茶厂，乙水区的星河电子等地。",
            "来到",
            [("（青禾）农业园", "甲山县"), ("绿源茶厂", "甲山县"), ("星河电子", "乙水区")],
        ),
    ],
    ids=["place-groups", "yiji-segment", "count-intro", "colon", "open-list-ends", "brackets"],
)
def test_members_and_place_groups(
    text: str, verb: str, expected: list[tuple[str, str | None]]
) -> None:
    assert members(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "typed", "last"),
    [
        ("代表团参观了青禾农业、绿源茶厂等企业。", "参观", True, "绿源茶厂"),
        ("代表团参观了青禾农业、绿源茶厂等各园区企业。", "参观", True, "绿源茶厂"),
        ("代表团参观了青禾农业、绿源茶厂三家代表性企业。", "参观", True, "绿源茶厂"),
        ("代表团参观了青禾农业、绿源茶厂等地。", "参观", False, "绿源茶厂"),
        (
            "代表团来到青禾中心，这是重点平台，已有绿源茶厂等30家企业入驻。",
            "来到",
            False,
            "青禾中心",
        ),
    ],
    ids=["deng-qiye", "deng-ge-yuanqu-qiye", "count-after", "deng-di", "far-count"],
)
def test_a_closing_that_names_the_members_kind(
    text: str, verb: str, typed: bool, last: str
) -> None:
    found = parse(text, text.index(verb) + len(verb), len(text))
    assert found.typed is typed
    assert text[found.members[-1].start : found.members[-1].end] == last


@pytest.mark.parametrize(
    ("text", "verb", "closed"),
    [
        ("代表团先后来到青禾农业、绿源茶厂等地调研。", "来到", True),
        ("代表团参观了青禾农业、绿源茶厂等，进行了考察。", "参观", False),
        ("代表团参观了青禾农业、绿源茶厂等进行考察。", "参观", True),
        ("代表团参观了青禾农业、绿源茶厂。", "参观", False),
    ],
)
def test_closing(text: str, verb: str, closed: bool) -> None:
    start = text.index(verb) + len(verb)
    assert parse(text, start, len(text)).closed is closed


@pytest.mark.parametrize(
    "text",
    [
        "代表团深入了解了青禾农业的情况。",
        "代表团深入调研了当地产业。",
        "代表团深入便走进青禾农业。",
    ],
)
def test_a_verb_after_the_cue_is_no_list(text: str) -> None:
    start = text.index("深入") + 2
    assert parse(text, start, len(text)).members == ()


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("访问团参访了3家企业，包括青禾农业、绿源茶厂。", True),
        ("访问团参访了12家台资企业，包括青禾农业、绿源茶厂。", True),
        ("访问团参访了青禾农业、绿源茶厂。", False),
    ],
)
def test_a_count_introduces_the_list(text: str, typed: bool) -> None:
    found = parse(text, text.index("参访") + 2, len(text))
    assert found.typed is typed
    assert [text[m.start : m.end] for m in found.members] == ["青禾农业", "绿源茶厂"]


def test_a_segment_with_its_own_cue_ends_the_list() -> None:
    text = "代表团走进青禾老街；次日上午走访星河研究院和蓝湾等企业。"
    found = parse(text, text.index("走进") + 2, len(text))
    assert [text[m.start : m.end] for m in found.members] == ["青禾老街"]
    assert found.end == text.index("；")


def test_a_plain_segment_after_a_comma_ends_an_open_list() -> None:
    text = "考察团走访了青禾农业、绿源茶厂，与当地企业家进行交流。"
    found = parse(text, text.index("走访") + 2, len(text))
    assert found.end == text.index("，")
    assert not found.weak_segments


def test_a_segment_licensed_only_by_the_closing_is_weak() -> None:
    text = "代表团先后来到青禾农业，绿源茶厂等地。"
    found = parse(text, text.index("来到") + 2, len(text))
    assert found.closed and found.weak_segments == frozenset({1})


@pytest.mark.parametrize(
    ("text", "expected"),
    [("甲山县的青禾农业", ("甲山县", 4)), ("青禾农业的展厅", None), ("的展厅", None)],
)
def test_place_group(text: str, expected: tuple[str, int] | None) -> None:
    assert place_group(text, 0, len(text)) == expected


@pytest.mark.parametrize(
    "text", ["代表团参观了“”、‘’等地。", "代表团参观了“、”等处。", "代表团参观了、，等"]
)
def test_lists_of_quote_marks_end(text: str) -> None:
    """Members made only of quote marks once looped forever in the site-name cleaner."""
    import seedie

    assert seedie.extract(text).visits == []
