"""Table tests for seedie.quantities.parse (pure code, no spaCy)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedie.quantities.parse import find_quantities, parse_quantity

N = None
# (expr, value, unit, kind, qualifier, low, high, per)
CASES = [
    # money
    ("15元", 15, "CNY", "money", "exact", N, N, N),
    ("2.8万元", 28000, "CNY", "money", "exact", N, N, N),
    ("16.4亿元", 1640000000, "CNY", "money", "exact", N, N, N),
    ("1158亿元", 115800000000, "CNY", "money", "exact", N, N, N),
    ("３．５亿元", 350000000, "CNY", "money", "exact", N, N, N),
    ("人民币800万元", 8000000, "CNY", "money", "exact", N, N, N),
    ("800万元人民币", 8000000, "CNY", "money", "exact", N, N, N),
    ("人民币 3千元", 3000, "CNY", "money", "exact", N, N, N),
    ("1.2亿美元", 120000000, "USD", "money", "exact", N, N, N),
    ("30亿欧元", 3000000000, "EUR", "money", "exact", N, N, N),
    ("500万港元", 5000000, "HKD", "money", "exact", N, N, N),
    ("200港币", 200, "HKD", "money", "exact", N, N, N),
    ("3000日元", 3000, "JPY", "money", "exact", N, N, N),
    ("12英镑", 12, "GBP", "money", "exact", N, N, N),
    ("50亿新台币", 5000000000, "TWD", "money", "exact", N, N, N),
    ("7万韩元", 70000, "KRW", "money", "exact", N, N, N),
    ("90泰铢", 90, "THB", "money", "exact", N, N, N),
    ("1000卢布", 1000, "RUB", "money", "exact", N, N, N),
    ("6澳元", 6, "AUD", "money", "exact", N, N, N),
    ("8加元", 8, "CAD", "money", "exact", N, N, N),
    ("9瑞士法郎", 9, "CHF", "money", "exact", N, N, N),
    ("10新加坡元", 10, "SGD", "money", "exact", N, N, N),
    ("$25", 25, "USD", "money", "exact", N, N, N),
    ("US$3.5亿", 350000000, "USD", "money", "exact", N, N, N),
    ("¥88", 88, "CNY", "money", "exact", N, N, N),
    ("￥1,999", 1999, "CNY", "money", "exact", N, N, N),
    ("港币三千元", 3000, "HKD", "money", "exact", N, N, N),
    ("4元6角", 4.6, "CNY", "money", "exact", N, N, N),
    ("4元6角5分", 4.65, "CNY", "money", "exact", N, N, N),
    ("七块五", 7.5, "CNY", "money", "exact", N, N, N),
    ("20块钱", 20, "CNY", "money", "exact", N, N, N),
    ("八毛钱", 0.8, "CNY", "money", "exact", N, N, N),
    ("贰仟元整", 2000, "CNY", "money", "exact", N, N, N),
    ("两个亿", 200000000, "", "count", "exact", N, N, N),
    # qualifiers
    ("近千人", 1000, "人", "count", "nearly", N, 1000, N),
    ("将近300吨", 300, "t", "mass", "nearly", N, 300, N),
    ("接近6成", 60, "%", "percent", "nearly", N, 60, N),
    ("约2万人", 20000, "人", "count", "about", N, N, N),
    ("大约40分钟", 40, "min", "duration", "about", N, N, N),
    ("2亿元左右", 200000000, "CNY", "money", "about", N, N, N),
    ("50公斤上下", 50, "kg", "mass", "about", N, N, N),
    ("超4000家", 4000, "家", "count", "over", 4000, N, N),
    ("超过3亿元", 300000000, "CNY", "money", "over", 300000000, N, N),
    ("逾60%", 60, "%", "percent", "over", 60, N, N),
    ("突破2000万人次", 20000000, "人", "count", "over", 20000000, N, N),
    ("800余名", 800, "人", "count", "over", 800, 900, N),
    ("2600多位", 2600, "人", "count", "over", 2600, 2700, N),
    ("700多亿元", 70000000000, "CNY", "money", "over", 70000000000, 80000000000, N),
    ("二十几万", 200000, "", "count", "over", 200000, 300000, N),
    ("五百多万千瓦", 5000000, "kW", "power", "over", 5000000, 6000000, N),
    ("一千多万元", 10000000, "CNY", "money", "over", 10000000, 20000000, N),
    ("3万多元", 30000, "CNY", "money", "over", 30000, 40000, N),
    ("90%以上", 90, "%", "percent", "at_least", 90, N, N),
    ("至少20家", 20, "家", "count", "at_least", 20, N, N),
    ("不少于3年", 3, "year", "duration", "at_least", 3, N, N),
    ("1万元以下", 10000, "CNY", "money", "at_most", N, 10000, N),
    ("30天以内", 30, "day", "duration", "at_most", N, 30, N),
    ("不超过15%", 15, "%", "percent", "at_most", N, 15, N),
    ("最多8人", 8, "人", "count", "at_most", N, 8, N),
    ("不到1%", 1, "%", "percent", "under", N, 1, N),
    ("不足百人", 100, "人", "count", "under", N, 100, N),
    ("低于2摄氏度", 2, "°C", "temperature", "under", N, 2, N),
    ("小于0.5毫米", 0.5, "mm", "length", "under", N, 0.5, N),
    ("上万家", 10000, "家", "count", "at_least", 10000, N, N),
    ("上百亿元", 10000000000, "CNY", "money", "at_least", 10000000000, N, N),
    ("数十亿元", 1e9, "CNY", "money", "range", 1e9, 1e10, N),
    ("数百人", 100, "人", "count", "range", 100, 1000, N),
    ("数千万元", 1e7, "CNY", "money", "range", 1e7, 1e8, N),
    ("几十万人", 1e5, "人", "count", "range", 1e5, 1e6, N),
    ("十几家", 10, "家", "count", "over", 10, 20, N),
    # ranges
    ("30亿至50亿元", 3e9, "CNY", "money", "range", 3e9, 5e9, N),
    ("30至50亿元", 3e9, "CNY", "money", "range", 3e9, 5e9, N),
    ("3到5万元", 30000, "CNY", "money", "range", 30000, 50000, N),
    ("5-6公斤", 5, "kg", "mass", "range", 5, 6, N),
    ("15~25元", 15, "CNY", "money", "range", 15, 25, N),
    ("20%-30%", 20, "%", "percent", "range", 20, 30, N),
    ("10-15%", 10, "%", "percent", "range", 10, 15, N),
    ("五六万吨", 50000, "t", "mass", "range", 50000, 60000, N),
    ("三四千万元", 3e7, "CNY", "money", "range", 3e7, 4e7, N),
    ("七八公斤", 7, "kg", "mass", "range", 7, 8, N),
    ("一两个", 1, "个", "count", "range", 1, 2, N),
    ("2000与3000之间", 2000, "", "count", "range", 2000, 3000, N),
    ("从20万到50万元", 200000, "CNY", "money", "range", 200000, 500000, N),
    # measures
    ("80万吨", 800000, "t", "mass", "exact", N, N, N),
    ("3.5公斤", 3.5, "kg", "mass", "exact", N, N, N),
    ("500克", 500, "g", "mass", "exact", N, N, N),
    ("12斤", 12, "jin", "mass", "exact", N, N, N),
    ("60万千瓦", 600000, "kW", "power", "exact", N, N, N),
    ("200兆瓦", 200, "MW", "power", "exact", N, N, N),
    ("3吉瓦", 3, "GW", "power", "exact", N, N, N),
    ("50亿千瓦时", 5e9, "kWh", "energy", "exact", N, N, N),
    ("40GWh", 40, "GWh", "energy", "exact", N, N, N),
    ("约12吉瓦时", 12, "GWh", "energy", "about", N, N, N),
    ("2亿度", 2e8, "kWh", "energy", "exact", N, N, N),
    ("300度电", 300, "kWh", "energy", "exact", N, N, N),
    ("1.2万亩", 12000, "mu", "area", "exact", N, N, N),
    ("90平方米", 90, "m2", "area", "exact", N, N, N),
    ("7平方公里", 7, "km2", "area", "exact", N, N, N),
    ("40公顷", 40, "ha", "area", "exact", N, N, N),
    ("120公里", 120, "km", "length", "exact", N, N, N),
    ("8千米", 8, "km", "length", "exact", N, N, N),
    ("300米", 300, "m", "length", "exact", N, N, N),
    ("15厘米", 15, "cm", "length", "exact", N, N, N),
    ("5000立方米", 5000, "m3", "volume", "exact", N, N, N),
    ("2升", 2, "L", "volume", "exact", N, N, N),
    ("36℃", 36, "°C", "temperature", "exact", N, N, N),
    ("零下12℃", -12, "°C", "temperature", "exact", N, N, N),
    ("零下8度", -8, "°C", "temperature", "exact", N, N, N),
    ("-3℃", -3, "°C", "temperature", "exact", N, N, N),
    ("5天", 5, "day", "duration", "exact", N, N, N),
    ("25年", 25, "year", "duration", "exact", N, N, N),
    ("30多年", 30, "year", "duration", "over", 30, 40, N),
    ("近2000年", 2000, "year", "duration", "nearly", N, 2000, N),
    ("6个月", 6, "month", "duration", "exact", N, N, N),
    ("两个多小时", 2, "h", "duration", "over", 2, 3, N),
    ("3周", 3, "week", "duration", "exact", N, N, N),
    ("2个季度", 2, "quarter", "duration", "exact", N, N, N),
    ("48小时", 48, "h", "duration", "exact", N, N, N),
    ("15分钟", 15, "min", "duration", "exact", N, N, N),
    ("一个半小时", 1.5, "h", "duration", "exact", N, N, N),
    ("两吨半", 2.5, "t", "mass", "exact", N, N, N),
    ("半斤", 0.5, "jin", "mass", "exact", N, N, N),
    # rates
    ("每斤8元以上", 8, "CNY", "money", "at_least", 8, N, "jin"),
    ("每天超过200万人次", 2e6, "人", "count", "over", 2e6, N, "day"),
    ("日均1.5万辆", 15000, "辆", "count", "exact", N, N, "day"),
    ("年产50万台", 500000, "台", "count", "exact", N, N, "year"),
    ("时速350公里", 350, "km", "length", "exact", N, N, "h"),
    ("每股1.2元", 1.2, "CNY", "money", "exact", N, N, "股"),
    ("每小时60公里", 60, "km", "length", "exact", N, N, "h"),
    ("4500元/吨", 4500, "CNY", "money", "exact", N, N, "t"),
    ("12元/斤", 12, "CNY", "money", "exact", N, N, "jin"),
    ("80公里/小时", 80, "km", "length", "exact", N, N, "h"),
    ("人均3万元", 30000, "CNY", "money", "exact", N, N, "人"),
    # percent, fractions, multiples
    ("45%", 45, "%", "percent", "exact", N, N, N),
    ("4.5％", 4.5, "%", "percent", "exact", N, N, N),
    ("百分之八十", 80, "%", "percent", "exact", N, N, N),
    ("百分之十二点五", 12.5, "%", "percent", "exact", N, N, N),
    ("三分之二", 200 / 3, "%", "percent", "exact", N, N, N),
    ("四分之一", 25, "%", "percent", "exact", N, N, N),
    ("1/4", 25, "%", "percent", "exact", N, N, N),
    ("2/3", 200 / 3, "%", "percent", "exact", N, N, N),
    ("千分之三", 0.3, "%", "percent", "exact", N, N, N),
    ("万分之五", 0.05, "%", "percent", "exact", N, N, N),
    ("0.8个百分点", 0.8, "pp", "percent", "exact", N, N, N),
    ("七成", 70, "%", "percent", "exact", N, N, N),
    ("八成以上", 80, "%", "percent", "at_least", 80, N, N),
    ("2.3倍", 2.3, "x", "multiple", "exact", N, N, N),
    ("两倍", 2, "x", "multiple", "exact", N, N, N),
    ("八五折", 85, "%", "percent", "exact", N, N, N),
    # counts and bare numbers
    ("120个", 120, "个", "count", "exact", N, N, N),
    ("36家", 36, "家", "count", "exact", N, N, N),
    ("5000名", 5000, "人", "count", "exact", N, N, N),
    ("12位", 12, "人", "count", "exact", N, N, N),
    ("8万人次", 80000, "人", "count", "exact", N, N, N),
    ("三项", 3, "项", "count", "exact", N, N, N),
    ("一台", 1, "台", "count", "exact", N, N, N),
    ("42", 42, "", "count", "exact", N, N, N),
    ("三百五十", 350, "", "count", "exact", N, N, N),
    ("一千零八", 1008, "", "count", "exact", N, N, N),
    ("2.5万", 25000, "", "count", "exact", N, N, N),
    ("≥50万", 500000, "", "count", "at_least", 500000, N, N),
    ("共12篇", 12, "篇", "count", "exact", N, N, N),
    ("  18家  ", 18, "家", "count", "exact", N, N, N),
]  # fmt: skip


@pytest.mark.parametrize(
    ("expr", "value", "unit", "kind", "qualifier", "low", "high", "per"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_parse_quantity(
    expr: str,
    value: float,
    unit: str,
    kind: str,
    qualifier: str,
    low: float | None,
    high: float | None,
    per: str | None,
) -> None:
    q = parse_quantity(expr)
    assert q is not None
    assert q.value == pytest.approx(value, rel=1e-9)
    assert (q.unit, q.kind, q.qualifier, q.per) == (unit, kind, qualifier, per)
    assert q.low == (None if low is None else pytest.approx(low, rel=1e-9))
    assert q.high == (None if high is None else pytest.approx(high, rel=1e-9))
    assert q.text == expr.strip()
    assert q.start is None and q.end is None


def test_float_exactness() -> None:
    q = parse_quantity("16.4亿元")
    assert q is not None and q.value == 1640000000.0
    q = parse_quantity("三分之一")
    assert q is not None and q.value != 33.33 and abs(q.value - 100 / 3) < 1e-9


NOT_QUANTITIES = [
    "一带一路", "两会", "十五五", "十四五", "十三五", "四渡赤水", "七山一水两分田", "5G", "4K",
    "第一", "第三", "第5", "6月16日", "2025年", "2025年4月15日", "1993年", "二〇二五年",
    "80年代", "上午9点", "9点", "9:30", "13812345678", "3.10.2", "V2.0", "一挥而就", "一夜",
    "三心二意", "十全十美", "万一", "一些", "一起", "一直", "统一", "唯一", "万物",
    "五角大楼", "以上", "左右", "元", "多", "约", "", "   ", "😀", "\x00", "\ud800",
    "十四五规划", "3月", "30分", "16号", "abc", "12 34 56", "1" * 100, "50周年",
]  # fmt: skip


@pytest.mark.parametrize(
    "expr", NOT_QUANTITIES, ids=[e[:24] if e.isprintable() else repr(e) for e in NOT_QUANTITIES]
)
def test_not_a_quantity(expr: str) -> None:
    assert parse_quantity(expr) is None


@pytest.mark.parametrize("bad", [b"12", bytearray(b"1"), None, 12, 1.5, ["1元"]], ids=repr)
def test_type_errors(bad: object) -> None:
    with pytest.raises(TypeError, match=r"\[E001\]"):
        parse_quantity(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"\[E001\]"):
        find_quantities(bad)  # type: ignore[arg-type]


def test_bytes_message_says_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        parse_quantity(b"\xe5\x85\x83")  # type: ignore[arg-type]


# (text, [(quantity text, value, unit, qualifier)])
FIND = [
    ("营收超过1158亿元，同比增长16.4%。",
     [("超过1158亿元", 115800000000, "CNY", "over"), ("16.4%", 16.4, "%", "exact")]),
    ("员工近万人，研发人员1500余人",
     [("近万人", 10000, "人", "nearly"), ("1500余人", 1500, "人", "over")]),
    ("装机从300多万千瓦到1.1亿千瓦",
     [("300多万千瓦", 3000000, "kW", "over"), ("1.1亿千瓦", 110000000, "kW", "exact")]),
    ("总投资80至100亿元", [("80至100亿元", 8e9, "CNY", "range")]),
    ("6月16日至17日，考察组在2025年参观了19家企业", [("19家", 19, "家", "exact")]),
    ("每天超过500万枚鸡蛋", [("每天超过500万枚", 5e6, "枚", "over")]),
    ("每天有超过20万斤蔬菜运出", [("每天有超过20万斤", 2e5, "jin", "over")]),
    ("每天有些人来", []),
    ("市场价在每斤50元以上。", [("每斤50元以上", 50, "CNY", "at_least")]),
    ("统一部署，第一次，一带一路，两会，十四五规划", []),
    ("三心二意、十全十美、千家万户、万一出事、一些人", []),
    ("5G网络、G20峰会、COVID-19、版本3.10.2", []),
    ("上午9点30分出发，电话13812345678", []),
    ("\x1b[0m比亚迪\x1b[1;31m", []),
    ("最近3天销量", [("3天", 3, "day", "exact")]),
    ("连续37年领跑，40多年来", [("37年", 37, "year", "exact"), ("40多年", 40, "year", "over")]),
    ("占比三成以上", [("三成以上", 30, "%", "at_least")]),
    ("全国1/10的经济总量", [("1/10", 10, "%", "exact")]),
    ("增长1.8倍", [("1.8倍", 1.8, "x", "multiple")[:3] + ("exact",)]),
    ("上千家企业和数十亿元资金", [("上千家", 1000, "家", "at_least"), ("数十亿元", 1e9, "CNY", "range")]),
    ("零部件和零售", []),
    ("１２３４５６", [("１２３４５６", 123456, "", "exact")]),
    ("投资４５．９亿元", [("４５．９亿元", 4590000000, "CNY", "exact")]),
    ("红军长征胜利90周年", []),
    ("３０％的份额", [("３０％", 30, "%", "exact")]),
    ("人民币5000万元和$300", [("人民币5000万元", 5e7, "CNY", "exact"), ("$300", 300, "USD", "exact")]),
    ("时速100公里", [("时速100公里", 100, "km", "exact")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FIND, ids=[f[0] for f in FIND])
def test_find_quantities(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    found = find_quantities(text)
    assert [(q.text, q.unit, q.qualifier) for q in found] == [(e[0], e[2], e[3]) for e in expected]
    for q, e in zip(found, expected):
        assert q.value == pytest.approx(e[1])
        assert q.start is not None and q.end is not None
        assert text[q.start : q.end] == q.text


# Numbers spaced off from their words, as web text writes them: (spaced text, the same text
# unspaced, the spans found in the spaced text). Each span must be the quantity found in the
# unspaced text (every field but text and offsets), with the gaps inside it.
SPACED = [
    ("总投资超 2000 亿元。", "总投资超2000亿元。", ["超 2000 亿元"]),
    ("已连续 8 年位居前列", "已连续8年位居前列", ["8 年"]),
    ("计划投资 1.2 亿 元建设", "计划投资1.2亿元建设", ["1.2 亿 元"]),
    ("园区员工近 3000 人", "园区员工近3000人", ["近 3000 人"]),
    ("营收同比增长 15.6 %，", "营收同比增长15.6%，", ["15.6 %"]),
    ("获补贴 1,200 万元", "获补贴1,200万元", ["1,200 万元"]),
    ("入驻企业 200 多家", "入驻企业200多家", ["200 多家"]),
    ("带动就业 1500 余人", "带动就业1500余人", ["1500 余人"]),
    ("拉动消费 2 个亿", "拉动消费2个亿", ["2 个亿"]),
    ("年营收 80 至 100 亿元", "年营收80至100亿元", ["80 至 100 亿元"]),
    ("单价 10 - 20 万元", "单价10-20万元", ["10 - 20 万元"]),
    ("本地配套率 90% 以上", "本地配套率90%以上", ["90% 以上"]),
    ("年接待 3000 人 左右", "年接待3000人左右", ["3000 人 左右"]),
    ("每天 超过 500 万枚芯片", "每天超过500万枚芯片", ["每天 超过 500 万枚"]),
    ("注册资本人民币 5000 万元", "注册资本人民币5000万元", ["人民币 5000 万元"]),
    ("融资 US$ 3.5 亿", "融资US$3.5亿", ["US$ 3.5 亿"]),
    ("装机 500 MW", "装机500MW", ["500 MW"]),
    ("年产 30 万吨", "年产30万吨", ["年产 30 万吨"]),
    ("约 2 万 人参加", "约2万人参加", ["约 2 万 人"]),
    ("有近 2000 年历史", "有近2000年历史", ["近 2000 年"]),
    ("超  2000  亿元", "超2000亿元", ["超  2000  亿元"]),  # two spaces are still a gap
    ("投资超 2000 亿元，就业近 3000 人", "投资超2000亿元，就业近3000人",
     ["超 2000 亿元", "近 3000 人"]),
]  # fmt: skip
# ASCII space, no-break space, ideographic space, thin space
GAPS = [" ", "\u00a0", "\u3000", "\u2009"]
_FIELDS = ("value", "unit", "kind", "low", "high", "qualifier", "per")


@pytest.mark.parametrize("gap", GAPS, ids=["space", "nbsp", "ideographic", "thin"])
@pytest.mark.parametrize(("spaced", "plain", "texts"), SPACED, ids=[c[0] for c in SPACED])
def test_find_spaced(spaced: str, plain: str, texts: list[str], gap: str) -> None:
    text = spaced.replace(" ", gap)
    found = find_quantities(text)
    assert [q.text for q in found] == [t.replace(" ", gap) for t in texts]
    want = find_quantities(plain)
    assert [[getattr(q, f) for f in _FIELDS] for q in found] == [
        [getattr(q, f) for f in _FIELDS] for q in want
    ]
    at = 0
    for q in found:
        assert q.start is not None and q.end is not None
        assert q.start == text.index(q.text, at) and q.end == q.start + len(q.text)
        at = q.end


# Gaps that part the words: (text, [(span text, unit, qualifier)]). A tab (table cells), a
# line break, a run of three spaces, a gap between two numbers, a Chinese numeral, a number
# after a Latin word (a model name) or after 第 (an ordinal) never join.
SPACED_APART = [
    ("2019 2000万元", [("2019", "", "exact"), ("2000万元", "CNY", "exact")]),
    ("营收 2019 120 亿元", [("2019", "", "exact"), ("120 亿元", "CNY", "exact")]),
    ("2000 亿 2019", [("2000", "", "exact"), ("2019", "", "exact")]),
    ("12 34 56", [("12", "", "exact"), ("34", "", "exact"), ("56", "", "exact")]),
    ("超\t2000亿元", [("2000亿元", "CNY", "exact")]),
    ("2000\t亿元", [("2000", "", "exact")]),
    ("超\n2000 亿元", [("2000 亿元", "CNY", "exact")]),
    ("2000 \n亿元", [("2000", "", "exact")]),
    ("2000\u2029亿元", [("2000", "", "exact")]),
    ("超   2000   亿元", [("2000", "", "exact")]),
    ("1 万科 2 保利", [("1", "", "exact"), ("2", "", "exact")]),
    ("近 千人", []),
    ("第 3 名", []),
    ("第 5 届", []),
    ("Mate 60 系列", []),
    ("iPhone 16 台", []),
    ("5 million", []),
    ("3 times", []),
    ("2019 年 6 月 16 日上午", []),
    ("截至 2024 年底", []),
    ("2019 - 2020", []),
    ("9 点 30 分", []),
    ("5 折叠屏", [("5", "", "exact")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPACED_APART, ids=[repr(c[0]) for c in SPACED_APART])
def test_find_spaced_apart(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_quantities(text)
    assert [(q.text, q.unit, q.qualifier) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("spaced", "plain"),
    [
        ("超 2000 亿元", "超2000亿元"),
        ("超\u00a02000\u3000亿元", "超2000亿元"),
        ("近 3000 人", "近3000人"),
        ("1.2 亿 元", "1.2亿元"),
        ("15.6 %", "15.6%"),
        ("1,200 万元", "1,200万元"),
        ("80 至 100 亿元", "80至100亿元"),
        ("200 多家", "200多家"),
    ],
)
def test_parse_spaced(spaced: str, plain: str) -> None:
    q, want = parse_quantity(spaced), parse_quantity(plain)
    assert q is not None and want is not None
    assert [getattr(q, f) for f in _FIELDS] == [getattr(want, f) for f in _FIELDS]
    assert q.text == spaced


def test_find_offsets_sorted_non_overlapping() -> None:
    text = "项目总投资超过80亿元，年产30万吨，带动就业1500余人，利润率提高2.5个百分点。" * 20
    found = find_quantities(text)
    assert len(found) == 80
    prev_end = 0
    for q in found:
        assert q.start is not None and q.end is not None
        assert prev_end <= q.start < q.end
        assert text[q.start : q.end] == q.text
        prev_end = q.end


@pytest.mark.parametrize(
    "text",
    [
        "",
        "😀" * 50,
        "\x00\x01\x02",
        "\ud800\udfff",
        "9" * 100_000,
        "一" * 10_000,
        "1-" * 5_000,
        "万" * 5_000,
        "1.1." * 3_000,
        "近" * 3_000 + "5",
        "每" * 1000,
    ],
    ids=[
        "empty",
        "emoji",
        "control",
        "surrogates",
        "100k digits",
        "10k 一",
        "1-1-",
        "万万",
        "1.1.",
        "近近5",
        "每每",
    ],
)
def test_never_raises_and_fast(text: str) -> None:
    t0 = time.perf_counter()
    find_quantities(text)
    parse_quantity(text)
    assert time.perf_counter() - t0 < 2.0


def test_find_is_linear_enough() -> None:
    text = "产值超过1158亿元，员工近万人，6月16日上午参观。" * 2000
    t0 = time.perf_counter()
    found = find_quantities(text)
    assert time.perf_counter() - t0 < 2.0
    assert len(found) == 4000


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "0123456789.,-~至到万亿千百十几多余元人%约近超以上下个年月日每斤一二两三五零分之半第 "
                "\u3000\u00a0\t\n"
            )
        ),
        max_size=30,
    )
)
def test_fuzz_numeric_alphabet(text: str) -> None:
    q = parse_quantity(text)
    if q is not None:
        assert q.low is None or q.high is None or q.low <= q.high
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_any_text(text: str) -> None:
    parse_quantity(text)
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


def _grammar_alphabet() -> list[str]:
    """Numerals, and every character a word of units.json starts with, and some others."""
    from seedie.lexicon import data_table

    data = data_table("units.json")
    chars = set("0123456789一二两三五六十百千万亿零几 .,(/")
    for value in data.values():
        words = value if isinstance(value, (list, dict)) else [value]
        for w in words:
            if isinstance(w, list):
                w = w[0]
            if isinstance(w, str) and w and not w.startswith("Surface"):
                chars.update(w[:2])
    chars.update("大的小”“、。，了面战路")
    return sorted(chars)


def test_bare_numeral_is_no_quantity() -> None:
    # bare_numeral lets find_quantities skip the parse at a candidate: the parse must then
    # find nothing there, whatever two characters follow the numeral.
    from seedie.quantities.bare import bare_numeral, readers_of
    from seedie.quantities.parse import _parse_at
    from seedie.quantities.units import unit_table

    t = unit_table()
    readers = readers_of(t)
    alphabet = _grammar_alphabet()
    skipped = 0
    for numeral in ("一", "五", "三十", "零", "几", "两百"):
        for x in alphabet:
            for y in alphabet:
                text = "的" + numeral + x + y
                run = t.num_re.match(text, 1)
                if not bare_numeral(text, 1, run, *readers):
                    continue
                skipped += 1
                for allow_range in (True, False):
                    try:
                        got = _parse_at(text, 1, "的", allow_range, True, run)
                    except (ArithmeticError, ValueError, IndexError):
                        got = None
                    assert got is None, text
    assert skipped > 1000
