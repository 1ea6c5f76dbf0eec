"""Where the characters of a small set (break marks) occur in a text, by one lookup per
character in a code-point table (numpy) instead of a regex match object per mark."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

BEYOND = 0xFFFF  # what stands for every code point from U+FFFF on in code_points()


@lru_cache(maxsize=8)
def _table(chars: str) -> npt.NDArray[np.bool_]:
    """Code point (up to BEYOND) -> whether it is one of ``chars`` (each below BEYOND)."""
    table = np.zeros(BEYOND + 1, dtype=np.bool_)
    table[[ord(c) for c in chars]] = True
    return table


def code_points(text: str) -> npt.NDArray[np.uint32]:
    """The code points of ``text`` (lone surrogates too), those from U+FFFF on as BEYOND."""
    raw = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.dtype("<u4"))
    codes: npt.NDArray[np.uint32] = np.minimum(raw, np.uint32(BEYOND))
    return codes


def offsets(codes: npt.NDArray[np.uint32], text: str, chars: str) -> list[int]:
    """Sorted offsets in ``text`` (whose :func:`code_points` are ``codes``) of ``chars``.

    Example:
        >>> offsets(code_points("甲，乙。"), "甲，乙。", "，。")
        [1, 3]
    """
    if all(ord(c) < BEYOND for c in chars):
        found: list[int] = np.flatnonzero(_table(chars)[codes]).tolist()
        return found
    return [i for i, c in enumerate(text) if c in chars]
