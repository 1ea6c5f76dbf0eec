"""Organization names by pattern: a name stem followed by an organization head word.

Pure Python (no spaCy import). The head words, government short forms and stem boundary
words live in ``seedie/data/org_heads.json``; place names in ``seedie/data/places.json``.

How a stem is found: from the head, walk left over name characters (CJK, ASCII letters and
digits) up to a maximum length, stopping at punctuation. Inside that window the *latest*
boundary word (a verb such as 走进/引入, a preposition such as 在/与, a pronoun such as 其)
cuts the stem. A known name inside the window (an NER or KB seed) anchors the start, and a
place name is a legitimate start when nothing else bounds a long window.

    >>> find_org_names("引入其上游产业福泉鼎盛新材料公司")
    [(7, 16, '公司')]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..text.spans import SpanIndex

MAX_STEM = 14
# Longest seed and pattern span considered when looking for neighbours (in characters).
MAX_SEED = 64
_REACH = 48
# Longer stems need a recognisable start (place, 国家/中国..., or a known name).
LONG_STEM = 6
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
# "13家公司", "两所大学": a numeral plus classifier is a quantity, never part of a name.
_LEVEL_HEADS = frozenset(("政府", "人民政府", "党委"))
_NUMERALS = "0123456789０１２３４５６７８９一二两三四五六七八九十百千万几多余数"
_NUMERAL_CLASSIFIER = re.compile(f"[{_NUMERALS}]+[家个所座批位名间条]")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    head_re: re.Pattern[str]
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
    exceptions: tuple[str, ...]
    gov_re: re.Pattern[str]
    places: frozenset[str]
    name_starts: tuple[str, ...]
    place_re: re.Pattern[str]


def _by_last_char(words: list[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        table.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The head/boundary/place tables, loaded once from package data."""
    data = json.loads(files("seedie.data").joinpath("org_heads.json").read_text(encoding="utf-8"))
    places_data = json.loads(
        files("seedie.data").joinpath("places.json").read_text(encoding="utf-8")
    )
    head_kind: dict[str, str] = {}
    for kind, heads in data["heads"].items():
        for head in heads:
            head_kind.setdefault(head, kind)
    for head in data["weak_heads"]:
        head_kind.setdefault(head, "other")
    places = {p["name"] for p in places_data["places"]} | {
        p["short"] for p in places_data["places"]
    }
    places = {p for p in places if len(p) >= 2}
    blockers = {k: v for k, v in data["single_char_blockers"].items() if not k.startswith("_")}

    def alternation(words: object) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))  # type: ignore[arg-type]

    return _Lexicon(
        head_re=alternation(head_kind),
        head_kind=head_kind,
        weak=frozenset(data["weak_heads"]),
        zones=frozenset(data.get("zone_heads", ())),
        generic_stems=frozenset(data.get("generic_stems", ())),
        groups=tuple(data["visiting_groups"]),
        group_re=re.compile("(?:党政)?(?:" + alternation(data["visiting_groups"]).pattern + ")"),
        sub_heads=frozenset(data["sub_heads"]),
        blockers=blockers,
        not_names=frozenset(data["not_names"]),
        generic=frozenset(data["generic"]),
        boundaries=tuple(sorted(data["boundaries"], key=len, reverse=True)),
        boundaries_by_last=_by_last_char(data["boundaries"]),
        exceptions=tuple(data["boundary_exceptions"]),
        gov_re=alternation(data["gov_short"]),
        places=frozenset(places),
        name_starts=tuple(data["name_starts"]),
        place_re=alternation(places),
    )


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


def _is_protected(text: str, pos: int, lex: _Lexicon) -> bool:
    """True when text[pos] is inside a word like 共和国 whose 和 is not a conjunction."""
    # 都 in 成都, 安 in 西安: a place name is never cut.
    for m in lex.place_re.finditer(text, max(0, pos - 7), min(len(text), pos + 8)):
        if m.start() <= pos < m.end():
            return True
    for word in lex.exceptions:
        lo = max(0, pos - len(word) + 1)
        idx = text.find(word, lo, pos + len(word))
        if idx != -1 and idx <= pos < idx + len(word):
            return True
    return False


