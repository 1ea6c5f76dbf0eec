"""In-text organization linking: one :class:`~seedie.types.Company` per real-world organization.

Pure Python (no spaCy import). Input is a list of :class:`~seedie.orgs.names.OrgCandidate`
records from NER ("ner"), the KB ("kb") and the name finder ("pattern", "seed", "gov" …);
they may overlap. Decisions:

* Overlaps: the longest span wins; at equal length kb > ner > the name finder's sources.
* A title word stuck to a body (市委常委, 全国政协常委) is cut off; a body followed by a
  visiting-group noun (省委省政府工作检查组) is the visiting group.
* Canonical name: for an organization in the KB, the name the text itself uses most (its
  most frequent surface form that is not a facility or place-prefixed form, ties to the
  shorter: 比亚迪, not 比亚迪股份有限公司 — what a reader of the article would write); the
  stable cross-document identity is ``kb_id``. Otherwise the most complete surface form
  without a place prefix (深圳盛屯集团, 盛屯 -> 盛屯集团). Government short forms are completed
  with the home province (省商务厅 -> 贵州省商务厅, 省委 -> 贵州省委).
* Suffix variants (比亚迪 / 比亚迪集团 / 比亚迪股份有限公司) share a core key and merge.
  Place prefixes are stripped for companies only: 贵州大学 and 广东大学 stay apart.
* Facilities and branches: X总部, X全球总部, X基地, X工厂 and place+X (贵阳比亚迪) are
  mentions of X; a park (X产业园, X园区) hosts other companies and is its own organization
  with parent X. Real subsidiaries and brands (腾势汽车, 华为云, or a name that starts with a
  known organization such as 华为核心算力中心) are separate Companies whose ``parent`` /
  ``parent_id`` point to X.
* Abbreviations: X（以下简称Y）, X（下称“Y”）, X，简称Y, X（即Y）, and X（Y） when Y is a
  subsequence of X make every Y a mention of X, found even where NER missed it.
* Short forms: a legal name's forms without place, legal form or industry words (深圳盛屯集团
  -> 盛屯集团 -> 盛屯; 河南明泰科技有限公司 -> 明泰) are mentions wherever the text uses them,
  and a long name's generic tail (某某产品交易中心 -> 交易中心) after its first mention; a form
  two organizations share is ambiguous and left alone. This is the only place where mentions
  are added: the relation stage reads the linked mentions as they are.

    >>> kb = OrgKB.from_records([{"id": "acme", "name": "阿克米集团", "aliases": ["阿克米"]}])
    >>> spans = [OrgCandidate(0, 3, "ner"), OrgCandidate(4, 9, "kb")]
    >>> [c.name for c in link_organizations("阿克米与阿克米集团", spans, kb)]
    ['阿克米']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..places import lookup, strip_level
from ..types import Company, Mention
from .kb import OrgKB, OrgRecord, strip_place
from .lexicon import head_of, is_place, lexicon
from .mentions import (
    _drop_departments,
    _is_junk,
    _join_adjacent,
    is_byline,
    resolve_overlaps,
)
from .names import FACILITY, OWNED_FACILITY, OrgCandidate

_LEGAL_SUFFIXES = sorted(
    "集团股份有限公司 集团有限公司 股份有限公司 有限责任公司 有限公司 控股集团 集团公司 "
    "股份公司 集团 公司 控股 股份".split(),
    key=len,
    reverse=True,
)
_FACILITY = re.compile(FACILITY + "$")
_OWNED_FACILITY = re.compile(OWNED_FACILITY + "$")
_ABBR = re.compile(
    r"\s*[（(]\s*(?:以下简称|以下称|下称|简称|即)?\s*[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"」]?\s*[）)]"
    r"|\s*[，,]\s*(?:以下简称|下称|简称)\s*[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"」]?"
)
_EXPLICIT = re.compile(r"简称|下称|以下称|即")


def in_title(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of a person's title (市委书记, 省政协党组书记)."""
    after = text[end : end + 8]
    after = after.removeprefix("党组") if not after.startswith("党组书记") else after
    return after.startswith(lexicon().title_words)


