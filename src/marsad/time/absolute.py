"""Explicit date expressions: ``30/نوفمبر/2016 - 05:25 م``, ``15 أغسطس 2014``, ``كانون الثاني
2017``, ``2016-11-30``, ``30/11/2016``, ``12 ربيع الأول 1438 هـ`` and English ``March 3, 2010``.

The search runs on normalised text (Arabic-Indic digits already ASCII) with one regular
expression built from the month names in ``resources/*/time.yaml``; it never calls a general
date parser on every token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ..lang.normalize import Normalized, normalize
from .lexicon import TimeLexicon, time_lexicon
from .lexicon import alternation as _alt

__all__ = ["DateMatch", "find_dates", "parse_datetime"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int             # original offsets
    end: int
    year: int
    month: int | None
    day: int | None
    hour: int | None = None
    minute: int | None = None
    calendar: str = "gregorian"

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def value(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def iso(self) -> str:
        if self.hour is not None and self.day:
            return f"{self.value}T{self.hour:02d}:{self.minute or 0:02d}:00"
        return self.value


@dataclass(frozen=True)
class _Patterns:
    dmy: re.Pattern[str]
    my: re.Pattern[str]
    mdy: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    hijri: re.Pattern[str]
    clock: re.Pattern[str]


@lru_cache(maxsize=None)
def _patterns() -> _Patterns:
    lex = time_lexicon()
    month = _alt(lex.months)
    hmonth = _alt(lex.hijri_months)
    hmark = _alt(lex.hijri_markers)
    ampm = _alt(lex.am | lex.pm)
    sep = r"\s*[/\-.,]?\s*"
    # optional Maghreb double naming: "ديسمبر/كانون الأول" is covered by listing both names
    return _Patterns(
        dmy=re.compile(rf"(?<![\w/])(\d{{1,2}})(?:st|nd|rd|th)?{sep}(?:[وبل]?)({month})"
                       rf"(?:\s*[/(]\s*(?:{month})\s*\)?)?{sep}(\d{{4}})(?!\d)"),
        my=re.compile(rf"(?<!\w)(?:[وبلف]{{0,2}})({month}){sep}(?:(?:من|عام|سنة)\s+)?(\d{{4}})(?!\d)"),
        mdy=re.compile(rf"(?<!\w)({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"),
        numeric=re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/.\-])"),
        iso=re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2}))?(?!\d)"),
        hijri=re.compile(rf"(?<!\w)(\d{{1,2}})\s+({hmonth})\s+(\d{{4}})\s*(?:{hmark})?(?!\w)"),
        clock=re.compile(rf"\s*[-–,|]?\s*(?:الساعه\s*)?(\d{{1,2}}):(\d{{2}})(?::\d{{2}})?\s*({ampm})?(?!\w)"),
    )


def _valid(y: int, m: int | None, d: int | None) -> bool:
    if not 1800 <= y <= 2100:
        return False
    if m is None:
        return True
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _clock(lex: TimeLexicon, p: _Patterns, s: str, pos: int) -> tuple[int | None, int | None, int]:
    m = p.clock.match(s, pos)
    if not m:
        return None, None, pos
    h, mi = int(m.group(1)), int(m.group(2))
    marker = m.group(3)
    if marker and marker in lex.pm and h < 12:
        h += 12
    elif marker and marker in lex.am and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None, None, pos
    return h, mi, m.end()


def find_dates(text: str | Normalized) -> list[DateMatch]:
    """Every explicit date in ``text``, left to right, non-overlapping."""
    nt = text if isinstance(text, Normalized) else normalize(text)
    s = nt.text
    lex = time_lexicon()
    p = _patterns()
    raw: list[tuple[int, int, int, int | None, int | None, str]] = []
    for m in p.iso.finditer(s):
        raw.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)), "g"))
    for m in p.dmy.finditer(s):
        raw.append((m.start(), m.end(), int(m.group(3)), lex.months[m.group(2)], int(m.group(1)), "g"))
    for m in p.mdy.finditer(s):
        raw.append((m.start(), m.end(), int(m.group(3)), lex.months[m.group(1)], int(m.group(2)), "g"))
    for m in p.numeric.finditer(s):
        raw.append((m.start(), m.end(), int(m.group(4)), int(m.group(3)), int(m.group(1)), "g"))
    for m in p.my.finditer(s):
        raw.append((m.start(1), m.end(), int(m.group(2)), lex.months[m.group(1)], None, "g"))
    for m in p.hijri.finditer(s):
        raw.append((m.start(), m.end(), int(m.group(3)), lex.hijri_months[m.group(2)], int(m.group(1)), "h"))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    out: list[DateMatch] = []
    last_end = -1
    for a, b, y, mo, d, cal in raw:
        if a < last_end:
            continue
        calendar = "gregorian"
        if cal == "h":
            try:
                from hijridate import Hijri
                g = Hijri(y, mo or 1, d or 1).to_gregorian()
                y, mo, d = g.year, g.month, g.day
                calendar = "hijri"
            except Exception:
                continue
        if not _valid(y, mo, d):
            continue
        hour = minute = None
        end = b
        if d:
            hour, minute, end = _clock(lex, p, s, b)
        oa, ob = nt.span(a, end)
        out.append(DateMatch(oa, ob, y, mo, d, hour, minute, calendar))
        last_end = end
    return out


def parse_datetime(text: str) -> DateMatch | None:
    """The first explicit date (with its clock time, if any) in a short string."""
    found = find_dates(text)
    return found[0] if found else None


def iso_or_none(value: str | None) -> str | None:
    """Validate an ISO 8601 date/datetime string from input metadata; None if unusable."""
    if not value:
        return None
    v = value.strip()
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
        return v
    except ValueError:
        m = parse_datetime(v)
        return m.iso() if m else None
