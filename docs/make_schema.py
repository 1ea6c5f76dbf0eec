"""Regenerate docs/extraction.schema.json from seedie's dataclasses.

    python docs/make_schema.py

tests/test_extract.py checks that the file lists every field and validates real output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types as pytypes
import typing
from pathlib import Path

from seedie import types as T

ENUMS = {
    ("Quantity", "kind"): list(T.QUANTITY_KINDS),
    ("Quantity", "qualifier"): list(T.QUALIFIERS),
    ("Claim", "modality"): ["actual", "forecast", "target"],
    ("Company", "kind"): ["company", "government", "research", "school", "association", "other"],
}
CLASSES = (T.Quantity, T.Mention, T.Company, T.Delegation, T.Trip, T.Visit, T.Claim, T.Extraction)


def schema_of(tp: object) -> dict[str, object]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    simple = {str: "string", float: "number", int: "integer", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}  # type: ignore[index]
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if origin in (typing.Union, pytypes.UnionType):
        inner = schema_of(next(a for a in args if a is not type(None)))
        if isinstance(inner.get("type"), str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": schema_of(args[0])}
    if dataclasses.is_dataclass(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}  # type: ignore[union-attr]
    raise TypeError(f"no JSON Schema for {tp!r}")


def build() -> dict[str, object]:
    defs: dict[str, object] = {}
    for cls in CLASSES:
        hints = typing.get_type_hints(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        props = {n: schema_of(hints[n]) for n in names}
        for (owner, field), values in ENUMS.items():
            if owner == cls.__name__:
                props[field] = {**props[field], "enum": values}
        defs[cls.__name__] = {
            "type": "object", "properties": props, "required": names,
            "additionalProperties": False,
        }  # fmt: skip
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"seedie/extraction/{T.SCHEMA_VERSION}",
        "title": f"seedie Extraction (schema_version {T.SCHEMA_VERSION})",
        "$ref": "#/$defs/Extraction",
        "$defs": defs,
    }


if __name__ == "__main__":
    out = Path(__file__).resolve().parent / "extraction.schema.json"
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
