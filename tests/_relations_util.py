"""Builders shared by the relation tests: hand-made inputs for seedie.relations."""

from __future__ import annotations

import re

from seedie.types import Company, Mention


def company(text: str, cid: str, name: str, *surfaces: str) -> Company:
    """A Company whose mentions are every occurrence of ``surfaces`` in ``text``."""
    mentions = [
        Mention(text=s, start=m.start(), end=m.end())
        for s in surfaces
        for m in re.finditer(re.escape(s), text)
    ]
    return Company(id=cid, name=name, mentions=sorted(mentions, key=lambda m: m.start))
