"""People-facing views of an :class:`~seedie.types.Extraction`: a text table and HTML.

Pure Python (no spaCy): used by the CLI's ``--format table`` (:mod:`seedie.display.table`) and
by ``Extraction.to_html``/``_repr_html_`` in notebooks (:mod:`seedie.display.view`). The
dependency on :mod:`seedie.types` is one-way: this package needs the types only for hints, and
``types`` imports it lazily.
"""

from __future__ import annotations

from .table import describe_quantity, format_number, format_table, normalized_quantity
from .view import to_html

__all__ = ["describe_quantity", "format_number", "format_table", "normalized_quantity", "to_html"]
