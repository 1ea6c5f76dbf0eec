"""seedie.dask on a real 2-process LocalCluster gives exactly what seedie.extract gives.

Needs the ``[dask]`` extra (dask + distributed); skipped otherwise. Marked slow: starting
the cluster and loading the pipeline in each worker takes several seconds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402

import seedie  # noqa: E402
import seedie.dask as sd  # noqa: E402
from seedie.errors import SeedieWarning  # noqa: E402

# Short texts in different genres, written for this test.
CORPUS = [
    # company report
    "比亚迪股份有限公司发布公告称，2025年上半年公司实现营业收入3712.8亿元，同比增长23.3%，"
    "员工近万人。",
    # government statistics
    "省统计局数据显示，1至5月全省规模以上工业增加值同比增长7.1%，社会消费品零售总额达到4286亿元。",
    # delegation visit
    "6月16日上午，贵州省党政代表团赴广东省学习考察，首站来到比亚迪全球总部，随后考察了腾讯公司。",
    # sports
    "在昨晚进行的比赛中，中国女排以3比1战胜对手，现场观众超过1.5万人。",
    # weather
    "受强降雨影响，全省平均降雨量达56.4毫米，最高气温35℃左右。",
    # courts, and one text with nothing to extract
    "法院经审理查明，被告人先后骗取被害人钱款共计人民币87.6万元，依法判处有期徒刑十年。",
    "",
]


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    # Workers are separate processes that import seedie from this checkout: put the
    # repository root on their path even when seedie is not installed.
    root = str(Path(__file__).resolve().parent.parent)
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        c.run(lambda: sys.path.insert(0, root) if root not in sys.path else None)
        yield c


def _json_lines(records: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.mark.slow
def test_dask_records_equal_single_process_extract(client, nlp) -> None:
    expected = [seedie.extract(t, "2026-06-18", nlp=nlp).to_json() for t in CORPUS]
    bag = db.from_sequence(CORPUS, npartitions=4)
    records = sd.extract_bag(bag, reference_date="2026-06-18", batch_size=2).compute()
    assert _json_lines(records) == expected
    # The comparison is not vacuous: the corpus has quantities, companies and a visit.
    assert sum(len(r["quantities"]) for r in records) >= 10
    assert any(r["companies"] for r in records)
    assert any(r["visits"] for r in records)
    # Each worker process loaded the pipeline once, although it ran several partitions.
    counts = client.run(lambda: dict(sd.LOAD_COUNTS))
    assert len(counts) == 2
    assert all(c == {"default": 1} for c in counts.values()), counts


@pytest.mark.slow
def test_dask_extract_files(client, nlp, tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(CORPUS[:4]):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    records = sd.extract_files(str(tmp_path / "*.txt"), npartitions=2).compute()
    assert [r.pop("path") for r in records] == [str(p) for p in paths]
    expected = [seedie.extract(t, nlp=nlp).to_json() for t in CORPUS[:4]]
    assert _json_lines(records) == expected


def test_extract_bag_rejects_non_bag_and_bad_date() -> None:
    with pytest.raises(TypeError, match="from_sequence"):
        sd.extract_bag(["比亚迪"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="E009"):
        sd.extract_bag(db.from_sequence(["比亚迪"]), reference_date="yesterday")


def test_partition_function_matches_extract_and_caches() -> None:
    # In-process check of the per-partition function, including a text over max_length
    # (which must be chunked exactly as seedie.extract chunks it).
    nlp = sd.worker_nlp("default")
    assert sd.worker_nlp("default") is nlp
    long_text = "\n".join(CORPUS[:6])
    texts = [CORPUS[0], long_text, CORPUS[2]]
    saved = nlp.max_length
    nlp.max_length = 150  # forces long_text (269 chars) through chunking
    try:
        with pytest.warns(SeedieWarning, match=r"\[W002\]"):
            records = sd.extract_partition(texts, batch_size=2)
        with pytest.warns(SeedieWarning, match=r"\[W002\]"):
            expected = [seedie.extract(t, nlp=nlp).to_json() for t in texts]
    finally:
        nlp.max_length = saved
    assert len(long_text) > 150
    assert _json_lines(records) == expected
    assert records[1]["text_length"] == len(long_text)


def test_missing_dask_raises_e010(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes `import dask.bag` fail
    with pytest.raises(ImportError, match=r"\[E010\].*seedie\[dask\]") as info:
        sd.extract_bag(object())  # type: ignore[arg-type]
    assert info.value.__cause__ is None and info.value.__suppress_context__
