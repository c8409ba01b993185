"""Mentions of actors and places in an article, coded to country + sector and geocoded.

One automaton pass finds every dictionary span; then, left to right:
1. chains: an agent noun, title or organisation absorbs the adjacent words that give it a
   country (الشرطة العراقية, حكومة العراق, شرطة دبي) or a body it speaks for (المتحدث باسم
   وزارة الخارجية الأمريكية);
2. a title chain followed by a person gives that person (known: dictionary codes; unknown:
   the name tokens up to the first function word, coded from the title);
3. every other span is read on its own: person, organisation, country, capital, place
   (disambiguated by context words, the countries of the article and population), nisba.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..geo.gazetteer import PlaceInfo
from ..lang.matcher import Match
from ..lang.normalize import Normalized, norm
from ..model import Actor, Entity
from ..resources import load_yaml
from .lexicon import ActorLexicon, Lex, actor_lexicon

__all__ = ["Mention", "find_mentions", "mentions_to_entities"]

_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Tokens an unknown name may have after a title (ابو بكر عبد الله الحسيني = 4 + article).
MAX_NAME_TOKENS = 3
#: Place names this short (letters, article included) need a context word: short
#: strings are often other words once clitics are allowed (وإن = و + Van).
SHORT_NAME_LETTERS = 3
#: Population above which a lone city name is accepted with no context word (a big city
#: name is rarely an ordinary word; small towns often are: السلام, النصر, الحرية).
CITY_POP_NO_CONTEXT = 100_000


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    nstart: int
    nend: int
    type: str                 # PERSON ORG GPE LOC NORP
    kind: str                 # person org country capital place nisba agent unknown-person
    name: str | None
    country: str | None
    sector: str | None
    kb_id: str | None
    text: str
    place: PlaceInfo | None = None
    plural: bool = False
    ref: str | None = None    # the dictionary id (orgs/people) behind the mention
    role: Actor | None = None  # the title chain before a person (المتحدث باسم وزارة ...)

    def actor(self) -> Actor:
        sector = self.sector
        if self.kind in ("country", "capital") and sector is None:
            sector = "GOV"  # a state or its capital in actor position is its government
        return Actor(self.text, self.name, self.country, sector, self.kb_id, self.start,
                     self.end)


@dataclass(frozen=True)
class _Words:
    stop: frozenset[str]
    links: tuple[str, ...]
    admin1_nouns: frozenset[str]
    city_nouns: frozenset[str]
    place_nouns: frozenset[str]
    locatives: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    fw = load_yaml("ar", "function_words.yaml")
    geo = load_yaml("ar", "geo_words.yaml")
    pn = geo.get("place_nouns") or {}
    all_nouns = {norm(w) for ws in pn.values() for w in ws}
    dirs = {norm(w) for ws in (geo.get("directions") or {}).values() for w in ws}
    return _Words(frozenset(norm(w) for w in fw["stop"]),
                  tuple(norm(w) for w in fw.get("spokesperson_links") or []),
                  frozenset(norm(w) for w in pn.get("admin1", [])),
                  frozenset(norm(w) for w in pn.get("city", []) + ["العاصمه"]),
                  frozenset(all_nouns | dirs),
                  frozenset(norm(w) for w in geo.get("locative_prepositions") or []) | dirs)


def _prev_word(s: str, pos: int) -> str:
    """The normalised word before ``pos`` (clitics kept)."""
    j = pos
    while j > 0 and s[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and (s[i - 1].isalnum()):
        i -= 1
    return s[i:j]


def _strip_clitic(w: str) -> str:
    for p in ("وب", "وال", "بال", "و", "ف", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w


def _gap_is_space(s: str, a: int, b: int) -> bool:
    return a <= b and not s[a:b].strip()


class _Recognizer:
    def __init__(self, lex: ActorLexicon, nt: Normalized) -> None:
        self.lex = lex
        self.nt = nt
        self.s = nt.text
        self.w = _words()

    # -- readings of one span -------------------------------------------------------------
    def _place(self, cands: list[PlaceInfo], prev: str, doc_countries: Counter[str]
               ) -> PlaceInfo | None:
        if not cands:
            return None
        want_admin1 = prev in self.w.admin1_nouns
        def score(p: PlaceInfo) -> tuple:
            return ((p.precision == "admin1") == want_admin1,
                    p.key.startswith("capital") or p.population >= 1_000_000,
                    doc_countries.get(p.country, 0) > 0,
                    p.population)
        return max(cands, key=score)

    def _single(self, m: Match[Lex], group: list[Lex], doc_countries: Counter[str],
                after_title: bool = False) -> Mention | None:
        lex = self.lex
        text = self.nt.original[m.start:m.end]
        word_start = m.nstart - len(m.prefix)
        prev = _strip_clitic(_prev_word(self.s, word_start))
        has_context = prev in self.w.place_nouns or prev in self.w.locatives
        city_ctx = prev in self.w.city_nouns
        if not has_context and prev.endswith(("يه", "ي")):
            # العاصمة الأردنية عمّان: a place noun, then its nationality, then the name
            before = self.s.rfind(prev, 0, word_start)
            prev2 = _strip_clitic(_prev_word(self.s, before)) if before > 0 else ""
            has_context = prev2 in self.w.place_nouns or prev2 in self.w.city_nouns
            city_ctx = prev2 in self.w.city_nouns
        by_kind: dict[str, list[Lex]] = {}
        for g in group:
            # an ambiguous name needs its context: a place word for places and countries
            # (في عمان), a title right before it for people (الرئيس الأسد)
            if g.ambiguous and not (after_title if g.kind == "person" else has_context):
                continue
            by_kind.setdefault(g.kind, []).append(g)
        if "person" in by_kind:
            a = lex.actors[by_kind["person"][0].ref]
            return Mention(m.start, m.end, m.nstart, m.nend, "PERSON", "person", a.name,
                           a.country, a.sector, a.qid or a.id, text, ref=a.id)
        if "org" in by_kind:
            a = lex.actors[by_kind["org"][0].ref]
            return Mention(m.start, m.end, m.nstart, m.nend, "ORG", "org", a.name, a.country,
                           a.sector, a.qid or a.id, text, ref=a.id)
        if "country" in by_kind and not (city_ctx and ("capital" in by_kind or "place" in by_kind)):
            c = lex.countries[by_kind["country"][0].ref]
            cap = c.capital
            return Mention(m.start, m.end, m.nstart, m.nend, "GPE", "country", c.name, c.iso3,
                           None, f"country:{c.iso3}", text,
                           PlaceInfo(f"country:{c.iso3}", c.name, c.iso3, None,
                                     cap.lat if cap else None, cap.lon if cap else None,  # type: ignore[arg-type]
                                     "country", 0, None, ()) if cap else None)
        if "capital" in by_kind:
            c = lex.countries[by_kind["capital"][0].ref]
            if c.capital is not None:
                return Mention(m.start, m.end, m.nstart, m.nend, "GPE", "capital",
                               c.capital.name, c.iso3, None, f"capital:{c.iso3}", text, c.capital)
        if "place" in by_kind and "nisba" in by_kind and not has_context:
            by_kind.pop("place")  # السويدية is Swedish, not the Turkish town of that name
        if "place" in by_kind and m.prefix and self.s[word_start:m.nend] in lex.place_stop:
            by_kind.pop("place")  # ولاية is "state", not و + a town called لاية
        if "place" in by_kind:
            cands = [lex.places[g.ref] for g in by_kind["place"]]
            p = self._place(cands, prev, doc_countries)
            short = m.nend - m.nstart <= SHORT_NAME_LETTERS
            if p is not None and (has_context or (not short and (
                    p.precision == "admin1" or p.population >= CITY_POP_NO_CONTEXT
                    or doc_countries.get(p.country, 0) > 0))):
                return Mention(m.start, m.end, m.nstart, m.nend,
                               "GPE" if p.precision == "city" else "LOC", "place", p.name,
                               p.country, None, f"geonames:{p.geonames_id}" if p.geonames_id
                               else p.key, text, p)
        if "nisba" in by_kind:
            g = by_kind["nisba"][0]
            c = lex.countries[g.ref]
            return Mention(m.start, m.end, m.nstart, m.nend, "NORP", "nisba", c.name, c.iso3,
                           None, f"country:{c.iso3}", text, plural=g.plural)
        if "dual" in by_kind:  # الجانبان: the two parties named before, resolved by events
            return Mention(m.start, m.end, m.nstart, m.nend, "ORG", "dual", None, None, None,
                           None, text)
        if "anaphor" in by_kind:
            return Mention(m.start, m.end, m.nstart, m.nend, "ORG", "anaphor", None, None, None,
                           None, text, ref=by_kind["anaphor"][0].ref)
        for k in ("agent", "title"):
            if k in by_kind:
                ag = lex.agents[by_kind[k][0].ref]
                etype = {"group": "ORG", "facility": "FAC"}.get(ag.kind, "PERSON")
                return Mention(m.start, m.end, m.nstart, m.nend, etype, "agent", ag.name,
                               None, ag.sector, None, text)
        return None

    # -- chains ---------------------------------------------------------------------------
    def _unknown_name(self, pos: int) -> tuple[int, int] | None:
        """Name tokens right after ``pos`` (normalised), up to a function word."""
        s = self.s
        end = pos
        first = None
        n = 0
        for tok in _TOKEN.finditer(s, pos):
            if not _gap_is_space(s, end, tok.start()) or n >= MAX_NAME_TOKENS:
                break
            w = tok.group(0)
            # only the conjunction و is checked as a clitic: names begin with ف ب ل (فيصل, بشار)
            if w in self.w.stop or (w[:1] == "و" and w[1:] in self.w.stop) or len(w) < 2:
                break
            if w.startswith(("بال", "لل", "كال", "فال")) or n == 0 and w.startswith("وال"):
                break  # a preposition with the article (بالاستقالة) opens no personal name
            end = tok.end()
            first = tok.start() if first is None else first
            n += 1
        if n == 0 or first is None:
            return None
        return first, end

    def run(self, matches: list[Match[Lex]]) -> list[Mention]:
        groups: list[tuple[Match[Lex], list[Lex]]] = []
        for m in matches:
            if groups and groups[-1][0].nstart == m.nstart and groups[-1][0].nend == m.nend:
                groups[-1][1].append(m.value)
            else:
                groups.append((m, [m.value]))
        doc_countries: Counter[str] = Counter(
            v.ref for _, vs in groups for v in vs if v.kind in ("country", "nisba", "capital")
            and not v.ambiguous)
        singles = []
        for k, (m, vs) in enumerate(groups):
            after_title = k > 0 and any(v.kind == "title" for v in groups[k - 1][1]) \
                and not self.s[groups[k - 1][0].nend:m.nstart - len(m.prefix)].strip()
            singles.append(self._single(m, vs, doc_countries, after_title))
        out: list[Mention] = []
        i = 0
        while i < len(groups):
            m, vs = groups[i]
            head = singles[i]
            kinds = {v.kind for v in vs}
            if head is None:
                i += 1
                continue
            if head.kind in ("agent", "org") or "title" in kinds:
                j, mention = self._chain(i, groups, singles)
                if mention is not None:
                    out.append(mention)
                    i = j
                    continue
            out.append(head)
            i += 1
        return self._resolve_anaphora(out)

    def _resolve_anaphora(self, mentions: list[Mention]) -> list[Mention]:
        """التنظيم -> the most recent preceding organisation of a matching sector."""
        out: list[Mention] = []
        for x in mentions:
            if x.kind != "anaphor":
                out.append(x)
                continue
            sectors, igo = self.lex.anaphora[x.ref or ""]
            ref = next((y for y in reversed(out) if y.kind == "org" and y.sector in sectors
                        and (not igo or y.country == "IGO")), None)
            if ref is not None:
                out.append(Mention(x.start, x.end, x.nstart, x.nend, "ORG", "org", ref.name,
                                   ref.country, ref.sector, ref.kb_id, x.text, ref=ref.ref))
        return out

    def _role(self, head: Mention, end: int, country: str | None, sector: str | None,
              org: Mention | None) -> Actor:
        text = self.nt.original[head.start:end].strip(" ،,")
        name = org.name if org is not None else (f"{head.name} ({country})" if country else head.name)
        return Actor(text, name, country, sector, org.kb_id if org is not None else None,
                     head.start, head.start + len(text))

    def _chain(self, i: int, groups: list[tuple[Match[Lex], list[Lex]]],
               singles: list[Mention | None]) -> tuple[int, Mention | None]:
        s = self.s
        head = singles[i]
        assert head is not None
        m0 = groups[i][0]
        is_title = any(v.kind == "title" for v in groups[i][1])
        sector, country, name = head.sector, head.country, head.name
        org = head if head.kind == "org" else None
        end_n, end_o = m0.nend, m0.end
        j = i + 1
        while j < len(groups):
            mj, vs = groups[j]
            nxt = singles[j]
            gap = s[end_n:mj.nstart - len(mj.prefix)]
            gap_words = gap.split()
            linked = gap_words and " ".join(gap_words) in self.w.links or (
                head.type == "FAC" and gap_words in (["من"], ["تابعة"], ["التابعة"], ["تابع"],
                                                     ["التابع"]) and nxt is not None
                and nxt.kind in ("agent", "org"))  # قوة من الشرطة, حافلة تابعة للشرطة
            if nxt is None or not (not gap.strip() or linked):
                break
            if mj.prefix[:1] in ("و", "ف"):
                break  # coordination (الجيش العراقي وقوات المعارضة): a separate actor
            if nxt.kind == "nisba" and country in (None, nxt.country):
                country = nxt.country  # قوات جهاز مكافحة الإرهاب العراقية: the nisba agrees
            elif nxt.kind in ("country", "capital") and country is None:
                country = nxt.country
            elif nxt.kind == "place" and country is None and not is_title and head.type != "FAC":
                country = nxt.country
            elif nxt.kind == "org" and (linked or org is None or head.type == "FAC"):
                org = nxt
                sector = nxt.sector or sector
                country = country or nxt.country
                if nxt.country not in (None, "IGO", "NGO", "IMG"):
                    country = nxt.country
            elif nxt.kind == "agent" and not is_title and j == i + 1 and not gap.strip() \
                    and not mj.prefix and not s[head.nstart:head.nstart + 2] == "ال" \
                    and s[mj.nstart:mj.nstart + 2] == "ال" and head.type != "FAC":
                # a construct: an indefinite force noun and the body it belongs to
                # (قوات المجلس العسكري, عناصر الشرطة, جنود الجيش): the body's country; the
                # head's sector when it names a force, else the body's
                if sector not in ("MIL", "COP"):
                    sector = nxt.sector or sector
                country = country or nxt.country
            elif nxt.kind == "agent" and (linked or is_title or sector is None
                                          or head.type == "FAC" and nxt.type != "FAC"):
                # a facility takes its owner's sector (دورية للجيش, مقر للاستخبارات)
                if any(v.kind == "title" for v in vs):
                    is_title = True
                sector = nxt.sector or sector
            elif nxt.kind == "person" and not is_title and j == i + 1 and not gap.strip() \
                    and not mj.prefix and head.kind == "agent" and head.type != "FAC":
                # a construct with a person: نواب البغدادي, أنصار الصدر: that person's side
                if sector not in ("MIL", "COP"):
                    sector = nxt.sector or sector
                country = country or nxt.country
            elif nxt.kind == "person" and is_title:
                person = nxt
                role = self._role(head, end_o, country, sector, org)
                return j + 1, Mention(person.start, person.end, person.nstart, person.nend,
                                      "PERSON", "person", person.name, person.country or country,
                                      person.sector or sector, person.kb_id,
                                      self.nt.original[person.start:person.end], ref=person.ref,
                                      role=role)
            else:
                break
            end_n, end_o = mj.nend, mj.end
            j += 1
        if is_title:
            span = self._unknown_name(end_n)
            if span is not None:
                a, b = self.nt.span(*span)
                text = self.nt.original[a:b]
                return j, Mention(a, b, span[0], span[1], "PERSON", "unknown-person", text,
                                  country, sector, None, text,
                                  role=self._role(head, end_o, country, sector, org))
        if j == i + 1:
            return j, None
        kind_type = "ORG" if head.type == "ORG" or org is not None and head.type != "FAC" \
            else head.type
        text = self.nt.original[head.start:end_o]
        if org is not None and org is not head and country == org.country:
            label = org.name
        else:
            label = f"{name} ({country})" if country and name else name
        return j, Mention(head.start, end_o, head.nstart, end_n, kind_type,
                          "org" if org is not None else "agent", label, country, sector,
                          org.kb_id if org is not None else None, text,
                          ref=org.ref if org is not None else None)


def find_mentions(nt: Normalized, lex: ActorLexicon | None = None) -> list[Mention]:
    """Every actor and place mention of a normalised document, left to right."""
    lex = lex or actor_lexicon()
    return _Recognizer(lex, nt).run(lex.matcher.find(nt))


def mentions_to_entities(mentions: list[Mention]) -> list[Entity]:
    out = []
    for m in mentions:
        if m.kind == "dual":
            continue  # الجانبان names no party of its own; events resolve it
        p = m.place
        out.append(Entity(m.type, m.text, m.name, m.country, m.sector, m.kb_id, m.start, m.end,
                          admin1=p.admin1 if p else None, lat=p.lat if p else None,
                          lon=p.lon if p else None, precision=p.precision if p else None,
                          geonames_id=p.geonames_id if p else None))
    return out
