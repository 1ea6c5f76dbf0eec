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

from .evaluation import EvaluationReport, evaluate  # pure (no spaCy): cheap to import
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
    from .pipeline import load
    from .quantities.parse import find_quantities, parse_quantity
    from .render import render
    from .text.script import simplified_view

_LAZY = {
    "parse_quantity": ".quantities.parse",
    "find_quantities": ".quantities.parse",
    "find_dates": ".dates.resolve",
    "load": ".pipeline",
    "extract": ".api",
    "extract_many": ".api",
    "from_doc": ".api",
    "to_frames": ".frames",
    "render": ".render",
    "simplified_view": ".text.script",
}

__all__ = [
    "Claim",
    "Company",
    "DateMention",
    "Delegation",
    "EvaluationReport",
    "Extraction",
    "ExtractionError",
    "Mention",
    "Quantity",
    "Trip",
    "Visit",
    "__version__",
    "evaluate",
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
