"""Reading the store: event filters (shared by the API and the exports), stats, exports.

Events are reported one row per cluster (the reports of one happening), with ``sources``:
every document that reported it, near-duplicate copies included.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TextIO

import duckdb

from ..resources import load_yaml

__all__ = ["EventFilter", "query_events", "stats", "export", "relations", "EXPORT_FORMATS",
           "ACLED_COLUMNS"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled")
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                 "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
                 "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
                 "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
                 "tags", "timestamp"]


@dataclass
class EventFilter:
    type: str | None = None
    country: str | None = None      # actor, recipient or location country
    actor: str | None = None        # name, text or country code of the actor
    since: str | None = None        # ISO date, inclusive
    until: str | None = None        # ISO date, inclusive
    bbox: tuple[float, float, float, float] | None = None  # minlon, minlat, maxlon, maxlat
    q: str | None = None            # text in the evidence sentence or trigger
    hide: tuple[str, ...] = ()      # flags whose events are left out: negated, hypothetical,
                                    # historical
    sort: str = "date"              # date | type | confidence | sources
    order: str = "desc"             # asc | desc
    limit: int = 100
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        conds, args = ["TRUE"], []
        if self.type:
            conds.append("e.event_type = ?")
            args.append(self.type.upper())
        if self.country:
            conds.append("(e.actor_country = ? OR e.recipient_country = ? OR "
                         "e.location_country = ?)")
            args += [self.country.upper()] * 3
        if self.actor:
            conds.append("(e.actor_name ILIKE ? OR e.actor_text ILIKE ? OR e.actor_country = ?)")
            args += [f"%{self.actor}%", f"%{self.actor}%", self.actor.upper()]
        if self.since:
            conds.append("e.date >= ?")
            args.append(self.since)
        if self.until:
            conds.append("substr(e.date, 1, ?) <= ?")
            args += [len(self.until), self.until]
        if self.bbox:
            minlon, minlat, maxlon, maxlat = self.bbox
            conds.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            args += [minlon, maxlon, minlat, maxlat]
        if self.q:
            conds.append("(e.evidence ILIKE ? OR e.trigger_text ILIKE ?)")
            args += [f"%{self.q}%"] * 2
        for flag in self.hide:
            if flag in ("negated", "hypothetical", "historical"):
                conds.append(f"NOT e.{flag}")
        return " AND ".join(conds), args


def _clustered(f: EventFilter) -> tuple[str, list[Any]]:
    where, args = f.where()
    sql = f"""
        WITH f AS (SELECT * FROM events e WHERE {where}),
        reps AS (SELECT cluster_id, min(uid) AS rep FROM f GROUP BY cluster_id),
        src AS (SELECT e.cluster_id, list(DISTINCT s.doc_id ORDER BY s.doc_id) AS sources
                FROM events e JOIN event_sources s ON s.uid = e.uid
                WHERE e.cluster_id IN (SELECT cluster_id FROM reps) GROUP BY e.cluster_id)
        SELECT f.*, src.sources FROM reps JOIN f ON f.uid = reps.rep
        JOIN src ON src.cluster_id = reps.cluster_id
        ORDER BY {_ORDER[f.sort]} {"ASC" if f.order == "asc" else "DESC"} NULLS LAST, f.uid"""
    return sql, args


_ORDER = {"date": "f.date", "type": "f.event_type", "confidence": "f.confidence",
          "sources": "len(src.sources)"}


def query_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> dict[str, Any]:
    sql, args = _clustered(f)
    total = con.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
    rows = con.execute(f"{sql} LIMIT ? OFFSET ?", args + [f.limit, f.offset]).fetchall()
    cols = [d[0] for d in con.description]
    events = []
    for row in rows:
        r = dict(zip(cols, row))
        ev = json.loads(r["event"])
        ev.update(doc_id=r["doc_id"], sources=list(r["sources"]), cluster_id=r["cluster_id"],
                  evidence=r["evidence"], fatalities=r["fatalities"])
        events.append(ev)
    return {"total": total, "events": events}


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    def pairs(sql: str) -> dict[str, int]:
        return {str(k): v for k, v in con.execute(sql).fetchall() if k is not None}
    return {
        "documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
        "events": con.execute("SELECT count(*) FROM events").fetchone()[0],
        "clusters": con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0],
        "by_type": pairs("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
        "by_country": pairs("SELECT location_country, count(*) FROM events GROUP BY 1 "
                            "ORDER BY 2 DESC"),
        "by_day": pairs("SELECT substr(date, 1, 10), count(*) FROM events WHERE "
                        "length(date) >= 10 GROUP BY 1 ORDER BY 1"),
    }


# -- exports --------------------------------------------------------------------------------
_FLAT = ["uid", "doc_id", "cluster_id", "event_type", "mode", "quad", "actor_name",
         "actor_country", "actor_sector", "recipient_name", "recipient_country",
         "recipient_sector", "date", "date_precision", "location_name", "location_country",
         "admin1", "lat", "lon", "geo_precision", "trigger_text", "negated", "historical",
         "hypothetical", "confidence", "fatalities", "evidence"]


def relations(con: duckdb.DuckDBPyConnection, rtype: str | None = None) -> list[dict[str, Any]]:
    """Relations of every document, newest first (for the coalition view)."""
    sql = ("SELECT r.doc_id, r.type, r.subject_name, r.subject_country, r.object_name, "
           "r.object_country, r.attributes FROM relations r")
    args: list[Any] = []
    if rtype:
        sql += " WHERE r.type = ?"
        args.append(rtype)
    sql += " ORDER BY r.doc_id, r.idx"
    out = []
    for doc_id, t, sn, sc, on, oc, attrs in con.execute(sql, args).fetchall():
        out.append({"doc_id": doc_id, "type": t, "subject": {"name": sn, "country": sc},
                    "object": {"name": on, "country": oc},
                    "attributes": json.loads(attrs) if attrs else {}})
    return out


def _all(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    f = EventFilter(**{**f.__dict__, "limit": 10**9, "offset": 0})
    return query_events(con, f)["events"]


@lru_cache(maxsize=1)
def _crosswalk() -> dict[str, Any]:
    return load_yaml("common", "acled_crosswalk.yaml")


def acled_type(ev: dict[str, Any]) -> tuple[str, str]:
    cw = _crosswalk()
    armed, civil = set(cw["armed_sectors"]), set(cw["civilian_sectors"])
    a = (ev.get("actor") or {}).get("sector")
    r = (ev.get("recipient") or {}).get("sector")
    for rule in cw["rules"]:
        if "type" in rule and rule["type"] != ev.get("event_type"):
            continue
        if "modes" in rule and ev.get("mode") not in rule["modes"]:
            continue
        if rule.get("civilian_target") and not (r in civil and (a is None or a in armed)):
            continue
        return rule["event_type"], rule["sub_event_type"]
    return "Strategic developments", "Other"


def _acled_row(ev: dict[str, Any]) -> dict[str, Any]:
    loc, date = ev.get("location") or {}, ev.get("date") or {}
    a, r = ev.get("actor") or {}, ev.get("recipient") or {}
    et, sub = acled_type(ev)
    disorder = {"Protests": "Demonstrations", "Riots": "Demonstrations",
                "Strategic developments": "Strategic developments"}.get(et, "Political violence")
    return {
        "event_id_cnty": f"{loc.get('country') or 'XXX'}-{ev['doc_id']}-{ev['id']}",
        "event_date": date.get("value"), "year": (date.get("value") or "")[:4] or None,
        "time_precision": {"day": 1, "month": 2, "year": 3}.get(date.get("precision"), 3),
        "disorder_type": disorder, "event_type": et, "sub_event_type": sub,
        "actor1": a.get("name") or a.get("text"), "assoc_actor_1": None,
        "inter1": a.get("sector"), "actor2": r.get("name") or r.get("text"),
        "assoc_actor_2": None, "inter2": r.get("sector"),
        "interaction": "-".join(x for x in (a.get("sector"), r.get("sector")) if x) or None,
        "civilian_targeting": "Civilian targeting" if sub == "Attack" else None,
        "iso": loc.get("country"), "region": None, "country": loc.get("country"),
        "admin1": loc.get("admin1"), "admin2": None, "admin3": None,
        "location": loc.get("name"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": {"point": 1, "city": 1, "admin1": 2, "country": 3}.get(
            loc.get("precision"), None),
        "source": ";".join(ev.get("sources") or []), "source_scale": None,
        "notes": ev.get("evidence"), "fatalities": ev.get("fatalities") or 0,
        "tags": ",".join(x for x in ("negated" if ev.get("negated") else "",
                                     "hypothetical" if ev.get("hypothetical") else "",
                                     "historical" if ev.get("historical") else "") if x) or None,
        "timestamp": None,
    }


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: TextIO | str,
           f: EventFilter | None = None) -> int:
    """Write the (clustered) events matching ``f``; returns how many rows were written.
    ``out`` is a text stream, or a path for Parquet."""
    f = f or EventFilter()
    events = _all(con, f)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        rows = [{**_flat(e), "sources": e.get("sources") or []} for e in events]
        table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in _FLAT})
        pq.write_table(table, out if isinstance(out, str) else out.name)
        return len(rows)
    assert not isinstance(out, str)
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=_FLAT + ["sources"])
        w.writeheader()
        for e in events:
            w.writerow({**_flat(e), "sources": ";".join(e.get("sources") or [])})
    elif fmt == "acled":
        w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        w.writeheader()
        for e in events:
            w.writerow(_acled_row(e))
    elif fmt == "geojson":
        feats = []
        for e in events:
            loc = e.get("location") or {}
            if loc.get("lat") is None or loc.get("lon") is None:
                continue
            props = {k: v for k, v in _flat(e).items() if k not in ("lat", "lon")}
            props["sources"] = e.get("sources") or []
            feats.append({"type": "Feature", "id": props["uid"],
                          "geometry": {"type": "Point",
                                       "coordinates": [loc["lon"], loc["lat"]]},
                          "properties": props})
        json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
        return len(feats)
    else:
        raise ValueError(f"unknown export format {fmt!r}: {', '.join(EXPORT_FORMATS)}")
    return len(events)


def _flat(e: dict[str, Any]) -> dict[str, Any]:
    a, r = e.get("actor") or {}, e.get("recipient") or {}
    loc, d = e.get("location") or {}, e.get("date") or {}
    from ..events import QUAD
    return {"uid": f"{e['doc_id']}:{e['id']}", "doc_id": e["doc_id"],
            "cluster_id": e.get("cluster_id"), "event_type": e["event_type"],
            "mode": e.get("mode"), "quad": QUAD.get(e["event_type"]),
            "actor_name": a.get("name"), "actor_country": a.get("country"),
            "actor_sector": a.get("sector"), "recipient_name": r.get("name"),
            "recipient_country": r.get("country"), "recipient_sector": r.get("sector"),
            "date": d.get("value"), "date_precision": d.get("precision"),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "geo_precision": loc.get("precision"),
            "trigger_text": (e.get("trigger") or {}).get("text"),
            "negated": e.get("negated"), "historical": e.get("historical"),
            "hypothetical": e.get("hypothetical"), "confidence": e.get("confidence"),
            "fatalities": e.get("fatalities"), "evidence": e.get("evidence")}
