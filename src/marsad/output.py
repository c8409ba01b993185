"""Record writers: JSON Lines (default), one JSON array, or CSV (one row a document)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from .model import RECORD_KEYS, Record

__all__ = ["FORMATS", "write_records", "dumps"]

FORMATS = ("jsonl", "json", "csv")
_LIST_KEYS = ("entities", "events", "quotes", "quantities", "relations", "conflicts")


def dumps(record: Record | dict) -> str:
    d = record.to_dict() if isinstance(record, Record) else record
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def write_records(records: Iterable[Record | dict], out: TextIO, fmt: str = "jsonl"
                  ) -> Iterator[Record | dict]:
    """Write records as they come (streaming) and yield each one after it is written."""
    if fmt == "jsonl":
        for r in records:
            out.write(dumps(r) + "\n")
            yield r
    elif fmt == "json":
        out.write("[")
        first = True
        for r in records:
            out.write(("\n" if first else ",\n") + dumps(r))
            first = False
            yield r
        out.write("\n]\n")
    elif fmt == "csv":
        cols = [k for k in RECORD_KEYS if k not in _LIST_KEYS and k != "error"]
        cols += [f"n_{k}" for k in _LIST_KEYS] + ["error_code", "error_message"] + list(_LIST_KEYS)
        w = csv.writer(out)
        w.writerow(cols)
        for r in records:
            d = r.to_dict() if isinstance(r, Record) else r
            row = [d[k] for k in RECORD_KEYS if k not in _LIST_KEYS and k != "error"]
            row += [len(d[k]) for k in _LIST_KEYS]
            err = d["error"] or {}
            row += [err.get("code"), err.get("message")]
            row += [json.dumps(d[k], ensure_ascii=False) for k in _LIST_KEYS]
            w.writerow(row)
            yield r
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
