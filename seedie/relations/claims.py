"""Quantitative claims: subject + metric + quantity (+ time, modality, speaker).

No spaCy import. Subject candidates are organizations, named hosts (a project, park, town or
centre named at the head of a clause, after a visit verb or on a heading line), places, and
words that refer back: 公司/该集团/其 to the last organization, 项目/小镇/一期工程 to the
last host of that kind, 该市 to the last city, 我市/全市/全省 to the place the article is
written from (the dateline's outlet, else the trip's destination; never the visitors' home).
Examples before 等, places in passing (从X到Y), after a preposition (在香港上市, 比全省) or
modifying another (园区内的某公司) are passed over.

The subject is the place the counted things are located in (112家企业坐落某地), else the
first candidate of the quantity's clause, else the subject of the previous claim in the
sentence, else the sentence's topic, else a subject named after the quantity (…产自广东),
else the previous claim of the paragraph, else the topic of an earlier sentence of the
paragraph, else the host the section's heading names, else the organization the section is
about, else the article's own place. 两地/双方 are kept as a joint subject.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..orgs.names import lexicon as org_lexicon
from ..text.spans import SpanIndex
from ..types import Claim, Quantity
from .context import (
    CLAUSE_BREAKS,
    DocContext,
    OrgSpan,
    PlaceSpan,
    gazetteer,
    lexicon,
    normalize_place,
    province_of,
)
from .speakers import SpeakerIndex

_NOT_QI = ("其中", "其他", "其它", "其实", "其余", "其次", "尤其", "极其", "及其", "与其", "其间")
_FOLLOW_STOP = re.compile(
    r"[，。；：、,;:！？!?（(“”‘’\s…]|在|从|出资|坐落|落户|产自|来自|设立|直达|实现|覆盖|是|已|将|等|及|和|与|就|的|为|被|把|来|也|都"
)
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_SMALL = 10.0
_AMOUNT_IN_NAME = re.compile(r"\d+(?:\.\d+)?[万亿]*元")
_OPEN_QUOTES = "“‘「『\"'"
_CLOSE_QUOTES = "”’」』\"'"
_CN_DIGITS = "零一二两三四五六七八九十百千万亿几"
_TOPIC_SPAN = 30  # characters: the longest host name taken at a clause head


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "org" | "ref" (项目/园区 referring back) | "place" | "joint"
    name: str | None
    id: str | None

    @property
    def org_like(self) -> bool:
        return self.kind in ("org", "ref", "joint")


@lru_cache(maxsize=1)
def _metric_re() -> re.Pattern[str]:
    words = sorted(lexicon()["metric_words"], key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(w) for w in words))


# -- hosts: named projects, parks, towns, centres ------------------------------------------


@dataclass(frozen=True, slots=True)
class _Host:
    start: int
    end: int
    name: str
    head: str
    generic: bool  # 该项目, 一期工程, 园区: refers back to a named host


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern[str]:
    heads = sorted(lexicon()["host_heads"], key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(h) for h in heads))


@lru_cache(maxsize=1)
def _generic_re() -> re.Pattern[str]:
    words = sorted(lexicon()["host_generic_words"], key=lambda s: (-len(s), s))
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")*")


def _is_generic_stem(stem: str) -> bool:
    """True for an empty stem or one made only of generic words (另一重点, 一期, 该)."""
    m = _generic_re().fullmatch(stem)
    return m is not None


def _topic_host(text: str, start: int, limit: int) -> _Host | None:
    """The host named at the head of the clause starting at ``start`` (X项目是…, X小镇总投资…).

    The phrase runs from the clause start (after a time word: 目前, 今年) to a host head word
    and holds no function character or visit verb; a head followed by a number is a counted
    noun (项目335个), not a topic. A phrase that names nothing (另一重点项目, 一期工程, 园区) is
    generic and refers back. 另一重点项目青峰新材料项目 -> 青峰新材料项目.
    """
    lex = lexicon()
    for word in sorted(lex["topic_lead_words"], key=len, reverse=True):
        if text.startswith(word, start) and start + len(word) < limit:
            start += len(word)
            break
    if _local_re().match(text, start) or any(
        text.startswith(w, start) for w in lex["joint_subjects"]
    ):
        return None
    stops = lex["topic_stop_chars"]
    window_end = min(limit, start + _TOPIC_SPAN)
    prev_end = start
    generic: _Host | None = None
    for m in _head_re().finditer(text, start, window_end):
        segment = text[start : m.end()]
        if any(c in stops for c in segment) or any(w in segment for w in _topic_stops()):
            break
        after = text[m.end() : m.end() + 2]
        if any(after.startswith(b) for b in lex["host_head_blockers"]):
            continue
        if after[:1] == "的" or (after[:1] and (after[0].isdigit() or after[0] in _CN_DIGITS)):
            break
        name = text[prev_end : m.end()].strip("“”‘’\"' ")
        # 某某馆+某某工厂: one stop of two parts; the last is the host the figures are about.
        joined = re.split(r"[+＋]", name)
        name = joined[-1]
        stem = name[: -len(m.group())]
        if _is_generic_stem(stem):
            if generic is None:
                generic = _Host(prev_end, m.end(), name, m.group(), True)
            prev_end = m.end()
            continue
        if len(stem) < 2:
            return None
        begin = prev_end if len(joined) > 1 else m.end() - len(name)
        return _Host(begin, m.end(), name, m.group(), False)
    return generic if generic is not None and generic.start == start else None


@lru_cache(maxsize=1)
def _visit_cue_re() -> re.Pattern[str]:
    cues = sorted(lexicon()["visit_cues"], key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(c) for c in cues))


@lru_cache(maxsize=1)
def _topic_stops() -> tuple[str, ...]:
    """Words a host name never holds: visit verbs, joint subjects, target and forecast cues."""
    lex = lexicon()
    words = (
        lex["topic_stop_words"] + lex["joint_subjects"] + lex["target_cues"] + lex["forecast_cues"]
    )
    return tuple(words)


def _heading_host(ctx: DocContext, start: int, end: int) -> _Host | None:
    """A section title that names a host: 某某技改项目, or an organization on its own line."""
    text = ctx.text
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    name = line.strip()
    n_start, n_end = start + lead, start + lead + len(name)
    for o in ctx.orgs_in(n_start, n_end):
        if o.start == n_start and o.end == n_end:
            return _Host(n_start, n_end, o.company.name, "", False)
    m = _head_re().search(name, max(0, len(name) - 6))
    if m is None or m.end() != len(name) or len(name) - len(m.group()) < 2:
        return None
    stops = lexicon()["topic_stop_chars"]
    if any(c in name for c in "，,。：:") or any(c in stops for c in name):
        return None
    if any(w in name for w in _topic_stops()) or org_lexicon().group_re.search(name):
        return None  # 考察团走访多个重点项目: a title about the visit, not a host
    return _Host(n_start, n_end, name, m.group(), False)


def _visited_host(text: str, start: int, end: int) -> _Host | None:
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


def _find_hosts(ctx: DocContext) -> list[_Host]:
    """Hosts of ``ctx`` in text order: heading hosts, clause-initial hosts and their repeats."""
    cached = ctx._indexes.get("claims:hosts")
    if cached is not None:
        return list(cached)
    text = ctx.text
    amounts: SpanIndex[None] | None = ctx._indexes.get("claims:amounts")
    named: dict[tuple[int, int], _Host] = {}
    headings = set(ctx.headings)
    for i, (p_start, p_end) in enumerate(ctx.paragraphs):
        if i in headings:
            host = _heading_host(ctx, p_start, p_end)
            if host is not None:
                named[(host.start, host.end)] = host
            continue
        pos = p_start
        while pos < p_end:
            while pos < p_end and text[pos] in " \t\u3000":
                pos += 1
            end = pos
            while end < p_end and text[end] not in CLAUSE_BREAKS:
                end += 1
            found = [_topic_host(text, pos, end)]
            for m in _visit_cue_re().finditer(text, pos, end):
                found.append(_visited_host(text, m.end(), end))
            for host in found:
                if host is None or (amounts is not None and amounts.overlaps(host.start, host.end)):
                    continue  # 捐建9万元某某小学…: an amount inside is no name
                if not ctx.inside_org(host.start, host.end):
                    named.setdefault((host.start, host.end), host)
            pos = end + 1
    # A host named once is the same host when its name recurs in the body.
    by_name = {h.name: h for h in named.values() if not h.generic}
    if by_name:
        names = sorted(by_name, key=lambda n: (-len(n), n))
        for m in re.finditer("|".join(re.escape(n) for n in names), text):
            host = by_name[m.group()]
            named.setdefault((m.start(), m.end()), replace(host, start=m.start(), end=m.end()))
    hosts = sorted(named.values(), key=lambda h: (h.start, -h.end))
    ctx._indexes["claims:hosts"] = hosts
    return list(hosts)


# -- the place the article is written from (我市, 全县, 全省) --------------------------------


def _outlet_place(ctx: DocContext) -> str | None:
    """The place in the dateline's or byline's outlet: 某某日报讯, （某某日报记者 …）-> 某某.

    A name outside the gazetteer counts when it carries a level word (某某县融媒体中心) or
    the text names it as a place or zone elsewhere (某某日报 … 某某高新区).
    """
    suffixes = "|".join(re.escape(s) for s in lexicon()["outlet_suffixes"])
    outlet = re.compile(
        rf"([\u4e00-\u9fff]{{2,10}}?)(?:{suffixes})(?=.{{0,6}}(?:讯|记者|报道|消息))"
    )
    gaz = gazetteer()
    text = ctx.text
    for p_start, p_end in ctx.paragraphs[:4]:
        head = text[p_start : min(p_end, p_start + 120)]
        for m in outlet.finditer(head):
            stem = m.group(1)
            for size in range(min(len(stem), 6), 1, -1):
                if stem[:size] in gaz:
                    return normalize_place(stem[:size])
            level = re.match(r"[\u4e00-\u9fff]{2,3}?[市县区]", stem)
            if level:
                return level.group()
            if stem[:2] not in lexicon()["local_place_words"] and re.search(
                re.escape(stem[:2]) + r"(?:[市县区]|高新区|经开区|开发区|新区)", text
            ):
                return stem[:2]
    return None


def _destination_place(ctx: DocContext) -> str | None:
    """The place a visiting group comes to in the title or first sentence (赴某地考察)."""
    verbs = sorted(lexicon()["trip_verbs"], key=len, reverse=True)
    verb_re = re.compile("|".join(re.escape(v) for v in verbs))
    spans = ctx.paragraphs[:1] + ctx.sentences[:2]
    for start, end in spans:
        for m in verb_re.finditer(ctx.text, start, end):
            for p in ctx.places_in(m.end(), min(end, m.end() + 12)):
                if p.start == m.end():
                    return p.name
    return None


_HOSTED = re.compile(r"(?:来|到|莅临|走进|赴)(?:我|本)[市县区省镇]")


def _home_place(ctx: DocContext) -> str | None:
    """The place 我市/全市 stands for: the dateline's outlet; else, when a group came to us
    (来我市考察), the trip's destination; else, when the article follows its own group
    abroad (某省代表团赴某地), that group's home; else the destination.
    """
    if "claims:home" not in ctx._indexes:
        home = _outlet_place(ctx)
        if home is None and not _HOSTED.search(ctx.text):
            visitors = sorted(_visitor_places(ctx))
            spans = {p.start: p for p in ctx.places}
            home = spans[visitors[0]].name if visitors else None
        ctx._indexes["claims:home"] = home or _destination_place(ctx)
    found: str | None = ctx._indexes["claims:home"]
    return found


def _is_level(ctx: DocContext, surface: str, level: str) -> bool:
    """True when the place ``surface`` is of the level 市/县/区/镇/省 (深圳 is a 市)."""
    if surface.endswith(level):
        return True
    hit = gazetteer().get(surface)
    if hit is None:
        return False
    return (hit[0] == hit[1]) == (level == "省")


def _visitor_places(ctx: DocContext) -> set[int]:
    """Starts of places naming a visiting group's home (某某市党政考察团): never 我市."""
    cached = ctx._indexes.get("claims:visitors")
    if cached is None:
        groups = org_lexicon().group_re
        cached = set()
        for m in groups.finditer(ctx.text):
            for p in ctx.places_in(max(0, m.start() - 16), m.start()):
                gap = ctx.text[p.end : m.start()]
                if not any(c in gap for c in CLAUSE_BREAKS + "、和与及"):
                    cached.add(p.start)
        ctx._indexes["claims:visitors"] = cached
    return cached


