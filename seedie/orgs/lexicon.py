"""The organization-name lexicon: head words, boundaries, places and the word lists of
``seedie/data/org_heads.json`` and ``seedie/data/places.json``, loaded once; and the small
tests on it that both the name finder and the head-less name rules use.

Pure Python (no spaCy import).

    >>> head_of("贵州省商务厅")
    ('厅', 'government')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import alternation, any_word_re, data_table, first_chars, trie_pattern
from ..places import name_prefix_forms, occurrences
from ..text.anchors import Anchor, char_class
from ..text.chars import HAN
from ..text.occurrences import Occurrences

MAX_STEM = 14
# Longest seed and pattern span considered when looking for neighbours (in characters).
MAX_SEED = 64
REACH = 48
# Longer stems need a recognisable start (place, 国家/中国..., or a known name).
LONG_STEM = 6
# A bracketed name: a stem of at most this many characters, then an opening bracket.
_BRACKET_STEM = 14
_OPEN = "（("
NAME_CHAR = re.compile(rf"[{HAN}A-Za-z0-9·]")
# "13家公司", "两所大学": a numeral plus classifier is a quantity, never part of a name.
NUMERALS = "0123456789０１２３４５６７８９一二两三四五六七八九十百千万几多余数"
NUMERAL_CLASSIFIER = re.compile(f"[{NUMERALS}]+[家个所座批位名间条]")


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: one per process
class Lexicon:
    head_re: re.Pattern[str]
    company_head_re: re.Pattern[str]  # the heads of kind "company" (集团, 有限公司 …) alone
    head_kind: dict[str, str]
    weak: frozenset[str]
    zones: frozenset[str]  # heads whose stem may be a bare place name (福州新区)
    generic_stems: frozenset[str]  # 全国开发区, 各类园区: a category, not a name
    groups: tuple[str, ...]  # visiting-group nouns: 代表团, 考察团, 调研组 …
    group_re: re.Pattern[str]  # (党政)?<group noun>
    sub_heads: frozenset[str]
    blockers: dict[str, str]
    not_names: frozenset[str]
    generic: frozenset[str]
    boundaries: tuple[str, ...]
    boundaries_by_last: dict[str, tuple[str, ...]]  # same words, keyed by their last character
    long_boundary_re: re.Pattern[str]  # any of the boundary words of two or more characters
    exceptions_by_char: dict[str, tuple[tuple[str, int], ...]]  # char -> (word, its offset)
    gov_re: re.Pattern[str]
    places: frozenset[str]
    place_tails: frozenset[str]  # the last two characters of every place (of 2+ characters)
    name_starts: tuple[str, ...]
    title_words: tuple[str, ...]  # 书记, 常委, 主席 …: a body name + one of these is a title
    leader_verbs: tuple[str, ...]  # 率, 带领 …: never the end of a name (某商会率考察团)
    leadership_heads: frozenset[str]  # 委, 政府, 人大, 政协: the bodies of leaders' titles
    inner_words: frozenset[str]  # 产业: a boundary, except right after a place or known name
    industry_words: tuple[str, ...]  # 科技, 新材料 …: the industry part of a legal name
    industry_word_set: frozenset[str]  # the same words, for membership tests
    generic_stem_words: frozenset[str]  # 教育, 实践 …: a stem made only of these is generic
    description_cues: tuple[str, ...]  # 唯一的, 首个 …: what follows is a description
    stop_verbs: tuple[str, ...]  # 来到, 查看 …: what follows is a visited stop
    not_in_names: tuple[str, ...]  # 两地, 双方: a phrase about several places is no name
    inside_words: tuple[str, ...]  # 区内, 园内: 某开发区内 + the name of a company in it
    level_heads: frozenset[str]  # 政府, 党委: a body name carrying an administrative level
    level_stem_ends: frozenset[str]  # 省, 市, 县 …: the level before such a head
    two_char_stem_heads: tuple[str, ...]  # 园, 学校: heads that take a two-character stem
    list_conjunctions: tuple[str, ...]  # 和, 及: what joins the names of a list
    list_split_re: re.Pattern[str]  # 、 or a list conjunction
    company_list_end_re: re.Pattern[str]  # 等…企业: a list of companies closes
    list_item_leads: tuple[str, ...]  # 项目, 企业: nouns before a list item's name
    determiners: frozenset[str]  # 其, 该, 本 …: 该公司 refers back
    group_after_re: re.Pattern[str]  # (工作)检查组 right after a body's name
    admin_unit_re: re.Pattern[str]  # 某某旗, 锡林郭勒盟: an administrative unit
    byline_re: re.Pattern[str]  # 记者…, 9月6日电, 讯: what follows an outlet's name
    department_heads: frozenset[str]  # 部, 处, 事业部: a department of the org before it
    congress_re: re.Pattern[str]  # 第十一次全国代表大会
    park_tails: tuple[str, ...]  # 产业园, 园区: a park's name may carry a bracketed place
    legal_forms: tuple[str, ...]  # 股份有限公司, 有限公司
    bracketed_re: re.Pattern[str]  # 远帆生物制药（苏州）有限公司
    bracketed_anchor: Anchor  # its opening bracket, at most a stem's length after its start
    bracket_inner_words: frozenset[str]  # 集团, 控股, 中国: inside such a bracket
    # A facility of an organization (比亚迪全球总部, 华为云总部): the linker folds X + facility
    # into X. Owned facilities (总部, 研发中心) stay mentions of their owner; a park (产业园,
    # 园区) hosts other companies and is an organization of its own whose parent is the owner
    # (某某产业园, 即某某国际食品产业园).
    facility_re: re.Pattern[str]  # (全球)总部, 产业园 at a position
    facility_firsts: frozenset[str]  # the characters its matches start with
    facility_end_re: re.Pattern[str]  # the same at the end of a name
    owned_facility_end_re: re.Pattern[str]  # (全球)总部, 研发中心 at the end of a name
    legal_suffixes: tuple[str, ...]  # 集团股份有限公司 … 股份, longest first
    abbreviation_re: re.Pattern[str]  # X（以下简称Y）, X（Y）, X，简称Y: Y after X
    abbreviation_marker_re: re.Pattern[str]  # 以下简称, 即 …: the definition is explicit
    generic_tails: tuple[str, ...]  # 中心, 交易所: a long name's generic tail
    branch_heads: tuple[str, ...]  # 分公司, 子公司


def _by_last_char(words: list[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        table.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in table.items()}


def _by_char(words: list[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each character of ``words`` -> the words holding it and its offset in each."""
    table: dict[str, list[tuple[str, int]]] = {}
    for w in words:
        for k, c in enumerate(w):
            table.setdefault(c, []).append((w, k))
    return {c: tuple(v) for c, v in table.items()}


