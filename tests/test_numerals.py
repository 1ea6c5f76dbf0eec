"""Table tests for seedie.quantities.numerals (pure code, no spaCy)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedie.quantities.numerals import (
    normalize_width,
    parse_numeral,
    parse_numeral_span,
    place_of,
)

EXACT = [
    ("0", "0"), ("7", "7"), ("42", "42"), ("3.14", "3.14"), ("1,200", "1200"),
    ("12,345,678", "12345678"), ("1,200万", "12000000"), ("1158亿", "115800000000"),
    ("1.1亿", "110000000"), ("16.4亿", "1640000000"), ("45.9亿", "4590000000"),
    ("４５．９亿", "4590000000"), ("３０", "30"), ("3万4千", "34000"), ("5千万", "50000000"),
    ("2.5万", "25000"), ("4.5万亿", "4500000000000"), ("0.8万", "8000"), ("3百", "300"),
    ("〇", "0"), ("零", "0"), ("一", "1"), ("两", "2"), ("十", "10"), ("十一", "11"),
    ("十五", "15"), ("二十", "20"), ("二十三", "23"), ("一百", "100"), ("百", "100"),
    ("一百零一", "101"), ("一百一十", "110"), ("一百五", "150"), ("两百五十", "250"),
    ("三百", "300"), ("三千五", "3500"), ("一千零五", "1005"), ("一千零五十", "1050"),
    ("一千", "1000"), ("千", "1000"), ("两万", "20000"), ("一万五", "15000"),
    ("十万", "100000"), ("十万八千", "108000"), ("三百万", "3000000"), ("百万", "1000000"),
    ("千万", "10000000"), ("一亿", "100000000"), ("亿", "100000000"), ("百亿", "10000000000"),
    ("一亿五", "150000000"), ("一亿二千万", "120000000"), ("五亿五千万", "550000000"),
    ("万亿", "1000000000000"), ("三万亿", "3000000000000"), ("一万零一", "10001"),
    ("九千九百九十九", "9999"), ("两千零二十五", "2025"), ("十万零五", "100005"),
    ("三点五", "3.5"), ("零点五", "0.5"), ("十点五", "10.5"), ("三点五亿", "350000000"),
    ("二〇二五", "2025"), ("一九九三", "1993"), ("一二三", "123"),
    ("壹", "1"), ("贰", "2"), ("壹贰叁", "123"), ("壹仟贰佰", "1200"), ("叁拾", "30"),
    ("肆佰伍拾陆", "456"), ("伍萬", "50000"), ("柒億", "700000000"), ("玖仟陆佰陆拾伍", "9665"),
    ("兩萬", "20000"), ("负5", "-5"), ("负3.5", "-3.5"), ("零下5", "-5"), ("零下十", "-10"),
    ("-7", "-7"), ("+7", "7"), ("  12  ", "12"), ("兆", "1000000000000"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXACT, ids=[t for t, _ in EXACT])
def test_parse_numeral_exact(text: str, expected: str) -> None:
    assert parse_numeral(text) == Decimal(expected)


def test_decimal_exactness() -> None:
    value = parse_numeral("16.4亿")
    assert isinstance(value, Decimal)
    assert float(value) == 1640000000.0
    assert parse_numeral("0.1万") == Decimal("1000")


INVALID = [
    "", "   ", "abc", "十四五", "十五五", "十三五", "万一", "三百十百", "一二三四x", "5G",
    "1.2.3", "点五", "三点", "五五", "几", "一带一路", "两会", "😀", "\x00", "1" * 31,
    "一" * 40, "千百", "十百",
]  # fmt: skip


@pytest.mark.parametrize("text", INVALID, ids=[repr(t)[:20] for t in INVALID])
def test_parse_numeral_invalid(text: str) -> None:
    assert parse_numeral(text) is None


def test_parse_numeral_non_str() -> None:
    assert parse_numeral(b"12") is None  # type: ignore[arg-type]
    assert parse_numeral(None) is None  # type: ignore[arg-type]


SPANS = [
    ("十几", "10", "20", "few"), ("十几万", "100000", "200000", "few"),
    ("二十几", "20", "30", "few"), ("三十几万", "300000", "400000", "few"),
    ("10几", "10", "20", "few"), ("几十", "10", "100", "magnitude"),
    ("几十万", "100000", "1000000", "magnitude"), ("几百", "100", "1000", "magnitude"),
    ("几万", "10000", "100000", "magnitude"), ("几千亿", "100000000000", "1000000000000", "magnitude"),
    ("三四万", "30000", "40000", "pair"), ("两三千万", "20000000", "30000000", "pair"),
    ("七八", "7", "8", "pair"), ("一两", "1", "2", "pair"), ("十七八万", "170000", "180000", "pair"),
    ("五六百", "500", "600", "pair"), ("三五百", "300", "500", "pair"), ("八九千", "8000", "9000", "pair"),
    ("一百二三十", "120", "130", "pair"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "low", "high", "approx"), SPANS, ids=[s[0] for s in SPANS])
def test_parse_numeral_span(text: str, low: str, high: str, approx: str) -> None:
    span = parse_numeral_span(text)
    assert span is not None
    assert (span.low, span.high, span.approx) == (Decimal(low), Decimal(high), approx)


@pytest.mark.parametrize("text", ["三五", "几", "几几", "三几", "五五"], ids=str)
def test_parse_numeral_span_invalid(text: str) -> None:
    span = parse_numeral_span(text)
    assert span is None or span.approx == "exact"


def test_span_exact_and_sequence() -> None:
    span = parse_numeral_span("二〇二五")
    assert span is not None and span.low == 2025 and span.sequence
    span = parse_numeral_span("2025")
    assert span is not None and not span.sequence and span.approx == "exact"


PLACES = [("1500", "100"), ("500", "100"), ("5E+10", "1E+10"), ("1.5", "0.1"), ("7", "1"),
          ("0", "1"), ("1050", "10"), ("300", "100")]  # fmt: skip


@pytest.mark.parametrize(("value", "step"), PLACES, ids=[p[0] for p in PLACES])
def test_place_of(value: str, step: str) -> None:
    assert place_of(Decimal(value)) == Decimal(step)


def test_normalize_width_keeps_length() -> None:
    src = "４５．９％～１２＄（含）"
    out = normalize_width(src)
    assert len(out) == len(src)
    assert out == "45.9%~12$(含)"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    parse_numeral(text)
    parse_numeral_span(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_roundtrip(n: int) -> None:
    assert parse_numeral(str(n)) == n
    assert parse_numeral(f"{n:,}") == n
