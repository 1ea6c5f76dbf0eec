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

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..places import lookup, strip_level
from ..text.spans import occurrences
from ..types import Company, Mention
from .kb import OrgKB, OrgRecord
from .lexicon import head_of, lexicon
from .mentions import (
    drop_departments,
    is_byline,
    join_adjacent,
    resolve_overlaps,
    trim,
)
from .names import OrgCandidate
from .short_forms import (
    abbreviations,
    core_key,
    find_short_forms,
)
from .surface_forms import facility_owner, fold_keys, kb_forms, name_rank

__all__ = ["in_title", "is_title_only", "link_organizations", "resolve_overlaps"]


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
        named = [x for x in surfaces if name_rank(x).not_facility]
        # 贵阳比亚迪 is a branch form of 比亚迪; 宁波舟山港 is simply the name.
        plain = [x for x in named if name_rank(x).placeless] or named
        if not plain or not text:
            return group.record.name
        return max(plain, key=lambda x: (counts.get(x, 0), -len(x)))

    # The most complete form: a name, not a generic tail (交易中心), with its head (盛屯集团 over
    # 盛屯), without a place prefix (盛屯集团 over 深圳盛屯集团), not a facility, the longest.
    best = max(surfaces, key=name_rank)
    # 某某集团亚太总部 alone: the organization is 某某集团, its headquarters is where it was met.
    return facility_owner(best) or best


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
    spans, abbrs = _with_short_forms(text, candidates, kb)
    home = _home_parts(home_province)
    groups = _group_spans(text, spans, abbrs, kb, home)
    by_surface = {text[s:e]: k for k, g in groups.items() for s, e in g.spans}
    companies = [_company(g, text, kb, groups, by_surface, home) for g in groups.values()]
    companies.sort(key=lambda c: c.mentions[0].start)
    return companies


def _with_short_forms(
    text: str, candidates: Iterable[OrgCandidate], kb: OrgKB
) -> tuple[list[OrgCandidate], dict[str, tuple[int, int]]]:
    """The resolved spans with every use of an abbreviation or short form added, and the
    table short form -> defining span."""
    spans = resolve_overlaps(text, candidates)
    abbrs = abbreviations(text, spans)
    forms, tails = find_short_forms(text, spans, kb, abbrs)
    # Every use of a defined abbreviation or a short form is a mention, even where NER
    # missed it; a longer short form also replaces an NER fragment of the name (超聚 of 超聚变).
    # A use that repeats a kept span exactly is left out: the kept span sorts before it in
    # the second resolution (same length and start, a rank no lower), so it claims the
    # characters first, as long as it passes the checks again, which it does when trimming
    # leaves it unchanged (the same checks it passed in the first resolution).
    settled: list[OrgCandidate] = []
    unsettled: list[OrgCandidate] = []
    for c in spans:
        (settled if trim(text, c) is c else unsettled).append(c)
    repeats = {(c.start, c.end) for c in settled}
    extra = []
    for short in list(abbrs) + list(forms):
        size, source = len(short), "abbr" if short in abbrs else "alias"
        since = tails.get(short, 0)  # 交易中心 refers back to the full name only after it
        for at in occurrences(text, short):
            if at >= since and (at, at + size) not in repeats:
                extra.append(OrgCandidate(at, at + size, source))
    for short, span in forms.items():
        abbrs.setdefault(short, span)
    # The settled spans passed the same checks in the first resolution: only the
    # characters are contested again (the others are trimmed and checked anew).
    resolved = resolve_overlaps(text, unsettled + extra, settled)
    spans = join_adjacent(text, drop_departments(text, resolved))
    return spans, abbrs


def _key_of(
    surface: str,
    text: str,
    abbrs: dict[str, tuple[int, int]],
    kb: OrgKB,
    home: tuple[str, str] | None,
) -> tuple[str, OrgRecord | None, str | None]:
    """The group key of a surface, its KB record and its completed government name."""
    if surface in abbrs and text[slice(*abbrs[surface])] != surface:
        return _key_of(text[slice(*abbrs[surface])], text, abbrs, kb, home)
    full = _complete_gov(surface, home)
    record = kb.lookup(full) or kb.lookup(surface)
    for form in kb_forms(surface) if record is None else ():
        record = kb.lookup(form)
        if record is not None:
            break
    if record is not None:
        return "kb:" + record.id, record, None
    if full != surface:
        return "gov:" + full, None, full
    return "core:" + core_key(surface), None, None


