"""The one loader of seedie's package data (``seedie/data/``): each table is read once.

Every stage reads its word lists, units, places and KB through this module, so a table is
parsed once per process and no module walks the file system itself. What each table holds and
which stage owns it: ``seedie/data/README.md``.

No spaCy import.

    >>> "units" in data_table("units.json")
    True
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["data_table", "data_text"]


@cache
def data_text(name: str) -> str:
    """The text of one shipped data file, e.g. ``data_text("orgs.jsonl")``."""
    return files("seedie.data").joinpath(name).read_text(encoding="utf-8")


@cache
def data_table(name: str) -> Any:
    """One shipped JSON table, parsed once (callers must not mutate it)."""
    return json.loads(data_text(name))
