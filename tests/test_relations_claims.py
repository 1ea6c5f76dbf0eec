"""Claims (subject, metric, time, modality, speaker) from hand-built spans."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from _relations_util import company

from seedie.relations.build import Relations, build_relations
from seedie.text.sentences import split_sentences
from seedie.types import Claim, Company, DateMention, Quantity


def qty(
    text: str,
    surface: str,
    value: float,
    unit: str,
    kind: str,
    qualifier: str = "exact",
    nth: int = 0,
) -> Quantity:
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    start = starts[nth]
    return Quantity(
        text=surface,
        value=value,
        unit=unit,
        kind=kind,
        qualifier=qualifier,
        start=start,
        end=start + len(surface),
    )


def date(text: str, surface: str, kind: str = "year") -> DateMention:
    start = text.index(surface)
    return DateMention(text=surface, start=start, end=start + len(surface), kind=kind)


def run(
    text: str,
    companies: list[Company],
    quantities: list[Quantity],
    dates: list[DateMention] | None = None,
    persons: list[tuple[int, int, str]] | None = None,
) -> Relations:
    return build_relations(
        text,
        sentences=split_sentences(text),
        companies=companies,
        quantities=quantities,
        dates=dates or [],
        persons=persons or [],
        places=[],
    )


def brief(c: Claim) -> tuple[str | None, str | None, str, str | None, str, str | None]:
    return (c.subject, c.metric, c.quantity.text, c.time, c.modality, c.speaker)


T1 = (
    "2021年落户福泉以来，盛达集团已累计完成投资45.9亿元，"
    "解决就业1500余人，2025年实现产值41.54亿元。"
)
T2 = (
    "李志远介绍，东方储能中心采用“公司+联盟”模式。"
    "公司由南方电网等13家龙头企业出资组建，联盟汇聚了300余家单位。"
)
T3 = "福泉素有“亚洲磷都”之称，已探明磷矿储量超20亿吨。"
T4 = "全球70%的消费级无人机、18%的集成电路产自广东。"
T5 = "2025年以来，两地签约招商项目335个，合同投资额1158亿元，广东是贵州最大的投资来源地。"
T6 = "盛达集团董事长陈东说：“今年营收将突破50亿元。”"
T7 = "“我们的年产值超过30亿元。”星河科技总经理王建国介绍。"
T8 = "王建国介绍，星河科技去年营收达20亿元。\n其利润增长12%。"
T9 = "如今，星河科技在贵州投资的项目年产值已超百亿元，员工近万人。"
T10 = "借由交易中心搭建的平台，贵州已有19家蛋企在广东设立销售中心，每天超过500万枚鸡蛋直达湾区。"
T11 = "预计达80亿元，2027年剑指100亿元。"
T12 = "这种被称为“李子界爱马仕”的水果，市场价稳定在每斤50元以上。"
T13 = "在叶朝阳看来，交易中心带动销售额突破1.5亿元。"

CASES = [
    (
        T1,
        [("sd", "盛达集团", ["盛达集团"])],
        [
            qty(T1, "45.9亿元", 4.59e9, "CNY", "money"),
            qty(T1, "1500余人", 1500, "人", "count", "over"),
            qty(T1, "41.54亿元", 4.154e9, "CNY", "money"),
        ],
        [date(T1, "2021年"), date(T1, "2025年")],
        [
            ("盛达集团", "累计完成投资", "45.9亿元", "2021年", "actual", None),
            ("盛达集团", "就业", "1500余人", "2021年", "actual", None),
            ("盛达集团", "产值", "41.54亿元", "2025年", "actual", None),
        ],
    ),
    (
        T2,
        [("east", "东方储能中心", ["东方储能中心"]), ("csg", "南方电网", ["南方电网"])],
        [qty(T2, "13家", 13, "家", "count"), qty(T2, "300余家", 300, "家", "count", "over")],
        [],
        [
            ("东方储能中心", "龙头企业", "13家", None, "actual", "李志远"),
            ("东方储能中心", "单位", "300余家", None, "actual", "李志远"),
        ],
    ),
    (
        T3,
        [],
        [qty(T3, "超20亿吨", 2e9, "t", "mass", "over")],
        [],
        [("福泉", "储量", "超20亿吨", None, "actual", None)],
    ),
    (
        T4,
        [],
        [qty(T4, "70%", 70, "%", "percent"), qty(T4, "18%", 18, "%", "percent")],
        [],
        [
            ("广东", "消费级无人机", "70%", None, "actual", None),
            ("广东", "集成电路", "18%", None, "actual", None),
        ],
    ),
    (
        T5,
        [],
        [qty(T5, "335个", 335, "个", "count"), qty(T5, "1158亿元", 1.158e11, "CNY", "money")],
        [date(T5, "2025年以来", "period")],
        [
            ("两地", "签约招商项目", "335个", "2025年以来", "actual", None),
            ("两地", "合同投资额", "1158亿元", "2025年以来", "actual", None),
        ],
    ),
    (
        T6,
        [("sd", "盛达集团", ["盛达集团"])],
        [qty(T6, "50亿元", 5e9, "CNY", "money")],
        [date(T6, "今年", "relative")],
        [("盛达集团", "营收", "50亿元", "今年", "forecast", "陈东")],
    ),
    (
        T7,
        [("xh", "星河科技", ["星河科技"])],
        [qty(T7, "30亿元", 3e9, "CNY", "money")],
        [],
        [("星河科技", "年产值", "30亿元", None, "actual", "王建国")],
    ),
    (
        T8,
        [("xh", "星河科技", ["星河科技"])],
        [qty(T8, "20亿元", 2e9, "CNY", "money"), qty(T8, "12%", 12, "%", "percent")],
        [date(T8, "去年", "relative")],
        [
            ("星河科技", "营收", "20亿元", "去年", "actual", "王建国"),
            ("星河科技", "增长", "12%", None, "actual", None),
        ],
    ),
    (
        T9,
        [("xh", "星河科技", ["星河科技"])],
        [
            qty(T9, "超百亿元", 1e10, "CNY", "money", "over"),
            qty(T9, "近万人", 1e4, "人", "count", "nearly"),
        ],
        [],
        [
            ("星河科技", "年产值", "超百亿元", None, "actual", None),
            ("星河科技", "员工", "近万人", None, "actual", None),
        ],
    ),
    (
        T10,
        [("mkt", "交易中心", ["交易中心"])],
        [
            qty(T10, "19家", 19, "家", "count"),
            qty(T10, "每天超过500万枚", 5e6, "枚", "count", "over"),
        ],
        [],
        [
            ("贵州", "蛋企", "19家", None, "actual", None),
            ("贵州", "鸡蛋", "每天超过500万枚", None, "actual", None),
        ],
    ),
    (
        T11,
        [],
        [qty(T11, "80亿元", 8e9, "CNY", "money"), qty(T11, "100亿元", 1e10, "CNY", "money")],
        [date(T11, "2027年")],
        [
            (None, None, "80亿元", None, "forecast", None),
            (None, None, "100亿元", "2027年", "target", None),
        ],
    ),
    (
        T12,
        [("hermes", "爱马仕", ["爱马仕"])],
        [qty(T12, "每斤50元以上", 50, "CNY", "money", "at_least")],
        [],
        [(None, "市场价", "每斤50元以上", None, "actual", None)],
    ),
    (
        T13,
        [("mkt", "交易中心", ["交易中心"])],
        [qty(T13, "突破1.5亿元", 1.5e8, "CNY", "money", "over")],
        [],
        [("交易中心", "销售额", "突破1.5亿元", None, "actual", "叶朝阳")],
    ),
]


@pytest.mark.parametrize(
    ("text", "orgs", "quantities", "dates", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_claims(text: str, orgs: list, quantities: list, dates: list, expected: list) -> None:
    companies = [company(text, cid, name, *surfaces) for cid, name, surfaces in orgs]
    rel = run(text, companies, quantities, dates)
    assert [brief(c) for c in rel.claims] == expected
    assert [c.id for c in rel.claims] == [f"c{i}" for i in range(1, len(expected) + 1)]
    for c in rel.claims:
        assert c.start == c.quantity.start and c.sentence in text


SKIPPED = [
    ("一台车，瞬间拉近了山海距离。", "一台", 1, "台", "count"),
    ("40多年春秋轮转，流行语几经更迭。", "40多年", 40, "year", "duration"),
    ("在-30℃极寒闪充低温舱前，成员驻足细看。", "-30℃", -30, "°C", "temperature"),
    ("今年是红军长征胜利90周年。", "90", 90, "", "count"),
    ("省委十三届八次全会召开。", "八次", 8, "次", "count"),
    ("一台腾势Z9GT汽车锁定目光。", "9", 9, "", "count"),
    ("集中力量打造“六大产业集群”。", "六", 6, "", "count"),
    ("实现三元材料与磷酸铁锂双核驱动。", "三元", 3, "CNY", "money"),
]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind"), SKIPPED, ids=[c[0] for c in SKIPPED]
)
def test_weak_quantities_are_skipped(
    text: str, surface: str, value: float, unit: str, kind: str
) -> None:
    rel = run(text, [], [qty(text, surface, value, unit, kind)])
    assert rel.claims == []


def test_quantity_inside_date_or_org_is_skipped() -> None:
    text = "3M中国公司成立于2019年，年营收5亿元。"
    companies = [company(text, "3m", "3M中国公司", "3M中国公司")]
    quantities = [
        qty(text, "3", 3, "", "count"),
        qty(text, "2019年", 2019, "year", "duration"),
        qty(text, "5亿元", 5e8, "CNY", "money"),
        Quantity(text="x", value=1, unit="", kind="count"),
    ]
    rel = run(text, companies, quantities, [date(text, "2019年")])
    assert [brief(c) for c in rel.claims] == [
        ("3M中国公司", "年营收", "5亿元", "2019年", "actual", None)
    ]


def test_speaker_pronoun_and_colon_quote() -> None:
    text = "总经理李志凌是贵阳人。他的体会很深刻：“这里一年装机增长30%。”"
    rel = run(text, [], [qty(text, "30%", 30, "%", "percent")])
    assert [c.speaker for c in rel.claims] == ["李志凌"]


def test_ner_person_names_are_used() -> None:
    text = "“产值有望达到20亿元。”周某某笑言。"
    start = text.index("周某某")
    rel = run(
        text, [], [qty(text, "20亿元", 2e9, "CNY", "money")], persons=[(start, start + 3, "PERSON")]
    )
    assert [(c.speaker, c.modality) for c in rel.claims] == [("周某某", "forecast")]


def test_claims_sorted_and_unique() -> None:
    text = "甲集团年产值10亿元，利润2亿元。"
    q1, q2 = qty(text, "10亿元", 1e9, "CNY", "money"), qty(text, "2亿元", 2e8, "CNY", "money")
    rel = run(text, [company(text, "a", "甲集团", "甲集团")], [q2, q1, q1])
    assert [(c.id, c.quantity.text, c.subject_id) for c in rel.claims] == [
        ("c1", "10亿元", "a"),
        ("c2", "2亿元", "a"),
    ]
    assert rel.claims[0].to_dict()["quantity"]["value"] == 1e9
    assert isinstance(rel.claims[0].quantity.value, float) or rel.claims[0].quantity.value == 1e9
    assert dt.date is not None


def test_failures_are_logged_and_raised_in_strict_mode(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from seedie.relations import build

    def broken(*args: object, **kwargs: object) -> list[Claim]:
        raise RuntimeError("boom")

    monkeypatch.setattr(build, "find_claims", broken)
    text = "盛达集团累计完成投资45.9亿元。"
    quantities = [qty(text, "45.9亿元", 4.59e9, "CNY", "money")]
    monkeypatch.setattr(build, "STRICT", True)
    with pytest.raises(RuntimeError, match="boom"):
        run(text, [], quantities)
    monkeypatch.setattr(build, "STRICT", False)
    with caplog.at_level("WARNING", logger="seedie"):
        rel = run(text, [], quantities)
    assert rel.claims == []
    record = next(r for r in caplog.records if "[W003]" in r.getMessage())
    assert "claims" in record.getMessage() and record.exc_info is not None


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("true", True), ("0", False), ("", False), (None, False)]
)
def test_strict_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: bool
) -> None:
    from seedie.relations import build

    monkeypatch.setattr(build, "STRICT", None)
    if value is None:
        monkeypatch.delenv(build.STRICT_ENV, raising=False)
    else:
        monkeypatch.setenv(build.STRICT_ENV, value)
    assert build.strict() is expected
