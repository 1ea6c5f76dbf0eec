"""Every ``Doc._``/``Span._`` attribute seedie sets, registered in one idempotent function.

Values are msgpack-safe (dicts/lists of str, float, int, None) so that ``doc.to_bytes()``,
``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)`` keep them. msgpack hands lists
back as tuples; the Doc attributes' getters turn them back into lists, so a value reads the
same before and after a round trip.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from spacy.tokens import Doc, Span

SPAN_ATTRS = ("seedie_quantity", "seedie_date", "seedie_org")
DOC_ATTRS = (
    "seedie_reference_date",  # ISO date str used to resolve relative dates, or None
    "seedie_reference_date_source",  # how it was obtained: "given", "dateline:…", "none" …
    "seedie_quantities",  # list of Quantity dicts, every quantity with its exact offsets
    "seedie_companies",  # list of Company dicts (types.Company.to_dict())
    "seedie_delegation",  # Delegation dict or None
    "seedie_trip",  # Trip dict or None
    "seedie_visits",  # list of Visit dicts
    "seedie_claims",  # list of Claim dicts
)


def _as_lists(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_as_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    return value


def _get_doc_attr(key: tuple[str, str, None, None], doc: Doc) -> Any:
    data: dict[Any, Any] = doc.user_data  # spaCy keys extension values by tuples
    value = data.get(key)
    if isinstance(value, tuple):  # fresh from msgpack: convert once, deeply
        value = data[key] = _as_lists(value)
    return value


def _set_doc_attr(key: tuple[str, str, None, None], doc: Doc, value: Any) -> None:
    data: dict[Any, Any] = doc.user_data
    data[key] = value


def _doc_attr(name: str) -> tuple[Any, Any]:
    # The same user_data key spaCy uses for a plain ``default=`` extension, so Docs saved
    # before these getters existed still read. Partials of module functions (not closures),
    # so that spaCy can pickle the extensions for spawned worker processes.
    key = ("._.", name, None, None)
    return partial(_get_doc_attr, key), partial(_set_doc_attr, key)


def quantity_records(doc: Doc, spans_key: str = "seedie_quantities") -> list[dict[str, Any]]:
    """Every quantity dict of a processed Doc: ``doc._.seedie_quantities``, or for Docs made
    before it existed, the values on ``doc.spans[spans_key]``."""
    records = doc._.seedie_quantities
    if records is not None:
        return list(records)
    return [s._.seedie_quantity for s in doc.spans.get(spans_key, []) if s._.seedie_quantity]


_TEXT_KEY = ("seedie", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built from the tokens once per pipeline run instead of on every access
    (seedie's tokenizer keeps the text it read, :func:`remember_text`, so not even once).

    The text of a Doc never changes (retokenizing keeps it), so seedie's components share
    one copy, kept in ``doc.user_data`` until :func:`forget_text` (the last seedie component)
    drops it, so that serialized Docs do not carry the text twice.
    """
    data: dict[Any, Any] = doc.user_data
    text = data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text`` as what :func:`doc_text` returns: for a tokenizer that built ``doc``
    from exactly this text (``doc.text == text``), so no component rebuilds it."""
    data: dict[Any, Any] = doc.user_data
    data[_TEXT_KEY] = text


def forget_text(doc: Doc) -> None:
    """Drop the copy :func:`doc_text` kept."""
    data: dict[Any, Any] = doc.user_data
    data.pop(_TEXT_KEY, None)


def register_extensions() -> None:
    """Register seedie's extension attributes (safe to call any number of times)."""
    for name in SPAN_ATTRS:
        Span.set_extension(name, default=None, force=True)
    for name in DOC_ATTRS:
        getter, setter = _doc_attr(name)
        Doc.set_extension(name, getter=getter, setter=setter, force=True)


register_extensions()
