"""End to end on the seed article: what a careful reader finds (itinerary, key claims, speakers).

The expectations come from reading seeds/003_2845115161f2390a.txt; the code never names them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seedie.relations.context import build_context
from seedie.relations.speakers import build_speakers
from seedie.text.sentences import split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "003_2845115161f2390a.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def extraction(seed_extraction):  # type: ignore[no-untyped-def]
    return seed_extraction


def test_delegation_and_trip(extraction) -> None:  # type: ignore[no-untyped-def]
    assert extraction.delegation is not None
    assert extraction.delegation.name == "贵州省党政代表团"
    assert extraction.delegation.home == "贵州"
    trip = extraction.trip
    assert trip is not None and trip.region == "广东"
    assert (trip.start_date.month, trip.start_date.day) == (6, 16)
    assert (trip.end_date.month, trip.end_date.day) == (6, 17)


ITINERARY = [
    ("比亚迪", (6, 16), "morning"),
    ("盛屯", (6, 16), "afternoon"),
    ("交易中心", (6, 17), None),
    ("储能创新中心", (6, 17), None),
    ("华为", None, None),  # 到访华为: a visit, but its day is not stated
]


def test_itinerary(extraction) -> None:  # type: ignore[no-untyped-def]
    visits = extraction.visits
    assert len(visits) == len(ITINERARY)
    for visit, (host, day, tod) in zip(visits, ITINERARY, strict=True):
        assert host in visit.host
        assert (None if visit.date is None else (visit.date.month, visit.date.day)) == day
        assert visit.time_of_day == tod
        assert visit.delegation == "贵州省党政代表团"
    assert visits[1].place == "深圳"
    # Named in their own sections: 广州本地商超…, 落地到广州.
    assert visits[2].place == "广州" and visits[3].place == "广州"
    assert [v.id for v in visits] == ["v1", "v2", "v3", "v4", "v5"]


# (subject fragment or None, value, unit, modality)
KEY_CLAIMS = [
    ("比亚迪", 1e10, "CNY", "actual"),  # 投资项目年产值已超百亿元
    ("比亚迪", 1e4, "人", "actual"),  # 员工近万人
    ("交易中心", 1.5e8, "CNY", "actual"),  # 销售额突破1.5亿元
    ("贵州", 19.0, "家", "actual"),  # 19家蛋企
    ("储能创新中心", 13.0, "家", "actual"),
    ("储能创新中心", 300.0, "家", "actual"),  # 联盟汇聚了300余家
    ("广东", 70.0, "%", "actual"),  # 全球70%的消费级无人机…产自广东
    ("两地", 335.0, "个", "actual"),  # 两地签约招商项目335个: a joint subject
    ("两地", 1.158e11, "CNY", "actual"),  # 合同投资额1158亿元
    ("盛屯", 8e9, "CNY", "forecast"),  # 预计达80亿元
    ("盛屯", 1e10, "CNY", "target"),  # 2027年剑指100亿元
    ("福泉", 2e9, "t", "actual"),  # 磷矿储量超20亿吨
    ("盛屯", 4.59e9, "CNY", "actual"),  # 累计完成投资45.9亿元
    ("盛屯", 1500.0, "人", "actual"),  # 解决就业1500余人
    ("盛屯", 4.154e9, "CNY", "actual"),  # 2025年实现产值41.54亿元
]


def _matches(claim, subject: str | None, value: float, unit: str) -> bool:  # type: ignore[no-untyped-def]
    if claim.quantity.unit != unit or abs(claim.quantity.value - value) > 1e-6 * max(1.0, value):
        return False
    if subject is None:
        return claim.subject is None
    return claim.subject is not None and subject in claim.subject


@pytest.mark.parametrize(
    ("subject", "value", "unit", "modality"),
    KEY_CLAIMS,
    ids=[f"{s}-{v:g}{u}" for s, v, u, _ in KEY_CLAIMS],
)
def test_key_claims(extraction, subject, value, unit, modality) -> None:  # type: ignore[no-untyped-def]
    hits = [c for c in extraction.claims if _matches(c, subject, value, unit)]
    assert hits, [(c.subject, c.quantity.text) for c in extraction.claims]
    assert hits[0].modality == modality


def test_claim_details(extraction) -> None:  # type: ignore[no-untyped-def]
    claims = extraction.claims
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    by_value = {c.quantity.value: c for c in claims}
    assert by_value[300.0].speaker == "李志凌"
    assert by_value[4.154e9].time is not None and "2025" in by_value[4.154e9].time
    assert by_value[1.158e11].metric == "合同投资额"
    assert by_value[2e9].metric is not None and "储量" in by_value[2e9].metric
    # Day counts, anniversaries, ordinals and idioms are not claims.
    texts = {c.quantity.text for c in claims}
    assert not any(t.endswith("天") or "周年" in t or t.startswith("第") for t in texts)


def test_speakers_of_quotes(text: str) -> None:
    ctx = build_context(text, split_sentences(text), [], [], [])
    index = build_speakers(ctx, [])
    speakers = {who for _s, _e, who in index.quotes if who}
    assert {"李慧", "陈东", "李志凌", "陶平生", "朱宗尧", "吴家来"} <= speakers
    assert all(len(name) in (2, 3) for name in speakers)
