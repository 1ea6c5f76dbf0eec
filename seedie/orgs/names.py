"""Organization names by pattern: a name stem followed by an organization head word.

Pure Python (no spaCy import). The head words, government short forms and stem boundary
words live in ``seedie/data/org_heads.json``; place names come from :mod:`seedie.places`.

How a stem is found: from the head, walk left over name characters (CJK, ASCII letters and
digits) up to a maximum length, stopping at punctuation. Inside that window the *latest*
boundary word (a verb such as 走进/引入, a preposition such as 在/与, a pronoun such as 其)
cuts the stem. A known name inside the window (an NER or KB seed) anchors the start, and a
place name is a legitimate start when nothing else bounds a long window.

    >>> [(c.start, c.end, c.head) for c in find_org_names("引入其上游产业福泉鼎盛新材料公司")]
    [(7, 16, '公司')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..text.anchors import Anchor, anchored_matches, char_class
from ..text.spans import ClaimedChars
from .headless import (
    CLAUSE_RUN,
    list_names,
    project_owners,
)
from .lexicon import (
    ADMIN_START,
    LONG_STEM,
    MAX_SEED,
    MAX_STEM,
    NAME_CHAR,
    NUMERAL_CLASSIFIER,
    NUMERALS,
    Lexicon,
    head_of,
    is_description,
    is_protected,
    lexicon,
    may_end_place,
    name_ends_at,
    place_hits,
    run_start,
    stem_window_start,
)
from .seed_spans import extended_seeds


def _opens_stop(text: str, cut: int, hit: str, lex: Lexicon) -> bool:
    """True when text[cut:] is a stop a visit verb opens: 来到 / 考察了 + name, or a later item
    of the list that verb opens (考察了A、B和C). Such a name may be long without a known place
    at its start (a county the gazetteer lacks)."""
    if text[max(0, cut - 6) : cut].removesuffix("了").endswith(lex.stop_verbs):
        return True
    if hit != "、" and hit not in lex.list_conjunctions:
        return False
    lo = run_start(text, cut, CLAUSE_RUN)  # just after the last clause break before cut
    return any(v in text[lo:cut] for v in lex.stop_verbs)


def _place_start_over(text: str, pos: int, lex: Lexicon) -> int:
    """The start of a place name that the stem window cuts at ``pos`` (长阳土家族自治县 +
    某某有限公司 is longer than a window), else ``pos``."""
    places = place_hits(text)
    k = max(0, pos - 16)
    while k < pos:  # the first start from k on where a place starts, until one ends past pos
        hit = places.search(k)
        if hit is None or hit[0] >= pos:
            break
        if hit[1] > pos:
            return hit[0]
        k = hit[0] + 1
    return pos


def _stem_start(
    text: str, head_start: int, min_stem: int, seeds: list[tuple[int, int]], lex: Lexicon
) -> int | None:
    """Start of the name whose head begins at ``head_start``; None when unbounded."""
    i = stem_window_start(text, head_start)
    if i > 0 and head_start - i >= MAX_STEM and NAME_CHAR.match(text[i - 1]):
        i = _place_start_over(text, i, lex)
    window_start = i
    bounded = i == 0 or not NAME_CHAR.match(text[i - 1])
    start = window_start
    # Where a stop verb may open the name (_opens_stop), read only if a long stem asks.
    opener: tuple[int, str] | None = None
    lo = bisect_left(seeds, (window_start - MAX_SEED,))
    hi = bisect_left(seeds, (head_start,))
    near = [(s, e) for s, e in seeds[lo:hi] if e > window_start] if lo < hi else []
    # The latest boundary word cuts the stem; one too close to the head (贵州电科院有团队,
    # 设立销售中心) means the head is an ordinary noun, not a name.
    by_last = lex.boundaries_by_last
    for cut in range(head_start, window_start, -1):
        words = by_last.get(text[cut - 1])
        if words is None:
            continue  # no boundary word ends with this character
        for hit in words:  # longest first
            if cut - len(hit) >= window_start and text.startswith(hit, cut - len(hit)):
                break
        else:
            continue
        if len(hit) == 1 and is_protected(text, cut - 1, lex):
            continue
        if hit in lex.inner_words and name_ends_at(text, cut - len(hit), near, lex):
            continue  # 福州物联网 + 产业创新中心: 产业 continues the name
        if any(s < cut and e > cut - len(hit) for s, e in near):
            continue  # 为 inside 华为 is part of a known name
        if head_start - cut < min_stem:
            return None
        start, bounded, opener = cut, True, (cut, hit)
        break
    if start == window_start and bounded and start > 0 and text[start - 1] == "、":
        opener = (start, "、")
    for m in NUMERAL_CLASSIFIER.finditer(text, start, head_start):
        if head_start - m.end() < min_stem:
            return None  # 4家子公司: a count of organizations, not a name
        start, bounded = m.end(), True
    # A known name inside the stem marks where the organization's own name begins.
    anchors = [s for s, e in near if start <= s < head_start and e <= head_start + 8]
    if anchors:
        anchor = min(anchors)
        # 深圳 + 宏图集团: a place right before the known name belongs to this mention (looked
        # for only where one may end).
        if not may_end_place(text, anchor, lex):
            return anchor
        hits = place_hits(text).finditer(start, anchor)
        before = next((p for p in hits if p[1] == anchor), None)
        return before[0] if before is not None else anchor
    if not bounded or (
        head_start - start > LONG_STEM
        and not (opener is not None and _opens_stop(text, opener[0], opener[1], lex))
    ):
        admin = ADMIN_START.match(text, start, head_start)
        if (
            text.startswith(lex.name_starts, start)
            or place_hits(text).match(start)
            or (bounded and admin is not None)
        ):
            return start if head_start - start >= min_stem else None
        place = place_hits(text).search(start, head_start)
        if place is None or head_start - place[0] < min_stem:
            return None
        start = place[0]
    return start if head_start - start >= min_stem else None


@lru_cache(maxsize=1 << 12)  # a pure function of a head word of the fixed lexicon
def _head_rules(head: str) -> tuple[bool, bool, int]:
    """Whether ``head`` is weak, whether it is a zone, and the least stem length it takes."""
    lex = lexicon()
    weak = head in lex.weak
    # 保险公司, 影视公司: a two-character stem before a company head is usually a common
    # noun; real two-character brands (春兰公司) reach us as NER/KB seeds instead.
    short_ok = lex.head_kind[head] in ("government", "school", "research")
    zone = head in lex.zones
    # 沪滇产业园, 启明学校: parks and schools carry two-character names; a two-character
    # stem before 中心 or 基地 is usually a common noun (几何中心, 总部基地).
    two_ok = zone or head.endswith(lex.two_char_stem_heads)
    return weak, zone, 2 if two_ok else 3 if weak or not short_ok else 2


def _pattern_spans(
    text: str, seeds: list[tuple[int, int]], heads: list[re.Match[str]]
) -> list[tuple[int, int, str]]:
    """Stem + head names, for the head words ``heads`` (``lex.head_re.finditer(text)``)."""
    lex = lexicon()
    spans: list[tuple[int, int, str]] = []
    for m in heads:
        hs, he, head = m.start(), m.end(), m.group()
        # (A head's blockers: characters that, right after it, make it no head.)
        if head in lex.blockers and he < len(text) and text[he] in lex.blockers[head]:
            continue
        # A head right after a name continues it (比亚迪集团 + 股份有限公司), except for
        # sub-bodies: in 比亚迪集团党委 the organization is 比亚迪集团.
        if spans and spans[-1][1] == hs:
            if he - spans[-1][0] > MAX_SEED:
                continue  # 公司公司…: a run of heads is no name; keep every span bounded
            # 襄樊市委 + 市政府 are two bodies; 党委 of 比亚迪集团 is a sub-body.
            if head in lex.sub_heads or (
                lex.head_kind[head] == "government"
                and lex.head_kind.get(spans[-1][2]) == "government"
            ):
                continue
            spans[-1] = (spans[-1][0], he, head)
            continue
        if len(head) == 1 and hs > 0 and text[hs - 1] in NUMERALS:
            continue  # 3部手机: a classifier, not 部 the ministry
        # Two tests that do not depend on where the stem starts, asked before looking for it:
        # its last character is text[hs - 1] (a found stem is never empty).
        if text[he - 2 : he] in lex.not_names:
            continue
        # 中国政府, 上级党委: MSRA and common usage treat these as a place plus a common noun;
        # a government body name carries its administrative level (贵阳市政府, 某县党委).
        if head in lex.level_heads and text[hs - 1 : hs] not in lex.level_stem_ends:
            continue
        weak, zone, min_stem = _head_rules(head)
        start = _stem_start(text, hs, min_stem, seeds, lex)
        if start is None:
            continue
        stem, name = text[start:hs], text[start:he]
        if name in lex.not_names or name in lex.generic:
            continue
        if (weak and stem in lex.places and not zone) or stem in lex.generic_stems:
            continue
        if lex.head_kind[head] != "government" and is_description(
            text, start, stem, lex, weak=weak
        ):
            continue
        spans.append((start, he, head))
    return spans


def _gov_spans(text: str) -> list[tuple[int, int, str]]:
    """省委, 省商务厅, 市政府 ...: short government names, with a place directly before."""
    lex = lexicon()
    out = []
    for m in lex.gov_re.finditer(text):
        start = m.start()
        place = next(
            (
                text[start - n : start]
                for n in (4, 3, 2)
                if start >= n and text[start - n : start] in lex.places
            ),
            None,
        )
        if place is not None:
            start -= len(place)
        # 省委书记 is a title but 省委 is still the body mentioned.
        out.append((start, m.end(), "gov"))
    return out


# 中国致公党第十一次全国代表大会 (``lexicon().congress_re``), 十五大: a party's or assembly's
# congress is an organization (the convention of Chinese news NER, e.g. the MSRA corpus).
_CONGRESS_SHORT = re.compile(
    r"(?<![一二三四五六七八九十\d第])(?:十[一二三四五六七八九]|二十)大(?![学师类户型批项会])"
)
# Its matches start at 十 or 二: only those characters are tried (anchored_matches).
_CONGRESS_SHORT_ANCHOR = Anchor(char_class("十二"), 0)


def _bracketed_spans(text: str, seeds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """远帆生物制药（苏州）有限公司, 华润（集团）有限公司: a bracketed place or 集团 inside a legal
    name; 某省（某市）智能装备产业园: a bracketed city inside a park's name."""
    lex = lexicon()
    out = []
    for m in anchored_matches(lex.bracketed_re, lex.bracketed_anchor, text):
        inner = m.group("inner")
        # 某某材料（东海）有限公司: a place the gazetteer may not list, right before the legal
        # form, is the location of the legal entity as well.
        at_legal_form = m.group("tail") in lex.legal_forms
        if m.group("tail").endswith(lex.park_tails) and inner not in lex.places:
            continue  # a park takes only a known place in brackets
        if (
            inner not in lex.places
            and inner not in lex.bracket_inner_words
            and not (at_legal_form and len(inner) <= 4)
        ):
            continue
        # The stem is cut like any name stem: 在园区内的远帆生物制药 -> 远帆生物制药.
        start = _stem_start(text, m.start("inner") - 1, 2, seeds, lex)
        if start is not None:
            out.append((start, m.end(), "bracketed"))
    return out


