"""The command-line contract of SPEC.md §1, through the real console script."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import load_jsonl, shared_file

ROOT = Path(__file__).resolve().parents[1]


def marsad(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("marsad")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "marsad.cli"]
    return subprocess.run(cmd + list(args), input=stdin, capture_output=True, timeout=600,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_gold_sentences_one_record_each_in_order():
    gold = shared_file("eval", "ar_gsr", "dev.jsonl")
    res = marsad("extract", str(gold))
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    out = [json.loads(line) for line in res.stdout.decode().splitlines()]
    ids = [r["id"] for r in load_jsonl(gold)]
    assert len(out) == len(ids) == 2182
    assert [r["id"] for r in out] == ids


def test_exit_status_counts_failures_and_formats(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "نص عربي قصير عن الاجتماع"}\n{oops\n', encoding="utf-8")
    res = marsad("extract", str(bad))
    assert res.returncode == 1
    recs = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [r["id"] for r in recs][0] == "a" and recs[1]["error"]["code"] == "E_JSON"
    res = marsad("extract", str(bad), "--format", "json")
    assert len(json.loads(res.stdout.decode())) == 2
    res = marsad("extract", str(bad), "--format", "csv", "-o", str(tmp_path / "o.csv"))
    assert (tmp_path / "o.csv").read_text(encoding="utf-8").startswith("id,url,title")


def test_stdin():
    res = marsad("extract", "-", stdin='{"id": "s1", "text": "مرحبا بكم في الخبر"}\n'.encode())
    assert res.returncode == 0
    assert json.loads(res.stdout)["id"] == "s1"
