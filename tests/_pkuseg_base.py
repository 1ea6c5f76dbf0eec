"""A stand-in for zh_core_web_sm built in the test session: pkuseg words, CTB tags, OntoNotes NER.

zh_core_web_sm cannot be installed here and spacy-pkuseg ships no segmentation model, so the
test session builds a pipeline of the same shape from material the project owns:

- words: spaCy's ``ChineseTokenizer(segmenter="pkuseg")`` with a tiny pkuseg model trained on
  seedie's own segmentation (LAC) of half of the seed article's sentences and of sentences
  written here; its boundaries differ from LAC's in places, as a real model's do;
- ``tag_`` and ``pos_``: an attribute ruler "tag_lexicon" (word -> CTB tag, from LAC's tag
  mapped to CTB) and an attribute ruler "attribute_ruler" (CTB tag -> UPOS, the mapping
  zh_core_web_sm uses); words the lexicon does not know get no tag, like a model's errors;
- ``doc.ents``: an entity ruler with OntoNotes labels, built from LAC's entities (PERSON,
  GPE, ORG, DATE), seedie's quantity finder (MONEY, PERCENT, QUANTITY; counts as CARDINAL)
  and a few FAC/NORP names written here. Its phrase patterns only match on whole pkuseg tokens.

The pipeline is saved with ``nlp.to_disk`` and loaded by ``seedie.load(path)``, the code path
of ``seedie.load("zh_core_web_sm")``.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.language import Language

# LAC tag -> CTB (Penn Chinese Treebank) tag, the tag set zh_core_web_sm's tagger predicts.
LAC_TO_CTB = {
    "n": "NN", "nz": "NR", "nw": "NN", "PER": "NR", "LOC": "NR", "ORG": "NR", "TIME": "NT",
    "s": "NN", "t": "NT", "f": "LC", "v": "VV", "vd": "AD", "vn": "NN", "a": "VA", "ad": "AD",
    "an": "NN", "d": "AD", "m": "CD", "q": "M", "r": "PN", "p": "P", "c": "CC", "u": "DEG",
    "xc": "SP", "w": "PU",
}  # fmt: skip
# Particles LAC tags "u" that CTB splits by function.
U_TO_CTB = {"的": "DEG", "地": "DEV", "得": "DER", "了": "AS", "着": "AS", "过": "AS", "等": "ETC"}
# CTB tag -> UPOS, as zh_core_web_sm's attribute ruler sets pos_.
CTB_TO_UPOS = {
    "AD": "ADV", "AS": "PART", "BA": "X", "CC": "CCONJ", "CD": "NUM", "CS": "SCONJ",
    "DEC": "PART", "DEG": "PART", "DER": "PART", "DEV": "PART", "DT": "DET", "ETC": "PART",
    "FW": "X", "IJ": "INTJ", "JJ": "ADJ", "LB": "X", "LC": "PART", "M": "NUM", "MSP": "PART",
    "NN": "NOUN", "NR": "PROPN", "NT": "NOUN", "OD": "NUM", "ON": "X", "P": "ADP", "PN": "PRON",
    "PU": "PUNCT", "SB": "X", "SP": "PART", "VA": "VERB", "VC": "VERB", "VE": "VERB",
    "VV": "VERB", "_SP": "SPACE",
}  # fmt: skip

# Sentences written for this fixture (invented organizations and people): more words for the
# segmenter and the tag lexicon, and facility / nationality names for the entity ruler.
WRITTEN = [
    "8月3日上午，云岭省经贸代表团来到星汉能源集团，考察新型储能产品生产线。",
    "星汉能源集团董事长林启明介绍，公司去年营业收入达到320亿元，同比增长18%。",
    "代表团随后前往蓝湾港口物流园，了解跨境电商和冷链物流的运营情况。",
    "在蓝湾国际会展中心，代表团观看了智能制造成果展。",
    "当天下午，代表团乘车经过海门跨江大桥，抵达滨江科学城。",
    "苗族和侗族群众的手工艺品通过消费帮扶专柜销往沿海城市。",
    "双方签署了产业协作框架协议，计划在三年内共建两个产业园区。",
    "华夏云谷数据中心已部署服务器超过十万台，年耗电量约五亿千瓦时。",
    "省商务厅负责同志表示，将推动更多企业到云岭投资兴业。",
    "考察团一行还走访了青禾农业科技有限公司和远帆汽车零部件工厂。",
]
# Names the entity ruler labels FAC or NORP (OntoNotes), as a real model would.
FAC_NORP = [
    ("蓝湾港口物流园", "FAC"), ("蓝湾国际会展中心", "FAC"), ("海门跨江大桥", "FAC"),
    ("苗族", "NORP"), ("侗族", "NORP"),
]  # fmt: skip


def _ctb(word: str, lac_tag: str) -> str:
    if lac_tag == "u":
        return U_TO_CTB.get(word, "DEG")
    if lac_tag == "v" and word == "是":
        return "VC"
    if lac_tag == "v" and word in ("有", "没有"):
        return "VE"
    return LAC_TO_CTB.get(lac_tag, "NN")


def train_segmenter(lines: list[list[str]], out_dir: Path, iterations: int = 2) -> Path:
    """Train a pkuseg model on segmented lines (lists of words); returns its directory."""
    import spacy_pkuseg  # noqa: PLC0415  (the zh-core extra)

    # pkuseg shuffles the training lines with the random module: fix the seed so every test
    # session gets the same model (and leave the session's random state as it was).

    out_dir.mkdir(parents=True, exist_ok=True)
    train, dev = out_dir / "train.txt", out_dir / "dev.txt"
    train.write_text("\n".join(" ".join(words) for words in lines) + "\n", encoding="utf-8")
    dev.write_text("\n".join(" ".join(words) for words in lines[:20]) + "\n", encoding="utf-8")
    model = out_dir / "model"
    model.mkdir(exist_ok=True)
    state = random.getstate()
    random.seed(0)
    try:
        spacy_pkuseg.train(str(train), str(dev), str(model), train_iter=iterations)
    finally:
        random.setstate(state)
    return model


def build_base(seed_text: str, work_dir: Path, analyzer_nlp: Language) -> Path:
    """Build the base pipeline and save it under ``work_dir / "base"``; returns that path.

    ``analyzer_nlp`` is seedie's offline default (its LAC analyzer segments, tags and finds
    entities in the training material; its quantity finder gives MONEY/CARDINAL…).
    """
    seed_lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    texts = seed_lines + WRITTEN
    docs = list(analyzer_nlp.pipe(texts))
    segmented = [[t.text for t in doc if not t.is_space] for doc in docs]
    # Half of the seed's lines train the segmenter, so the other half is segmented unseen.
    train_lines = segmented[: len(seed_lines)][::2] + segmented[len(seed_lines) :]
    model = train_segmenter(train_lines, work_dir / "pkuseg")

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(model))  # type: ignore[attr-defined]

    tags: dict[str, Counter[str]] = defaultdict(Counter)
    ents: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for t in doc:
            if not t.is_space:
                tags[t.text][_ctb(t.text, t.tag_)] += 1
        for e in doc.ents:
            ents[e.text][e.label_] += 1
        for s in doc.spans.get("seedie_quantities", []):
            # OntoNotes: a count (两个, 112家) is CARDINAL; QUANTITY is a measure (五亿千瓦时).
            count = s._.seedie_quantity["kind"] == "count"
            ents[s.text]["CARDINAL" if count else s.label_] += 1
    for text, label in FAC_NORP:  # a written label wins over LAC's (LOC for a venue)
        ents[text] = Counter({label: 1})
    by_tag: dict[str, list[list[dict[str, str]]]] = defaultdict(list)
    for word, counts in tags.items():
        by_tag[counts.most_common(1)[0][0]].append([{"ORTH": word}])
    lexicon = nlp.add_pipe("attribute_ruler", name="tag_lexicon")
    lexicon.add(patterns=[[{"IS_SPACE": True}]], attrs={"TAG": "_SP"})  # type: ignore[attr-defined]
    for tag, patterns in sorted(by_tag.items()):
        lexicon.add(patterns=patterns, attrs={"TAG": tag})  # type: ignore[attr-defined]
    mapper = nlp.add_pipe("attribute_ruler")
    mapper.load_from_tag_map({t: {"POS": p} for t, p in CTB_TO_UPOS.items()})  # type: ignore[attr-defined]
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    patterns = [{"label": c.most_common(1)[0][0], "pattern": text} for text, c in ents.items()]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]

    path = work_dir / "base"
    nlp.to_disk(path)
    return path
