"""Quantitative claims: subject + metric + quantity (+ time, modality, speaker).

No spaCy import. ``find_claims`` keeps the quantities that are claims (filters.py), finds
each one's metric word, time and modality here, and its subject among the candidates around
it (subjects.py, candidates.py; hosts.py and local_places.py resolve the words that refer
back).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache, partial

from ..lexicon import alternation
from ..text.chars import HAN
from ..text.spans import SpanIndex
from ..types import Claim, Quantity
from .candidates import Cand
from .context import (
    DocContext,
    lexicon,
    words_re,
)
from .filters import skip
from .speakers import SpeakerIndex
from .subject_pool import choose_subject
from .subjects import Itinerary, SubjectState, section_topics

_WORD_CHARS = re.compile(rf"[{HAN}A-Za-z]+")  # what a phrase after a figure holds


@lru_cache(maxsize=1)
def _follow_stop_re() -> re.Pattern[str]:
    """What ends the noun after a count or share: a mark or a word (19家蛋企在…)."""
    words = alternation(lexicon()["follow_stop_words"])
    return re.compile(rf"[，。；：、,;:！？!?（(“”‘’\s…]|{words}")


def _metric(
    ctx: DocContext, q: Quantity, clause_start: int, clause_end: int
) -> tuple[str | None, bool]:
    """(metric, from the word list) for ``q``."""
    text = ctx.text
    assert q.start is not None and q.end is not None
    following = _following_phrase(text, q, clause_end) if q.kind in ("count", "percent") else None
    if following and text.startswith("的", q.end):
        return following, False
    best: tuple[int, int, str] | None = None
    for m in words_re("metric_words").finditer(text, clause_start, q.start):
        if ctx.inside_org(m.start(), m.end()):
            continue
        if best is None or (m.end(), len(m.group())) > (best[0], best[1]):
            best = (m.end(), len(m.group()), m.group())
    if best is not None and q.start - best[0] <= 12:
        word = best[2]
        start = best[0] - len(word)
        year_word = text[start - 1 : start] in lexicon()["metric_year_word_starts"]
        if word.startswith("年") and len(word) > 2 and year_word:
            word = word[1:]  # 今年营收 is 营收 this year, not 年营收
        return word, True
    return following, False


def _following_phrase(text: str, q: Quantity, clause_end: int) -> str | None:
    """The noun after a count or share: 19家蛋企在… -> 蛋企; 70%的消费级无人机 -> 消费级无人机."""
    assert q.end is not None
    pos = q.end
    if text.startswith("的", pos):
        pos += 1
    stop = _follow_stop_re().search(text, pos, min(clause_end, pos + 12))
    phrase = text[pos : stop.start() if stop else min(clause_end, pos + 10)]
    if 2 <= len(phrase) <= 10 and _WORD_CHARS.fullmatch(phrase):
        return phrase
    return None


def _modality(ctx: DocContext, clause_start: int, q_start: int) -> str:
    lex = lexicon()
    prefix = ctx.text[clause_start:q_start]
    if any(c in prefix for c in lex["target_cues"]):
        return "target"
    if any(c in prefix for c in lex["forecast_cues"]) or "将" in prefix[-6:]:
        return "forecast"
    return "actual"


def _time(ctx: DocContext, s_start: int, clause_start: int, q_start: int) -> str | None:
    in_clause = ctx.dates_in(clause_start, q_start)
    if in_clause:
        return in_clause[-1].text
    in_sentence = ctx.dates_in(s_start, q_start)
    return in_sentence[-1].text if in_sentence else None


def _usable(ctx: DocContext, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with offsets inside the text, one per span, in text order; the amounts
    among them are indexed (a name that swallowed one is no subject)."""
    n = len(ctx.text)
    usable = sorted(
        {
            (q.start, q.end): q
            for q in quantities
            if q.start is not None and q.end is not None and 0 <= q.start < q.end <= n
        }.values(),
        key=lambda q: (q.start, q.end),
    )
    weak = lexicon()["weak_kinds"]
    ctx._indexes["claims:amounts"] = SpanIndex(
        (q.start, q.end, None)
        for q in usable
        if q.start is not None and q.end is not None and q.unit and q.kind not in weak
    )
    return usable


def find_claims(
    ctx: DocContext,
    quantities: list[Quantity],
    speakers: SpeakerIndex | Callable[[], SpeakerIndex],
    blocked: list[tuple[int, int]],
    itinerary: Itinerary | None = None,
) -> list[Claim]:
    """One Claim per usable quantity, in text order. ``speakers`` may be a function that
    builds the index: it is called when the first claim needs it (a text without claims
    never does).

    Example: ``"盛屯已累计完成投资45.9亿元，解决就业1500余人。"`` -> two claims with subject
    盛屯 and metrics 累计完成投资 / 就业.
    """
    usable = _usable(ctx, quantities)
    blocked = sorted(blocked)  # the group's spans, searched by position
    itinerary = itinerary if itinerary is not None else Itinerary()
    topics = cache(partial(section_topics, ctx))  # found when a rule first asks
    headings = set(ctx.headings)
    last_in_sentence: dict[int, Cand | None] = {}
    last_in_paragraph: dict[int, Cand | None] = {}
    claims: list[Claim] = []
    for q in usable:
        assert q.start is not None and q.end is not None
        s_index = ctx.sentence_of(q.start)
        para = ctx.paragraph_of(q.start)
        if s_index is None or (para is not None and para in headings):
            continue
        s_start, s_end = ctx.sentences[s_index]
        c_start, c_end = ctx.clause_bounds(q.start)
        metric, strong = _metric(ctx, q, c_start, c_end)
        if skip(ctx, q, metric, strong):
            continue
        if not isinstance(speakers, SpeakerIndex):
            speakers = speakers()
        state = SubjectState(
            s_index,
            para,
            c_start,
            blocked,
            speakers,
            itinerary,
            last_in_sentence,
            last_in_paragraph,
            topics,
        )
        subject = choose_subject(ctx, q, state)
        last_in_sentence[s_index] = subject
        if para is not None:
            last_in_paragraph[para] = subject
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                subject=subject.name if subject else None,
                subject_id=subject.id if subject else None,
                quantity=q,
                metric=metric,
                time=_time(ctx, s_start, c_start, q.start),
                modality=_modality(ctx, c_start, q.start),
                speaker=speakers.speaker_at(q.start),
                sentence=ctx.text[s_start:s_end],
                start=q.start,
                end=q.end,
            )
        )
    return claims
