"""Subject candidates of a span, with words that refer back resolved.

No spaCy import. Candidates are organizations, named hosts, places, and words that refer
back: 公司/该集团/其 to the last organization, 项目/小镇/一期工程 to the last host of that
kind, 该市 to the last city, 我市/全市/全省 to the article's own place. Places in passing
(从X到Y), quoted terms and names that swallowed an amount are no candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text.spans import SpanIndex
from .context import (
    DocContext,
    OrgSpan,
    lexicon,
    words_re,
)
from .hosts import Host, hosts_in
from .local_places import is_level, local_place, places_in

_AMOUNT_IN_NAME = re.compile(r"\d+(?:\.\d+)?[万亿]*元")


@dataclass(frozen=True, slots=True)
class Cand:
    start: int
    end: int
    kind: str  # "org" | "ref" (项目/园区 referring back) | "place" | "joint"
    name: str | None
    id: str | None

    @property
    def org_like(self) -> bool:
        return self.kind in ("org", "ref", "joint")


def subject_candidates(
    ctx: DocContext, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[Cand]:
    """Subject candidates in [start, end): organizations, hosts, places, coreferences.

    Kept per span for the text's blocked list (the claims of a paragraph ask again for an
    earlier sentence's); each caller gets its own copy of the list."""
    key = f"claims:candidates:{start}:{end}"
    cached = ctx._indexes.get(key)
    if cached is None or cached[0] is not blocked:
        cached = ctx._indexes[key] = (blocked, _candidates(ctx, start, end, blocked))
    found: list[Cand] = cached[1]
    return list(found)


