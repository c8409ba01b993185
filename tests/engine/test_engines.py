"""The local pool and the Spark engine give the same records as one process, in order."""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared_file
from marsad.engine.local import process_documents
from marsad.ingest import iter_documents
from marsad.output import dumps


def _subset(tmp_path: Path, n: int) -> Path:
    gold = shared_file("eval", "ar_gsr", "dev.jsonl")
    out = tmp_path / "subset.jsonl"
    with open(gold, encoding="utf-8") as f:
        out.write_text("".join(itertools.islice(f, n)) + "{broken line\n", encoding="utf-8")
    return out


def test_pool_matches_one_process_and_keeps_order(tmp_path):
    src = _subset(tmp_path, 60)
    one = [dumps(r) for r in process_documents(iter_documents([str(src)]), workers=1)]
    two = [dumps(r) for r in process_documents(iter_documents([str(src)]), workers=2)]
    assert one == two and len(one) == 61
    assert json.loads(one[-1])["error"]["code"] == "E_JSON"


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a Java runtime")
def test_spark_local_gives_the_same_records(tmp_path):
    pytest.importorskip("pyspark")
    src = _subset(tmp_path, 40)
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>اشتباكات في حلب</title></head><body><article>"
                    "<h1>اشتباكات في حلب</h1><p>قتل خمسة مدنيين أمس في قصف على حي سكني في "
                    "مدينة حلب شمال سوريا، بحسب المرصد السوري لحقوق الإنسان.</p></article>"
                    "</body></html>", encoding="utf-8")
    exe = Path(sys.executable).with_name("marsad")
    base = [str(exe), "extract", str(src), str(page)]
    local = subprocess.run(base + ["-w", "1"], capture_output=True, timeout=300)
    spark = subprocess.run(base + ["--engine", "spark", "--master", "local[2]"],
                           capture_output=True, timeout=600)
    assert spark.returncode == local.returncode == 1, spark.stderr.decode()[-2000:]
    assert spark.stdout == local.stdout
    out = tmp_path / "records.parquet"
    res = subprocess.run(base + ["--engine", "spark", "--master", "local[2]", "-o", str(out)],
                         capture_output=True, timeout=600)
    assert res.returncode == 1
    import pyarrow.parquet as pq
    table = pq.read_table(out).to_pylist()
    table.sort(key=lambda r: r["position"])
    assert [r["record"] for r in table] == local.stdout.decode().splitlines()
