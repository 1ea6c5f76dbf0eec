"""Time ``seedie.extract`` on very long texts (1 MB, 5 MB, 10 MB) to check linearity.

Texts are built by repeating and shuffling genre paragraphs (finance, government, sports,
weather, technology, courts, diplomacy, agriculture, plus the seed article's paragraphs),
so sentence lengths and the density of numbers, dates and organizations stay realistic.
A text longer than ``nlp.max_length`` (spaCy's default: 1,000,000 characters) is chunked
by ``seedie.extract``, so this also times chunking and merging.

Usage:
    .venv/bin/python benchmarks/bench_long.py --sizes 1,5,10 [--json out.json]

"MB" here means 10**6 characters (not bytes: a Chinese character is 3 bytes in UTF-8).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1,5,10", help="comma-separated sizes in MB (10**6 chars)"
    )
    parser.add_argument("--json", dest="json_out", help="write the results as JSON here")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]

    import seedie

    nlp = seedie.load("default")
    seedie.extract("比亚迪员工近万人。", nlp=nlp)  # warm up: ONNX session, lazy tables
    rows = []
    print(
        f"{'size':>8} {'chars':>11} {'chunks':>6} {'seconds':>9} {'chars/s':>9} "
        f"{'quantities':>10} {'maxrss MB':>9}"
    )
    for mb in sizes:
        n = int(mb * 1_000_000)
        text = build_text(n, seed=int(mb * 10))
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # W002 (chunked) is expected above max_length
            ex = seedie.extract(text, nlp=nlp)
        secs = time.perf_counter() - t0
        from seedie.text.chunking import chunk_text

        row = {
            "size_mb": mb,
            "chars": len(text),
            "chunks": len(chunk_text(text, nlp.max_length)),
            "seconds": round(secs, 2),
            "chars_per_s": round(len(text) / secs),
            "quantities": len(ex.quantities),
            "companies": len(ex.companies),
            "claims": len(ex.claims),
            # ru_maxrss is in KiB on Linux; it only grows, so it is the peak so far.
            "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        rows.append(row)
        print(
            f"{mb:>6g}MB {row['chars']:>11,} {row['chunks']:>6} {secs:>9.1f} "
            f"{row['chars_per_s']:>9,} {row['quantities']:>10,} {row['maxrss_mb']:>9}",
            flush=True,
        )
        del ex, text
    if len(rows) > 1:
        base = rows[0]["chars_per_s"]
        for r in rows[1:]:
            print(
                f"throughput at {r['size_mb']:g} MB = {r['chars_per_s'] / base:.2f} x "
                f"that at {rows[0]['size_mb']:g} MB (1.00 = linear)"
            )
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
