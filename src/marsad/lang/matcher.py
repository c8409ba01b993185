"""Clitic-aware dictionary matching with an Aho-Corasick automaton.

Entries are normalised (``normalize.norm``) and stored once; a match in a normalised text is
kept only when
- it starts at a word start, or after a valid chain of proclitics (و ف + ب ل ك + ال, and
  س / ل before verbs): والتحالف, بالموصل, للتنظيم (ل + ال contracts to لل), وبالعراق, سيقتل;
- it ends at a word end, or before a pronoun suffix the entry allows (قتلهم, حكومته: a final
  ه written for ة becomes ت before a suffix);
- no longer match overlaps it (longest match wins, then the leftmost).
An entry written with ال only matches definite words (الجيش does not match جيش), and an
entry without ال does not match a word carrying the article (جيش does not match الجيش).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

from .normalize import Normalized, norm

__all__ = ["Match", "Matcher", "PREFIX_NAME", "PREFIX_VERB", "SUFFIX_PRONOUN"]

T = TypeVar("T")

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
#: proclitic chains allowed before an indefinite noun or a name (و, ف, ب, ل, ك and pairs)
PREFIX_NAME: frozenset[str] = frozenset(c + p for c in _CONJ for p in _PREP)
#: chains ending in the article, for entries written with ال (ل + ال -> لل)
PREFIX_DEF: frozenset[str] = frozenset(
    (c + p + "ال") if p != "ل" else (c + "لل") for c in _CONJ for p in _PREP)
#: before verbs: conjunction, then the future س or the subjunctive/jussive ل
PREFIX_VERB: frozenset[str] = frozenset(c + x for c in _CONJ for x in ("", "س", "ل"))
#: attached pronouns. The first person ي / ني is left out: on a verb it is rare in news and
#: its matches are mostly nouns (أيدي, جندي, طالبي, سلمي).
SUFFIX_PRONOUN: frozenset[str] = frozenset(
    {"", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا"})
_NO_SUFFIX: frozenset[str] = frozenset({""})


_MARKS = re.compile("[\u064b-\u0652\u0640\u0670]")


def _strip_marks(s: str) -> str:
    return _MARKS.sub("", s.strip())


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A dictionary hit: normalised span, original span, the entry's payload."""
    start: int          # original offsets (into the shown text)
    end: int
    nstart: int         # normalised offsets (the article, when present, included)
    nend: int
    key: str            # the normalised entry that matched
    prefix: str         # the proclitics in front of it (و, ب, وب ...; not the article)
    suffix: str         # the pronoun suffix after it
    value: T


class _Entry(NamedTuple):
    """One entry (a NamedTuple: tens of thousands of them unpickle fast from the cache)."""
    key: str
    value: Any
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    ta_suffix_only: bool  # the key is the ت-variant of a final ه: needs a non-empty suffix


class Matcher(Generic[T]):
    """Longest-match, clitic-aware multi-pattern matcher over normalised text."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[_Entry]] = {}
        self._built = False

    def __len__(self) -> int:
        return sum(len(v) for v in self._entries.values())

    def add(self, surface: str, value: T, *, verb: bool = False,
            suffixes: Iterable[str] | None = None, optional_article: bool = False,
            prefixes: Iterable[str] | None = None) -> None:
        """Add one entry. ``verb`` selects verb proclitics; ``suffixes`` the allowed enclitics
        (default: none for names and nouns, pronouns for verbs); ``optional_article`` lets an
        entry written without ال also match with it (nisba adjectives: أمريكية / الأمريكية);
        ``prefixes`` replaces the proclitic chains allowed (number words refuse ك: كمية)."""
        key = norm(surface)
        # only a plain alef + lam is the article: ألف, آلاف begin with a hamza-alef
        definite = _strip_marks(surface).startswith("ال")
        if len(key) < 2:
            raise ValueError(f"dictionary entry too short to match safely: {surface!r}")
        sfx = frozenset(suffixes) if suffixes is not None else (
            SUFFIX_PRONOUN if verb else _NO_SUFFIX)
        if prefixes is not None:
            pre = frozenset(prefixes)
        elif verb:
            pre = PREFIX_VERB
        elif definite and len(key) > 3:
            key_core = key[2:]
            self._add(_Entry(key_core, value, PREFIX_DEF, sfx, False))
            if key_core.endswith("ه") and len(sfx) > 1:
                self._add(_Entry(key_core[:-1] + "ت", value, PREFIX_DEF, sfx, True))
            return
        else:
            pre = PREFIX_NAME | PREFIX_DEF if optional_article else PREFIX_NAME
        self._add(_Entry(key, value, pre, sfx, False))
        if key.endswith("ه") and len(sfx) > 1:
            self._add(_Entry(key[:-1] + "ت", value, pre, sfx, True))

    def _add(self, entry: _Entry) -> None:
        self._built = False
        bucket = self._entries.setdefault(entry.key, [])
        if any(e.value == entry.value and e.prefixes == entry.prefixes for e in bucket):
            return
        bucket.append(entry)

    def build(self) -> None:
        self._automaton = ahocorasick.Automaton()
        for key in self._entries:
            self._automaton.add_word(key, key)
        if self._entries:
            self._automaton.make_automaton()
        self._built = True

    def find(self, text: Normalized, *, longest: bool = True) -> list[Match[T]]:
        """All accepted matches in ``text`` (non-overlapping when ``longest``)."""
        if not self._built:
            self.build()
        if not self._entries:
            return []
        s = text.text
        n = len(s)
        found: list[Match[T]] = []
        for end_idx, key in self._automaton.iter(s):
            nend = end_idx + 1
            nstart = nend - len(key)
            ws = nstart
            while ws > 0 and _is_word_char(s[ws - 1]):
                ws -= 1
            if nstart - ws > 6:
                continue
            prefix = s[ws:nstart]
            we = nend
            while we < n and _is_word_char(s[we]):
                we += 1
            if we - nend > 4:
                continue
            suffix = s[nend:we]
            if suffix[:1] == "ه" and text.original[text.orig(nend)] == "ة":
                suffix = "\x00"  # a ta marbuta is part of a noun (إضافة), never a pronoun
            for entry in self._entries[key]:
                if prefix not in entry.prefixes or suffix not in entry.suffixes:
                    continue
                if entry.ta_suffix_only and not suffix:
                    continue
                # the article belongs to the mention (العراق), other proclitics do not (وب)
                if prefix.endswith("ال"):
                    mstart, pre = nstart - 2, prefix[:-2]
                else:
                    mstart, pre = nstart, prefix
                a, b = text.span(mstart, nend)
                found.append(Match(a, b, mstart, nend, key, pre, suffix, entry.value))
        if not longest or len(found) < 2:
            return sorted(found, key=lambda m: (m.nstart, -m.nend))
        found.sort(key=lambda m: (-(m.nend - m.nstart), m.nstart))
        taken: list[tuple[int, int]] = []
        kept: list[Match[T]] = []
        for m in found:
            # a match must not overlap a longer one (counting its clitics as part of the word)
            if any(m.nstart < e and s0 < m.nend for s0, e in taken):
                if not any(m.nstart == s0 and m.nend == e for s0, e in taken):
                    continue
            kept.append(m)
            taken.append((m.nstart, m.nend))
        kept.sort(key=lambda m: (m.nstart, -m.nend))
        return kept

    def values_at(self, key: str) -> list[Any]:
        return [e.value for e in self._entries.get(norm(key), [])]