def is_title_only(text: str, company: Company) -> bool:
    """A leadership body (市委, 政府, 人大, 政协) named only inside people's titles.

    >>> c = link_organizations("市委书记张三说", [OrgCandidate(0, 2, "gov")], OrgKB())[0]
    >>> is_title_only("市委书记张三说", c)
    True
    """
    lex = lexicon()
    for m in company.mentions:
        head = head_of(m.text)
        if head is None or head[0] not in lex.leadership_heads:
            return False
        if m.start is None or m.end is None or not in_title(text, m.start, m.end):
            return False
    return bool(company.mentions)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _abbreviations(text: str, spans: list[OrgCandidate]) -> dict[str, tuple[int, int]]:
    """Short form -> the defining span (X（以下简称Y）)."""
    out: dict[str, tuple[int, int]] = {}
    for c in spans:
        s, e = c.start, c.end
        m = _ABBR.match(text, e)
        if m is None:
            continue
        short = m.group(1) or m.group(2)
        explicit = m.group(2) is not None or _EXPLICIT.search(m.group(0)) is not None
        if explicit or _is_subsequence(short, text[s:e]) or short.isascii():
            if not _is_junk(short):
                out.setdefault(short, (s, e))
    return out


_BRACKET = re.compile(r"[（(][^）)]{1,8}[）)]")


def _strip_suffixes(name: str) -> str:
    # 信达生物制药（苏州）有限公司 -> 信达生物制药: the bracketed place or 集团 goes too.
    name = _BRACKET.sub("", name) or name
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name, changed = name[: -len(suffix)], True
                break
    return name


def _home_parts(home_province: str | None) -> tuple[str, str] | None:
    """('贵州省', '省') for 贵州; ('北京市', '市') for 北京."""
    if not home_province:
        return None
    place = lookup(strip_level(home_province))
    if place is None or not place.name.startswith(place.short):
        return None
    return place.name, place.name[len(place.short) :][:1]


def _complete_gov(surface: str, home: tuple[str, str] | None) -> str:
    """省商务厅 -> 贵州省商务厅 when the home province is known."""
    if home and surface[:1] == home[1] and head_of(surface) is not None:
        return home[0][:-1] + surface
    return surface


@dataclass
class _Group:
    key: str
    record: OrgRecord | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    full: str | None = None  # completed government name


def _core_key(surface: str) -> str:
    head = head_of(surface)
    stripped = strip_place(surface)
    # Place prefixes identify schools, institutes and government bodies (贵州大学 vs 广东大学).
    if (
        stripped
        and (head is None or head[1] == "company")
        and not _is_junk(_strip_suffixes(stripped))
    ):
        surface = stripped
    core = _strip_suffixes(surface)
    return core if len(core) >= 2 else surface


def _canonical(
    group: _Group, surfaces: list[str], text: str = "", home: tuple[str, str] | None = None
) -> str:
    if group.full is not None:
        return group.full
    if group.record is not None:
        completed = [c for c in (_complete_gov(s, home) for s in surfaces) if c not in surfaces]
        if completed:
            return completed[0]
        counts: dict[str, int] = {}
        for s, e in group.spans:
            counts[text[s:e]] = counts.get(text[s:e], 0) + 1
        named = [x for x in surfaces if not _FACILITY.search(x)]
        # 贵阳比亚迪 is a branch form of 比亚迪; 宁波舟山港 is simply the name.
        plain = [x for x in named if strip_place(x) is None] or named
        if not plain or not text:
            return group.record.name
        return max(plain, key=lambda x: (counts.get(x, 0), -len(x)))

    # The most complete form: a name, not a generic tail (交易中心), with its head (盛屯集团 over
    # 盛屯), without a place prefix (盛屯集团 over 深圳盛屯集团), not a facility, the longest.
    generic = lexicon().generic

    def rank(s: str) -> tuple[int, int, int, int, int]:
        return (
            s not in generic,
            head_of(s) is not None,
            strip_place(s) is None,
            not _FACILITY.search(s),
            len(s),
        )

    best = max(surfaces, key=rank)
    # 某某集团亚太总部 alone: the organization is 某某集团, its headquarters is where it was met.
    owner = _OWNED_FACILITY.sub("", best)
    if owner != best and head_of(owner) is not None and not _is_junk(owner):
        return owner
    return best


