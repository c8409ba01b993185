"""Sentence and clause segmentation with offsets into the original text."""
from __future__ import annotations

import re

__all__ = ["split_sentences", "Span"]

Span = tuple[int, int]

# A sentence ends at . ! ? ؟ … (not between digits: 1.24) followed by space, or at a line
# break. Arabic news rarely abbreviates with a full stop, so no abbreviation list is needed.
_BOUNDARY = re.compile(r"(?<!\d)[.!?؟…]+[\"'»”)]*(?=\s)|(?<=\d)[.!?؟…]+(?=\s+\D)|\n+")


def split_sentences(text: str) -> list[Span]:
    """``(start, end)`` of each sentence; white space at the edges is not included."""
    spans: list[Span] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _push(text, pos, end, spans)
        pos = m.end()
    _push(text, pos, len(text), spans)
    return spans


def _push(text: str, a: int, b: int, spans: list[Span]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))
