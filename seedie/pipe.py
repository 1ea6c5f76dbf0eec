"""The base class of seedie's components: spaCy's ``Pipe`` with its error handling.

A component implements ``process(doc)``; calling it goes through ``get_error_handler()`` as
spaCy's own components (SpanRuler) do, so a failure raises by default and a user can choose
what happens instead with ``nlp.set_error_handler(...)`` (log and go on, for a batch).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar, cast

from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import registry

F = TypeVar("F", bound=Callable[..., Any])

# How many docs one component processes in a row (``SeediePipe.pipe``); the per-text indexes
# that several components ask for (``seedie.text.occurrences``) keep twice as many texts.
IN_A_ROW = 16


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

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Run over up to :data:`IN_A_ROW` docs before handing them on (spaCy's ``Pipe.pipe``
        hands on each doc at once): the component's code and tables stay in the CPU's caches
        from one doc to the next, which is cheaper than interleaving the four components."""
        docs, size = iter(stream), max(1, min(batch_size, IN_A_ROW))
        while batch := list(islice(docs, size)):
            yield from [self(doc) for doc in batch]