def _local_place(ctx: DocContext, word: str, pos: int) -> str:
    """我市/全市 -> the home place (or the place of that level the text names most);
    全省 -> its province; the word itself when nothing says which place it is.

    Places naming the visitors' home never stand for 我市; 全市/全县 take the place of that
    level named last in the same paragraph.
    """
    level = word[-1]
    home = _home_place(ctx)
    visitors = _visitor_places(ctx)
    if "claims:ranked" not in ctx._indexes:
        ctx._indexes["claims:ranked"] = [p for p in _level_places(ctx) if p.start not in visitors]
    ranked: list[PlaceSpan] = ctx._indexes["claims:ranked"]
    if level == "省":
        base = home or _most_named(ctx, ranked, "市")
        province = province_of(base) if base else None
        return province or _most_named(ctx, ranked, "省") or word
    para = ctx.paragraph_of(pos)
    if not word.startswith("我") and para is not None:
        for p in reversed(_places_in(ctx, ctx.paragraphs[para][0], pos)):
            if p.start not in visitors and _is_level(ctx, p.text, level):
                return p.name
    if home is not None and (level == "市" or home.endswith(level)):
        return home
    return _most_named(ctx, ranked, level) or home or word


def _most_named(ctx: DocContext, places: list[PlaceSpan], level: str) -> str | None:
    """The place of ``level`` named most often (first named on a tie)."""
    key = f"claims:most_named:{level}:{len(places)}"
    if key not in ctx._indexes:
        ctx._indexes[key] = _count_named(ctx, places, level)
    found: str | None = ctx._indexes[key]
    return found


