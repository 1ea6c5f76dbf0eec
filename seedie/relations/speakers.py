"""Who says what: person names, quotations and reported speech (no spaCy import).

The base NER misses names, so names also come from a title pattern (总经理李某某, 厅长王某)
and every name found once is then searched for everywhere in the text. A quotation “…” is
attributed to the person before it (X说：“…”) or after it (“…”X介绍); reported speech
("X介绍，…") covers the rest of its paragraph. 他/她 resolve to the last named person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import alternation, first_chars
from ..text.chars import HAN
from ..text.sentences import CLAUSE_BREAKS, FULL_STOPS
from ..text.spans import ClaimedChars, SpanIndex, occurrences
from .context import DocContext, lexicon, words_re

_STOPS_BEFORE_QUOTE = FULL_STOPS + "“\n"
_STOPS_AFTER_QUOTE = FULL_STOPS + "”\n"

_IN_VIEW_OF = re.compile(r"[，,]?在(.{2,4}?)看来")  # 在王某看来 right after a quotation
_CJK = re.compile(rf"^[{HAN}]{{2,4}}$")
# Longest quotation looked for (characters): a bounded search per opening mark, and no
# quotation spanning a whole page written on one line.
MAX_QUOTE = 2000


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int
    end: int
    name: str


@lru_cache(maxsize=1)
def _clause_start_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A clause start, with the word that may open it before a bare name (在王某看来), where
    a surname follows (the opener, when there is one, is taken: the name must follow it):
    one pattern for the text's start (``match``), one that reads the break before any other
    clause start (its group 1 is the opener). Led by the break's character class, the search
    skips the other offsets at once, where a lookbehind would be tried at each of them."""
    lex = lexicon()
    openers = alternation(lex["speaker_clause_openers"])
    surname = "|".join(p for p in (alternation(lex["compound_surnames"]), _surname_class()) if p)
    words = [*lex["speaker_clause_openers"], *lex["compound_surnames"], *lex["surnames"]]
    lead = first_chars(words)
    if not lead or not surname:
        return re.compile("(?!)"), re.compile("(?!)")
    body = rf"{lead}(?:{openers})?+(?={surname})"
    return re.compile(body), re.compile(rf"[{CLAUSE_BREAKS}”」]({body})")


def _clause_starts(text: str) -> Iterator[tuple[int, str]]:
    """(end, opener) of each clause start of :func:`_clause_start_res`, in text order: the
    matches of one search for a start at offset 0 or just after a break (an opener holds no
    break, so a match never hides the break of the next one)."""
    at_start, after_break = _clause_start_res()
    first = at_start.match(text)
    pos = 0
    if first is not None:
        pos = first.end()
        yield pos, first.group()
    for m in after_break.finditer(text, pos):
        yield m.end(), m.group(1)


def _surname_class() -> str:
    """A character class of the one-character surnames ("" when there are none)."""
    chars = "".join(sorted(set(lexicon()["surnames"])))
    return f"[{re.escape(chars)}]" if chars else ""


@cache
def _chars(key: str) -> frozenset[str]:
    """The characters of one character list of relations.json (他们 is no 他)."""
    return frozenset(lexicon()[key])


def _surname_len(text: str, pos: int) -> int:
    if words_re("compound_surnames").match(text, pos):
        return 2
    return 1 if pos < len(text) and text[pos] in _chars("surnames") else 0


def _name_after_title(text: str, pos: int) -> str | None:
    """The personal name starting at ``pos`` (just after a title), or None.

    Prefer the length whose next character can follow a name (说, 介绍, punctuation ...);
    with no such evidence take a three-character name, the commonest form.
    """
    sur = _surname_len(text, pos)
    if sur == 0:
        return None
    followers = lexicon()["name_followers"]
    options = [sur + 1, sur + 2]
    for size in options:
        end = pos + size
        if end > len(text) or not _CJK.match(text[pos:end]):
            continue
        if end == len(text) or text[end] in followers or words_re("speech_verbs").match(text, end):
            return text[pos:end]
    end = pos + sur + 2
    if end <= len(text) and _CJK.match(text[pos:end]):
        return text[pos:end]
    return None


def _bare_speaker_names(text: str) -> set[str]:
    """Names without a title at a clause start: 王某某介绍， / 在王某看来， / 据王某透露，."""
    out: set[str] = set()
    for pos, opener in _clause_starts(text):
        sur = _surname_len(text, pos)
        if not sur:
            continue
        for size in (sur + 2, sur + 1):
            end = pos + size
            if end > len(text) or not _CJK.match(text[pos:end]):
                continue
            verb = words_re("speech_verbs").match(text, end)
            if text.startswith("看来", end) and opener == "在":
                out.add(text[pos:end])
                break
            if verb and text[verb.end() : verb.end() + 1] in ("，", "：", ",", ":"):
                out.add(text[pos:end])
                break
    return out


