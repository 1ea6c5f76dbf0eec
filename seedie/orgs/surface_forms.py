"""What the linker derives from a mention's surface alone, kept per surface.

Pure Python (no spaCy import). Each function depends only on the surface and on the
lexicon, which is fixed per process; the same names come back in every document.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .kb import strip_place
from .lexicon import head_of, lexicon
from .mentions import is_junk
from .short_forms import BRACKET, core_key


@lru_cache(maxsize=1 << 16)
def kb_forms(surface: str) -> tuple[str, ...]:
    """The forms to look up in the KB, in order, when ``surface`` itself is not there: the
    name without an owned facility (某某集团研发中心), without a bracket (华为技术（深圳）有限
    公司), then without a legal suffix (吉利控股集团 / 比亚迪股份 -> 吉利控股 / 比亚迪)."""
    out = []
    base = lexicon().owned_facility_end_re.sub("", surface)
    if base != surface and len(base) >= 2:
        out.append(base)
    if BRACKET.search(surface):
        out.append(BRACKET.sub("", surface))
    bare = BRACKET.sub("", strip_place(surface) or surface)
    for suffix in lexicon().legal_suffixes:  # longest first: 吉利控股|集团 before 吉利|控股集团
        core = bare[: -len(suffix)]
        if bare.endswith(suffix) and len(core) >= 2 and not is_junk(core):
            out.append(core)
    return tuple(out)


class NameRank(NamedTuple):
    """How complete a name is, compared field by field (greater is better)."""

    specific: bool  # not a generic tail (交易中心)
    headed: bool  # with its head (盛屯集团 over 盛屯)
    placeless: bool  # without a place prefix (盛屯集团 over 深圳盛屯集团)
    not_facility: bool  # not a facility's name
    length: int  # then longer


@lru_cache(maxsize=1 << 16)
def name_rank(surface: str) -> NameRank:
    """How complete a name ``surface`` is, as the canonical name is chosen."""
    lex = lexicon()
    return NameRank(
        surface not in lex.generic,
        head_of(surface) is not None,
        strip_place(surface) is None,
        not lex.facility_end_re.search(surface),
        len(surface),
    )


@lru_cache(maxsize=1 << 16)
def facility_owner(surface: str) -> str | None:
    """某某集团亚太总部 -> 某某集团: the organization an owned facility's name starts with."""
    owner = lexicon().owned_facility_end_re.sub("", surface)
    if owner != surface and head_of(owner) is not None and not is_junk(owner):
        return owner
    return None


@lru_cache(maxsize=1 << 16)
def fold_keys(surface: str) -> tuple[str, ...]:
    """The group keys a facility or place+X form (某某总部, 贵阳某某) folds into, in order;
    none for a surface that is neither."""
    base = lexicon().owned_facility_end_re.sub("", surface)
    stripped = strip_place(base) or base
    if base == surface and stripped == base:
        return ()
    return (f"core:{core_key(base)}", f"core:{core_key(stripped)}")
