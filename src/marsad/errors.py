"""The one catalogue of per-document error codes.

A document that cannot be read never crashes a run and is never dropped: its record carries
``{"code": CODE, "message": ...}``. Codes are stable strings; messages are for people.
"""
from __future__ import annotations

__all__ = ["ERRORS", "MarsadError", "MAX_DOCUMENT_BYTES"]

#: Documents above this size are refused with ``E_TOO_LARGE``. News pages, even with inline
#: scripts, stay well under 5 MB; 20 MB leaves room for heavy pages while keeping one
#: document's working memory bounded.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

ERRORS: dict[str, str] = {
    "E_EMPTY": "the document is empty (no bytes, or only white space)",
    "E_DECODE": "the bytes could not be decoded as text in any supported encoding",
    "E_BINARY": "the input is binary data, not text, HTML or JSON",
    "E_JSON": "a JSON Lines line is not valid JSON",
    "E_JSON_FIELDS": "a JSON Lines object has neither a 'text' nor an 'html' string",
    "E_TOO_LARGE": "the document is larger than the size limit",
    "E_NO_CONTENT": "no article body could be extracted from the page",
    "E_IO": "the input could not be read",
    "E_WARC": "a WARC record could not be read",
    "E_FEED": "the feed could not be parsed",
    "E_INTERNAL": "an unexpected error while processing the document (a bug: please report it)",
}


class MarsadError(Exception):
    """An error tied to one document, carrying a catalogue code."""

    def __init__(self, code: str, detail: str | None = None) -> None:
        if code not in ERRORS:
            raise ValueError(f"unknown error code {code}")
        self.code = code
        self.message = ERRORS[code] + (f": {detail}" if detail else "")
        super().__init__(self.message)
