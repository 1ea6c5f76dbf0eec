"""Linear work on texts without sentence punctuation (scraped pages, tables, lists).

No absolute timings: the checks either bound a window (sentence, clause, name length) or
compare the time for 4n characters with the time for n in the same run, with a generous
factor (a quadratic path gives about 16; linear about 4).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator

from _relations_util import company

from seedie.orgs.names import MAX_SEED, find_org_names
from seedie.relations.build import build_relations
from seedie.relations.context import DocContext, build_context
from seedie.relations.speakers import SpeakerIndex
from seedie.text.sentences import CLAUSE_BREAKS, MAX_SENTENCE_LENGTH, split_sentences


def _best_time(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """time(4n) / time(n), each the best of three runs."""
    small, large = make(n), make(4 * n)
    small()  # warm caches (word lists, compiled patterns)
    return _best_time(large) / max(_best_time(small), 1e-4)


# -- sentences ------------------------------------------------------------------------------


def test_sentences_without_punctuation_are_cut_to_the_maximum() -> None:
    text = "长江大桥" * 1000
    spans = split_sentences(text)
    assert all(e - s <= MAX_SENTENCE_LENGTH for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text  # nothing lost, nothing doubled


def test_long_sentence_is_cut_after_a_comma_or_blank() -> None:
    clause = "我们今天在这里开会"  # 9 characters, then a comma
    text = (clause + "，") * 120  # one 1,200-character sentence without a full stop
    spans = split_sentences(text)
    assert len(spans) >= 3
    assert all(text[e - 1] == "，" for s, e in spans[:-1])
    words = " ".join(["word"] * 300)
    spans = split_sentences(words)
    assert all(e - s <= MAX_SENTENCE_LENGTH for s, e in spans)
    assert all(words[e] == " " for _, e in spans[:-1])  # cut at a blank, not inside a word


def test_normal_sentences_are_not_cut() -> None:
    text = "今天天气很好，我们去公园散步。" + "他说：“" + "好" * 300 + "。”\n标题"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "今天天气很好，我们去公园散步。",
        "他说：“" + "好" * 300 + "。”",
        "标题",
    ]


# -- clauses --------------------------------------------------------------------------------


def _walked_clause(text: str, lo: int, hi: int, offset: int) -> tuple[int, int]:
    start, end = offset, offset
    while start > lo and text[start - 1] not in CLAUSE_BREAKS:
        start -= 1
    while end < hi and text[end] not in CLAUSE_BREAKS:
        end += 1
    return start, end


def _random_contexts(seed: int, alphabet: str, count: int, longest: int) -> Iterator[DocContext]:
    """The contexts of ``count`` random texts of 1 to ``longest`` characters of ``alphabet``."""
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))
        yield build_context(text, split_sentences(text), [], [], [])


def test_clause_bounds_match_a_character_walk() -> None:
    for ctx in _random_contexts(3, "山水田，。；：！？\n 、”", 300, 50):
        text = ctx.text
        for offset in range(len(text)):
            s = ctx.sentence_of(offset)
            if s is None:
                continue
            lo, hi = ctx.sentences[s]
            assert ctx.clause_bounds(offset) == _walked_clause(text, lo, hi, offset)


def test_clause_bounds_are_bounded_without_punctuation() -> None:
    text = "长江大桥" * 2000 + "   " + "黄河" * 2000
    ctx = build_context(text, split_sentences(text), [], [], [])
    for offset in range(0, len(text), 97):
        start, end = ctx.clause_bounds(offset)
        assert start <= offset <= end
        assert end - start <= 2 * MAX_SENTENCE_LENGTH


# -- organizations --------------------------------------------------------------------------


def test_a_run_of_heads_is_no_endless_name() -> None:
    spans = find_org_names("公司" * 3000)
    assert spans
    assert all(c.end - c.start <= MAX_SEED for c in spans)


def test_org_names_grow_linearly_on_a_run_of_heads() -> None:
    def make(n: int) -> Callable[[], object]:
        text = ("有限公司集团" * n)[:n]
        return lambda: find_org_names(text)

    assert _growth(make, 2000) < 8


# -- relations ------------------------------------------------------------------------------


def _relations_on(text: str) -> Callable[[], object]:
    firm = company(text, "local:长江实业", "长江实业", "长江实业")
    sentences = split_sentences(text)
    return lambda: build_relations(
        text,
        sentences=sentences,
        companies=[firm],
        quantities=[],
        dates=[],
        persons=[],
        places=[],
    )


def test_relations_grow_linearly_without_punctuation() -> None:
    # One endless sentence naming the same company again and again: every mention asks for
    # its clause, which used to be the whole text.
    def make(n: int) -> Callable[[], object]:
        return _relations_on(("代表团走进长江实业" * n)[:n])

    assert _growth(make, 1500) < 8


def test_claim_subjects_grow_linearly_without_punctuation() -> None:
    # Places around every figure of one endless sentence: each place candidate asks whether
    # a 从 before it in its clause makes it a route's end, and the clause is the whole text.
    from seedie.quantities.parse import find_quantities

    def make(n: int) -> Callable[[], object]:
        text = ("在深圳投资100亿元建设工厂" * n)[:n]
        found = find_quantities(text)
        sentences = split_sentences(text)
        return lambda: build_relations(
            text,
            sentences=sentences,
            companies=[],
            quantities=found,
            dates=[],
            persons=[],
            places=[],
        )

    assert _growth(make, 1500) < 8


def test_clause_start_matches_a_character_walk() -> None:
    for ctx in _random_contexts(5, "山水田从到，。；：\n 、", 200, 40):
        text = ctx.text
        for offset in range(len(text) + 1):
            walked, _ = _walked_clause(text, 0, len(text), offset)
            assert ctx.clause_start(offset) == walked


def test_relations_on_one_line_still_find_visits() -> None:
    text = "代表团一行来到长江实业考察。" * 50
    result = _relations_on(text)()
    assert result.visits  # type: ignore[attr-defined]


# -- speakers -------------------------------------------------------------------------------


def _reported_on_one_line(n: int) -> SpeakerIndex:
    # n reported-speech spans on one line: each runs from its verb to the end of the line.
    return SpeakerIndex(reported=[(i * 10, n * 10, f"说话人{i}") for i in range(n)])


def test_reported_speaker_is_the_latest_before_the_offset() -> None:
    index = _reported_on_one_line(50)
    assert index.speaker_at(5) == "说话人0"
    assert index.speaker_at(123) == "说话人12"
    assert index.speaker_at(10 * 50) is None  # past the end of every span
    index = SpeakerIndex(reported=[(0, 100, "甲"), (20, 30, "乙")])
    assert [index.speaker_at(x) for x in (10, 25, 35)] == ["甲", "乙", "甲"]


def test_reported_speaker_lookup_grows_linearly() -> None:
    def make(n: int) -> Callable[[], object]:
        index = _reported_on_one_line(n)
        return lambda: [index.speaker_at(i * 10 + 5) for i in range(n)]

    assert _growth(make, 1500) < 8


def test_quotations_are_bounded_on_one_line() -> None:
    from seedie.relations.speakers import MAX_QUOTE, _quote_spans

    filler = "经济持续发展，" * (MAX_QUOTE // 7 + 10)
    text = "他说：“" + filler + "”又说：“今年产值增长了百分之五。”" + "他说：“很好。”"
    ctx = build_context(text, split_sentences(text), [], [], [])
    quotes = [text[s:e] for s, e in _quote_spans(ctx)]
    assert "“今年产值增长了百分之五。”" in quotes and "“很好。”" in quotes
    assert all(len(q) <= MAX_QUOTE for q in quotes)


# -- chunks ---------------------------------------------------------------------------------


def test_merged_chunks_keep_every_mention_and_alias_once() -> None:
    from seedie.text.chunking import merge_extractions
    from seedie.types import Company, Extraction, Mention

    def part(aliases: list[str], starts: list[int]) -> Extraction:
        firm = Company(
            id="local:长江实业",
            name="长江实业",
            aliases=aliases,
            mentions=[Mention(text="长江实业", start=s, end=s + 4) for s in starts],
        )
        return Extraction(text_length=100, base="lac", companies=[firm])

    parts = [(0, part(["长江"], [0, 10])), (100, part(["长江", "长实"], [5])), (200, part([], [1]))]
    merged = merge_extractions(300, parts)
    assert len(merged.companies) == 1
    firm = merged.companies[0]
    assert firm.aliases == ["长江", "长实"]
    assert [m.start for m in firm.mentions] == [0, 10, 105, 201]
