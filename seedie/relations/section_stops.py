"""Stops a section shows (no spaCy): a heading naming the host, a paragraph opening on one.

- A section heading naming the host, the paragraph under it starting with the group's visit
  (某某集团华东总部 / 检查组首先查看了…).
- A paragraph opening on a host (红狮集团是…。代表团成员参观企业展厅…; 某某风电场，…视察团成员…).
"""

from __future__ import annotations

import re

from .context import DocContext, lexicon
from .stops import Stop, blocked_spans, first_span_start, is_place, item_stops, site_name, words


def _group_visits_in(ctx: DocContext, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The group's mention followed by a visit cue within ``text[start:end]``."""
    first = first_span_start(spans, start, end)
    return first is not None and words().cue_re.search(ctx.text, first, end) is not None


def heading_stops(ctx: DocContext, spans: list[tuple[int, int]]) -> list[Stop]:
    """A heading line naming the host of the paragraph below, which opens on the group's visit."""
    text = ctx.text
    blocked = blocked_spans(ctx, spans)
    out: list[Stop] = []
    headings = set(ctx.headings)
    for i in sorted(headings):
        if i == 0 or i + 1 >= len(ctx.paragraphs) or (i + 1) in headings:
            continue
        h_start, h_end = ctx.paragraphs[i]
        line = text[h_start:h_end].strip()
        if not line or is_place(line) or blocked.overlaps(h_start, h_end):
            continue
        p_start, _ = ctx.paragraphs[i + 1]
        s = ctx.sentence_of(p_start) if ctx.sentence_of(p_start) is not None else None
        s_end = ctx.sentences[s][1] if s is not None else ctx.paragraphs[i + 1][1]
        if not _group_visits_in(ctx, p_start, s_end, spans):
            continue
        lead = h_start + text[h_start:h_end].index(line)
        whole = [o for o in ctx.orgs_in(lead, lead + len(line)) if o.end - o.start == len(line)]
        if whole:
            out.append(Stop(lead, lead + len(line), line, whole[0], False, "heading"))
        elif site_name(line) is not None:
            out.append(Stop(lead, lead + len(line), line, None, False, "heading"))
        else:
            out.extend(item_stops(ctx, lead, lead + len(line), blocked, False, "heading"))
    return out


_OPENER_END = re.compile("[是，,。]")


def opener_stops(ctx: DocContext, spans: list[tuple[int, int]]) -> list[Stop]:
    """A paragraph that opens on a host (某某集团是…; 某某风电场，…) and names the group later."""
    text = ctx.text
    blocked = blocked_spans(ctx, spans)
    out: list[Stop] = []
    marks = tuple(lexicon()["topic_marks"])  # 红狮集团是…, 某某风电场，…
    for p_start, p_end in ctx.paragraphs:
        body = text[p_start:p_end]
        lead = p_start + len(body) - len(body.lstrip())
        if first_span_start(spans, lead + 1, p_end) is None:
            continue
        org = ctx.first_org_from(lead)
        if org is not None and org.start == lead and not blocked.overlaps(org.start, org.end):
            if org.company.kind != "government" and text.startswith(marks, org.end):
                out.append(Stop(org.start, org.end, org.text, org, False, "opener"))
            continue
        mark = _OPENER_END.search(text, lead, p_end)  # the first of them: where the name ends
        if mark is None:
            continue
        stop = mark.start()
        if blocked.overlaps(lead, stop):
            continue
        name = site_name(text[lead:stop])
        if name is not None and name.startswith(tuple(lexicon()["stop_not_starts"])):
            continue
        if name is not None and not ctx.orgs_in(lead, stop):
            out.append(Stop(lead, stop, name, None, False, "opener"))
    return out
