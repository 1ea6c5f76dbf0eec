"""Organization mentions: found once, linked once, and the same everywhere downstream.

The name finder's and the linker's rules for the genre's hard cases (long names split by the
analyzer, titles, datelines, descriptions, parks, short forms) are tables of sentences written
for these tests.
"""

from __future__ import annotations

import pytest

import seedie
from seedie.orgs.kb import OrgKB
from seedie.orgs.linking import in_title, is_title_only, link_organizations
from seedie.orgs.names import OrgCandidate, find_org_names
from seedie.orgs.short_forms import forms_of
from seedie.relations.context import build_context
from seedie.text.sentences import split_sentences
from seedie.types import Company

AGREEMENT_TEXT = (
    "星河日报讯（记者 李明）5月8日，滨江市委书记王强率滨江市党政代表团来到青禾县考察。"
    "代表团首先走进青禾县产业创新展示中心，随后来到浙江云帆新材料科技有限公司，"
    "云帆已在当地投资12亿元。代表团还考察了蓝湾智能装备集团（以下简称蓝湾）的生产车间，"
    "蓝湾今年新增产值8亿元。"
)


def test_mentions_agree_across_spans_companies_and_relations(nlp) -> None:
    doc = nlp(AGREEMENT_TEXT)
    result = seedie.extract(AGREEMENT_TEXT, nlp=nlp)
    spans = {(s.start_char, s.end_char): s.kb_id_ for s in doc.spans["seedie_orgs"]}
    mentions = {
        (m.start, m.end): c.id for c in result.companies for m in c.mentions
    }
    assert mentions, result.companies
    # Every company mention is an organization span with the same entity id ...
    for key, cid in mentions.items():
        assert spans.get(key) == cid, (AGREEMENT_TEXT[key[0] : key[1]], cid, spans.get(key))
    # ... and a span of a company is one of its mentions (no span is added elsewhere).
    ids = {c.id for c in result.companies}
    for key, cid in spans.items():
        if cid in ids:
            assert mentions.get(key) == cid, AGREEMENT_TEXT[key[0] : key[1]]
    # The relation stage reads exactly those mentions: it adds none of its own.
    companies = [Company.from_dict(c) for c in doc._.seedie_companies]
    ctx = build_context(AGREEMENT_TEXT, split_sentences(AGREEMENT_TEXT), companies, [], [])
    assert ctx.orgs
    for org in ctx.orgs:
        assert mentions.get((org.start, org.end)) == org.company.id, org.text
    # The short forms were linked by the linker itself.
    names = {c.name: c.aliases for c in result.companies}
    assert "云帆" in next(a for n, a in names.items() if "云帆" in n)
    assert "蓝湾" in next(a for n, a in names.items() if "蓝湾" in n)
    # The byline publisher and the body of the leader's title are not companies.
    assert not any("日报" in n or n.endswith("市委") for n in names), names


def _names(text: str, seeds: tuple[str, ...] = ()) -> list[str]:
    spans = [(text.index(s), text.index(s) + len(s)) for s in seeds]
    return [text[c.start : c.end] for c in find_org_names(text, spans)]


