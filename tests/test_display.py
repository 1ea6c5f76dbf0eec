"""The notebook view: well-formed, escaped, readable numbers, a legend, links that resolve."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from seedie.display import format_number, normalized_quantity, to_html
from seedie.types import Claim, Company, Extraction, Mention, Quantity, Visit

VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source", "area", "base"}
NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


class _Checker(HTMLParser):
    """Balanced tags, and every id, href and tag name seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.data: list[str] = []
        self.open_ids: list[str | None] = []
        self.inside: dict[str, set[str]] = {}  # element id -> classes of the elements in it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)
        for name, value in attrs:
            if name == "id":
                self.ids.append(value or "")
            if name == "href":
                self.hrefs.append(value or "")
        for outer in filter(None, self.open_ids):
            self.inside.setdefault(outer, set()).update((dict(attrs).get("class") or "").split())
        if tag not in VOID:
            self.stack.append(tag)
            self.open_ids.append(dict(attrs).get("id"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        self.open_ids.pop()

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    assert len(checker.ids) == len(set(checker.ids)), "duplicate ids"
    return checker


TEXT = "阿尔法公司投资1158亿元建厂。\n代表团来到阿尔法公司，员工超过3000人。"
Q1 = Quantity(text="1158亿元", value=1158e8, unit="CNY", kind="money", start=7, end=13)
Q2 = Quantity(text="超过3000人", value=3000.0, unit="人", kind="count", low=3000.0,
              qualifier="over", start=30, end=37)  # fmt: skip
MENTIONS = [
    Mention(text="阿尔法公司", start=0, end=5),
    Mention(text="阿尔法公司", start=22, end=27),
]
EX = Extraction(
    text_length=len(TEXT),
    base="lac",
    quantities=[Q1, Q2],
    companies=[
        Company(id="local:阿尔法公司", name="阿尔法公司", kind="company", mentions=MENTIONS)
    ],
    visits=[
        Visit(
            id="v1",
            delegation=None,
            host="阿尔法公司",
            sentence="代表团来到阿尔法公司，员工超过3000人。",
            start=22,
            end=27,
        )
    ],  # fmt: skip
    claims=[
        Claim(
            id="c1",
            subject="阿尔法公司",
            metric="投资",
            quantity=Q1,
            sentence="阿尔法公司投资1158亿元建厂。",
            start=7,
            end=13,
        ),
        Claim(
            id="c2",
            subject="阿尔法公司",
            metric="员工",
            quantity=Q2,
            sentence="代表团来到阿尔法公司，员工超过3000人。",
            start=30,
            end=37,
        ),
    ],  # fmt: skip
)


def test_offsets_of_the_handmade_example_hold():
    assert TEXT[7:13] == "1158亿元" and TEXT[30:37] == "超过3000人" and TEXT[22:27] == "阿尔法公司"


@pytest.mark.parametrize("text", [None, TEXT], ids=["tables", "tables+article"])
def test_view_is_well_formed_and_self_contained(text):
    view = to_html(EX, text)
    checker = check(view)
    assert "script" not in checker.tags
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", view), "external asset"
    assert view.startswith('<div class="seedie-view"') and view.endswith("</div>")


def test_numbers_are_shown_as_written_and_grouped():
    view = to_html(EX)
    assert "1158亿元" in view and "115,800,000,000 CNY" in view
    assert "&gt; 3,000 人" in view  # 超过: the bound itself is excluded


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (Quantity(text="近万人", value=1e4, unit="人", kind="count", high=1e4, qualifier="nearly"),
         "< 10,000 人"),
        (Quantity(text="300多万千瓦", value=3e6, unit="kW", kind="power", low=3e6, high=4e6,
                  qualifier="over"), "3,000,000–4,000,000 kW"),
        (Quantity(text="85%以上", value=85.0, unit="%", kind="percent", low=85.0,
                  qualifier="at_least"), "≥ 85%"),
        (Quantity(text="最多2吨", value=2.0, unit="t", kind="mass", high=2.0, qualifier="at_most"),
         "≤ 2 t"),
        (Quantity(text="约1/3", value=100 / 3, unit="%", kind="percent", qualifier="about"),
         "≈ 33.3333%"),
        (Quantity(text="每斤50元", value=50.0, unit="CNY", kind="money", per="jin"),
         "50 CNY / jin"),
    ],
    ids=["近万人", "300多万千瓦", "85%以上", "最多2吨", "约1/3", "每斤50元"],
)  # fmt: skip
def test_normalized_quantity_reads_as_a_range(q, expected):
    assert normalized_quantity(q) == expected