def _group_spans(
    text: str,
    spans: list[OrgCandidate],
    abbrs: dict[str, tuple[int, int]],
    kb: OrgKB,
    home: tuple[str, str] | None,
) -> dict[str, _Group]:
    """Spans grouped by organization, facilities and known short forms folded in."""
    groups: dict[str, _Group] = {}
    keys: dict[str, tuple[str, OrgRecord | None, str | None]] = {}  # the same names recur
    for c in spans:
        s, e = c.start, c.end
        surface = text[s:e]
        known = keys.get(surface)
        if known is None:
            known = keys[surface] = _key_of(surface, text, abbrs, kb, home)
        key, record, full = known
        group = groups.get(key)
        if group is None:  # (setdefault would build a group for every span)
            group = groups[key] = _Group(key=key, record=record, full=full)
        group.spans.append((s, e))
    _fold_facilities(text, groups)
    _merge_known_short_forms(text, groups)
    return groups


def _fold_facilities(text: str, groups: dict[str, _Group]) -> None:
    """Facilities and place+X forms fold into X when X is an organization of this document."""
    for key in list(groups):
        if not key.startswith("core:"):
            continue
        surface = text[slice(*groups[key].spans[0])]
        target = next((k for k in fold_keys(surface) if k != key and k in groups), None)
        if target is not None:
            groups[target].spans.extend(groups.pop(key).spans)


def _company(
    group: _Group,
    text: str,
    kb: OrgKB,
    groups: dict[str, _Group],
    by_surface: dict[str, str],
    home: tuple[str, str] | None,
) -> Company:
    """The Company of one group: canonical name, parent and kind."""
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
        # The name is usually one of the surfaces too: each is looked at once (the answer
        # is the same the second time).
        for surface in dict.fromkeys([name, *surfaces]):
            parent_name, parent_id = _find_parent(surface, kb, by_surface, group.key, groups, text)
            if parent_id is not None:
                break
    return Company(
        id=record.id if record is not None else f"local:{name}",
        name=name,
        aliases=surfaces,
        kb_id=record.id if record else None,
        kind=_kind(group, name, surfaces, text),
        parent=parent_name,
        parent_id=parent_id,
        city=(record.ext.get("hq_city") or None) if record is not None else None,
        mentions=[Mention(text=text[s:e], start=s, end=e) for s, e in group.spans],
    )


def _kind(group: _Group, name: str, surfaces: list[str], text: str) -> str:
    if all(is_byline(text, s, e) for s, e in group.spans):
        return "publisher"
    if group.record is not None:
        return group.record.kind
    if name.endswith(lexicon().groups):
        # A delegation (云南代表团, 省委调研组) is an organization in the NER sense, but in
        # this genre it is the visitor: seedie_orgs keeps its spans, not as a company.
        return "delegation"
    if group.full is not None:
        return "government"
    for surface in (name, *surfaces):
        head = head_of(surface)
        if head is not None:
            return head[1]
    return "other"


def _merge_known_short_forms(text: str, groups: dict[str, _Group]) -> None:
    """吉利控股集团 (KB) … 吉利计划…: a name found on its own (by NER) that is a KB
    organization's surface without its legal suffix is that organization."""
    for key in [k for k in groups if k.startswith("kb:")]:
        group = groups[key]
        for s, e in list(group.spans):
            core = core_key(text[s:e])
            other = groups.get("core:" + core)
            if other is not None and other is not group:
                group.spans.extend(groups.pop("core:" + core).spans)


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
    places = lexicon().places  # (is_place, without a call per prefix)
    for size in range(len(name) - 2, 1, -1):
        prefix = name[:size]
        record = kb.lookup(prefix) if prefix not in places else None
        if record is not None:
            return _parent_name(record.id, kb, groups, text), record.id
        key = by_surface.get(prefix)
        if key is not None and key != own_key:
            group = groups[key]
            surfaces = list(dict.fromkeys(text[s:e] for s, e in group.spans))
            parent_name = _canonical(group, surfaces, text)
            return parent_name, group.record.id if group.record else f"local:{parent_name}"
    return None, None
