"""The one place table: provinces, prefectures, counties and districts of
``seedie/data/places.json`` (built by ``scripts/build_gazetteer.py``; about 3,300 places).

No spaCy import. Every module that needs a place's bare form, its province or its level
asks here; the table is read once, its indexes are built once on first use, and level words
(省, 市, 自治区 …) are stripped by one function, :func:`strip_level`. Patterns over all forms
are found once per text (:func:`occurrences`, by :mod:`seedie.text.occurrences`) or by a
prefix trie (:func:`seedie.lexicon.trie_pattern`), never a flat alternation of thousands of
names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .lexicon import data_table, trie_pattern
from .text.occurrences import Occurrences, WordFinder

__all__ = [
    "PROVINCE_KINDS",
    "Place",
    "forms",
    "is_province",
    "level_suffixes",
    "lookup",
    "name_prefix_forms",
    "place_table",
    "province_of",
    "running_text_forms",
    "split_place_prefix",
    "strip_level",
    "trie_pattern",
]

PROVINCE_KINDS = frozenset({"province", "autonomous_region", "municipality", "sar"})
# city: prefecture level (地级市, 地区, 自治州, 盟); county_city: a county-level city (县级市);
# county: 县, 自治县, 旗 (and 特区, 林区); district: 市辖区 and the districts of 香港/澳门.
KINDS = PROVINCE_KINDS | {"city", "county_city", "county", "district"}


@dataclass(frozen=True, slots=True)
class Place:
    """One row of the table: 深圳市 / 深圳 / province 广东 / kind city."""

    name: str
    short: str
    province: str
    kind: str
    abbr: str | None = None
    common_word: bool = False  # the short form is also an ordinary word (白银, 和平)
    generic: bool = False  # the name itself is an ordinary word (城区, 郊区): no form at all
    adcode: str | None = None
    source: str | None = None  # cpca / hand: made by scripts/build_gazetteer.py; None: curated

    @property
    def is_province(self) -> bool:
        return self.kind in PROVINCE_KINDS


@lru_cache(maxsize=1)
def place_table() -> tuple[Place, ...]:
    """Every place of ``seedie/data/places.json``, in file order (read once)."""
    return tuple(
        Place(
            name=row["name"],
            short=row["short"],
            province=row["province"],
            kind=row["kind"],
            abbr=row.get("abbr"),
            common_word=bool(row.get("common_word", False)),
            generic=bool(row.get("generic", False)),
            adcode=row.get("adcode"),
            source=row.get("source"),
        )
        for row in data_table("places.json")["places"]
    )


@lru_cache(maxsize=2)
def level_suffixes(scope: str = "any") -> tuple[str, ...]:
    """The level words of ``places.json``'s ``level_suffixes``, longest first (宁夏回族自治区
    loses 回族自治区, not just 区): ``"city"`` the levels of a province's or a city's name
    (省, 市, 自治区 …), ``"any"`` every level (with 自治州, 地区, 县, 区).

    >>> level_suffixes("city")[-2:], level_suffixes()[-3:]
    (('省', '市'), ('市', '县', '区'))
    """
    words: list[str] = data_table("places.json")["level_suffixes"][scope]
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def forms() -> dict[str, Place]:
    """Surface form (official name or bare short form) -> place.

    An official name wins over another place's bare form (九龙 is 香港's, not 九龙县's);
    otherwise the first row wins. A generic name (城区, 郊区) is no form.

    >>> forms()["贵州省"].short, forms()["深圳"].province, forms()["桐庐"].kind
    ('贵州', '广东', 'county')
    """
    rows = [p for p in place_table() if not p.generic]
    out: dict[str, Place] = {}
    for place in rows:
        if len(place.name) >= 2:
            out.setdefault(place.name, place)
    for place in rows:
        if len(place.short) >= 2:
            out.setdefault(place.short, place)
    return out


# Kinds whose bare short form names the place wherever it occurs in running text (深圳, 贵州).
# A county's (桐庐, 新平) or a district's (白云, 朝阳) bare form is two characters that are as
# often a piece of other words (创新平台, 非常熟悉): only the official name is searched for.
SEARCHED_BARE_KINDS = PROVINCE_KINDS | {"city"}
COUNTY_KINDS = frozenset({"county", "county_city"})


@lru_cache(maxsize=2)
def running_text_forms(*, counties: bool = False) -> dict[str, Place]:
    """The forms that name a place wherever they occur in running text.

    A district's or a county's bare short form (白云, 朝阳; 桐庐, 新平) and a short form
    marked ``common_word`` (白银, 和平) are also pieces of ordinary words and only count in
    their official form (白云区, 白银市, 桐庐县). ``counties=True`` adds the bare forms of
    counties and county-level cities that are no common word (桐庐, 义乌): places when the
    base NER finds them, not forms to search for.

    >>> "深圳" in running_text_forms(), "义乌" in running_text_forms()
    (True, False)
    >>> "义乌" in running_text_forms(counties=True), "合作" in running_text_forms(counties=True)
    (True, False)
    """
    kinds = SEARCHED_BARE_KINDS | (COUNTY_KINDS if counties else frozenset())
    return {
        form: place
        for form, place in forms().items()
        if form == place.name or (place.kind in kinds and not place.common_word)
    }


@lru_cache(maxsize=1)
def name_prefix_forms() -> frozenset[str]:
    """The forms that may start an organization's name (桐庐 + 恒远科技有限公司, 南山 + 某某
    科技): every form except a short form marked ``common_word`` (和平, 合作, 白银), which
    as often begins a word of the name or of the sentence.

    >>> "桐庐" in name_prefix_forms(), "合作" in name_prefix_forms()
    (True, False)
    """
    return frozenset(
        form for form, place in forms().items() if form == place.name or not place.common_word
    )


@lru_cache(maxsize=1)
def _finder() -> WordFinder:
    return WordFinder({"running_text": running_text_forms(), "name_prefix": name_prefix_forms()})


def occurrences(text: str, forms: Literal["running_text", "name_prefix"]) -> Occurrences:
    """Where the forms of :func:`running_text_forms` (``"running_text"``) or of
    :func:`name_prefix_forms` (``"name_prefix"``) occur in ``text``; one pass finds both,
    and the last few texts' answers are kept.

    >>> list(occurrences("从贵州省到深圳", "running_text").finditer())
    [(1, 4), (5, 7)]
    """
    return _finder().index(text)[forms]


def lookup(surface: str) -> Place | None:
    """The place named exactly ``surface`` (贵州, 贵州省, 深圳市), else None."""
    return forms().get(surface)


def province_of(surface: str) -> str | None:
    """广东省 / 深圳 -> 广东; None for a name outside the table."""
    place = forms().get(surface)
    return place.province if place is not None else None


def is_province(surface: str) -> bool:
    place = forms().get(surface)
    return place is not None and place.is_province


def strip_level(name: str, levels: tuple[str, ...] | None = None) -> str:
    """The bare form of a place name: a table entry's short form, else ``name`` minus one
    trailing level word from ``levels`` (at least two characters stay; by default the
    levels of a province or a city, :func:`level_suffixes` ``("city")``).

    >>> strip_level("贵州省"), strip_level("宁夏回族自治区"), strip_level("某某市")
    ('贵州', '宁夏', '某某')
    >>> strip_level("桐庐县"), strip_level("桐庐县", level_suffixes())
    ('桐庐县', '桐庐')
    """
    place = forms().get(name)
    if place is not None:
        return place.short
    if levels is None:
        levels = level_suffixes("city")
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def _by_first_char() -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for form in sorted(name_prefix_forms(), key=lambda f: (-len(f), f)):
        by_first.setdefault(form[0], []).append(form)
    return {k: tuple(v) for k, v in by_first.items()}


@lru_cache(maxsize=1 << 16)  # names repeat across a document and a corpus
def split_place_prefix(surface: str, min_rest: int = 2) -> tuple[str, str] | None:
    """(place, rest) for a surface that starts with a place form, longest form first; a level
    character left behind by a short form (贵州|省商务厅) goes with the place. Only the forms
    of :func:`name_prefix_forms` count (吉利控股集团 does not start with 吉利区's 吉利).

    >>> split_place_prefix("贵州省商务厅"), split_place_prefix("深圳盛屯集团")
    (('贵州省', '商务厅'), ('深圳', '盛屯集团'))
    """
    for form in _by_first_char().get(surface[:1], ()):
        if surface.startswith(form) and len(surface) - len(form) >= min_rest:
            rest = surface[len(form) :]
            if rest[0] in "省市" and len(rest) >= min_rest + 1:
                return surface[: len(form) + 1], rest[1:]
            return form, rest
    return None
