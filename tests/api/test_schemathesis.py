"""Property-based run of the OpenAPI document against the app (bounded, in-process, no
network): every documented operation answers within its declared responses."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("st") / "m.duckdb"
    with Store(db) as st:
        st.ingest([{"id": "d1", "url": None, "title": "t", "published": "2017-01-01",
                    "language": "ar", "text": "نص", "entities": [], "events": [],
                    "quotes": [], "quantities": [], "relations": [], "conflicts": [],
                    "error": None}])
    app = create_app(str(db), "secret-token")
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_conforms(api_schema):
    # schemathesis drives hypothesis directly here (its pytest plugin lags pytest 9)
    ran = 0
    for result in api_schema.get_all_operations():
        op = result.ok()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        @given(case=op.as_strategy())
        def run(case):
            if op.method.upper() == "GET":
                case.call_and_validate()
            else:  # no token: refused, and nothing is stored
                assert case.call().status_code == 401
        run()
        ran += 1
    assert ran >= 5
