"""Delegation, trip and visits from hand-built spans (no normalizer, linker or spaCy needed)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from _relations_util import company

from seedie.relations.build import Relations, build_relations
from seedie.text.sentences import split_sentences
from seedie.types import Company, DateMention, Mention, Quantity

Y = 2026


def dates_of(text: str, reference: dt.date = dt.date(Y, 6, 20)) -> list[DateMention]:
    """A tiny stand-in for the date normalizer: M月D日(至D日)(上午|下午)."""
    out: list[DateMention] = []
    tods = {"上午": "morning", "下午": "afternoon", "晚上": "evening"}
    for m in re.finditer(r"(\d+)月(\d+)日(?:至(\d+)日)?(上午|下午|晚上)?", text):
        month, day = int(m.group(1)), int(m.group(2))
        first = dt.date(reference.year, month, day)
        if m.group(3):
            last = dt.date(reference.year, month, int(m.group(3)))
            out.append(
                DateMention(
                    text=m.group(),
                    start=m.start(),
                    end=m.end(),
                    kind="range",
                    date=first,
                    end_date=last,
                )
            )
        else:
            out.append(
                DateMention(
                    text=m.group(),
                    start=m.start(),
                    end=m.end(),
                    kind="date",
                    date=first,
                    month=month,
                    day=day,
                    time_of_day=tods.get(m.group(4) or ""),
                )
            )
    return out


def run(
    text: str,
    companies: list[Company],
    *,
    dates: list[DateMention] | None = None,
    places: list[tuple[int, int, str]] | None = None,
    ref: dt.date | None = None,
) -> Relations:
    return build_relations(
        text,
        sentences=split_sentences(text),
        companies=companies,
        quantities=[],
        dates=dates_of(text) if dates is None else dates,
        persons=[],
        places=places or [],
        reference_date=ref,
    )


def visits_of(rel: Relations) -> list[tuple[str, dt.date | None, str | None, str | None]]:
    return [(v.host, v.date, v.time_of_day, v.place) for v in rel.visits]


SINGLE = [
    (
        "6月16日上午，四川省党政代表团赴浙江省学习考察，首站来到阿里巴巴集团。",
        [("alibaba", "阿里巴巴集团", ["阿里巴巴集团"])],
        [("阿里巴巴集团", dt.date(Y, 6, 16), "morning", None)],
    ),
    (
        "6月17日下午，代表团走进杭州海康威视公司。",
        [("hik", "海康威视", ["海康威视公司"])],
        [("海康威视", dt.date(Y, 6, 17), "afternoon", "杭州")],
    ),
    (
        "左图：6月16日，四川省党政代表团在宁波舟山港集团学习考察。",
        [("nbport", "宁波舟山港集团", ["宁波舟山港集团"])],
        [("宁波舟山港集团", dt.date(Y, 6, 16), None, "宁波")],
    ),
    (
        "6月16日下午，代表团来到深圳盛达集团考察。",
        [("shengda", "盛达集团", ["盛达集团"])],
        [("盛达集团", dt.date(Y, 6, 16), "afternoon", "深圳")],
    ),
    (
        "代表团到访星河科技，省大数据局局长张明远说。",
        [("xh", "星河科技", ["星河科技"])],
        [("星河科技", None, None, None)],
    ),
    # No delegation named anywhere: only a visiting group makes a visit.
    ("到访星河科技，省大数据局局长张明远说。", [("xh", "星河科技", ["星河科技"])], []),
    ("市民张先生来到星河科技门店参观新车。", [("xh", "星河科技", ["星河科技"])], []),
    (
        "省委调研组一行来到星河科技调研。",
        [("xh", "星河科技", ["星河科技"]), ("gz", "省委", ["省委"])],
        [("星河科技", None, None, None)],
    ),
    ("今年4月15日，某职业学院与比亚迪完成签约。", [("byd", "比亚迪", ["比亚迪"])], []),
    ("比亚迪走进千家万户，深受好评。", [("byd", "比亚迪", ["比亚迪"])], []),
    ("代表团成员还参观了新能源展，比亚迪展位前人头攒动。", [("byd", "比亚迪", ["比亚迪"])], []),
]


@pytest.mark.parametrize(("text", "orgs", "expected"), SINGLE, ids=[c[0] for c in SINGLE])
def test_single_sentence_visits(text: str, orgs: list, expected: list) -> None:
    companies = [company(text, cid, name, *surfaces) for cid, name, surfaces in orgs]
    assert visits_of(run(text, companies)) == expected


ARTICLE = """山海同行 四川省党政代表团赴浙江省学习考察

