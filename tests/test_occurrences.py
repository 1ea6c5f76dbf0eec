"""seedie.text.occurrences: one pass per text, queries answered as the trie regex would."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from seedie import places
from seedie.text.occurrences import WordFinder

SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_2845115161f2390a.txt"
WORDS = ["深圳", "深圳市", "贵州", "贵州省", "州省", "市", "长阳土家族自治县", "x", "xy"]


@pytest.mark.parametrize(
    ("text", "query", "args", "expected"),
    [
        ("去深圳市和贵州", "finditer", (), [(1, 4), (5, 7)]),
        ("去深圳市和贵州", "finditer", (2,), [(3, 4), (5, 7)]),  # 市 alone once 深 is behind
        ("去深圳市和贵州", "finditer", (0, 3), [(1, 3)]),  # the window cuts 深圳市 to 深圳
        ("贵州省", "finditer", (), [(0, 3)]),  # 州省 overlaps the longer word: not reported
        ("去深圳市", "match", (1,), (1, 4)),
        ("去深圳市", "match", (1, 3), (1, 3)),
        ("去深圳市", "match", (0,), None),  # nothing starts at 去
        ("去深圳市", "search", (0,), (1, 4)),
        ("去深圳市", "search", (2,), (3, 4)),
        ("去深圳", "search", (0, 2), None),
        ("", "finditer", (), []),
        ("长阳土家族自治县", "match", (0,), (0, 8)),
        ("去贵州", "finditer", (), [(1, 3)]),  # 贵州省 cannot end past the text
        ("axyx", "finditer", (), [(1, 3), (3, 4)]),  # one-character words, also at the end
        ("axyx", "match", (1, 2), (1, 2)),
    ],
)
def test_queries(text: str, query: str, args: tuple[int, ...], expected: object) -> None:
    occ = WordFinder({"w": WORDS}).index(text)["w"]
    got = getattr(occ, query)(*args)
    assert (list(got) if query == "finditer" else got) == expected


def test_no_words_find_nothing() -> None:
    occ = WordFinder({"w": []}).index("深圳")["w"]
    assert list(occ.finditer()) == [] and occ.match(0) is None


@pytest.mark.parametrize("word", ["", "深" * 65])
def test_empty_or_overlong_words_are_refused(word: str) -> None:
    with pytest.raises(ValueError, match=r"\[E014\].*1 to 64 characters"):
        WordFinder({"w": [word]})


def test_each_group_sees_only_its_own_words() -> None:
    found = WordFinder({"cities": ["深圳", "深圳市"], "provinces": ["广东", "广东省"]}).index(
        "广东省深圳市"
    )
    assert list(found["cities"].finditer()) == [(3, 6)]
    assert list(found["provinces"].finditer()) == [(0, 3)]


def test_name_prefix_forms_answer_like_their_trie_regex() -> None:
    regex = re.compile(places.trie_pattern(places.name_prefix_forms()))
    for text in _texts():
        occ = places.occurrences(text, "name_prefix")
        assert list(occ.finditer()) == [m.span() for m in regex.finditer(text)]


def _texts() -> list[str]:
    seed = SEED.read_text(encoding="utf-8")
    rng = random.Random(7)
    forms = sorted(places.running_text_forms())
    mixed = []
    for _ in range(40):  # place forms run together, cut and glued: dense overlaps
        parts = [rng.choice(forms) for _ in range(rng.randint(2, 8))]
        glued = "".join(p[: rng.randint(1, len(p))] if rng.random() < 0.3 else p for p in parts)
        mixed.append(glued)
    return [seed, *mixed]


def test_same_answers_as_the_trie_regex_on_the_gazetteer() -> None:
    words = places.running_text_forms()
    regex = re.compile(places.trie_pattern(words))
    rng = random.Random(11)
    for text in _texts():
        occ = places.occurrences(text, "running_text")
        assert list(occ.finditer()) == [m.span() for m in regex.finditer(text)]
        for _ in range(60):
            pos = rng.randrange(len(text) + 1)
            end = rng.randrange(pos, len(text) + 1)
            want_match = regex.match(text, pos, end)
            want_search = regex.search(text, pos, end)
            assert occ.match(pos, end) == (want_match.span() if want_match else None)
            assert occ.search(pos, end) == (want_search.span() if want_search else None)
            assert list(occ.finditer(pos, end)) == [
                m.span() for m in regex.finditer(text, pos, end)
            ]
