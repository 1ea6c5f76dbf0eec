"""Which candidate spans are organization mentions (no spaCy import).

Before linking, candidates from NER, the KB and the name finder are trimmed (a title word
stuck to a body, a dateline's 讯, a visiting group after a body), cleaned of junk (places,
generic nouns, bylines, quoted figures of speech) and made non-overlapping: the longest span
wins, at equal length kb > ner > the name finder's sources. Departments right after their
organization are dropped, and a facility named right after its organization joins it.

    >>> [(c.start, c.end, c.source) for c in resolve_overlaps(
    ...     "比亚迪集团", [OrgCandidate(0, 3, "kb"), OrgCandidate(0, 5, "pattern")])]
    [(0, 5, 'pattern')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from ..text.anchors import char_class
from ..text.chars import HAN
from ..text.sentences import FULL_STOPS
from ..text.spans import ClaimedChars
from .kb import strip_place
from .lexicon import head_of, is_place, lexicon
from .names import OrgCandidate

# At equal length a KB alias beats an NER span, which beats what the name finder proposed.
_SOURCE_RANK = {"kb": 0, "ner": 1}
_DERIVED = frozenset(("abbr", "alias"))


# 满族, 维吾尔族: an ethnic group (OntoNotes NORP), never an organization.
_ETHNIC_GROUP = re.compile(rf"[{HAN}]{{1,4}}族")


@lru_cache(maxsize=1 << 16)  # the same surfaces come back in every overlap resolution
def is_junk(surface: str, *, known: bool = False) -> bool:
    """Not an organization name on its own. ``known``: the KB has it (中共 and 国务院 are
    organizations although they also start longer names)."""
    lex = lexicon()
    return (
        len(surface) < 2
        or is_place(surface)
        # 某某旗, 锡林郭勒盟: an administrative unit NER took for an organization.
        or (lex.admin_unit_re.match(surface) is not None and head_of(surface) is None)
        or _ETHNIC_GROUP.fullmatch(surface) is not None
        or any(w in surface for w in lex.not_in_names)  # 两地, 双方: several places
        or surface in lex.generic
        or (surface in lex.name_starts and not known)  # 中华, 国际: the start of a name
        or surface[0] in lex.determiners
        and surface[1:] in lex.generic
        or strip_place(surface) in lex.generic  # 贵州电力, 广东制造业: place + sector
    )


_QUOTES = {"“": "”", '"': '"', "「": "」", "《": "》", "‘": "’"}


def is_byline(text: str, start: int, end: int) -> bool:
    """贵州日报天眼新闻记者 X, 新华社昆明9月6日电: the publisher, at the start of a line.

    A byline (贵州日报天眼新闻记者 张三) or dateline (某某日报讯, 某某网4月19日讯（记者…）) names
    the publisher, not an organization of the story.
    """
    return (start == 0 or text[start - 1] == "\n") and lexicon().byline_re.match(
        text, end, end + 10
    ) is not None


_SHORT_QUOTE = 10
# A short quoted figure of speech ends at a full-width stop or a line break; half-width ! and ?
# (a URL, Latin text inside the quote) do not end it.
_QUOTE_BREAKS = "".join(c for c in FULL_STOPS if not c.isascii()) + "\n"
_QUOTE_BREAK_RE = char_class(_QUOTE_BREAKS)
_OPENER_RE = char_class("".join(_QUOTES))


@lru_cache(maxsize=8)  # asked for every candidate of a document
def _quote_openers(text: str) -> list[int]:
    """The offsets of the opening quotes in ``text``, in order."""
    return [m.start() for m in _OPENER_RE.finditer(text)]


def _is_context_junk(text: str, start: int, end: int, source: str) -> bool:
    """Mentions that are organizations only by form: quoted slogans (“前店后厂”) and names
    inside a short quoted figure of speech (“某某界的爱马仕”)."""
    if source == "kb" or start == 0 or end >= len(text):
        return False
    if _QUOTES.get(text[start - 1]) == text[end]:
        return True
    if source not in ("ner", "seed"):
        return False
    # The latest opening quote in the _SHORT_QUOTE characters before the name.
    openers = _quote_openers(text)
    i = bisect_left(openers, start) - 1
    opened = openers[i] if i >= 0 and openers[i] >= start - _SHORT_QUOTE else -1
    if opened == -1 or _QUOTE_BREAK_RE.search(text, opened, start) is not None:
        return False
    close = _QUOTES[text[opened]]
    shut = text.find(close, end, opened + _SHORT_QUOTE + 2)
    return shut != -1 and shut - opened <= _SHORT_QUOTE + 1


@lru_cache(maxsize=1)
def _trailing_words() -> tuple[tuple[int, frozenset[str]], ...]:
    """Titles and leader verbs that may follow a body's name (市委常委, 某商会率), by length,
    longest first: a name's end is looked up once per length instead of once per word."""
    lex = lexicon()
    words = set(lex.title_words) | set(lex.leader_verbs)
    sizes = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in sizes)


