"""Time ``seedie.extract`` on very long texts (100k, 1M, 10M characters) to check linearity.

Texts are built by repeating and shuffling genre paragraphs (finance, government, sports,
weather, technology, courts, diplomacy, agriculture, plus the seed article's paragraphs),
so sentence lengths and the density of numbers, dates and organizations stay realistic.
Three kinds of input:

- ``punctuated``: the paragraphs as written, one per line;
- ``nopunct``: every punctuation mark and line break removed, so the whole text is one run
  of characters without a sentence, clause or paragraph boundary (a scraped page, a table
  flattened into text);
- ``oneline``: punctuated, but all paragraphs joined on one line (one paragraph, no
  section breaks).

A text longer than ``nlp.max_length`` (spaCy's default: 1,000,000 characters) is chunked
by ``seedie.extract``, so this also times chunking and merging. Each (kind, size) runs in
a fresh process, so the peak RSS reported is that run's own.

Usage:
    .venv/bin/python benchmarks/bench_long.py [--quick] [--kinds punctuated,nopunct,oneline]
        [--sizes 100000,1000000,10000000] [--timeout SECONDS] [--json out.json]

``--quick``: 100k and 1M characters only.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import unicodedata
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

# Short paragraphs in the registers seedie meets in the wild. Written for these benchmarks
# (not copied from any source); numbers, dates and organizations are plausible, not real.
GENRE_PARAGRAPHS: tuple[str, ...] = (
    # finance / company report
    "比亚迪股份有限公司发布公告称，2025年上半年公司实现营业收入3712.8亿元，同比增长23.3%；"
    "归属于上市公司股东的净利润约155亿元，新能源汽车销量超过214万辆。",
    "据宁德时代年报，截至2024年底公司员工近13万人，研发投入186亿元，占营业收入的5%左右。",
    "华为技术有限公司表示，今年一季度智能汽车解决方案业务收入较去年同期增长了两倍多。",
    # government / planning
    "今年以来，贵州省新开工项目2300余个，完成固定资产投资约1.2万亿元，"
    "“十四五”期间累计新增高速公路里程1000公里以上。",
    "省统计局数据显示，1至5月全省规模以上工业增加值同比增长7.1%，社会消费品零售总额达到4286亿元。",
    "6月16日至17日，贵州省党政代表团赴广东省学习考察，先后走进比亚迪全球总部、腾讯滨海大厦。",
    # sports
    "在昨晚进行的比赛中，中国女排以3比1战胜对手，主攻手全场拿下27分，现场观众超过1.5万人。",
    "马拉松赛吸引了来自32个国家和地区的3万名选手参赛，男子组冠军成绩为2小时08分。",
    # weather
    "受强降雨影响，6月18日上午8时至19日8时，全省平均降雨量达56.4毫米，"
    "最大小时雨强85毫米，最高气温35℃左右。",
    "中央气象台预计，未来三天江南、华南部分地区有大到暴雨，局地降雨量可达250毫米以上。",
    # technology / energy
    "该储能电站装机容量为200兆瓦/400兆瓦时，年发电量约3.6亿千瓦时，每年可减少二氧化碳排放28万吨。",
    "公司新建的数据中心占地面积约12万平方米，可容纳服务器50万台，总投资超过80亿元。",
    # courts / police
    "法院经审理查明，被告人先后骗取被害人钱款共计人民币87.6万元，依法判处有期徒刑十年。",
    "警方在行动中抓获犯罪嫌疑人46名，查扣涉案车辆12辆，冻结涉案资金逾3000万元。",
    # diplomacy / visits
    "应邀出席论坛的代表来自60多个国家，双方签署合作协议18项，涉及金额约500亿元人民币。",
    "上午，代表团一行来到深圳市南山区，实地考察了腾讯公司、大疆创新科技有限公司。",
    # agriculture / society
    "全县今年种植辣椒面积达12.5万亩，预计产量30万吨，带动1.8万户农户户均增收8000元以上。",
    "截至目前，该市累计建成保障性住房3.2万套，惠及群众近10万人，城镇化率提高到62%。",
)


def seed_paragraphs() -> list[str]:
    """Non-empty paragraphs of the seed articles in seeds/*.txt."""
    paragraphs: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs += [p.strip() for p in text.split("\n") if p.strip()]
    return paragraphs


def build_text(n_chars: int, seed: int = 0) -> str:
    """A text of exactly ``n_chars`` characters of shuffled genre + seed paragraphs."""
    rng = random.Random(seed)
    pool = list(GENRE_PARAGRAPHS) + seed_paragraphs()
    parts: list[str] = []
    size = 0
    while size < n_chars:
        rng.shuffle(pool)
        for p in pool:
            parts.append(p)
            size += len(p) + 1
            if size >= n_chars:
                break
    # Cut at the exact size so the reported lengths are round numbers.
    return "\n".join(parts)[:n_chars]


KINDS = ("punctuated", "nopunct", "oneline")


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def build_kind(kind: str, n_chars: int, seed: int = 0) -> str:
    """A text of exactly ``n_chars`` characters of the given kind (see the module doc)."""
    if kind == "punctuated":
        return build_text(n_chars, seed)
    # Removing characters shortens the text: build a third more, then cut.
    raw = build_text(n_chars + n_chars // 3 + 1000, seed)
    if kind == "nopunct":
        text = "".join(ch for ch in raw if ch != "\n" and not _is_punct(ch))
    elif kind == "oneline":
        text = raw.replace("\n", "")
    else:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
    while len(text) < n_chars:  # never for these paragraphs; kept for safety
        text += text
    return text[:n_chars]


def run_one(kind: str, n_chars: int) -> dict[str, object]:
    """Time ``seedie.extract`` on one text in this process (load and warm-up not timed)."""
    import seedie  # noqa: PLC0415
    from seedie.text.chunking import chunk_text  # noqa: PLC0415

    nlp = seedie.load("default")
    seedie.extract("比亚迪员工近万人。", nlp=nlp)  # warm up: ONNX session, lazy tables
    text = build_kind(kind, n_chars, seed=len(str(n_chars)))
    t0, c0 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W002 (chunked) is expected above max_length
        ex = seedie.extract(text, nlp=nlp)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "kind": kind,
        "chars": len(text),
        "chunks": len(chunk_text(text, nlp.max_length)),
        "seconds": round(secs, 2),
        "chars_per_s": round(len(text) / secs),
        # CPU time of this process: less disturbed than wall time on a shared machine.
        "cpu_seconds": round(cpu, 2),
        "cpu_chars_per_s": round(len(text) / cpu),
        "quantities": len(ex.quantities),
        "companies": len(ex.companies),
        "claims": len(ex.claims),
        # ru_maxrss is in KiB on Linux; it only grows, so it is this process's peak.
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _run_child(kind: str, n_chars: int, timeout: float | None) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--one", f"{kind}:{n_chars}"]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "chars": n_chars, "timeout_s": timeout}
    except subprocess.CalledProcessError as exc:
        return {"kind": kind, "chars": n_chars, "error": exc.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _fmt(row: dict[str, object], base: dict[str, object] | None) -> str:
    if "chars_per_s" not in row:
        what = f"timeout after {row['timeout_s']} s" if "timeout_s" in row else row.get("error")
        return f"{row['kind']:>10} {row['chars']:>11,}  {what}"
    ratio = cpu_ratio = ""
    if base is not None and "chars_per_s" in base:
        ratio = f"{row['chars_per_s'] / base['chars_per_s']:.2f}"  # type: ignore[operator]
        cpu_ratio = f"{row['cpu_chars_per_s'] / base['cpu_chars_per_s']:.2f}"  # type: ignore[operator]
    return (
        f"{row['kind']:>10} {row['chars']:>11,} {row['chunks']:>6} {row['seconds']:>9.1f} "
        f"{row['chars_per_s']:>9,} {ratio:>6} {row['cpu_seconds']:>8.1f} "
        f"{row['cpu_chars_per_s']:>9,} {cpu_ratio:>6} {row['quantities']:>10,} "
        f"{row['companies']:>9,} {row['maxrss_mb']:>9}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated sizes in characters")
    parser.add_argument("--quick", action="store_true", help="100k and 1M characters only")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"subset of {KINDS}")
    parser.add_argument("--timeout", type=float, help="seconds allowed per run")
    parser.add_argument("--json", dest="json_out", help="write the results as JSON here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child mode: KIND:CHARS
    args = parser.parse_args(argv)
    if args.one:
        kind, n = args.one.split(":")
        print(json.dumps(run_one(kind, int(n))))
        return 0
    if args.sizes:
        sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    else:
        sizes = [100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    kinds = [k for k in args.kinds.split(",") if k.strip()]
    print(
        f"{'kind':>10} {'chars':>11} {'chunks':>6} {'seconds':>9} {'chars/s':>9} {'ratio':>6} "
        f"{'cpu s':>8} {'cpu ch/s':>9} {'ratio':>6} {'quantities':>10} {'companies':>9} "
        f"{'maxrss MB':>9}"
    )
    rows = []
    for kind in kinds:
        base = None
        for n in sizes:
            row = _run_child(kind, n, args.timeout)
            base = base or row
            rows.append(row)
            print(_fmt(row, base), flush=True)
    print("ratio = chars/s / chars/s at the smallest size of the same kind (1.00 = linear)")
    print("cpu: this process's CPU time (the analyzer may use a second core)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
