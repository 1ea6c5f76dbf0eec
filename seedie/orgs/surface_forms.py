"""What the linker derives from a mention's surface alone, kept per surface.

Pure Python (no spaCy import). Each function depends only on the surface and on the
lexicon, which is fixed per process; the same names come back in every document.
"""

from __future__ import annotations

from functools import lru_cache

from .kb import strip_place
from .lexicon import lexicon
from .mentions import is_junk
from .short_forms import BRACKET


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