def _head_kinds(data: dict[str, Any]) -> dict[str, str]:
    """Head word -> kind; a head listed under two kinds keeps the first, weak heads are other."""
    head_kind: dict[str, str] = {}
    for kind, heads in data["heads"].items():
        for head in heads:
            head_kind.setdefault(head, kind)
    for head in data["weak_heads"]:
        head_kind.setdefault(head, "other")
    return head_kind


def _bracketed_re(data: dict[str, Any]) -> re.Pattern[str]:
    """某某（苏州）有限公司: a stem, a bracketed place or word, then a legal form or tail."""
    tails = data["legal_forms"] + data["bracket_tail_heads"] + data["park_tails"]
    return re.compile(
        rf"(?P<stem>[{HAN}A-Za-z]{{2,{_BRACKET_STEM}}})[{_OPEN}]"
        rf"(?P<inner>[{HAN}]{{2,6}})[）)]"
        rf"(?P<tail>(?:[{HAN}]{{0,6}}?)(?:{alternation(tails)}))"
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The head/boundary/place tables, loaded once from package data."""
    data = data_table("org_heads.json")
    head_kind = _head_kinds(data)
    # The one gazetteer (seedie.places), forms of 2+ characters; not the short forms that are
    # common words (和平, 合作): those begin words, not names.
    places = set(name_prefix_forms())
    blockers = {k: v for k, v in data["single_char_blockers"].items() if not k.startswith("_")}
    party = "党政"
    group_re = f"(?:{party})?(?:" + alternation(data["visiting_groups"]) + ")"
    facility_scope, facility, facility_firsts = _facility_patterns(data)
    return Lexicon(
        # Prefix tries: the same matches as the alternations longest first, but the engine
        # follows one branch per character instead of trying every head at each offset.
        head_re=re.compile(trie_pattern(head_kind)),
        company_head_re=re.compile(trie_pattern(h for h, k in head_kind.items() if k == "company")),
        head_kind=head_kind,
        weak=frozenset(data["weak_heads"]),
        zones=frozenset(data.get("zone_heads", ())),
        generic_stems=frozenset(data.get("generic_stems", ())),
        groups=tuple(data["visiting_groups"]),
        group_re=re.compile(first_chars([party, *data["visiting_groups"]]) + group_re),
        sub_heads=frozenset(data["sub_heads"]),
        blockers=blockers,
        not_names=frozenset(data["not_names"]),
        generic=frozenset(data["generic"]),
        boundaries=tuple(sorted(data["boundaries"], key=len, reverse=True)),
        boundaries_by_last=_by_last_char(data["boundaries"]),
        long_boundary_re=any_word_re(b for b in data["boundaries"] if len(b) > 1),
        exceptions_by_char=_by_char(data["boundary_exceptions"]),
        gov_re=re.compile(trie_pattern(data["gov_short"])),
        places=frozenset(places),
        place_tails=frozenset(p[-2:] for p in places if len(p) >= 2),
        name_starts=tuple(data["name_starts"]),
        title_words=tuple(sorted(data["title_words"], key=len, reverse=True)),
        leader_verbs=tuple(sorted(data["leader_verbs"], key=len, reverse=True)),
        leadership_heads=frozenset(data["leadership_heads"]),
        inner_words=frozenset(data["inner_words"]),
        industry_words=tuple(sorted(data["industry_words"], key=len, reverse=True)),
        industry_word_set=frozenset(data["industry_words"]),
        generic_stem_words=frozenset(data["generic_stem_words"]),
        description_cues=tuple(data["description_cues"]),
        stop_verbs=tuple(sorted(data["stop_verbs"], key=len, reverse=True)),
        not_in_names=tuple(data["not_in_names"]),
        inside_words=tuple(data.get("inside_words", ())),
        level_heads=frozenset(data["level_heads"]),
        level_stem_ends=frozenset(data["level_stem_ends"]),
        two_char_stem_heads=tuple(data["two_char_stem_heads"]),
        list_conjunctions=tuple(data["list_conjunctions"]),
        list_split_re=re.compile("、|" + alternation(data["list_conjunctions"])),
        company_list_end_re=re.compile(
            rf"等[{HAN}]{{0,8}}?(?:{alternation(data['company_list_closers'])})"
        ),
        list_item_leads=tuple(data["list_item_leads"]),
        determiners=frozenset(data["determiners"]),
        group_after_re=re.compile(f"(?:{alternation(data['group_after_body_words'])})?{group_re}"),
        admin_unit_re=_admin_unit_re(data["admin_unit_ends"]),
        byline_re=_byline_re(data),
        department_heads=frozenset(data["department_heads"]),
        congress_re=re.compile(
            r"第[一二三四五六七八九十]{1,3}(?:次|届)"
            rf"(?:{alternation(data['congress_scopes'])})?(?:党员)?代表大会"
        ),
        park_tails=tuple(data["park_tails"]),
        legal_forms=tuple(data["legal_forms"]),
        bracketed_re=_bracketed_re(data),
        bracketed_anchor=Anchor(char_class(_OPEN), _BRACKET_STEM),
        bracket_inner_words=frozenset(data["bracket_inner_words"]),
        facility_re=re.compile(facility),
        facility_firsts=facility_firsts,
        facility_end_re=re.compile(facility + "$"),
        owned_facility_end_re=re.compile(
            f"{facility_scope}(?:{alternation(data['owned_facilities'])})$"
        ),
        legal_suffixes=tuple(sorted(data["legal_suffixes"], key=len, reverse=True)),
        abbreviation_re=_abbreviation_re(data),
        abbreviation_marker_re=re.compile(alternation(data["abbreviation_markers"])),
        generic_tails=tuple(data["generic_tails"]),
        branch_heads=tuple(data["branch_heads"]),
    )


def _facility_patterns(data: dict[str, Any]) -> tuple[str, str, frozenset[str]]:
    """The optional scope (全球) of a facility word, scope plus any facility word, and the
    characters such a match starts with."""
    scope = f"(?:{alternation(data['facility_scopes'])})?"
    facilities = data["owned_facilities"] + data["park_facilities"]
    firsts = frozenset(w[0] for w in data["facility_scopes"] + facilities if w)
    return scope, f"{scope}(?:{alternation(facilities)})", firsts


def _admin_unit_re(ends: dict[str, int]) -> re.Pattern[str]:
    """某某旗, 某某自治州, 锡林郭勒盟: an ending and the least length of the stem before it."""
    by_stem: dict[int, list[str]] = {}
    for end, least in ends.items():
        by_stem.setdefault(least, []).append(end)
    return re.compile(
        "|".join(
            rf"[{HAN}]{{{least},6}}(?:{alternation(words)})$"
            for least, words in sorted(by_stem.items())
        )
    )


def _abbreviation_re(data: dict[str, list[str]]) -> re.Pattern[str]:
    """A short form defined right after a name: X（以下简称“Y”）, X（Y）, X，简称Y."""
    markers = alternation(data["abbreviation_markers"])
    after_comma = alternation(data["abbreviation_markers_after_comma"])
    name = rf"\s*[“\"「]?([{HAN}A-Za-z0-9]{{2,12}})[”\"」]?"
    return re.compile(
        rf"\s*[（(]\s*(?:{markers})?{name}\s*[）)]|\s*[，,]\s*(?:{after_comma}){name}"
    )


def _byline_re(data: dict[str, list[str]]) -> re.Pattern[str]:
    """What follows an outlet's name in a byline or dateline (贵州日报天眼新闻记者 张三,
    新华社昆明9月6日电, 某某日报讯, 某某网（记者 …）)."""
    return re.compile(
        rf"[^\s，。、：:]{{0,6}}?(?:{alternation(data['byline_roles'])})"
        rf"|[{HAN}]{{0,4}}[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日"
        rf"(?:{alternation(data['dated_dateline_ends'])})"
        rf"|{alternation(data['dateline_ends'])}"
        rf"|\s*[（(]\s*(?:{alternation(data['byline_bracket_roles'])})"
    )


@lru_cache(maxsize=1 << 16)  # the same names are asked about many times per document
def head_of(name: str) -> tuple[str, str] | None:
    """The organization head word ending ``name`` and its kind, if any.

    >>> head_of("贵州省商务厅")
    ('厅', 'government')
    """
    lex = lexicon()
    for size in range(min(len(name), 8), 0, -1):
        tail = name[-size:]
        if tail in lex.head_kind:
            return tail, lex.head_kind[tail]
    return None


def is_place(surface: str) -> bool:
    """True for a bare place name such as 广东, 贵州省 or 深圳市."""
    return surface in lexicon().places


def may_end_place(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether a place of ``lex.places`` may end at ``pos``: each has two or more characters,
    so one ending there ends with the two characters before ``pos`` (False: none does).

    >>> may_end_place("走进深圳", 4, lexicon()), may_end_place("走进深圳", 3, lexicon())
    (True, False)
    """
    return text[max(0, pos - 2) : pos] in lex.place_tails


