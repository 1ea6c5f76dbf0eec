"""Stops in lists, under headings and in host-opened paragraphs; the day that governs them.

Inputs are hand-built (organizations from ``company()``, dates from the pure date finder), so
these tests exercise seedie.relations alone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from _relations_util import company

from seedie.dates.resolve import find_dates
from seedie.dates.words import TIME_OF_DAY_ORDER, times_of_day
from seedie.relations.build import Relations, build_relations
from seedie.relations.stops import site_name
from seedie.text.sentences import split_sentences
from seedie.types import Company, Visit

REF = dt.date(2026, 6, 20)


def run(text: str, companies: list[Company], ref: dt.date | None = REF) -> Relations:
    return build_relations(
        text,
        sentences=split_sentences(text),
        companies=companies,
        quantities=[],
        dates=find_dates(text, ref),
        persons=[],
        places=[],
        reference_date=ref,
    )


def hosts(rel: Relations) -> list[str]:
    return [v.host for v in rel.visits]


def by_host(rel: Relations) -> dict[str, Visit]:
    return {v.host: v for v in rel.visits}


def test_list_after_cue_mixes_organizations_and_named_sites() -> None:
    text = (
        "12月3日至4日，江北市党政代表团来我市学习考察。两天时间里，代表团先后来到星河光电有限公司、"
        "滨江数字产业园、青禾小学、东湖村等地调研。"
    )
    rel = run(text, [company(text, "xh", "星河光电有限公司", "星河光电有限公司")])
    visits = by_host(rel)
    # Closed by 等地, the village is a stop too.
    assert set(visits) == {"星河光电有限公司", "滨江数字产业园", "青禾小学", "东湖村"}
    assert visits["星河光电有限公司"].host_id == "xh"
    # A named site is an organization of the article; a village is not.
    assert visits["滨江数字产业园"].host_id == "local:滨江数字产业园"
    assert [c.name for c in rel.companies or []] == ["星河光电有限公司", "滨江数字产业园", "青禾小学"]
    assert visits["东湖村"].host_id is None
    # A range governs no single day.
    assert all(v.date is None and v.month is None for v in rel.visits)


def test_list_after_cue_with_colon_and_trailing_verb() -> None:
    text = "6月2日，代表团一行实地考察了：云杉新能源有限公司、北湾创业园进行调研。"
    rel = run(text, [company(text, "ys", "云杉新能源有限公司", "云杉新能源有限公司")])
    assert hosts(rel) == ["云杉新能源有限公司", "北湾创业园"]
    assert {v.date for v in rel.visits} == {dt.date(2026, 6, 2)}


def test_list_before_the_group_keeps_month_and_day_without_year() -> None:
    text = (
        "5月6日下午，临江县党政考察团到我市考察。\n"
        "在东岳铝业有限公司、北辰电工科技有限公司等地，考察团一行听取了企业负责人介绍。"
    )
    companies = [
        company(text, "dy", "东岳铝业有限公司", "东岳铝业有限公司"),
        company(text, "bc", "北辰电工科技有限公司", "北辰电工科技有限公司"),
    ]
    rel = run(text, companies, ref=None)
    assert hosts(rel) == ["东岳铝业有限公司", "北辰电工科技有限公司"]
    for v in rel.visits:
        assert (v.date, v.month, v.day, v.time_of_day) == (None, 5, 6, "afternoon")


def test_place_clause_before_the_group() -> None:
    text = "7月9日下午，某市考察团到寿县考察。\n在国家茶叶检测中心，考察团观看了宣传片。"
    rel = run(text, [])
    assert hosts(rel) == ["国家茶叶检测中心"]
    assert rel.visits[0].date == dt.date(2026, 7, 9)


def test_heading_names_the_host() -> None:
    text = (
        "全省项目检查今日结束，省委书记赵某带领的省政府工作检查组查看了多个项目。\n"
        "甲市\n"
        "翠湖智慧物流园二期项目\n"
        "检查组首先查看了翠湖智慧物流园二期项目。项目总投资10亿元。\n"
        "云栖数据港\n"
        "随后，赵某一行来到云栖数据港。\n"
    )
    # The linker cut the first name short; the heading gives it whole.
    rel = run(text, [company(text, "ch", "翠湖智慧", "翠湖智慧")])
    assert hosts(rel) == ["翠湖智慧物流园二期项目", "云栖数据港"]


def test_section_title_is_no_host() -> None:
    text = (
        "6月2日，某省党政代表团赴外省学习考察。\n"
        "打造产业发展新基地\n"
        "代表团首先来到白鹭光电有限公司。\n"
    )
    rel = run(text, [company(text, "bl", "白鹭光电有限公司", "白鹭光电有限公司")])
    assert hosts(rel) == ["白鹭光电有限公司"]


def test_paragraph_opening_on_the_host_after_the_group_sentence() -> None:
    text = (
        "3月2日下午，由市委书记甲某带领的南溪市党政代表团在北岭考察。\n"
        "南溪市领导乙某、丙某参加考察。\n"
        "红枫控股集团是中国民营企业500强。代表团成员参观企业展厅，了解企业发展历程。\n"
        "石门山风电场，风轮正在转动。代表团成员对当地绿色发展表示赞赏。\n"
    )
    rel = run(text, [company(text, "hf", "红枫控股集团", "红枫控股集团")])
    assert hosts(rel) == ["红枫控股集团", "石门山风电场"]
    # The line of attendees closes no section: the first day still governs.
    assert {v.date for v in rel.visits} == {dt.date(2026, 3, 2)}
    assert rel.delegation is not None and rel.delegation.name == "南溪市党政代表团"


def test_day_of_the_group_sentence_governs_later_paragraphs() -> None:
    text = (
        "为学习先进经验，1月6日，市委书记甲某率领我市党政代表团赴邻市参观考察。\n"
        "代表团一行实地考察了安澜科技产业园、金桥电气股份有限公司等重点项目。\n"
    )
    rel = run(text, [company(text, "jq", "金桥电气股份有限公司", "金桥电气股份有限公司")])
    assert hosts(rel) == ["安澜科技产业园", "金桥电气股份有限公司"]
    assert {v.date for v in rel.visits} == {dt.date(2026, 1, 6)}


def test_leader_with_yixing_and_a_joined_pair() -> None:
    text = "23日，省政协视察团来县视察。张某一行先后来到云岭传媒大理校区及书香学校，了解办学情况。"
    # 云岭传媒大理: a name the linker cut before its head 校区.
    rel = run(text, [company(text, "yl", "云岭传媒大理", "云岭传媒大理")], ref=dt.date(2026, 5, 25))
    assert hosts(rel) == ["云岭传媒大理校区", "书香学校"]
    # A news report's bare 23日 is the latest 23rd up to its reference date.
    assert {v.date for v in rel.visits} == {dt.date(2026, 5, 23)}


def test_site_named_in_full_replaces_a_place_piece() -> None:
    text = "9月19日上午，代表团一行赴阿拉山纺织工业城考察。"
    rel = run(text, [company(text, "al", "阿拉山", "阿拉山")])
    assert hosts(rel) == ["阿拉山纺织工业城"]
    assert rel.visits[0].time_of_day == "morning"


def test_generic_places_of_a_visit_are_no_stops() -> None:
    text = "6月2日，代表团先后参观了企业展厅、生产车间、两家企业等，深入了解了全国最大的铝箔加工基地。"
    assert hosts(run(text, [company(text, "lb", "铝箔加工基地", "铝箔加工基地")])) == []


def test_no_group_no_visit() -> None:
    text = "市民先后来到滨江数字产业园、青禾小学等地游玩。"
    assert run(text, []).visits == []


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("大学生创业园", "大学生创业园"),
        ("上海汽车仪征生产基地(第五工厂)", "上海汽车仪征生产基地"),
        ("某某数字技术有限公司研发中心", "某某数字技术有限公司"),
        ("企业展厅", None),
        ("两家企业", None),
        ("深圳", None),
        ("总部基地", None),
    ],
    ids=lambda x: str(x),
)
def test_site_name(surface: str, name: str | None) -> None:
    assert site_name(surface) == name


def test_every_time_of_day_code_has_a_rank() -> None:
    assert set(times_of_day().values()) <= set(TIME_OF_DAY_ORDER)
    assert len(set(TIME_OF_DAY_ORDER)) == len(TIME_OF_DAY_ORDER)


def test_dusk_sorts_after_afternoon() -> None:
    text = "6月16日傍晚，代表团来到晚霞科技馆。6月16日下午，代表团来到午后光电有限公司。"
    companies = [
        company(text, "wx", "晚霞科技馆", "晚霞科技馆"),
        company(text, "wh", "午后光电有限公司", "午后光电有限公司"),
    ]
    rel = run(text, companies)
    assert [(v.host, v.time_of_day) for v in rel.visits] == [
        ("午后光电有限公司", "afternoon"),
        ("晚霞科技馆", "dusk"),
    ]


def test_many_conjunctions_in_one_item_stay_cheap() -> None:
    """Splitting A及B is tried left to right, at most a few times (never exponential)."""
    text = "6月2日，代表团来到" + "和".join(f"甲{i}乙" for i in range(300)) + "等地调研。" * 3
    assert run(text, []).visits == []


def test_list_closed_by_dengdi_takes_every_item() -> None:
    text = "6月2日，代表团先后来到星河光电有限公司、晓峰农牧、东湖村等地调研。"
    rel = run(text, [company(text, "xh", "星河光电有限公司", "星河光电有限公司")])
    assert hosts(rel) == ["星河光电有限公司", "晓峰农牧", "东湖村"]


def test_open_list_takes_only_named_stops() -> None:
    text = "6月2日，代表团先后考察了星河光电有限公司、乡村振兴工作。"
    rel = run(text, [company(text, "xh", "星河光电有限公司", "星河光电有限公司")])
    assert hosts(rel) == ["星河光电有限公司"]
