"""The stage order, and the one error handler per document.

    Document --extract--> Article --analyse--> Record

``process`` never raises: a document that fails at any stage gets a record with an error
code from ``errors.ERRORS`` in its place, keeping its id, so a run never loses a document.
"""
from __future__ import annotations

import traceback

from .errors import ERRORS, MarsadError
from .extract import Article, extract_article
from .ingest.document import Document
from .model import ErrorInfo, Record

__all__ = ["process", "analyse", "error_record"]


def error_record(doc: Document, code: str, message: str) -> Record:
    return Record(id=doc.id, url=doc.url, title=doc.title, published=doc.published,
                  language=doc.language, error=ErrorInfo(code, message))


def analyse(article: Article) -> Record:
    """Article -> Record: entities, events, quotes, quantities, relations, conflicts."""
    from .analysis import analyse_article
    return analyse_article(article)


def process(doc: Document, lang: str = "auto") -> Record:
    """One document through every stage; errors become error records."""
    if doc.error is not None:
        return error_record(doc, doc.error.code, doc.error.message)
    try:
        article = extract_article(doc, lang)
        if not article.text.strip():
            raise MarsadError("E_NO_CONTENT")
        return analyse(article)
    except MarsadError as exc:
        return error_record(doc, exc.code, exc.message)
    except Exception as exc:  # never crash a run: record what went wrong, keep going
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"{type(exc).__name__}: {exc} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return error_record(doc, "E_INTERNAL", f"{ERRORS['E_INTERNAL']}: {detail[:300]}")