def test_format_number_groups_thousands():
    assert format_number(1640000000.0) == "1,640,000,000"
    assert format_number(-30.0) == "-30"
    assert format_number(0.5) == "0.5"


def test_article_has_a_legend_and_every_link_resolves():
    view = to_html(EX, TEXT)
    checker = check(view)
    assert "sd-legend" in view and "organization" in view and "quantity in a claim" in view
    local = [h[1:] for h in checker.hrefs if h.startswith("#")]
    assert local, "no links"
    assert set(local) <= set(checker.ids), set(local) - set(checker.ids)
    # each claim's id cell links to its sentence, and the sentence holds the claim's mark
    rows = re.findall(r'<tr id="([^"]+-claim-\d)"><td><a href="#([^"]+)">c\d</a>', view)
    assert len(rows) == 2
    for _row, sentence_id in rows:
        assert "sd-claim" in checker.inside[sentence_id]
    # the mark in the text links back to the claim's row
    assert all(f'href="#{row}"' in view for row, _ in rows)


def test_the_article_text_survives_whole():
    view = to_html(EX, TEXT)
    checker = check(view)
    shown = "".join(checker.data)
    assert TEXT in shown.replace("c1", "").replace("c2", "")


def test_hostile_names_are_escaped():
    evil = '<script>alert("x")</script>'
    attr = '" onmouseover="alert(1)'
    q = Quantity(text="<b>5</b>元", value=5.0, unit="CNY", kind="money", start=0, end=8)
    ex = Extraction(
        text_length=20,
        base="<img src=x>",
        quantities=[q],
        companies=[
            Company(
                id=attr,
                name=evil,
                kind=attr,
                kb_id=evil,
                aliases=[evil, attr],
                mentions=[Mention(text=evil, start=0, end=8)],
            )
        ],  # fmt: skip
        claims=[
            Claim(
                id=evil,
                subject=evil,
                metric=attr,
                quantity=q,
                speaker=evil,
                sentence=evil + attr,
                start=0,
                end=8,
            )
        ],  # fmt: skip
        reference_date_source=evil,
    )
    for text in (None, "<b>5</b>元" + evil):
        view = to_html(ex, text)
        checker = check(view)
        assert checker.tags <= {"div", "style", "dl", "dt", "dd", "b", "span", "h4", "table",
                                "thead", "tbody", "tr", "th", "td", "a", "p", "details",
                                "summary", "ul", "li", "sup", "mark"}  # fmt: skip
        assert "script" not in checker.tags and "img" not in checker.tags
        assert not any(a.startswith("on") for a in checker.attrs)
        assert "&lt;script&gt;" in view


def test_ids_do_not_collide_between_two_views():
    other = Extraction(text_length=3, base="lac")
    ids_a = set(check(to_html(EX, TEXT)).ids)
    ids_b = set(check(to_html(other, "没有")).ids)
    assert not ids_a & ids_b


def test_repr_html_is_the_tables():
    assert EX._repr_html_() == to_html(EX)


def test_seed_article_view(seed_extraction, seed_text):
    view = seed_extraction.to_html(seed_text)
    checker = check(view)
    local = {h[1:] for h in checker.hrefs if h.startswith("#")}
    assert local <= set(checker.ids)
    claim_rows = [i for i in checker.ids if "-claim-" in i]
    assert len(claim_rows) == len(seed_extraction.claims)
    assert view.count("<mark") >= len(seed_extraction.claims)


def test_notebook_shows_the_whole_view():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "[:20000]" not in code and "to_html(article)" in code
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            html = "".join(out.get("data", {}).get("text/html", []))
            if 'class="seedie-view"' in html:
                check(html)


@pytest.mark.parametrize(
    "text",
    ["", "短", "\ud800" + TEXT, "x" * 5 + TEXT],
    ids=["empty", "short", "surrogate", "shifted"],
)
def test_a_text_that_does_not_match_the_offsets_still_gives_a_sound_view(text):
    checker = check(to_html(EX, text))
    local = {h[1:] for h in checker.hrefs if h.startswith("#")}
    assert local <= set(checker.ids)


def test_a_lone_surrogate_in_a_name_is_shown_escaped():
    ex = Extraction(text_length=1, base="lac", companies=[Company(id="x", name="\udc80<")])
    assert "&lt;" in to_html(ex)
