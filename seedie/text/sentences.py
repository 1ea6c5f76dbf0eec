"""Sentence and paragraph boundaries by character offsets (no spaCy import).

Chinese news ends sentences with 。！？ (and their half-width forms), possibly followed by
closing quotes or brackets (。” counts as one end), and paragraphs with newlines. A line
that carries no sentence-final mark (a headline, a byline) is a sentence of its own.
"""

from __future__ import annotations

import re

_END = "。！？!?；;…"
_CLOSERS = "”’\"'）)】」』》"
# One sentence: a run of non-terminators, then terminators and closers; or a line remainder.
_SENTENCE = re.compile(rf"[^{_END}\n]*[{_END}]+[{_CLOSERS}]*|[^\n]+")
_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, without surrounding blanks.

    Example:
        >>> split_sentences("他说：“好。”我们走吧！\\n标题")
        [(0, 7), (7, 12), (13, 15)]
    """
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the non-blank lines of ``text``.

    Example:
        >>> split_paragraphs("第一段。\\n\\n第二段。")
        [(0, 4), (6, 10)]
    """
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