def _count_named(ctx: DocContext, places: list[PlaceSpan], level: str) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in places:
        if _is_level(ctx, p.text, level):
            counts[p.name] += 1
            first.setdefault(p.name, p.start)
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], first[n]))


_LEVEL_PLACE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[了在到赴至和与、]))[\u4e00-\u9fff]{2,3}?[县区镇乡]"
)


_NOT_IN_PLACE_STEM = "全我本该各每这那其此年月日个"


def _level_places(ctx: DocContext) -> list[PlaceSpan]:
    """The places of ``ctx`` plus unlisted counties and towns (某某县 after a boundary)."""
    cached = ctx._indexes.get("claims:level_places")
    if cached is None:
        cached = list(ctx.places)
        taken = SpanIndex((p.start, p.end, None) for p in ctx.places)
        local = set(lexicon()["local_place_words"]) | set(lexicon()["place_coref"])
        for m in _LEVEL_PLACE.finditer(ctx.text):
            s, e = m.start(), m.end()
            if m.group() in local or any(c in _NOT_IN_PLACE_STEM for c in m.group()[:-1]):
                continue
            if m.group().endswith(tuple(lexicon()["not_place_level_endings"])):
                continue  # 高新区, 示范县: a kind of zone or county, not a named one
            if taken.overlaps(s, e):
                continue
            cached.append(PlaceSpan(s, e, m.group(), m.group()))
        cached.sort(key=lambda p: (p.start, -p.end))
        ctx._indexes["claims:level_places"] = cached
    return list(cached)


