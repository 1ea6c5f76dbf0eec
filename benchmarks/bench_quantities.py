"""Throughput of seedie's quantity normalizer (single core).

Prints parse_quantity expressions/s over a varied list of expressions (repeated, so the
numeral caches are warm) and over distinct generated expressions (cold caches), and
find_quantities chars/s over a synthetic long news-like text.

    python benchmarks/bench_quantities.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import time

from seedie.quantities.parse import find_quantities, parse_quantity

EXPRESSIONS = [
    "15元", "1.1亿元", "超过500万枚", "近万人", "500多亿元", "1500余人", "十几万", "三四万吨",
    "两三千万元", "80至100亿元", "80亿至100亿元", "7-8公斤", "10~20元", "每斤50元以上",
    "每天超过500万枚", "日均3万人次", "年产30万吨", "时速100公里", "每股0.5元", "3000元/吨",
    "30%", "百分之三十", "三分之一", "1/10", "2.5个百分点", "三成", "千分之五", "1.8倍",
    "335个", "19家", "上千家", "数十亿元", "约500万元", "500万元左右", "不超过5%", "3万元以下",
    "人民币5000万元", "5000万元人民币", "$100", "¥3.5万", "3元5角", "零下5℃", "一千零五",
    "壹仟贰佰元整", "４５．９亿", "1,200万", "3万4千", "300多万千瓦", "1亿千瓦时", "20度电",
    "5000亩", "120平方米", "40多年", "一个多月", "2天", "2025年", "6月16日", "一带一路",
    "十四五", "5G", "第一", "两会", "上午9点", "1.2亿美元", "逾百亿", "突破1000亿元",
]  # fmt: skip

SENTENCES = [
    "代表团一行来到广东省某科技公司，该公司2024年营收超过1158亿元，同比增长16.4%，",
    "员工近万人，其中研发人员1500余人，拥有专利335个，年产30万吨新材料，",
    "项目总投资80亿至100亿元，建成后每天可生产超过500万枚芯片，",
    "6月16日上午，考察组参观了占地5000亩的产业园，园区入驻企业上千家，",
    "去年出口额达45.9亿美元，装机容量从300多万千瓦到1.1亿千瓦，",
    "一带一路沿线市场占比三成以上，利润率提高2.5个百分点。",
]


def bench_parse(repeats: int) -> float:
    exprs = EXPRESSIONS * repeats
    random.Random(0).shuffle(exprs)
    t0 = time.perf_counter()
    for e in exprs:
        parse_quantity(e)
    return len(exprs) / (time.perf_counter() - t0)


def unique_expressions(n: int, seed: int = 2) -> list[str]:
    """``n`` distinct expressions (numeral x multiplier x unit x qualifier), none repeated,
    so the normalizer's numeral caches cannot help: the honest per-expression cost."""
    rng = random.Random(seed)
    quals = ["", "近", "超过", "约", "逾", "突破"]
    tails = ["", "多", "余", "左右", "以上"]
    mults = ["", "万", "亿", "千"]
    units = ["元", "吨", "人", "家", "千瓦", "亩", "美元", "枚", "%", "个"]
    out: set[str] = set()
    while len(out) < n:
        number = (
            f"{rng.randint(1, 99999)}"
            if rng.random() < 0.7
            else f"{rng.randint(1, 9999)}.{rng.randint(1, 99)}"
        )
        out.add(
            rng.choice(quals) + number + rng.choice(mults) + rng.choice(tails) + rng.choice(units)
        )
    return sorted(out)


def bench_parse_unique(n: int) -> float:
    exprs = unique_expressions(n)
    t0 = time.perf_counter()
    for e in exprs:
        parse_quantity(e)
    return len(exprs) / (time.perf_counter() - t0)


def bench_find(chars: int) -> tuple[float, int]:
    rng = random.Random(1)
    parts: list[str] = []
    total = 0
    while total < chars:
        s = rng.choice(SENTENCES)
        parts.append(s)
        total += len(s)
    text = "".join(parts)
    t0 = time.perf_counter()
    found = find_quantities(text)
    return len(text) / (time.perf_counter() - t0), len(found)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for CI")
    a = ap.parse_args(argv)
    repeats, chars = (20, 100_000) if a.quick else (200, 1_000_000)
    parse_quantity("1元")  # load the unit table outside the timing
    rate = bench_parse(repeats)
    print(
        f"parse_quantity, {len(EXPRESSIONS)} varied expressions repeated: {rate:,.0f} "
        f"expressions/s ({len(EXPRESSIONS) * repeats} calls)"
    )
    n_unique = 5_000 if a.quick else 50_000
    urate = bench_parse_unique(n_unique)
    print(
        f"parse_quantity, {n_unique:,} distinct expressions (cold caches): {urate:,.0f} expressions/s"
    )
    crate, n = bench_find(chars)
    print(f"find_quantities: {crate:,.0f} chars/s ({chars:,} chars, {n} quantities)")


if __name__ == "__main__":
    main()
