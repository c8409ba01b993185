"""Local engine: one process or a process pool, streaming, output order preserved.

Memory stays bounded: documents are read lazily and at most ``workers * WINDOW_PER_WORKER``
are in flight; records are yielded (and written) in input order as they complete.
"""
from __future__ import annotations

import itertools
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..ingest import iter_documents
from ..ingest.document import Document
from ..model import Record
from ..pipeline import process

__all__ = ["run_local", "process_documents", "default_workers"]


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)

#: Documents in flight per worker: enough to hide the latency of uneven documents, small
#: enough that a month of crawl never sits in memory.
WINDOW_PER_WORKER = 16
#: Below this many documents per worker a pool costs more (worker start-up, dictionary
#: loading) than it saves.
MIN_DOCS_PER_WORKER = 8


def _warm() -> None:
    """Load the dictionaries once per worker process, before the first document."""
    from ..analysis import warm_up
    warm_up()


def process_documents(docs: Iterable[Document], lang: str = "auto", workers: int = 1,
                      skipped: Counter[str] | None = None) -> Iterator[Record]:
    """Records for ``docs`` in order; skipped inputs (e.g. non-HTML WARC records) counted."""
    def real(ds: Iterable[Document]) -> Iterator[Document]:
        for d in ds:
            if d.kind == "skipped":
                if skipped is not None and d.error is not None:
                    skipped[d.error.message] += 1
                continue
            yield d

    stream = real(docs)
    head: list[Document] = []
    if workers > 1:
        # a handful of documents is faster in this process than through a new pool
        for d in stream:
            head.append(d)
            if len(head) >= workers * MIN_DOCS_PER_WORKER:
                break
    if workers <= 1 or len(head) < workers * MIN_DOCS_PER_WORKER:
        for d in itertools.chain(head, stream):
            yield process(d, lang)
        return
    window = workers * WINDOW_PER_WORKER
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        pending: deque[Future[Record]] = deque()
        for d in itertools.chain(head, stream):
            pending.append(pool.submit(process, d, lang))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def run_local(inputs: list[str], lang: str = "auto", workers: int = 1, progress: bool = False,
              console: Any = None) -> Iterator[Record]:
    skipped: Counter[str] = Counter()
    records = process_documents(iter_documents(inputs), lang, workers, skipped)
    if not progress:
        yield from records
    else:
        from rich.progress import (BarColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn)
        errors = 0
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                      TextColumn("{task.completed} docs · {task.fields[rate]:.1f}/s · "
                                 "{task.fields[errors]} errors"), TimeElapsedColumn(),
                      console=console, transient=False) as bar:
            task = bar.add_task("extracting", total=None, rate=0.0, errors=0)
            for rec in records:
                errors += rec.error is not None
                t = bar.tasks[0]
                rate = (t.completed + 1) / t.elapsed if t.elapsed else 0.0
                bar.update(task, advance=1, rate=rate, errors=errors)
                yield rec
    if skipped and console is not None:
        detail = ", ".join(f"{c} × {k}" for k, c in skipped.most_common())
        console.print(f"skipped {sum(skipped.values())} non-document input records ({detail})")
