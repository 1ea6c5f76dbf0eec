"""Multiprocessing after earlier use in the same process, with the fork and spawn start methods.

Each scenario runs in its own interpreter with a timeout: a worker that hangs (as one did when
it destroyed the ONNX Runtime session inherited over fork) fails the test instead of blocking
the suite. The whole process group is killed on timeout, so no stuck worker outlives the test.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 240

# The child script: use the pipeline once in this process, then run two worker processes.
SCENARIO = r"""
import json, multiprocessing, sys

TEXTS = [
    "云南省党政代表团一行参观了宁德时代的电池工厂，该公司去年营业收入超过3000亿元。",
    "7月3日下午，代表团来到深圳市南山区，考察了腾讯公司总部。",
    "",
    "据介绍，园区现有企业120余家，员工约2.5万人。",
    "考察团表示，将学习借鉴先进经验，推动两地产业合作。",
]

if __name__ == "__main__":
    method, order = sys.argv[1], sys.argv[2]
    multiprocessing.set_start_method(method)
    import seedie

    if order == "extract":
        seedie.extract("企业员工近万人。")
        multi = [r.to_json() for r in seedie.extract_many(TEXTS, n_process=2, batch_size=2)]
        single = [seedie.extract(t).to_json() for t in TEXTS]
        dated = seedie.extract_many(TEXTS, "2025-07-01", n_process=2, batch_size=3)
        multi += [r.to_json() for r in dated]
        single += [seedie.extract(t, "2025-07-01").to_json() for t in TEXTS]
        try:
            list(seedie.extract_many(TEXTS + [b"bytes"], n_process=2, batch_size=2))
        except TypeError as exc:
            multi.append(single[-1] if "[E021]" in str(exc) else str(exc))
            single.append(single[-1])
    else:
        nlp = seedie.load("default")
        nlp("企业员工近万人。")

        def view(doc):
            spans = [(s.start_char, s.end_char, s.label_) for s in doc.spans["seedie_quantities"]]
            return [[(t.text, t.tag_) for t in doc], spans]

        multi = [view(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=2)]
        single = [view(nlp(t)) for t in TEXTS]
    print(json.dumps({"multi": multi, "single": single}, ensure_ascii=False))
"""


def run_scenario(method: str, order: str) -> dict[str, list[object]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SCENARIO, method, order],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers die with it on timeout
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"{order} then n_process=2 with {method!r} hung for more than {TIMEOUT_S} s")
    assert proc.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("order", ["extract", "pipe"])
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_processes_after_use_in_parent(method: str, order: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"start method {method!r} is not available on this platform")
    result = run_scenario(method, order)
    # extract: 5 texts, 5 with a reference date, and the TypeError (E021) for a non-str item.
    assert len(result["multi"]) == (11 if order == "extract" else 5)
    assert result["multi"] == result["single"]
    # The workers really analyzed the texts: quantities came back.
    if order == "extract":
        assert sum(len(json.loads(r)["quantities"]) for r in result["multi"]) >= 3
    else:
        assert sum(len(spans) for _, spans in result["multi"]) >= 3
