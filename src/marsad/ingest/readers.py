"""Input readers: files, folders and standard input -> ``Document`` stream (input order)."""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import ERRORS, MAX_DOCUMENT_BYTES, MarsadError
from ..model import ErrorInfo
from .decode import decode_bytes, looks_binary
from .document import Document, content_id

__all__ = ["iter_documents", "read_bytes_document", "sniff", "KINDS"]

KINDS = ("text", "html", "jsonl", "feed", "warc")
_SUFFIX = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".rss": "feed",
           ".atom": "feed", ".xml": "feed", ".warc": "warc"}


def _error_doc(doc_id: str, source: str, code: str, detail: str | None = None) -> Document:
    message = ERRORS[code] + (f": {detail}" if detail else "")
    return Document(id=doc_id, source=source, kind="error", error=ErrorInfo(code, message))


def sniff(name: str, head: bytes) -> str:
    """The kind of an input from its name and its first bytes (content wins when clear)."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc")) or head.startswith(b"WARC/"):
        return "warc"
    if head[:2] == b"\x1f\x8b":
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except Exception:
            inner = b""
        if inner.startswith(b"WARC/"):
            return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    low = stripped[:2048].lower()
    if stripped.startswith(b"{"):
        return "jsonl"
    if low.startswith(b"<?xml") or low.startswith(b"<rss") or low.startswith(b"<feed"):
        if b"<rss" in low or b"<feed" in low or b"<rdf" in low:
            return "feed"
    if low.startswith(b"<!doctype html") or b"<html" in low or b"<body" in low or b"<div" in low \
            or b"<p>" in low or b"<head" in low:
        return "html"
    suffix = Path(lower).suffix
    return _SUFFIX.get(suffix, "text")


def read_bytes_document(data: bytes, source: str, kind: str, doc_id: str | None = None,
                        **meta: str | None) -> Document:
    """A whole-file text or HTML document from its bytes (errors become error documents)."""
    fallback_id = doc_id or source
    if not data.strip():
        return _error_doc(fallback_id, source, "E_EMPTY")
    if len(data) > MAX_DOCUMENT_BYTES:
        return _error_doc(fallback_id, source, "E_TOO_LARGE",
                          f"{len(data)} bytes > {MAX_DOCUMENT_BYTES}")
    try:
        text, _encoding = decode_bytes(data)
    except MarsadError as exc:
        return _error_doc(fallback_id, source, exc.code)
    if not text.strip():
        return _error_doc(fallback_id, source, "E_EMPTY")
    did = doc_id or content_id(data)
    if kind == "html":
        return Document(id=did, source=source, kind="html", html=text, **meta)
    return Document(id=did, source=source, kind="text", text=text, **meta)


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def _record_document(line: bytes, source: str, lineno: int) -> Document:
    fallback = f"{source}:{lineno}"
    if len(line) > MAX_DOCUMENT_BYTES:
        return _error_doc(fallback, source, "E_TOO_LARGE", f"line {lineno}")
    try:
        text_line, _ = decode_bytes(line)
        obj = json.loads(text_line)
    except MarsadError as exc:
        return _error_doc(fallback, source, exc.code, f"line {lineno}")
    except (json.JSONDecodeError, RecursionError) as exc:
        return _error_doc(fallback, source, "E_JSON", f"line {lineno}: {exc}")
    if not isinstance(obj, dict):
        return _error_doc(fallback, source, "E_JSON_FIELDS", f"line {lineno} is not an object")
    doc_id = _str_or_none(obj.get("id"))
    meta = {k: _str_or_none(obj.get(k)) for k in ("url", "title", "published", "language")}
    text, html = obj.get("text"), obj.get("html")
    if isinstance(html, str) and html.strip():
        return Document(id=doc_id or content_id(html), source=fallback, kind="html", html=html,
                        **meta)
    if isinstance(text, str) and text.strip():
        return Document(id=doc_id or content_id(text), source=fallback, kind="record", text=text,
                        **meta)
    if isinstance(text, str) or isinstance(html, str):
        return _error_doc(doc_id or fallback, source, "E_EMPTY", f"line {lineno}")
    return _error_doc(doc_id or fallback, source, "E_JSON_FIELDS", f"line {lineno}")


def _iter_lines(stream: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Lines of a binary stream; a line over the size limit comes back truncated, flagged."""
    while True:
        line = stream.readline(MAX_DOCUMENT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line without holding it
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line, True
        else:
            yield line, False


def _iter_jsonl(stream: BinaryIO, source: str) -> Iterator[Document]:
    seen_any = False
    for lineno, (line, oversized) in enumerate(_iter_lines(stream), start=1):
        if oversized:
            seen_any = True
            yield _error_doc(f"{source}:{lineno}", source, "E_TOO_LARGE", f"line {lineno}")
            continue
        if not line.strip():
            continue
        seen_any = True
        yield _record_document(line, source, lineno)
    if not seen_any:
        yield _error_doc(source, source, "E_EMPTY", "no JSON Lines records")


def _iter_stream(stream: BinaryIO, name: str) -> Iterator[Document]:
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    kind = sniff(name, head)
    if kind == "jsonl":
        yield from _iter_jsonl(stream, name)
        return
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield _error_doc(name, name, "E_TOO_LARGE", f"more than {MAX_DOCUMENT_BYTES} bytes")
        return
    if kind == "warc":
        from .warc import iter_warc
        yield from iter_warc(io.BytesIO(data), name)
    elif kind == "feed":
        from .feeds import iter_feed
        yield from iter_feed(data, name)
    else:
        yield read_bytes_document(data, name, kind)


def _iter_file(path: Path) -> Iterator[Document]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield _error_doc(name, name, "E_EMPTY")
            return
        with open(path, "rb") as raw:
            stream = io.BufferedReader(raw, buffer_size=1 << 16)  # type: ignore[arg-type]
            head = stream.peek(4096)[:4096]
            kind = sniff(name, head)
            if kind == "jsonl":
                yield from _iter_jsonl(stream, name)
            elif kind == "warc":
                from .warc import iter_warc
                yield from iter_warc(stream, name)
            elif size > MAX_DOCUMENT_BYTES:
                yield _error_doc(name, name, "E_TOO_LARGE",
                                 f"{size} bytes > {MAX_DOCUMENT_BYTES}")
            elif kind == "feed":
                from .feeds import iter_feed
                yield from iter_feed(stream.read(), name)
            else:
                if looks_binary(head):
                    yield _error_doc(name, name, "E_BINARY")
                    return
                yield read_bytes_document(stream.read(), name, kind)
    except OSError as exc:
        yield _error_doc(name, name, "E_IO", str(exc))


def _expand(inputs: Iterable[str]) -> Iterator[str]:
    for item in inputs:
        if item == "-":
            yield item
            continue
        p = Path(item)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                rel = sub.relative_to(p)
                if sub.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield str(sub)
        else:
            yield item


def iter_documents(inputs: Iterable[str] | None = None,
                   stdin: BinaryIO | None = None) -> Iterator[Document]:
    """Every document of every input, in order. ``-`` or no input reads standard input."""
    items = list(inputs or []) or ["-"]
    for item in _expand(items):
        if item == "-":
            raw = stdin or sys.stdin.buffer
            stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore
            yield from _iter_stream(stream, "<stdin>")
        elif not os.path.exists(item):
            yield _error_doc(item, item, "E_IO", "no such file or folder")
        else:
            yield from _iter_file(Path(item))
