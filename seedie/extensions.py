"""Every ``Doc._``/``Span._`` attribute seedie sets, registered in one idempotent function.

Values are msgpack-safe (dicts/lists of str, float, int, None) so that ``doc.to_bytes()``,
``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)`` keep them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_ATTRS = ("seedie_quantity", "seedie_date", "seedie_org")
DOC_ATTRS = (
    "seedie_reference_date",  # ISO date str used to resolve relative dates, or None
    "seedie_reference_date_source",  # how it was obtained: "given", "dateline:…", "none" …
    "seedie_companies",  # list of Company dicts (types.Company.to_dict())
    "seedie_delegation",  # Delegation dict or None
    "seedie_trip",  # Trip dict or None
    "seedie_visits",  # list of Visit dicts
    "seedie_claims",  # list of Claim dicts
)


def register_extensions() -> None:
    """Register seedie's extension attributes (safe to call any number of times)."""
    for name in SPAN_ATTRS:
        Span.set_extension(name, default=None, force=True)
    for name in DOC_ATTRS:
        Doc.set_extension(name, default=None, force=True)


register_extensions()
