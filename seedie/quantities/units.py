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

from ..lexicon import data_table, first_chars, trie_pattern
from .numerals import CN_DIGITS
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


class UnitTable:
    """Compiled view of units.json: the units and every word list and pattern of the quantity
    grammar (built once, through :func:`unit_table`)."""

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
        generic = frozenset(data["generic_money"])
        for info in self.units.values():
            if info.kind == "money" and len(info.surface) >= 2 and info.factor == 1:
                if info.surface not in generic:
                    self.currency_prefixes.setdefault(info.surface, info.unit)
        # 9000元日币, 5000万元人民币: a named currency after 元 decides the code
        self.generic_money = generic
        self.currency_word_re = re.compile(trie_pattern(list(self.currency_prefixes)))
        self.money_subunits = {k: Decimal(v) for k, v in data["money_subunits"].items()}
        self.qualifier_prefixes: dict[str, str] = dict(data["qualifier_prefixes"])
        self.qualifier_suffixes: dict[str, str] = dict(data["qualifier_suffixes"])
        self.per_prefixes: dict[str, str] = dict(data["per_prefixes"])
        self.date_words = frozenset(data["date_words_after_number"])
        # 一起 / 一线 / 一块儿: 一 + classifier words that are adverbs or nouns, not counts
        self.lexicalized_one = frozenset(data["lexicalized_one"])

        # Every word list is a prefix trie (seedie.lexicon.trie_pattern): the same matches as
        # the alternation longest first (千瓦时 wins over 千瓦, 个百分点 over 个), tried faster.
        # A first-character lookahead before the long lists: no match at most positions.
        self.unit_re = re.compile(first_chars(self.units) + trie_pattern(list(self.units)))
        self.date_re = re.compile(trie_pattern(list(self.date_words)))
        self.qualifier_suffix_re = re.compile(trie_pattern(list(self.qualifier_suffixes)))
        self._rates(data)
        self._numerals(data)
        self._words(data)

    def _rates(self, data: dict[str, Any]) -> None:
        """The rate patterns and the look-back over every word before the number."""
        units = trie_pattern(self.units)
        # 每斤, 每个月, 每一天: the rate word and what may stand before its unit
        markers, between = trie_pattern(data["per_markers"]), trie_pattern(data["per_classifiers"])
        per = f"(?:{markers})(?:{between})?"
        # "/吨", "每斤", "/h": the rate denominator after a unit
        self.per_suffix_re = re.compile(
            f"(?:/|{markers})(?:{between})?(" + trie_pattern([*self.units, "h", "s", "d"]) + ")"
        )
        self.per_word_re = re.compile(per + "(" + units + ")")
        self.per_first_chars = frozenset(w[0] for w in data["per_markers"])  # per_word_re's
        # Every word that may stand before the number, for both forward and look-back scans.
        self.prefix_words: dict[str, tuple[str, str]] = {}
        for word, qual in self.qualifier_prefixes.items():
            self.prefix_words[word] = ("qual", qual)
        for word, per_code in self.per_prefixes.items():
            self.prefix_words[word] = ("per", per_code)
        for word, code in self.currency_symbols.items():
            self.prefix_words[word] = ("cur", code)
        for word, code in self.currency_prefixes.items():
            self.prefix_words[word] = ("cur", code)
        for word in data["negative_prefixes"]:
            self.prefix_words[word] = ("neg", "")
        for word, code in data["temperature_prefixes"].items():
            self.prefix_words[word] = ("temp", code)
        prefixes = first_chars(self.prefix_words) + trie_pattern(self.prefix_words)
        self.prefix_re = re.compile(prefixes)
        self.prefix_first_chars = frozenset(w[0] for w in self.prefix_words)  # none is empty
        self.rate_filler_chars = frozenset(data["rate_filler_chars"])
        self.magnitude_prefixes: dict[str, str] = dict(data["magnitude_prefixes"])
        # 每天有超过500万枚: "there are" may stand between the rate word and the amount.
        fillers = trie_pattern(self.rate_filler_chars)
        prefix_alt = (
            f"{trie_pattern(self.prefix_words)}|{per}(?:{units})(?:{fillers})?"
            f"|{trie_pattern(self.magnitude_prefixes)}|[-+]"
        )
        # Each word starts with one of ``lead``: a lookahead passes over other positions at
        # once (same matches).
        lead = first_chars(
            [*self.prefix_words, *data["per_markers"], *self.magnitude_prefixes, "-", "+"]
        )
        # 每天 超过 500 万枚: a gap may part two prefixes (before the number, parse.py skips it)
        one, gap = f"{lead}(?:{prefix_alt})", f"{GAP_CLASS}{{0,{MAX_GAP}}}"
        self.lookback_re = re.compile(f"{one}(?:{gap}{one}){{0,3}}$")
        # A look-back match ends with one of these (a word's last character): before any
        # other character it cannot end, so parse.py need not search.
        ends = [*self.prefix_words, *self.units, *self.rate_filler_chars, *self.magnitude_prefixes]
        assert all(ends), "an empty word would match anywhere"  # and has no last character
        self.lookback_last_chars = frozenset(w[-1] for w in ends) | {"-", "+"}

    def _numerals(self, data: dict[str, Any]) -> None:
        """The numeral run, its multipliers and the money subunits after an amount."""
        starts: dict[str, list[str]] = data["multiplier_unit_starts"]
        # 百/千/兆 that start a unit word (百分点, 千瓦, 兆帕) are no multiplier
        g = {ch: f"{re.escape(ch)}(?!{trie_pattern(words)})" for ch, words in starts.items()}
        cn = CN_DIGITS
        point = trie_pattern(data["decimal_points"])
        # 点 is a decimal point only between Chinese digits (三点五), never in 9点.
        self.num_re = re.compile(
            r"(?:(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
            rf"|[{cn}几]"
            rf"|[十拾佰仟万萬亿億]|{g['百']}|{g['千']}|{g['兆']}"
            rf"|(?<=[{cn}十])(?:{point})(?=[{cn}]))+"
        )
        self.mult_re = re.compile(rf"(?:[十百万亿]|{g['千']})+")
        # The multiplier a gap may part from an Arabic number (spacing.py): 十 and 兆 never
        self.gap_mult_re = re.compile(rf"(?:[万亿萬億]|{g['千']}|{g['百']})+")
        d = f"[0-9{cn}]"
        tenths = "".join(k for k, v in self.money_subunits.items() if v == Decimal("0.1"))
        cents = trie_pattern(k for k, v in self.money_subunits.items() if v == Decimal("0.01"))
        tails = trie_pattern(data["money_tails"])
        self.money_tail_re = re.compile(tails)
        self.subunit_re = re.compile(
            rf"零?(?:({d})([{tenths}])(?:({d})(?:{cents})?)?|({d})(?:{cents}))(?:{tails})?"
        )
        subunits = "".join(self.money_subunits)
        self.trailing_jiao_re = re.compile(rf"({d})(?![0-9{cn}{subunits}十百千万亿])")

    def _words(self, data: dict[str, Any]) -> None:
        """The characters and words around a number: guards, fillers, ranges, discounts."""
        self.negative_prefixes: tuple[str, ...] = tuple(data["negative_prefixes"])
        self.temperature_units = frozenset(data["temperature_units"])
        self.qualifier_filler_chars = frozenset(data["qualifier_filler_chars"])
        self.numeral_word_prev_chars = frozenset(data["numeral_word_prev_chars"])
        self.arabic_word_prev_chars = frozenset(data["arabic_word_prev_chars"])
        self.range_opener_chars = frozenset(data["range_opener_chars"])
        connectors: dict[str, str] = data["range_connectors"]
        self.connector_re = re.compile(f"(?:{trie_pattern(connectors)})")
        assert all(connectors), "an empty connector would match anywhere"
        self.connector_first_chars = frozenset(w[0] for w in connectors)  # connector_re's
        self.word_connectors = frozenset(w for w, k in connectors.items() if k != "sign")
        self.between_connectors = frozenset(w for w, k in connectors.items() if k == "between")
        self.range_closer: str = data["range_closer"]
        self.discount_chars = frozenset(data["discount_chars"])
        self.discount_not_before_chars = frozenset(data["discount_not_before_chars"])
        self.inclusive_re = re.compile(rf"\((?:{trie_pattern(data['inclusive_marks'])})\)")

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
