"""Document -> Article: clean body, title, publication date and language.

The cascade, for every document:
  1. body:      HTML through trafilatura; plain-text pages split into title and body;
                JSON Lines text is already a body.
  2. debris:    title repeats, datelines, buttons and title captions removed (``clean``).
  3. published: the input's own date, else htmldate (HTML), else the page's dateline.
  4. language:  the input's own, else script count, else lingua.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..ingest.document import Document
from ..time.absolute import iso_or_none
from .clean import clean_lines, split_title
from .html import dateline_date, extract_html
from .language import detect_language

__all__ = ["Article", "extract_article"]


@dataclass(frozen=True)
class Article:
    id: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    text: str
    dateline: str | None = None


def extract_article(doc: Document, lang: str = "auto") -> Article:
    """Raise ``MarsadError`` when no body can be had; the pipeline turns it into a record."""
    published = iso_or_none(doc.published)
    dateline = None
    if doc.kind in ("html", "fragment"):
        page = extract_html(doc.html or "", doc.url)
        title = doc.title or page.title
        cleaned = clean_lines(page.body, title)
        text = cleaned.text
        published = published or page.published or (
            cleaned.published.iso() if cleaned.published else None) or dateline_date(text)
        url = doc.url or page.url
        dateline = cleaned.dateline
    elif doc.kind == "text":
        title, body = split_title(doc.text or "")
        title = doc.title or title
        cleaned = clean_lines(body, title)
        text = cleaned.text
        published = published or (cleaned.published.iso() if cleaned.published else None)
        url = doc.url
        dateline = cleaned.dateline
    else:  # a JSON Lines record: the text is the body as given; offsets index into it
        title, text, url = doc.title, doc.text or "", doc.url
    if lang != "auto":
        language: str | None = lang
    else:
        language = doc.language or detect_language(text or title or "")
    return Article(doc.id, url, title, published, language, text, dateline)
