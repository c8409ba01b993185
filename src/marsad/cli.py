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


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"
    acled = "acled"


DB_HELP = "DuckDB file (created when missing)."


@app.command()
def ingest(
    inputs: Optional[list[str]] = typer.Argument(None, help="Files or folders, as for extract."),
    db: Path = typer.Option(Path("marsad.duckdb"), "--db", help=DB_HELP),
    lang: Lang = typer.Option(Lang.auto, "--lang"),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes (default: one per core)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress"),
) -> None:
    """Extract and store documents. Re-ingesting the same documents adds nothing; near-
    duplicate copies are merged into the original's events (see README)."""
    from .store import Store
    show = sys.stderr.isatty() if progress is None else progress
    with Store(db) as store:
        records = run_local(inputs or [], lang=lang.value,
                            workers=workers or default_workers(), progress=show, console=err)
        st = store.ingest(records)
        counts = store.counts()
    err.print(f"stored {st.added} documents ({st.near_duplicates} near-duplicates merged, "
              f"{st.skipped_same_id + st.skipped_same_content} already stored, "
              f"{st.failed_documents} with errors); {st.events_added} events added, "
              f"{st.events_merged} merged into existing ones. {db}: {counts['documents']} "
              f"documents, {counts['events']} events in {counts['clusters']} clusters.")
    raise typer.Exit(min(st.failed_documents, 100))


@app.command("export")
def export_cmd(
    db: Path = typer.Option(..., "--db", help="DuckDB file written by `marsad ingest`."),
    fmt: ExportFmt = typer.Option(ExportFmt.jsonl, "--format", "-f"),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Output file (required for parquet)."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER type."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 of actor, recipient "
                                          "or location."),
    actor: Optional[str] = typer.Option(None, "--actor"),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="minlon,minlat,maxlon,maxlat"),
    q: Optional[str] = typer.Option(None, "--q", help="Text in the evidence sentence."),
) -> None:
    """Export events (one row per cluster of reports) as JSON Lines, CSV, Parquet, GeoJSON
    or an ACLED-style CSV (PLOVER -> ACLED crosswalk in resources/common)."""
    import duckdb
    from .store import EventFilter, export
    if not db.exists():
        err.print(f"[red]no database at {db}[/red]")
        raise typer.Exit(2)
    box = tuple(float(x) for x in bbox.split(",")) if bbox else None
    f = EventFilter(type=type_, country=country, actor=actor, since=since, until=until,
                    bbox=box, q=q)  # type: ignore[arg-type]
    con = duckdb.connect(str(db), read_only=True)
    try:
        if fmt is ExportFmt.parquet:
            if output is None:
                err.print("[red]--format parquet needs -o FILE[/red]")
                raise typer.Exit(2)
            n = export(con, "parquet", str(output), f)
        else:
            out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                n = export(con, fmt.value, out, f)
            finally:
                if output:
                    out.close()
    finally:
        con.close()
    err.print(f"{n} rows")


@app.command()
def serve(
    db: Path = typer.Option(Path("marsad.duckdb"), "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    token: Optional[str] = typer.Option(None, "--token", help="Bearer token for POST "
                                        "/api/documents (or MARSAD_API_TOKEN)."),
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json, docs at /docs)."""
    import uvicorn
    from .api import create_app
    uvicorn.run(create_app(str(db), token), host=host, port=port, log_level="info")


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
