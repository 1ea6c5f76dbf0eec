"""Quantitative claims: subject + metric + quantity (+ time, modality, speaker).

No spaCy import. The subject is the topic of the quantity's clause (its first organization,
else its first place; 公司/集团/其 resolve to the last organization named), else the subject
of the previous claim in the sentence, else the sentence's topic, else a subject named after
the quantity (…产自广东), else the previous claim of the paragraph, else the organization
the section is about. 两地/双方 give an explicit joint subject (None).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..types import Claim, Quantity
from .context import DocContext, OrgSpan, lexicon
from .speakers import SpeakerIndex

_NOT_QI = ("其中", "其他", "其它", "其实", "其余", "其次", "尤其", "极其", "及其", "与其", "其间")
_FOLLOW_STOP = re.compile(
    r"[，。；：、,;:！？!?（(“”‘’\s…]|在|从|出资|坐落|落户|产自|来自|设立|直达|实现|覆盖|是|已|将|等|及|和|与|就|的|为|被|把|来|也|都"
)
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_SMALL = 10.0


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "org" | "place" | "joint"
    name: str | None
    id: str | None

    @property
    def org_like(self) -> bool:
        return self.kind in ("org", "joint")


@lru_cache(maxsize=1)
def _metric_re() -> re.Pattern[str]:
    words = sorted(lexicon()["metric_words"], key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(w) for w in words))


def _candidates(
    ctx: DocContext, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[_Cand]:
    """Subject candidates in [start, end): organizations, places, coreferences, joint words."""
    lex = lexicon()
    out: list[_Cand] = []

    blocked_index = ctx.span_index(blocked)

    def free(s: int, e: int) -> bool:
        return not blocked_index.covers(s, e) and not _in_term_quote(ctx.text, s, e)

    for o in ctx.orgs_in(start, end):
        if free(o.start, o.end):
            out.append(_Cand(o.start, o.end, "org", o.company.name, o.company.id))
    for p in ctx.places_in(start, end):
        if free(p.start, p.end) and not ctx.inside_org(p.start, p.end):
            out.append(_Cand(p.start, p.end, "place", p.name, None))
    text = ctx.text
    clause_start, _ = ctx.clause_bounds(start)
    lead = len(text[clause_start:end]) - len(text[clause_start:end].lstrip())
    head = clause_start + lead
    for word in lex["company_coref"]:
        if head >= start and text.startswith(word, head):
            out.append(_resolve_coref(ctx, head, len(word), blocked))
            break
    for word in lex["company_coref_anywhere"]:
        for m in re.finditer(re.escape(word), text[start:end]):
            pos = start + m.start()
            if word == "其" and any(text.startswith(w, pos - w.index("其")) for w in _NOT_QI):
                continue
            out.append(_resolve_coref(ctx, pos, len(word), blocked))
    for word in lex["joint_subjects"]:
        for m in re.finditer(re.escape(word), text[start:end]):
            out.append(_Cand(start + m.start(), start + m.end(), "joint", None, None))
    out = [c for c in out if c.kind != "org" or c.name is not None]
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _in_term_quote(text: str, start: int, end: int) -> bool:
    """Inside a short quoted term (“李子界爱马仕”): a metaphor or slogan, not a subject."""
    open_at = text.rfind("“", max(0, start - 10), start + 1)
    if open_at < 0 or "”" in text[open_at:start]:
        return False
    close_at = text.find("”", end, end + 10)
    return close_at >= 0 and close_at - open_at <= 12


def _resolve_coref(ctx: DocContext, pos: int, size: int, blocked: list[tuple[int, int]]) -> _Cand:
    """公司/该集团/其 at ``pos`` -> the last organization named before it (same section first)."""
    word = ctx.text[pos : pos + size]
    # 该院 -> the last 研究院, 该集团 -> the last 集团, 园区 -> the last 园区: the noun names
    # the kind of body.
    kind = word[1:] if word.startswith("该") and size > 1 else word
    kind = "" if kind in _ANY_KIND else kind
    section = ctx.section_of(pos)
    # Preference order: same kind in the same section, same kind anywhere, any org in the
    # same section, any org before. Walking back from pos stops at the first of each.
    best: dict[int, OrgSpan] = {}
    for seen, o in enumerate(ctx.orgs_before(pos)):
        if seen >= _COREF_LOOKBACK and best:
            break  # far enough back: a long document must not make this a full scan
        same_section = ctx.section_of(o.start) == section
        fits = bool(kind) and kind in o.company.name
        for rank, ok in ((0, fits and same_section), (1, fits), (2, same_section), (3, True)):
            if ok and rank not in best:
                best[rank] = o
        if 0 in best or (not kind and 2 in best):
            break
    o = next((best[r] for r in (0, 1, 2, 3) if r in best), None)
    if o is None:
        return _Cand(pos, pos + size, "org", None, None)
    return _Cand(pos, pos + size, "org", o.company.name, o.company.id)


def _pick(cands: list[_Cand]) -> _Cand | None:
    for c in cands:
        if c.org_like:
            return c
    return cands[0] if cands else None


def _skip(ctx: DocContext, q: Quantity, metric: str | None, strong: bool) -> bool:
    text = ctx.text
    assert q.start is not None and q.end is not None
    if ctx.overlaps_date(q.start, q.end):
        return True
    if ctx.inside_org(q.start, q.end):
        return True
    if (q.start > 0 and _ASCII_ALNUM.match(text[q.start - 1])) or (
        q.end < len(text) and _ASCII_ALNUM.match(text[q.end])
    ):
        return True
    if text[max(0, q.start - 1) : q.start] == "第" or q.text.startswith("第"):
        return True
    if any(text.startswith(f, q.end) for f in lexicon()["skip_followers"]):
        return True
    small = q.value is not None and abs(q.value) <= _SMALL and q.qualifier == "exact"
    if small and text[q.end : q.end + 1] == "大":
        return True
    if q.kind in lexicon()["weak_kinds"] and not strong:
        return True
    if q.kind != "percent" and small and not strong:
        return True
    if q.kind == "count" and not q.unit and metric is None:
        return True
    return False


def _metric(
    ctx: DocContext, q: Quantity, clause_start: int, clause_end: int
) -> tuple[str | None, bool]:
    """(metric, from the word list) for ``q``."""
    text = ctx.text
    assert q.start is not None and q.end is not None
    following = _following_phrase(text, q, clause_end) if q.kind in ("count", "percent") else None
    if following and text.startswith("的", q.end):
        return following, False
    best: tuple[int, int, str] | None = None
    for m in _metric_re().finditer(text, clause_start, q.start):
        if ctx.inside_org(m.start(), m.end()):
            continue
        if best is None or (m.end(), len(m.group())) > (best[0], best[1]):
            best = (m.end(), len(m.group()), m.group())
    if best is not None and q.start - best[0] <= 12:
        word = best[2]
        start = best[0] - len(word)
        if word.startswith("年") and len(word) > 2 and text[start - 1 : start] in "今去明前当同上":
            word = word[1:]  # 今年营收 is 营收 this year, not 年营收
        return word, True
    return following, False


def _following_phrase(text: str, q: Quantity, clause_end: int) -> str | None:
    """The noun after a count or share: 19家蛋企在… -> 蛋企; 70%的消费级无人机 -> 消费级无人机."""
    assert q.end is not None
    pos = q.end
    if text.startswith("的", pos):
        pos += 1
    stop = _FOLLOW_STOP.search(text, pos, min(clause_end, pos + 12))
    phrase = text[pos : stop.start() if stop else min(clause_end, pos + 10)]
    if 2 <= len(phrase) <= 10 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", phrase):
        return phrase
    return None


def _modality(ctx: DocContext, clause_start: int, q_start: int) -> str:
    lex = lexicon()
    prefix = ctx.text[clause_start:q_start]
    if any(c in prefix for c in lex["target_cues"]):
        return "target"
    if any(c in prefix for c in lex["forecast_cues"]) or "将" in prefix[-6:]:
        return "forecast"
    return "actual"


def _time(ctx: DocContext, s_start: int, clause_start: int, q_start: int) -> str | None:
    in_clause = ctx.dates_in(clause_start, q_start)
    if in_clause:
        return in_clause[-1].text
    in_sentence = ctx.dates_in(s_start, q_start)
    return in_sentence[-1].text if in_sentence else None


def _section_topics(ctx: DocContext) -> dict[int, _Cand]:
    counts: dict[int, Counter[str]] = {}
    first: dict[tuple[int, str], int] = {}
    by_id: dict[str, _Cand] = {}
    for o in ctx.orgs:
        sec = ctx.section_of(o.start)
        counts.setdefault(sec, Counter())[o.company.id] += 1
        first.setdefault((sec, o.company.id), o.start)
        by_id.setdefault(o.company.id, _Cand(o.start, o.end, "org", o.company.name, o.company.id))
    out: dict[int, _Cand] = {}
    for sec, counter in counts.items():
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], first[(sec, kv[0])]))
        if ranked and ranked[0][1] >= 2:
            out[sec] = by_id[ranked[0][0]]
    return out


def find_claims(
    ctx: DocContext,
    quantities: list[Quantity],
    speakers: SpeakerIndex,
    blocked: list[tuple[int, int]],
) -> list[Claim]:
    """One Claim per usable quantity, in text order.

    Example: ``"盛屯已累计完成投资45.9亿元，解决就业1500余人。"`` -> two claims with subject
    盛屯 and metrics 累计完成投资 / 就业.
    """
    n = len(ctx.text)
    usable = sorted(
        {
            (q.start, q.end): q
            for q in quantities
            if q.start is not None and q.end is not None and 0 <= q.start < q.end <= n
        }.values(),
        key=lambda q: (q.start, q.end),
    )
    topics = _section_topics(ctx)
    headings = set(ctx.headings)
    last_in_sentence: dict[int, _Cand | None] = {}
    last_in_paragraph: dict[int, _Cand | None] = {}
    claims: list[Claim] = []
    for q in usable:
        assert q.start is not None and q.end is not None
        s_index = ctx.sentence_of(q.start)
        para = ctx.paragraph_of(q.start)
        if s_index is None or (para is not None and para in headings):
            continue
        s_start, s_end = ctx.sentences[s_index]
        c_start, c_end = ctx.clause_bounds(q.start)
        metric, strong = _metric(ctx, q, c_start, c_end)
        if _skip(ctx, q, metric, strong):
            continue
        subject = _subject(
            ctx,
            q,
            s_index,
            para,
            c_start,
            blocked,
            speakers,
            last_in_sentence,
            last_in_paragraph,
            topics,
        )
        last_in_sentence[s_index] = subject
        if para is not None:
            last_in_paragraph[para] = subject
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                subject=subject.name if subject else None,
                subject_id=subject.id if subject else None,
                quantity=q,
                metric=metric,
                time=_time(ctx, s_start, c_start, q.start),
                modality=_modality(ctx, c_start, q.start),
                speaker=speakers.speaker_at(q.start),
                sentence=ctx.text[s_start:s_end],
                start=q.start,
                end=q.end,
            )
        )
    return claims


_ANY_KIND = frozenset({"其", "公司", "集团", "企业"})  # refer to any organization
_COREF_LOOKBACK = 300  # organization mentions
_FIRST_PERSON = re.compile(r"我们|我司|本公司|我公司|咱们")


def _subject(
    ctx: DocContext,
    q: Quantity,
    s_index: int,
    para: int | None,
    c_start: int,
    blocked: list[tuple[int, int]],
    speakers: SpeakerIndex,
    last_in_sentence: dict[int, _Cand | None],
    last_in_paragraph: dict[int, _Cand | None],
    topics: dict[int, _Cand],
) -> _Cand | None:
    assert q.start is not None and q.end is not None
    s_start, s_end = ctx.sentences[s_index]
    span = speakers.attribution_at(q.start)
    if span is not None and _FIRST_PERSON.search(ctx.text, s_start, q.start):
        # “我们在贵州的项目…”远航集团总经理X说: "we" is the speaker's organization, not
        # the place the sentence also names.
        orgs = [c for c in _candidates(ctx, span[0], span[1], blocked) if c.kind == "org"]
        if orgs:
            return orgs[0]
    chosen = _pick(_candidates(ctx, c_start, q.start, blocked))
    if chosen is not None:
        return None if chosen.kind == "joint" else chosen
    if s_index in last_in_sentence:
        return last_in_sentence[s_index]
    chosen = _pick(_candidates(ctx, s_start, q.start, blocked))
    if chosen is None:
        chosen = _pick(_candidates(ctx, q.end, s_end, blocked))
    if chosen is not None:
        return None if chosen.kind == "joint" else chosen
    span = speakers.attribution_at(q.start)
    if span is not None:
        # “我们…”总经理X说: the speaker's organization, named in the attribution.
        orgs = [c for c in _candidates(ctx, span[0], span[1], blocked) if c.kind == "org"]
        if orgs:
            return orgs[0]
    if para is not None and para in last_in_paragraph:
        return last_in_paragraph[para]
    return topics.get(ctx.section_of(q.start))
