"""Character classes that the stages' patterns share (no spaCy import).

Each constant is the body of a regex character class, so a pattern writes ``rf"[{HAN}]{{2,4}}"``
and every stage means the same characters by "Han". Widening a class (for instance to the
compatibility ideographs that some traditional-character texts use) is then one change here,
measured on the dev set, instead of a hunt through the patterns.

    >>> import re
    >>> re.fullmatch(rf"[{HAN}]+", "比亚迪") is not None
    True
"""

from __future__ import annotations

__all__ = ["HAN", "HAN_EXT_A", "HAN_FIRST", "HAN_LAST"]

# CJK Unified Ideographs (U+4E00-U+9FFF): the characters of almost every Chinese article.
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
HAN = f"{HAN_FIRST}-{HAN_LAST}"
# CJK Unified Ideographs Extension A (U+3400-U+4DBF): rare characters, counted as Han letters.
HAN_EXT_A = "\u3400-\u4dbf"
