"""Texts longer than ``nlp.max_length``: cut at paragraph/sentence boundaries, merge results.

Each chunk is processed on its own; offsets are shifted back to the whole text, organizations
with the same id are merged across chunks, and visits/claims are renumbered.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..types import Claim, Company, Delegation, Extraction, Mention, Quantity, Visit
from .sentences import CLOSERS, SENTENCE_ENDS

_PARAGRAPH_END = re.compile(r"\n+")
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]+[{re.escape(CLOSERS)}]*")


def chunk_text(text: str, max_length: int) -> list[tuple[int, int]]:
    """(start, end) chunks of at most ``max_length`` characters, cut at the best boundary.

    Example:
        >>> chunk_text("甲。乙。\\n丙。", 4)
        [(0, 4), (4, 7)]
    """
    n = len(text)
    if n <= max_length:
        return [(0, n)]
    chunks: list[tuple[int, int]] = []
    start = 0
    while start < n:
        limit = min(start + max_length, n)
        if limit == n:
            chunks.append((start, n))
            break
        window = text[start:limit]
        cut = _last_boundary(_PARAGRAPH_END, window) or _last_boundary(_SENTENCE_END, window)
        end = start + cut if cut else limit
        chunks.append((start, end))
        start = end
    return chunks


def _last_boundary(pattern: re.Pattern[str], window: str) -> int:
    """End offset of the last boundary match in the second half of ``window`` (0 if none)."""
    last = 0
    for m in pattern.finditer(window, len(window) // 2):
        last = m.end()
    return last


def _shift_quantity(q: Quantity, offset: int) -> Quantity:
    if q.start is None or q.end is None:
        return q
    return replace(q, start=q.start + offset, end=q.end + offset)


def merge_extractions(text_length: int, parts: list[tuple[int, Extraction]]) -> Extraction:
    """Merge per-chunk extractions (each with its chunk's start offset) into one."""
    if not parts:
        raise ValueError("merge_extractions() needs at least one part")
    first = parts[0][1]
    quantities: list[Quantity] = []
    companies: dict[str, Company] = {}
    # Aliases and mentions are gathered per id and set once at the end: copying a company's
    # growing lists for every chunk would cost chunks x mentions.
    aliases: dict[str, dict[str, None]] = {}
    mentions: dict[str, list[Mention]] = {}
    visits: dict[tuple[str | None, str | None, str | None], Visit] = {}
    claims: list[Claim] = []
    delegation, trip = None, None
    for offset, ex in parts:
        quantities += [_shift_quantity(q, offset) for q in ex.quantities]
        for c in ex.companies:
            if c.id not in companies:
                companies[c.id] = c
                aliases[c.id] = {}
                mentions[c.id] = []
            aliases[c.id].update(dict.fromkeys(c.aliases))
            mentions[c.id] += [
                Mention(text=m.text, start=m.start + offset, end=m.end + offset) for m in c.mentions
            ]
        for v in ex.visits:
            day = v.date.isoformat() if v.date else (f"--{v.month}-{v.day}" if v.day else None)
            key = (v.host_id or v.host, day, v.time_of_day)
            if key not in visits:
                visits[key] = _shift(v, offset)
        claims += [
            replace(_shift(c, offset), quantity=_shift_quantity(c.quantity, offset))
            for c in ex.claims
        ]
        if delegation is None and ex.delegation is not None:
            delegation = _shift_delegation(ex.delegation, offset)
        trip = trip or ex.trip
    company_list = [
        replace(c, aliases=list(aliases[cid]), mentions=mentions[cid])
        for cid, c in companies.items()
    ]
    visit_list = [replace(v, id=f"v{i}") for i, v in enumerate(visits.values(), 1)]
    claim_list = [replace(c, id=f"c{i}") for i, c in enumerate(claims, 1)]
    return Extraction(
        text_length=text_length,
        base=first.base,
        quantities=quantities,
        companies=company_list,
        visits=visit_list,
        claims=claim_list,
        delegation=delegation,
        trip=trip,
        reference_date=first.reference_date,
        reference_date_source=first.reference_date_source,
    )


def _shift_delegation(d: Delegation, offset: int) -> Delegation:
    mentions = [replace(m, start=m.start + offset, end=m.end + offset) for m in d.mentions]
    start = d.start + offset if d.start is not None else None
    end = d.end + offset if d.end is not None else None
    return replace(d, start=start, end=end, mentions=mentions)


def _shift(item: Visit | Claim, offset: int):  # type: ignore[no-untyped-def]
    if item.start is None or item.end is None:
        return item
    return replace(item, start=item.start + offset, end=item.end + offset)