def find_names(ctx: DocContext, persons: list[tuple[int, int, str]]) -> list[NameSpan]:
    """Every occurrence of every person name (NER spans + title pattern), longest first.

    Example: ``"总经理李志凌介绍"`` -> [NameSpan(3, 6, "李志凌")]
    """
    text = ctx.text
    names: set[str] = set()
    for start, end, _label in persons:
        if 0 <= start < end <= len(text):
            surface = text[start:end]
            if _CJK.match(surface) and _surname_len(surface, 0):
                names.add(surface)
    for m in words_re("titles").finditer(text):
        name = _name_after_title(text, m.end())
        if name:
            names.add(name)
    names.update(_bare_speaker_names(text))
    spans: list[NameSpan] = []
    taken = ClaimedChars(len(text))  # every name has two characters or more
    for name in sorted(names, key=lambda s: (-len(s), s)):
        for s in occurrences(text, name):
            e = s + len(name)
            if ctx.inside_org(s, e) or not taken.free(s, e):
                continue
            taken.claim(s, e)
            spans.append(NameSpan(s, e, name))
    spans.sort(key=lambda n: n.start)
    return spans


@dataclass
class SpeakerIndex:
    """Speaker lookup by character offset."""

    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    attributions: list[tuple[int, int]] = field(default_factory=list)  # parallel to quotes
    reported: list[tuple[int, int, str]] = field(default_factory=list)
    names: list[NameSpan] = field(default_factory=list)

    _quote_index: SpanIndex[int] | None = field(default=None, repr=False, compare=False)
    _reported_index: SpanIndex[str] | None = field(default=None, repr=False, compare=False)

    def _quotes_at(self, offset: int) -> list[int]:
        """Indices (into ``quotes``) of the quotations containing ``offset``, in order."""
        if not self.quotes:  # most texts quote no speech
            return []
        if self._quote_index is None or len(self._quote_index) != len(self.quotes):
            self._quote_index = SpanIndex((s, e, i) for i, (s, e, _) in enumerate(self.quotes))
        return sorted(i for s, e, i in self._quote_index.near(offset) if s <= offset < e)

    def attribution_at(self, offset: int) -> tuple[int, int] | None:
        """The text naming the speaker of the quotation around ``offset`` (X总经理Y说)."""
        for i in self._quotes_at(offset):
            if self.quotes[i][2] is not None:
                return self.attributions[i]
        return None

    def speaker_at(self, offset: int) -> str | None:
        quotes = self._quotes_at(offset)
        if quotes:
            speaker = self.quotes[quotes[0]][2]
            if speaker is not None:
                return speaker
        if not self.reported:
            return None
        if self._reported_index is None or len(self._reported_index) != len(self.reported):
            self._reported_index = SpanIndex(self.reported)
        # The reported speech that starts last before ``offset`` (a bounded walk back, not a
        # scan of every span that may reach it: on one line they all run to its end).
        best = self._reported_index.latest_containing(offset)
        return best[2] if best else None


def _mentions(ctx: DocContext, names: list[NameSpan]) -> list[NameSpan]:
    """Names plus resolved 他/她 (to the last name before them in the same section)."""
    out = list(names)
    starts = [n.start for n in names]
    for pronoun in lexicon()["pronouns"]:
        for m in re.finditer(pronoun, ctx.text):
            s = m.start()
            nxt = ctx.text[s + 1 : s + 2]
            prv = ctx.text[s - 1 : s] if s else ""
            after, before = _chars("not_pronoun_after_chars"), _chars("not_pronoun_before_chars")
            if nxt in after or prv in before:  # 他们, 其他
                continue
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and ctx.section_of(names[i].start) == ctx.section_of(s):
                out.append(NameSpan(s, s + 1, names[i].name))
    out.sort(key=lambda n: n.start)
    return out


def _speaker_before_verb(mentions: list[NameSpan], verb_start: int, text: str) -> str | None:
    # mentions are sorted by start: walk back from the last one starting before the verb.
    last = bisect.bisect_left(mentions, verb_start, key=lambda n: n.start)
    for n in reversed(mentions[max(0, last - 8) : last]):
        if n.end > verb_start:
            continue
        gap = text[n.end : verb_start]
        if len(gap) <= 2 and all(c in _chars("attribution_gap_chars") for c in gap):
            return n.name
        if n.end < verb_start - 2:
            return None
    return None


def _after_segment(text: str, q_end: int, limit: int) -> int:
    seg_end = q_end
    while seg_end < limit and text[seg_end] not in _STOPS_BEFORE_QUOTE:
        seg_end += 1
    return seg_end


