"""In-text organization linking: one :class:`~seedie.types.Company` per real-world organization.

Pure Python (no spaCy import). Input spans come from NER ("ner"), name patterns ("pattern")
and the KB ("kb"); they may overlap. Decisions:

* Overlaps: the longest span wins; at equal length kb > ner > pattern.
* Canonical name: for an organization in the KB, the name the text itself uses most (its
  most frequent surface form that is not a facility or place-prefixed form, ties to the
  shorter: 比亚迪, not 比亚迪股份有限公司 — what a reader of the article would write); the
  stable cross-document identity is ``kb_id``. Otherwise the most complete surface form
  without a place prefix (深圳盛屯集团, 盛屯 -> 盛屯集团). Government short forms are completed
  with the home province (省商务厅 -> 贵州省商务厅, 省委 -> 贵州省委).
* Suffix variants (比亚迪 / 比亚迪集团 / 比亚迪股份有限公司) share a core key and merge.
  Place prefixes are stripped for companies only: 贵州大学 and 广东大学 stay apart.
* Facilities and branches: X总部, X全球总部, X基地, X工厂, X园区 and place+X (贵阳比亚迪) are
  mentions of X. Real subsidiaries and brands (腾势汽车, 华为云, or a name that starts with a
  known organization such as 华为核心算力中心) are separate Companies whose ``parent`` /
  ``parent_id`` point to X.
* Abbreviations: X（以下简称Y）, X（下称“Y”）, X，简称Y, and X（Y） when Y is a
  subsequence of X make every later Y a mention of X, found even where NER missed it.

    >>> kb = OrgKB.from_records([{"id": "acme", "name": "阿克米集团", "aliases": ["阿克米"]}])
    >>> spans = [(0, 3, "ner"), (4, 9, "kb")]
    >>> [c.name for c in link_organizations("阿克米与阿克米集团", spans, kb)]
    ['阿克米']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..places import lookup, strip_level
from ..text.spans import SpanIndex
from ..types import Company, Mention
from .kb import OrgKB, OrgRecord, strip_place
from .names import FACILITY, head_of, is_place, lexicon

_SOURCE_RANK = {"kb": 0, "ner": 1, "pattern": 2}
_LEGAL_SUFFIXES = sorted(
    "集团股份有限公司 集团有限公司 股份有限公司 有限责任公司 有限公司 控股集团 集团公司 "
    "股份公司 集团 公司 控股 股份".split(),
    key=len,
    reverse=True,
)
_FACILITY = re.compile(FACILITY + "$")
_COREF = frozenset("其 该 本 此 这 那".split())
_ABBR = re.compile(
    r"\s*[（(]\s*(?:以下简称|以下称|下称|简称|即)?\s*[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"」]?\s*[）)]"
    r"|\s*[，,]\s*(?:以下简称|下称|简称)\s*[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"」]?"
)
_EXPLICIT = re.compile(r"简称|下称|以下称|即")


def _is_junk(surface: str) -> bool:
    lex = lexicon()
    return (
        len(surface) < 2
        or is_place(surface)
        or surface in lex.generic
        or surface[0] in _COREF
        and surface[1:] in lex.generic
        or strip_place(surface) in lex.generic  # 贵州电力, 广东制造业: place + sector
    )


# A byline (贵州日报天眼新闻记者 张三) names the publisher, not an organization of the story.
_BYLINE = re.compile(
    r"[^\s，。、：:]{0,6}?(?:记者|通讯员|摄影)"
    r"|[\u4e00-\u9fff]{0,4}[0-9０-９]{1,2}月[0-9０-９]{1,2}日电"  # 新华社昆明9月6日电
)
_QUOTES = {"“": "”", '"': '"', "「": "」", "《": "》", "‘": "’"}


def is_byline(text: str, start: int, end: int) -> bool:
    """贵州日报天眼新闻记者 X, 新华社昆明9月6日电: the publisher, at the start of a line."""
    return (start == 0 or text[start - 1] == "\n") and _BYLINE.match(
        text, end, end + 10
    ) is not None


def _is_context_junk(text: str, start: int, end: int, source: str) -> bool:
    """Mentions that are organizations only by form: quoted slogans (“前店后厂”)."""
    if source == "kb" or start == 0 or end >= len(text):
        return False
    return _QUOTES.get(text[start - 1]) == text[end]


def resolve_overlaps(
    text: str, candidates: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Non-overlapping spans: longest first, then kb > ner > pattern; junk dropped.

    >>> resolve_overlaps("比亚迪集团", [(0, 3, "kb"), (0, 5, "pattern")])
    [(0, 5, 'pattern')]
    """
    ordered = sorted(candidates, key=lambda c: (-(c[1] - c[0]), _SOURCE_RANK.get(c[2], 3), c[0]))
    taken: SpanIndex[str] = SpanIndex()
    for s, e, source in ordered:
        if s < 0 or e > len(text) or _is_junk(text[s:e]) or _is_context_junk(text, s, e, source):
            continue
        if not taken.overlaps(s, e):
            taken.add(s, e, source)
    return taken.inside(0, len(text) + 1)


