"""The plain-text table of an :class:`~seedie.types.Extraction`, and quantities in words.

Pure Python (no spaCy): used by the CLI's ``--format table``; the HTML view
(:mod:`seedie.display.view`) writes quantities with the same helpers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..types import Extraction, Quantity


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


def format_number(x: float) -> str:
    """A number with thousands grouping, without a float's noise.

    Example:
        >>> format_number(115800000000.0), format_number(33.333333333), format_number(-30.0)
        ('115,800,000,000', '33.3333', '-30')
    """
    if float(x).is_integer() and abs(x) < 1e18:
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def normalized_quantity(q: Quantity) -> str:
    """The normalized value with grouping and its bounds as a range.

    ``≥``/``≤`` for 以上/以下, ``>``/``<`` for 超过/近 (the bound itself excluded), ``a–b`` when
    both bounds are known (300多万千瓦, 三四万吨), ``≈`` for 约.

    Example:
        >>> normalized_quantity(Quantity(text="1158亿元", value=1158e8, unit="CNY", kind="money"))
        '115,800,000,000 CNY'
        >>> normalized_quantity(Quantity(text="每天超过500万枚", value=5e6, unit="枚",
        ...     kind="count", low=5e6, qualifier="over", per="day"))
        '> 5,000,000 枚 / day'
    """
    value = format_number(q.value)
    if q.low is not None and q.high is not None and q.low != q.high:
        body = f"{format_number(q.low)}–{format_number(q.high)}"
    elif q.low is not None:
        body = f"> {value}" if q.qualifier == "over" else f"≥ {value}"
    elif q.high is not None:
        body = f"< {value}" if q.qualifier in ("nearly", "under") else f"≤ {value}"
    elif q.qualifier == "about":
        body = f"≈ {value}"
    else:
        body = value
    unit = "" if not q.unit else q.unit if q.unit == "%" else f" {q.unit}"
    per = f" / {q.per}" if q.per else ""
    return f"{body}{unit}{per}"
