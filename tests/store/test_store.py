"""The DuckDB store: idempotent, crash-safe ingest, near-duplicate merging, exports."""
from __future__ import annotations

import csv
import itertools
import json

import duckdb
import pytest

from conftest import shared_file
from marsad.engine.local import process_documents
from marsad.ingest import iter_documents
from marsad.store import EventFilter, Store, export
from marsad.store.queries import ACLED_COLUMNS


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory):
    src = shared_file("corpus", "ant_jawhara_news.jsonl")
    tmp = tmp_path_factory.mktemp("corpus") / "c.jsonl"
    with open(src, encoding="utf-8") as f:
        tmp.write_text("".join(itertools.islice(f, 80)), encoding="utf-8")
    return [r.to_dict() for r in process_documents(iter_documents([str(tmp)]), workers=2)]


def test_ingest_twice_changes_nothing(tmp_path, corpus_records):
    with Store(tmp_path / "m.duckdb") as st:
        first = st.ingest(corpus_records)
        counts = st.counts()
        again = st.ingest(corpus_records)
        assert st.counts() == counts
    assert first.added > 70 and again.added == 0
    assert again.skipped_same_id + again.skipped_same_content == len(corpus_records)


def test_republished_copies_merge_into_the_original_events(tmp_path, corpus_records):
    with Store(tmp_path / "m.duckdb") as st:
        st.ingest(corpus_records)
        before = st.counts()
        copies = []
        for r in corpus_records[:40]:
            c = json.loads(json.dumps(r))
            c["id"] += "-copy"
            c["text"] += "\nتابعونا على مواقع التواصل الاجتماعي لمزيد من الأخبار."
            copies.append(c)
        stats = st.ingest(copies)
        after = st.counts()
    assert stats.added == 40 and stats.near_duplicates >= 36
    assert abs(after["events"] - before["events"]) <= 0.02 * before["events"]
    assert after["event_sources"] > before["event_sources"]  # the copies became sources


def test_a_failed_document_leaves_nothing_and_rerun_completes(tmp_path, corpus_records,
                                                             monkeypatch):
    db = tmp_path / "m.duckdb"
    boom_id = corpus_records[5]["id"]
    with Store(db) as st:
        real = st._events

        def crash(doc_id, rec, original):
            if doc_id == boom_id:
                raise KeyboardInterrupt("killed mid-document")
            return real(doc_id, rec, original)
        monkeypatch.setattr(st, "_events", crash)
        with pytest.raises(KeyboardInterrupt):
            st.ingest(corpus_records)
        assert st.con.execute("SELECT count(*) FROM documents WHERE id = ?",
                              [boom_id]).fetchone()[0] == 0
        assert st.con.execute("SELECT count(*) FROM entities WHERE doc_id = ?",
                              [boom_id]).fetchone()[0] == 0
    with Store(db) as st:
        st.ingest(corpus_records)
        n = st.counts()["documents"]
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.ingest(corpus_records)
        assert clean.counts()["documents"] == n


def test_exports_open_in_duckdb_and_have_the_promised_shape(tmp_path, corpus_records):
    with Store(tmp_path / "m.duckdb") as st:
        st.ingest(corpus_records)
        con = st.con
        n_events = con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0]
        pq_path = str(tmp_path / "e.parquet")
        assert export(con, "parquet", pq_path) == n_events
        assert duckdb.sql(f"SELECT count(*) FROM '{pq_path}'").fetchall()[0][0] == n_events
        with open(tmp_path / "e.csv", "w", encoding="utf-8", newline="") as f:
            export(con, "csv", f)
        assert duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{tmp_path / 'e.csv'}')"
                          ).fetchall()[0][0] == n_events
        with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as f:
            export(con, "acled", f, EventFilter(type="ASSAULT"))
        with open(tmp_path / "a.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert list(rows[0]) == ACLED_COLUMNS
        assert {r["event_type"] for r in rows} <= {"Battles", "Explosions/Remote violence",
                                                   "Violence against civilians", "Protests"}
        with open(tmp_path / "e.geojson", "w", encoding="utf-8") as f:
            n_geo = export(con, "geojson", f)
        gj = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
        assert gj["type"] == "FeatureCollection" and len(gj["features"]) == n_geo > 0
        for feat in gj["features"]:
            lon, lat = feat["geometry"]["coordinates"]
            assert feat["type"] == "Feature" and feat["geometry"]["type"] == "Point"
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def _one_event_record(doc_id: str, text: str, published: str) -> dict:
    from marsad.analysis import analyse_article
    from marsad.extract import Article
    rec = analyse_article(Article(doc_id, None, None, published, "ar", text)).to_dict()
    rec["id"] = doc_id
    return rec


def test_country_precision_events_are_not_clustered(tmp_path):
    # two different reports whose only place is the country (through the article focus)
    a = _one_event_record("a", "قتل مسلحون أمس ثلاثة مزارعين. وقالت السلطات في العراق إن "
                          "التحقيق جار. وأكد مسؤول في العراق الخبر.", "2017-03-01")
    b = _one_event_record("b", "قتل مسلحون أمس خمسة رعاة. وقالت مصادر في العراق إن الجناة "
                          "فروا. وأكد شهود في العراق ذلك.", "2017-03-01")
    ev = [e for r in (a, b) for e in r["events"] if e["event_type"] == "ASSAULT"]
    assert len(ev) == 2 and all(e["location"]["precision"] == "country" for e in ev)
    with Store(tmp_path / "m.duckdb") as st:
        st.ingest([a, b])
        n = st.con.execute("SELECT count(DISTINCT cluster_id) FROM events "
                           "WHERE event_type = 'ASSAULT'").fetchone()[0]
    assert n == 2