_DEPARTMENT_HEADS = frozenset("部 处 科 室 办公室 事业部 事业群".split())


def _drop_departments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """国创中心产业发展部: a department right after its organization is part of it, not an org."""
    ends = {e for _, e, _ in spans}
    kept = []
    for s, e, source in spans:
        head = head_of(text[s:e])
        if (
            head
            and head[0] in _DEPARTMENT_HEADS
            and source != "kb"
            and any(s - k in ends for k in range(0, 4))
        ):
            continue
        kept.append((s, e, source))
    return kept


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _abbreviations(text: str, spans: list[tuple[int, int, str]]) -> dict[str, tuple[int, int]]:
    """Short form -> the defining span (X（以下简称Y）)."""
    out: dict[str, tuple[int, int]] = {}
    for s, e, _ in spans:
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

    def rank(s: str) -> tuple[int, int, int, int]:
        return (strip_place(s) is None, head_of(s) is not None, not _FACILITY.search(s), len(s))

    return max(surfaces, key=rank)


def link_organizations(
    text: str,
    candidates: list[tuple[int, int, str]],
    kb: OrgKB,
    *,
    home_province: str | None = None,
) -> list[Company]:
    """Merge candidate spans into Companies (see the module docstring for the policy).

    Args:
        text: the document text (offsets refer to it).
        candidates: (start, end, source) with source "ner", "pattern" or "kb".
        kb: the organization KB used for ids, canonical names, kinds and parents.
        home_province: the delegation's province (贵州) to complete 省商务厅 -> 贵州省商务厅.

    Returns:
        Companies sorted by first mention; mentions sorted, with exact offsets.

    >>> kb = OrgKB.from_records([{"id": "acme", "name": "阿克米集团", "aliases": ["阿克米"]}])
    >>> [c.name for c in link_organizations("省商务厅与阿克米", [(0, 4, "pattern"), (5, 8, "kb")],
    ...                                      kb, home_province="贵州")]
    ['贵州省商务厅', '阿克米']
    """
    spans = resolve_overlaps(text, candidates)
    abbrs = _abbreviations(text, spans)
    # Later occurrences of a defined short form are mentions even where NER missed them.
    extra = []
    for short in abbrs:
        for m in re.finditer(re.escape(short), text):
            extra.append((m.start(), m.end(), "abbr"))
    spans = _drop_departments(text, resolve_overlaps(text, spans + extra))
    home = _home_parts(home_province)
    groups: dict[str, _Group] = {}
    span_key: dict[tuple[int, int], str] = {}

    def key_of(surface: str) -> tuple[str, OrgRecord | None, str | None]:
        if surface in abbrs:
            s, e = abbrs[surface]
            return key_of(text[s:e])
        full = _complete_gov(surface, home)
        record = kb.lookup(full) or kb.lookup(surface)
        if record is None:
            base = _FACILITY.sub("", surface)
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

    for s, e, _ in spans:
        key, record, full = key_of(text[s:e])
        group = groups.setdefault(key, _Group(key=key, record=record, full=full))
        group.spans.append((s, e))
        span_key[(s, e)] = key
    # Facilities and place+X forms fold into X when X is an organization of this document.
    for key in list(groups):
        if not key.startswith("core:"):
            continue
        surface = text[slice(*groups[key].spans[0])]
        base = _FACILITY.sub("", surface)
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
    _add_short_forms(text, groups)

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
            parent_name, parent_id = _find_parent(name, kb, by_surface, group.key, groups, text)
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
            heads = [head_of(s) for s in surfaces]
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


def _add_short_forms(text: str, groups: dict[str, _Group]) -> None:
    """盛屯集团 … 盛屯正是这一战略的参与者: the name without its legal suffix, used bare later
    in the text, is a mention too (only for names the KB does not know; KB aliases are
    matched already)."""
    taken: SpanIndex[None] = SpanIndex((s, e, None) for g in groups.values() for s, e in g.spans)
    for key, group in groups.items():
        core = key[len("core:") :] if key.startswith("core:") else ""
        if len(core) < 2 or _is_junk(core) or head_of(core) is not None:
            continue
        if not any(
            text[s:e] != core and text[s:e].endswith(tuple(_LEGAL_SUFFIXES)) for s, e in group.spans
        ):
            continue  # the group never appears with a legal suffix: nothing to shorten
        for m in re.finditer(re.escape(core), text):
            if taken.overlaps(m.start(), m.end()):
                continue
            group.spans.append((m.start(), m.end()))


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
