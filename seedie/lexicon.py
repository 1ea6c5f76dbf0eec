"""The one loader of seedie's package data (``seedie/data/``): each table is read once.

Every stage reads its word lists, units, places and KB through this module, so a table is
parsed once per process and no module walks the file system itself. What each table holds and
which stage owns it: ``seedie/data/README.md``. Word lists become regexes through
:func:`alternation` (or :func:`trie_pattern`, the same matches for long lists, compiled by
:func:`any_word_re`, and :func:`first_chars`, a lookahead before a pattern), never by
spelling the words out in a pattern.

No spaCy import.

    >>> "units" in data_table("units.json")
    True
    >>> alternation(["下午", "下", "上午"])
    '上午|下午|下'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["alternation", "data_table", "data_text"]


@cache
def data_text(name: str) -> str:
    """The text of one shipped data file, e.g. ``data_text("orgs.jsonl")``."""
    return files("seedie.data").joinpath(name).read_text(encoding="utf-8")


@cache
def data_table(name: str) -> Any:
    """One shipped JSON table, parsed once (callers must not mutate it)."""
    return json.loads(data_text(name))


def alternation(
    words: Iterable[str],
    *,
    not_after: Mapping[str, str] | None = None,
    not_before: Mapping[str, str] | None = None,
) -> str:
    """A regex alternation of ``words`` (no enclosing group): each word escaped, once, the
    longest first (ties in code-point order), so a word never loses to its own prefix.

    ``not_after`` / ``not_before`` map a word to the characters it may not follow / precede
    (如今年轻 holds no 今年): that word gets a one-character lookbehind / lookahead guard.
    No words give ``""``; callers that may get none check before they wrap it.

        >>> alternation(["晚", "晚上", "a.b"], not_before={"晚": "会宴"})
        'a\\\\.b|晚上|晚(?![会宴])'
    """
    not_after = not_after or {}
    not_before = not_before or {}
    out = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        item = re.escape(word)
        if not_after.get(word):
            item = f"(?<![{re.escape(not_after[word])}])" + item
        if not_before.get(word):
            item += f"(?![{re.escape(not_before[word])}])"
        out.append(item)
    return "|".join(out)


def first_chars(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``: put before a pattern whose every
    match starts with one of them (an optional prefix, then one of the words), so the
    regex engine passes over other positions at once instead of trying the whole pattern.
    The matches do not change. No words give ``""``.

        >>> first_chars(["考察团", "代表团", "党政"])
        '(?=[代党考])'
    """
    chars = sorted({w[0] for w in words if w})
    return f"(?=[{re.escape(''.join(chars))}])" if chars else ""


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest at a given start, as a prefix trie.

    Same matches as the alternation of the words longest first, but the regex engine
    follows one branch per character instead of trying thousands of names at each offset.

    >>> trie_pattern(["深圳", "深圳市", "贵州"])
    '(?:深圳市?|贵州)'
    >>> [m.group() for m in re.finditer(trie_pattern(["深圳", "深圳市"]), "深圳市与深圳")]
    ['深圳市', '深圳']
    """
    trie: _Trie = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if "" not in node:
            return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if len(alts) == 1 and len(alts[0]) == 1:
            return alts[0] + "?"
        return "(?:" + "|".join(alts) + ")?"

    body = emit(trie)
    return body if body.startswith("(?:") or not body else "(?:" + body + ")"


def any_word_re(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled :func:`trie_pattern` of ``words`` (the longest at each start); for no
    words, a pattern that never matches.

    >>> any_word_re([]).search("anything") is None
    True
    """
    return re.compile(trie_pattern(words) or "(?!)")
