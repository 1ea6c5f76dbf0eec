"""Relation builders (no spaCy import): delegation, trip, visits and quantitative claims.

Everything here reads character offsets produced upstream (sentences, organizations,
quantities, dates, base-NER persons and places) and never raises on odd input: spans with
missing or out-of-range offsets are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field, replace

from ..errors import Warnings
from ..orgs.names import lexicon as org_lexicon
from ..types import Claim, Company, DateMention, Delegation, Quantity, Trip, Visit
from .claims import find_claims
from .context import build_context
from .delegation import find_delegation, find_trip, guess_home
from .speakers import build_speakers
from .visits import find_visits

__all__ = ["STRICT_ENV", "Relations", "build_relations", "strict"]

logger = logging.getLogger("seedie")

STRICT_ENV = "SEEDIE_STRICT"
# None: follow the environment variable; True/False: override it (tests, debugging).
STRICT: bool | None = None


def strict() -> bool:
    """True when a failing step must raise (``SEEDIE_STRICT=1`` or ``STRICT = True``)."""
    if STRICT is not None:
        return STRICT
    return os.environ.get(STRICT_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _failed(stage: str) -> None:
    """Log the exception being handled with its traceback; re-raise it in strict mode."""
    logger.warning(Warnings.W003.format(stage=stage), exc_info=True)
    if strict():
        raise  # noqa: PLE0704 - called only from an except block


@dataclass(frozen=True, slots=True, kw_only=True)
class Relations:
    """What ``build_relations`` found: the delegation, its trip, visits and claims."""

    delegation: Delegation | None = None
    trip: Trip | None = None
    visits: list[Visit] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def build_relations(
    text: str,
    *,
    sentences: list[tuple[int, int]],
    companies: list[Company],
    quantities: list[Quantity],
    dates: list[DateMention],
    persons: list[tuple[int, int, str]],
    places: list[tuple[int, int, str]],
    reference_date: dt.date | None = None,
) -> Relations:
    """Build the delegation, trip, visits and claims of one article.

    Args:
        text: the article.
        sentences: (start, end) offsets, e.g. from ``split_sentences(text)``.
        companies: linked organizations with their mentions.
        quantities: quantities with start/end offsets (others are skipped).
        dates: date mentions resolved against ``reference_date``.
        persons, places: base-NER spans (start, end, label).
        reference_date: the article's date, used when a date range has no year.

    Returns:
        Relations; empty when nothing is found.

    Example:
        >>> build_relations("", sentences=[], companies=[], quantities=[], dates=[],
        ...                 persons=[], places=[]).visits
        []
    """
    if not text:
        return Relations()
    try:
        ctx = build_context(text, sentences, companies, places, dates)
    except Exception:  # malformed spans: nothing is safe to build on
        _failed("context")
        return Relations()
    delegation: Delegation | None = None
    spans: list[tuple[int, int]] = []
    trip: Trip | None = None
    visits: list[Visit] = []
    claims: list[Claim] = []
    try:
        info = find_delegation(ctx)
        delegation, spans = info.delegation, info.spans
        trip, _ = find_trip(ctx, info, reference_date)
        if delegation is not None and delegation.home is None:
            delegation = replace(delegation, home=guess_home(ctx, trip.region if trip else None))
    except Exception:  # never raise on messy text; keep what later stages can still build
        _failed("delegation/trip")
    try:
        visits = find_visits(ctx, delegation, spans, trip)
        if delegation is None:
            # No delegation named: keep only visits whose sentence names a visiting group
            # (考察组, 调研组, 一行 …), not 市民张先生来到比亚迪4S店.
            groups = org_lexicon().group_re
            visits = [v for v in visits if "一行" in v.sentence or groups.search(v.sentence)]
            visits = [replace(v, id=f"v{i}") for i, v in enumerate(visits, 1)]
        if trip is not None and trip.start_date is None:
            dated = sorted(v.date for v in visits if v.date is not None)
            if dated:
                trip = replace(trip, start_date=dated[0], end_date=dated[-1])
    except Exception:
        _failed("visits")
    try:
        claims = find_claims(ctx, quantities, build_speakers(ctx, persons), spans)
    except Exception:
        _failed("claims")
    return Relations(delegation=delegation, trip=trip, visits=visits, claims=claims)