def place_hits(text: str) -> Occurrences:
    """Where the place forms that may start a name (:data:`Lexicon.places`) occur in text."""
    return occurrences(text, "name_prefix")


@lru_cache(maxsize=8)  # read backwards for every head word of a document
def _reversed(text: str) -> str:
    return text[::-1]


def run_start(text: str, pos: int, run: re.Pattern[str]) -> int:
    """Where the run of ``run``'s characters that ends at ``pos`` starts (``pos`` when there
    is none). ``run`` matches a run that may be empty (``[…]*``, ``[…]{0,n}``); it is matched
    leftwards, as a run starting at the mirror of ``pos`` in the reversed text (kept per
    text), so a long run costs one regex match, not a Python loop.

    >>> run_start("某某，贵州省", 6, re.compile("[^，]*"))
    3
    """
    at = len(text) - pos
    m = run.match(_reversed(text), at)
    return pos - (m.end() - at) if m is not None else pos


_STEM_WINDOW = re.compile(f"{NAME_CHAR.pattern}{{0,{MAX_STEM}}}")


def stem_window_start(text: str, head_start: int) -> int:
    """The start of the name characters right before a head word, at most MAX_STEM of them."""
    return run_start(text, head_start, _STEM_WINDOW)


def is_protected(text: str, pos: int, lex: Lexicon) -> bool:
    """True when text[pos] is inside a word like 共和国 whose 和 is not a conjunction."""
    # 都 in 成都, 安 in 西安: a place name is never cut. A place (two or more characters) that
    # holds text[pos] holds it with the character before or after it: without such two
    # characters among the places' (nearly always), no place is looked for.
    bigrams = _place_bigrams(lex)
    if text[max(0, pos - 1) : pos + 1] in bigrams or text[pos : pos + 2] in bigrams:
        hits = place_hits(text).finditer(pos - 7, pos + 8)
        if any(s <= pos < e for s, e in hits):
            return True
    return _in_exception(text, pos, lex)