@lru_cache(maxsize=1 << 16)  # a pure function of the surface, asked for every candidate
def _trim_plan(surface: str) -> tuple[int, int, bool]:
    """What :func:`trim` does to a candidate with this surface: the characters cut at its
    start and at its end, and (when none is cut at the end) whether a visiting group right
    after it joins it (its name, once cut at the start, has a government head)."""
    lex = lexicon()
    shift = 0
    # 某开发区内 + 某某有限公司: the name starts after the zone it is located in.
    for word in lex.inside_words:
        cut = surface.rfind(word)
        rest = surface[cut + len(word) :]
        if cut >= 2 and len(rest) >= 4 and head_of(rest) is not None:
            shift = cut + len(word)
            surface = rest
            break
    for size, words in _trailing_words():  # longest first
        if surface[-size:] in words:
            rest = surface[:-size]
            if len(rest) >= 2 and head_of(rest) is not None:
                return shift, size, False
    if surface.endswith("讯") and len(surface) >= 4 and surface[-2] != "通":
        return shift, 1, False
    head = head_of(surface)
    return shift, 0, head is not None and head[1] == "government"


def trim(text: str, cand: OrgCandidate) -> OrgCandidate:
    """某开发区内某某公司 -> 某某公司, 市委常委 -> 市委, 某商会率 -> 某商会, 江城日报讯 -> 江城日报,
    省委省政府 + 工作检查组 -> the visiting group."""
    shift, cut, government = _trim_plan(text[cand.start : cand.end])
    end = cand.end - cut
    if government:
        m = lexicon().group_after_re.match(text, cand.end)  # 工作检查组 right after a body
        if m is not None:
            end = m.end()
    if shift == 0 and end == cand.end:
        return cand
    return OrgCandidate(cand.start + shift, end, cand.source, cand.head)


def resolve_overlaps(
    text: str, candidates: Iterable[OrgCandidate], settled: Iterable[OrgCandidate] = ()
) -> list[OrgCandidate]:
    """Non-overlapping candidates: longest first, then kb > ner > the rest; junk dropped.

    ``settled``: candidates kept by an earlier resolution that trimming leaves unchanged;
    they only compete for characters (the checks they passed would give the same answers).
    They rank before ``candidates`` among equal keys, as if listed first.

    >>> [(c.start, c.end, c.source) for c in resolve_overlaps(
    ...     "比亚迪集团", [OrgCandidate(0, 3, "kb"), OrgCandidate(0, 5, "pattern")])]
    [(0, 5, 'pattern')]
    """
    items = [(c, True) for c in settled] + [(trim(text, c), False) for c in candidates]
    items.sort(
        key=lambda i: (-(i[0].end - i[0].start), _SOURCE_RANK.get(i[0].source, 2), i[0].start)
    )
    # An overlapping span is dropped whether it is junk or not, so that is asked first; an
    # empty span overlaps nothing here, but it is junk (too short).
    length = len(text)
    claimed = ClaimedChars(length)
    kept: list[OrgCandidate] = []
    for c, known in items:
        s, e, source = c.start, c.end, c.source
        if s < 0 or e > length or not claimed.free(s, e):
            continue
        if not known and _is_junk_here(text, s, e, source):
            continue
        claimed.claim(s, e)
        kept.append(c)
    kept.sort(key=lambda c: c.start)  # no two kept spans start at the same character
    return kept


def _is_junk_here(text: str, s: int, e: int, source: str) -> bool:
    """A candidate dropped as junk: in its context, or by its surface."""
    if _is_context_junk(text, s, e, source):
        return True
    # Short forms were checked when they were derived; a generic tail (交易中心) is a
    # definite reference to the long name it shortens. (is_junk(x) is is_junk(x,
    # known=False) without the keyword, which its cache would make a key of.)
    return source not in _DERIVED and (
        is_junk(text[s:e], known=True) if source == "kb" else is_junk(text[s:e])
    )


def drop_departments(text: str, spans: list[OrgCandidate]) -> list[OrgCandidate]:
    """国创中心产业发展部: a department right after its organization is part of it, not an org."""
    ends = {c.end for c in spans}
    kept = []
    for c in spans:
        head = head_of(text[c.start : c.end])
        if (
            head
            and head[0] in lexicon().department_heads
            and c.source != "kb"
            and any(c.start - k in ends for k in range(0, 4))
        ):
            continue
        kept.append(c)
    return kept


def join_adjacent(text: str, spans: list[OrgCandidate]) -> list[OrgCandidate]:
    """超聚变 + 郑州智算中心: a facility named right after its organization is one mention."""
    out: list[OrgCandidate] = []
    for c in spans:
        prev = out[-1] if out else None
        head = head_of(text[c.start : c.end])
        if (
            prev is not None
            and prev.end == c.start
            and c.source != "kb"
            and head is not None
            and head[1] in ("other", "research")
            and head[0] not in lexicon().zones
        ):
            prev_head = head_of(text[prev.start : prev.end])
            if prev_head is None or prev_head[1] == "company":
                out[-1] = replace(prev, end=c.end, head=head[0])
                continue
        out.append(c)
    return out
