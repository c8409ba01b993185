"""Date expressions of a sentence resolved against the publication date.

Explicit dates (``absolute.find_dates``) win; otherwise relative ones: أمس / اليوم / أول أمس,
a weekday (الأربعاء الماضي, يوم الخميس: the last such day on or before publication, as news
reports past events), a period with a direction (الشهر الماضي, العام المقبل), and ``منذ/قبل``
+ count + period (قبل ثلاثة أيام). All of it runs on the normalised sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..lang.normalize import norm
from ..resources import load_yaml
from .lexicon import alternation as _alt
from .lexicon import time_lexicon

__all__ = ["Resolved", "resolve_relative", "parse_published"]


@dataclass(frozen=True, slots=True)
class Resolved:
    nstart: int
    nend: int
    value: str
    precision: str


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None


@lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    data = load_yaml("ar", "numbers.yaml")
    out: dict[str, int] = {}
    for key in ("ones", "tens"):
        for w, v in (data.get(key) or {}).items():
            if isinstance(v, (int, float)) and float(v).is_integer():
                out[norm(str(w))] = int(v)
    return out


@dataclass(frozen=True)
class _Rx:
    rel_day: re.Pattern[str]
    weekday: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    lex = time_lexicon()
    pre = r"(?<!\w)(?:[وف]?(?:ب|ل|ال|بال|لل)?)"
    mods = _alt(lex.past | lex.future | lex.current)
    return _Rx(
        rel_day=re.compile(pre + f"({_alt(lex.relative_days)})(?!\\w)"),
        weekday=re.compile(pre + f"(?:يوم\\s+)?({_alt(lex.weekdays)})(?:\\s+({mods}))?(?!\\w)"),
        period=re.compile(pre + f"({_alt(lex.periods)})\\s+({mods})(?!\\w)"),
        ago=re.compile(pre + f"({_alt(lex.ago)})\\s+(\\d+|{_alt(_numbers())})\\s+"
                       f"({_alt(lex.periods)})(?!\\w)"),
    )


def _shift_month(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def resolve_relative(s: str, published: date | None) -> list[Resolved]:
    """Relative date expressions in the normalised string ``s``."""
    if published is None:
        return []
    lex = time_lexicon()
    rx = _rx()
    out: list[Resolved] = []
    rel_ends = set()
    for m in rx.rel_day.finditer(s):
        d = published + timedelta(days=lex.relative_days[m.group(1)])
        out.append(Resolved(m.start(1), m.end(1), d.isoformat(), "day"))
        rel_ends.add(m.end(1))
    for m in rx.weekday.finditer(s):
        if any(not s[e:m.start()].strip() for e in rel_ends if e <= m.start()):
            continue  # غدا الإثنين, أمس الجمعة: the weekday names the day already resolved
        wd = lex.weekdays[m.group(1)]
        mod = m.group(2)
        delta = (published.isoweekday() - wd) % 7
        if mod and mod in lex.future:
            d = published + timedelta(days=(wd - published.isoweekday()) % 7 or 7)
        elif mod and mod in lex.past and delta == 0:
            d = published - timedelta(days=7)
        else:
            d = published - timedelta(days=delta)
        out.append(Resolved(m.start(1), m.end(), d.isoformat(), "day"))
    for m in rx.period.finditer(s):
        unit, mod = lex.periods[m.group(1)], m.group(2)
        step = -1 if mod in lex.past else 1 if mod in lex.future else 0
        if unit == "year":
            out.append(Resolved(m.start(1), m.end(), f"{published.year + step:04d}", "year"))
        elif unit == "month":
            d = _shift_month(published, step)
            out.append(Resolved(m.start(1), m.end(), f"{d.year:04d}-{d.month:02d}", "month"))
        elif unit == "week":
            d = published + timedelta(weeks=step)
            out.append(Resolved(m.start(1), m.end(), f"{d.year:04d}-{d.month:02d}", "month"))
    for m in rx.ago.finditer(s):
        n_text, unit = m.group(2), lex.periods[m.group(3)]
        n = int(n_text) if n_text.isdigit() else _numbers().get(n_text, 0)
        if unit == "day":
            out.append(Resolved(m.start(1), m.end(), (published - timedelta(days=n)).isoformat(), "day"))
        elif unit == "week":
            d = published - timedelta(weeks=n)
            out.append(Resolved(m.start(1), m.end(), f"{d.year:04d}-{d.month:02d}", "month"))
        elif unit == "month":
            d = _shift_month(published, -n)
            out.append(Resolved(m.start(1), m.end(), f"{d.year:04d}-{d.month:02d}", "month"))
        elif unit == "year":
            out.append(Resolved(m.start(1), m.end(), f"{published.year - n:04d}", "year"))
    out.sort(key=lambda r: r.nstart)
    return out
