"""Alliance relations (member lists with theaters and contributions), control, leadership,
spokespeople — and conflicting claims inside one document.

Membership lists, as in "ففي سوريا والعراق: أمريكا، بريطانيا، المغرب. أما في العراق فقط،
أستراليا، ...، إيطاليا تدريب قوات، هولندا ونيوزيلندا استطلاع، دعم لوجستي، تدريب القوات،
النرويج، استطلاع، إسبانيا، تركيا والبرتغال تدريب قوات، وفي سوريا فقط: قطر ...":
- a header (في + countries [+ فقط] + ':' or '،') sets the theaters of the items after it;
- contributions that follow a country go to that country alone when the list before it is
  joined by commas (أ، ب، ج تدريب: only ج), and to the whole run since the last
  contribution when its last join is و (هولندا ونيوزيلندا استطلاع; إسبانيا، تركيا والبرتغال
  تدريب: a coordinated group shares its role);
- the alliance is the document's military IGO mention (a coalition, NATO), else the nearest
  organisation before the list.

Conflicts: the same fact with incompatible values. Two different start dates of the same
body (انطلق في 14 أغسطس 2016 / بدأ ... في 15 أغسطس 2014) are a conflict. Two member counts
conflict only when both are exact and differ: "68" and "more than 40" are compatible.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang.matcher import Matcher
from ..lang.normalize import norm
from ..model import Actor, Conflict, Quantity, Relation
from ..resources import load_yaml

__all__ = ["find_relations", "find_conflicts"]

#: Characters allowed between two items of a membership list besides و and contributions.
_LIST_GAP = re.compile(r"^[\s,،:؛;]*(?:و\s*)?$")


@dataclass
class _RelLex:
    contributions: Matcher[str] = field(default_factory=Matcher)
    only: frozenset[str] = frozenset()
    intro: frozenset[str] = frozenset()
    control: Matcher[str] = field(default_factory=Matcher)
    leader: Matcher[str] = field(default_factory=Matcher)
    spokes: tuple[str, ...] = ()
    start: Matcher[str] = field(default_factory=Matcher)


@lru_cache(maxsize=1)
def _lex() -> _RelLex:
    data = load_yaml("ar", "relations.yaml")
    lx = _RelLex()
    for code, words in (data.get("contributions") or {}).items():
        for w in words:
            lx.contributions.add(str(w), code)
    lx.only = frozenset(norm(w) for w in data.get("theater_only") or [])
    lx.intro = frozenset(norm(w) for w in data.get("theater_intro") or [])
    for w in data.get("control_nouns") or []:
        lx.control.add(str(w), "controls", suffixes=("", "ه", "ها", "هم"))
    for w in data.get("leader_nouns") or []:
        lx.leader.add(str(w), "leader_of")
    lx.spokes = tuple(norm(w) for w in data.get("spokesperson_titles") or [])
    for w in data.get("start_words") or []:
        lx.start.add(str(w), "start", verb=True)
    for m in (lx.contributions, lx.control, lx.leader, lx.start):
        m.build()
    return lx


def _alliance(ann):
    orgs = [x for x in ann.mentions if x.kind == "org" and x.country == "IGO" and x.sector == "MIL"]
    if not orgs:
        return None
    counts = Counter(x.ref for x in orgs)
    ref = counts.most_common(1)[0][0]
    return next(x for x in orgs if x.ref == ref)


def _membership(ann, lx: _RelLex) -> list[Relation]:
    nt, s = ann.nt, ann.nt.text
    contribs = lx.contributions.find(nt)
    countries = [x for x in ann.mentions if x.kind == "country"]
    # items in text order: ("c", mention) and ("k", contribution match)
    items = sorted([(x.nstart, x.nend, "c", x) for x in countries] +
                   [(m.nstart - len(m.prefix), m.nend, "k", m) for m in contribs],
                   key=lambda t: (t[0], -t[1]))
    alliance = _alliance(ann)
    out: list[Relation] = []
    i = 0
    while i < len(items):
        # a header: في + countries (و-joined) [+ فقط] + ':' or '،'
        a, b, kind, x = items[i]
        word_start = a
        while word_start > 0 and s[word_start - 1].isalnum():
            word_start -= 1
        prev = s[max(0, word_start - 8):word_start].split()
        prefix = s[word_start:a]
        if kind != "c" or not (prefix.endswith("في") or (prev and prev[-1] in ("في", "ففي", "وفي"))):
            i += 1
            continue
        theaters = [x.country]
        j = i + 1
        end = b
        while j < len(items) and items[j][2] == "c" and re.fullmatch(r"\s*و?", s[end:items[j][0]] or ""):
            theaters.append(items[j][3].country)
            end = items[j][1]
            j += 1
        tail = re.match(r"\s*(\w+)?\s*[:،,]", s[end:end + 20])
        if not tail or (tail.group(1) and tail.group(1) not in lx.only):
            i += 1
            continue
        list_start = end + tail.end()
        # the list: countries and contributions separated by commas / و only
        group: list = []
        last_join_wa = False
        pos = list_start
        k = j
        members: list[tuple[object, set[str]]] = []
        pending_contrib: set[str] = set()
        while k < len(items):
            a2, b2, kind2, y = items[k]
            gap = s[pos:a2]
            if not _LIST_GAP.match(gap):
                break
            if kind2 == "c":
                # a new header ends this list
                ws = a2
                while ws > 0 and s[ws - 1].isalnum():
                    ws -= 1
                pre2 = s[ws:a2]
                if pre2.endswith("في") or s[max(0, ws - 4):ws].strip() in ("في", "ففي", "وفي"):
                    break
                if pending_contrib:
                    group = []
                    pending_contrib = set()
                last_join_wa = gap.strip(" ،,").startswith("و") or gap.strip().endswith("و")
                group.append((y, last_join_wa))
                members.append((y, set()))
            else:
                if group:
                    code = y.value
                    coordinated = len(group) > 1 and group[-1][1]
                    targets = [g[0] for g in group] if coordinated else [group[-1][0]]
                    for mem, cs in members:
                        if any(mem is t for t in targets):
                            cs.add(code)
                    pending_contrib.add(code)
            pos = b2
            k += 1
        if len(members) >= 1:
            for mem, cs in members:
                subj = mem.actor()
                obj = alliance.actor() if alliance is not None else Actor(
                    "", None, None, None, None, mem.start, mem.start)
                out.append(Relation("contributes_to", subj, obj,
                                    {"theater": list(dict.fromkeys(theaters)),
                                     "contribution": sorted(cs)},
                                    mem.start, mem.end))
            i = k
        else:
            i += 1
    return out


def _controls(ann, lx: _RelLex) -> list[Relation]:
    """"الرقة، معقل التنظيم في سوريا" / "معقل داعش في الرقة"."""
    nt, s = ann.nt, ann.nt.text
    out = []
    ms = ann.mentions
    for cm in lx.control.find(nt):
        after = [x for x in ms if cm.nend <= x.nstart <= cm.nend + 2 and x.kind == "org"]
        if not after:
            continue
        org = after[0]
        before = [x for x in ms if x.nend <= cm.nstart - len(cm.prefix) and x.place is not None
                  and re.fullmatch(r"\s*[,،]?\s*", s[x.nend:cm.nstart - len(cm.prefix)])]
        places = before or [x for x in ms if org.nend <= x.nstart <= org.nend + 6
                            and x.place is not None and x.kind != "country"]
        if not places:
            continue
        p = places[-1] if before else places[0]
        a, b = min(p.start, cm.start), max(org.end, p.end)
        out.append(Relation("controls", org.actor(), p.actor(), {}, a, b))
    return out


def _leaders(ann, lx: _RelLex) -> list[Relation]:
    """"أبو بكر البغدادي (زعيم التنظيم)" and "زعيم التنظيم أبو بكر البغدادي"."""
    nt, s = ann.nt, ann.nt.text
    ms = ann.mentions
    out = []
    for lm in lx.leader.find(nt):
        org = next((x for x in ms if lm.nend <= x.nstart <= lm.nend + 2 and x.kind == "org"), None)
        if org is None:
            continue
        person = None
        before = [x for x in ms if x.kind in ("person", "unknown-person") and x.nend <= lm.nstart
                  and re.fullmatch(r"\s*[(،,]?\s*", s[x.nend:lm.nstart - len(lm.prefix)])]
        if before:
            person = before[-1]
        else:
            person = next((x for x in ms if x.kind in ("person", "unknown-person")
                           and org.nend <= x.nstart <= org.nend + 2), None)
        if person is None or person.ref == org.ref:
            continue
        out.append(Relation("leader_of", person.actor(), org.actor(), {},
                            min(person.start, lm.start), max(person.end, org.end)))
    return out


def _spokespeople(ann, lx: _RelLex) -> list[Relation]:
    out = []
    for x in ann.mentions:
        role = getattr(x, "role", None)
        if role is None or x.kind not in ("person", "unknown-person"):
            continue
        if any(norm(role.text).startswith(t) or t in norm(role.text) for t in lx.spokes):
            out.append(Relation("spokesperson_of", x.actor(), role, {}, role.start, x.end))
    return out


def find_relations(ann) -> list[Relation]:
    lx = _lex()
    rels = _membership(ann, lx) + _controls(ann, lx) + _leaders(ann, lx) + _spokespeople(ann, lx)
    rels.sort(key=lambda r: (r.start, r.type))
    return rels


def find_conflicts(ann, quantities: list[Quantity]) -> list[Conflict]:
    lx = _lex()
    nt = ann.nt
    text = ann.article.text
    out: list[Conflict] = []
    # 1. start dates of the same body
    by_subject: dict[str, list[tuple[str, int, int, str]]] = {}
    dates = ann.dates
    orgs = [x for x in ann.mentions if x.kind == "org"]
    for sm in lx.start.find(nt):
        sent = next(((a, b) for a, b in ann.sentences if a <= sm.start < b), None)
        if sent is None:
            continue
        cands = [d for d in dates if sm.end <= d.start < sent[1] and d.precision == "day"]
        if not cands:
            continue
        d = cands[0]
        between = text[sm.end:d.start]
        if len(between.split()) > 14 or re.search(r"[.;؛]", between):
            continue
        subj = [x for x in orgs if sent[0] <= x.start < d.start]
        if not subj:
            prior = [x for x in orgs if x.start < sm.start]
            subj = prior[-1:] if prior else []
        if not subj:
            continue
        org = subj[-1] if subj[-1].start < sm.start else subj[0]
        by_subject.setdefault(org.ref or org.name or "", []).append(
            (d.value, d.start, d.end, org.name or org.text))
    for claims in by_subject.values():
        values = list(dict.fromkeys(v for v, *_ in claims))
        if len(values) >= 2:
            spans = []
            for v in values:
                c = next(c for c in claims if c[0] == v)
                spans.append([c[1], c[2]])
            out.append(Conflict(f"start date of {claims[0][3]}", values, spans))
    # 2. exact counts of the same thing that differ (approximate ones are compatible)
    exact: dict[tuple[str, str | None], list[Quantity]] = {}
    for q in quantities:
        if q.unit in ("country",) and q.qualifier is None:
            exact.setdefault((q.unit, None), []).append(q)
    for (unit, _), qs in exact.items():
        vals = list(dict.fromkeys(q.value for q in qs))
        if len(vals) >= 2:
            out.append(Conflict(f"number of {unit}", [str(v) for v in vals],
                                [[q.start, q.end] for q in
                                 [next(q for q in qs if q.value == v) for v in vals]]))
    return out
