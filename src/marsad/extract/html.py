"""HTML pages: trafilatura for the body (comments off) and metadata, htmldate for the date,
with the corrections Arabic pages need."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import MarsadError
from ..time.absolute import find_dates

__all__ = ["PageContent", "extract_html"]

_YEAR_ONLY_GUESS = re.compile(r"^\d{4}-01-01$")


@dataclass(frozen=True)
class PageContent:
    title: str | None
    body: str
    published: str | None
    url: str | None


def _explicit_date(html: str, value: str) -> bool:
    """True when the page really states ``YYYY-01-01`` (not a year-only guess)."""
    y = value[:4]
    return any(p in html for p in (value, f"01/01/{y}", f"1/1/{y}", f"{y}/01/01"))


def extract_html(html: str, url: str | None = None) -> PageContent:
    import trafilatura
    from htmldate import find_date
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception as exc:
        raise MarsadError("E_NO_CONTENT", f"unparsable HTML: {str(exc)[:120]}") from exc
    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=True,
                                      include_tables=True)
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    page_url = (getattr(doc, "url", None) if doc is not None else None) or url
    published: str | None = None
    try:
        found = find_date(tree, extensive_search=True, original_date=True,
                          outputformat="%Y-%m-%dT%H:%M:%S", url=url)
    except Exception:
        found = None
    if found:
        day = found[:10]
        if _YEAR_ONLY_GUESS.match(day) and not _explicit_date(html, day):
            found = None  # htmldate's year-only fallback is not a publication date
    if found:
        published = found[:10] if found.endswith("T00:00:00") else found
    if not body.strip():
        raise MarsadError("E_NO_CONTENT")
    return PageContent(title, body, published, page_url)


def dateline_date(text: str, window: int = 600) -> str | None:
    """An Arabic dateline near the top of a body (htmldate misses ``30/نوفمبر/2016 - 05:25 م``)."""
    found = find_dates(text[:window])
    return found[0].iso() if found and found[0].precision == "day" else None
