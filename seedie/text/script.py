"""Traditional characters (繁體): a simplified view of a text with the same offsets.

seedie's analyzer, name patterns, KB and word lists are written in simplified characters, so
a traditional text is analysed through its simplified form. The conversion is OpenCC's
``t2s`` (phrase-aware: 乾隆 stays, 乾燥 becomes 干燥), applied line by line; a line whose
conversion would change its length is converted character by character instead, so every
offset into the view is an offset into the original. Results are then reported as the text
writes them (:func:`restore_script`): a surface found at known offsets is read back from the
original, so 比亞迪 is linked to the KB as 比亚迪 and reported as 比亞迪.

No spaCy import. Without the ``opencc`` package the view is the text itself.

    >>> simplified_view("比亞迪員工近萬人")
    '比亚迪员工近万人'
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any, Protocol

from ..types import Claim, Company, Delegation, Extraction, Quantity, Trip, Visit

__all__ = ["restore_script", "simplified_view"]

logger = logging.getLogger("seedie")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _converter() -> _Converter | None:
    try:
        import opencc  # noqa: PLC0415
    except ImportError:  # optional at run time; declared as a dependency
        logger.debug("opencc is not installed: traditional characters are analysed as written")
        return None
    conv: _Converter = opencc.OpenCC("t2s")
    return conv


# Built with chr(): a literal lone surrogate cannot be compiled (benchmarks/bench_compiled.py).
_SURROGATE_RE = re.compile(f"([{chr(0xD800)}-{chr(0xDFFF)}])")


def _convert_line(conv: _Converter, line: str) -> str:
    try:
        out = conv.convert(line)
    except UnicodeEncodeError:  # lone surrogates cannot reach OpenCC: keep them as they are
        parts = _SURROGATE_RE.split(line)
        return "".join(p if i % 2 else _convert_line(conv, p) for i, p in enumerate(parts))
    if len(out) == len(line):
        return out
    # A phrase mapping that changes the length (rare): keep offsets, give up phrase context.
    chars = []
    for ch in line:
        c = conv.convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


@lru_cache(maxsize=1)
def _changing_chars() -> frozenset[str]:
    """The CJK characters OpenCC's t2s changes on their own (億, 萬, 為 …), computed once.

    A text without any of them is already simplified; checking that costs a set lookup per
    character instead of a call into OpenCC (parse_quantity on short expressions).
    """
    conv = _converter()
    if conv is None:
        return frozenset()
    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    converted = conv.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a phrase across lines: fall back to converting always
        return frozenset(chars)
    return frozenset(c for c, out in zip(chars, converted) if out != c)


@lru_cache(maxsize=1)
def _changing_re() -> re.Pattern[str]:
    """A character class of :func:`_changing_chars`: one search in C finds whether a text
    holds any (a set test per character costs 15 times as much on a long text)."""
    chars = _changing_chars()
    return re.compile(f"[{re.escape(''.join(sorted(chars)))}]" if chars else "(?!)")


def simplified_view(text: str) -> str:
    """``text`` in simplified characters, with exactly the same length and offsets.

    Args:
        text: any string.

    Returns:
        The simplified view (``text`` itself when nothing changes or opencc is missing).

    Example:
        >>> simplified_view("200多億元")
        '200多亿元'
    """
    if text.isascii():
        return text
    conv = _converter()
    if conv is None or _changing_re().search(text) is None:
        return text
    lines = text.split("\n")
    out = "\n".join(_convert_line(conv, line) for line in lines)
    return text if out == text else out


class _Restorer:
    """Reads surfaces of the analysed view back from the original text."""

    def __init__(self, original: str, view: str) -> None:
        self.original = original
        self.view = view
        self.surfaces: dict[str, Counter[str]] = {}

    def at(self, s: str, start: int | None, end: int | None) -> str:
        """The original of ``s`` when it sits at ``start:end`` in the view."""
        if start is not None and end is not None and 0 <= start <= end <= len(self.view):
            if self.view[start:end] == s:
                orig = self.original[start:end]
                self.surfaces.setdefault(s, Counter())[orig] += 1
                return orig
        out: str = self.near(s, start)
        return out

    def near(self, s: str | None, hint: int | None, window: int = 400) -> Any:
        """The original of ``s`` found in the view around offset ``hint``; else a known surface."""
        if not s:
            return s
        if hint is not None:
            lo = max(0, hint - len(s) - window)
            pos = self.view.find(s, lo, min(len(self.view), hint + len(s) + window))
            if pos >= 0:
                return self.original[pos : pos + len(s)]
        return self.name(s)

    def name(self, s: str | None) -> Any:
        """A name by the surface the text used most for it (KB forms not in the text stay)."""
        if not s:
            return s
        seen = self.surfaces.get(s)
        if seen:
            return seen.most_common(1)[0][0]
        pos = self.view.find(s)
        return self.original[pos : pos + len(s)] if pos >= 0 else s


def _quantity(r: _Restorer, q: Quantity) -> Quantity:
    return replace(q, text=r.at(q.text, q.start, q.end))


def _company(r: _Restorer, c: Company) -> Company:
    mentions = [replace(m, text=r.at(m.text, m.start, m.end)) for m in c.mentions]
    return replace(
        c,
        mentions=mentions,
        name=r.name(c.name),
        aliases=[r.name(a) for a in c.aliases],
        parent=r.name(c.parent),
        city=r.name(c.city),
    )


def _visit(r: _Restorer, v: Visit) -> Visit:
    return replace(
        v,
        delegation=r.name(v.delegation),
        host=r.name(v.host),
        place=r.name(v.place),
        sentence=r.near(v.sentence, v.start),
    )


def _claim(r: _Restorer, c: Claim) -> Claim:
    hint = c.start
    return replace(
        c,
        subject=r.name(c.subject),
        metric=r.near(c.metric, hint),
        time=r.near(c.time, hint),
        speaker=r.name(c.speaker),
        quantity=_quantity(r, c.quantity),
        sentence=r.near(c.sentence, hint),
    )


def restore_script(extraction: Extraction, original: str, view: str) -> Extraction:
    """Report an extraction made on ``view`` in the characters of ``original``.

    Args:
        extraction: what the pipeline found in ``view``.
        original: the text as given.
        view: ``simplified_view(original)``.

    Returns:
        The same extraction with every surface (names, aliases, quantity texts, sentences)
        as ``original`` writes it; KB ids, kinds, numbers and offsets are unchanged.

    Example:
        >>> import seedie  # doctest: +SKIP
        >>> seedie.extract("比亞迪員工近萬人。").quantities[0].text  # doctest: +SKIP
        '近萬人'
    """
    if original == view:
        return extraction
    r = _Restorer(original, view)
    quantities = [_quantity(r, q) for q in extraction.quantities]
    companies = [_company(r, c) for c in extraction.companies]  # fills the surface table
    delegation: Delegation | None = extraction.delegation
    if delegation is not None:
        delegation = replace(
            delegation,
            name=r.at(delegation.name, delegation.start, delegation.end),
            home=r.name(delegation.home),
        )
    trip: Trip | None = extraction.trip
    if trip is not None:
        trip = replace(trip, region=r.name(trip.region), sentence=r.name(trip.sentence))
    return replace(
        extraction,
        quantities=quantities,
        companies=companies,
        visits=[_visit(r, v) for v in extraction.visits],
        claims=[_claim(r, c) for c in extraction.claims],
        delegation=delegation,
        trip=trip,
    )
