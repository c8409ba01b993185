"""Article -> Record: the language analysis stages, in order.

Each stage reads the ``Annotated`` article and returns what it adds; nothing reaches back
into an earlier stage's internals.
"""
from __future__ import annotations

from .extract import Article
from .model import Record

__all__ = ["analyse_article"]


def analyse_article(article: Article) -> Record:
    return Record(id=article.id, url=article.url, title=article.title,
                  published=article.published, language=article.language, text=article.text)


def warm_up() -> None:
    """Load every resource now (a worker calls this once, before its first document)."""