@lru_cache(maxsize=1)  # one lexicon per process (compared by identity)
def _place_bigrams(lex: Lexicon) -> frozenset[str]:
    """Every two characters in a row of a place of ``lex``."""
    return frozenset(p[i : i + 2] for p in lex.places for i in range(len(p) - 1))


def _in_exception(text: str, pos: int, lex: Lexicon) -> bool:
    """True when text[pos] is inside an occurrence of a boundary exception (共和国)."""
    if not 0 <= pos < len(text):
        return False
    words = lex.exceptions_by_char.get(text[pos])
    if words is None:
        return False  # no exception holds this character (most characters)
    return any(k <= pos and text.startswith(word, pos - k) for word, k in words)


# 某某市, 某某县, 某某旗: a county-level place the gazetteer may not list.
_ADMIN_PLACE = re.compile(rf"[{HAN}]{{2,4}}[市县旗]$")
ADMIN_START = re.compile(rf"[{HAN}]{{2,3}}[市县旗]")


def name_ends_at(text: str, pos: int, seeds: list[tuple[int, int]], lex: Lexicon) -> bool:
    """True when a known name or a place name ends right at ``pos``."""
    if any(e == pos for _, e in seeds) or _ADMIN_PLACE.search(text, max(0, pos - 5), pos):
        return True
    return any(e == pos for _, e in place_hits(text).finditer(pos - 8, pos))


