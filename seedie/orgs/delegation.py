"""The visiting group of an article (贵州省党政代表团), found once, before linking (no spaCy).

A group is a group noun (代表团, 考察团, 检查组 … from ``org_heads.json`` ``visiting_groups``),
optionally preceded by qualifiers (党政, 师生 …: ``visiting_group_prefixes``) and by its home
place (贵州省, 兰考县, a base-NER place). Without a place prefix, the leader's title names the
home: 江西省九江市委副书记、市长某某率党政代表团 -> 九江市党政代表团 (``leader_verbs``). Bare
references (代表团成员, 访问团, X一行: ``visiting_group_refs``) are mentions of the same group.

The chosen delegation is the first 党政 group with a home, else the first group with a home,
else the first bare group, else (only 一行 references) the leader phrase before 一行.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import alternation, data_table, first_chars
from ..text.chars import HAN
from ..text.sentences import CLAUSE_MARKS, CLAUSE_PAUSES, SENTENCE_BREAKS
from ..types import Delegation, Mention
from .lexicon import lexicon as org_lexicon
from .lexicon import may_end_place, run_start

__all__ = ["DelegationInfo", "find_delegation", "leads_group", "short_place"]

_LEADER_REACH = 16  # characters allowed between a leader verb and the group noun
_MAX_REF_NAME = 10


@dataclass(frozen=True, slots=True)
class DelegationInfo:
    """The delegation (or None) and every span that refers to it, sorted."""

    delegation: Delegation | None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    group_re: re.Pattern[str]
    ref_re: re.Pattern[str] | None
    leader_re: re.Pattern[str]
    titles: tuple[str, ...]
    places: frozenset[str]
    levels: tuple[str, ...]  # 特别行政区 … 旗: what short_place strips, longest first
    admin_re: re.Pattern[str]  # 兰考县: a home the gazetteer may lack
    title_place_re: re.Pattern[str]  # 九江市 in 九江市委副书记
    own_home: frozenset[str]  # 我, 该, 本 …: 我市党政代表团 is the home the paper writes from
    deictic: frozenset[str]  # those and 全, 各, 赴 …: never the start of a home's name
    own_home_levels: frozenset[str]  # 市, 县 … after an own-home word
    party: tuple[str, ...]  # 党政: the group preferred as the delegation
    not_title_re: re.Pattern[str]  # a date, 由…, 本报讯: a segment holding no leader's title


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The group nouns, qualifiers, references, leader verbs and home words
    (``org_heads.json``)."""
    data = data_table("org_heads.json")
    groups = alternation(data["visiting_groups"])
    prefixes = alternation(data.get("visiting_group_prefixes", []))
    head = f"(?P<pre>(?:{prefixes})*)" if prefixes else "(?P<pre>)"
    refs = data.get("visiting_group_refs", [])
    level_chars = "".join(w for w in data["admin_levels"] if len(w) == 1)  # 省市县縣区區旗
    guards = data.get("visiting_group_ref_guards", {})
    before = f"(?<![{re.escape(guards['before'])}])" if guards.get("before") else ""
    after = f"(?![{re.escape(guards['after'])}])" if guards.get("after") else ""
    return _Lexicon(
        # Every match starts with a prefix's or a group noun's first character.
        group_re=re.compile(
            first_chars(data.get("visiting_group_prefixes", []) + data["visiting_groups"])
            + f"{head}(?P<noun>{groups})"
        ),
        ref_re=re.compile(f"{first_chars(refs)}{before}(?:{alternation(refs)}){after}")
        if refs
        else None,
        leader_re=re.compile(alternation(data.get("leader_verbs", []))),
        titles=tuple(data.get("leader_titles", [])),
        places=org_lexicon().places,
        levels=tuple(data["admin_levels"]),
        # A two-character stem and its level (most county names); the stem holds no level.
        admin_re=re.compile(
            rf"(?:(?![{level_chars}])[{HAN}]){{2}}"
            f"(?:{alternation(data['unlisted_home_levels'])})"
        ),
        # The place in a leader's title (江西省九江市委副书记 -> 九江市).
        title_place_re=re.compile(
            rf"(?:(?![{level_chars}])[{HAN}]){{2,4}}(?:{alternation(level_chars)})"
            f"(?={alternation(data['leader_title_bodies'])})"
        ),
        own_home=frozenset(data["home_deictics"]),
        deictic=frozenset(data["home_deictics"] + data["place_deictics"]),
        own_home_levels=frozenset(data["home_deictic_levels"]),
        party=tuple(data["party_qualifiers"]),
        not_title_re=re.compile(
            rf"\d+[月日]|[月日]\d|^\s*(?:{alternation(data['not_title_openers'])})"
        ),
    )


