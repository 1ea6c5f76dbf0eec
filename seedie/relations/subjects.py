"""The subject of a claim, chosen among the candidates around its quantity.

No spaCy import. Examples before 等, places after a preposition (在香港上市, 比全省) or
modifying another (园区内的某公司) are passed over.

The subject is the organization of a speaker who says "we" (“我们…”某集团总经理X说), else the
place the counted things are located in (112家企业坐落某地), else the visiting group when its
clause names it right before the figure (访问团参访了15家企业), else the first candidate of the
quantity's clause, else the subject of the previous claim in the sentence, else the
sentence's topic, else a subject named after the quantity (…产自广东), else the speaker's
organization, else the previous claim of the paragraph, else a place of the sentence, else the
topic of an earlier sentence of the paragraph, else the host the section's heading names, else
the organization the section is about, else the article's own place. 两地/双方 are kept as a
joint subject. :func:`subject_steps` yields these steps in that order, each with its name.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..text.sentences import CLAUSE_BREAKS
from ..types import Quantity, Visit
from .candidates import Cand, subject_candidates
from .context import (
    DocContext,
    lexicon,
    words_re,
)
from .hosts import find_hosts
from .local_places import home_place, outlet_place
from .speakers import SpeakerIndex


def _pick(cands: list[Cand], text: str = "") -> Cand | None:
    """The first organization-like candidate, else the first place; modifiers are passed over.

    园区内的某公司, 山脚下的某镇: in "A的B" with A a place or a word referring back, B is meant.
    """
    kept = []
    for i, c in enumerate(cands):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and text and c.kind in ("place", "ref"):
            gap = text[c.end : nxt.start]
            if gap.endswith("的") and len(gap) <= 4:
                continue
        kept.append(c)
    for c in kept:
        if c.org_like:
            return c
    return kept[0] if kept else None


def section_topics(ctx: DocContext) -> dict[int, Cand]:
    counts: dict[int, Counter[str]] = {}
    first: dict[tuple[int, str], int] = {}
    by_id: dict[str, Cand] = {}
    for o in ctx.orgs:
        sec, cid = ctx.section_of(o.start), o.company.id
        counter = counts.get(sec)
        if counter is None:
            counter = counts[sec] = Counter()
        counter[cid] += 1
        first.setdefault((sec, cid), o.start)
        if cid not in by_id:
            by_id[cid] = Cand(o.start, o.end, "org", o.company.name, cid)
    out: dict[int, Cand] = {}
    for sec, counter in counts.items():
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], first[(sec, kv[0])]))
        if ranked and ranked[0][1] >= 2:
            out[sec] = by_id[ranked[0][0]]
    return out


@dataclass(frozen=True, slots=True)
class Itinerary:
    """The visits in text order, the delegation's name and home: what a paragraph is about."""

    visits: list[Visit] = field(default_factory=list)
    home: str | None = None
    group: str | None = None
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    _hosts: set[str] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        self.visits.sort(key=lambda v: v.start or 0)
        self._starts.extend(v.start or 0 for v in self.visits)
        self._hosts.update(v.host for v in self.visits)

    def current(self, pos: int) -> Visit | None:
        """The last stop named at or before ``pos``."""
        i = bisect.bisect_right(self._starts, pos)
        return self.visits[i - 1] if i else None

    def hosts(self) -> set[str]:
        return self._hosts


@dataclass(frozen=True, slots=True)
class SubjectState:
    """What one claim's subject is chosen from: its place in the text and what came before."""

    s_index: int
    para: int | None
    c_start: int
    blocked: list[tuple[int, int]]
    speakers: SpeakerIndex
    itinerary: Itinerary  # the stops, the group and its home
    last_in_sentence: dict[int, Cand | None]
    last_in_paragraph: dict[int, Cand | None]
    topics: Callable[[], dict[int, Cand]]  # the section topics, found on the first call


