"""Arabic normalisation for matching, with a map back to the original offsets.

The shown ``text`` is never changed; matching runs over a normalised copy in which
- diacritics (harakat, shadda, sukun, superscript alef) and tatweel are removed,
- hamza/madda alef variants أ إ آ ٱ become ا, ة becomes ه, ى becomes ي, ؤ و and ئ ي,
- Arabic-Indic and Persian digits become ASCII digits, Latin letters are lower-cased,
- every run of white space becomes one space.
``Normalized.span(a, b)`` turns a span of the normalised copy into a span of the original.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "norm", "is_letter", "ARABIC_LETTER"]

_DELETE = "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a" \
          "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656" \
          "\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670\u0640\u200c\u200d" \
          "\u200e\u200f\u06e1"
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "ے": "ي",
    **{chr(0x0660 + i): str(i) for i in range(10)},   # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},   # Persian digits
    "٪": "%", "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?",
}
_TABLE = str.maketrans({**_MAP, **{c: None for c in _DELETE}})
_NEEDS_INDEX = re.compile("[" + re.escape(_DELETE) + r"]|\s{2,}|[\t\n\r\f\v\u00a0]")
_SPACE = re.compile(r"\s+")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def is_letter(ch: str) -> bool:
    return ch.isalnum()


def norm(s: str) -> str:
    """Normalise a short string (a dictionary entry) without keeping offsets."""
    return _SPACE.sub(" ", s.translate(_TABLE)).strip().lower()


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of ``original`` and the offset map between the two."""
    original: str
    text: str
    index: Sequence[int] | None  # index[i] = original offset of text[i]; None = identity

    def orig(self, i: int) -> int:
        if self.index is None:
            return i
        if i >= len(self.text):
            return len(self.original)
        return self.index[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised ``[start, end)``."""
        if self.index is None:
            return start, end
        if end <= start:
            s = self.orig(start)
            return s, s
        return self.index[start], self.index[end - 1] + 1


_SPECIAL = re.compile("[" + re.escape(_DELETE) + r"]+|\s{2,}|[\t\n\r\f\v\u00a0]")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching, keeping the offset map.

    Only the few places where the length changes (deleted marks, runs of white space,
    line breaks) are handled one by one; the text between them is translated in bulk and
    its offsets added as ranges, so a long article costs a few C-level passes."""
    if not _NEEDS_INDEX.search(text):
        fast = text.translate(_TABLE).lower()
        if len(fast) == len(text):
            return Normalized(text, fast, None)
    out: list[str] = []
    index = array("i")
    pos = 0
    prev_space = False
    for m in _SPECIAL.finditer(text):
        a, b = m.start(), m.end()
        if a > pos:
            seg = text[pos:a].translate(_TABLE).lower()
            if len(seg) != a - pos:
                return _normalize_slow(text)
            out.append(seg)
            index.extend(range(pos, a))
            prev_space = seg.endswith(" ")
        if m.group(0)[0].isspace():
            if not prev_space:
                out.append(" ")
                index.append(a)
                prev_space = True
        pos = b
    if pos < len(text):
        seg = text[pos:].translate(_TABLE).lower()
        if len(seg) != len(text) - pos:
            return _normalize_slow(text)
        out.append(seg)
        index.extend(range(pos, len(text)))
    joined = "".join(out)
    if "  " in joined:  # a space next to a collapsed run: fall back to the exact path
        return _normalize_slow(text)
    return Normalized(text, joined, index)


def _normalize_slow(text: str) -> Normalized:
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            index.append(i)
            prev_space = True
            continue
        t = ch.translate(_TABLE)
        if not t:
            continue  # a deleted mark between two spaces does not separate them
        prev_space = False
        t = t.lower()
        for c in t:
            out.append(c)
            index.append(i)
    return Normalized(text, "".join(out), array("i", index))
