"""Spark engine: the same per-document functions inside ``mapPartitions``.

Documents are read (and their errors recorded) exactly as by the local engine, tagged with
their input position, and processed on the executors; each executor loads the
dictionaries once per Python worker (``warm_up``, then the process-wide caches), not per
document. Records come back in input order, so the output is the local engine's output.

On a cluster::

    spark-submit --master spark://HOST:7077 --py-files marsad.whl \\
        $(python -c 'import marsad.engine.spark as s; print(s.__file__)') \\
        /shared/crawl/2016-11.warc.gz -o /shared/out/records.parquet

or ``marsad extract INPUT --engine spark --master spark://HOST:7077 -o out.parquet`` from a
machine where marsad and pyspark are installed (executors need marsad installed too).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from ..ingest import iter_documents
from ..ingest.document import Document
from ..model import ErrorInfo, Record

__all__ = ["run_spark", "process_partition"]

#: Documents per Spark partition: big enough to amortise task overhead, small enough that a
#: partition of news pages stays well under an executor's memory.
DOCS_PER_PARTITION = 200


def _doc_to_row(i: int, d: Document) -> tuple[int, dict[str, Any]]:
    row = asdict(d)
    return i, row


def _row_to_doc(row: dict[str, Any]) -> Document:
    err = row.get("error")
    if isinstance(err, dict):
        row = {**row, "error": ErrorInfo(**err)}
    return Document(**row)


def process_partition(rows: Iterable[tuple[int, dict[str, Any]]], lang: str = "auto"
                      ) -> Iterator[tuple[int, str]]:
    """Executor side: (position, document) -> (position, record JSON)."""
    from ..analysis import warm_up
    from ..output import dumps
    from ..pipeline import process
    warm_up()  # once per Python worker: the lexicons are process-wide caches
    for i, row in rows:
        yield i, dumps(process(_row_to_doc(row), lang))


def run_spark(inputs: list[str], lang: str = "auto", master: str | None = None,
              output: str | None = None) -> Iterator[Record | dict[str, Any]]:
    """Process ``inputs`` on Spark. Returns the records (as dicts) in input order; with
    ``output`` ending in ``.parquet`` the records are also written there by Spark."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - optional dependency
        raise SystemExit("the Spark engine needs pyspark: pip install 'marsad[spark]'") from exc
    if master is None or master.startswith("local"):
        # local executors run this very interpreter (the one marsad is installed in), not
        # whatever python3 comes first on the PATH; on a cluster set PYSPARK_PYTHON
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("marsad")
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.ui.enabled", "false") \
        .config("spark.driver.host", "127.0.0.1") \
        .config("spark.driver.bindAddress", "127.0.0.1") \
        .config("spark.python.worker.reuse", "true")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        docs = [_doc_to_row(i, d) for i, d in enumerate(
            d for d in iter_documents(inputs) if d.kind != "skipped")]
        n_parts = max(1, min(len(docs) // DOCS_PER_PARTITION + 1,
                             spark.sparkContext.defaultParallelism * 4))
        rdd = spark.sparkContext.parallelize(docs, n_parts) \
            .mapPartitions(lambda rows: process_partition(rows, lang)).cache()
        if output and output.endswith(".parquet"):
            df = rdd.map(lambda t: (t[0], json.loads(t[1])["id"], t[1])) \
                .toDF(["position", "id", "record"])
            df.orderBy("position").write.mode("overwrite").parquet(output)
        for _, rec in sorted(rdd.collect(), key=lambda t: t[0]):
            yield json.loads(rec)
    finally:
        spark.stop()


if __name__ == "__main__":  # spark-submit entry point: INPUT ... [-o OUT.parquet]
    args = sys.argv[1:]
    out = None
    if "-o" in args:
        k = args.index("-o")
        out = args[k + 1]
        args = args[:k] + args[k + 2:]
    for r in run_spark(args, output=out):
        if out is None:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
