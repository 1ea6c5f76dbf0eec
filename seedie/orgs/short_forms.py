"""Short forms of organization names: abbreviations the text defines and the forms a
legal name may be cut to.

Pure Python (no spaCy import). :func:`seedie.orgs.linking.link_organizations` turns every use
of these forms into a mention of the organization they belong to.

* Abbreviations: X（以下简称Y）, X（下称“Y”）, X，简称Y, X（即Y）, and X（Y） when Y is a
  subsequence of X.
* Short forms: a legal name without place, legal form or industry words (深圳盛屯集团 ->
  盛屯集团 -> 盛屯), and a long name's generic tail (某某产品交易中心 -> 交易中心) that counts only
  after the full name; a form two organizations share is ambiguous and dropped.

    >>> forms_of("深圳盛屯集团")
    ['深圳盛屯集团', '盛屯集团', '深圳盛屯', '盛屯']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .kb import OrgKB, strip_place
from .lexicon import head_of, lexicon
from .mentions import is_junk
from .names import OrgCandidate

BRACKET = re.compile(r"[（(][^）)]{1,8}[）)]")


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def abbreviations(text: str, spans: list[OrgCandidate]) -> dict[str, tuple[int, int]]:
    """Short form -> the defining span (X（以下简称Y）)."""
    lex = lexicon()
    out: dict[str, tuple[int, int]] = {}
    for c in spans:
        s, e = c.start, c.end
        m = lex.abbreviation_re.match(text, e)
        if m is None:
            continue
        short = m.group(1) or m.group(2)
        marked = lex.abbreviation_marker_re.search(m.group(0)) is not None
        explicit = m.group(2) is not None or marked
        if explicit or _is_subsequence(short, text[s:e]) or short.isascii():
            if not is_junk(short):
                out.setdefault(short, (s, e))
    return out


def _strip_endings(name: str, endings: Iterable[str]) -> str:
    """``name`` without the listed endings, one after another, keeping two characters."""
    endings = tuple(endings)
    changed = True
    while changed:
        changed = False
        for ending in endings:
            if name.endswith(ending) and len(name) - len(ending) >= 2:
                name, changed = name[: -len(ending)], True
                break
    return name


def _strip_suffixes(name: str) -> str:
    # 远帆生物制药（苏州）有限公司 -> 远帆生物制药: the bracketed place or 集团 goes too.
    return _strip_endings(BRACKET.sub("", name) or name, lexicon().legal_suffixes)


@lru_cache(maxsize=1 << 16)  # a pure function of the name, asked again for every mention
def core_key(surface: str) -> str:
    head = head_of(surface)
    stripped = strip_place(surface)
    # Place prefixes identify schools, institutes and government bodies (贵州大学 vs 广东大学).
    if (
        stripped
        and (head is None or head[1] == "company")
        and not is_junk(_strip_suffixes(stripped))
    ):
        surface = stripped
    core = _strip_suffixes(surface)
    return core if len(core) >= 2 else surface


def _trade_name(core: str) -> str:
    """明泰科技发展 -> 明泰: the trade name without the industry words after it."""
    return _strip_endings(core, lexicon().industry_words)


def forms_of(surface: str) -> list[str]:
    """Forms a text may use for ``surface``, the surface itself first.

    深圳盛屯集团 -> 盛屯集团, 盛屯; 河南明泰科技有限公司 -> 河南明泰科技, 明泰科技, 明泰, 河南明泰.
    """
    return list(_forms(surface))


@lru_cache(maxsize=1 << 16)  # a pure function of the name; the list above is the caller's
def _forms(surface: str) -> tuple[str, ...]:
    # A name found once is a name wherever it recurs (a heading the name finder cut short).
    out: list[str] = [surface]
    bare = BRACKET.sub("", surface) or surface
    bare = lexicon().owned_facility_end_re.sub("", bare) or bare  # 某某有限公司研发中心
    head = head_of(bare)
    place_free = strip_place(bare)
    if place_free and (head is None or head[1] == "company"):
        out.append(place_free)
    core = _strip_suffixes(bare)
    if core != bare and not bare.endswith(lexicon().branch_heads):
        out.append(core)
        core_free = strip_place(core)
        if core_free:
            out.append(core_free)
        trade = _trade_name(core_free or core)
        if trade not in out:
            out.append(trade)
            if core_free and trade != core_free:
                out.append(core[: len(core) - len(core_free)] + trade)  # 浙江 + 锂威
    return tuple(f for f in out if len(f) >= 2 and not is_junk(f))


@lru_cache(maxsize=1 << 16)  # a pure function of the name, asked for every mention
def _tail_form(surface: str) -> str | None:
    """某某产品交易中心 -> 交易中心: a generic tail, valid only after the full name."""
    for tail in lexicon().generic_tails:
        if surface.endswith(tail) and len(surface) >= len(tail) + 6:
            return surface[-(len(tail) + 2) :]
    return None


def find_short_forms(
    text: str, spans: list[OrgCandidate], kb: OrgKB, abbrs: dict[str, tuple[int, int]]
) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Short form -> defining span, and tail form -> the offset from which it counts."""
    owners: dict[str, dict[str, tuple[int, int]]] = {}
    own: dict[str, dict[str, tuple[int, int]]] = {}
    tails: dict[str, int] = {}
    for c in spans:
        surface = text[c.start : c.end]
        record = kb.lookup(surface)
        owner = "kb:" + record.id if record is not None else core_key(surface)
        forms = forms_of(surface)
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