def _stem_start(
    text: str, head_start: int, min_stem: int, seeds: list[tuple[int, int]], lex: _Lexicon
) -> int | None:
    """Start of the name whose head begins at ``head_start``; None when unbounded."""
    i = head_start
    while i > 0 and head_start - i < MAX_STEM and _NAME_CHAR.match(text[i - 1]):
        i -= 1
    window_start = i
    bounded = i == 0 or not _NAME_CHAR.match(text[i - 1])
    start = window_start
    lo = bisect_left(seeds, (window_start - MAX_SEED,))
    hi = bisect_left(seeds, (head_start,))
    near = [(s, e) for s, e in seeds[lo:hi] if e > window_start]
    # The latest boundary word cuts the stem; one too close to the head (贵州电科院有团队,
    # 设立销售中心) means the head is an ordinary noun, not a name.
    for cut in range(head_start, window_start, -1):
        hit = next(
            (
                b
                for b in lex.boundaries_by_last.get(text[cut - 1], ())
                if cut - len(b) >= window_start and text.startswith(b, cut - len(b))
            ),
            None,
        )
        if hit is None or (len(hit) == 1 and _is_protected(text, cut - 1, lex)):
            continue
        if any(s < cut and e > cut - len(hit) for s, e in near):
            continue  # 为 inside 华为 is part of a known name
        if head_start - cut < min_stem:
            return None
        start, bounded = cut, True
        break
    for m in _NUMERAL_CLASSIFIER.finditer(text, start, head_start):
        if head_start - m.end() < min_stem:
            return None  # 4家子公司: a count of organizations, not a name
        start, bounded = m.end(), True
    # A known name inside the stem marks where the organization's own name begins.
    anchors = [s for s, e in near if start <= s < head_start and e <= head_start + 8]
    if anchors:
        anchor = min(anchors)
        # 深圳 + 宏图集团: a place right before the known name belongs to this mention.
        m = next((m for m in lex.place_re.finditer(text, start, anchor) if m.end() == anchor), None)
        return m.start() if m is not None else anchor
    if not bounded or head_start - start > LONG_STEM:
        if text.startswith(lex.name_starts, start) or lex.place_re.match(text, start):
            return start if head_start - start >= min_stem else None
        m = lex.place_re.search(text, start, head_start)
        if m is None or head_start - m.start() < min_stem:
            return None
        start = m.start()
    return start if head_start - start >= min_stem else None


