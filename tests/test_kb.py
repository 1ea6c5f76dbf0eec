"""OrgKB: loading, validation, lookup, scanning and serialization (fixture KB only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedie.orgs.kb import OrgKB, OrgRecord

FIXTURE = Path(__file__).parent / "fixtures" / "kb_small.jsonl"


@pytest.fixture(scope="module")
def kb() -> OrgKB:
    return OrgKB.from_jsonl(FIXTURE)


def test_loads_fixture(kb: OrgKB) -> None:
    assert len(kb) == 10
    assert kb.get("acme-auto").parent == "acme"
    assert isinstance(next(iter(kb)), OrgRecord)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("阿克米", "acme"),
        ("阿克米集团", "acme"),
        ("阿克米股份有限公司", "acme"),
        ("深圳阿克米", "acme"),  # city prefix stripped
        ("广东省阿克米集团", "acme"),
        ("云朵云", "nimbus-cloud"),
        ("UL", "ul"),
        ("不存在公司", None),
        ("深圳", None),
    ],
    ids=lambda v: str(v),
)
def test_lookup(kb: OrgKB, surface: str, expected: str | None) -> None:
    record = kb.lookup(surface)
    assert (record.id if record else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("代表团走进阿克米集团考察", [("阿克米集团", "acme")]),
        ("阿克米汽车与云朵云签约", [("阿克米汽车", "acme-auto"), ("云朵云", "nimbus-cloud")]),
        ("联合TUV、UL等机构", [("TUV", "tuv"), ("UL", "ul")]),
        ("ULTRA FULL 不是UL", [("UL", "ul")]),
        ("南示网和示交所", [("南示网", "grid-s"), ("示交所", "sx-exchange")]),
        ("没有组织", []),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_find(kb: OrgKB, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], i) for s, e, i in kb.find(text)] == expected


def test_find_shorter_ascii_alias(kb: OrgKB) -> None:
    # A fresh KB builds its alias starts on the first find; UL fits where ULTRA is cut.
    fresh = OrgKB.from_jsonl(FIXTURE)
    text = "FULL UL 阿克米集团"
    assert [(text[s:e], i) for s, e, i in fresh.find(text)] == [
        ("UL", "ul"),
        ("阿克米集团", "acme"),
    ]


def test_find_one_character_alias() -> None:
    kb = OrgKB.from_records([{"id": "x", "name": "某某集团", "aliases": ["X", "某某"]}])
    assert kb.find("X与某某集团和XY") == [(0, 1, "x"), (2, 6, "x")]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"name": "无编号集团"}', "E301"),
        ('{"id": "x"}', "E301"),
        ('{"id": "x", "name": "某集团", "kind": "bank"}', "E303"),
        ('{"id": "x", "name": "某集团", "aliases": "某"}', "E302"),
        ("not json", "E306"),
        ("[1, 2]", "E300"),
    ],
    ids=lambda v: v,
)
def test_validation(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "name": "好集团"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"\[{code}\].*line 2"):
        OrgKB.from_jsonl(path)


def test_add_merge_and_replace(kb: OrgKB) -> None:
    extra = OrgKB.from_records([{"id": "newco", "name": "新公司集团", "aliases": ["新公司"]}])
    merged = OrgKB.from_jsonl(FIXTURE).merge(extra)
    assert merged.lookup("新公司").id == "newco"
    merged.add({"id": "newco", "name": "新公司集团", "aliases": []})
    assert merged.lookup("新公司") is None  # a replaced record drops its old aliases
    assert merged.find("新公司集团") == [(0, 5, "newco")]


def test_bytes_and_disk_round_trip(kb: OrgKB, tmp_path: Path) -> None:
    again = OrgKB.from_bytes(kb.to_bytes())
    assert [r.to_dict() for r in again] == [r.to_dict() for r in kb]
    kb.to_disk(tmp_path / "kb.jsonl")
    assert [r.to_dict() for r in OrgKB.from_disk(tmp_path / "kb.jsonl")] == [
        r.to_dict() for r in kb
    ]


def test_shipped_kb() -> None:
    shipped = OrgKB.default()
    ids = [r.id for r in shipped]
    assert len(ids) >= 300
    assert len(ids) == len(set(ids))
    assert all(r.parent is None or r.parent in shipped for r in shipped)
    assert OrgKB.default() is shipped  # cached


def test_merge_leaves_both_inputs_unchanged() -> None:
    base = OrgKB.from_records([{"id": "a", "name": "甲集团"}])
    extra = OrgKB.from_records([{"id": "b", "name": "乙公司"}])
    merged = base.merge(extra)
    assert len(merged) == 2 and len(base) == 1 and len(extra) == 1
    assert base.lookup("乙公司") is None and merged.lookup("乙公司").id == "b"
