"""The actor and place dictionary: every file under ``resources/ar/`` that names someone or
somewhere, validated and compiled into one clitic-aware Aho-Corasick matcher.

Files:
- ``countries.yaml``  countries: names, nisba adjectives (all genders and numbers are
  generated from the masculine singular), irregular plurals, capitals (metonyms);
- ``orgs.yaml``       organisations and armed groups; ``people.yaml`` people with office;
- ``agents.yaml``     sector nouns (الجيش MIL, الشرطة COP ...) and titles (وزير الخارجية);
- ``admin1.tsv`` and ``gazetteer.tsv``  places (see ``geo.gazetteer``).
One pass of the automaton over a document finds every mention of every kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..geo.gazetteer import PlaceInfo, gazetteer
from ..lang.matcher import Matcher
from ..lang.normalize import norm
from ..resources import load_yaml, require

__all__ = ["Lex", "CountryInfo", "ActorInfo", "AgentInfo", "ActorLexicon", "actor_lexicon",
           "SECTORS", "GROUP_CODES"]

SECTORS = frozenset("GOV MIL COP REB INS OPP PTY JUD SPY MED CVL REF ELI UAF IGO NGO BUS REL "
                    "LAB EDU HLH LEG AGR ENV CRM SET MOD RAD".split())
GROUP_CODES = frozenset({"IGO", "NGO", "IMG"})
_ISO3 = re.compile(r"^[A-Z]{3}$")
#: nisba endings generated from the masculine singular (عراقي): feminine, plurals, duals,
#: accusative; with and without the article.
NISBA_ENDINGS = ("", "ة", "ون", "ين", "ات", "ان", "تان", "تين", "ا")


class Lex(NamedTuple):
    """What a matched span may be. ``kind``: country | nisba | capital | org | person |
    agent | title | place | anaphor. A NamedTuple: the compiled cache holds tens of
    thousands and unpickles them fast."""
    kind: str
    ref: str
    ambiguous: bool = False
    plural: bool = False       # nisba in a plural/people form (العراقيون)


@dataclass(frozen=True)
class CountryInfo:
    iso3: str
    name: str
    nisba_en: str | None
    capital: PlaceInfo | None


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    country: str | None
    sector: str | None
    type: str                  # ORG | PERSON
    qid: str | None = None
    role: str | None = None
    years: tuple[int | None, int | None] = (None, None)
    assault_mode: str | None = None   # how the actor attacks when a text does not say


@dataclass(frozen=True)
class AgentInfo:
    sector: str
    name: str                  # English label: "police"
    kind: str                  # group | person | title | facility


@dataclass
class ActorLexicon:
    countries: dict[str, CountryInfo] = field(default_factory=dict)
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    agents: dict[str, AgentInfo] = field(default_factory=dict)
    places: dict[str, PlaceInfo] = field(default_factory=dict)
    anaphora: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)
    matcher: Matcher[Lex] = field(default_factory=Matcher)
    place_stop: frozenset[str] = frozenset()  # words a place name must not be (see below)

    def kb_id(self, lex: Lex) -> str:
        if lex.kind in ("country", "nisba"):
            return f"country:{lex.ref}"
        if lex.kind == "capital":
            return f"capital:{lex.ref}"
        return lex.ref


def _country_name_en(iso3: str, data_name: str | None) -> str:
    return data_name or iso3


def _load_countries(lex: ActorLexicon) -> None:
    where = "resources/ar/countries.yaml"
    gaz = gazetteer()
    data = load_yaml("ar", "countries.yaml")
    require(isinstance(data, list) and len(data) > 150, where, "expected a list of countries")
    for item in data:
        iso3 = item.get("iso3")
        require(isinstance(iso3, str) and bool(_ISO3.match(iso3)), where, f"bad iso3 {iso3!r}")
        require(iso3 not in lex.countries, where, f"{iso3} listed twice")
        names = item.get("names") or []
        require(isinstance(names, list) and names, where, f"{iso3}: needs Arabic names")
        ambiguous = {norm(n) for n in item.get("ambiguous_names") or []}
        capital = None
        if item.get("capital_en"):
            capital = gaz.city_by_english(iso3, item["capital_en"])
        lex.countries[iso3] = CountryInfo(iso3, _country_name_en(iso3, item.get("name")),
                                          item.get("name"), capital)
        # ambiguous_names only flag names listed under names or capital (عمان: Oman and
        # Amman); they are never added as country names of their own
        for n in names:
            lex.matcher.add(n, Lex("country", iso3, norm(n) in ambiguous))
        for base in item.get("nisba") or []:
            base = base.strip()
            if base.startswith("ال"):
                base = base[2:]
            for ending in NISBA_ENDINGS:
                form = base + ending
                lex.matcher.add(form, Lex("nisba", iso3, False, ending in ("ون", "ين", "ات")),
                                optional_article=True)
        for form in item.get("nisba_extra") or []:
            lex.matcher.add(form, Lex("nisba", iso3, False, True), optional_article=True)
        if capital is not None:
            for n in item.get("capital") or []:
                lex.matcher.add(n, Lex("capital", iso3, norm(n) in ambiguous))


def _load_actors(lex: ActorLexicon, fname: str, typ: str) -> None:
    where = f"resources/ar/{fname}"
    data = load_yaml("ar", fname)
    require(isinstance(data, list) and data, where, "expected a list")
    for item in data:
        aid = item.get("id")
        require(isinstance(aid, str) and aid, where, f"entry without id: {item}")
        require(aid not in lex.actors, where, f"id {aid} listed twice")
        country, sector = item.get("country"), item.get("sector")
        require(country is None or country in GROUP_CODES or country in lex.countries, where,
                f"{aid}: unknown country code {country!r}")
        require(sector is None or sector in SECTORS, where, f"{aid}: unknown sector {sector!r}")
        names = item.get("names") or []
        require(bool(names), where, f"{aid}: needs Arabic names")
        years = (_year(item.get("from")), _year(item.get("to")))
        mode = item.get("assault_mode")
        require(mode is None or isinstance(mode, str), where, f"{aid}: bad assault_mode")
        lex.actors[aid] = ActorInfo(aid, item.get("name") or aid, country, sector, typ,
                                    item.get("qid"), item.get("role"), years,
                                    item.get("assault_mode"))
        ambiguous = {norm(n) for n in item.get("ambiguous_names") or []}
        for n in list(names) + list(item.get("ambiguous_names") or []):
            lex.matcher.add(n, Lex("org" if typ == "ORG" else "person", aid, norm(n) in ambiguous))


def _year(v: object) -> int | None:
    if v is None:
        return None
    try:
        return int(str(v)[:4])
    except ValueError:
        return None


def _load_agents(lex: ActorLexicon) -> None:
    where = "resources/ar/agents.yaml"
    data = load_yaml("ar", "agents.yaml")
    items = data if isinstance(data, list) else data.get("agents", [])
    ambiguous = set()
    if isinstance(data, dict):
        ambiguous = {norm(n) for n in data.get("ambiguous") or []}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "sector" not in item:
            continue
        sector, kind = item["sector"], item.get("kind", "group")
        require(sector in SECTORS, where, f"entry {i}: unknown sector {sector!r}")
        require(kind in ("group", "person", "title", "facility"), where,
                f"entry {i}: bad kind {kind!r}")
        key = f"agent:{sector}:{kind}:{item.get('name', sector)}"
        lex.agents[key] = AgentInfo(sector, item.get("name") or sector.lower(), kind)
        for n in item.get("names") or []:
            # agent nouns take pronoun suffixes (قواته, حكومتها) but never the article
            # implicitly: الجيش and جيش are listed separately where both occur
            lex.matcher.add(n, Lex("title" if kind == "title" else "agent", key,
                                   norm(n) in ambiguous),
                            suffixes=("", "ه", "ها", "هم", "هما", "نا"))


def _load_anaphora(lex: ActorLexicon) -> None:
    where = "resources/ar/function_words.yaml"
    data = load_yaml("ar", "function_words.yaml")
    for i, item in enumerate(data.get("anaphora") or []):
        sectors = tuple(item.get("sectors") or [])
        require(all(x in SECTORS for x in sectors), where, f"anaphora {i}: bad sector")
        key = f"anaphor:{i}"
        lex.anaphora[key] = (frozenset(sectors), bool(item.get("igo")))
        for n in item.get("names") or []:
            lex.matcher.add(n, Lex("anaphor", key))
    for n in data.get("dual_anaphora") or []:
        lex.matcher.add(n, Lex("dual", "dual"))


def _place_stop(lex: ActorLexicon) -> frozenset[str]:
    """Words a GeoNames name must not be: stop-listed words, place nouns, function words,
    agent nouns (a town called الدولة or كان is not worth every "state" and "was")."""
    geo = load_yaml("ar", "geo_words.yaml")
    fw = load_yaml("ar", "function_words.yaml")
    words = {norm(w) for w in geo.get("place_stop") or []}
    words |= {norm(w) for ws in (geo.get("place_nouns") or {}).values() for w in ws}
    words |= {norm(w) for w in fw.get("stop") or []}
    for item in load_yaml("ar", "agents.yaml"):
        words |= {norm(w) for w in item.get("names") or []}
    words |= {"ال" + w for w in list(words) if not w.startswith("ال")}
    return frozenset(words)


def _load_places(lex: ActorLexicon) -> None:
    gaz = gazetteer()
    lex.places = gaz.places
    stop = _place_stop(lex)
    lex.place_stop = stop
    for p in gaz.places.values():
        for n in p.names_ar:
            if norm(n) in stop:
                continue
            lex.matcher.add(n, Lex("place", p.key))


@lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    """Load, validate and compile every actor and place resource (once per process, from
    the compiled-resource cache when the resources have not changed)."""
    from ..resources.cache import cached
    return cached("actors", _build_actor_lexicon)


def _build_actor_lexicon() -> ActorLexicon:
    lex = ActorLexicon()
    _load_countries(lex)
    _load_actors(lex, "orgs.yaml", "ORG")
    _load_actors(lex, "people.yaml", "PERSON")
    _load_agents(lex)
    _load_anaphora(lex)
    _load_places(lex)
    lex.matcher.build()
    return lex
