"""The DuckDB schema and its migrations.

Tables (one row per ...):
- ``documents``   input document: id, content hash, page fields, error, ``duplicate_of``
                  (the document it near-duplicates, NULL for originals), MinHash signature
- ``records``     document: the full record JSON as ``marsad extract`` printed it
- ``entities``    entity of a document
- ``events``      event of an original document, with ``cluster_id`` (reports of the same
                  happening across documents share it) and flattened actor/recipient/place
- ``event_sources`` (event, document) pair: the documents reporting an event; an event's
                  own document is its first source, near-duplicate copies add theirs
- ``quotes``, ``quantities``, ``relations``  facts of a document
- ``schema_version`` the applied migrations

Migrations are numbered SQL scripts applied in order inside a transaction; a database
opened by a newer marsad is migrated forward, never backward.
"""
from __future__ import annotations

import duckdb

__all__ = ["MIGRATIONS", "migrate", "SCHEMA_VERSION"]

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        url VARCHAR, title VARCHAR, published VARCHAR, language VARCHAR,
        text VARCHAR,
        error_code VARCHAR, error_message VARCHAR,
        duplicate_of VARCHAR,
        minhash BLOB,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE TABLE records (id VARCHAR PRIMARY KEY, record JSON NOT NULL);
    CREATE TABLE entities (
        doc_id VARCHAR, idx INTEGER, type VARCHAR, text VARCHAR, name VARCHAR,
        country VARCHAR, sector VARCHAR, kb_id VARCHAR, start_offset INTEGER,
        end_offset INTEGER, lat DOUBLE, lon DOUBLE, precision VARCHAR, geonames_id BIGINT
    );
    CREATE TABLE events (
        uid VARCHAR PRIMARY KEY,           -- doc_id || ':' || event id
        doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL,
        event_type VARCHAR, mode VARCHAR, quad VARCHAR, context VARCHAR,
        actor_text VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
        recipient_text VARCHAR, recipient_name VARCHAR, recipient_country VARCHAR,
        recipient_sector VARCHAR,
        date VARCHAR, date_precision VARCHAR,
        location_name VARCHAR, location_country VARCHAR, admin1 VARCHAR,
        lat DOUBLE, lon DOUBLE, geo_precision VARCHAR,
        trigger_text VARCHAR, evidence VARCHAR,
        negated BOOLEAN, historical BOOLEAN, hypothetical BOOLEAN, confidence DOUBLE,
        fatalities INTEGER,
        event JSON NOT NULL
    );
    CREATE INDEX events_type ON events(event_type);
    CREATE INDEX events_cluster ON events(cluster_id);
    CREATE TABLE event_sources (uid VARCHAR NOT NULL, doc_id VARCHAR NOT NULL);
    CREATE TABLE quotes (doc_id VARCHAR, idx INTEGER, speaker_name VARCHAR,
                         speaker_country VARCHAR, text VARCHAR, kind VARCHAR,
                         start_offset INTEGER, end_offset INTEGER);
    CREATE TABLE quantities (doc_id VARCHAR, idx INTEGER, value DOUBLE, unit VARCHAR,
                             text VARCHAR, about VARCHAR, country VARCHAR, qualifier VARCHAR,
                             event_id VARCHAR, start_offset INTEGER, end_offset INTEGER);
    CREATE TABLE relations (doc_id VARCHAR, idx INTEGER, type VARCHAR,
                            subject_name VARCHAR, subject_country VARCHAR,
                            object_name VARCHAR, object_country VARCHAR,
                            attributes JSON, start_offset INTEGER, end_offset INTEGER);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration the database lacks; returns the schema version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    current = (row[0] if row and row[0] is not None else 0)
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"database schema {current} is newer than this marsad "
                           f"({SCHEMA_VERSION}): upgrade marsad")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(MIGRATIONS[version - 1])
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