def _places_in(ctx: DocContext, start: int, end: int) -> list[PlaceSpan]:
    index: SpanIndex[PlaceSpan] | None = ctx._indexes.get("claims:level_index")
    if index is None:
        index = SpanIndex((p.start, p.end, p) for p in _level_places(ctx))
        ctx._indexes["claims:level_index"] = index
    return [p for _, _, p in index.inside(start, end)]


@lru_cache(maxsize=1)
def _local_re() -> re.Pattern[str]:
    words = sorted(lexicon()["local_place_words"], key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(w) for w in words))


def _candidates(
    ctx: DocContext, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[_Cand]:
    """Subject candidates in [start, end): organizations, hosts, places, coreferences."""
    lex = lexicon()
    out: list[_Cand] = []

    blocked_index = ctx.span_index(blocked)

    def free(s: int, e: int) -> bool:
        return not blocked_index.covers(s, e) and not _in_term_quote(ctx.text, s, e)

    hosts = _hosts_in(ctx, start, end)
    covered = [(h.start, h.end) for h in hosts if not h.generic]
    for h in hosts:
        if not free(h.start, h.end):
            continue
        if h.generic:
            out.append(_resolve_host(ctx, h, blocked))
        else:
            out.append(_Cand(h.start, h.end, "org", h.name, None))
    for o in ctx.orgs_in(start, end):
        if _swallowed(ctx, o.start, o.end):
            continue  # 9万元某某大学: a name that swallowed an amount
        if free(o.start, o.end) and not any(s <= o.start and o.end <= e for s, e in covered):
            out.append(_Cand(o.start, o.end, "org", o.company.name, o.company.id))
    for p in _places_in(ctx, start, end):
        if free(p.start, p.end) and not ctx.inside_org(p.start, p.end):
            if not any(s <= p.start and p.end <= e for s, e in covered):
                out.append(_Cand(p.start, p.end, "place", p.name, None))
    text = ctx.text
    for m in _local_re().finditer(text, start, end):
        if any(p.start == m.end() for p in ctx.places_in(m.end(), min(end, m.end() + 10))):
            continue  # 我市某某县: the place named after it is the one meant
        name = _local_place(ctx, m.group(), m.start())
        out.append(_Cand(m.start(), m.end(), "place", name, None))
    for m in _words_re("place_coref").finditer(text, start, end):
        out.append(_resolve_place(ctx, m.start(), len(m.group())))
    clause_start, _ = ctx.clause_bounds(start)
    lead = len(text[clause_start:end]) - len(text[clause_start:end].lstrip())
    head = clause_start + lead
    for d in ctx.dates_in(head, min(end, head + 12)):
        if d.start == head and d.end is not None:
            head = d.end  # 2024年企业营收…: the date is not the subject
    for word in lex["company_coref"]:
        if head >= start and text.startswith(word, head):
            if not any(c.start == head for c in out):
                out.append(_resolve_coref(ctx, head, len(word), blocked))
            break
    for m in _words_re("company_coref_anywhere").finditer(text, start, end):
        pos, word = m.start(), m.group()
        if word == "其" and any(text.startswith(w, pos - w.index("其")) for w in _NOT_QI):
            continue
        if any(c.start <= pos < c.end for c in out):
            continue
        out.append(_resolve_coref(ctx, pos, len(word), blocked))
    for m in _words_re("joint_subjects").finditer(text, start, end):
        out.append(_Cand(m.start(), m.end(), "joint", m.group(), None))
    out = [c for c in out if c.kind == "joint" or c.name is not None]
    out = [c for c in out if not _passing(text, c)]
    out.sort(key=lambda c: (c.start, -c.end))
    return out


@cache
def _words_re(key: str) -> re.Pattern[str]:
    """One alternation (longest first) over the word list ``key`` of relations.json."""
    words = sorted(lexicon()[key], key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(w) for w in words))


