"""Hosts: the projects, parks, towns and centres a clause or heading names.

No spaCy import. A host is named at the head of a clause (X项目是…, X小镇总投资…), after a
visit verb (来到某某中心) or on a heading line; a name found once is the same host where it
recurs. Generic words (该项目, 一期工程, 园区) are hosts that refer back to a named one.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import alternation
from ..orgs.lexicon import lexicon as org_lexicon
from ..text.spans import SpanIndex
from .context import (
    DocContext,
    lexicon,
    words_re,
)

_CN_DIGITS = "零一二两三四五六七八九十百千万亿几"
_PLUS = re.compile(r"[+＋]")  # joins the parts of one stop (某某馆+某某工厂)
_TOPIC_SPAN = 30  # characters: the longest host name taken at a clause head
_QUOTES = "“”‘’\"' "  # stripped from the ends of a host name taken at a clause head
_FEW_HEADINGS = 8  # heading hosts that hosts_in asks about before the text's hosts are found


@dataclass(frozen=True, slots=True)
class Host:
    start: int
    end: int
    name: str
    head: str
    generic: bool  # 该项目, 一期工程, 园区: refers back to a named host


@lru_cache(maxsize=1)
def _generic_re() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(lexicon()['host_generic_words'])})*")


def _is_generic_stem(stem: str) -> bool:
    """True for an empty stem or one made only of generic words (另一重点, 一期, 该)."""
    m = _generic_re().fullmatch(stem)
    return m is not None


def _topic_host(text: str, start: int, limit: int) -> Host | None:
    """The host named at the head of the clause starting at ``start`` (X项目是…, X小镇总投资…).

    The phrase runs from the clause start (after a time word: 目前, 今年) to a host head word
    and holds no function character or visit verb; a head followed by a number is a counted
    noun (项目335个), not a topic. A phrase that names nothing (另一重点项目, 一期工程, 园区) is
    generic and refers back. 另一重点项目青峰新材料项目 -> 青峰新材料项目.
    """
    for word in _lead_words().get(text[start : start + 1], ()):
        if text.startswith(word, start) and start + len(word) < limit:
            start += len(word)
            break
    if _not_topic_re().match(text, start):
        return None
    window_end = min(limit, start + _TOPIC_SPAN)
    prev_end = start
    generic: Host | None = None
    for m in words_re("host_heads").finditer(text, start, window_end):
        if _topic_stop_re().search(text, start, m.end()):
            break
        after = text[m.end() : m.end() + 2]
        if after.startswith(_head_blockers()):
            continue
        if after[:1] == "的" or (after[:1] and (after[0].isdigit() or after[0] in _CN_DIGITS)):
            break
        name = text[prev_end : m.end()].strip(_QUOTES)
        # 某某馆+某某工厂: one stop of two parts; the last is the host the figures are about.
        joined = _PLUS.split(name)
        name = joined[-1]
        stem = name[: -len(m.group())]
        if _is_generic_stem(stem):
            if generic is None:
                generic = Host(prev_end, m.end(), name, m.group(), True)
            prev_end = m.end()
            continue
        if len(stem) < 2:
            return None
        begin = prev_end if len(joined) > 1 else m.end() - len(name)
        return Host(begin, m.end(), name, m.group(), False)
    return generic if generic is not None and generic.start == start else None


@lru_cache(maxsize=1)
def _topic_stops() -> tuple[str, ...]:
    """Words a host name never holds: visit verbs, joint subjects, target and forecast cues."""
    lex = lexicon()
    words = (
        lex["topic_stop_words"] + lex["joint_subjects"] + lex["target_cues"] + lex["forecast_cues"]
    )
    return tuple(words)


@lru_cache(maxsize=1)
def _topic_stop_re() -> re.Pattern[str]:
    """A function character or a word of :func:`_topic_stops`: what a host name never holds."""
    chars = lexicon()["topic_stop_chars"]
    parts = [f"[{re.escape(chars)}]" if chars else "", alternation(_topic_stops())]
    return re.compile("|".join(p for p in parts if p) or "(?!)")


@lru_cache(maxsize=1)
def _lead_words() -> dict[str, tuple[str, ...]]:
    """The time words that may open a topic (目前, 今年), by first character, longest first."""
    out: dict[str, tuple[str, ...]] = {}
    for word in sorted(lexicon()["topic_lead_words"], key=len, reverse=True):
        out[word[:1]] = (*out.get(word[:1], ()), word)
    return out


@lru_cache(maxsize=1)
def _not_topic_re() -> re.Pattern[str]:
    """What a topic never starts with: a word for the local place (我市) or a joint subject."""
    lex = lexicon()
    words = [*lex["local_place_words"], *lex["joint_subjects"]]
    return re.compile(alternation(words) or "(?!)")


@lru_cache(maxsize=1)
def _head_blockers() -> tuple[str, ...]:
    """What after a head word makes it part of another word (项目生, 中心城区)."""
    return tuple(lexicon()["host_head_blockers"])


def _heading_host(ctx: DocContext, start: int, end: int) -> Host | None:
    """A section title that names a host: 某某技改项目, or an organization on its own line."""
    text = ctx.text
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    name = line.strip()
    n_start, n_end = start + lead, start + lead + len(name)
    for o in ctx.orgs_in(n_start, n_end):
        if o.start == n_start and o.end == n_end:
            return Host(n_start, n_end, o.company.name, "", False)
    m = words_re("host_heads").search(name, max(0, len(name) - 6))
    if m is None or m.end() != len(name) or len(name) - len(m.group()) < 2:
        return None
    stops = lexicon()["topic_stop_chars"]
    if any(c in name for c in "，,。：:") or any(c in stops for c in name):
        return None
    if any(w in name for w in _topic_stops()) or org_lexicon().group_re.search(name):
        return None  # 考察团走访多个重点项目: a title about the visit, not a host
    return Host(n_start, n_end, name, m.group(), False)


def _visited_host(text: str, start: int, end: int) -> Host | None:
    """The host a visit verb names when it fills the rest of the clause (来到某某中心。)."""
    if text.startswith("了", start):
        start += 1
    host = _topic_host(text, start, end)
    if host is None or host.generic:
        return None
    rest = text[host.end : end]
    if rest and not any(rest.startswith(w) for w in lexicon()["visit_in_suffixes"]):
        return None
    return host


class _Matches:
    """The matches of a pattern in a whole text, to tell which spans may hold one."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def near(self, start: int, end: int) -> bool:
        """False when no match of the pattern lies in [start, end): no match found over the
        whole text starts there or overlaps it (a match over its start may hide one)."""
        i = bisect.bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end

    def next_start(self, pos: int) -> float:
        """Where the first match ending after ``pos`` starts (inf: none)."""
        i = bisect.bisect_right(self.ends, pos)
        return self.starts[i] if i < len(self.starts) else math.inf


