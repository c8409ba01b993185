"""WARC / WARC.gz input: each HTML response record becomes a document.

Records that are not HTML pages (requests, metadata, images, PDFs, redirects) are not
documents: they come back as ``kind="skipped"`` with the reason, so that a run can count
them per reason instead of dropping them silently.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import MAX_DOCUMENT_BYTES
from ..model import ErrorInfo
from .document import Document
from .readers import _error_doc, read_bytes_document

__all__ = ["iter_warc"]


def _skipped(source: str, reason: str) -> Document:
    return Document(id=source, source=source, kind="skipped", error=ErrorInfo("SKIPPED", reason))


def iter_warc(stream: BinaryIO, name: str) -> Iterator[Document]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield _error_doc(name, name, "E_WARC", "warcio is not installed")
        return
    n = 0
    try:
        for record in ArchiveIterator(stream):
            n += 1
            source = f"{name}#{n}"
            if record.rec_type != "response":
                yield _skipped(source, f"record type {record.rec_type}")
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            rid = record.rec_headers.get_header("WARC-Record-ID")
            status = record.http_headers.get_statuscode() if record.http_headers else None
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if status and not status.startswith("2"):
                yield _skipped(source, f"HTTP status {status}")
                continue
            if "html" not in ctype.lower():
                yield _skipped(source, f"content type {ctype.split(';')[0] or 'unknown'}")
                continue
            body = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            doc = read_bytes_document(body, source, "html", url=uri)
            if doc.error is None and rid:
                doc = Document(id=doc.id, source=source, kind=doc.kind, html=doc.html, url=uri)
            yield doc
    except Exception as exc:  # a truncated or corrupt archive: report it, keep what was read
        yield _error_doc(f"{name}#{n + 1}", name, "E_WARC", str(exc)[:200])