def link_organizations(
    text: str,
    candidates: Iterable[OrgCandidate],
    kb: OrgKB,
    *,
    home_province: str | None = None,
) -> list[Company]:
    """Merge candidate spans into Companies (see the module docstring for the policy).

    Args:
        text: the document text (offsets refer to it).
        candidates: the mentions proposed by NER, the KB and the name finder.
        kb: the organization KB used for ids, canonical names, kinds and parents.
        home_province: the delegation's province (贵州) to complete 省商务厅 -> 贵州省商务厅.

    Returns:
        Companies sorted by first mention; mentions sorted, with exact offsets.

    >>> kb = OrgKB.from_records([{"id": "acme", "name": "阿克米集团", "aliases": ["阿克米"]}])
    >>> cands = [OrgCandidate(0, 4, "gov"), OrgCandidate(5, 8, "kb")]
    >>> [c.name for c in link_organizations("省商务厅与阿克米", cands, kb, home_province="贵州")]
    ['贵州省商务厅', '阿克米']
    """
    spans = resolve_overlaps(text, candidates)
    abbrs = _abbreviations(text, spans)
    forms, tails = _short_forms(text, spans, kb, abbrs)
    # Every use of a defined abbreviation or a short form is a mention, even where NER
    # missed it; a longer short form also replaces an NER fragment of the name (超聚 of 超聚变).
    extra = []
    for short in list(abbrs) + list(forms):
        for m in re.finditer(re.escape(short), text):
            if short in tails and m.start() < tails[short]:
                continue  # 交易中心 refers back to the full name only after it
            extra.append(OrgCandidate(m.start(), m.end(), "abbr" if short in abbrs else "alias"))
    for short, span in forms.items():
        abbrs.setdefault(short, span)
    spans = _join_adjacent(text, _drop_departments(text, resolve_overlaps(text, spans + extra)))
    home = _home_parts(home_province)
    groups: dict[str, _Group] = {}
    span_key: dict[tuple[int, int], str] = {}

    def key_of(surface: str) -> tuple[str, OrgRecord | None, str | None]:
        if surface in abbrs and text[slice(*abbrs[surface])] != surface:
            return key_of(text[slice(*abbrs[surface])])
        full = _complete_gov(surface, home)
        record = kb.lookup(full) or kb.lookup(surface)
        if record is None:
            base = _OWNED_FACILITY.sub("", surface)
            if base != surface and len(base) >= 2:
                record = kb.lookup(base)
        if record is None and _BRACKET.search(surface):
            record = kb.lookup(_BRACKET.sub("", surface))  # 华为技术（深圳）有限公司
        if record is None:
            # 吉利控股集团 / 比亚迪股份 -> the KB's 吉利控股 / 比亚迪: the name without its
            # legal suffix.
            bare = _BRACKET.sub("", strip_place(surface) or surface)
            for suffix in _LEGAL_SUFFIXES:  # longest first: 吉利控股|集团 before 吉利|控股集团
                core = bare[: -len(suffix)]
                if bare.endswith(suffix) and len(core) >= 2 and not _is_junk(core):
                    record = kb.lookup(core)
                    if record is not None:
                        break
        if record is not None:
            return "kb:" + record.id, record, None
        if full != surface:
            return "gov:" + full, None, full
        return "core:" + _core_key(surface), None, None

    for c in spans:
        s, e = c.start, c.end
        key, record, full = key_of(text[s:e])
        group = groups.setdefault(key, _Group(key=key, record=record, full=full))
        group.spans.append((s, e))
        span_key[(s, e)] = key
    # Facilities and place+X forms fold into X when X is an organization of this document.
    for key in list(groups):
        if not key.startswith("core:"):
            continue
        surface = text[slice(*groups[key].spans[0])]
        base = _OWNED_FACILITY.sub("", surface)
        stripped = strip_place(base) or base
        target = next(
            (
                k
                for k in (f"core:{_core_key(base)}", f"core:{_core_key(stripped)}")
                if k != key and k in groups
            ),
            None,
        )
        if target is not None and (base != surface or stripped != base):
            groups[target].spans.extend(groups.pop(key).spans)
    _merge_known_short_forms(text, groups)

    by_surface = {text[s:e]: k for k, g in groups.items() for s, e in g.spans}
    companies: list[Company] = []
    for group in groups.values():
        group.spans.sort()
        surfaces = list(dict.fromkeys(text[s:e] for s, e in group.spans))
        name = _canonical(group, surfaces, text, home)
        record = group.record
        parent_name: str | None = None
        parent_id: str | None = None
        if record is not None and record.parent:
            parent_id = record.parent
            parent_name = _parent_name(record.parent, kb, groups, text)
        elif record is None:
            # 甜橙冰饮产业园 (即大果国际食品产业园): any of its names may start with the owner's.
            for surface in [name, *surfaces]:
                parent_name, parent_id = _find_parent(
                    surface, kb, by_surface, group.key, groups, text
                )
                if parent_id is not None:
                    break
        if all(is_byline(text, s, e) for s, e in group.spans):
            kind = "publisher"
        elif record is not None:
            kind = record.kind
        elif name.endswith(lexicon().groups):
            # A delegation (云南代表团, 省委调研组) is an organization in the NER sense, but in
            # this genre it is the visitor: seedie_orgs keeps its spans, not as a company.
            kind = "delegation"
        elif group.full is not None:
            kind = "government"
        else:
            heads = [head_of(s) for s in [name, *surfaces]]
            kind = next((h[1] for h in heads if h is not None), "other")
        cid = record.id if record is not None else f"local:{name}"
        companies.append(
            Company(
                id=cid,
                name=name,
                aliases=surfaces,
                kb_id=record.id if record else None,
                kind=kind,
                parent=parent_name,
                parent_id=parent_id,
                city=(record.ext.get("hq_city") or None) if record is not None else None,
                mentions=[Mention(text=text[s:e], start=s, end=e) for s, e in group.spans],
            )
        )
    companies.sort(key=lambda c: c.mentions[0].start)
    return companies