def _hosts_in(ctx: DocContext, start: int, end: int) -> list[_Host]:
    index: SpanIndex[_Host] | None = ctx._indexes.get("claims:host_index")
    if index is None:
        index = SpanIndex((h.start, h.end, h) for h in _find_hosts(ctx))
        ctx._indexes["claims:host_index"] = index
    found = [h for _, _, h in index.inside(start, end)]
    found.sort(key=lambda h: (h.start, -h.end))
    return found


def _swallowed(ctx: DocContext, start: int, end: int) -> bool:
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


def _passing(text: str, cand: _Cand) -> bool:
    """A place named in passing: either end of a change or route (从X到Y)."""
    if cand.kind != "place":
        return False
    c_start = cand.start
    while c_start > 0 and text[c_start - 1] not in CLAUSE_BREAKS:
        c_start -= 1
    before = text[c_start : cand.start]
    if "从" not in before:
        return False
    after_from = before[before.rindex("从") :]
    return "到" in after_from or "到" in text[cand.end : cand.end + 12]


def _same_kind(head: str, name: str) -> bool:
    """园区 refers to a 软件园 or a 高新区 too; 项目 only to a 项目."""
    if head in name:
        return True
    if "园" in head or head.endswith("区"):
        return "园" in name or name.endswith("区")
    return False


