"""Shared fixtures: the real material under ../shared (skipped cleanly where absent)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"


def shared_file(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_file("eval", "seed", "seed.txt")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(shared_file("eval", "seed", "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record(seed_path: Path) -> dict:
    from marsad.ingest import iter_documents
    from marsad.pipeline import process
    docs = list(iter_documents([str(seed_path)]))
    assert len(docs) == 1
    return process(docs[0]).to_dict()


def corpus_db(folder: Path, n_articles: int) -> Path:
    """A real DuckDB file with the first ``n_articles`` corpus articles and the seed page."""
    import itertools
    from marsad.engine.local import process_documents
    from marsad.ingest import iter_documents
    from marsad.store import Store
    src = folder / "docs.jsonl"
    with open(shared_file("corpus", "ant_jawhara_news.jsonl"), encoding="utf-8") as f:
        src.write_text("".join(itertools.islice(f, n_articles)), encoding="utf-8")
    db = folder / "m.duckdb"
    with Store(db) as st:
        st.ingest(process_documents(iter_documents(
            [str(src), str(shared_file("eval", "seed", "seed.txt"))]), workers=2))
    return db