def leads_group(text: str, start: int, end: int, group_spans: list[tuple[int, int]]) -> bool:
    """True when text[start:end] holds a leader verb followed by a mention of the group:
    the body named just before ``start`` sends the group (某某商会会长某某率考察团…).

    >>> leads_group("某商会会长王某率考察团来访", 3, 12, [(8, 11)])
    True
    """
    m = lexicon().leader_re.search(text, start, end)
    return m is not None and any(m.end() <= s < end for s, _ in group_spans)


def short_place(surface: str) -> str:
    """贵州省 -> 贵州, 九江市 -> 九江, 兰考县 -> 兰考; a name without a level suffix unchanged."""
    for suffix in lexicon().levels:
        if surface.endswith(suffix) and len(surface) > len(suffix) + 1:
            return surface[: -len(suffix)]
    return surface


def _place_ending_at(text: str, pos: int, place_starts: dict[int, int]) -> int | None:
    """Start of the longest place name that ends exactly at ``pos`` (NER, gazetteer, 某某县);
    ``place_starts``: the NER places' end -> the earliest start of one ending there."""
    best = place_starts.get(pos)
    lex = lexicon()
    known = lex.places
    sizes = range(min(8, pos), 1, -1) if may_end_place(text, pos, org_lexicon()) else ()
    for size in sizes:
        if text[pos - size : pos] in known:
            if best is None or pos - size < best:
                best = pos - size
            break
    if best is None:
        for size in (3, 4, 5):
            surface = text[max(0, pos - size) : pos]
            if lex.admin_re.fullmatch(surface) and not lex.deictic.intersection(surface[:2]):
                best = pos - size
                break
    if best is not None and text[best] in lex.deictic:
        return None
    return best


def _last_place_in(text: str, start: int, end: int, places: list[tuple[int, int]]) -> str | None:
    """The last place named in ``text[start:end]`` (a leader's title: 九江市委书记 -> 九江市)."""
    found: list[tuple[int, str]] = [
        (s, text[s:e]) for s, e in places if start <= s and e <= end and e - s >= 2
    ]
    lex = lexicon()
    known = lex.places
    for m in lex.title_place_re.finditer(text, start, end):
        if not lex.deictic.intersection(m.group()[:-1]):
            found.append((m.start(), m.group()))
    for i in range(start, end):
        for size in range(6, 1, -1):
            surface = text[i : i + size]
            if i + size <= end and surface in known:
                found.append((i, surface))
                break
    if not found:
        return None
    # The last one, and of two places at one spot (江西省九江市) the longer.
    found.sort(key=lambda f: (f[0] + len(f[1]), len(f[1])))
    return found[-1][1]


def _sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence break before ``pos`` (0 when none)."""
    return run_start(text, pos, _NOT_SENTENCE_BREAKS)


_NOT_SENTENCE_BREAKS = re.compile(f"[^{re.escape(SENTENCE_BREAKS)}]*")


def _leader_home(text: str, start: int, places: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(verb end, place) when a leader verb closely precedes the group: 市长某某率党政代表团."""
    s_start = _sentence_start(text, start)
    window = text[max(s_start, start - _LEADER_REACH) : start]
    best: re.Match[str] | None = None
    for m in lexicon().leader_re.finditer(window):
        best = m
    if best is None:
        return None
    verb_start = max(s_start, start - _LEADER_REACH) + best.start()
    between = text[verb_start + len(best.group()) : start]
    if any(c in between for c in CLAUSE_PAUSES):  # the sentence's own breaks are before it
        return None
    lead = _head_leader(text, s_start, verb_start)
    place = _last_place_in(text, lead[0], lead[1], places) if lead else None
    return (verb_start + len(best.group()), place) if place else None


