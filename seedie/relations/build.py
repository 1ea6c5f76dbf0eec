"""Relation builders (no spaCy import): trip, visits and quantitative claims.

The delegation comes from upstream (``seedie_orgs`` finds it once, before linking); only
when a caller gives none is the same detector, :func:`seedie.orgs.delegation.find_delegation`,
run here on the text.

Everything here reads character offsets produced upstream (sentences, organizations,
quantities, dates, base-NER persons and places) and never raises on odd input: spans with
missing or out-of-range offsets are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field, replace
from functools import partial

from ..errors import Warnings
from ..orgs.delegation import DelegationInfo, find_delegation
from ..types import Claim, Company, DateMention, Delegation, Quantity, Trip, Visit
from .claims import find_claims
from .context import build_context
from .days import one_day
from .sites import site_organizations
from .speakers import build_speakers
from .subjects import Itinerary
from .trip import find_trip, guess_home
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
    """What ``build_relations`` found: the delegation, its trip, visits and claims, and the
    article's organizations when the sites visited changed them (None: unchanged; see
    :mod:`seedie.relations.sites`)."""

    delegation: Delegation | None = None
    trip: Trip | None = None
    visits: list[Visit] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    companies: list[Company] | None = None


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
    delegation: Delegation | None = None,
    find_group: bool = True,
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
        delegation: the delegation found upstream (with its mentions), if any.
        find_group: when no ``delegation`` is given, find it in ``text`` (False: the caller
            already looked and there is none).

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
    info = DelegationInfo(None, [])
    try:
        if delegation is not None:
            spans = sorted({(m.start, m.end) for m in delegation.mentions})
            if not spans and delegation.start is not None and delegation.end is not None:
                spans = [(delegation.start, delegation.end)]
            info = DelegationInfo(delegation, spans)
        elif find_group:
            info = find_delegation(text, [(s, e) for s, e, _ in places])
    except Exception:  # never raise on messy text; keep what later stages can still build
        _failed("delegation")
    delegation, spans = info.delegation, info.spans
    trip: Trip | None = None
    visits: list[Visit] = []
    orgs: list[Company] | None = None
    claims: list[Claim] = []
    try:
        trip, _ = find_trip(ctx, info, reference_date)
        if delegation is not None and delegation.home is None:
            delegation = replace(delegation, home=guess_home(ctx, trip.region if trip else None))
    except Exception:  # never raise on messy text; keep what later stages can still build
        _failed("trip")
    try:
        # No visiting group named (not even X一行): 市民张先生来到比亚迪4S店 is no visit.
        if delegation is not None:
            visits = find_visits(ctx, delegation, spans, trip)
            with_sites, visits = site_organizations(visits, companies)
            orgs = with_sites if with_sites != companies else None
        visits = one_day(ctx, visits, trip)
        trip = _dated_trip(trip, visits)
    except Exception:
        _failed("visits")
    try:
        speakers = partial(build_speakers, ctx, persons)  # built when a claim needs them
        claims = find_claims(ctx, quantities, speakers, spans, _itinerary(visits, delegation))
    except Exception:
        _failed("claims")
    return Relations(delegation=delegation, trip=trip, visits=visits, claims=claims, companies=orgs)


def _itinerary(visits: list[Visit], delegation: Delegation | None) -> Itinerary:
    """What the claims' subjects may refer to: the stops, the group and its home."""
    if delegation is None:
        return Itinerary(list(visits))
    return Itinerary(list(visits), delegation.home, delegation.name)


def _dated_trip(trip: Trip | None, visits: list[Visit]) -> Trip | None:
    """A trip without dates of its own spans its visits' days."""
    if trip is None or trip.start_date is not None:
        return trip
    dated = sorted(v.date for v in visits if v.date is not None)
    return replace(trip, start_date=dated[0], end_date=dated[-1]) if dated else trip
