"""Long fuzz run: generated inputs through seedie's public text functions; counts exceptions.

Every input goes through ``parse_quantity``, ``find_quantities`` and ``find_dates``; a
smaller share (``--extract-n``, default 2% of ``--n`` capped at 2000: the pipeline is much
slower) also goes through ``extract``. Besides "does not raise", each result is checked
for the offset invariant ``text[start:end] == mention.text`` and ``extract`` results for
``to_json()`` working; a violated invariant counts as a failure too.

Generators (chosen at random per input):

- random unicode: any code point including lone surrogates, controls and private use;
- genre-like mixtures: Chinese/Arabic/full-width numerals, units, qualifiers, dates,
  punctuation, whitespace, HTML tags and entities, emoji, traditional characters;
- mutations of sentences from seeds/*.txt and benchmarks' genre paragraphs: character
  deletion, duplication, swapping, insertion of fuzz atoms, truncation, splicing.

Usage:
    .venv/bin/python benchmarks/fuzz.py --n 100000 --seed 1

Prints ``fuzz: N inputs, E exceptions, T s`` and exits 1 if E > 0 (the first failures are
printed with their input, repr'd, and traceback).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_long import GENRE_PARAGRAPHS, seed_paragraphs  # noqa: E402

# Atoms the generators combine: each is something the normalizers treat specially.
NUMERALS = [
    "0", "1", "3", "12", "500", "1158", "3.5", "0.25", "1,234", "1,234.5", "-3", "+7",
    "１２３", "３．５", "〇", "零", "一", "二", "两", "十", "十一", "二十", "百", "一百零五",
    "千", "万", "亿", "兆", "三千五百", "一万二", "九千九百九十九", "半", "几", "十几", "数十",
    "上百", "成千上万", "壹", "贰拾", "叁佰", "肆仟", "伍万", "陆亿", "萬", "億", "兩",
    "1e5", "１万", "3万", "1.5亿", "2/3", "三分之一", "百分之五十", "99.9", "1000000000000000",
]  # fmt: skip
UNITS = [
    "元", "万元", "亿元", "美元", "人民币", "块", "%", "％", "‰", "个百分点", "倍", "成", "人",
    "名", "家", "个", "辆", "台", "吨", "万吨", "千克", "公斤", "斤", "克", "米", "公里", "千米",
    "平方米", "平方公里", "亩", "公顷", "立方米", "升", "瓦", "千瓦", "兆瓦", "吉瓦", "千瓦时",
    "度", "兆瓦时", "℃", "摄氏度", "年", "月", "日", "天", "小时", "分钟", "秒", "岁", "枚",
    "项", "套", "户", "次", "件", "GW", "MW", "kWh", "km", "kg", "m²", "USD", "$", "¥", "￥",
]  # fmt: skip
QUALIFIERS = [
    "超过", "逾", "近", "约", "大约", "左右", "以上", "以下", "不到", "不足", "至少", "最多",
    "多", "余", "余个", "上下", "将近", "接近", "达到", "达", "突破", "累计", "共计", "同比增长",
    "下降", "增加了", "减少", "翻了", "至", "到", "～", "~", "-", "—", "或", "、",
]  # fmt: skip
DATES = [
    "2025年", "6月16日", "6月16日至17日", "上午", "下午", "晚上", "今年", "去年", "明年", "前年",
    "两年前", "“十四五”期间", "十五五", "2019年以来", "2025-06-16", "2025/6/16", "2025.06.16",
    "二〇二五年", "二零二五年六月十六日", "次日", "当天", "同日", "1至5月", "一季度", "上半年",
    "6月31日", "13月1日", "0年", "99999年", "2月30日",
]  # fmt: skip
PUNCT = [
    "。", "，", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》", "【", "】",
    "…", "——", ".", ",", ";", ":", "?", "!", "(", ")", "\"", "'", "·", "/", "\\", "|",
]  # fmt: skip
SPACE = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\u3000", "\xa0", "\u200b", "\ufeff", "\u2028"]
HTML = [
    "<p>", "</p>", "<br>", "<br/>", "&nbsp;", "&amp;", "&lt;", "&#12345;", "<div class=\"a\">",
    "</div>", "<script>alert(1)</script>", "<!-- x -->", "<b>", "</b>", "&quot;",
]  # fmt: skip
WORDS = [
    "比亚迪", "贵州省", "党政代表团", "广东省", "深圳", "腾讯", "华为技术有限公司", "员工",
    "营业收入", "投资", "项目", "公司", "集团", "有限公司", "省委书记", "表示", "考察", "学习",
    "比亞迪", "員工", "萬人", "億元", "臺灣", "Apple", "BYD", "Inc.", "the", "GDP", "CEO",
]  # fmt: skip
ODD = ["😀", "👍🏽", "🇨🇳", "\U0001f600\u200d", "\x00", "\x07", "\x1b[0m", "\ud800", "\udfff",
       "\ue000", "\uffff", "\U0010ffff", "𠀀", "𪚥", "\u0301", "\u202e"]  # fmt: skip

ATOMS = NUMERALS + UNITS + QUALIFIERS + DATES + PUNCT + SPACE + HTML + WORDS + ODD


def random_unicode(rng: random.Random) -> str:
    """Any code points, weighted toward BMP and CJK so that parsers see near-misses."""
    n = rng.choice([0, 1, 2, 5, 10, 30, 100, 300])
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            out.append(chr(rng.randint(0x4E00, 0x9FFF)))
        elif r < 0.5:
            out.append(chr(rng.randint(0x20, 0x7E)))
        elif r < 0.6:
            out.append(chr(rng.randint(0xFF00, 0xFFEF)))  # full-width forms
        elif r < 0.65:
            out.append(chr(rng.randint(0xD800, 0xDFFF)))  # lone surrogates
        elif r < 0.7:
            out.append(chr(rng.randint(0, 0x1F)))
        else:
            out.append(chr(rng.randint(0, 0x10FFFF)))
    return "".join(out)


def genre_mix(rng: random.Random) -> str:
    """Atoms in number-unit-ish order, so most inputs look like (broken) quantities."""
    parts = []
    for _ in range(rng.randint(1, 25)):
        r = rng.random()
        if r < 0.3:
            parts += [rng.choice(QUALIFIERS), rng.choice(NUMERALS), rng.choice(UNITS)]
        elif r < 0.4:
            parts += [
                rng.choice(NUMERALS),
                rng.choice(QUALIFIERS),
                rng.choice(NUMERALS),
                rng.choice(UNITS),
            ]
        elif r < 0.5:
            parts.append(rng.choice(DATES))
        else:
            parts.append(rng.choice(ATOMS))
    return "".join(parts)


def mutate(rng: random.Random, sentences: list[str]) -> str:
    """A seed/genre sentence with 1-4 random edits."""
    s = list(rng.choice(sentences))
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        i = rng.randrange(len(s) + 1)
        if op == 0 and s:
            del s[min(i, len(s) - 1)]
        elif op == 1 and s:
            j = min(i, len(s) - 1)
            s.insert(j, s[j])
        elif op == 2 and len(s) > 1:
            j, k = rng.randrange(len(s)), rng.randrange(len(s))
            s[j], s[k] = s[k], s[j]
        elif op == 3:
            s[i:i] = list(rng.choice(ATOMS))
        elif op == 4:
            s = s[: rng.randrange(len(s) + 1)]
        else:
            s += list(rng.choice(sentences))[: rng.randint(0, 40)]
    return "".join(s)


def sentences_pool() -> list[str]:
    """Sentences of the seed articles and genre paragraphs (cut at 。！？ and newlines)."""
    import re

    pool: list[str] = []
    for para in seed_paragraphs() + list(GENRE_PARAGRAPHS):
        pool += [s for s in re.split(r"(?<=[。！？\n])", para) if s.strip()]
    return pool


def generate(rng: random.Random, pool: list[str]) -> str:
    r = rng.random()
    if r < 0.3:
        return random_unicode(rng)
    if r < 0.65:
        return genre_mix(rng)
    return mutate(rng, pool)


def _check_offsets(text: str, items: list[object], what: str) -> None:
    for m in items:
        start, end, surface = getattr(m, "start", None), getattr(m, "end", None), m.text  # type: ignore[attr-defined]
        if start is None or end is None or text[start:end] != surface:
            raise AssertionError(
                f"{what}: offsets {start}:{end} give {text[start:end]!r} (not {surface!r})"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="inputs (default 100000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--extract-n",
        type=int,
        default=None,
        help="how many of the inputs also go through extract() (default: 2%% of --n, at most 2000)",
    )
    parser.add_argument("--show", type=int, default=10, help="failures to print in full")
    args = parser.parse_args(argv)
    extract_n = args.extract_n if args.extract_n is not None else min(2000, max(1, args.n // 50))

    import seedie
    from seedie.dates.resolve import find_dates

    nlp = seedie.load("default") if extract_n else None
    rng = random.Random(args.seed)
    pool = sentences_pool()
    # Which inputs also go to extract: spread evenly, so every generator is represented.
    every = max(1, args.n // extract_n) if extract_n else 0

    def run_extract(text: str) -> None:
        ex = seedie.extract(text, nlp=nlp)
        ex.to_json()
        _check_offsets(text, ex.quantities, "extract.quantities")

    def run_find_quantities(text: str) -> None:
        _check_offsets(text, seedie.find_quantities(text), "find_quantities")

    def run_find_dates(text: str) -> None:
        _check_offsets(text, find_dates(text), "find_dates")

    checks: list[tuple[str, Callable[[str], object]]] = [
        ("parse_quantity", seedie.parse_quantity),
        ("find_quantities", run_find_quantities),
        ("find_dates", run_find_dates),
    ]
    failures: Counter[tuple[str, str]] = Counter()
    shown = 0
    calls = Counter()
    t0 = time.perf_counter()
    warnings.simplefilter("ignore")  # W002 etc. are not failures
    for i in range(args.n):
        text = generate(rng, pool)
        todo = list(checks)
        if every and i % every == 0 and calls["extract"] < extract_n:
            todo.append(("extract", run_extract))
        for name, fn in todo:
            calls[name] += 1
            try:
                fn(text)
            except Exception as exc:  # noqa: BLE001 - counting every failure is the point
                # Group by where it was raised, not by message (messages embed positions).
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                where = f"{Path(frame.filename).name}:{frame.lineno}"
                key = (name, f"{type(exc).__name__} at {where}: {str(exc)[:70]}")
                failures[key] += 1
                if shown < args.show:
                    shown += 1
                    print(f"--- {name}({text!r})", file=sys.stderr)
                    traceback.print_exc(file=sys.stderr)
        if (i + 1) % 20_000 == 0:
            print(
                f"  {i + 1:,} inputs, {sum(failures.values())} exceptions, "
                f"{time.perf_counter() - t0:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    elapsed = time.perf_counter() - t0
    total = sum(failures.values())
    print("calls: " + ", ".join(f"{k}={v:,}" for k, v in calls.items()))
    by_kind: Counter[tuple[str, str]] = Counter()
    for (name, msg), count in failures.items():
        by_kind[(name, msg.split(": ")[0])] += count
    for (name, kind), count in by_kind.most_common():
        example = next(m for (n, m) in failures if n == name and m.startswith(kind))
        print(f"  {count:6d} x {name}: {example}")
    print(f"fuzz: {args.n} inputs, {total} exceptions, {elapsed:.0f} s")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