def _head_leader(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first leader's title in ``text[start:end]`` (省委书记甲，福州市委书记乙带领 -> the
    first one: the group's head, whose title has no place here); a segment without a title
    (a date, 在福州、龙岩两地) is skipped."""
    pos = start
    for segment in re.split(r"([，,])", text[start:end]):
        if segment in "，,":
            pos += len(segment)
            continue
        lex = lexicon()
        if any(t in segment for t in lex.titles) and not lex.not_title_re.search(segment):
            return pos, pos + len(segment)
        pos += len(segment)
    return None


def find_delegation(text: str, places: list[tuple[int, int]] | None = None) -> DelegationInfo:
    """Find the delegation and all its mentions in ``text``.

    Args:
        text: the article.
        places: (start, end) of place names from a base NER (GPE/LOC), if any.

    Returns:
        DelegationInfo; ``delegation`` None when no group is named.

    Example:
        >>> find_delegation("贵州省党政代表团赴广东省学习考察").delegation.name
        '贵州省党政代表团'
    """
    if not isinstance(text, str) or not text:
        return DelegationInfo(None, [])
    places, place_starts = _checked_places(places or [], len(text))
    lex = lexicon()
    spans: list[tuple[int, int]] = []
    full: list[tuple[bool, int, Delegation]] = []  # (not 党政, position, delegation)
    bare: list[Delegation] = []
    for m in lex.group_re.finditer(text):
        start, end = m.start(), m.end()
        pre = m.group("pre")
        party = any(q in pre for q in lex.party)
        p_start = _place_ending_at(text, start, place_starts)
        if p_start is not None:
            surface = text[p_start:start]
            d = Delegation(
                name=text[p_start:end], home=short_place(surface), start=p_start, end=end
            )
            full.append((not party, p_start, d))
            spans.append((p_start, end))
            continue
        own = start >= 2 and text[start - 2] in lex.own_home
        if own and text[start - 1] in lex.own_home_levels:
            start -= 2  # 我市党政代表团: the group of the home the paper writes from
        spans.append((start, end))
        # Only the earliest group with a home is chosen, a 党政 one first: one found before
        # this (so earlier) wins unless only this one is 党政; its home is not needed then,
        # nor is this group as a bare one (bare groups count only when none has a home).
        if full and (not party or any(not f[0] for f in full)):
            continue
        led = _leader_home(text, m.start(), places)
        if led is not None:
            verb_end, place = led
            qualifiers = text[verb_end : m.start()].lstrip("的")
            if (
                len(qualifiers) >= 2
                and qualifiers[0] in lex.deictic
                and qualifiers[1] in lex.own_home_levels
            ):
                qualifiers = qualifiers[2:]
            name = qualifiers + m.group()
            if place not in qualifiers:
                name = place + name
            d = Delegation(name=name, home=short_place(place), start=m.start(), end=end)
            full.append((not party, m.start(), d))
            continue
        bare.append(Delegation(name=text[start:end], home=None, start=start, end=end))
    refs: list[tuple[int, int]] = []
    if lex.ref_re is not None:
        refs = [(r.start(), r.end()) for r in lex.ref_re.finditer(text)]
    spans = sorted(set(spans) | set(refs))
    if full:
        chosen = min(full, key=lambda f: (f[0], f[1]))[2]
    elif bare:
        chosen = bare[0]
    elif refs:
        chosen = _ref_delegation(text, refs[0])
    else:
        return DelegationInfo(None, [])
    mentions = [Mention(text=text[s:e], start=s, end=e) for s, e in spans]
    return DelegationInfo(_with_mentions(chosen, mentions), spans)


def _checked_places(
    places: list[tuple[int, int]], length: int
) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """The places inside the text, and their end -> the earliest start of one ending there."""
    kept: list[tuple[int, int]] = []
    place_starts: dict[int, int] = {}
    for s, e in places:
        if 0 <= s < e <= length:
            kept.append((s, e))
            if place_starts.get(e, e) > s:
                place_starts[e] = s
    return kept, place_starts


def _ref_delegation(text: str, ref: tuple[int, int]) -> Delegation:
    """率企业家代表一行 -> 企业家代表一行: the words after the leader verb, else 一行 alone."""
    start, end = ref
    s_start = _sentence_start(text, start)
    head = start
    for m in lexicon().leader_re.finditer(text, s_start, start):
        head = m.end()
    phrase = text[head:start] if head < start else ""
    if not phrase or len(phrase) > _MAX_REF_NAME or re.search(rf"[{CLAUSE_MARKS}\s]", phrase):
        phrase = ""
    return Delegation(name=phrase + text[start:end], home=None, start=start - len(phrase), end=end)


def _with_mentions(d: Delegation, mentions: list[Mention]) -> Delegation:
    return Delegation(name=d.name, home=d.home, start=d.start, end=d.end, mentions=mentions)