@pytest.mark.parametrize(
    ("text", "seeds", "expected"),
    [
        # The analyzer returns a long name as pieces; the known piece reaches the head.
        ("随后来到华星物联网云联中心参观", ("华星",), ["华星物联网云联中心"]),
        ("考察组来到中国临川数字经济产业创新服务中心", ("中国临川数字经济",),
         ["中国临川数字经济产业创新服务中心"]),
        ("代表团走进远达汽车股份有限公司南宁分公司总装车间", ("远达汽车股份有限公司",),
         ["远达汽车股份有限公司南宁分公司"]),
        ("下午前往极光数字技术有限公司研发中心", ("极光",), ["极光数字技术有限公司研发中心"]),
        # ... but not over a verb, a person's title or a count.
        ("她说华星与我们合作建设数据中心", ("华星",), ["华星"]),
        ("华星董事长说公司将扩产", ("华星",), ["华星"]),
        # A known name and its industry word, ending a list item.
        ("引来云钨新能源等上下游企业", ("云钨",), ["云钨新能源"]),
        # A facility word with a region belongs to the organization.
        ("查看了晨光集团亚太总部", ("晨光集团",), ["晨光集团亚太总部"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_known_names_extend(text: str, seeds: tuple[str, ...], expected: list[str]) -> None:
    assert _names(text, seeds) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A county-level place before 产业 keeps the name whole.
        ("考察团来到临河市产业集聚区展示中心", ["临河市产业集聚区展示中心"]),
        # Descriptions and generic stems are not names.
        ("小镇是全国最大的智慧教育基地", []),
        ("小镇包含青禾动漫园区、教育实践基地等", ["青禾动漫园区"]),
        ("全力打造旅游休闲养生基地", []),
        ("为当地100名贫困小学生发放助学金", []),
        ("这是唯一的国家制造业创新中心", []),
        # New heads of the genre: towns, parks, wind farms, campuses.
        ("随后来到青禾稻田生态观光园", ["青禾稻田生态观光园"]),
        ("前往阿拉山经济技术开发区、青年人才创业园调研", ["阿拉山经济技术开发区", "青年人才创业园"]),
        ("江口山风电场，叶片正在旋转", ["江口山风电场"]),
        # Parks and schools may carry two-character names; an industry alone is not one.
        ("随后来到星禾产业园和青松学校", ["星禾产业园", "青松学校"]),
        ("当地规划建设化工产业园", []),
        ("这里是城市的几何中心", []),
        # A visited project is named after its owner.
        ("唐一行查看了金石稀土永磁材料生产项目", ["金石稀土"]),
        ("紫岩纺织新材料技改项目\n检查组来到这里", ["紫岩纺织新材料"]),
        ("当地重点推进清洁能源高效利用项目", []),
        # Trade name + industry word, inside a list of companies.
        ("先后参观了九州食品、恒远家具、金鼎纺织等园区企业", ["九州食品", "恒远家具", "金鼎纺织"]),
        ("考察了青木农牧公司和协作项目星禾食品", ["青木农牧公司", "星禾食品"]),
        ("青联发投、星海电气集团等大型企业纷纷投资", ["青联发投", "星海电气集团"]),
        # ... but not a list of sectors, nor a list that names no company.
        ("是集煤化工、石油化工、生物化工于一体的大型企业集团", []),
        ("发展九州食品、金鼎纺织等特色产业", []),
        # A bracketed place the gazetteer does not list, before the legal form.
        ("先后来到临海县晶光半导体材料(临海)有限公司", ["临海县晶光半导体材料(临海)有限公司"]),
        # 特区政府 is one government body, not 特 + 区政府.
        ("行政长官率领特区政府访问团", ["特区政府"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_patterns(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def _link(text: str, spans: list[tuple[str, str]], kb: OrgKB | None = None) -> list[Company]:
    cands = []
    for surface, source in spans:
        start = text.index(surface)
        cands.append(OrgCandidate(start, start + len(surface), source))
    return link_organizations(text, cands, kb or OrgKB())


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # A title word stuck to the body is cut off.
        ("滨江市委常委、副市长张三陪同", [("滨江市委常委", "ner")], ["滨江市委"]),
        # A dateline's 讯 is not part of the publisher.
        ("星河日报讯（记者 李明）代表团出发", [("星河日报讯", "ner")], ["星河日报"]),
        # A body followed by a visiting-group noun is the visiting group.
        ("省委省政府工作检查组来到园区", [("省委省政府", "gov")], ["省委省政府工作检查组"]),
        # A park is its own organization; 即 names it again.
        ("甜橙冰饮的原料在甜橙冰饮产业园（即大果国际食品产业园）生产。",
         [("甜橙冰饮", "ner"), ("甜橙冰饮产业园", "pattern")],
         ["甜橙冰饮", "大果国际食品产业园"]),
        # A facility named right after its organization is one mention of a facility.
        ("从星云的展厅到星云郑州算力中心", [("星云", "alias"), ("郑州算力中心", "pattern")],
         ["星云", "星云郑州算力中心"]),
        # A phrase about two places is not a name.
        ("深化浙湘两地青年组织交流", [("浙湘两地青年组织", "ner")], []),
        # Only a headquarters is met: the organization is the group.
        ("代表团查看了晨光集团亚太总部", [("晨光集团亚太总部", "seed")], ["晨光集团"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_linking(text: str, spans: list[tuple[str, str]], expected: list[str]) -> None:
    assert [c.name for c in _link(text, spans)] == expected


def test_park_alias_and_parent() -> None:
    text = "考察团参观了甜橙冰饮产业园（即大果国际食品产业园）。大果国际食品产业园占地很大。"
    kb = OrgKB.from_records([{"id": "tc", "name": "甜橙冰饮", "kind": "company"}])
    (park,) = _link(text, [("甜橙冰饮产业园", "pattern")], kb)
    assert park.aliases == ["甜橙冰饮产业园", "大果国际食品产业园"]
    assert len(park.mentions) == 3
    assert park.parent_id == "tc"


@pytest.mark.parametrize(
    ("text", "spans", "short", "expected_owner"),
    [
        # The trade name (place, industry and legal form stripped) is used later.
        ("走进湖南晨泰科技发展有限公司。晨泰的铝箔销往海外。",
         [("湖南晨泰科技发展有限公司", "ner")], "晨泰", "湖南晨泰科技发展有限公司"),
        # An NER fragment of the trade name is replaced by the full short form.
        ("前往超云数字技术有限公司。超云专注算力。",
         [("超云数字技术有限公司", "ner"), ("超", "ner")], "超云", "超云数字技术有限公司"),
        # A generic tail refers back to the long name after it.
        ("来到湘南区域协作消费帮扶产品交易中心。交易中心开业以来销售额大增。",
         [("湘南区域协作消费帮扶产品交易中心", "pattern")], "交易中心",
         "湘南区域协作消费帮扶产品交易中心"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_short_forms_are_mentions(
    text: str, spans: list[tuple[str, str]], short: str, expected_owner: str
) -> None:
    owner = next(c for c in _link(text, spans) if c.name == expected_owner)
    assert short in owner.aliases
    last = text.rindex(short)
    assert any(m.start == last and m.text == short for m in owner.mentions)


def test_tail_before_the_full_name_is_not_a_mention() -> None:
    text = "交易中心很多。后来到湘南区域协作消费帮扶产品交易中心。"
    (company,) = _link(text, [("湘南区域协作消费帮扶产品交易中心", "pattern")])
    assert [m.start for m in company.mentions] == [text.index("湘南")]


def test_shared_short_form_is_ambiguous() -> None:
    text = "考察团到访东川明泰科技有限公司和西岭明泰科技有限公司，明泰产品很多。"
    companies = _link(text, [("东川明泰科技有限公司", "ner"), ("西岭明泰科技有限公司", "ner")])
    assert all("晨泰" not in c.aliases for c in companies)


@pytest.mark.parametrize(
    ("surface", "forms"),
    [
        ("深圳盛华集团", ["深圳盛华集团", "盛华集团", "深圳盛华", "盛华"]),
        ("湖南晨泰科技发展有限公司",
         ["湖南晨泰科技发展有限公司", "晨泰科技发展有限公司", "湖南晨泰科技发展", "晨泰科技发展",
          "晨泰", "湖南晨泰"]),
        ("远达汽车股份有限公司南宁分公司", ["远达汽车股份有限公司南宁分公司"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_forms_of(surface: str, forms: list[str]) -> None:
    assert forms_of(surface) == forms


@pytest.mark.parametrize(
    ("text", "surface", "titled", "title_only"),
    [
        ("滨江市委书记王强率团考察", "滨江市委", True, True),
        ("县政协主席、县委常委张三陪同", "县政协", True, True),
        ("省政协党组书记李四说", "省政协", True, True),
        ("市委、市政府高度重视", "市委", False, False),
        # A department's head speaks for the department: it stays an organization.
        ("省商务厅厅长王五介绍", "省商务厅", True, False),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bodies_named_only_in_titles(
    text: str, surface: str, titled: bool, title_only: bool
) -> None:
    start = text.index(surface)
    cands = [OrgCandidate(start, start + len(surface), "gov")]
    (company,) = [c for c in link_organizations(text, cands, OrgKB()) if c.name == surface]
    assert in_title(text, start, start + len(surface)) is titled
    assert is_title_only(text, company) is title_only


@pytest.mark.parametrize(
    ("text", "org"),
    [("东盟与中国的贸易额继续增长。", "东盟"), ("欧盟将提高部分商品关税。", "欧盟")],
    ids=["东盟", "欧盟"],
)
def test_a_one_character_league_is_an_organization_not_an_administrative_unit(nlp, text, org):
    doc = nlp(text)
    assert org in [s.text for s in doc.spans["seedie_orgs"]]


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("满族群众载歌载舞迎接客人。", "满族", None),
        ("两国企业签署了合作协议。", "两国", None),
        ("国务院印发了指导意见。", None, "国务院"),
        ("中共中央和国务院高度重视。", None, "国务院"),
    ],
    ids=["满族", "两国", "国务院", "中共中央和国务院"],
)
def test_ethnic_groups_and_country_pairs_are_no_organizations_known_starts_are(
    nlp, text, absent, present
):
    doc = nlp(text)
    found = [s.text for s in doc.spans["seedie_orgs"]]
    if absent:
        assert absent not in found
    if present:
        assert present in found
