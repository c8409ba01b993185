"""Quality floors on the real gold sets. Floors only move up (raise them when the coder
improves); the held-out halves are measured the same way outside this repository."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EVAL, shared_file

ROOT = Path(__file__).resolve().parents[2]

# ar_gsr dev floors (precision, f1) per type, and role accuracy floors: what the coder
# reaches now, rounded down. They sit at or above the targets (ASSAULT 0.70/0.70, PROTEST
# 0.60/0.60, actor.sector 0.60, recipient.country 0.60, recipient.sector 0.50). Raise them
# as the coder improves, never lower them.
FLOORS = {"ASSAULT": (0.74, 0.78), "PROTEST": (0.69, 0.69)}
ROLE_FLOORS = {"actor.sector": 0.65, "recipient.country": 0.64, "recipient.sector": 0.56}


def _score(kind: str, gold: Path, out: Path) -> dict:
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), kind, str(gold), str(out)],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def gsr_scores(tmp_path_factory):
    gold = shared_file("eval", "ar_gsr", "dev.jsonl")
    from marsad.ingest import iter_documents
    from marsad.output import dumps
    from marsad.pipeline import process
    out = tmp_path_factory.mktemp("gsr") / "out.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for doc in iter_documents([str(gold)]):
            f.write(dumps(process(doc)) + "\n")
    return _score("sentences", gold, out)


@pytest.mark.parametrize("etype", sorted(FLOORS))
def test_gsr_dev_floor(gsr_scores, etype):
    p_min, f_min = FLOORS[etype]
    got = gsr_scores["per_type"][etype]
    assert got["precision"] >= p_min and got["f1"] >= f_min, got


def test_gsr_dev_role_floors(gsr_scores):
    for role, floor in ROLE_FLOORS.items():
        assert gsr_scores["roles"][role] >= floor, (role, gsr_scores["roles"])


def test_seed_checklist_all_pass(tmp_path):
    seed = shared_file("eval", "seed", "seed.txt")
    from marsad.ingest import iter_documents
    from marsad.output import dumps
    from marsad.pipeline import process
    out = tmp_path / "seed.jsonl"
    out.write_text(dumps(process(next(iter(iter_documents([str(seed)]))))) + "\n",
                   encoding="utf-8")
    res = _score("seed", EVAL / "seed" / "seed.gold.json", out)
    assert res["failed"] == [], res["failed"]