def _resolve_host(ctx: DocContext, host: _Host, blocked: list[tuple[int, int]]) -> _Cand:
    """项目/一期工程/小镇 at a clause head -> the last host or organization of that kind in the
    section, else of that kind anywhere, else the stop just named (an organization or host
    within a few sentences), else the section's last named host.
    """
    section = ctx.section_of(host.start)
    before = _hosts_in(ctx, max(0, host.start - _HOST_REACH), host.start)
    pool: list[tuple[int, str, str | None, bool]] = [
        (h.start, h.name, None, True) for h in before if not h.generic
    ]
    for seen, o in enumerate(ctx.orgs_before(host.start)):
        if seen >= _COREF_LOOKBACK:
            break
        if not _swallowed(ctx, o.start, o.end):
            pool.append((o.start, o.company.name, o.company.id, o.company.kind != "government"))
    pool.sort(key=lambda x: -x[0])
    for s, name, cid, _ in pool:
        if ctx.section_of(s) == section and _same_kind(host.head, name):
            return _Cand(host.start, host.end, "ref", name, cid)
    for _s, name, cid, _ in pool:
        if _same_kind(host.head, name):
            return _Cand(host.start, host.end, "ref", name, cid)
    for s, name, cid, stop in pool:
        if host.start - s > _STOP_REACH:
            break
        if stop:
            return _Cand(host.start, host.end, "ref", name, cid)
    for s, name, cid, _ in pool:
        if cid is None and ctx.section_of(s) == section:
            return _Cand(host.start, host.end, "ref", name, cid)
    return _Cand(host.start, host.end, "ref", None, None)


def _resolve_place(ctx: DocContext, pos: int, size: int) -> _Cand:
    """该市/该县/当地 -> the last place of that level named before ``pos``."""
    word = ctx.text[pos : pos + size]
    level = word[-1] if word.startswith("该") else ""
    for p in reversed(ctx.places_in(0, pos)):
        if not level or _is_level(ctx, p.text, level):
            return _Cand(pos, pos + size, "place", p.name, None)
    return _Cand(pos, pos + size, "place", None, None)


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
        if _swallowed(ctx, o.start, o.end):
            continue
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


def _pick(cands: list[_Cand], text: str = "") -> _Cand | None:
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