def _attribute_after(
    ctx: DocContext, mentions: list[NameSpan], q_end: int, limit: int
) -> str | None:
    text = ctx.text
    seg_end = _after_segment(text, q_end, limit)
    segment = text[q_end:seg_end]
    kan = _IN_VIEW_OF.match(segment)
    if kan:
        for n in mentions:
            if n.start == q_end + kan.start(1):
                return n.name
    for v in words_re("speech_verbs").finditer(text, q_end, seg_end):
        who = _speaker_before_verb(mentions, v.start(), text)
        if who:
            return who
    return None


def _sentence_head(text: str, q_start: int, floor: int) -> int:
    head = q_start
    while head > floor and text[head - 1] not in _STOPS_AFTER_QUOTE:
        head -= 1
    return head


def _attribute_before(
    ctx: DocContext, mentions: list[NameSpan], q_start: int, floor: int
) -> str | None:
    text = ctx.text
    seg_start = q_start
    while seg_start > floor and text[seg_start - 1] not in _STOPS_AFTER_QUOTE:
        seg_start -= 1
    segment = text[seg_start:q_start].rstrip()
    if not segment or segment[-1] not in "：:，,":
        return None
    lo = bisect.bisect_left(mentions, seg_start, key=lambda n: n.start)
    hi = bisect.bisect_left(mentions, q_start, key=lambda n: n.start)
    inside = [n for n in mentions[lo:hi] if n.end <= q_start]
    if not inside:
        return None
    if segment[-1] in "：:":
        return inside[-1].name
    verb = words_re("speech_verbs").search(segment[-4:])
    if verb:
        return _speaker_before_verb(mentions, seg_start + len(segment) - 4 + verb.start(), text)
    return None


def _quote_spans(ctx: DocContext) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p_start, p_end in ctx.paragraphs:
        i = ctx.text.find("“", p_start, p_end)
        while i >= 0:
            j = ctx.text.find("”", i + 1, min(p_end, i + MAX_QUOTE))
            if j < 0:
                if p_end <= i + MAX_QUOTE:
                    break  # no closing mark in the rest of the paragraph
                j = i  # too long to be a quotation (a page on one line): go on
            else:
                out.append((i, j + 1))
            i = ctx.text.find("“", j + 1, p_end)
    return out


_SPEECH_MARKS = re.compile("[，。！？；,!?;]")  # a quotation holding one is speech


def _is_speech(inner: str) -> bool:
    return len(inner) >= 12 or _SPEECH_MARKS.search(inner) is not None


def build_speakers(ctx: DocContext, persons: list[tuple[int, int, str]]) -> SpeakerIndex:
    """Index quotations and reported speech of ``ctx`` with their speakers.

    Example: ``"陈东说：“投资45亿元。”"`` -> the quote is attributed to 陈东.
    """
    names = find_names(ctx, persons)
    mentions = _mentions(ctx, names)
    index = SpeakerIndex(names=names)
    text = ctx.text
    for q_start, q_end in _quote_spans(ctx):
        inner = text[q_start + 1 : q_end - 1]
        if not _is_speech(inner):
            continue
        para = ctx.paragraph_of(q_start)
        p_start, p_end = ctx.paragraphs[para] if para is not None else (0, len(text))
        who = _attribute_before(ctx, mentions, q_start, p_start)
        span = (_sentence_head(text, q_start, p_start), q_start)
        if who is None:
            who = _attribute_after(ctx, mentions, q_end, p_end)
            span = (q_end, _after_segment(text, q_end, p_end))
        index.quotes.append((q_start, q_end, who))
        index.attributions.append(span if who else (q_start, q_start))
    quoted: SpanIndex[None] = SpanIndex((s, e, None) for s, e, _ in index.quotes)
    for v in words_re("speech_verbs").finditer(text):
        after = text[v.end() : v.end() + 1]
        if after not in "，,：:" or text[v.end() + 1 : v.end() + 2] == "“":
            continue
        if quoted.covers(v.start(), v.start() + 1):
            continue
        who = _speaker_before_verb(mentions, v.start(), text)
        if who is None:
            continue
        para = ctx.paragraph_of(v.start())
        end = ctx.paragraphs[para][1] if para is not None else len(text)
        index.reported.append((v.end(), end, who))
    for m in re.finditer(r"在(.{2,4}?)看来[，,]", text):
        for n in mentions:
            if n.start == m.start(1) and n.end == m.end(1):
                para = ctx.paragraph_of(m.start())
                end = ctx.paragraphs[para][1] if para is not None else len(text)
                index.reported.append((m.end(), end, n.name))
    index.reported.sort()
    return index
