"""Build a spaCy base pipeline on your own pkuseg model and run seedie on it.

usage: python examples/pkuseg_base.py CORPUS OUT_DIR [ARTICLE] [--iterations N]

CORPUS is UTF-8 text, one sentence per line, words separated by spaces. A word may carry a
CTB tag as ``word/TAG`` (比亚迪/NR 投资/VV); the tags then fill ``tag_`` and ``pos_``
through a word lexicon, as zh_core_web_sm's tagger and attribute ruler would. The script

1. trains a pkuseg segmentation model on CORPUS (``spacy_pkuseg.train``; one line in ten
   is held out to report the segmenter's F-score),
2. puts it in a blank Chinese pipeline (``ChineseTokenizer(segmenter="pkuseg")``), adds the
   tag lexicon if CORPUS has tags, and saves the pipeline to OUT_DIR (``nlp.to_disk``),
3. loads OUT_DIR with ``seedie.load(OUT_DIR)``, which adds seedie's components, and prints
   the visits and organizations of ARTICLE (default: the seed article).

Needs ``pip install "seedie[zh-core]"`` (spacy-pkuseg). See docs/pkuseg-base.md.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import spacy

import seedie

# CTB tag -> Universal POS, as zh_core_web_sm's attribute ruler sets pos_.
CTB_TO_UPOS = {
    "AD": "ADV", "AS": "PART", "BA": "X", "CC": "CCONJ", "CD": "NUM", "CS": "SCONJ",
    "DEC": "PART", "DEG": "PART", "DER": "PART", "DEV": "PART", "DT": "DET", "ETC": "PART",
    "FW": "X", "IJ": "INTJ", "JJ": "ADJ", "LB": "X", "LC": "PART", "M": "NUM", "MSP": "PART",
    "NN": "NOUN", "NR": "PROPN", "NT": "NOUN", "OD": "NUM", "ON": "X", "P": "ADP", "PN": "PRON",
    "PU": "PUNCT", "SB": "X", "SP": "PART", "VA": "VERB", "VC": "VERB", "VE": "VERB",
    "VV": "VERB",
}  # fmt: skip
SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_2845115161f2390a.txt"


def read_corpus(path: Path) -> list[list[tuple[str, str | None]]]:
    """Lines of (word, tag or None); empty lines are skipped."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = []
        for item in line.split():
            word, sep, tag = item.rpartition("/")
            words.append((word, tag) if sep and word and tag in CTB_TO_UPOS else (item, None))
        if words:
            lines.append(words)
    return lines


def train_segmenter(lines: list[list[tuple[str, str | None]]], work: Path, iterations: int) -> Path:
    """Train a pkuseg model on the corpus' words; returns the model directory."""
    import spacy_pkuseg

    plain = [" ".join(w for w, _ in words) for words in lines]
    dev = plain[::10] or plain[:1]
    train = [line for i, line in enumerate(plain) if i % 10] or plain
    (work / "train.txt").write_text("\n".join(train) + "\n", encoding="utf-8")
    (work / "dev.txt").write_text("\n".join(dev) + "\n", encoding="utf-8")
    model = work / "model"
    model.mkdir(parents=True, exist_ok=True)
    random.seed(0)  # pkuseg shuffles the lines: the same corpus gives the same model
    spacy_pkuseg.train(
        str(work / "train.txt"), str(work / "dev.txt"), str(model), train_iter=iterations
    )
    return model


def build_pipeline(lines: list[list[tuple[str, str | None]]], model: Path) -> spacy.Language:
    """A blank zh pipeline with the pkuseg model, plus a tag lexicon when the corpus has tags."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(model))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words in lines:
        for word, tag in words:
            if tag is not None:
                counts[word][tag] += 1
    if counts:
        by_tag: dict[str, list[list[dict[str, str]]]] = defaultdict(list)
        for word, tags in counts.items():
            by_tag[tags.most_common(1)[0][0]].append([{"ORTH": word}])
        lexicon = nlp.add_pipe("attribute_ruler", name="tag_lexicon")
        for tag, patterns in sorted(by_tag.items()):
            lexicon.add(patterns=patterns, attrs={"TAG": tag})
        nlp.add_pipe("attribute_ruler").load_from_tag_map(
            {tag: {"POS": pos} for tag, pos in CTB_TO_UPOS.items()}
        )
    return nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="segmented corpus: words separated by spaces")
    ap.add_argument("out_dir", type=Path, help="where the base pipeline is saved")
    ap.add_argument("article", type=Path, nargs="?", default=SEED, help="text to extract from")
    ap.add_argument("--iterations", type=int, default=10, help="pkuseg training iterations")
    a = ap.parse_args(argv)

    lines = read_corpus(a.corpus)
    with tempfile.TemporaryDirectory() as work:
        model = train_segmenter(lines, Path(work), a.iterations)
        nlp = build_pipeline(lines, model)
        nlp.to_disk(a.out_dir)  # the pkuseg model is saved inside the pipeline
    print(f"base pipeline: {a.out_dir} {nlp.pipe_names}")

    nlp = seedie.load(a.out_dir)  # the same call as seedie.load("zh_core_web_sm")
    result = seedie.extract(a.article.read_text(encoding="utf-8"), nlp=nlp)
    print(f"base used: {result.base}")
    print(f"Visits ({len(result.visits)}):")
    for v in result.visits:
        print(f"  {v.date} {v.time_of_day or '-'} {v.host} ({v.place or '-'})")
    print(f"Organizations ({len(result.companies)}):")
    for c in result.companies:
        print(f"  {c.name} [{c.kind}] {c.kb_id or ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
