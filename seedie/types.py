"""Typed results of seedie: Quantity, Company, Visit, Claim, Trip, Extraction.

Pure Python (no spaCy import) so that the pure stage code can build them too.
Every class is a frozen dataclass with a ``to_dict()`` that returns JSON-ready data
(dates as ISO strings); the field order of ``to_dict()`` is part of the schema
(docs/schema.md) and only grows between minor versions.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .frames import Frames

SCHEMA_VERSION = "1.1"

QUANTITY_KINDS = (
    "money",
    "percent",
    "count",
    "mass",
    "power",
    "energy",
    "area",
    "length",
    "volume",
    "temperature",
    "duration",
    "multiple",
    "other",
)
QUALIFIERS = ("exact", "about", "over", "at_least", "nearly", "under", "at_most", "range")


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):  # most values: nothing to do
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


_PLAIN = frozenset({str, int, float, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The dataclass's field names in order, computed once per class."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


class DictMixin:
    """``to_dict()`` in field order, recursing into nested results; ``from_dict()`` inverts it."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for name in _field_names(type(self)):
            value = getattr(self, name)
            # Most values are plain (str, int, float, None): no call for them.
            out[name] = value if type(value) in _PLAIN else _jsonable(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        """Rebuild from ``to_dict()`` output (unknown keys are ignored, for newer schemas)."""
        kwargs: dict[str, Any] = {}
        for name in _field_names(cls):
            if name in data:
                value = data[name]
                if isinstance(value, tuple):  # msgpack (DocBin, n_process>1) returns tuples
                    value = list(value)
                convert = _FROM_JSON.get(name)
                kwargs[name] = convert(value) if convert and value is not None else value
        return cls(**kwargs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity(DictMixin):
    """A normalized amount, e.g. ``超过500万枚`` -> value 5e6, unit "枚", qualifier "over".

    ``value`` is in the canonical unit with multipliers applied (for a range: the low end);
    ``low``/``high`` are the bounds implied by qualifiers and ranges (api-contract.md).
    ``start``/``end`` are character offsets of ``text`` in the source (None when parsed alone).
    """

    text: str
    value: float
    unit: str
    kind: str
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    per: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(DictMixin):
    """One occurrence of an organization in the text (character offsets)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Company(DictMixin):
    """One real-world organization, all its surface forms merged.

    ``id`` is the KB id when known, else a document-local id such as ``"local:盛屯集团"``.
    ``city`` is the headquarters city from the KB (``ext.hq_city``), when the KB knows it.
    """

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    kb_id: str | None = None
    kind: str = "other"
    parent: str | None = None
    parent_id: str | None = None
    city: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Delegation(DictMixin):
    """The travelling delegation, e.g. 贵州省党政代表团 (home 贵州).

    ``mentions`` are every span that refers to it (代表团, 代表团成员, 一行 …).
    """

    name: str
    home: str | None = None
    start: int | None = None
    end: int | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Trip(DictMixin):
    """The study tour as a whole: 赴广东省学习考察, 6月16日至17日."""

    region: str | None = None
    start_date: _dt.date | None = None
    end_date: _dt.date | None = None
    sentence: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Visit(DictMixin):
    """The delegation at one host on one day.

    ``month``/``day`` are set whenever the day is known, also when the year is not (then
    ``date`` stays None: 6月5日下午 in an undated article gives month 6, day 5, date None).
    ``host_id`` is the id of the host among the extraction's companies; a named site that no
    organization mention covered (a stop in a list) is added there with a local id, a place
    (某某村) is not, and its ``host_id`` stays None.
    """

    id: str
    delegation: str | None
    host: str
    host_id: str | None = None
    place: str | None = None
    date: _dt.date | None = None
    time_of_day: str | None = None
    sentence: str = ""
    start: int | None = None
    end: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(DictMixin):
    """A quantitative statement: subject + metric + quantity (+ time, modality, speaker)."""

    id: str
    subject: str | None
    subject_id: str | None = None
    metric: str | None = None
    quantity: Quantity
    time: str | None = None
    modality: str = "actual"
    speaker: str | None = None
    sentence: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction(DictMixin):
    """Everything ``seedie.extract`` found in one text."""

    text_length: int
    base: str
    quantities: list[Quantity] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    delegation: Delegation | None = None
    trip: Trip | None = None
    reference_date: _dt.date | None = None
    reference_date_source: str | None = None
    schema_version: str = SCHEMA_VERSION

    def to_json(self, *, indent: int | None = None) -> str:
        """Deterministic JSON (keys in schema order, non-ASCII kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_table(self) -> str:
        """Plain-text tables of visits, companies and claims (what the CLI prints)."""
        from .display import format_table

        return format_table(self)

    def to_html(self, text: str | None = None) -> str:
        """A styled HTML view (tables of visits, claims, organizations; no scripts).

        Pass the source ``text`` to add the article with organizations, quantities and claims
        highlighted, a colour legend, and links between claims and their sentences.
        """
        from .display import to_html

        return to_html(self, text)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_frames(self, article_id: Any = 0) -> Frames:
        """pandas DataFrames of visits, companies and claims (``pip install 'seedie[frames]'``).

        One row per visit, company and claim, each with ``article_id``; join visits and claims
        to companies on (``article_id``, ``host_id``/``subject_id``) = (``article_id``,
        ``company_id``). Columns: docs/schema.md, "DataFrames".

        Example:
            >>> seedie.extract("比亚迪今年销售汽车300万辆。").to_frames().claims["unit"][0]
            '辆'
        """
        from .frames import to_frames

        return to_frames([self], ids=[article_id])


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionError(DictMixin):
    """Stands in for the Extraction of an input that failed, when batch functions are asked
    to go on (``extract_many(..., on_error="record")``): a record, not an exception.

    ``index`` is the input's position (0-based); ``source`` a file or ``file:line`` when the
    input came from one; ``code`` the error code ("E021"); ``error`` the exception's type;
    ``message`` its full text.
    """

    index: int
    code: str | None
    error: str
    message: str
    source: str | None = None

    @classmethod
    def from_exception(
        cls, index: int, exc: BaseException, source: str | None = None
    ) -> ExtractionError:
        """The record for ``exc``; the code is read from its ``[E0xx]`` prefix."""
        message = str(exc)
        code = message[1:5] if message.startswith("[E") and message[5:6] == "]" else None
        return cls(index=index, code=code, error=type(exc).__name__, message=message, source=source)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention(DictMixin):
    """A date or time expression found in text, resolved against a reference date.

    ``kind``: "date" (day known), "month", "year", "range" (6月16日至17日), "period"
    (“十四五”期间, 2019年以来), "relative" (去年, 两年前). ``date``/``end_date`` are the
    resolved first/last day when known; ``time_of_day`` is 上午 -> "morning", 下午 ->
    "afternoon", 晚上 -> "evening" ...; ``label`` keeps a named period such as "十四五".
    """

    text: str
    start: int
    end: int
    kind: str
    date: _dt.date | None = None
    end_date: _dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    time_of_day: str | None = None
    label: str | None = None


def _iso(value: Any) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(value)


def _many(cls: Any) -> Any:
    return lambda items: [cls.from_dict(x) if isinstance(x, dict) else x for x in items]


def _one(cls: Any) -> Any:
    return lambda item: cls.from_dict(item) if isinstance(item, dict) else item


# Field name -> converter from JSON; field names are unique in meaning across the schema.
_FROM_JSON: dict[str, Any] = {
    "date": _iso,
    "end_date": _iso,
    "start_date": _iso,
    "reference_date": _iso,
    "quantity": _one(Quantity),
    "quantities": _many(Quantity),
    "mentions": _many(Mention),
    "companies": _many(Company),
    "visits": _many(Visit),
    "claims": _many(Claim),
    "delegation": _one(Delegation),
    "trip": _one(Trip),
}
