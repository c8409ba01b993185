"""The REST API of SPEC.md §1 (FastAPI). One process owns the DuckDB file: reads use
cursors of its connection, writes (``POST /api/documents``) go through the store's single
writer under its lock."""
import hmac
import io
import json
import os
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from ..ingest import iter_documents
from ..pipeline import process
from ..store import EventFilter, Store, query_events, stats
from ..store.queries import export, relations
from pathlib import Path

#: The web UI (static files shipped in the package, built by web/build.mjs)
WEB = Path(__file__).resolve().parents[1] / "web"

__all__ = ["create_app"]

#: Largest body ``POST /api/documents`` accepts (JSON Lines of many documents).
MAX_POST_BYTES = 50 * 1024 * 1024
MAX_LIMIT = 1000
_NUM = r"-?\d{1,3}(\.\d+)?"
_BBOX_PATTERN = rf"^{_NUM},{_NUM},{_NUM},{_NUM}$"


class EventsPage(BaseModel):
    total: int = Field(description="events (clusters) matching the filters")
    events: list[dict[str, Any]] = Field(description="Event + doc_id + sources")


class IngestReport(BaseModel):
    added: int
    skipped_same_id: int
    skipped_same_content: int
    near_duplicates: int
    failed_documents: int
    events_added: int
    events_merged: int
    errors: dict[str, int]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """minlon,minlat,maxlon,maxlat (the pattern guarantees four numbers); reversed corners
    are put in order and the box is clipped to the globe."""
    if value is None:
        return None
    x1, y1, x2, y2 = (float(v) for v in value.split(","))
    return (_clip(min(x1, x2), 180), _clip(min(y1, y2), 90), _clip(max(x1, x2), 180),
            _clip(max(y1, y2), 90))


def _clip(v: float, lim: float) -> float:
    return max(-lim, min(lim, v))


def filters(type: str | None = Query(None, description="PLOVER type, e.g. ASSAULT",
                                     pattern="^[A-Za-z]+$", max_length=12),
            country: str | None = Query(None, description="ISO3 of actor, recipient or "
                                        "location", pattern="^[A-Za-z]{3}$"),
            actor: str | None = Query(None, max_length=200),
            since: str | None = Query(None, description="YYYY-MM-DD, inclusive",
                                      pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
            until: str | None = Query(None, description="YYYY-MM-DD, inclusive",
                                      pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
            bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat",
                                     pattern=_BBOX_PATTERN, max_length=100),
            q: str | None = Query(None, description="text in the evidence sentence",
                                  max_length=200),
            hide: str | None = Query(None, description="comma list of flags to leave out: "
                                     "negated,hypothetical,historical",
                                     pattern="^(negated|hypothetical|historical)"
                                             "(,(negated|hypothetical|historical))*$"),
            sort: str = Query("date", pattern="^(date|type|confidence|sources)$"),
            order: str = Query("desc", pattern="^(asc|desc)$"),
            limit: int = Query(100, ge=1, le=MAX_LIMIT),
            offset: int = Query(0, ge=0, le=10**9)) -> EventFilter:
    return EventFilter(type=type, country=country, actor=actor, since=since, until=until,
                       bbox=_bbox(bbox), q=q, hide=tuple((hide or "").split(",")) if hide
                       else (), sort=sort, order=order, limit=limit, offset=offset)



def create_app(db: str, token: str | None = None) -> FastAPI:
    """The app over the DuckDB file ``db``. ``token`` (or ``MARSAD_API_TOKEN``) guards
    ``POST /api/documents``; without one, posting is refused."""
    token = token or os.environ.get("MARSAD_API_TOKEN") or None
    store = Store(db)
    app = FastAPI(title="marsad", version="0.1.0",
                  description="Events, quotes, quantities and relations extracted from "
                              "news by marsad (مرصد).")
    app.state.store = store

    @app.get("/api/events", response_model=EventsPage, summary="Events (one per cluster)")
    def events(f: Annotated[EventFilter, Depends(filters)]) -> dict[str, Any]:
        return query_events(store.con.cursor(), f)

    @app.get("/api/documents/{doc_id}", summary="The stored record of a document",
             responses={404: {"description": "no such document"}})
    def document(doc_id: str) -> JSONResponse:
        row = store.con.cursor().execute("SELECT record FROM records WHERE id = ?",
                                         [doc_id]).fetchone()
        if row is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return JSONResponse(json.loads(row[0]))

    @app.get("/api/relations", summary="Relations (membership, contribution, control ...)")
    def get_relations(type: str | None = Query(None, pattern="^[a-z_]+$", max_length=30)
                      ) -> list[dict[str, Any]]:
        return relations(store.con.cursor(), type)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/api/stats", summary="Counts by type, country and day")
    def get_stats() -> dict[str, Any]:
        return stats(store.con.cursor())

    @app.get("/api/export", summary="Events in an export format",
             response_class=PlainTextResponse,
             responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {},
                                          "application/geo+json": {}}}})
    def get_export(f: Annotated[EventFilter, Depends(filters)],
                   format: str = Query("jsonl", pattern="^(jsonl|csv|geojson|acled)$")
                   ) -> PlainTextResponse:
        buf = io.StringIO()
        f.limit, f.offset = 10**9, 0
        export(store.con.cursor(), format, buf, f)
        media = {"jsonl": "application/x-ndjson", "geojson": "application/geo+json"}.get(
            format, "text/csv")
        return PlainTextResponse(buf.getvalue(), media_type=media)

    @app.post("/api/documents", response_model=IngestReport, status_code=201,
              summary="Extract and store documents (JSON Lines or one JSON document)",
              responses={401: {"description": "missing or wrong bearer token"},
                         413: {"description": "body too large"}})
    async def post_documents(request: Request,
                             authorization: str | None = Header(None)) -> dict[str, Any]:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if token is None or not given or not hmac.compare_digest(given, token):
            raise HTTPException(401, "a valid 'Authorization: Bearer <token>' is required",
                                headers={"WWW-Authenticate": "Bearer"})
        body = await request.body()
        if len(body) > MAX_POST_BYTES:
            raise HTTPException(413, f"body over {MAX_POST_BYTES} bytes")
        if not body.strip():
            raise HTTPException(422, "empty body: send JSON Lines or one JSON document")
        text = body.lstrip()
        if not text.startswith(b"{"):
            raise HTTPException(422, "send JSON objects with 'text' or 'html'")
        try:  # one JSON document, possibly pretty-printed over several lines
            one = json.loads(text)
            text = json.dumps(one, ensure_ascii=False).encode("utf-8") + b"\n"
        except ValueError:
            pass  # JSON Lines: each line is read (and its errors recorded) on its own
        docs = list(iter_documents(["-"], stdin=io.BufferedReader(io.BytesIO(text))))
        records = [process(d) for d in docs]
        return store.ingest(records).as_dict()


    return app
