"""Local places: the place the article is written from, and the places of a level.

No spaCy import. 我市/全市/全省 stand for the place the article is written from (the
dateline's outlet, else the trip's destination; never the visitors' home); 全县 takes the
county named last in the paragraph. Unlisted counties and towns (某某县) count as places.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ..lexicon import alternation
from ..orgs.lexicon import lexicon as org_lexicon
from ..places import lookup
from ..text.chars import HAN
from ..text.sentences import CLAUSE_BREAKS
from ..text.spans import SpanIndex
from .context import (
    DocContext,
    PlaceSpan,
    gazetteer,
    lexicon,
    normalize_place,
    province_of,
    words_re,
)


def outlet_place(ctx: DocContext) -> str | None:
    """The place in the dateline's or byline's outlet: 某某日报讯, （某某日报记者 …）-> 某某.

    A name outside the gazetteer counts when it carries a level word (某某县融媒体中心) or
    the text names it as a place or zone elsewhere (某某日报 … 某某高新区).
    """
    if "claims:outlet" not in ctx._indexes:
        ctx._indexes["claims:outlet"] = _find_outlet(ctx)
    found: str | None = ctx._indexes["claims:outlet"]
    return found


@lru_cache(maxsize=1)
def _outlet_re() -> re.Pattern[str]:
    """An outlet's name (某某日报) before a cue (讯, 记者), the place name captured."""
    lex = lexicon()
    return re.compile(
        rf"([{HAN}]{{2,10}}?)(?:{alternation(lex['outlet_suffixes'])})"
        rf"(?=.{{0,6}}(?:{alternation(lex['outlet_cues'])}))"
    )


# The shortest two- or three-character stem with its level at the start of an outlet's name.
_LEVELLED_STEM = re.compile(rf"[{HAN}]{{2,3}}?[市县区]")


def _find_outlet(ctx: DocContext) -> str | None:
    """The work of :func:`outlet_place`, done once per document."""
    outlet = _outlet_re()
    zone = f"(?:[市县区]|{alternation(lexicon()['outlet_zone_words'])})"
    gaz = gazetteer()
    text = ctx.text
    for p_start, p_end in ctx.paragraphs[:4]:
        head = text[p_start : min(p_end, p_start + 120)]
        for m in outlet.finditer(head):
            stem = m.group(1)
            for size in range(min(len(stem), 6), 1, -1):
                if stem[:size] in gaz:
                    return normalize_place(stem[:size])
            level = _LEVELLED_STEM.match(stem)
            if level:
                return level.group()
            if stem[:2] not in lexicon()["local_place_words"] and re.search(
                re.escape(stem[:2]) + zone, text
            ):
                return stem[:2]
    return None


def _destination_place(ctx: DocContext) -> str | None:
    """The place a visiting group comes to in the title or first sentence (赴某地考察)."""
    verb_re = words_re("trip_verbs")
    spans = ctx.paragraphs[:1] + ctx.sentences[:2]
    for start, end in spans:
        for m in verb_re.finditer(ctx.text, start, end):
            for p in ctx.places_in(m.end(), min(end, m.end() + 12)):
                if p.start == m.end():
                    return p.name
    return None


@lru_cache(maxsize=1)
def _hosted_re() -> re.Pattern[str]:
    """来我市, 莅临本县: a group came to the paper's own place."""
    lex = lexicon()
    verbs, deictics = alternation(lex["hosted_verbs"]), alternation(lex["hosted_deictics"])
    return re.compile(f"(?:{verbs})(?:{deictics})[市县区省镇]")


def home_place(ctx: DocContext) -> str | None:
    """The place 我市/全市 stands for: the dateline's outlet; else, when a group came to us
    (来我市考察), the trip's destination; else, when the article follows its own group
    abroad (某省代表团赴某地), that group's home; else the destination.
    """
    if "claims:home" not in ctx._indexes:
        home = outlet_place(ctx)
        if home is None and not _hosted_re().search(ctx.text):
            visitors = sorted(_visitor_places(ctx))
            spans = {p.start: p for p in ctx.places}
            home = spans[visitors[0]].name if visitors else None
        ctx._indexes["claims:home"] = home or _destination_place(ctx)
    found: str | None = ctx._indexes["claims:home"]
    return found


# The kinds of the place table (seedie.places) each level word stands for: 全市 is a city's
# (深圳, 义乌 a county-level city), 全县 a county's (桐庐), 全区 a district's.
_LEVEL_KINDS = {
    "市": frozenset({"city", "county_city", "municipality"}),
    "县": frozenset({"county"}),
    "区": frozenset({"district"}),
}