6月16日至17日，四川省党政代表团前往浙江省学习考察，2天时间辗转杭州、宁波。

6月16日上午，四川省党政代表团赴浙江省学习考察，首站直奔吉利控股集团总部。
吉利集团在四川投资的项目年产值已超百亿元。

一粒米的旅程

6月17日，浙江农产品交易中心一楼，精品馆内一派火热。
据介绍，交易中心开业以来销售额突破1.5亿元。

6月17日，走进之江实验室，创新逻辑清晰可感。

学什么。

代表团探访吉利、海康威视、之江实验室等企业。
到访海康威视，省经信厅厅长李明华说。
走进吉利展厅，代表团成员驻足良久；置身浙江农产品交易中心，人们为川货热销而欣慰。

左图：6月16日，四川省党政代表团在杭州传化集团学习考察。
6月16日下午，四川省党政代表团来到杭州传化集团考察。
"""


def _article_companies(text: str) -> list[Company]:
    return [
        company(text, "geely", "吉利控股集团", "吉利控股集团", "吉利集团", "吉利"),
        company(text, "local:market", "浙江农产品交易中心", "浙江农产品交易中心"),
        company(text, "local:zjlab", "之江实验室", "之江实验室"),
        company(text, "hik", "海康威视", "海康威视"),
        company(text, "local:transfar", "传化集团", "杭州传化集团"),
    ]


def test_article_itinerary() -> None:
    rel = run(ARTICLE, _article_companies(ARTICLE))
    assert rel.delegation is not None
    assert (rel.delegation.name, rel.delegation.home) == ("四川省党政代表团", "四川")
    assert rel.trip is not None
    assert (rel.trip.region, rel.trip.start_date, rel.trip.end_date) == (
        "浙江",
        dt.date(Y, 6, 16),
        dt.date(Y, 6, 17),
    )
    assert "前往浙江省学习考察" in (rel.trip.sentence or "")
    assert visits_of(rel) == [
        ("吉利控股集团", dt.date(Y, 6, 16), "morning", None),
        ("传化集团", dt.date(Y, 6, 16), "afternoon", "杭州"),
        ("浙江农产品交易中心", dt.date(Y, 6, 17), None, None),
        ("之江实验室", dt.date(Y, 6, 17), None, None),
        ("海康威视", None, None, None),
    ]
    assert [v.id for v in rel.visits] == ["v1", "v2", "v3", "v4", "v5"]
    assert all(v.delegation == "四川省党政代表团" for v in rel.visits)
    # The caption confirms the afternoon visit; the reported sentence is the narrative one.
    assert rel.visits[1].sentence.startswith("6月16日下午")


def test_governing_date_carries_within_section() -> None:
    text = (
        "6月17日，代表团来到甲乙科技公司。\n随后，代表团走进丙丁集团。"
        "\n\n另一章\n\n代表团走进戊己集团。"
    )
    companies = [
        company(text, "a", "甲乙科技", "甲乙科技公司"),
        company(text, "b", "丙丁集团", "丙丁集团"),
        company(text, "c", "戊己集团", "戊己集团"),
    ]
    assert visits_of(run(text, companies)) == [
        ("甲乙科技", dt.date(Y, 6, 17), None, None),
        ("丙丁集团", dt.date(Y, 6, 17), None, None),
        ("戊己集团", None, None, None),
    ]


def test_dates_outside_trip_are_not_visit_dates() -> None:
    text = "6月16日至17日，四川省党政代表团赴浙江省考察。\n3月5日，代表团曾走进甲乙科技公司。"
    companies = [company(text, "a", "甲乙科技", "甲乙科技公司")]
    assert visits_of(run(text, companies)) == [("甲乙科技", None, None, None)]


def test_trip_range_without_range_mention_uses_reference_year() -> None:
    text = "6月16日至17日，贵州省党政代表团前往广东省学习考察。"
    rel = run(text, [], dates=[], ref=dt.date(2025, 6, 18))
    assert rel.trip is not None
    assert (rel.trip.region, rel.trip.start_date, rel.trip.end_date) == (
        "广东",
        dt.date(2025, 6, 16),
        dt.date(2025, 6, 17),
    )
    assert rel.visits == []


def test_bare_provincial_delegation_gets_home_from_text() -> None:
    text = "省党政代表团赴广东省学习考察。贵州企业、贵州产品、贵州经验备受关注。"
    rel = run(text, [])
    assert rel.delegation is not None
    assert rel.delegation.home == "贵州"


def test_places_from_base_ner_are_used() -> None:
    text = "6月16日，湖南省党政代表团走进某某新材料公司。"
    rel = run(text, [company(text, "x", "某某新材料", "某某新材料公司")], places=[(2, 4, "LOC")])
    assert visits_of(rel) == [("某某新材料", dt.date(Y, 6, 16), None, None)]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": ""},
        {"text": "没有任何实体的一句话。"},
        {"text": "代表团走进。", "sentences": [(0, 999), (5, 2)]},
        {
            "text": "代表团走进甲公司。",
            "companies": [
                Company(id="a", name="甲", mentions=[Mention(text="甲公司", start=50, end=53)])
            ],
        },
        {
            "text": "代表团走进甲公司。",
            "quantities": [Quantity(text="5", value=5.0, unit="", kind="count")],
        },
        {
            "text": "代表团走进甲公司。",
            "dates": [DateMention(text="x", start=7, end=3, kind="date")],
        },
    ],
    ids=["empty", "plain", "bad-sentences", "bad-mention", "no-offsets", "bad-date"],
)
def test_never_raises(kwargs: dict) -> None:
    text = kwargs.pop("text")
    args = {
        "sentences": split_sentences(text),
        "companies": [],
        "quantities": [],
        "dates": [],
        "persons": [],
        "places": [],
        **kwargs,
    }
    rel = build_relations(text, **args)
    assert isinstance(rel, Relations)


def test_deterministic() -> None:
    companies = _article_companies(ARTICLE)
    first = run(ARTICLE, companies)
    for _ in range(3):
        assert run(ARTICLE, list(reversed(companies))) == first


def test_last_cue_end_matches_a_search_per_cue() -> None:
    """One scan for the longest cue at each offset finds the end a search per cue finds
    (the last occurrence of each cue not starting in a group mention), blocked or not."""
    import random

    from seedie.relations.context import build_context, lexicon
    from seedie.relations.visits import _last_cue_end

    cues = lexicon()["visit_cues"]
    rng = random.Random(7)
    pieces = [*cues, "了", "某", "公司", "，", "代表团", "到"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        ctx = build_context(text, split_sentences(text), [], [], [])
        blocked: list[tuple[int, int]] = []
        if rng.random() < 0.5 and len(text) > 2:
            s = rng.randrange(len(text) - 1)
            blocked = [(s, rng.randint(s + 1, len(text)))]
        start = rng.randrange(len(text))
        end = rng.randint(start, len(text))
        expected = None
        for cue in cues:
            pos = text.rfind(cue, start, end)
            while pos >= 0 and any(a <= pos < b for a, b in blocked):
                pos = text.rfind(cue, start, pos)
            if pos >= 0 and (expected is None or pos + len(cue) > expected):
                expected = pos + len(cue)
        assert _last_cue_end(ctx, start, end, blocked) == expected, (text, start, end, blocked)
