"""Organization knowledge base: JSONL records, an alias index, exact lookup and fast scanning.

Pure Python (no spaCy import). Records look like::

    {"id": "byd", "name": "比亚迪股份有限公司", "aliases": ["比亚迪", "比亚迪集团"],
     "kind": "company", "parent": null, "url": "https://www.byd.com", "ext": {}}

    >>> kb = OrgKB.default()
    >>> kb.lookup("比亚迪集团").id
    'byd'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import srsly

from ..errors import Errors
from ..places import split_place_prefix
from ..text.occurrences import WordStarts

KINDS = ("company", "government", "research", "school", "association", "other")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# How many answers OrgKB.lookup keeps before it starts afresh (memory stays bounded).
_LOOKUPS_KEPT = 1 << 16


@dataclass(frozen=True, slots=True)
class OrgRecord:
    """One organization of the KB, e.g. 比亚迪股份有限公司 (id "byd")."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "other"
    parent: str | None = None
    url: str | None = None
    ext: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the JSONL field order."""
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "parent": self.parent,
            "url": self.url,
            "ext": dict(self.ext),
        }

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name and all aliases."""
        return (self.name, *self.aliases)


def _record_from_dict(data: Any, where: str) -> OrgRecord:
    if not isinstance(data, dict):
        raise ValueError(Errors.E300.format(where=where, got=type(data).__name__))
    for key in ("id", "name"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(Errors.E301.format(where=where, key=key))
    aliases = data.get("aliases") or []
    if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) and a for a in aliases):
        raise ValueError(Errors.E302.format(where=where, id=data["id"], aliases=aliases))
    kind = data.get("kind") or "other"
    if kind not in KINDS:
        raise ValueError(
            Errors.E303.format(where=where, id=data["id"], kind=kind, kinds=", ".join(KINDS))
        )
    parent = data.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise ValueError(Errors.E304.format(where=where, id=data["id"], parent=parent))
    ext = data.get("ext") or {}
    if not isinstance(ext, dict):
        raise ValueError(Errors.E305.format(where=where, id=data["id"], ext=ext))
    name = data["name"].strip()
    seen = {name}
    clean: list[str] = []
    for alias in aliases:
        alias = alias.strip()
        if alias and alias not in seen:
            seen.add(alias)
            clean.append(alias)
    return OrgRecord(
        id=data["id"].strip(),
        name=name,
        aliases=tuple(clean),
        kind=kind,
        parent=parent or None,
        url=data.get("url") or None,
        ext=dict(ext),
    )


def strip_place(surface: str) -> str | None:
    """Drop one leading province/city prefix (``深圳盛屯集团`` -> ``盛屯集团``); None if none.

    >>> strip_place("贵州省商务厅")
    '商务厅'
    """
    split = split_place_prefix(surface)
    return split[1] if split is not None else None


