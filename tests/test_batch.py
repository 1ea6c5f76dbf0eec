"""Batch work that goes on and reports: bad records, encodings, user errors, ids, tables.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import builtins
import importlib.util
import json
import warnings

import pytest
from spacy.tokens import Doc, DocBin
from typer.testing import CliRunner

import seedie
from seedie.cli import app
from seedie.errors import SeedieWarning
from seedie.types import ExtractionError

runner = CliRunner()
GOOD_A = "比亚迪今年销售汽车300万辆。"
GOOD_B = "宁德时代员工超过1万人。"


def _cli(args, **kwargs):
    return runner.invoke(app, ["extract", "--base", "default", "--no-progress", *args], **kwargs)


def _codes(stderr: str) -> list[str]:
    return [line.split("]")[0].split("[")[1] for line in stderr.splitlines() if "[E" in line]


# --- bad records do not lose the batch -------------------------------------------------------

JSONL_CASES = [
    # id, lines of the input file, expected (source, id) of the outputs, expected codes
    ("malformed-line", [{"id": "a", "text": GOOD_A}, "{not json", {"id": "b", "text": GOOD_B}],
     [("in.jsonl:1", "a"), ("in.jsonl:3", "b")], ["E023", "E032"]),
    ("missing-field", [{"id": "a", "text": GOOD_A}, {"id": "x", "body": GOOD_A}],
     [("in.jsonl:1", "a")], ["E024", "E032"]),
    ("text-not-str", [{"id": 7, "text": 12}, {"id": 8, "text": GOOD_B}],
     [("in.jsonl:2", 8)], ["E024", "E032"]),
    ("not-an-object", ['["a list"]', {"text": GOOD_B}], [("in.jsonl:2", None)], ["E024", "E032"]),
    ("all-good-blank-lines", [{"id": "a", "text": GOOD_A}, "", {"id": "b", "text": GOOD_B}],
     [("in.jsonl:1", "a"), ("in.jsonl:3", "b")], []),
]  # fmt: skip


@pytest.mark.parametrize(
    "lines,expected,codes", [c[1:] for c in JSONL_CASES], ids=[c[0] for c in JSONL_CASES]
)
def test_jsonl_bad_records_are_skipped_and_reported(tmp_path, monkeypatch, lines, expected, codes):
    monkeypatch.chdir(tmp_path)
    body = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
    (tmp_path / "in.jsonl").write_text(body + "\n", encoding="utf-8")
    result = _cli(["in.jsonl", "--jsonl-input", "--format", "jsonl"])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["id"]) for r in out] == expected
    assert _codes(result.stderr) == codes
    assert result.exit_code == (1 if codes else 0)
    for code in codes[:-1]:  # every failure names file:line
        line = next(x for x in result.stderr.splitlines() if f"[{code}]" in x)
        assert "in.jsonl:" in line


def test_on_error_stop_keeps_what_came_before(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [
        json.dumps({"id": "a", "text": GOOD_A}),
        "{oops",
        json.dumps({"id": "b", "text": GOOD_B}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = _cli(["in.jsonl", "--jsonl-input", "-f", "jsonl", "--on-error", "stop"])
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a"]
    assert result.exit_code == 1
    assert "in.jsonl:2" in result.stderr


FILE_CASES = [
    # id, file bytes, extra args, expected code (None: extracted), text of first quantity
    ("gbk-default", GOOD_A.encode("gbk"), [], "E025", None),
    ("gbk-with-encoding", GOOD_A.encode("gbk"), ["--encoding", "gbk"], None, "300万辆"),
    ("utf8-bom", b"\xef\xbb\xbf" + GOOD_A.encode(), [], None, "300万辆"),
    ("utf8-sig-named", b"\xef\xbb\xbf" + GOOD_A.encode(), ["--encoding", "utf-8-sig"], None, "300万辆"),
    ("binary", b"\x7fELF\x02\x01\x00\x00\x00\x00", [], "E034", None),
    ("latin1-bytes", "Café 3 tonnes".encode("latin-1"), [], "E025", None),
]  # fmt: skip


@pytest.mark.parametrize(
    "data,args,code,quantity", [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_undecodable_files_are_skipped_with_their_name(tmp_path, data, args, code, quantity):
    bad = tmp_path / "case.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"  # in the encoding the run is told to use
    good.write_text(GOOD_B, encoding=args[1] if args else "utf-8")
    result = _cli([str(bad), str(good), "-f", "jsonl", *args])
    out = {json.loads(x)["source"]: json.loads(x) for x in result.stdout.splitlines()}
    assert str(good) in out  # the good file is never lost
    if code is None:
        assert result.exit_code == 0, result.stderr
        assert out[str(bad)]["quantities"][0]["text"] == quantity
        assert out[str(bad)]["text_length"] == len(GOOD_A)  # the BOM is not text
    else:
        assert result.exit_code == 1
        assert str(bad) not in out
        assert _codes(result.stderr) == [code, "E032"]
        assert f"{bad}:1" in result.stderr


def test_missing_file_is_reported_and_others_go_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_B, encoding="utf-8")
    result = _cli([str(tmp_path / "nope.txt"), str(good), "-f", "jsonl"])
    assert result.exit_code == 1
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == [str(good)]
    assert _codes(result.stderr) == ["E026", "E032"] and "nope.txt" in result.stderr


def test_id_field_is_carried_into_the_output(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"doc": "n-1", "body": GOOD_A}, {"doc": 42, "body": GOOD_B}, {"body": GOOD_B}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    args = [str(path), "--jsonl-input", "--text-field", "body", "--id-field", "doc"]
    result = _cli(args)
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == ["n-1", 42, None]


# --- user errors: one line, a code, exit 2 ---------------------------------------------------

USAGE_CASES = [
    ("slash-date", ["-r", "2026/06/18"], "E009"),
    ("base-not-installed", ["--base", "zh_core_web_not_there"], "E002"),
    ("zero-processes", ["-n", "0"], "E028"),
    ("zero-batch", ["--batch-size", "0"], "E028"),
    ("unknown-encoding", ["--encoding", "klingon-8"], "E028"),
    ("csv-without-dir", ["--format", "csv"], "E029"),
]


@pytest.mark.parametrize("args,code", [c[1:] for c in USAGE_CASES], ids=[c[0] for c in USAGE_CASES])
def test_user_errors_are_one_line_with_code(tmp_path, args, code):
    f = tmp_path / "a.txt"
    f.write_text(GOOD_A, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--no-progress", *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"seedie: [{code}]"), result.stderr
    assert "Traceback" not in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"seedie {seedie.__version__}"


@pytest.mark.parametrize("n", [1, 3], ids=["one-input", "three-inputs"])
def test_json_is_always_an_array_of_records(tmp_path, n):
    paths = []
    for i in range(n):
        p = tmp_path / f"{i}.txt"
        p.write_text(GOOD_A, encoding="utf-8")
        paths.append(str(p))
    result = _cli(paths)
    data = json.loads(result.stdout)
    assert isinstance(data, list) and [r["source"] for r in data] == paths
    assert all(list(r)[:3] == ["source", "id", "text_length"] for r in data)


def test_progress_bar_reaches_the_total(tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"{i}.txt"
        p.write_text(GOOD_B, encoding="utf-8")
        paths.append(str(p))
    result = runner.invoke(app, ["extract", *paths, "--base", "default", "--progress"])
    assert result.exit_code == 0
    final = result.stderr.strip().split("\r")[-1]  # the bar as it is left on screen
    assert " 3/3 " in final and final.startswith("100%")


# --- tables: CSV, Parquet, DataFrames --------------------------------------------------------


def test_csv_tables_join_on_ids(tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "in.jsonl"
    text = "6月16日，代表团考察了比亚迪。比亚迪今年销售汽车300万辆。"
    rows = [{"id": "n1", "text": text}, {"id": "n2", "text": GOOD_B}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "tables"
    result = _cli([str(path), "--jsonl-input", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    visits = pd.read_csv(out / "visits.csv")
    companies = pd.read_csv(out / "companies.csv")
    claims = pd.read_csv(out / "claims.csv")
    assert set(claims["article_id"]) == {"n1", "n2"}
    joined = claims.merge(
        companies, left_on=["article_id", "subject_id"], right_on=["article_id", "company_id"]
    )
    assert sorted(joined["kb_id"]) == ["byd", "catl"]
    assert visits.loc[0, "host_id"] == "byd" and visits.loc[0, "article_id"] == "n1"


def test_parquet_tables(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    f = tmp_path / "a.txt"
    f.write_text(GOOD_A, encoding="utf-8")
    out = tmp_path / "pq"
    result = _cli([str(f), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    claims = pd.read_parquet(out / "claims.parquet")
    assert claims["value"].tolist() == [3000000.0] and claims["article_id"].tolist() == [str(f)]


@pytest.mark.parametrize(
    "fmt,missing,code", [("parquet", "pyarrow", "E031"), ("csv", "pandas", "E030")]
)
def test_table_formats_say_what_to_install(tmp_path, monkeypatch, fmt, missing, code):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == missing else real(name, *a)
    )
    f = tmp_path / "a.txt"
    f.write_text(GOOD_A, encoding="utf-8")
    result = _cli([str(f), "--format", fmt, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and result.stderr.startswith(f"seedie: [{code}]")


def test_to_frames_one_row_each_with_article_ids(nlp):
    pytest.importorskip("pandas")
    text = "6月16日，代表团考察了比亚迪。比亚迪今年销售汽车300万辆，宁德时代员工超过1万人。"
    results = list(seedie.extract_many([text, GOOD_B], nlp=nlp))
    visits, companies, claims = seedie.to_frames(results, ids=["x", "y"])
    assert len(claims) == sum(len(r.claims) for r in results) == 3
    assert len(companies) == sum(len(r.companies) for r in results)
    assert len(visits) == 1 and visits.loc[0, "host"] == "比亚迪"
    assert claims.groupby("article_id").size().to_dict() == {"x": 2, "y": 1}
    own = results[0].to_frames(article_id="x")
    assert own.claims.equals(claims[claims["article_id"] == "x"])
    empty = seedie.extract("没有数字的一句话。", nlp=nlp).to_frames()
    assert list(empty.claims.columns)[:3] == ["article_id", "claim_id", "subject"]
    assert len(empty.claims) == 0


def test_to_frames_without_pandas_says_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r"\[E030\].*seedie\[frames\]"):
        seedie.to_frames([])


# --- API footguns ----------------------------------------------------------------------------

API_CASES = [
    ("one-str", "一段文字", TypeError, r"\[E020\].*iterable of str"),
    ("bytes", b"abc", TypeError, r"\[E020\]"),
    ("none-item", ["好", None], TypeError, r"\[E021\].*texts\[1\] is NoneType"),
    ("bytes-item", [b"x"], TypeError, r"\[E021\].*texts\[0\].*decode"),
    ("int-item", ["a", "b", 3], TypeError, r"\[E021\].*texts\[2\] is int"),
]


@pytest.mark.parametrize(
    "texts,exc,pattern", [c[1:] for c in API_CASES], ids=[c[0] for c in API_CASES]
)
def test_extract_many_says_what_to_pass(nlp, texts, exc, pattern):
    with pytest.raises(exc, match=pattern):
        list(seedie.extract_many(texts, nlp=nlp))


@pytest.mark.parametrize(
    "kwargs,pattern",
    [({"on_error": "ignore"}, r"\[E022\]"), ({"n_process": 0}, r"\[E028\]"),
     ({"batch_size": -1}, r"\[E028\]")],
    ids=["on_error", "n_process", "batch_size"],
)  # fmt: skip
def test_extract_many_bad_options(nlp, kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        seedie.extract_many([GOOD_A], nlp=nlp, **kwargs)


def test_extract_many_on_error_record_goes_on(nlp):
    out = list(seedie.extract_many([GOOD_A, None, b"x", GOOD_B], nlp=nlp, on_error="record"))
    assert [type(r).__name__ for r in out] == [
        "Extraction", "ExtractionError", "ExtractionError", "Extraction",
    ]  # fmt: skip
    assert (out[1].index, out[1].code, out[1].error) == (1, "E021", "TypeError")
    assert out[2].index == 2 and "decode" in out[2].message
    assert out[3].claims[0].subject == "宁德时代"
    assert set(out[1].to_dict()) == {"index", "code", "error", "message", "source"}


LATIN_CASES = [
    # id, text, quantity texts expected
    ("english-date", "On June 16 the delegation visited a battery plant in Shenzhen city.", []),
    ("english-millions", "The company sold 3 million cars and hired 200 staff last year.", []),
    ("model-name-in-chinese", "发布会上推出了Mate 70手机，售价5499元。", ["5499元"]),
    ("chinese-counts-kept", "全市共有16个园区，入驻企业300余家。", ["16个", "300余家"]),
]


@pytest.mark.parametrize(
    "text,expected", [c[1:] for c in LATIN_CASES], ids=[c[0] for c in LATIN_CASES]
)
def test_numbers_in_latin_words_are_not_counts(nlp, text, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SeedieWarning)
        result = seedie.extract(text, nlp=nlp)
    assert [q.text for q in result.quantities] == expected
    assert all(c.quantity.text in expected for c in result.claims)


@pytest.mark.parametrize(
    "text,warned",
    [("On June 16 the delegation visited a battery plant in Shenzhen.", True),
     ("比亚迪在深圳发布了新款BYD Seal车型。", False), ("OK", False)],
    ids=["english", "chinese-with-latin-name", "too-short-to-tell"],
)  # fmt: skip
def test_non_chinese_text_warns_with_a_code(nlp, text, warned):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        seedie.extract(text, nlp=nlp)
    assert any("[W020]" in str(w.message) for w in caught) == warned


# --- invisible characters never get into names -----------------------------------------------

INVISIBLE_CASES = [
    ("bom-first", "\ufeff比亚迪公司董事长表示，比亚迪今年销售汽车300万辆。"),
    ("bom-only-org", "\ufeff比亚迪今年销售汽车300万辆。"),
    ("zero-width-space-after", "代表团考察了比亚迪\u200b，比亚迪今年销售汽车300万辆。"),
    ("word-joiner-before", "代表团考察了\u2060比亚迪，比亚迪今年销售汽车300万辆。"),
    ("soft-hyphen-inside", "代表团走进宁德时代新能\u00adsource科技公司。"),
    ("zwj-inside", "代表团走进华\u200d为公司，华为今年研发投入超过1000亿元。"),
]
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


@pytest.mark.parametrize(
    "text", [c[1] for c in INVISIBLE_CASES], ids=[c[0] for c in INVISIBLE_CASES]
)
def test_invisible_characters_stay_out_of_names(nlp, text):
    result = seedie.extract(text, nlp=nlp)
    names = [c.name for c in result.companies] + [a for c in result.companies for a in c.aliases]
    names += [c.subject or "" for c in result.claims] + [v.host for v in result.visits]
    assert names and not any(ch in name for name in names for ch in INVISIBLE)
    for q in result.quantities:  # offsets still index the text as given
        assert text[q.start : q.end] == q.text
    for c in result.companies:
        for m in c.mentions:
            assert text[m.start : m.end] == m.text


def test_bom_does_not_break_linking(nlp):
    result = seedie.extract("\ufeff比亚迪公司董事长表示，比亚迪今年销售汽车300万辆。", nlp=nlp)
    assert [c.kb_id for c in result.companies] == ["byd"]
    assert result.claims[0].subject_id == "byd"


# --- Doc level: seedie_org names, DocBin, duplicate quantities, from_doc ---------------------


def test_org_span_gives_mention_and_canonical(nlp):
    doc = nlp("代表团考察了比亚迪股份有限公司。比亚迪今年销售汽车300万辆。")
    info = [s._.seedie_org for s in doc.spans["seedie_orgs"]]
    assert [i["mention"] for i in info] == ["比亚迪股份有限公司", "比亚迪"]
    assert {i["canonical"] for i in info} == {"比亚迪股份有限公司"}  # the KB's full name
    assert {i["name"] for i in info} == {seedie.extract(doc).companies[0].name}


def test_docbin_round_trip_keeps_lists(nlp):
    doc = nlp("比亚迪今年销售汽车300万辆，宁德时代员工超过1万人。")
    db = DocBin(store_user_data=True)
    db.add(doc)
    back = next(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    for attr in ("seedie_claims", "seedie_companies", "seedie_quantities", "seedie_visits"):
        value = getattr(back._, attr)
        assert isinstance(value, list) and value == getattr(doc._, attr), attr
    assert isinstance(back._.seedie_companies[0]["aliases"], list)
    assert seedie.from_doc(back) == seedie.from_doc(doc)


QUANTITY_TOKEN_CASES = [
    # id, words (one token holds two quantities), quantity texts
    ("two-in-one-token", ["产能", "300万吨5亿元", "。"], ["300万吨", "5亿元"]),
    ("count-and-money", ["投资", "3家5亿元", "。"], ["3家", "5亿元"]),
]


@pytest.mark.parametrize(
    "words,expected",
    [c[1:] for c in QUANTITY_TOKEN_CASES],
    ids=[c[0] for c in QUANTITY_TOKEN_CASES],
)
def test_quantities_sharing_a_token_are_listed_once_each(nlp, words, expected):
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    found = [q.text for q in seedie.from_doc(doc).quantities]
    assert found == expected
    keys = [(s.start_char, s.end_char) for s in doc.spans["seedie_quantities"]]
    assert len(keys) == len(set(keys))


SESSION_CASES = [
    # id, text, quantity texts: a congress's term and session are ordinals, not amounts
    ("term-and-session", "市委十二届五次全会召开。", []),
    ("term-and-plenum", "学习二十届三中全会精神。", []),
    ("terms-counted", "他连续三届当选代表。", ["三届"]),
    ("sessions-counted", "本届论坛共举办三次，开展8次培训。", ["三次", "8次"]),
]


@pytest.mark.parametrize(
    "text,expected", [c[1:] for c in SESSION_CASES], ids=[c[0] for c in SESSION_CASES]
)
def test_session_numbers_are_not_quantities(text, expected):
    assert [q.text for q in seedie.find_quantities(text)] == expected


def test_from_doc_is_public_and_matches_extract_many(nlp):
    texts = [GOOD_A, GOOD_B]
    via_pipe = [seedie.from_doc(d, base="lac") for d in nlp.pipe(texts)]
    assert via_pipe == list(seedie.extract_many(texts, nlp=nlp))
    with pytest.raises(TypeError, match=r"\[E001\]"):
        seedie.from_doc("比亚迪")  # type: ignore[arg-type]


# --- seedie.dask.extract_files ---------------------------------------------------------------


def test_dask_extract_files_records_bad_files(tmp_path):
    pytest.importorskip("dask")
    import seedie.dask as sd

    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + GOOD_A.encode())
    (tmp_path / "b.txt").write_bytes(GOOD_B.encode("gbk"))
    (tmp_path / "c.txt").write_text(GOOD_B, encoding="utf-8")
    bag = sd.extract_files(str(tmp_path / "*.txt"), npartitions=1, on_error="record")
    records = bag.compute(scheduler="synchronous")
    assert [("error" in r) for r in records] == [False, True, False]
    assert records[0]["text_length"] == len(GOOD_A)
    assert records[1]["code"] == "E025" and records[1]["source"].endswith("b.txt")
    with pytest.raises(UnicodeDecodeError, match="b.txt"):
        sd.extract_files(str(tmp_path / "*.txt"), npartitions=1).compute(scheduler="synchronous")
    with pytest.raises(ValueError, match=r"\[E022\]"):
        sd.extract_files(str(tmp_path / "*.txt"), on_error="skip")


def test_extraction_error_from_exception_reads_the_code():
    err = ExtractionError.from_exception(4, ValueError("[E028] Invalid value"), source="f:2")
    assert (err.index, err.code, err.error, err.source) == (4, "E028", "ValueError", "f:2")
    assert ExtractionError.from_exception(0, RuntimeError("boom")).code is None


def test_seed_article_lists_each_quantity_once(seed_extraction):
    keys = [(q.start, q.end) for q in seed_extraction.quantities]
    assert len(keys) == len(set(keys))
