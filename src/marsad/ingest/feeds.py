"""RSS / Atom feeds: each item becomes a document (its content, else its summary)."""
from __future__ import annotations

import time
from collections.abc import Iterator

from .document import Document, content_id
from .readers import _error_doc

__all__ = ["iter_feed"]


def _iso(struct: time.struct_time | None) -> str | None:
    if not struct:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S", struct)


def iter_feed(data: bytes | str, name: str) -> Iterator[Document]:
    try:
        import feedparser
    except ImportError:  # pragma: no cover - feedparser is a dependency
        yield _error_doc(name, name, "E_FEED", "feedparser is not installed")
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        detail = str(parsed.get("bozo_exception") or "no items")[:200]
        yield _error_doc(name, name, "E_FEED" if parsed.get("bozo") else "E_EMPTY", detail)
        return
    for i, item in enumerate(entries, start=1):
        source = f"{name}#{i}"
        html = ""
        if item.get("content"):
            html = "".join(c.get("value", "") for c in item["content"])
        html = html or item.get("summary") or item.get("description") or ""
        url = item.get("link")
        doc_id = item.get("id") or url
        if not html.strip():
            yield _error_doc(doc_id or source, source, "E_EMPTY", "feed item without content")
            continue
        published = _iso(item.get("published_parsed") or item.get("updated_parsed"))
        # summaries are short HTML fragments: wrap them so the page extractor sees a body
        page = f"<html><head><title></title></head><body><article>{html}</article></body></html>"
        yield Document(id=doc_id or content_id(html), source=source, kind="fragment", html=page,
                       url=url, title=item.get("title"), published=published)