def find_hosts(ctx: DocContext) -> list[Host]:
    """Hosts of ``ctx`` in text order: heading hosts, clause-initial hosts and their repeats."""
    cached = ctx._indexes.get("claims:hosts")
    if cached is not None:
        return list(cached)
    text = ctx.text
    amounts: SpanIndex[None] | None = ctx._indexes.get("claims:amounts")
    named: dict[tuple[int, int], Host] = {}
    headings = set(ctx.headings)
    heading_hosts = _heading_hosts(ctx)
    # A clause with no head word near its start names no host, one with no visit verb no
    # visited host. A topic starts after a lead word, and after a visit verb's 了.
    heads, cues = _Matches(words_re("host_heads"), text), _Matches(words_re("visit_cues"), text)
    breaks = ctx.clause_breaks()
    reach = _TOPIC_SPAN + max(map(len, lexicon()["topic_lead_words"]), default=0) + 1
    for i, (p_start, p_end) in enumerate(ctx.paragraphs):
        if i in headings:
            host = heading_hosts.get(i)
            if host is not None:
                named[(host.start, host.end)] = host
            continue
        if not heads.near(p_start, p_end) and not cues.near(p_start, p_end):
            continue  # nor has any of its clauses
        pos = p_start
        while pos < p_end:
            # A clause ending at or before the next match of a head or cue (the first match
            # ending after pos) overlaps no match, so names no host: go to the clause after
            # the last break at or before it (none left in the paragraph: done).
            nxt = min(heads.next_start(pos), cues.next_start(pos))
            if nxt >= p_end:
                break
            k = bisect.bisect_right(breaks, nxt) - 1
            if k >= 0 and breaks[k] >= pos:
                pos = breaks[k] + 1
            while pos < p_end and text[pos] in " \t\u3000":
                pos += 1
            k = bisect.bisect_left(breaks, pos)
            end = breaks[k] if k < len(breaks) and breaks[k] < p_end else p_end
            found = [_topic_host(text, pos, end)] if heads.near(pos, min(end, pos + reach)) else []
            if cues.near(pos, end):
                for m in words_re("visit_cues").finditer(text, pos, end):
                    if heads.near(m.end(), min(end, m.end() + reach)):
                        found.append(_visited_host(text, m.end(), end))
            for host in found:
                if host is None or (amounts is not None and amounts.overlaps(host.start, host.end)):
                    continue  # 捐建9万元某某小学…: an amount inside is no name
                if not ctx.inside_org(host.start, host.end):
                    named.setdefault((host.start, host.end), host)
            pos = end + 1
    # A host named once is the same host when its name recurs in the body.
    by_name = {h.name: h for h in named.values() if not h.generic}
    for start, end in _repeats(text, list(by_name)):
        host = by_name[text[start:end]]
        named.setdefault((start, end), replace(host, start=start, end=end))
    hosts = sorted(named.values(), key=lambda h: (h.start, -h.end))
    ctx._indexes["claims:hosts"] = hosts
    return list(hosts)