def _merge_known_short_forms(text: str, groups: dict[str, _Group]) -> None:
    """吉利控股集团 (KB) … 吉利计划…: a name found on its own (by NER) that is a KB
    organization's surface without its legal suffix is that organization."""
    for key in [k for k in groups if k.startswith("kb:")]:
        group = groups[key]
        for s, e in list(group.spans):
            core = _core_key(text[s:e])
            other = groups.get("core:" + core)
            if other is not None and other is not group:
                group.spans.extend(groups.pop("core:" + core).spans)


_TAILS = ("中心", "基地", "学院", "研究院", "产业园", "园区", "交易所", "小镇")


def _trade_name(core: str) -> str:
    """明泰科技发展 -> 明泰: the trade name without the industry words after it."""
    words = lexicon().industry_words
    changed = True
    while changed:
        changed = False
        for word in words:
            if core.endswith(word) and len(core) - len(word) >= 2:
                core, changed = core[: -len(word)], True
                break
    return core


def _forms_of(surface: str) -> list[str]:
    """Forms a text may use for ``surface``, the surface itself first.

    深圳盛屯集团 -> 盛屯集团, 盛屯; 河南明泰科技有限公司 -> 河南明泰科技, 明泰科技, 明泰, 河南明泰.
    """
    # A name found once is a name wherever it recurs (a heading the name finder cut short).
    out: list[str] = [surface]
    bare = _BRACKET.sub("", surface) or surface
    bare = _OWNED_FACILITY.sub("", bare) or bare  # 某某有限公司研发中心: the company's forms
    head = head_of(bare)
    place_free = strip_place(bare)
    if place_free and (head is None or head[1] == "company"):
        out.append(place_free)
    core = _strip_suffixes(bare)
    if core != bare and not bare.endswith(("分公司", "子公司")):
        out.append(core)
        core_free = strip_place(core)
        if core_free:
            out.append(core_free)
        trade = _trade_name(core_free or core)
        if trade not in out:
            out.append(trade)
            if core_free and trade != core_free:
                out.append(core[: len(core) - len(core_free)] + trade)  # 浙江 + 锂威
    return [f for f in out if len(f) >= 2 and not _is_junk(f)]


