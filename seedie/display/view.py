"""The HTML view of an :class:`~seedie.types.Extraction` (pure Python, no spaCy).

Tables of visits, claims and organizations, a summary, and the article with every item
marked and anchored; used by ``Extraction.to_html``/``_repr_html_`` in notebooks.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..lexicon import data_text
from .table import normalized_quantity

if TYPE_CHECKING:  # pragma: no cover
    from ..types import Claim, Extraction, Quantity, Visit


# Scoped to .seedie-view; colours come from JupyterLab's --jp-* (or VS Code's) variables with
# fallbacks for a plain page, so the view follows the notebook's light or dark theme. Highlights
# are translucent and underlined, readable on either background and without colour.
_CSS_FILE = "view.css"

_EMPTY = '<span class="sd-muted">–</span>'


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


class _Layout:
    """What the article view marks and anchors; computed once so that every link resolves."""

    def __init__(self, ex: Extraction, text: str | None, prefix: str) -> None:
        self.prefix = prefix
        self.text = text
        # (start, end) -> html id of the sentence; item -> its sentence's id
        self.sentences: dict[tuple[int, int], str] = {}
        self.sentence_of: dict[int, str] = {}
        self.sentence_range: dict[int, tuple[int, int]] = {}
        self.marks: list[tuple[int, int, str, str, list[tuple[str, str]]]] = []
        self.mark_ids: set[str] = set()
        if text is not None:
            self._place(ex, text)

    def _place(self, ex: Extraction, text: str) -> None:
        items: list[tuple[str, Visit | Claim]] = [
            (f"visit-{i}", v) for i, v in enumerate(ex.visits)
        ]
        items += [(f"claim-{i}", c) for i, c in enumerate(ex.claims)]
        found: dict[tuple[int, int], list[int]] = {}
        for n, (_row, item) in enumerate(items):
            rng = _sentence_range(text, item.sentence, item.start, item.end)
            if rng is not None:
                found.setdefault(rng, []).append(n)
        cursor = 0
        for rng in sorted(found):
            if rng[0] >= cursor:  # sentences of one article do not overlap; skip odd ones
                self.sentences[rng] = f"{self.prefix}-s{rng[0]}"
                for n in found[rng]:
                    self.sentence_of[id(items[n][1])] = self.sentences[rng]
                    self.sentence_range[id(items[n][1])] = rng
                cursor = rng[1]
        refs: dict[tuple[int, int], list[tuple[str, str]]] = {}
        for i, c in enumerate(ex.claims):
            if c.quantity.start is not None and c.quantity.end is not None:
                key = (c.quantity.start, c.quantity.end)
                refs.setdefault(key, []).append((c.id, f"{self.prefix}-claim-{i}"))
        raw: list[tuple[int, int, str, str, list[tuple[str, str]]]] = []
        for co in ex.companies:
            kb = f" · KB {co.kb_id}" if co.kb_id else ""
            raw += [(m.start, m.end, "org", f"{co.name} · {co.kind}{kb}", []) for m in co.mentions]
        for q in ex.quantities:
            if q.start is not None and q.end is not None:
                claims = refs.get((q.start, q.end), [])
                raw.append((q.start, q.end, "claim" if claims else "qty", _tip(q), claims))
        cursor = 0
        for mark in sorted(raw, key=lambda m: (m[0], -m[1])):
            start, end = mark[0], mark[1]
            if start < cursor or not 0 <= start < end <= len(text) or self._crosses(start, end):
                continue
            self.marks.append(mark)
            self.mark_ids.add(self.mark_id(start, mark[2]))
            cursor = end

    def _crosses(self, start: int, end: int) -> bool:
        return any(s < start < e < end or start < s < end < e for s, e in self.sentences)

    def mark_id(self, start: int, kind: str) -> str:
        return f"{self.prefix}-{'m' if kind == 'org' else 'q'}{start}"

    def link(self, label: str, target: str | None) -> str:
        if target is None or (target not in self.mark_ids and target not in self.sentence_ids):
            return label
        return f'<a href="#{target}">{label}</a>'

    @property
    def sentence_ids(self) -> set[str]:
        return set(self.sentences.values())


def _tip(q: Quantity) -> str:
    return f"{normalized_quantity(q)} · {q.kind}, {q.qualifier}"


def _sentence_range(text: str, sentence: str, start: int | None, end: int | None) -> Any:
    """Where ``sentence`` (which holds ``start..end``) is in ``text``, or None."""
    if not sentence or start is None or end is None:
        return None
    at = text.find(sentence, max(0, end - len(sentence)))
    if at == -1 or at > start or at + len(sentence) < end:
        return None
    return (at, at + len(sentence))


def _section(title: str, headers: Sequence[str], rows: list[str]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    count = f' <span class="sd-n">{len(rows)}</span>'
    if not rows:
        return f'<h4>{_e(title)}{count}</h4><p class="sd-muted">None found.</p>'
    return (
        f'<h4>{_e(title)}{count}</h4><div class="sd-scroll"><table class="sd-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _cell(value: Any, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{_e(value) if value not in (None, '') else _EMPTY}</td>"


def _sentence_cell(sentence: str, surface: str, at: int | None, kind: str) -> str:
    """The sentence with ``surface`` (found at ``at``, or searched) marked; the part before a
    late mark is cut so that the mark shows within the two visible lines; all of it on hover."""
    if not sentence:
        return _cell(None)
    if at is None or sentence[at : at + len(surface)] != surface:
        at = sentence.find(surface) if surface else -1
    if at < 0:
        body = _e(sentence)
    else:
        lead = sentence[:at] if at <= 30 else "…" + sentence[at - 24 : at]
        mark = f'<span class="sd-m sd-{kind}">{_e(surface)}</span>'
        body = _e(lead) + mark + _e(sentence[at + len(surface) :])
    return f'<td class="sd-sentence" title="{_e(sentence)}"><div class="sd-clamp">{body}</div></td>'


def _offset_in_sentence(lay: _Layout, item: Any) -> int | None:
    rng = lay.sentence_range.get(id(item))
    return None if rng is None or item.start is None else item.start - rng[0]


def _visits(ex: Extraction, lay: _Layout) -> str:
    rows = []
    for i, v in enumerate(ex.visits):
        sent = lay.sentence_of.get(id(v))
        kb = v.host_id if v.host_id and not v.host_id.startswith("local:") else None
        host = _e(v.host) + (f' <span class="sd-muted">{_e(kb)}</span>' if kb else "")
        said = lay.text[v.start : v.end] if lay.text is not None and v.start is not None else v.host
        rows.append(
            f'<tr id="{lay.prefix}-visit-{i}"><td>{lay.link(_e(v.id), sent)}</td>'
            + _cell(v.date.isoformat() if v.date else None)
            + _cell(v.time_of_day)
            + f"<td>{host}</td>"
            + _cell(v.place)
            + _sentence_cell(v.sentence, said, _offset_in_sentence(lay, v), "org")
            + "</tr>"
        )
    return _section("Visits", ["id", "date", "time", "host", "place", "sentence"], rows)


def _companies(ex: Extraction, lay: _Layout) -> str:
    rows = []
    for c in ex.companies:
        first = lay.mark_id(c.mentions[0].start, "org") if c.mentions else None
        aliases = "、".join(a for a in c.aliases if a != c.name)
        rows.append(
            f"<tr><td>{_e(c.name)}</td>"
            f'<td><span class="sd-badge">{_e(c.kind)}</span></td>'
            + _cell(c.kb_id)
            + _cell(c.parent)
            + _cell(aliases)
            + f'<td class="sd-num">{lay.link(str(len(c.mentions)), first)}</td></tr>'
        )
    headers = ["name", "kind", "KB id", "parent", "aliases", "mentions"]
    return _section("Organizations", headers, rows)


def _claims(ex: Extraction, lay: _Layout) -> str:
    rows = []
    for i, c in enumerate(ex.claims):
        q = c.quantity
        mark = lay.mark_id(q.start, "claim") if q.start is not None else None
        modality = "sd-badge" + ("" if c.modality == "actual" else " sd-strong")
        chip = f'<span class="sd-m sd-claim">{_e(q.text)}</span>'
        rows.append(
            f'<tr id="{lay.prefix}-claim-{i}">'
            f"<td>{lay.link(_e(c.id), lay.sentence_of.get(id(c)))}</td>"
            + _cell(c.subject)
            + _cell(c.metric)
            + f"<td>{lay.link(chip, mark)}</td>"
            + f'<td class="sd-num" title="{_e(q.kind)}, {_e(q.qualifier)}">'
            f"{_e(normalized_quantity(q))}</td>"
            + _cell(c.time)
            + f'<td><span class="{modality}">{_e(c.modality)}</span></td>'
            + _cell(c.speaker)
            + _sentence_cell(c.sentence, q.text, _offset_in_sentence(lay, c), "claim")
            + "</tr>"
        )
    headers = ["id", "subject", "metric", "as written", "normalized", "time", "modality",
               "speaker", "sentence"]  # fmt: skip
    return _section("Claims", headers, rows)


def _summary(ex: Extraction) -> str:
    who = (
        f"<b>{_e(ex.delegation.name)}</b>"
        + (
            f' <span class="sd-muted">from {_e(ex.delegation.home)}</span>'
            if ex.delegation.home
            else ""
        )
        if ex.delegation
        else '<span class="sd-muted">No delegation found</span>'
    )
    facts: list[tuple[str, str]] = []
    if ex.trip:
        days = " – ".join(d.isoformat() for d in (ex.trip.start_date, ex.trip.end_date) if d)
        facts.append(("trip", " · ".join(_e(x) for x in (ex.trip.region, days) if x)))
    ref = ex.reference_date.isoformat() if ex.reference_date else "none"
    source = f' <span class="sd-muted">({_e(ex.reference_date_source)})</span>'
    facts.append(("reference date", _e(ref) + (source if ex.reference_date_source else "")))
    facts.append(("quantities", str(len(ex.quantities))))
    facts.append(("base", _e(ex.base)))
    dl = "".join(f'<div class="sd-fact"><dt>{k}</dt><dd>{v}</dd></div>' for k, v in facts)
    return f'<div class="sd-head"><div>{who}</div><dl>{dl}</dl></div>'


_LEGEND = (
    '<ul class="sd-legend"><li><span class="sd-m sd-org">organization</span></li>'
    '<li><span class="sd-m sd-qty">quantity</span></li>'
    '<li><span class="sd-m sd-claim">quantity in a claim</span><sup class="sd-ref">c1</sup>'
    " (the label links to its row)</li><li>hover a mark for its normalized value</li></ul>"
)


def _article(text: str, lay: _Layout) -> str:
    out: list[str] = []
    cursor = 0
    for (start, end), sid in sorted(lay.sentences.items()):
        out.append(_marked(text, cursor, start, lay))
        out.append(f'<span class="sd-sent" id="{sid}">{_marked(text, start, end, lay)}</span>')
        cursor = end
    out.append(_marked(text, cursor, len(text), lay))
    return (
        f'<details class="sd-article" open><summary>Article '
        f'<span class="sd-n">{len(text):,} characters</span></summary>{_LEGEND}'
        f'<div class="sd-text">{"".join(out)}</div></details>'
    )


def _plain(s: str) -> str:
    """Escaped text; a blank line becomes a short paragraph gap instead of two empty lines."""
    return _BLANK_LINES.sub('<span class="sd-para"></span>', _e(s))


_BLANK_LINES = re.compile(r"[ \t\u3000]*\n(?:[ \t\u3000]*\n)+[ \t\u3000]*")


def _marked(text: str, lo: int, hi: int, lay: _Layout) -> str:
    out: list[str] = []
    cursor = lo
    for start, end, kind, tip, refs in lay.marks:
        if start < lo or end > hi:
            continue
        out.append(_plain(text[cursor:start]))
        sups = "".join(
            f'<sup class="sd-ref"><a href="#{row}">{_e(cid)}</a></sup>' for cid, row in refs
        )
        out.append(
            f'<span class="sd-keep"><mark class="sd-m sd-{kind}" id="{lay.mark_id(start, kind)}"'
            f' title="{_e(tip)}">{_e(text[start:end])}</mark>{sups}</span>'
        )
        cursor = end
    out.append(_plain(text[cursor:hi]))
    return "".join(out)


def to_html(ex: Extraction, text: str | None = None) -> str:
    """A styled, self-contained HTML view (no scripts, no external assets) for notebooks.

    Tables of visits, organizations and claims (each quantity as written and normalized);
    with ``text``, the article with organizations, quantities and claims highlighted, a colour
    legend, and links between each claim's row and its sentence. Element ids carry a prefix
    derived from the content, so several views in one notebook do not collide.

    Example:
        >>> text = "比亚迪投资1158亿元。"
        >>> view = seedie.extract(text).to_html(text)  # doctest: +SKIP
    """
    digest = hashlib.sha1(ex.to_json().encode("utf-8", "surrogatepass"), usedforsecurity=False)
    if text is not None:
        digest.update(b"\0" + text.encode("utf-8", "surrogatepass"))
    prefix = "sd-" + digest.hexdigest()[:10]
    lay = _Layout(ex, text, prefix)
    parts = [
        f'<div class="seedie-view" id="{prefix}"><style>{data_text(_CSS_FILE)}</style>',
        _summary(ex),
        _visits(ex, lay),
        _claims(ex, lay),
        _companies(ex, lay),
    ]
    if text is not None:
        parts.append(_article(text, lay))
    parts.append("</div>")
    return "\n".join(parts)
