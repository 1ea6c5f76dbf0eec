"""Sentence and paragraph boundaries by character offsets (no spaCy import).

Chinese news ends sentences with 。！？ (and their half-width forms), possibly followed by
closing quotes or brackets (。” counts as one end), and paragraphs with newlines. A line
that carries no sentence-final mark (a headline, a byline) is a sentence of its own.

A sentence longer than ``MAX_SENTENCE_LENGTH`` (a scraped page without punctuation, a table
flattened into one line) is cut into pieces of at most that length, at the last comma or
pause mark, else the last whitespace, else at the limit: every stage that works within a
sentence (analyzer, clause and context windows of the relation builders) then does
bounded work per character, so the pipeline stays linear on any input.
"""

from __future__ import annotations

import re

# The marks that end a sentence or a clause, and the closing quotes and brackets that may
# follow them: defined here once; every stage that needs them imports them (a stage that needs
# another set derives it from these, with the reason beside it).
FULL_STOPS = "。！？!?"  # the ends that close a statement (a quote's speaker is looked up to them)
SENTENCE_ENDS = FULL_STOPS + "；;…"  # what ends a sentence of split_sentences
# Where a search for the start of the sentence around a position stops (a line break too).
SENTENCE_BREAKS = FULL_STOPS + "；;\n"
CLAUSE_PAUSES = "，,；;：:"  # the marks that pause a sentence without ending it
CLAUSE_MARKS = CLAUSE_PAUSES + "、"  # those and the list mark: the cut points of a sentence
CLAUSE_BREAKS = CLAUSE_PAUSES + FULL_STOPS + "\n"  # what bounds a clause
CLOSERS = "”’\"'）)】」』》"
_END = SENTENCE_ENDS
_CLOSERS = CLOSERS
# One sentence: a run of non-terminators, then terminators and closers; or a line remainder.
_SENTENCE = re.compile(rf"[^{_END}\n]*[{_END}]+[{_CLOSERS}]*|[^\n]+")
_PARAGRAPH = re.compile(r"[^\n]+")

# Longest sentence handed on (characters). News sentences are far shorter (a few hundred
# characters at most); the analyzer cuts its input at 512 characters anyway.
MAX_SENTENCE_LENGTH = 500
# Preferred cut points in an over-long sentence, best first: after a clause mark
# (CLAUSE_MARKS), after a blank. A cut is only taken in the second half of the window, so
# pieces stay long.


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, without surrounding blanks.

    Example:
        >>> split_sentences("他说：“好。”我们走吧！\\n标题")
        [(0, 7), (7, 12), (13, 15)]
    """
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = _strip(text, m.start(), m.end())
        if end - start <= MAX_SENTENCE_LENGTH:
            if start < end:
                out.append((start, end))
            continue
        for a, b in _cut_long(text, start, end):
            a, b = _strip(text, a, b)
            if a < b:
                out.append((a, b))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most MAX_SENTENCE_LENGTH characters covering [start, end).

    Example:
        >>> [b - a for a, b in _cut_long("甲，" * 400, 0, 800)]
        [500, 300]
    """
    pieces: list[tuple[int, int]] = []
    pos = start
    while end - pos > MAX_SENTENCE_LENGTH:
        limit = pos + MAX_SENTENCE_LENGTH
        half = pos + MAX_SENTENCE_LENGTH // 2
        cut = max(text.rfind(c, half, limit) for c in CLAUSE_MARKS) + 1
        if cut <= half:
            cut = next((i + 1 for i in range(limit - 1, half - 1, -1) if text[i].isspace()), 0)
        if cut <= half:
            cut = limit
        pieces.append((pos, cut))
        pos = cut
    pieces.append((pos, end))
    return pieces


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the non-blank lines of ``text``.

    Example:
        >>> split_paragraphs("第一段。\\n\\n第二段。")
        [(0, 4), (6, 10)]
    """
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
