"""The unit table: surface words -> canonical unit + kind (one source: ``data/units.json``).

Pure code (no spaCy). The table follows api-contract.md: currencies are ISO 4217 codes
(元/人民币/块 -> CNY), measures use short SI-like codes (千瓦 -> kW, 亩 -> mu), classifiers
are their own unit (家 -> 家) except 名/位/人次 -> 人.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..lexicon import data_table
from .spacing import GAP_CLASS, MAX_GAP

__all__ = ["UnitInfo", "UnitTable", "lookup_unit", "unit_table"]


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One surface word: ``千瓦`` -> UnitInfo("kW", "power"); ``成`` scales by 10 into %."""

    surface: str
    unit: str
    kind: str
    factor: Decimal = Decimal(1)
    qualifier: str | None = None  # 个多月 carries "over" by itself


def _alternation(words: list[str]) -> str:
    # Longest first so that 千瓦时 wins over 千瓦 and 个百分点 over 个.
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class UnitTable:
    """Compiled view of units.json; build once through :func:`unit_table`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.units: dict[str, UnitInfo] = {}
        for row in data["units"]:
            surface, unit, kind = row[0], row[1], row[2]
            factor = Decimal(row[3]) if len(row) > 3 else Decimal(1)
            qualifier = row[4] if len(row) > 4 else None
            self.units[surface] = UnitInfo(surface, unit, kind, factor, qualifier)
        persons = set(data["person_classifiers"])
        self.classifiers = frozenset(data["classifiers"])
        for ch in data["classifiers"]:
            if ch not in self.units:
                self.units[ch] = UnitInfo(ch, "人" if ch in persons else ch, "count")
        self.currency_symbols: dict[str, str] = dict(data["currency_symbols"])
        self.currency_prefixes: dict[str, str] = dict(data["currency_prefix_words"])
        # 人民币5000万元, 港币两千元, 美元100: any named currency may lead the number
        generic = {"元", "圆", "块", "块钱", "元人民币"}
        for info in self.units.values():
            if info.kind == "money" and len(info.surface) >= 2 and info.factor == 1:
                if info.surface not in generic:
                    self.currency_prefixes.setdefault(info.surface, info.unit)
        # 9000元日币, 5000万元人民币: a named currency after 元 decides the code
        self.generic_money = frozenset(generic)
        self.currency_word_re = re.compile(_alternation(list(self.currency_prefixes)))
        self.money_subunits = {k: Decimal(v) for k, v in data["money_subunits"].items()}
        self.qualifier_prefixes: dict[str, str] = dict(data["qualifier_prefixes"])
        self.qualifier_suffixes: dict[str, str] = dict(data["qualifier_suffixes"])
        self.per_prefixes: dict[str, str] = dict(data["per_prefixes"])
        self.date_words = frozenset(data["date_words_after_number"])
        # 一起 / 一线 / 一块儿: 一 + classifier words that are adverbs or nouns, not counts
        self.lexicalized_one = frozenset(data["lexicalized_one"])

        self.unit_re = re.compile(_alternation(list(self.units)))
        self.date_re = re.compile(_alternation(list(self.date_words)))
        self.qualifier_suffix_re = re.compile(_alternation(list(self.qualifier_suffixes)))
        # "/吨", "每斤", "/h": the rate denominator after a unit
        self.per_suffix_re = re.compile(
            r"(?:/|每)(?:个|一)?(" + _alternation([*self.units, "h", "s", "d"]) + ")"
        )
        self.per_word_re = re.compile(r"每(?:个|一)?(" + _alternation(list(self.units)) + ")")
        # Every word that may stand before the number, for both forward and look-back scans.
        self.prefix_words: dict[str, tuple[str, str]] = {}
        for word, qual in self.qualifier_prefixes.items():
            self.prefix_words[word] = ("qual", qual)
        for word, per in self.per_prefixes.items():
            self.prefix_words[word] = ("per", per)
        for word, code in self.currency_symbols.items():
            self.prefix_words[word] = ("cur", code)
        for word, code in self.currency_prefixes.items():
            self.prefix_words[word] = ("cur", code)
        for word in ("零下", "负"):
            self.prefix_words[word] = ("neg", "")
        self.prefix_words["摄氏"] = ("temp", "°C")
        self.prefix_re = re.compile(_alternation(list(self.prefix_words)))
        per_alt = "每(?:个|一)?(?:" + _alternation(list(self.units)) + ")"
        # 每天有超过500万枚: "there are" may stand between the rate word and the amount.
        prefix_alt = _alternation(list(self.prefix_words)) + "|" + per_alt + "有?|上|数|[-+]"
        # 每天 超过 500 万枚: a gap may part two prefixes (before the number, parse.py skips it)
        one, gap = f"(?:{prefix_alt})", f"{GAP_CLASS}{{0,{MAX_GAP}}}"
        self.lookback_re = re.compile(f"{one}(?:{gap}{one}){{0,3}}$")

    def per_code(self, surface: str) -> str:
        """Canonical denominator of a rate: 斤 -> "jin", 天 -> "day", 股 -> "股", 名 -> "人"."""
        info = self.units.get(surface)
        if info is not None:
            return info.unit
        return {"h": "h", "s": "s", "d": "day"}.get(surface, surface)


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    """The shipped table (``seedie/data/units.json``), loaded once."""
    return UnitTable(data_table("units.json"))


def lookup_unit(word: str) -> UnitInfo | None:
    """Canonical unit of one surface word.

    Example:
        >>> lookup_unit("千瓦").unit
        'kW'
    """
    if not isinstance(word, str):
        return None
    return unit_table().units.get(word.strip())