class OrgKB:
    """Alias index over :class:`OrgRecord` objects; users extend it with ``add``/``merge``.

    >>> kb = OrgKB.from_records([{"id": "acme", "name": "阿克米集团", "aliases": ["阿克米"]}])
    >>> kb.find("参观阿克米集团")
    [(2, 7, 'acme')]
    """

    def __init__(self, records: Iterable[OrgRecord] = ()) -> None:
        self._records: dict[str, OrgRecord] = {}
        self._alias: dict[str, str] = {}
        self._matcher: WordStarts | None = None
        # lookup's answers (surface -> record or None), dropped whenever a record is added
        self._looked_up: dict[str, OrgRecord | None] = {}
        for record in records:
            self.add(record)

    # construction -------------------------------------------------------------
    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any] | OrgRecord]) -> OrgKB:
        """Build from dicts (validated) or records.

        >>> len(OrgKB.from_records([{"id": "gzu", "name": "贵州大学"}]))
        1
        """
        kb = cls()
        for i, data in enumerate(records, start=1):
            kb.add(data if isinstance(data, OrgRecord) else _record_from_dict(data, f"#{i}"))
        return kb

    @classmethod
    def from_jsonl(cls, path: str | Path) -> OrgKB:
        """Load a JSONL file; errors name the line (``[E301] ... on line 12``)."""
        text = Path(path).read_text(encoding="utf-8")
        return cls._from_text(text)

    @classmethod
    def _from_text(cls, text: str) -> OrgKB:
        kb = cls()
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(Errors.E306.format(lineno=lineno, msg=err.msg)) from None
            kb.add(_record_from_dict(data, f"on line {lineno}"))
        return kb

    @classmethod
    def default(cls) -> OrgKB:
        """The shipped KB (``seedie/data/orgs.jsonl``), loaded once and cached.

        >>> OrgKB.default().get("huawei").name
        '华为技术有限公司'
        """
        return _default_kb()

    def add(self, record: OrgRecord | dict[str, Any]) -> None:
        """Add or replace a record; later records win an alias conflict.

        >>> kb = OrgKB(); kb.add({"id": "x", "name": "某某集团"}); kb.lookup("某某集团").id
        'x'
        """
        if isinstance(record, dict):
            record = _record_from_dict(record, f"({record.get('id', '?')})")
        old = self._records.get(record.id)
        if old is not None:
            for surface in old.surfaces:
                if self._alias.get(surface) == old.id:
                    del self._alias[surface]
        self._records[record.id] = record
        for surface in record.surfaces:
            self._alias[surface] = record.id
        self._matcher = None
        self._looked_up = {}

    def merge(self, other: OrgKB) -> OrgKB:
        """A new KB with this KB's records and then ``other``'s (other wins conflicts).

        Neither input changes: ``OrgKB.default()`` is shared by every pipeline in the process.
        """
        merged = OrgKB(self)
        for record in other:
            merged.add(record)
        return merged

    # queries --------------------------------------------------------------------
    def get(self, id: str) -> OrgRecord | None:  # noqa: A002 - mirrors the record field
        """Record by id, e.g. ``kb.get("csg")`` -> 中国南方电网有限责任公司."""
        return self._records.get(id)

    def lookup(self, surface: str) -> OrgRecord | None:
        """Exact alias match, also after stripping one place prefix.

        >>> OrgKB.default().lookup("深圳比亚迪").id
        'byd'
        """
        known = self._looked_up
        if surface in known:
            return known[surface]  # the linker asks for the same names and prefixes again
        if len(known) >= _LOOKUPS_KEPT:
            known.clear()
        stripped = surface.strip()
        rid = self._alias.get(stripped)
        if rid is None:
            rest = strip_place(stripped)
            if rest is not None:
                rid = self._alias.get(rest)
        record = known[surface] = self._records[rid] if rid is not None else None
        return record

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """All alias occurrences, leftmost-longest and non-overlapping: (start, end, id).

        ASCII aliases only match as whole words (UL not in ULTRA or FULL).

        >>> OrgKB.default().find("走进比亚迪集团")
        [(2, 7, 'byd')]
        """
        if not text or not self._alias:
            return []
        if self._matcher is None:
            self._matcher = WordStarts(self._alias)
        starts = self._matcher
        alias = self._alias
        length = len(text)
        out: list[tuple[int, int, str]] = []
        last_end = 0
        word = _ASCII_WORD.match
        for start in starts.starts_in(text):
            if start < last_end:
                continue
            sizes = starts.sizes.get(text[start : start + 2], ())
            if starts.singles and text[start] in starts.singles:
                sizes += (1,)
            for size in sizes:  # longest first
                end = start + size
                rid = alias.get(text[start:end]) if end <= length else None
                if rid is None:
                    continue
                # ASCII aliases match whole words only (UL not in ULTRA or FULL).
                if start > 0 and word(text[start]) and word(text[start - 1]):
                    break  # every alias starting here starts inside a word
                if end < length and word(text[end - 1]) and word(text[end]):
                    continue  # a shorter alias may still end at a word boundary
                out.append((start, end, rid))
                last_end = end
                break
        return out

    # serialization --------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """msgpack bytes of all records (round-trips with ``from_bytes``)."""
        data: bytes = srsly.msgpack_dumps({"records": [r.to_dict() for r in self]})
        return data

    @classmethod
    def from_bytes(cls, data: bytes) -> OrgKB:
        """Inverse of ``to_bytes``."""
        return cls.from_records(srsly.msgpack_loads(data)["records"])

    def to_disk(self, path: str | Path) -> None:
        """Write JSONL (one record per line)."""
        srsly.write_jsonl(path, (r.to_dict() for r in self))

    @classmethod
    def from_disk(cls, path: str | Path) -> OrgKB:
        """Read JSONL written by ``to_disk`` (same validation as ``from_jsonl``)."""
        return cls.from_jsonl(path)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[OrgRecord]:
        return iter(self._records.values())

    def __contains__(self, id: object) -> bool:  # noqa: A002
        return id in self._records

    def __repr__(self) -> str:
        return f"OrgKB({len(self)} records)"


@lru_cache(maxsize=1)
def _default_kb() -> OrgKB:
    text = files("seedie.data").joinpath("orgs.jsonl").read_text(encoding="utf-8")
    return OrgKB._from_text(text)
