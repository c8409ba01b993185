"""Reported numbers: digits (Western, Arabic-Indic, decimals, % and ٪) and number words
(ثلاثين, خمسة وعشرين, نحو ألفي, عشرات الآلاف, مئات الآلاف), with unit, qualifier, the country
the sentence ties them to, and the event they measure.

Vocabulary: ``resources/ar/numbers.yaml``. Numbers inside dates (15 أغسطس 2014) and bare
years are not quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang.matcher import Matcher
from ..lang.normalize import norm
from ..model import Event, Quantity
from ..resources import load_yaml, require

__all__ = ["find_quantities", "number_lexicon"]

_NUM = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_CLITICS = "وبلف"


def _digit_ok(s: str, start: int) -> bool:
    """A number starts a word, or follows one proclitic letter (و27, ب20)."""
    if start == 0 or not s[start - 1].isalnum():
        return True
    return s[start - 1] in _CLITICS and (start == 1 or not s[start - 2].isalnum())
_PCT = re.compile(r"\s?%")
#: How many tokens after (or before) a number its counted noun may be.
UNIT_WINDOW_AFTER = 2
UNIT_WINDOW_BEFORE = 4
#: units whose count measures an ASSAULT (fatalities and injuries)
ASSAULT_UNITS = frozenset({"killed", "wounded", "victims", "hostages"})
#: units that count people, and what can happen to them (the outcome wins when both are
#: next to a number); reach in characters on either side
PERSON_UNITS = frozenset({"people", "soldiers", "police", "fighters", "civilians", "children",
                          "women", "men", "participants", "protesters", "workers", "families"})
OUTCOME_UNITS = frozenset({"killed", "wounded", "arrested", "detained", "displaced",
                           "hostages", "victims"})
OUTCOME_REACH = 12
#: a count of countries is not "of" a country
COUNTRYLESS_UNITS = frozenset({"country"})
_NUMBER_PREFIXES = frozenset({"", "و", "ب", "ل", "وب", "ول", "ف"})


@dataclass
class NumberLexicon:
    words: Matcher[tuple[str, float]] = field(default_factory=Matcher)   # kind, value
    units: Matcher[str] = field(default_factory=Matcher)
    approx: Matcher[str] = field(default_factory=Matcher)
    percent_words: frozenset[str] = frozenset()
    unit_of: dict[str, str] = field(default_factory=dict)  # listed word -> unit code


@lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    where = "resources/ar/numbers.yaml"
    data = load_yaml("ar", "numbers.yaml")
    lex = NumberLexicon()
    for kind in ("ones", "tens", "hundreds", "scales", "vague", "fractions"):
        for w, v in (data.get(kind) or {}).items():
            require(isinstance(v, (int, float)), where, f"{kind}: {w!r} needs a number")
            if len(norm(str(w))) >= 2:
                lex.words.add(str(w), (kind, float(v)), prefixes=_NUMBER_PREFIXES)
    for unit, words in (data.get("units") or {}).items():
        for w in words:
            if len(norm(str(w))) >= 2:
                lex.units.add(str(w), unit, suffixes=("", "ه", "هم", "ها"))
                if not norm(str(w)).startswith("ال"):
                    lex.units.add("ال" + str(w), unit, suffixes=("", "ه", "هم", "ها"))
    for qual, words in (data.get("approximators") or {}).items():
        for w in words:
            if len(norm(str(w))) >= 2:
                lex.approx.add(str(w), qual)
    lex.percent_words = frozenset(norm(str(w)) for w in data.get("percent_words") or [])
    lex.unit_of = {norm(str(w)): unit for unit, ws in (data.get("units") or {}).items()
                   for w in ws}
    for m in (lex.words, lex.units, lex.approx):
        m.build()
    return lex


@dataclass
class _Num:
    nstart: int
    nend: int
    value: float
    vague: bool = False


def _compose(atoms: list[tuple[int, int, str, float]]) -> _Num:
    total = 0.0
    current = 0.0
    vague = False
    for _, _, kind, v in atoms:
        if kind == "vague":
            vague = True
            current = current * v if current else v
        elif kind == "scales" and v >= 1000:
            current = (current or 1) * v if not (current and current >= v) else current + v
            total += current
            current = 0
        elif kind == "fractions":
            current = (current or 1) * v
        else:
            current += v
    total += current
    return _Num(atoms[0][0], atoms[-1][1], total, vague)


def _numbers(s: str, lex: NumberLexicon) -> list[_Num]:
    atoms: list[tuple[int, int, str, float]] = []
    for m in _NUM.finditer(s):
        if not _digit_ok(s, m.start()):
            continue
        atoms.append((m.start(), m.end(), "digits", float(m.group(1).replace(",", ""))))
    from ..lang.normalize import Normalized
    for m in lex.words.find(Normalized(s, s, None)):
        kind, v = m.value
        atoms.append((m.nstart - len(m.prefix) if m.prefix in ("و",) else m.nstart, m.nend, kind, v))
    atoms.sort()
    out: list[_Num] = []
    group: list[tuple[int, int, str, float]] = []
    for a in atoms:
        if group:
            gap = s[group[-1][1]:a[0]].strip()
            joinable = gap in ("", "و") and not (group[-1][2] == "digits" and a[2] == "digits")
            if joinable and not (a[2] in ("ones", "tens", "digits") and group[-1][2] in ("scales", "vague")):
                group.append(a)
                continue
            out.append(_compose(group))
        group = [a]
    if group:
        out.append(_compose(group))
    return out


_WORD = re.compile(r"[\u0621-\u064A]+")


def dual_unit(word: str, lex: NumberLexicon | None = None) -> str | None:
    """The unit of a dual noun (شخصين, ضابطين, جنديان), which counts two: a normalised word
    ending in ين/ان whose singular is a listed unit word. An -ين form of a singular ending in
    ي is left out: it is also the plural (مدنيين); -يان is a dual all the same (عراقيان)."""
    core = word[2:] if word.startswith("ال") else word
    if len(core) < 5 or not core.endswith(("ين", "ان")) or \
            core.endswith("ين") and core[:-2].endswith("ي"):
        return None
    return (lex or number_lexicon()).unit_of.get(core[:-2])


def _duals(s: str, nums: list[_Num], lex: NumberLexicon) -> list[tuple[_Num, str, int]]:
    """Dual nouns in ``s`` (see dual_unit). No number may stand right next to one
    (اثنين من جنديين is counted once). Returns (number, unit, end of the noun)."""
    out = []
    for m in _WORD.finditer(s):
        unit = dual_unit(m.group(0), lex)
        if unit is None:
            continue
        if any(abs(n.nend - m.start()) <= 2 or abs(m.end() - n.nstart) <= 2 for n in nums):
            continue
        out.append((_Num(m.start(), m.start(), 2.0), unit, m.end()))
    return out


def _clean_value(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 3)


def find_quantities(ann, events: list[Event]) -> list[Quantity]:
    lex = number_lexicon()
    nt = ann.nt
    s = nt.text
    date_spans = [(d.start, d.end) for d in ann.dates]
    units = lex.units.find(nt)
    approx = lex.approx.find(nt)
    countries = [x for x in ann.mentions if x.kind in ("country", "nisba") and x.country]
    out: list[Quantity] = []
    nums = _numbers(s, lex)
    duals = {d[0].nstart: d for d in _duals(s, nums, lex)}
    for num in sorted(nums + [d[0] for d in duals.values()], key=lambda n: n.nstart):
        oa, ob = nt.span(num.nstart, num.nend)
        if any(a <= oa < b for a, b in date_spans):
            continue
        unit = None
        end = num.nend
        pct = _PCT.match(s, num.nend)
        if pct:
            unit, end = "percent", pct.end()
        else:
            after = s[num.nend:num.nend + 20].split()
            if after and " ".join(after[:2]) in lex.percent_words or (after and after[0] in lex.percent_words):
                unit = "percent"
                end = num.nend + s[num.nend:].index(after[0]) + len(after[0])
        if num.nend == num.nstart and num.nstart in duals:  # a dual noun: its own unit
            _, unit, end = duals[num.nstart]
        if unit is None:
            for u in units:
                if u.nstart >= num.nend and len(s[num.nend:u.nstart].split()) <= UNIT_WINDOW_AFTER - 1 \
                        and not _NUM.search(s[num.nend:u.nstart]):
                    unit, end = u.value, u.nend
                    break
        if unit is None and not num.vague and 1900 <= num.value <= 2100 and float(num.value).is_integer():
            continue  # a bare year (في عام 2016)
        if unit is None or unit in PERSON_UNITS:
            # a count of people next to what happened to them is that outcome: مقتل 84
            # شخصا, قتل 14 شخصا, 7 أشخاص قتلوا, إصابة ثلاثة جنود
            for u in units:
                if u.value in OUTCOME_UNITS and (
                        0 <= num.nstart - u.nend <= OUTCOME_REACH
                        or 0 <= u.nstart - end <= OUTCOME_REACH):
                    unit = u.value
                    break
        if unit is None:
            for u in reversed(units):
                if u.nend <= num.nstart and len(s[u.nend:num.nstart].split()) <= UNIT_WINDOW_BEFORE:
                    if not _NUM.search(s[u.nend:num.nstart]):
                        unit = u.value
                    break
        qualifier = "vague" if num.vague else None
        for q in approx:
            if q.nend <= num.nstart and not s[q.nend:num.nstart].strip(" و"):
                qualifier = q.value
                break
        a, b = nt.span(num.nstart, end)
        # the country the sentence ties it to: the nearest country after it in its
        # segment (up to the next number), else the nearest one before it
        seg_end = _next_number_start(s, end)
        sent_a, sent_b = _sentence_of(ann, a)
        country = None
        for c in (countries if unit not in COUNTRYLESS_UNITS else ()):
            if end <= c.nstart < seg_end and c.start < sent_b:
                country = c.country
                break
        if country is None and unit not in COUNTRYLESS_UNITS:
            for c in reversed(countries):
                if c.nend <= num.nstart and c.start >= sent_a:
                    country = c.country
                    break
        about_words = nt.original[b:min(sent_b, b + 60)].split()[:6]
        about = " ".join(about_words).strip(" ،,.") or None
        event_id = None
        if unit in ASSAULT_UNITS:
            for e in events:
                if e.event_type == "ASSAULT" and e.sentence["start"] <= a < e.sentence["end"]:
                    event_id = e.id
                    break
        out.append(Quantity(_clean_value(num.value), unit, nt.original[a:b], about, country, a, b,
                            qualifier, event_id))
    return out


def _next_number_start(s: str, pos: int) -> int:
    m = _NUM.search(s, pos)
    return m.start() if m else len(s)


def _sentence_of(ann, pos: int) -> tuple[int, int]:
    for a, b in ann.sentences:
        if a <= pos < b:
            return a, b
    return 0, len(ann.article.text)
