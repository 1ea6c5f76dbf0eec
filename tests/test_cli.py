"""The command line: JSON, JSON Lines, table, stdin, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from seedie.cli import app

runner = CliRunner()
TEXT = "6月17日，代表团走进国家新型储能创新中心。联盟汇聚了300余家单位。"


@pytest.fixture(scope="module", autouse=True)
def _warm(nlp):
    # The CLI calls seedie.load(); the session fixture has already paid the import cost.
    return nlp


def test_extract_file_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--base", "default"])
    assert result.exit_code == 0, result.output
    [data] = json.loads(result.stdout)  # always an array, one object per input
    assert data["source"] == str(f)
    assert any(q["text"] == "300余家" and q["high"] == 400.0 for q in data["quantities"])


def test_extract_many_files_jsonl(tmp_path):
    paths = []
    for i, text in enumerate([TEXT, "没有数字的一句话。"]):
        p = tmp_path / f"{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    result = runner.invoke(
        app, ["extract", *paths, "--format", "jsonl", "--no-progress", "--base", "default"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in lines] == paths
    assert lines[1]["quantities"] == []


def test_extract_jsonl_input_from_stdin():
    records = "\n".join(json.dumps({"id": k, "body": TEXT}) for k in ("x", "y"))
    result = runner.invoke(
        app,
        [
            "extract",
            "-",
            "--jsonl-input",
            "--text-field",
            "body",
            "--format",
            "jsonl",
            "--base",
            "default",
        ],  # fmt: skip
        input=records,
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(r["source"], r["id"]) for r in lines] == [("-:1", "x"), ("-:2", "y")]


def test_table_format_is_readable(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--format", "table", "--base", "default"])
    assert result.exit_code == 0, result.output
    assert "Companies" in result.stdout and "国家新型储能创新中心" in result.stdout


def test_missing_file_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1  # reported and skipped, like any input that cannot be read
    assert "[E026]" in result.stderr and "nope.txt" in result.stderr


def test_python_dash_m_seedie_help():
    out = subprocess.run(
        [sys.executable, "-m", "seedie", "--help"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0
    assert "extract" in out.stdout