def subject_steps(
    ctx: DocContext, q: Quantity, st: SubjectState, seen: list[Cand] | None = None
) -> Iterator[tuple[str, Cand | None]]:
    """Each step of the rules (module docstring), in their order of preference, named, with
    the candidate it finds (None: nothing); lazily, so the rules stop at the first one.

    ``seen`` (when given) receives every candidate of the sentence, before and after ``q``.
    """
    assert q.start is not None and q.end is not None
    s_start, s_end = ctx.sentences[st.s_index]
    text, blocked = ctx.text, st.blocked
    span = st.speakers.attribution_at(q.start)
    found: list[Cand | None] = []  # the speaker's organization, looked up at most once

    def speaker_org() -> Cand | None:
        if span is not None and not found:
            orgs = subject_candidates(ctx, span[0], span[1], blocked)
            found.append(next((c for c in orgs if c.kind == "org"), None))
        return found[0] if found else None

    # “我们在贵州的项目…”远航集团总经理X说: "we" is the speaker's organization, not the place
    # the sentence also names.
    we = span is not None and words_re("first_person_words").search(text, s_start, q.start)
    yield "speaker_we", speaker_org() if we else None
    yield "located", _located_in(ctx, q, blocked)
    in_clause = _not_examples(text, subject_candidates(ctx, st.c_start, q.start, blocked), q.start)
    yield "group", _group_subject(ctx, q, st, in_clause)
    yield "clause", _pick([c for c in in_clause if not adverbial(text, c)], text)
    yield "last_in_sentence", _previous(st.last_in_sentence, st.s_index)
    in_sentence = _not_examples(text, subject_candidates(ctx, s_start, q.start, blocked), q.start)
    yield "sentence", _pick([c for c in in_sentence if not adverbial(text, c)], text)
    # …产自广东: a subject after the quantity (not one after a preposition: 以某地为支点).
    after = subject_candidates(ctx, q.end, s_end, blocked)
    if seen is not None:
        seen += in_sentence + after
    yield "after", _pick([c for c in after if not adverbial(text, c)], text)
    # “我们…”总经理X说: the speaker's organization, named in the attribution.
    yield "speaker_org", speaker_org()
    para = st.para
    yield "last_in_paragraph", _previous(st.last_in_paragraph, para)
    yield "sentence_any", _pick(in_sentence, text)  # 在某地上市后市值…: a place as the last resort
    topic = _paragraph_topic(ctx, para, st.s_index, blocked) if para is not None else None
    yield "paragraph_topic", topic
    yield "section_host", _section_host(ctx, q.start)
    yield "section_topic", st.topics().get(ctx.section_of(q.start))
    home = home_place(ctx) if outlet_place(ctx) else None
    yield "home", Cand(q.start, q.start, "place", home, None) if home else None


def rule_subject(ctx: DocContext, q: Quantity, st: SubjectState) -> Cand | None:
    """The subject the rules choose: the first step that finds one."""
    found = next((c for _, c in subject_steps(ctx, q, st) if c is not None), None)
    return None if found is NO_SUBJECT else found


# An earlier claim of the sentence or paragraph that had no subject: the rules stop there.
NO_SUBJECT = Cand(0, 0, "none", None, None)


def _previous(last: dict[int, Cand | None], key: int | None) -> Cand | None:
    if key is None or key not in last:
        return None
    found = last[key]
    return NO_SUBJECT if found is None else found


_GROUP_AFTER = 4  # characters between a figure and the group it describes (…人组成的)


