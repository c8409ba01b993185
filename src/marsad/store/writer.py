"""The one writer: records -> DuckDB, idempotent, crash-safe, with near-duplicate merging
and cross-report clustering.

Rules (documented for users in README "Storing and querying"):
1. **Same document twice adds nothing.** A record whose ``id`` is stored, or whose
   normalised text hashes to a stored document's, is skipped.
2. **Near-duplicates are merged, not counted twice.** Each original document's MinHash
   (word 3-gram shingles of the normalised text, 128 permutations) is indexed in an LSH
   index (Jaccard >= ``NEAR_DUP_THRESHOLD``). A new document close to a stored original
   (a wire copy, a republication with a line added) is stored with ``duplicate_of`` set,
   and each of its events is added as a *source* of the original's event of the same type
   and trigger (or the same type and parties); only events the original lacks are new.
3. **Reports of the same happening are clustered.** A new event joins the cluster of a
   stored event with the same type, the same location country and a place within
   ``CLUSTER_KM`` km (or the same place name), dates within ``CLUSTER_DAYS`` days, and
   compatible parties (actor and recipient countries equal where both are known).
   Events without a location stay alone: "somewhere" is too vague to merge on.
4. **Crash-safe.** Each document is written in one transaction: a killed ingest leaves
   whole documents or none, and re-running it completes the rest (rule 1).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..lang.normalize import norm
from ..model import Record
from .schema import migrate

__all__ = ["Store", "IngestStats", "NEAR_DUP_THRESHOLD", "CLUSTER_KM", "CLUSTER_DAYS"]

#: Jaccard similarity of word 3-gram shingles above which two documents are copies. Wire
#: copies and lightly edited republications score 0.7-1.0 (a line added to a short piece
#: costs most); distinct articles on the same
#: story rarely pass 0.3.
NEAR_DUP_THRESHOLD = 0.7
NUM_PERM = 128
#: Two events of the same type, this close in space and time, are one happening.
CLUSTER_KM = 25.0
CLUSTER_DAYS = 1
_WORDS = re.compile(r"\w+")


@dataclass
class IngestStats:
    added: int = 0
    skipped_same_id: int = 0
    skipped_same_content: int = 0
    near_duplicates: int = 0
    failed_documents: int = 0
    events_added: int = 0
    events_merged: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(norm(text).split()).encode("utf-8")).hexdigest()


def _minhash(text: str):
    from datasketch import MinHash
    words = _WORDS.findall(norm(text))
    m = MinHash(num_perm=NUM_PERM)
    shingles = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _day_gap(a: str | None, b: str | None) -> int | None:
    from datetime import date
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


class Store:
    """A DuckDB file (the embedded default) with marsad's schema. Use one ``Store`` to
    write; readers may open the same file read-only."""

    def __init__(self, path: str | Path = "marsad.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        self.lock = threading.Lock()
        if not read_only:
            migrate(self.con)
        self._lsh = None
        self._columns: dict[str, list[str]] = {}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- near-duplicate index ----------------------------------------------------------------
    def _index(self):
        if self._lsh is None:
            from datasketch import LeanMinHash, MinHashLSH
            self._lsh = MinHashLSH(threshold=NEAR_DUP_THRESHOLD, num_perm=NUM_PERM)
            rows = self.con.execute("SELECT id, minhash FROM documents WHERE duplicate_of IS "
                                    "NULL AND minhash IS NOT NULL").fetchall()
            for doc_id, blob in rows:
                self._lsh.insert(doc_id, LeanMinHash.deserialize(bytes(blob)))
        return self._lsh

    # -- writing -------------------------------------------------------------------------
    def ingest(self, records: Iterable[Record | dict[str, Any]]) -> IngestStats:
        stats = IngestStats()
        for r in records:
            rec = r.to_dict() if isinstance(r, Record) else r
            with self.lock:
                self._ingest_one(rec, stats)
        return stats

    def _ingest_one(self, rec: dict[str, Any], stats: IngestStats) -> None:
        con = self.con
        doc_id = str(rec["id"])
        if con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
            stats.skipped_same_id += 1
            return
        text = rec.get("text") or ""
        err = rec.get("error") or None
        chash = content_hash(text) if text.strip() else hashlib.sha256(
            json.dumps(rec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        if text.strip() and con.execute("SELECT 1 FROM documents WHERE content_hash = ?",
                                        [chash]).fetchone():
            stats.skipped_same_content += 1
            return
        original = None
        mh = None
        if text.strip() and err is None:
            from datasketch import LeanMinHash
            mh = LeanMinHash(_minhash(text))
            near = [d for d in self._index().query(mh) if d != doc_id]
            original = sorted(near)[0] if near else None
        blob = None
        if mh is not None:
            buf = bytearray(mh.bytesize())
            mh.serialize(buf)
            blob = bytes(buf)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("INSERT INTO documents (id, content_hash, url, title, published, "
                        "language, text, error_code, error_message, duplicate_of, minhash) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [doc_id, chash, rec.get("url"), rec.get("title"), rec.get("published"),
                         rec.get("language"), text, (err or {}).get("code"),
                         (err or {}).get("message"), original, blob])
            con.execute("INSERT INTO records VALUES (?, ?)",
                        [doc_id, json.dumps(rec, ensure_ascii=False)])
            self._facts(doc_id, rec)
            added, merged = self._events(doc_id, rec, original)
            con.execute("COMMIT")
        except BaseException:  # an error or an interrupt: the document is not half-written
            con.execute("ROLLBACK")
            raise
        if mh is not None and original is None:
            self._index().insert(doc_id, mh)
        stats.added += 1
        stats.events_added += added
        stats.events_merged += merged
        if original is not None:
            stats.near_duplicates += 1
        if err is not None:
            stats.failed_documents += 1
            stats.errors[err["code"]] = stats.errors.get(err["code"], 0) + 1

    def _bulk(self, table: str, rows: list[tuple]) -> None:
        """Insert many rows at once through Arrow (DuckDB's executemany costs ~1 ms a row)."""
        import pyarrow as pa
        cols = self._columns.get(table)
        if cols is None:
            cols = [r[0] for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall()]
            self._columns[table] = cols
        arrays = list(zip(*rows))
        batch = pa.table({c: list(v) for c, v in zip(cols, arrays)})
        self.con.register("_marsad_bulk", batch)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _marsad_bulk")
        finally:
            self.con.unregister("_marsad_bulk")

    def _facts(self, doc_id: str, rec: dict[str, Any]) -> None:
        ents = [(doc_id, i, e.get("type"), e.get("text"), e.get("name"), e.get("country"),
                 e.get("sector"), e.get("kb_id"), e.get("start"), e.get("end"), e.get("lat"),
                 e.get("lon"), e.get("precision"), e.get("geonames_id"))
                for i, e in enumerate(rec.get("entities") or [])]
        if ents:
            self._bulk("entities", ents)
        qs = [(doc_id, i, (q.get("speaker") or {}).get("name"),
               (q.get("speaker") or {}).get("country"), q.get("text"), q.get("kind"),
               q.get("start"), q.get("end")) for i, q in enumerate(rec.get("quotes") or [])]
        if qs:
            self._bulk("quotes", qs)
        ns = [(doc_id, i, q.get("value"), q.get("unit"), q.get("text"), q.get("about"),
               q.get("country"), q.get("qualifier"), q.get("event"), q.get("start"),
               q.get("end")) for i, q in enumerate(rec.get("quantities") or [])]
        if ns:
            self._bulk("quantities", ns)
        rs = [(doc_id, i, r.get("type"), (r.get("subject") or {}).get("name"),
               (r.get("subject") or {}).get("country"), (r.get("object") or {}).get("name"),
               (r.get("object") or {}).get("country"),
               json.dumps(r.get("attributes") or {}, ensure_ascii=False), r.get("start"),
               r.get("end")) for i, r in enumerate(rec.get("relations") or [])]
        if rs:
            self._bulk("relations", rs)

    def _events(self, doc_id: str, rec: dict[str, Any], original: str | None
                ) -> tuple[int, int]:
        from ..events import QUAD
        con = self.con
        text = rec.get("text") or ""
        fatalities: dict[str, int] = {}
        for q in rec.get("quantities") or []:
            if q.get("event") and q.get("unit") == "killed":
                fatalities[q["event"]] = fatalities.get(q["event"], 0) + int(q["value"])
        added = merged = 0
        for e in rec.get("events") or []:
            if original is not None:
                target = self._matching_event(original, e)
                if target is not None:
                    con.execute("INSERT INTO event_sources VALUES (?, ?)", [target, doc_id])
                    merged += 1
                    continue
            uid = f"{doc_id}:{e['id']}"
            a, r = e.get("actor") or {}, e.get("recipient") or {}
            loc, d = e.get("location") or {}, e.get("date") or {}
            sent = e.get("sentence") or {}
            row = dict(uid=uid, doc_id=doc_id, event_id=e["id"], event_type=e["event_type"],
                       mode=e.get("mode"), quad=QUAD.get(e["event_type"]),
                       context=",".join(e.get("context") or []),
                       actor_text=a.get("text"), actor_name=a.get("name"),
                       actor_country=a.get("country"), actor_sector=a.get("sector"),
                       recipient_text=r.get("text"), recipient_name=r.get("name"),
                       recipient_country=r.get("country"), recipient_sector=r.get("sector"),
                       date=d.get("value"), date_precision=d.get("precision"),
                       location_name=loc.get("name"), location_country=loc.get("country"),
                       admin1=loc.get("admin1"), lat=loc.get("lat"), lon=loc.get("lon"),
                       geo_precision=loc.get("precision"),
                       trigger_text=(e.get("trigger") or {}).get("text"),
                       evidence=text[sent.get("start", 0):sent.get("end", 0)],
                       negated=bool(e.get("negated")), historical=bool(e.get("historical")),
                       hypothetical=bool(e.get("hypothetical")),
                       confidence=e.get("confidence"), fatalities=fatalities.get(e["id"]),
                       event=json.dumps(e, ensure_ascii=False))
            row["cluster_id"] = self._cluster_of(row) or uid
            cols = list(row)
            con.execute(f"INSERT INTO events ({', '.join(cols)}) VALUES "
                        f"({', '.join('?' for _ in cols)})", [row[c] for c in cols])
            con.execute("INSERT INTO event_sources VALUES (?, ?)", [uid, doc_id])
            added += 1
        return added, merged

    def _matching_event(self, original: str, e: dict[str, Any]) -> str | None:
        trig = (e.get("trigger") or {}).get("text")
        row = self.con.execute(
            "SELECT uid FROM events WHERE doc_id = ? AND event_type = ? AND trigger_text = ? "
            "ORDER BY uid LIMIT 1", [original, e["event_type"], trig]).fetchone()
        if row:
            return row[0]
        a = (e.get("actor") or {}).get("country")
        r = (e.get("recipient") or {}).get("country")
        row = self.con.execute(
            "SELECT uid FROM events WHERE doc_id = ? AND event_type = ? "
            "AND actor_country IS NOT DISTINCT FROM ? AND recipient_country IS NOT DISTINCT "
            "FROM ? ORDER BY uid LIMIT 1", [original, e["event_type"], a, r]).fetchone()
        return row[0] if row else None

    def _cluster_of(self, row: dict[str, Any]) -> str | None:
        if not row["location_country"] or row["negated"] or row["hypothetical"] \
                or row.get("geo_precision") == "country":
            return None  # "somewhere in Iraq" is too coarse to say two reports are one event
        cands = self.con.execute(
            "SELECT cluster_id, lat, lon, location_name, date, actor_country, "
            "recipient_country FROM events WHERE event_type = ? AND location_country = ? "
            "AND NOT negated AND NOT hypothetical AND doc_id <> ? "
            "AND geo_precision IS DISTINCT FROM 'country' ORDER BY uid",
            [row["event_type"], row["location_country"], row["doc_id"]]).fetchall()
        for cid, lat, lon, name, date, ac, rc in cands:
            if row["lat"] is not None and lat is not None:
                if _km(row["lat"], row["lon"], lat, lon) > CLUSTER_KM:
                    continue
            elif name != row["location_name"]:
                continue
            gap = _day_gap(row["date"], date)
            if gap is None or gap > CLUSTER_DAYS:
                continue
            if ac and row["actor_country"] and ac != row["actor_country"]:
                continue
            if rc and row["recipient_country"] and rc != row["recipient_country"]:
                continue
            return cid
        return None

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("documents", "events", "event_sources", "entities", "quotes", "quantities",
                  "relations"):
            out[t] = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        out["clusters"] = self.con.execute(
            "SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0]
        return out