def _tail_form(surface: str) -> str | None:
    """某某产品交易中心 -> 交易中心: a generic tail, valid only after the full name."""
    for tail in _TAILS:
        if surface.endswith(tail) and len(surface) >= len(tail) + 6:
            return surface[-(len(tail) + 2) :]
    return None


def _short_forms(
    text: str, spans: list[OrgCandidate], kb: OrgKB, abbrs: dict[str, tuple[int, int]]
) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Short form -> defining span, and tail form -> the offset from which it counts."""
    owners: dict[str, dict[str, tuple[int, int]]] = {}
    own: dict[str, dict[str, tuple[int, int]]] = {}
    tails: dict[str, int] = {}
    for c in spans:
        surface = text[c.start : c.end]
        record = kb.lookup(surface)
        owner = "kb:" + record.id if record is not None else _core_key(surface)
        forms = _forms_of(surface)
        tail = _tail_form(surface)
        if tail is not None:
            forms.append(tail)
            tails[tail] = min(tails.get(tail, c.end), c.end)
        for form in forms:
            # A name is its own form, but another name's short form decides what it refers to.
            table = own if form == surface else owners
            table.setdefault(form, {}).setdefault(owner, (c.start, c.end))
    for form, by_owner in own.items():
        owners.setdefault(form, by_owner)
    out: dict[str, tuple[int, int]] = {}
    for form, by_owner in owners.items():
        if len(by_owner) != 1 or form in abbrs:
            continue  # shared by two organizations: ambiguous
        (span,) = by_owner.values()
        other = kb.lookup(form)
        if other is not None and kb.lookup(text[slice(*span)]) is not other:
            continue  # the KB knows this form as another organization
        out[form] = span
    return out, {t: pos for t, pos in tails.items() if t in out}


def _parent_name(parent_id: str, kb: OrgKB, groups: dict[str, _Group], text: str) -> str | None:
    """The parent's name as this document calls it, else its KB name."""
    group = groups.get("kb:" + parent_id)
    if group is not None:
        surfaces = list(dict.fromkeys(text[s:e] for s, e in sorted(group.spans)))
        return _canonical(group, surfaces, text)
    parent = kb.get(parent_id)
    return parent.name if parent else None


def _find_parent(
    name: str,
    kb: OrgKB,
    by_surface: dict[str, str],
    own_key: str,
    groups: dict[str, _Group],
    text: str,
) -> tuple[str | None, str | None]:
    """华为核心算力中心 -> 华为: the longest known organization name that prefixes ``name``."""
    for size in range(len(name) - 2, 1, -1):
        prefix = name[:size]
        record = kb.lookup(prefix) if not is_place(prefix) else None
        if record is not None:
            return _parent_name(record.id, kb, groups, text), record.id
        key = by_surface.get(prefix)
        if key is not None and key != own_key:
            group = groups[key]
            surfaces = list(dict.fromkeys(text[s:e] for s, e in group.spans))
            parent_name = _canonical(group, surfaces, text)
            return parent_name, group.record.id if group.record else f"local:{parent_name}"
    return None, None