@lru_cache(maxsize=1 << 16)  # a pure function of a stem and a fixed word set
def segments_into(stem: str, words: frozenset[str]) -> bool:
    """True when ``stem`` is a concatenation of ``words`` (教育实践 = 教育 + 实践)."""
    ok = [True] + [False] * len(stem)
    for i in range(1, len(stem) + 1):
        ok[i] = any(ok[j] and stem[j:i] in words for j in range(max(0, i - 4), i - 1))
    return ok[-1]


_SUPERLATIVE = re.compile(rf"最[{HAN}]{{1,3}}的$")


def is_description(text: str, start: int, stem: str, lex: Lexicon, *, weak: bool = False) -> bool:
    """教育实践基地, 全国最大的某某基地, 唯一的国家某某中心: a description, not a name; before
    a weak head (园区, 基地) an industry alone is one too (化工园区)."""
    before = text[max(0, start - 6) : start]
    if before.endswith(lex.description_cues) or _SUPERLATIVE.search(before):
        return True
    words = _weak_generic_words() if weak else lex.generic_stem_words
    return len(stem) >= 2 and segments_into(stem, words)


@lru_cache(maxsize=1)
def _weak_generic_words() -> frozenset[str]:
    lex = lexicon()
    return lex.generic_stem_words | lex.industry_word_set
