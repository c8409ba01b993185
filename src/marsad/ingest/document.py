"""The raw document as read from a source, before any extraction."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..model import ErrorInfo

__all__ = ["Document", "content_id"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document. Exactly one of ``text`` / ``html`` is set unless ``error`` is."""
    id: str
    source: str                    # where it came from: path, "<stdin>", path:line
    kind: str                      # text | html | record (a JSON Lines object's text)
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    error: ErrorInfo | None = None


def content_id(data: str | bytes) -> str:
    """A stable id for a document that has none: a short SHA-256 of its content."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:20]
