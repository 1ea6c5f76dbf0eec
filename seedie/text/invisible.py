"""Invisible format characters: the byte-order mark, zero-width spaces and joiners, soft hyphens.

They come from Windows editors (a UTF-8 BOM at the start of a file) and from web pages
(zero-width spaces and soft hyphens inside words). A reader never sees them, so they must
never end up inside a name: ``\\ufeff比亚迪`` is 比亚迪 and must link to the same KB record.
"""

from __future__ import annotations

import re

from .chars import HAN, HAN_EXT_A

# U+FEFF BOM / zero-width no-break space, U+200B zero-width space, U+200C/U+200D zero-width
# (non-)joiner, U+2060 word joiner, U+00AD soft hyphen, U+180E Mongolian vowel separator.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def blank_bom(text: str) -> str:
    """Every U+FEFF -> a space (same length, so character offsets stay valid).

    A BOM is whitespace-like wherever it stands; analyzers would glue it to the next word.

    Example:
        >>> blank_bom("\\ufeff比亚迪")
        ' 比亚迪'
    """
    return text.replace("\ufeff", " ") if "\ufeff" in text else text


def strip_invisible(name: str) -> str:
    """``name`` without invisible format characters (for names, never for offsets).

    Example:
        >>> strip_invisible("宁德\\u00ad时代\\u200b")
        '宁德时代'
    """
    return _INVISIBLE_RE.sub("", name) if _INVISIBLE_RE.search(name) else name


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start``/``end`` inwards past whitespace and invisible characters at the edges.

    Example:
        >>> trim_span("\\ufeff比亚迪 ", 0, 5)
        (1, 4)
    """
    while start < end and (text[start] in INVISIBLE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in INVISIBLE or text[end - 1].isspace()):
        end -= 1
    return start, end


# Han characters (CJK Unified Ideographs and Extension A): all letters (str.isalpha).
_HAN_RUNS = re.compile(f"[{HAN}{HAN_EXT_A}]+")


def han_share(text: str) -> tuple[float, int]:
    """Share of Han characters among the letters of ``text``, and the number of letters.

    The Han characters are counted by removing them in one regex pass; only the rest (in a
    Chinese article, punctuation, digits and a few Latin words) is read character by character.

    Example:
        >>> han_share("比亚迪 BYD")
        (0.5, 6)
    """
    rest = _HAN_RUNS.sub("", text)
    han = len(text) - len(rest)
    letters = han + sum(1 for ch in rest if ch.isalpha())
    return (han / letters if letters else 1.0), letters