def _candidates(
    ctx: DocContext, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[Cand]:
    """:func:`subject_candidates`, computed."""
    lex = lexicon()
    out: list[Cand] = []

    blocked_index = ctx.span_index(blocked)

    def free(s: int, e: int) -> bool:
        return not blocked_index.covers(s, e) and not _in_term_quote(ctx.text, s, e)

    hosts = hosts_in(ctx, start, end)
    covered = [(h.start, h.end) for h in hosts if not h.generic]
    for h in hosts:
        if not free(h.start, h.end):
            continue
        if h.generic:
            out.append(_resolve_host(ctx, h, blocked))
        else:
            out.append(Cand(h.start, h.end, "org", h.name, None))
    for o in ctx.orgs_in(start, end):
        if _swallowed_org(ctx, o):
            continue  # 9万元某某大学: a name that swallowed an amount
        if free(o.start, o.end) and not any(s <= o.start and o.end <= e for s, e in covered):
            out.append(Cand(o.start, o.end, "org", o.company.name, o.company.id))
    for p in places_in(ctx, start, end):
        if free(p.start, p.end) and not ctx.inside_org(p.start, p.end):
            if not any(s <= p.start and p.end <= e for s, e in covered):
                out.append(Cand(p.start, p.end, "place", p.name, None))
    text = ctx.text
    for m in words_re("local_place_words").finditer(text, start, end):
        if any(p.start == m.end() for p in ctx.places_in(m.end(), min(end, m.end() + 10))):
            continue  # 我市某某县: the place named after it is the one meant
        name = local_place(ctx, m.group(), m.start())
        out.append(Cand(m.start(), m.end(), "place", name, None))
    for m in words_re("place_coref").finditer(text, start, end):
        out.append(_resolve_place(ctx, m.start(), len(m.group())))
    clause_start, _ = ctx.clause_bounds(start)
    lead = len(text[clause_start:end]) - len(text[clause_start:end].lstrip())
    head = clause_start + lead
    for d in ctx.dates_in(head, min(end, head + 12)):
        if d.start == head and d.end is not None:
            head = d.end  # 2024年企业营收…: the date is not the subject
    word = _coref_at(text, head) if head >= start else None
    if word is not None and not any(c.start == head for c in out):
        out.append(_resolve_coref(ctx, head, len(word), blocked))
    for m in words_re("company_coref_anywhere").finditer(text, start, end):
        pos, word = m.start(), m.group()
        not_qi = lex["not_qi_words"]  # 其中, 尤其: 其 refers to nothing
        if word == "其" and any(text.startswith(w, pos - w.index("其")) for w in not_qi):
            continue
        if any(c.start <= pos < c.end for c in out):
            continue
        out.append(_resolve_coref(ctx, pos, len(word), blocked))
    for m in words_re("joint_subjects").finditer(text, start, end):
        out.append(Cand(m.start(), m.end(), "joint", m.group(), None))
    out = [c for c in out if c.kind == "joint" or c.name is not None]
    out = [c for c in out if not _passing(ctx, c)]
    out.sort(key=lambda c: (c.start, -c.end))
    return out


@cache
def _corefs_by_first() -> dict[str, tuple[str, ...]]:
    """The words of ``company_coref`` (公司, 该集团) by first character, in list order."""
    out: dict[str, tuple[str, ...]] = {}
    for word in lexicon()["company_coref"]:
        out[word[:1]] = (*out.get(word[:1], ()), word)
    return out


def _coref_at(text: str, pos: int) -> str | None:
    """The first word of ``company_coref`` (in list order) at ``pos``, if any."""
    words = _corefs_by_first().get(text[pos : pos + 1], ())
    return next((w for w in words if text.startswith(w, pos)), None)


def swallowed(ctx: DocContext, start: int, end: int) -> bool:
    """True when an organization mention over [start, end) holds an amount (9万元某大学).

    Such a mention is a name finder's error: the amount stays a claim and the mention is no
    subject.
    """
    amounts: SpanIndex[None] | None = ctx._indexes.get("claims:amounts")
    for o in ctx.orgs_in(max(0, start - 40), end + 40):
        if o.start <= start and end <= o.end or start <= o.start and o.end <= end:
            if _AMOUNT_IN_NAME.search(o.company.name):
                return True
            if amounts is not None and amounts.inside(o.start, o.end):
                return True
    return False


def _swallowed_org(ctx: DocContext, o: OrgSpan) -> bool:
    """:func:`swallowed` for a mention of ``ctx.orgs``: the only mention containing it or
    contained in it is itself (build_context keeps none nested in another), so its own name
    and span decide."""
    if _AMOUNT_IN_NAME.search(o.company.name):
        return True
    amounts: SpanIndex[None] | None = ctx._indexes.get("claims:amounts")
    return amounts is not None and bool(amounts.inside(o.start, o.end))


def _passing(ctx: DocContext, cand: Cand) -> bool:
    """A place named in passing: either end of a change or route (从X到Y)."""
    if cand.kind != "place":
        return False
    text = ctx.text
    # The clause start by bisection: a walk back would cost the whole text per place in a
    # text without punctuation.
    at = text.rfind("从", ctx.clause_start(cand.start), cand.start)
    if at == -1:
        return False
    return "到" in text[at : cand.start] or "到" in text[cand.end : cand.end + 12]


def _same_kind(head: str, name: str) -> bool:
    """园区 refers to a 软件园 or a 高新区 too; 项目 only to a 项目."""
    if head in name:
        return True
    if "园" in head or head.endswith("区"):
        return "园" in name or name.endswith("区")
    return False


def _resolve_host(ctx: DocContext, host: Host, blocked: list[tuple[int, int]]) -> Cand:
    """项目/一期工程/小镇 at a clause head -> the last host or organization of that kind in the
    section, else of that kind anywhere, else the stop just named (an organization or host
    within a few sentences), else the section's last named host.
    """
    cid: str | None  # declared: the first items of the pool have none
    section = ctx.section_of(host.start)
    before = hosts_in(ctx, max(0, host.start - _HOST_REACH), host.start)
    pool: list[tuple[int, str, str | None, bool]] = [
        (h.start, h.name, None, True) for h in before if not h.generic
    ]
    for seen, o in enumerate(ctx.orgs_before(host.start)):
        if seen >= _COREF_LOOKBACK:
            break
        if not _swallowed_org(ctx, o):
            pool.append((o.start, o.company.name, o.company.id, o.company.kind != "government"))
    pool.sort(key=lambda x: -x[0])
    for s, name, cid, _ in pool:
        if ctx.section_of(s) == section and _same_kind(host.head, name):
            return Cand(host.start, host.end, "ref", name, cid)
    for _s, name, cid, _ in pool:
        if _same_kind(host.head, name):
            return Cand(host.start, host.end, "ref", name, cid)
    for s, name, cid, stop in pool:
        if host.start - s > _STOP_REACH:
            break
        if stop:
            return Cand(host.start, host.end, "ref", name, cid)
    for s, name, cid, _ in pool:
        if cid is None and ctx.section_of(s) == section:
            return Cand(host.start, host.end, "ref", name, cid)
    return Cand(host.start, host.end, "ref", None, None)


def _resolve_place(ctx: DocContext, pos: int, size: int) -> Cand:
    """该市/该县/当地 -> the last place of that level named before ``pos``."""
    word = ctx.text[pos : pos + size]
    level = word[-1] if word.startswith("该") else ""
    for p in reversed(ctx.places_in(0, pos)):
        if not level or is_level(ctx, p.text, level):
            return Cand(pos, pos + size, "place", p.name, None)
    return Cand(pos, pos + size, "place", None, None)


def _in_term_quote(text: str, start: int, end: int) -> bool:
    """Inside a short quoted term (“李子界爱马仕”): a metaphor or slogan, not a subject."""
    open_at = text.rfind("“", max(0, start - 10), start + 1)
    if open_at < 0 or "”" in text[open_at:start]:
        return False
    close_at = text.find("”", end, end + 10)
    return close_at >= 0 and close_at - open_at <= 12


def _resolve_coref(ctx: DocContext, pos: int, size: int, blocked: list[tuple[int, int]]) -> Cand:
    """公司/该集团/其 at ``pos`` -> the last organization named before it (same section first)."""
    word = ctx.text[pos : pos + size]
    # 该院 -> the last 研究院, 该集团 -> the last 集团, 园区 -> the last 园区: the noun names
    # the kind of body.
    kind = word[1:] if word.startswith("该") and size > 1 else word
    kind = "" if kind in lexicon()["any_kind_refs"] else kind  # 其, 公司: any organization
    section = ctx.section_of(pos)
    # Preference order: same kind in the same section, same kind anywhere, any org in the
    # same section, any org before. Walking back from pos stops at the first of each.
    best: dict[int, OrgSpan] = {}
    for seen, o in enumerate(ctx.orgs_before(pos)):
        if seen >= _COREF_LOOKBACK and best:
            break  # far enough back: a long document must not make this a full scan
        if _swallowed_org(ctx, o):
            continue
        same_section = ctx.section_of(o.start) == section
        fits = bool(kind) and kind in o.company.name
        for rank, ok in ((0, fits and same_section), (1, fits), (2, same_section), (3, True)):
            if ok and rank not in best:
                best[rank] = o
        if 0 in best or (not kind and 2 in best):
            break
    found = next((best[r] for r in (0, 1, 2, 3) if r in best), None)
    if found is None:
        return Cand(pos, pos + size, "org", None, None)
    return Cand(pos, pos + size, "org", found.company.name, found.company.id)


_COREF_LOOKBACK = 300  # organization mentions
_STOP_REACH = 200  # characters back to the stop just named (该项目 after 察看了某基地)
_HOST_REACH = 20000  # characters back to look for the host a 项目/园区 refers to
