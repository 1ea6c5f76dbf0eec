"""seedie: structured facts (visits, organizations, quantitative claims) from Chinese news.

    >>> import seedie
    >>> seedie.parse_quantity("超过500万枚").value
    5000000.0

``import seedie`` is cheap: spaCy and the analyzer load only when ``load``/``extract``
are first used.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .types import (
    Claim,
    Company,
    DateMention,
    Delegation,
    Extraction,
    ExtractionError,
    Mention,
    Quantity,
    Trip,
    Visit,
)

__version__ = "0.1.0"

logging.getLogger("seedie").addHandler(logging.NullHandler())

if TYPE_CHECKING:  # pragma: no cover
    from .api import extract, extract_many, from_doc
    from .frames import to_frames
    from .normalize.quantities import find_quantities, parse_quantity
    from .pipeline import load
    from .render import render

_LAZY = {
    "parse_quantity": ".normalize.quantities",
    "find_quantities": ".normalize.quantities",
    "find_dates": ".normalize.dates",
    "load": ".pipeline",
    "extract": ".api",
    "extract_many": ".api",
    "from_doc": ".api",
    "to_frames": ".frames",
    "render": ".render",
}

__all__ = [
    "Claim",
    "Company",
    "DateMention",
    "Delegation",
    "Extraction",
    "ExtractionError",
    "Mention",
    "Quantity",
    "Trip",
    "Visit",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'seedie' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
