"""Names the head-word patterns cannot see: a known name reaching its head over more name
characters (华为 + 智慧能源 + 中心), the owner named in a visited project (某某稀土磁性材料
项目 -> 某某稀土), and trade names with an industry word in a list of companies (某某食品、
某某纺织等企业).

Pure Python (no spaCy import).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import alternation, any_word_re
from ..text.anchors import char_class
from ..text.chars import HAN
from ..text.sentences import CLAUSE_BREAKS, CLAUSE_MARKS
from .lexicon import (
    NAME_CHAR,
    NUMERAL_CLASSIFIER,
    Lexicon,
    head_of,
    is_protected,
    name_ends_at,
    place_hits,
    run_start,
    segments_into,
    stem_window_start,
)
from .lexicon import lexicon as org_lexicon


def _latest_boundary_end(text: str, lo: int, hi: int, lex: Lexicon) -> int:
    """End of the last boundary word inside text[lo:hi], or ``lo`` when there is none."""
    for cut in range(hi, lo, -1):
        for b in lex.boundaries_by_last.get(text[cut - 1], ()):
            if cut - len(b) >= lo and text.startswith(b, cut - len(b)):
                if len(b) == 1 and is_protected(text, cut - 1, lex):
                    continue
                return cut
    return lo


def project_owners(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """某某稀土磁性材料生产项目 -> 某某稀土: a visited project is named after its owner.

    The owner is [place] + a trade name of two to four characters + industry words; the rest
    (磁性材料生产, 技改) describes the project. Only a project that opens a stop (a line, a
    clause, or the object of 来到/查看) is read this way.
    """
    out = []
    for m in re.finditer("项目", text):
        hs = m.start()
        start = _latest_boundary_end(text, stem_window_start(text, hs), hs, lex)
        opens = start == 0 or text[start - 1] in CLAUSE_MARKS + "\n"
        if not opens and not text[max(0, start - 8) : start].rstrip("了").endswith(lex.stop_verbs):
            continue
        place = place_hits(text).match(start, hs)
        pos = place[1] if place is not None else start
        for size in (2, 3, 4):
            end = pos + size
            while True:
                word = _industry_at(text, end)
                if word is None or end + len(word) > hs:
                    break
                end += len(word)
            if end > pos + size:
                brand = text[pos : pos + size]
                if brand not in lex.generic_stem_words and brand not in lex.places:
                    out.append((start, end, "project"))
                break
    return out


CLAUSE_RUN = re.compile(f"[^{CLAUSE_BREAKS}]*")  # a run of characters inside one clause
_TRADE_NAME = re.compile(rf"[{HAN}]{{3,10}}")


@lru_cache(maxsize=1)
def _industry_re() -> re.Pattern[str]:
    return re.compile(alternation(org_lexicon().industry_words))


def _industry_at(text: str, pos: int) -> str | None:
    """The industry word (科技, 新材料 …) starting at ``pos``, longest first, if any."""
    m = _industry_re().match(text, pos)
    return m.group() if m else None


def _trade_name_end(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when text[start:end] is [place] + a two-to-four-character trade name + industry."""
    place = place_hits(text).match(start, end)
    pos = place[1] if place is not None else start
    for size in (2, 3, 4):
        rest, words = pos + size, 0
        while rest < end:
            word = _industry_at(text, rest)
            if word is None:
                break
            rest, words = rest + len(word), words + 1
        if words and rest == end:
            brand = text[pos : pos + size]
            # 生物医药, 新能源汽车: industry words alone name a sector, not a company.
            return (
                brand not in lex.generic_stem_words
                and brand not in lex.places
                and not segments_into(text[pos:end], lex.industry_word_set)
            )
    return False


def _run_end(text: str, pos: int) -> int:
    """The end of the run of non-break characters that starts at ``pos``."""
    m = CLAUSE_RUN.match(text, pos)
    return pos if m is None else m.end()


@lru_cache(maxsize=1)
def _split_start_re(lex: Lexicon) -> re.Pattern[str]:
    """The first characters of the splits of a list (``lex.list_split_re``)."""
    return char_class("、" + "".join(w[0] for w in lex.list_conjunctions))


