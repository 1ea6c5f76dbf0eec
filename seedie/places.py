"""The one place table: provinces, cities and districts of ``seedie/data/places.json``.

No spaCy import. Every module that needs a place's bare form, its province or its level
asks here; the table is read once and level words (省, 市, 自治区 …) are stripped by one
function, :func:`strip_level`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = [
    "PROVINCE_KINDS",
    "Place",
    "forms",
    "is_province",
    "lookup",
    "place_table",
    "province_of",
    "running_text_forms",
    "split_place_prefix",
    "strip_level",
]

PROVINCE_KINDS = frozenset({"province", "autonomous_region", "municipality", "sar"})
# Longest first: 宁夏回族自治区 loses 回族自治区, not just 区.
LEVEL_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "回族自治区",
    "壮族自治区",
    "自治区",
    "自治州",
    "地区",
    "省",
    "市",
    "县",
    "区",
)
CITY_LEVELS = ("特别行政区", "维吾尔自治区", "回族自治区", "壮族自治区", "自治区", "省", "市")


@dataclass(frozen=True, slots=True)
class Place:
    """One row of the table: 深圳市 / 深圳 / province 广东 / kind city."""

    name: str
    short: str
    province: str
    kind: str
    abbr: str | None = None
    common_word: bool = False  # the short form is also an ordinary word (白银, 安康)

    @property
    def is_province(self) -> bool:
        return self.kind in PROVINCE_KINDS


@lru_cache(maxsize=1)
def place_table() -> tuple[Place, ...]:
    """Every place of ``seedie/data/places.json``, in file order (read once)."""
    raw = files("seedie.data").joinpath("places.json").read_text(encoding="utf-8")
    return tuple(
        Place(
            name=row["name"],
            short=row["short"],
            province=row["province"],
            kind=row["kind"],
            abbr=row.get("abbr"),
            common_word=bool(row.get("common_word", False)),
        )
        for row in json.loads(raw)["places"]
    )


@lru_cache(maxsize=1)
def forms() -> dict[str, Place]:
    """Surface form (official name or bare short form) -> place; the first row wins.

    >>> forms()["贵州省"].short, forms()["深圳"].province
    ('贵州', '广东')
    """
    out: dict[str, Place] = {}
    for place in place_table():
        for form in (place.name, place.short):
            if len(form) >= 2:
                out.setdefault(form, place)
    return out


@lru_cache(maxsize=1)
def running_text_forms() -> dict[str, Place]:
    """The forms that name a place wherever they occur in running text.

    A district's bare short form (白云, 朝阳) and a short form marked ``common_word`` (白银,
    安康) are also ordinary words and only count in their official form (白云区, 白银市).
    """
    return {
        form: place
        for form, place in forms().items()
        if form == place.name or (place.kind != "district" and not place.common_word)
    }


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


def strip_level(name: str, levels: tuple[str, ...] = CITY_LEVELS) -> str:
    """The bare form of a place name: a table entry's short form, else ``name`` minus one
    trailing level word from ``levels`` (at least two characters stay).

    >>> strip_level("贵州省"), strip_level("宁夏回族自治区"), strip_level("某某市")
    ('贵州', '宁夏', '某某')
    >>> strip_level("桐庐县"), strip_level("桐庐县", LEVEL_SUFFIXES)
    ('桐庐县', '桐庐')
    """
    place = forms().get(name)
    if place is not None:
        return place.short
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def _by_first_char() -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms(), key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form)
    return {k: tuple(v) for k, v in by_first.items()}


def split_place_prefix(surface: str, min_rest: int = 2) -> tuple[str, str] | None:
    """(place, rest) for a surface that starts with a place form, longest form first; a level
    character left behind by a short form (贵州|省商务厅) goes with the place.

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