def is_congress(surface: str) -> bool:
    """党的二十大, 第十一次全国代表大会: a congress, an event rather than a body of the story."""
    congress = lexicon().congress_re
    return congress.search(surface) is not None or _CONGRESS_SHORT.search(surface) is not None


def _congress_spans(text: str, seeds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    ends = {e: s for s, e in seeds}
    congress = lexicon().congress_re
    out = [(ends.get(m.start(), m.start()), m.end(), "congress") for m in congress.finditer(text)]
    out += [
        (ends.get(m.start(), m.start()), m.end(), "congress")  # 中共 + 十五大
        for m in anchored_matches(_CONGRESS_SHORT, _CONGRESS_SHORT_ANCHOR, text)
    ]
    return out


@dataclass(frozen=True, slots=True)
class OrgCandidate:
    """One organization mention candidate before linking.

    ``source`` says who proposed it: "ner" (the base pipeline), "kb" (a KB alias), "pattern"
    (stem + head), "seed" (an NER/KB span extended to a head or facility word), "gov" (a
    government short form such as 省商务厅), "congress" (十五大), "bracketed" (某某（苏州）有限
    公司), "project" (the owner named in a project's name), "listed" (某某食品 in a list of
    companies), "abbr" (a defined short form) or "alias" (a shorter form of a name used earlier).
    ``head`` is the organization head word that ends it (公司, 中心 …), "" when none.
    """

    start: int
    end: int
    source: str
    head: str = ""


# The labels of org_name_spans' spans that are seeds, extended or not (source "seed").
SEED_LABELS = frozenset(("seed", "place+seed", "seed+facility", "seed+head"))


def to_candidate(text: str, start: int, end: int, label: str) -> OrgCandidate:
    """The :class:`OrgCandidate` of one span of :func:`org_name_spans`."""
    if label in ("gov", "congress", "bracketed", "project", "listed"):
        source = label
    elif label in SEED_LABELS:
        source = "seed"
    else:
        source = "pattern"
    head = label if source == "pattern" else (head_of(text[start:end]) or ("", ""))[0]
    return OrgCandidate(start, end, source, head)


def find_org_names(text: str, seeds: list[tuple[int, int]] | None = None) -> list[OrgCandidate]:
    """Organization names: stem + head, NER seeds extended to their head, gov short forms.

    Args:
        text: the document text.
        seeds: (start, end) spans already known to be names (NER, KB); they anchor stems
            and are extended when a head follows within four characters.

    Returns:
        Non-overlapping :class:`OrgCandidate` records sorted by start.

    >>> found = find_org_names("走进国家新型储能创新中心，贵州电科院有团队")
    >>> [(c.start, c.end, c.head) for c in found]
    [(2, 12, '创新中心'), (13, 18, '电科院')]
    """
    return [to_candidate(text, s, e, label) for s, e, label in org_name_spans(text, seeds)]


def _longest_first(span: tuple[int, int, str]) -> tuple[int, int]:
    return span[0] - span[1], span[0]


def org_name_spans(
    text: str, seeds: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str]]:
    """The spans of :func:`find_org_names` as (start, end, label), before each becomes a
    candidate (:func:`to_candidate`; ``label`` is a head word, or a kind such as "gov")."""
    if not text:
        return []
    seeds = sorted(seeds or [])
    lex = lexicon()
    heads = list(lex.head_re.finditer(text))
    pattern = _pattern_spans(text, seeds, heads)
    extended = extended_seeds(text, seeds, pattern, heads, lex)
    congress = _congress_spans(text, seeds) + _bracketed_spans(text, seeds)
    pattern += project_owners(text, lex) + list_names(text, lex)
    gov = _gov_spans(text)
    # Seeds, congresses and the exact government short forms first (特区政府 over NER's 区政府):
    # seeds (and congresses built on them) are the most reliable; then longer spans first.
    candidates = sorted(extended + congress + gov, key=_longest_first)
    candidates += sorted(pattern, key=_longest_first)
    # No span here is empty (every pattern, seed and head word has a character), so a span
    # is kept when none of its characters is claimed yet.
    claimed = ClaimedChars(len(text))
    taken = []
    for cand in candidates:
        if cand[1] - cand[0] < 2 or text[cand[0] : cand[1]] in lex.generic:
            if cand[2] != "gov":
                continue
        if claimed.free(cand[0], cand[1]):
            claimed.claim(cand[0], cand[1])
            taken.append(cand)
    taken.sort()  # no two kept spans start at the same character
    return taken