def list_names(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """某某食品、某某纺织、某某科技等企业: list items made of a trade name and an industry word.

    Such a name has no head word; it is read as a company only inside an enumeration (items
    joined by 、, 和 or 及) that names companies: the list ends in 等…企业/公司, or another item
    carries an organization head.
    """
    out: list[tuple[int, int, str]] = []
    # Only a clause holding the first character of a split (、, 和 …) can hold a split: the
    # clauses are looked up around those characters instead of walked one by one.
    done = 0
    for mark in _split_start_re(lex).finditer(text):
        if mark.start() < done:
            continue  # in the clause just read
        # The clause holding the mark: the run of non-break characters around it.
        lo = run_start(text, mark.start(), CLAUSE_RUN)
        hi = done = _run_end(text, mark.start())
        stop = text.find("等", lo, hi)
        stop = hi if stop == -1 else stop
        companies = lex.company_list_end_re.match(text, stop, hi) is not None
        if not companies and lex.company_head_re.search(text, lo, stop) is None:
            continue  # no closing 等…企业 and no item with a company head: not a company list
        splits = list(lex.list_split_re.finditer(text, lo, stop))
        if not splits:
            continue
        cuts = [lo] + [m.end() for m in splits]
        ends = [m.start() for m in splits] + [stop]
        found = []
        for start, end in zip(cuts, ends):
            # 考察了某某公司, 协作项目某某食品: what precedes the name is not part of it.
            start = _latest_boundary_end(text, start, end, lex)
            for word in lex.list_item_leads:
                cut = text.rfind(word, start, end)
                if cut != -1:
                    start = cut + len(word)
            head = lex.head_re.search(text, max(start, end - 6), end)
            if head is not None and head.end() == end and lex.head_kind[head.group()] == "company":
                stem = text[start : head.start()]
                # 大型企业集团 is a description; 某某集团 names a company.
                companies = companies or (
                    len(stem) >= 2 and not segments_into(stem, lex.generic_stem_words)
                )
            elif _TRADE_NAME.fullmatch(text, start, end) and _trade_name_end(text, start, end, lex):
                found.append((start, end, "listed"))
        if companies:
            out += found
    return out


# How far a known name may be extended to a head word over name characters (华为 + 智慧能源
# + 中心, 某某汽车股份有限公司 + 榆林分 + 公司).
_GAP = 8
# extend_to_head reads head words only in the characters from a name's end up to this many.
HEAD_REACH = _GAP + 8
_DIGITS = re.compile("[0-9０-９]")


_NAME_CHARS = re.compile(f"{NAME_CHAR.pattern}*")


@lru_cache(maxsize=1)
def _gap_words_re(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns finding any title word and any boundary word in a gap."""
    return any_word_re(lex.title_words), any_word_re(lex.boundaries)


def _gap_is_name(
    text: str, start: int, end: int, near: list[tuple[int, int]], lex: Lexicon
) -> bool:
    gap = text[start:end]
    if _NAME_CHARS.fullmatch(gap) is None or _DIGITS.search(gap):
        return False
    if NUMERAL_CLASSIFIER.search(gap):
        return False
    titles, boundaries = _gap_words_re(lex)
    if titles.search(gap):
        return False  # 比亚迪董事长…: a person follows, not more of the name
    if boundaries.search(gap) is None:
        return True  # no boundary word in the gap: nothing below can refuse it
    for b in lex.boundaries:
        i = gap.find(b)
        if i == -1:
            continue
        if len(b) == 1 and is_protected(text, start + i, lex):
            continue
        if b in lex.inner_words and name_ends_at(text, start + i, near, lex):
            continue
        return False
    return True


def extend_to_head(
    text: str, start: int, end: int, near: list[tuple[int, int]], lex: Lexicon
) -> tuple[int, str] | None:
    """End and head of ``known name + name characters + head`` (华为智慧能源中心), if any."""
    for m in lex.head_re.finditer(text, end, min(len(text), end + HEAD_REACH)):
        hs, he, head = m.start(), m.end(), m.group()
        if hs - end > _GAP or not _gap_is_name(text, end, hs, near, lex):
            return None
        if len(head) < 2 or head in lex.sub_heads or lex.head_kind[head] == "government":
            continue
        if he < len(text) and text[he] in lex.blockers.get(head, ""):
            continue
        # 比亚迪集团 + 股份有限公司: a legal form right after the head belongs to it.
        while (nxt := lex.head_re.match(text, he)) is not None and lex.head_kind[
            nxt.group()
        ] == "company":
            he, head = nxt.end(), nxt.group()
        return he, head
    return None


def extend_over_industry(text: str, end: int, lex: Lexicon) -> int:
    """某钨 + 新能源 等企业: industry words right after a known name, before the name ends.

    A name that already ends in an organization head or legal form (某某股份有限公司) is
    complete: the words after it (投资建设) are what it does, not more of its name.
    """
    if head_of(text[max(0, end - 8) : end]) is not None:
        return end
    pos = end
    while True:
        word = _industry_at(text, pos)
        if word is None:
            break
        pos += len(word)
    if pos == end:
        return end
    if pos < len(text) and NAME_CHAR.match(text[pos]) and text[pos] not in "等和与及":
        return end
    return pos
