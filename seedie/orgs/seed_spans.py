"""Known names (NER and KB seeds) extended to the organization they name: to a head word
(比亚迪 + 集团, 华为 + 智慧能源 + 中心), with a place before (贵阳 + 比亚迪) or a facility after
(比亚迪 + 全球总部), or over industry words (某钨 + 新能源).

Pure Python (no spaCy import).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text.spans import SpanIndex
from .headless import HEAD_REACH, extend_over_industry, extend_to_head
from .lexicon import NAME_CHAR, REACH, Lexicon, may_end_place


def extended_seeds(
    text: str,
    seeds: list[tuple[int, int]],
    pattern: list[tuple[int, int, str]],
    heads: list[re.Match[str]],
    lex: Lexicon,
) -> list[tuple[int, int, str]]:
    """Each seed extended to a head (a pattern's or one a few name characters on), a place
    before it or a facility after it, or over industry words."""
    extended: list[tuple[int, int, str]] = []
    head_ends = [m.end() for m in heads]
    pattern_index = SpanIndex((ps, pe, head) for ps, pe, head in pattern)
    for s, e in seeds:
        best = (s, e, "seed")
        # A pattern's head and the head extend_to_head reads are head words within
        # HEAD_REACH characters after the seed; each such word starts one of ``heads`` or lies
        # inside one (a finditer over the whole text), and that match ends after the seed's
        # end: with none starting before e + HEAD_REACH, neither can extend the seed.
        i = bisect_right(head_ends, e)
        if i < len(heads) and heads[i].start() < e + HEAD_REACH:
            best = _to_head(text, s, e, seeds, pattern_index, lex)
        if best[2] == "seed":
            best = _extend_seed(text, s, e, lex)
        if best[2] == "seed":
            best = (s, extend_over_industry(text, e, lex), "seed")
        elif best[2] != "seed+facility" and (tail := lex.facility_re.match(text, best[1])):
            best = (best[0], tail.end(), "seed+facility")  # 某某有限公司 + 研发中心
        extended.append(best)
    return extended


def _to_head(
    text: str,
    s: int,
    e: int,
    seeds: list[tuple[int, int]],
    pattern_index: SpanIndex[str],
    lex: Lexicon,
) -> tuple[int, int, str]:
    """The seed [s, e) extended to the head of a pattern or to one a few name characters on,
    else the seed itself."""
    # Only patterns that contain the seed's first character can extend it.
    for ps, pe, head in pattern_index.inside(s - REACH, e + REACH):
        # 比亚迪 + 集团, 盛屯 + 矿业集团: the head starts within four name characters.
        head_start = pe - len(head)
        gap = text[e:head_start]
        if (
            ps <= s < pe
            and e <= head_start <= e + 4
            and pe > e
            and head not in lex.sub_heads
            and all(NAME_CHAR.match(c) for c in gap)
            and lex.long_boundary_re.search(gap) is None
        ):
            return (ps if text[ps:s] in lex.places else s, pe, head)
    reach = extend_to_head(text, s, e, seeds, lex)
    return (s, reach[0], "seed+head") if reach is not None else (s, e, "seed")


def _extend_seed(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int, str]:
    """贵阳 + 比亚迪, 比亚迪 + 全球总部: a place right before a name, or a facility word right
    after it, belongs to the mention (the linker folds such forms into the organization)."""
    label = "seed"
    if may_end_place(text, start, lex):
        for size in (4, 3, 2):
            if start - size >= 0 and text[start - size : start] in lex.places:
                start -= size
                label = "place+seed"
                break
    m = None
    if end < len(text) and text[end] in lex.facility_firsts:
        m = lex.facility_re.match(text, end)
    if m:
        end = m.end()
        label = "seed+facility"
    return start, end, label
