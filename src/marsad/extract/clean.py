"""Page debris removal for text bodies (plain-text pages and trafilatura output alike).

A scraped page keeps things that are not article text: the title repeated, a dateline, share
and print buttons, and truncated copies of the title left by share widgets. Each rule below
removes whole lines only, and only lines that cannot be body sentences, so no body sentence
is ever lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.normalize import norm
from ..resources import load_yaml, require
from ..time.absolute import DateMatch, find_dates

__all__ = ["CleanText", "clean_lines", "split_title"]

_PUNCT = re.compile(r"[\s\.,:;!?\-–—_|/\\•·*\"'«»()\[\]{}،؛؟]+")
#: A dateline is a short line that is mostly a date: after removing the date, at most this
#: many words may remain (a weekday, a place, a source: "القاهرة - الأربعاء 30/11/2016").
DATELINE_MAX_EXTRA_WORDS = 5


@dataclass(frozen=True)
class _Boilerplate:
    words: frozenset[str]
    phrases: tuple[str, ...]
    caption_share: float


@lru_cache(maxsize=None)
def _boilerplate() -> _Boilerplate:
    data = load_yaml("ar", "boilerplate.yaml")
    words = data.get("ui_words")
    require(isinstance(words, list) and words, "resources/ar/boilerplate.yaml", "ui_words list")
    share = float(data.get("title_caption_max_share", 0.95))
    normed = [norm(w) for w in words]
    return _Boilerplate(frozenset(w for w in normed if " " not in w),
                        tuple(sorted((w for w in normed if " " in w), key=len, reverse=True)),
                        share)


@dataclass(frozen=True)
class CleanText:
    text: str                   # the body, lines joined by "\n", paragraphs by a blank line
    published: DateMatch | None  # the dateline's date, if a dateline was found
    dateline: str | None        # the dateline line itself (it may name the place)


def _strip_ui(words: list[str], bp: _Boilerplate) -> list[str]:
    """Drop leading UI words (one or several, phrases included) from a normalised line."""
    i = 0
    while i < len(words):
        joined = " ".join(words[i:])
        for ph in bp.phrases:
            if joined.startswith(ph + " ") or joined == ph:
                i += ph.count(" ") + 1
                break
        else:
            if words[i] in bp.words:
                i += 1
                continue
            break
    return words[i:]


def _words(line: str) -> list[str]:
    return [w for w in _PUNCT.split(norm(line)) if w]


def _is_title_caption(words: list[str], title_words: list[str], bp: _Boilerplate) -> bool:
    if not words or not title_words or len(words) >= len(title_words):
        return False
    if len(words) > bp.caption_share * len(title_words):
        return False
    return title_words[: len(words)] == words


def _dateline(line: str) -> DateMatch | None:
    stripped = line.strip()
    if len(stripped) > 80:
        return None
    found = find_dates(stripped)
    if not found:
        return None
    d = found[0]
    rest = stripped[: d.start] + " " + stripped[d.end:]
    if len(_words(rest)) > DATELINE_MAX_EXTRA_WORDS:
        return None
    return d


def clean_lines(body: str, title: str | None, *, header_lines: int = 8) -> CleanText:
    """Remove debris lines from ``body``; the first dateline within the first
    ``header_lines`` non-empty lines gives the publication date."""
    bp = _boilerplate()
    title_words = _words(title or "")
    kept: list[str] = []
    published: DateMatch | None = None
    dateline: str | None = None
    seen = 0
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        seen += 1
        words = _words(line)
        if not words:
            continue  # punctuation or ornament only
        if title_words and words == title_words:
            continue  # the title repeated in the body
        if published is None and seen <= header_lines:
            d = _dateline(line)
            if d is not None:
                published, dateline = d, line
                continue
        rest = _strip_ui(words, bp)
        if not rest:
            continue  # buttons only
        if _is_title_caption(rest, title_words, bp):
            continue  # a truncated title left by a share widget, with or without buttons
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return CleanText("\n".join(kept), published, dateline)


def split_title(page: str) -> tuple[str | None, str]:
    """A plain-text page: the first non-empty line is the title, the rest the body."""
    lines = page.splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1:])
    return None, ""
