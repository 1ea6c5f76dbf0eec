"""The base class of seedie's components: spaCy's ``Pipe`` with its error handling.

A component implements ``process(doc)``; calling it goes through ``get_error_handler()`` as
spaCy's own components (SpanRuler) do, so a failure raises by default and a user can choose
what happens instead with ``nlp.set_error_handler(...)`` (log and go on, for a batch).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import registry

F = TypeVar("F", bound=Callable[..., Any])


def registered(table: str, name: str) -> Callable[[F], F]:
    """``@registry.<table>(name)`` with its type kept: spaCy's registry decorators are
    untyped, so a function they wrap would lose its signature for type checkers.

    >>> registered("misc", "seedie.example.v1")  # doctest: +ELLIPSIS
    <...>
    """
    return cast(Callable[[F], F], getattr(registry, table)(name))


class SeediePipe(Pipe):
    """A component whose work is ``process``; errors go to the pipeline's error handler."""

    name: str

    def process(self, doc: Doc) -> Doc:  # pragma: no cover - every component overrides it
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            return self.process(doc)
        except Exception as exc:  # handed to spaCy's handler: raises unless the user chose
            error_handler(self.name, self, [doc], exc)
            return doc
