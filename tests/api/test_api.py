"""The REST API through the real app and a real DuckDB file."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from conftest import corpus_db
from marsad.api import create_app

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = corpus_db(tmp_path_factory.mktemp("api"), 120)
    with TestClient(create_app(str(db), TOKEN)) as c:
        yield c


def events(client, **params):
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_type_filter_returns_only_that_type_with_evidence(client):
    page = events(client, type="ASSAULT")
    assert page["total"] == len(page["events"]) > 0
    for e in page["events"]:
        assert e["event_type"] == "ASSAULT"
        assert e["evidence"] and e["trigger"]["text"] in e["evidence"]
        assert e["doc_id"] in e["sources"]


def test_country_filter(client):
    page = events(client, country="SYR")
    assert page["events"]
    for e in page["events"]:
        assert "SYR" in {(e.get(k) or {}).get("country") for k in ("actor", "recipient",
                                                                   "location")}


def test_since_until(client):
    page = events(client, since="2016-11-01", until="2016-11-30")
    assert page["events"]
    assert all("2016-11-01" <= e["date"]["value"][:10] <= "2016-11-30" for e in page["events"])
    assert events(client)["total"] > page["total"]


def test_bbox(client):
    page = events(client, bbox="35,29,49,38")  # Syria and Iraq
    assert page["events"]
    for e in page["events"]:
        assert 35 <= e["location"]["lon"] <= 49 and 29 <= e["location"]["lat"] <= 38


def test_text_search(client):
    page = events(client, q="الموصل")
    assert page["events"] and all("الموصل" in e["evidence"] for e in page["events"])


def test_pagination_is_stable(client):
    a = events(client, limit=5, offset=0)["events"]
    b = events(client, limit=5, offset=5)["events"]
    assert len(a) == 5 and not {x["id"] + x["doc_id"] for x in a} & {x["id"] + x["doc_id"] for x in b}


def test_bad_filters_are_clear_422s(client):
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 422
    assert client.get("/api/events", params={"since": "last week"}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_document_and_stats(client):
    e = events(client, limit=1)["events"][0]
    doc = client.get(f"/api/documents/{e['doc_id']}").json()
    assert doc["id"] == e["doc_id"] and "events" in doc
    assert client.get("/api/documents/nope").status_code == 404
    st = client.get("/api/stats").json()
    assert st["documents"] > 100 and "ASSAULT" in st["by_type"]


def test_post_requires_the_token_and_stores_nothing_without_it(client):
    doc = {"id": "posted-1", "text": "قتل ثلاثة مدنيين أمس في قصف على مدينة حلب شمال سوريا.",
           "published": "2017-02-01"}
    body = json.dumps(doc, ensure_ascii=False).encode()
    assert client.post("/api/documents", content=body).status_code == 401
    assert client.post("/api/documents", content=body,
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/documents/posted-1").status_code == 404
    r = client.post("/api/documents", content=body,
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json()["added"] == 1
    assert client.get("/api/documents/posted-1").json()["id"] == "posted-1"
    bad = client.post("/api/documents", content=b"not json",
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422


def test_openapi_document(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/documents/{doc_id}", "/api/stats",
            "/api/documents"} <= set(spec["paths"])