def is_level(ctx: DocContext, surface: str, level: str) -> bool:
    """True when the place ``surface`` is of the level 市/县/区/镇/省 (深圳 is a 市, 桐庐 a 县)."""
    if surface.endswith(level):
        return True
    hit = gazetteer().get(surface)
    if hit is None:
        return False
    if level == "省" or hit[0] == hit[1]:
        return (hit[0] == hit[1]) == (level == "省")
    place = lookup(surface)
    kinds = _LEVEL_KINDS.get(level)
    return place is None or kinds is None or place.kind in kinds


def _visitor_places(ctx: DocContext) -> set[int]:
    """Starts of places naming a visiting group's home (某某市党政考察团): never 我市."""
    cached = ctx._indexes.get("claims:visitors")
    if cached is None:
        groups = org_lexicon().group_re
        cached = set()
        for m in groups.finditer(ctx.text):
            for p in ctx.places_in(max(0, m.start() - 16), m.start()):
                gap = ctx.text[p.end : m.start()]
                if not any(c in gap for c in CLAUSE_BREAKS + lexicon()["visitor_gap_chars"]):
                    cached.add(p.start)
        ctx._indexes["claims:visitors"] = cached
    return cached


def local_place(ctx: DocContext, word: str, pos: int) -> str:
    """我市/全市 -> the home place (or the place of that level the text names most);
    全省 -> its province; the word itself when nothing says which place it is.

    Places naming the visitors' home never stand for 我市; 全市/全县 take the place of that
    level named last in the same paragraph.
    """
    level = word[-1]
    home = home_place(ctx)
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
        for p in reversed(places_in(ctx, ctx.paragraphs[para][0], pos)):
            if p.start not in visitors and is_level(ctx, p.text, level):
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
        if is_level(ctx, p.text, level):
            counts[p.name] += 1
            first.setdefault(p.name, p.start)
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], first[n]))


_LEVEL_PLACE = re.compile(rf"(?:(?<![{HAN}])|(?<=[了在到赴至和与、]))[{HAN}]{{2,3}}?[县区镇乡]")
_LEVEL_CHAR = re.compile("[县区镇乡]")


def _level_place_matches(text: str) -> Iterator[re.Match[str]]:
    """``_LEVEL_PLACE.finditer(text)``, trying only the starts two or three characters
    before a level character (the only starts where a match can begin)."""
    starts = sorted(
        {p for m in _LEVEL_CHAR.finditer(text) for p in (m.start() - 3, m.start() - 2) if p >= 0}
    )
    free = 0  # the end of the last match: matches do not overlap
    for p in starts:
        if p >= free and (m := _LEVEL_PLACE.match(text, p)) is not None:
            free = m.end()
            yield m


def _level_places(ctx: DocContext) -> list[PlaceSpan]:
    """The places of ``ctx`` plus unlisted counties and towns (某某县 after a boundary)."""
    cached = ctx._indexes.get("claims:level_places")
    if cached is None:
        cached = list(ctx.places)
        local = set(lexicon()["local_place_words"]) | set(lexicon()["place_coref"])
        not_in_stem = lexicon()["not_in_place_stem_chars"]  # 全县, 该镇 are no names
        for m in _level_place_matches(ctx.text):
            s, e = m.start(), m.end()
            if m.group() in local or any(c in not_in_stem for c in m.group()[:-1]):
                continue
            if m.group().endswith(tuple(lexicon()["not_place_level_endings"])):
                continue  # 高新区, 示范县: a kind of zone or county, not a named one
            if ctx.overlaps_place(s, e):
                continue
            cached.append(PlaceSpan(s, e, m.group(), m.group()))
        cached.sort(key=lambda p: (p.start, -p.end))
        ctx._indexes["claims:level_places"] = cached
    return list(cached)


def places_in(ctx: DocContext, start: int, end: int) -> list[PlaceSpan]:
    """The places of :func:`_level_places` within [start, end), by (start, end)."""
    key = "claims:level_index"
    if key not in ctx._indexes:
        if _LEVEL_CHAR.search(ctx.text, start, end) is None:
            # The counties and towns beyond ctx.places end with a level character: none
            # lies here, and the context's places come in the same order from its own query.
            return ctx.places_in(start, end)
        places = _level_places(ctx)
        # No county or town beyond ctx.places: the same list in the same order, so the
        # context's own query gives the same answer (None marks that).
        same = places == ctx.places
        ctx._indexes[key] = None if same else SpanIndex((p.start, p.end, p) for p in places)
    index: SpanIndex[PlaceSpan] | None = ctx._indexes[key]
    if index is None:
        return ctx.places_in(start, end)
    return [p for _, _, p in index.inside(start, end)]