def _pattern_spans(text: str, seeds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    lex = lexicon()
    spans: list[tuple[int, int, str]] = []
    for m in lex.head_re.finditer(text):
        hs, he, head = m.start(), m.end(), m.group()
        if len(head) == 1 and he < len(text) and text[he] in lex.blockers.get(head, ""):
            continue
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
        if len(head) == 1 and hs > 0 and text[hs - 1] in _NUMERALS:
            continue  # 3部手机: a classifier, not 部 the ministry
        weak = head in lex.weak
        # 保险公司, 影视公司: a two-character stem before a company head is usually a common
        # noun; real two-character brands (春兰公司) reach us as NER/KB seeds instead.
        short_ok = lex.head_kind[head] in ("government", "school", "research")
        zone = head in lex.zones
        min_stem = 2 if zone else 3 if weak or not short_ok else 2
        start = _stem_start(text, hs, min_stem, seeds, lex)
        if start is None:
            continue
        stem, name = text[start:hs], text[start:he]
        if name in lex.not_names or name in lex.generic or text[he - 2 : he] in lex.not_names:
            continue
        if (weak and stem in lex.places and not zone) or stem in lex.generic_stems:
            continue
        # 中国政府, 上级党委: MSRA and common usage treat these as a place plus a common noun;
        # a government body name carries its administrative level (贵阳市政府, 某县党委).
        if head in _LEVEL_HEADS and stem[-1] not in "省市县区州镇乡村":
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


# 中国致公党第十一次全国代表大会, 十五大: a party's or assembly's congress is an organization
# (the convention of Chinese news NER, e.g. the MSRA corpus).
_CONGRESS = re.compile(
    r"第[一二三四五六七八九十]{1,3}(?:次|届)(?:全国|全省|全市)?(?:党员)?代表大会"
)
_CONGRESS_SHORT = re.compile(
    r"(?<![一二三四五六七八九十\d第])(?:十[一二三四五六七八九]|二十)大(?![学师类户型批项会])"
)


# 信达生物制药（苏州）有限公司, 华润（集团）有限公司: a bracketed place or 集团 inside a legal name.
_BRACKETED = re.compile(
    r"(?P<stem>[\u4e00-\u9fffA-Za-z]{2,14})[（(](?P<inner>[\u4e00-\u9fff]{2,6})[）)]"
    r"(?P<tail>(?:[\u4e00-\u9fff]{0,6}?)(?:股份有限公司|有限责任公司|有限公司|集团|公司))"
)


def _bracketed_spans(text: str, seeds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    lex = lexicon()
    out = []
    for m in _BRACKETED.finditer(text):
        inner = m.group("inner")
        if inner not in lex.places and inner not in ("集团", "控股", "中国"):
            continue
        # The stem is cut like any name stem: 在园区内的信达生物制药 -> 信达生物制药.
        start = _stem_start(text, m.start("inner") - 1, 2, seeds, lex)
        if start is not None:
            out.append((start, m.end(), "bracketed"))
    return out


def _congress_spans(text: str, seeds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    ends = {e: s for s, e in seeds}
    out = [(ends.get(m.start(), m.start()), m.end(), "congress") for m in _CONGRESS.finditer(text)]
    out += [
        (ends.get(m.start(), m.start()), m.end(), "congress")  # 中共 + 十五大
        for m in _CONGRESS_SHORT.finditer(text)
    ]
    return out


# A facility of an organization (比亚迪全球总部, 华为云总部): the linker folds X+FACILITY into X.
FACILITY = r"(?:全球|中国|国内|海外|全国|区域|华南|西南)?(?:总部|生产基地|基地|工厂|产业园|园区)"
_FACILITY_TAIL = re.compile(FACILITY)


def _extend_seed(text: str, start: int, end: int, lex: _Lexicon) -> tuple[int, int, str]:
    """贵阳 + 比亚迪, 比亚迪 + 全球总部: a place right before a name, or a facility word right
    after it, belongs to the mention (the linker folds such forms into the organization)."""
    label = "seed"
    for size in (4, 3, 2):
        if start - size >= 0 and text[start - size : start] in lex.places:
            start -= size
            label = "place+seed"
            break
    m = _FACILITY_TAIL.match(text, end)
    if m:
        end = m.end()
        label = "seed+facility"
    return start, end, label


def find_org_names(
    text: str, seeds: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str]]:
    """Organization names: stem + head, NER seeds extended to their head, gov short forms.

    Args:
        text: the document text.
        seeds: (start, end) spans already known to be names (NER, KB); they anchor stems
            and are extended when a head follows within four characters.

    Returns:
        Non-overlapping (start, end, label) sorted by start; label is the head word
        (公司, 集团 ...), "gov" for a government short form, or "seed" for an unextended seed.

    >>> find_org_names("走进国家新型储能创新中心，贵州电科院有团队")
    [(2, 12, '创新中心'), (13, 18, '电科院')]
    """
    if not text:
        return []
    seeds = sorted(seeds or [])
    lex = lexicon()
    pattern = _pattern_spans(text, seeds)
    extended: list[tuple[int, int, str]] = []
    pattern_index = SpanIndex((ps, pe, head) for ps, pe, head in pattern)
    for s, e in seeds:
        best = (s, e, "seed")
        # Only patterns that contain the seed's first character can extend it.
        for ps, pe, head in pattern_index.inside(s - _REACH, e + _REACH):
            # 比亚迪 + 集团, 盛屯 + 矿业集团: the head starts within four name characters.
            head_start = pe - len(head)
            gap = text[e:head_start]
            if (
                ps <= s < pe
                and e <= head_start <= e + 4
                and pe > e
                and head not in lex.sub_heads
                and all(_NAME_CHAR.match(c) for c in gap)
                and not any(b in gap for b in lex.boundaries if len(b) > 1)
            ):
                best = (ps if text[ps:s] in lex.places else s, pe, head)
                break
        if best[2] == "seed":
            best = _extend_seed(text, s, e, lex)
        extended.append(best)
    congress = _congress_spans(text, seeds) + _bracketed_spans(text, seeds)
    candidates = extended + congress + pattern + _gov_spans(text)
    # Seeds (and congresses built on them) first: they are the most reliable; then longer.
    priority = {id(c): 0 for c in extended + congress}
    candidates.sort(key=lambda c: (priority.get(id(c), 1), -(c[1] - c[0]), c[0]))
    taken: SpanIndex[str] = SpanIndex()
    for cand in candidates:
        if cand[1] - cand[0] < 2 or text[cand[0] : cand[1]] in lex.generic:
            if cand[2] != "gov":
                continue
        if not taken.overlaps(cand[0], cand[1]):
            taken.add(*cand)
    return taken.inside(0, len(text) + 1)
