"""What is not a claim: dates, ordinals, names, group sizes, bare or small numbers.

No spaCy import. A quantity inside a date or an organization's name, next to Latin letters
or digits, after 第, in quotes (“511”工程), counting the visiting group (一行8人) or counting
events (二十届) is no claim; nor is a bare or small number without a unit or metric word.
"""

from __future__ import annotations

import re
from functools import cache

from ..orgs.lexicon import lexicon as org_lexicon
from ..text.chars import HAN
from ..types import Quantity
from .candidates import swallowed
from .context import (
    DocContext,
    lexicon,
)

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_CJK = re.compile(rf"[{HAN}]")
_SMALL = 10.0
_OPEN_QUOTES = "“‘「『\"'"
_CLOSE_QUOTES = "”’」』\"'"


@cache
def _words(key: str) -> tuple[str, ...]:
    """The word list ``key`` of relations.json, as a tuple (for startswith/endswith)."""
    return tuple(lexicon()[key])


def skip(ctx: DocContext, q: Quantity, metric: str | None, strong: bool) -> bool:
    text = ctx.text
    assert q.start is not None and q.end is not None
    if ctx.overlaps_date(q.start, q.end):
        return True
    if ctx.inside_org(q.start, q.end) and not swallowed(ctx, q.start, q.end):
        return True
    if (q.start > 0 and _ASCII_ALNUM.match(text[q.start - 1])) or (
        q.end < len(text) and _ASCII_ALNUM.match(text[q.end])
    ):
        return True
    if text[max(0, q.start - 1) : q.start] == "第" or q.text.startswith("第"):
        return True
    if (
        text[max(0, q.start - 1) : q.start] in _OPEN_QUOTES
        and text[q.end : q.end + 1] in (_CLOSE_QUOTES)
        and q.end < len(text)
    ):
        return True  # “511”工程: a programme's name, not an amount
    if text.startswith(_words("skip_followers"), q.end):
        return True
    if q.unit == "人" and any(
        text[max(0, q.start - len(w) - 1) : q.start].startswith(w)
        or text[max(0, q.start - len(w)) : q.start] == w
        for w in lexicon()["group_size_markers"]
    ):
        return True  # 考察团一行8人: the size of the visiting group, a trip fact
    if q.unit == "人" and _after_group_noun(text, q.start):
        return True  # 带领党政考察团60余人: the same, written right after the group noun
    skip_units = _words("skip_units")
    if q.unit in skip_units or q.text.endswith(skip_units):
        return True  # 二十届, 第三期: ordinals of events, not amounts
    if q.kind == "count" and not q.unit and not strong:
        return True  # a bare number without unit or metric word
    if q.kind == "count" and not q.unit and _CJK.match(text, q.end):
        return True  # 128奥特莱斯生态城: a number that begins a name, not an amount
    small = q.value is not None and abs(q.value) <= _SMALL and q.qualifier == "exact"
    if small and text[q.end : q.end + 1] == "大":
        return True
    if q.kind in lexicon()["weak_kinds"] and not strong:
        return True
    # 4元 is a price and 9个品种 a figure; 三元材料, 两个协议 are words, not amounts.
    written = any(c.isdigit() for c in q.text)
    # 每卖出3部手机就有1部: the terms of a ratio, not amounts.
    per = "每" in text[max(0, q.start - 4) : q.start] or "就有" in text[q.end : q.end + 15]
    priced = written and (q.kind == "money" or (q.kind == "count" and metric is not None))
    abstract = metric is not None and metric.startswith(_words("abstract_counted_nouns"))
    priced = priced and not per and not (q.kind == "count" and abstract)
    if q.kind != "percent" and not priced and small and not strong:
        return True
    if q.kind == "count" and not q.unit and metric is None:
        return True
    return False


def _after_group_noun(text: str, start: int) -> bool:
    """A visiting-group noun (代表团, 考察团 …) ends right before ``start``."""
    before = text[max(0, start - 8) : start]
    return any(before.endswith(g) for g in org_lexicon().groups)