def _repeats(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where ``names`` occur in ``text``: what a search for their alternation (the longest
    first) finds, from left to right without overlaps, but without compiling a pattern for
    each text's few names: every occurrence of each, by start and the longest first, each
    kept when it starts at or after the end of the last one kept.

    Example: ``_repeats("甲乙丙甲乙", ["甲乙", "乙丙"])`` -> [(0, 2), (3, 5)].
    """
    if "" in names:  # an empty name matches everywhere: the search itself says where
        return [m.span() for m in re.finditer(alternation(names), text)]
    found: list[tuple[int, int]] = []
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            found.append((pos, -len(name)))
            pos = text.find(name, pos + 1)
    found.sort()
    out: list[tuple[int, int]] = []
    last_end = 0
    for start, neg in found:
        if start >= last_end:
            last_end = start - neg
            out.append((start, last_end))
    return out


def hosts_in(ctx: DocContext, start: int, end: int) -> list[Host]:
    """The hosts lying within [start, end), by start and, at one start, longest first."""
    found: tuple[list[int], list[Host]] | None = ctx._indexes.get("claims:hosts_by_start")
    if found is None:
        if _none_in(ctx, start, end):
            return []  # the text's hosts are found when a span may hold one
        # Sorted once per text (stable: hosts with the same offsets keep find_hosts' order).
        hosts = sorted(find_hosts(ctx), key=lambda h: (h.start, -h.end))
        found = ctx._indexes["claims:hosts_by_start"] = ([h.start for h in hosts], hosts)
    starts, hosts = found
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [h for h in hosts[lo:hi] if h.end <= end]


def _heading_hosts(ctx: DocContext) -> dict[int, Host]:
    """The host each heading names, by paragraph (kept per text)."""
    found: dict[int, Host] | None = ctx._indexes.get("claims:heading_host_of")
    if found is None:
        found = {}
        for i in ctx.headings:
            host = _heading_host(ctx, *ctx.paragraphs[i])
            if host is not None:
                found[i] = host
        ctx._indexes["claims:heading_host_of"] = found
    return found


@lru_cache(maxsize=1)
def _heads_end_names() -> bool:
    """Whether no head word ends with a character of _QUOTES or holds a _PLUS (so a name
    taken at a clause head, stripped of them and split at a plus, still ends with its head
    word)."""
    return all(w[-1:] not in _QUOTES and not _PLUS.search(w) for w in lexicon()["host_heads"])


def _none_in(ctx: DocContext, start: int, end: int) -> bool:
    """True when no host of :func:`find_hosts` can lie within [start, end), told without
    finding them. Each host is a heading's, or one taken at a clause head or after a visit
    verb (its span runs to the end of a head word and holds it), or a repeat of a named
    host's name: a name ending with its head word, but for a heading naming an organization.
    So a span holding no head word, no heading host and no heading host's name holds none.
    """
    if not _heads_end_names():
        return False
    text = ctx.text
    if words_re("host_heads").search(text, start, end):
        return False
    headings = _heading_hosts(ctx).values()
    if not headings:
        return True
    if len(headings) > _FEW_HEADINGS:
        return False  # many: finding the hosts once costs less than asking each of them
    window = text[start:end]
    return not any(start <= h.start and h.end <= end or h.name in window for h in headings)