def _group_subject(
    ctx: DocContext, q: Quantity, st: SubjectState, in_clause: list[Cand]
) -> Cand | None:
    """访问团一行共25人 / 全团共60人 / 访问团参访了某某等15家企业: the group's own figure.

    The group (a mention of it, or 全团/该团) is the last thing named in the clause before
    the figure; examples before 等 do not count. A figure that describes the group named
    right after it counts too (共10人组成的某某考察团).
    """
    assert q.start is not None and q.end is not None
    group = st.itinerary.group
    if not group:
        return None
    text, blocked = ctx.text, st.blocked  # sorted by start (find_claims)
    i = bisect.bisect_left(blocked, (q.end, -1))
    while i < len(blocked) and blocked[i][0] <= q.end + _GROUP_AFTER:
        s, e = blocked[i]
        if not any(b in text[q.end : s] for b in CLAUSE_BREAKS):
            return Cand(s, e, "org", group, None)
        i += 1
    lo = bisect.bisect_left(blocked, (st.c_start, -1))
    hi = bisect.bisect_left(blocked, (q.start, -1))
    spans = [(s, e) for s, e in blocked[lo:hi] if e <= q.start]
    words = words_re("group_coref").finditer(ctx.text, st.c_start, q.start)
    spans += [(m.start(), m.end()) for m in words]
    if not spans:
        return None
    start, end = max(spans, key=lambda se: se[1])
    if any(c.start >= end for c in in_clause):
        return None
    return Cand(start, end, "org", group, None)


def adverbial(text: str, cand: Cand) -> bool:
    """A place after a preposition (在香港上市, 从深圳出发): where, not who."""
    if cand.kind != "place":
        return False
    return any(text.startswith(p, cand.start - len(p)) for p in lexicon()["prepositions"])


def _not_examples(text: str, cands: list[Cand], q_start: int) -> list[Cand]:
    """Drop the examples of a counted set: 华为等30家企业 counts firms, it is not about 华为."""
    markers = lexicon()["example_markers"]
    out = []
    for c in cands:
        between = text[c.end : q_start]
        if any(m in between for m in markers) and not any(b in between for b in CLAUSE_BREAKS):
            continue
        out.append(c)
    return out


def _located_in(ctx: DocContext, q: Quantity, blocked: list[tuple[int, int]]) -> Cand | None:
    """112家伙伴坐落某地 / 30家企业落户某地: the counted things' place is the subject."""
    assert q.end is not None
    if q.kind != "count":
        return None
    _, c_end = ctx.clause_bounds(q.start or 0)
    tail = ctx.text[q.end : c_end]
    for verb in lexicon()["locative_verbs"]:
        at = tail.find(verb)
        if 0 <= at <= 12:
            pos = q.end + at + len(verb)
            for c in subject_candidates(ctx, pos, c_end, blocked):
                if c.start - pos <= 1 and c.kind == "place":
                    return c
    return None


def _paragraph_topic(
    ctx: DocContext, para: int, s_index: int, blocked: list[tuple[int, int]]
) -> Cand | None:
    """The first subject candidate (by position) of the nearest earlier sentence."""
    p_start, _ = ctx.paragraphs[para]
    for j in range(s_index - 1, -1, -1):
        start, end = ctx.sentences[j]
        if end <= p_start:
            break
        cands = subject_candidates(ctx, max(start, p_start), end, blocked)
        first = _pick([c for c in cands if c.kind == "place"], text=ctx.text)
        if cands:
            return first if first is not None and first.start <= cands[0].start + 8 else cands[0]
    return None


def _section_host(ctx: DocContext, pos: int) -> Cand | None:
    """The host a section's heading names (某某项目 on its own line above the paragraph)."""
    if "claims:heading_hosts" not in ctx._indexes:
        headings = set(ctx.headings)
        ctx._indexes["claims:heading_hosts"] = [
            h for h in find_hosts(ctx) if not h.generic and ctx.paragraph_of(h.start) in headings
        ]
    section = ctx.section_of(pos)
    chosen = None
    for h in ctx._indexes["claims:heading_hosts"]:
        if h.start > pos:
            break
        if ctx.section_of(h.start) == section:
            chosen = h
    return Cand(chosen.start, chosen.end, "org", chosen.name, None) if chosen else None
