"""Storage: DuckDB (the embedded default), one writer, queries and exports."""
from __future__ import annotations

from .queries import EXPORT_FORMATS, EventFilter, export, query_events, stats
from .writer import IngestStats, Store

__all__ = ["EXPORT_FORMATS", "EventFilter", "IngestStats", "Store", "export", "query_events",
           "stats"]
