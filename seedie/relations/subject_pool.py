"""The candidate pool of one claim's subject and the features the learned ranker reads.

No spaCy import. Candidates come from the rules (every step of
:func:`seedie.relations.subjects.subject_steps`, every candidate of the sentence) and from
the itinerary (the stop the delegation is at when the figure is given). One entity is one
candidate: its mention nearest before the figure stands for it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..text.sentences import CLAUSE_BREAKS
from ..types import Quantity
from .candidates import Cand
from .context import DocContext, lexicon, normalize_place
from .ranker import Candidate, Pool, choose, log_scale, pools_wanted
from .subjects import NO_SUBJECT, SubjectState, adverbial, rule_subject, subject_steps

__all__ = ["choose_subject"]


@dataclass(slots=True)
class _Entry:
    cand: Cand
    steps: set[str] = field(default_factory=set)


def choose_subject(ctx: DocContext, q: Quantity, st: SubjectState) -> Cand | None:
    """The subject of ``q``: the ranker's choice among the pool (the rules' when no model)."""
    assert q.start is not None and q.end is not None
    if not pools_wanted():
        return rule_subject(ctx, q, st)
    seen: list[Cand] = []
    entries: dict[str, _Entry] = {}
    rule: Cand | None = None
    for step, cand in subject_steps(ctx, q, st, seen):
        if cand is None:
            continue
        if rule is None:
            rule = cand
        if cand is not NO_SUBJECT and cand.name:
            _add(entries, cand, q.start).steps.add(step)
    for cand in seen:
        if cand.name:
            _add(entries, cand, q.start)
    stop = st.itinerary.current(q.start)
    if stop is not None and stop.start is not None and stop.end is not None:
        cand = Cand(stop.start, stop.end, "org", stop.host, stop.host_id)
        _add(entries, cand, q.start).steps.add("current_stop")
    rule = None if rule is NO_SUBJECT else rule
    names = list(entries)
    named = [c for c in seen if c.name]  # the sentence's candidates, before and after q
    first = min(named, key=lambda c: c.start).name if named else None
    pool = Pool(
        start=q.start,
        end=q.end,
        value=q.value,
        unit=q.unit,
        candidates=tuple(_candidate(ctx, q, st, entries[n], rule, first) for n in names),
        rule=names.index(rule.name) if rule is not None and rule.name in entries else None,
    )
    picked = choose(pool)
    if picked is None or picked == pool.rule:
        return rule
    return entries[names[picked]].cand


def _org_stats(ctx: DocContext) -> tuple[Counter[str], set[str]]:
    """Mentions per organization name, and the ids of government bodies (once per text)."""
    key = "claims:org_stats"
    if key not in ctx._indexes:
        counts = Counter(o.company.name for o in ctx.orgs)
        government = {o.company.id for o in ctx.orgs if o.company.kind == "government"}
        ctx._indexes[key] = (counts, government)
    stats: tuple[Counter[str], set[str]] = ctx._indexes[key]
    return stats


def _add(entries: dict[str, _Entry], cand: Cand, pos: int) -> _Entry:
    """Merge ``cand`` into its entity's entry, keeping the mention nearest before ``pos``."""
    assert cand.name is not None
    entry = entries.get(cand.name)
    if entry is None:
        entry = entries[cand.name] = _Entry(cand)
    elif _nearer(cand, entry.cand, pos):
        entry.cand = cand
    return entry


def _nearer(a: Cand, b: Cand, pos: int) -> bool:
    if (a.start <= pos) != (b.start <= pos):
        return a.start <= pos
    return a.start > b.start if a.start <= pos else a.start < b.start


def _candidate(
    ctx: DocContext,
    q: Quantity,
    st: SubjectState,
    entry: _Entry,
    rule: Cand | None,
    first: str | None,
) -> Candidate:
    c, text = entry.cand, ctx.text
    assert c.name is not None and q.start is not None and q.end is not None
    s_start, s_end = ctx.sentences[st.s_index]
    f: dict[str, float] = {f"step:{s}": 1.0 for s in entry.steps}
    f[f"kind:{c.kind}"] = 1.0
    if rule is not None and rule.name == c.name:
        f["rule"] = 1.0
    if st.c_start <= c.start < q.start:
        f["pos:clause"] = 1.0
    elif s_start <= c.start < q.start:
        f["pos:sentence"] = 1.0
    elif q.end <= c.start < s_end:
        f["pos:after"] = 1.0
    else:
        f["pos:outside"] = 1.0
    gap = q.start - c.end if c.end <= q.start else c.start - q.end
    f["distance"] = log_scale(abs(gap), 400)
    between = text[c.end : q.start] if c.end <= q.start else ""
    f["breaks_between"] = log_scale(sum(between.count(b) for b in CLAUSE_BREAKS), 8)
    if first == c.name:
        f["first_in_sentence"] = 1.0
    if adverbial(text, c):
        f["adverbial"] = 1.0
    if text.startswith("的", c.end):
        f["modifier"] = 1.0
    if any(m in between for m in lexicon()["example_markers"]):
        f["example"] = 1.0
    if c.kind == "place" and ctx.orgs_in(c.end, c.end + 2):
        f["place_before_org"] = 1.0
    itinerary = st.itinerary
    if c.name in itinerary.hosts():
        f["visited"] = 1.0
    if itinerary.home and normalize_place(c.name) == normalize_place(itinerary.home):
        f["home"] = 1.0
    counts, government = _org_stats(ctx)
    f["mentions"] = log_scale(counts.get(c.name, 0), 20)
    if c.id is not None and c.id in government:
        f["government"] = 1.0
    return Candidate(name=c.name, id=c.id, kind=c.kind, start=c.start, end=c.end, features=f)
