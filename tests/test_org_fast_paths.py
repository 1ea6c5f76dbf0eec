"""The name finder's shortcuts answer as the plain searches they replace."""

from __future__ import annotations

import re

import pytest

from seedie.lexicon import alternation, data_table
from seedie.orgs.headless import list_names
from seedie.orgs.lexicon import is_protected, lexicon, place_hits
from seedie.text.sentences import CLAUSE_BREAKS

LISTS = [
    "考察了明泰食品、盛屯纺织和远帆科技等企业，又来到鼎盛新材料公司、华信科技",
    "协作项目福泉食品及金龙纺织等重点企业；天成集团和华信食品。",
    "、和及等企业，，和、\n华信科技和明泰",
]


def _words(kind: str) -> list[str]:
    data = data_table("org_heads.json")
    if kind == "heads":
        return list(lexicon().head_kind)
    if kind == "company_heads":
        return [h for h, k in lexicon().head_kind.items() if k == "company"]
    return list(data["gov_short"])


@pytest.mark.parametrize(
    ("kind", "attr"),
    [("heads", "head_re"), ("company_heads", "company_head_re"), ("gov", "gov_re")],
)
def test_head_patterns_match_as_their_alternations(seed_text: str, kind: str, attr: str) -> None:
    pattern = getattr(lexicon(), attr)
    plain = re.compile(alternation(_words(kind)))
    for text in [seed_text, *LISTS]:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        for pos in range(0, len(text), 7):  # windows that cut words short
            end = pos + 5
            got = pattern.search(text, pos, end)
            want = plain.search(text, pos, end)
            assert (got and got.span()) == (want and want.span())


def test_protected_positions_as_by_an_index_of_the_exceptions(seed_text: str) -> None:
    lex = lexicon()
    words = data_table("org_heads.json")["boundary_exceptions"]

    def in_exception(text: str, pos: int) -> bool:  # an occurrence of a word holds text[pos]
        for word in words:
            idx = text.find(word, max(0, pos - len(word) + 1), pos + len(word))
            if idx != -1 and idx <= pos < idx + len(word):
                return True
        return False

    for text in [seed_text[:3000], "共和国和平和谐有限所属研究所", *LISTS]:
        for pos in range(len(text)):
            in_place = any(
                s <= pos < e for s, e in place_hits(text).finditer(pos - 7, pos + 8)
            )
            assert is_protected(text, pos, lex) == (in_place or in_exception(text, pos))


def _list_names_by_clause(text: str) -> list[tuple[int, int, str]]:
    """list_names as it read every clause of the text in turn."""
    from seedie.orgs import headless as h

    lex = lexicon()
    out: list[tuple[int, int, str]] = []
    for clause in re.finditer(f"[^{CLAUSE_BREAKS}]+", text):
        lo, hi = clause.span()
        stop = text.find("等", lo, hi)
        stop = hi if stop == -1 else stop
        splits = list(lex.list_split_re.finditer(text, lo, stop))
        if not splits:
            continue
        companies = lex.company_list_end_re.match(text, stop, hi) is not None
        if not companies and lex.company_head_re.search(text, lo, stop) is None:
            continue
        found = []
        for start, end in zip([lo] + [m.end() for m in splits], [m.start() for m in splits] + [stop]):
            start = h._latest_boundary_end(text, start, end, lex)
            for word in lex.list_item_leads:
                cut = text.rfind(word, start, end)
                if cut != -1:
                    start = cut + len(word)
            head = lex.head_re.search(text, max(start, end - 6), end)
            if head is not None and head.end() == end and lex.head_kind[head.group()] == "company":
                stem = text[start : head.start()]
                companies = companies or (
                    len(stem) >= 2 and not h.segments_into(stem, lex.generic_stem_words)
                )
            elif h._TRADE_NAME.fullmatch(text, start, end) and h._trade_name_end(
                text, start, end, lex
            ):
                found.append((start, end, "listed"))
        if companies:
            out += found
    return out


def test_list_names_as_by_reading_every_clause(seed_text: str) -> None:
    lex = lexicon()
    for text in [seed_text, *LISTS, "".join(LISTS)]:
        assert list_names(text, lex) == _list_names_by_clause(text)
    assert list_names(LISTS[0], lex)


def test_sentence_start_as_by_searching_back_for_each_break(seed_text: str) -> None:
    from seedie.orgs.delegation import _sentence_start
    from seedie.text.sentences import SENTENCE_BREAKS

    for text in [seed_text[:4000], "。a！b？\n；c;d!e?", "", "abc"]:
        for pos in range(len(text) + 1):
            want = max(text.rfind(c, 0, pos) for c in SENTENCE_BREAKS) + 1
            assert _sentence_start(text, pos) == want
