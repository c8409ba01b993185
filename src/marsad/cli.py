"""The ``marsad`` command: a thin layer over the library (SPEC.md §1)."""
from __future__ import annotations

import os
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .engine.local import default_workers, run_local
from .model import ErrorInfo, Record
from .output import write_records

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="marsad (مرصد): Arabic-first news -> sourced event data "
                       "(PLOVER events, quotes, quantities, relations).")
err = Console(stderr=True)


class Fmt(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    spark = "spark"


class Lang(str, Enum):
    auto = "auto"
    ar = "ar"
    en = "en"


EXIT_HELP = (
    "Exit status: 0 when every document was processed; otherwise the number of documents "
    "whose record carries an error (capped at 100). Failed documents are never dropped: each "
    "gets a record with error {code, message}. Error codes: E_EMPTY, E_DECODE, E_BINARY, "
    "E_JSON, E_JSON_FIELDS, E_TOO_LARGE (documents over 20 MiB), E_NO_CONTENT, E_IO, E_WARC, "
    "E_FEED, E_INTERNAL.")


@app.callback()
def _root() -> None:
    """marsad (مرصد): Arabic-first news -> sourced event data."""


@app.command(epilog=EXIT_HELP)
def extract(
    inputs: Optional[list[str]] = typer.Argument(
        None, help="Files or folders (text, HTML, JSON Lines, RSS/Atom, WARC); '-' or none "
                   "reads standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of "
                                          "standard output."),
    fmt: Fmt = typer.Option(Fmt.jsonl, "--format", "-f", help="Output format."),
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language of the documents; auto "
                              "detects per document."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes (default: one per core)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: this machine "
                                  "(process pool); spark: Spark, same records."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL "
                                         "(local[2], spark://host:7077, yarn)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar on stderr (default: when "
                                                 "stderr is a terminal)."),
) -> None:
    """Extract one record per input document (in input order, input ids kept)."""
    show = sys.stderr.isatty() if progress is None else progress
    to_parquet = engine is Engine.spark and output is not None and str(output).endswith(".parquet")
    out = open(os.devnull if to_parquet else output, "w", encoding="utf-8", newline="") \
        if output else sys.stdout
    failed: Counter[str] = Counter()
    n = 0
    try:
        if engine is Engine.spark:
            from .engine.spark import run_spark
            parquet = str(output) if output and str(output).endswith(".parquet") else None
            records = run_spark(inputs or [], lang=lang.value, master=master, output=parquet)
        else:
            records = run_local(inputs or [], lang=lang.value,
                                workers=workers or default_workers(), progress=show,
                                console=err)
        for rec in write_records(records, out, fmt.value):
            n += 1
            error = rec.error if isinstance(rec, Record) else rec.get("error")
            if error is not None:
                code = error.code if isinstance(error, ErrorInfo) else error["code"]
                failed[code] += 1
        out.flush()
    except BrokenPipeError:  # `marsad extract ... | head`
        sys.stderr.close()
        raise typer.Exit(0)
    finally:
        if output:
            out.close()
    nfail = sum(failed.values())
    if nfail:
        detail = ", ".join(f"{c} {k}" for k, c in failed.most_common())
        err.print(f"[yellow]{n} records, {nfail} with errors ({detail})[/yellow]")
    elif show:
        err.print(f"{n} records")
    raise typer.Exit(min(nfail, 100))


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
