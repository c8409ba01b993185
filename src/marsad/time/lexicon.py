"""The time vocabulary (month names of all Arab regions, Hijri months, weekdays, relative
days, AM/PM markers), loaded from ``resources/<lang>/time.yaml`` and validated."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.normalize import norm
from ..resources import load_yaml, require

__all__ = ["TimeLexicon", "time_lexicon", "alternation"]


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first (so كانون الثاني beats كانون), that
    never matches when there are none."""
    ws = sorted({str(w) for w in words if w}, key=len, reverse=True)  # type: ignore[union-attr]
    return "|".join(re.escape(w) for w in ws) or "(?!x)x"


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]          # normalised name -> 1..12 (Gregorian, all languages)
    hijri_months: dict[str, int]
    hijri_markers: frozenset[str]
    weekdays: dict[str, int]        # normalised name -> ISO weekday 1..7
    relative_days: dict[str, int]   # normalised word -> offset in days
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    periods: dict[str, str]         # word -> day | week | month | year
    ago: frozenset[str]
    am: frozenset[str]
    pm: frozenset[str]


def _names(where: str, mapping: object, lo: int, hi: int) -> dict[str, int]:
    require(isinstance(mapping, dict), where, "must be a mapping number -> names")
    out: dict[str, int] = {}
    for num, names in mapping.items():  # type: ignore[union-attr]
        require(isinstance(num, int) and lo <= num <= hi, where, f"bad key {num!r}")
        require(isinstance(names, list) and names, where, f"{num}: needs a list of names")
        for name in names:
            key = norm(str(name))
            require(out.get(key, num) == num, where, f"{name!r} given two values")
            out[key] = num
    require(set(out.values()) == set(range(lo, hi + 1)), where, f"must cover {lo}..{hi}")
    return out


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(norm(str(w)) for w in data.get(key) or [])


@lru_cache(maxsize=None)
def time_lexicon(langs: tuple[str, ...] = ("ar", "en")) -> TimeLexicon:
    months: dict[str, int] = {}
    hijri: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    rel: dict[str, int] = {}
    periods: dict[str, str] = {}
    sets: dict[str, set[str]] = {k: set() for k in
                                 ("past", "future", "current", "ago", "am", "pm", "hijri")}
    for lang in langs:
        where = f"resources/{lang}/time.yaml"
        data = load_yaml(lang, "time.yaml")
        months.update(_names(where + ":months", data.get("months"), 1, 12))
        weekdays.update(_names(where + ":weekdays", data.get("weekdays"), 1, 7))
        if data.get("hijri_months"):
            hijri.update(_names(where + ":hijri_months", data["hijri_months"], 1, 12))
        for word, off in (data.get("relative_days") or {}).items():
            require(isinstance(off, int), where, f"relative_days {word!r} must be an integer")
            rel[norm(str(word))] = off
        for unit, words in (data.get("periods") or {}).items():
            require(unit in ("day", "week", "month", "year"), where, f"unknown period {unit}")
            for w in words:
                periods[norm(str(w))] = unit
        mods = data.get("relative_modifiers") or {}
        for k in ("past", "future", "current"):
            sets[k] |= _words(mods, k)
        sets["ago"] |= _words(data, "ago")
        ampm = data.get("ampm") or {}
        sets["am"] |= _words(ampm, "am")
        sets["pm"] |= _words(ampm, "pm")
        sets["hijri"] |= _words(data, "hijri_markers")
    return TimeLexicon(months, hijri, frozenset(sets["hijri"]), weekdays, rel,
                       frozenset(sets["past"]), frozenset(sets["future"]),
                       frozenset(sets["current"]), periods, frozenset(sets["ago"]),
                       frozenset(sets["am"]), frozenset(sets["pm"]))
