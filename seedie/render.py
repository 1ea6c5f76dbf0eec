"""``seedie.render(doc)``: displaCy view of organizations (with KB links) and quantities."""

from __future__ import annotations

from typing import Any

from spacy import displacy
from spacy.tokens import Doc

COLORS = {"ORG": "#c7e9c0", "MONEY": "#fdd0a2", "PERCENT": "#fdae6b", "QUANTITY": "#fee6ce",
          "CARDINAL": "#f0f0f0"}  # fmt: skip


def render(doc: Doc, *, jupyter: bool | None = None, page: bool = False) -> Any:
    """Show ``doc.spans["seedie_orgs"]`` and ``doc.spans["seedie_quantities"]`` with displaCy.

    Organizations whose KB record has a URL link to it. Returns the HTML string when not in
    a notebook (``jupyter=False``), like ``displacy.render``.

    Example:
        >>> html = seedie.render(nlp("比亚迪投资1158亿元"), jupyter=False)
    """
    spans = list(doc.spans.get("seedie_orgs", [])) + list(doc.spans.get("seedie_quantities", []))
    spans.sort(key=lambda s: (s.start_char, -s.end_char))
    ents: list[dict[str, Any]] = []
    cursor = 0
    for s in spans:
        if s.start_char < cursor:
            continue  # displaCy's ent style cannot draw overlaps
        ent: dict[str, Any] = {"start": s.start_char, "end": s.end_char, "label": s.label_}
        if s.kb_id_:
            ent["kb_id"] = s.kb_id_
            org = s._.seedie_org or {}
            ent["kb_url"] = org.get("url") or "#"
        ents.append(ent)
        cursor = s.end_char
    data = {"text": doc.text, "ents": ents, "title": None}
    return displacy.render(
        data, style="ent", manual=True, jupyter=jupyter, page=page, options={"colors": COLORS}
    )