def _skip(ctx: DocContext, q: Quantity, metric: str | None, strong: bool) -> bool:
    text = ctx.text
    assert q.start is not None and q.end is not None
    if ctx.overlaps_date(q.start, q.end):
        return True
    if ctx.inside_org(q.start, q.end) and not _swallowed(ctx, q.start, q.end):
        return True
    if (q.start > 0 and _ASCII_ALNUM.match(text[q.start - 1])) or (
        q.end < len(text) and _ASCII_ALNUM.match(text[q.end])
    ):
        return True
    if text[max(0, q.start - 1) : q.start] == "第" or q.text.startswith("第"):
        return True
    if text[max(0, q.start - 1) : q.start] in _OPEN_QUOTES and text[q.end : q.end + 1] in (
        _CLOSE_QUOTES
    ) and q.end < len(text):
        return True  # “511”工程: a programme's name, not an amount
    if any(text.startswith(f, q.end) for f in lexicon()["skip_followers"]):
        return True
    if q.unit == "人" and any(
        text[max(0, q.start - len(w) - 1) : q.start].startswith(w)
        or text[max(0, q.start - len(w)) : q.start] == w
        for w in lexicon()["group_size_markers"]
    ):
        return True  # 考察团一行8人: the size of the visiting group, a trip fact
    skip_units = lexicon()["skip_units"]
    if q.unit in skip_units or any(q.text.endswith(u) for u in skip_units):
        return True  # 二十届, 第三期: ordinals of events, not amounts
    if q.kind == "count" and not q.unit and not strong:
        return True  # a bare number without unit or metric word
    small = q.value is not None and abs(q.value) <= _SMALL and q.qualifier == "exact"
    if small and text[q.end : q.end + 1] == "大":
        return True
    if q.kind in lexicon()["weak_kinds"] and not strong:
        return True
    # 4元 is a price and 9个品种 a figure; 三元材料, 两个协议 are words, not amounts.
    written = any(c.isdigit() for c in q.text)
    # 每卖出3部手机就有1部: the terms of a ratio, not amounts.
    per = "每" in text[max(0, q.start - 4) : q.start] or "就有" in text[q.end : q.end + 15]
    priced = written and (q.kind == "money" or (q.kind == "count" and metric is not None))
    abstract = metric is not None and metric.startswith(tuple(lexicon()["abstract_counted_nouns"]))
    priced = priced and not per and not (q.kind == "count" and abstract)
    if q.kind != "percent" and not priced and small and not strong:
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
    ctx._indexes["claims:amounts"] = SpanIndex(
        (q.start, q.end, None) for q in usable if q.unit and q.kind not in lexicon()["weak_kinds"]
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
_STOP_REACH = 200  # characters back to the stop just named (该项目 after 察看了某基地)
_HOST_REACH = 20000  # characters back to look for the host a 项目/园区 refers to
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
    located = _located_in(ctx, q, blocked)
    if located is not None:
        return located
    text = ctx.text
    in_clause = _not_examples(text, _candidates(ctx, c_start, q.start, blocked), q.start)
    chosen = _pick([c for c in in_clause if not _adverbial(text, c)], text)
    if chosen is not None:
        return chosen
    if s_index in last_in_sentence:
        return last_in_sentence[s_index]
    in_sentence = _not_examples(text, _candidates(ctx, s_start, q.start, blocked), q.start)
    chosen = _pick([c for c in in_sentence if not _adverbial(text, c)], text)
    if chosen is None:
        # …产自广东: a subject after the quantity (not one after a preposition: 以某地为支点).
        after = _candidates(ctx, q.end, s_end, blocked)
        chosen = _pick([c for c in after if not _adverbial(text, c)], text)
    if chosen is not None:
        return chosen
    if span is not None:
        # “我们…”总经理X说: the speaker's organization, named in the attribution.
        orgs = [c for c in _candidates(ctx, span[0], span[1], blocked) if c.kind == "org"]
        if orgs:
            return orgs[0]
    if para is not None and para in last_in_paragraph:
        return last_in_paragraph[para]
    chosen = _pick(in_sentence, text)  # 在某地上市后市值…: the place only when nothing else
    if chosen is not None:
        return chosen
    if para is not None:
        chosen = _paragraph_topic(ctx, para, s_index, blocked)
        if chosen is not None:
            return chosen
    host = _section_host(ctx, q.start)
    if host is not None:
        return host
    topic = topics.get(ctx.section_of(q.start))
    if topic is not None:
        return topic
    home = _home_place(ctx) if _outlet_place(ctx) else None
    return _Cand(q.start, q.start, "place", home, None) if home else None


def _adverbial(text: str, cand: _Cand) -> bool:
    """A place after a preposition (在香港上市, 从深圳出发): where, not who."""
    if cand.kind != "place":
        return False
    return any(text.startswith(p, cand.start - len(p)) for p in lexicon()["prepositions"])


def _not_examples(text: str, cands: list[_Cand], q_start: int) -> list[_Cand]:
    """Drop the examples of a counted set: 华为等30家企业 counts firms, it is not about 华为."""
    markers = lexicon()["example_markers"]
    out = []
    for c in cands:
        between = text[c.end : q_start]
        if any(m in between for m in markers) and not any(b in between for b in CLAUSE_BREAKS):
            continue
        out.append(c)
    return out


def _located_in(ctx: DocContext, q: Quantity, blocked: list[tuple[int, int]]) -> _Cand | None:
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
            for c in _candidates(ctx, pos, c_end, blocked):
                if c.start - pos <= 1 and c.kind == "place":
                    return c
    return None


def _paragraph_topic(
    ctx: DocContext, para: int, s_index: int, blocked: list[tuple[int, int]]
) -> _Cand | None:
    """The first subject candidate (by position) of the nearest earlier sentence."""
    p_start, _ = ctx.paragraphs[para]
    for j in range(s_index - 1, -1, -1):
        start, end = ctx.sentences[j]
        if end <= p_start:
            break
        cands = _candidates(ctx, max(start, p_start), end, blocked)
        first = _pick([c for c in cands if c.kind == "place"], text=ctx.text)
        if cands:
            return first if first is not None and first.start <= cands[0].start + 8 else cands[0]
    return None


def _section_host(ctx: DocContext, pos: int) -> _Cand | None:
    """The host a section's heading names (某某项目 on its own line above the paragraph)."""
    if "claims:heading_hosts" not in ctx._indexes:
        headings = set(ctx.headings)
        ctx._indexes["claims:heading_hosts"] = [
            h for h in _find_hosts(ctx) if not h.generic and ctx.paragraph_of(h.start) in headings
        ]
    section = ctx.section_of(pos)
    chosen = None
    for h in ctx._indexes["claims:heading_hosts"]:
        if h.start > pos:
            break
        if ctx.section_of(h.start) == section:
            chosen = h
    return _Cand(chosen.start, chosen.end, "org", chosen.name, None) if chosen else None
