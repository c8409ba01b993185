"""Readers: turn inputs (files, folders, standard input) into a stream of ``Document``s.

Kinds are recognised by suffix and by content (``sniff``): plain text, HTML, JSON Lines,
RSS/Atom feeds and WARC. Every problem becomes a ``Document`` with an ``error`` so that the
run goes on and the document still gets its record.
"""
from __future__ import annotations

from .document import Document, content_id
from .readers import iter_documents, read_bytes_document, sniff

__all__ = ["Document", "content_id", "iter_documents", "read_bytes_document", "sniff"]
