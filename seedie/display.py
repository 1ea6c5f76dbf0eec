"""People-facing views of an :class:`~seedie.types.Extraction`: a text table and HTML.

Pure Python (no spaCy): used by the CLI's ``--format table`` and by
``Extraction._repr_html_`` in notebooks.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

from .types import Extraction, Quantity


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _table(headers: Sequence[str], rows: list[list[str]]) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def describe_quantity(q: Quantity) -> str:
    """Short human form: ``≥5000000 枚/day``, ``1e10..2e10 CNY``.

    Example:
        >>> describe_quantity(Quantity(text="近万人", value=10000.0, unit="人", kind="count",
        ...                            high=10000.0, qualifier="nearly"))
        '<10000 人'
    """
    unit = f" {q.unit}" if q.unit else ""
    per = f"/{q.per}" if q.per else ""
    num = _num(q.value)
    if q.low is not None and q.high is not None:
        body = f"{_num(q.low)}..{_num(q.high)}"
    elif q.low is not None:
        body = f">{num}" if q.qualifier == "over" else f"≥{num}"
    elif q.high is not None:
        body = f"<{num}" if q.qualifier in ("nearly", "under") else f"≤{num}"
    elif q.qualifier == "about":
        body = f"~{num}"
    else:
        body = num
    return f"{body}{unit}{per}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e18 else f"{x:g}"


def _rows(ex: Extraction) -> dict[str, tuple[list[str], list[list[str]]]]:
    visits = [
        [v.id, v.date.isoformat() if v.date else "", v.time_of_day or "", v.host, v.place or ""]
        for v in ex.visits
    ]
    companies = [
        [
            c.name,
            c.kind,
            c.kb_id or "",
            c.parent or "",
            "、".join(a for a in c.aliases if a != c.name),
        ]
        for c in ex.companies
    ]
    claims = [
        [
            c.id,
            c.subject or "",
            c.metric or "",
            describe_quantity(c.quantity),
            c.time or "",
            c.modality,
            c.speaker or "",
        ]
        for c in ex.claims
    ]
    return {
        "Visits": (["id", "date", "time", "host", "place"], visits),
        "Companies": (["name", "kind", "kb_id", "parent", "aliases"], companies),
        "Claims": (["id", "subject", "metric", "quantity", "time", "modality", "speaker"], claims),
    }


def format_table(ex: Extraction) -> str:
    """The extraction as plain-text tables (visits, companies, claims)."""
    out: list[str] = []
    if ex.delegation:
        out.append(f"Delegation: {ex.delegation.name} (home: {ex.delegation.home or '?'})")
    if ex.trip:
        span = " .. ".join(d.isoformat() for d in (ex.trip.start_date, ex.trip.end_date) if d)
        out.append(f"Trip: {ex.trip.region or '?'} {span}".rstrip())
    ref = ex.reference_date.isoformat() if ex.reference_date else "none"
    out.append(f"Reference date: {ref} ({ex.reference_date_source}); base: {ex.base}")
    for title, (headers, rows) in _rows(ex).items():
        out.append(f"\n{title} ({len(rows)})")
        if rows:
            out.append(_table(headers, rows))
    return "\n".join(out)


def to_html(ex: Extraction, text: str | None = None) -> str:
    """HTML tables for a notebook; with ``text``, the article with highlighted spans too."""
    parts: list[str] = []
    for title, (headers, rows) in _rows(ex).items():
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows
        )
        parts.append(f"<h4>{title} ({len(rows)})</h4><table><tr>{head}</tr>{body}</table>")
    if text is not None:
        parts.append(f"<h4>Text</h4><div style='line-height:2'>{highlight(ex, text)}</div>")
    return "\n".join(parts)


_COLORS = {"org": "#c7e9c0", "quantity": "#fdd0a2", "claim": "#fc9272"}


def highlight(ex: Extraction, text: str) -> str:
    """``text`` as HTML with organization mentions and quantities marked."""
    marks: list[tuple[int, int, str, str]] = []
    for c in ex.companies:
        marks += [(m.start, m.end, "org", c.name) for m in c.mentions]
    claimed = {(c.quantity.start, c.quantity.end) for c in ex.claims}
    for q in ex.quantities:
        if q.start is not None and q.end is not None:
            kind = "claim" if (q.start, q.end) in claimed else "quantity"
            marks.append((q.start, q.end, kind, describe_quantity(q)))
    marks.sort()
    out: list[str] = []
    cursor = 0
    for start, end, kind, title in marks:
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(
            f"<mark style='background:{_COLORS[kind]}' title='{html.escape(title)}'>"
            f"{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out).replace("\n", "<br>")
