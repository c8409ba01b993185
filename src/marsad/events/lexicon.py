"""PLOVER trigger dictionaries (``resources/ar/events/*.yaml``) and event-ness cues
(``resources/ar/cues.yaml``), validated at load and compiled into one matcher.

The file format is documented in ``resources/ar/events/README.md``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lang.matcher import PREFIX_DEF, PREFIX_NAME, Matcher
from ..lang.normalize import norm
from ..resources import ROOT, load_yaml, require

__all__ = ["PLOVER", "Trigger", "EventLexicon", "event_lexicon", "QUAD"]

#: PLOVER types and their modes (SPEC.md §3)
PLOVER: dict[str, tuple[str, ...]] = {
    "AGREE": (), "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (), "CONCEDE": (), "COOPERATE": (), "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"),
}
QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation", "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}
VOICES = ("active", "passive", "noun")
POS = ("verb", "noun", "phrase")
CONTEXTS = frozenset({"military", "political", "economic", "humanitarian", "legal",
                      "diplomatic", "terrorism", "protest", "crime", "cyber", "media"})


@dataclass(frozen=True)
class Trigger:
    """One trigger entry of one event type."""
    event_type: str
    mode: str | None
    pos: str
    voice: str
    roles: tuple[tuple[str, str], ...]     # (normalised preposition, role)
    requires: tuple[str, ...]
    exclude: tuple[str, ...]
    confidence: float
    context: tuple[str, ...]
    lexicon: str                            # the type whose lexicon SETs apply
    index: int                              # position in its file (stable id)


@dataclass
class EventLexicon:
    matcher: Matcher[Trigger] = field(default_factory=Matcher)
    sets: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # type -> SET -> words
    mode_cues: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # type -> (word, mode)
    target_cues: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> words
    unlikely_actors: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> sectors
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    cue_phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    triggers: int = 0


def _check_trigger(where: str, etype: str, t: dict, sets: dict[str, frozenset[str]]) -> None:
    require(isinstance(t.get("forms"), list) and t["forms"], where, "forms must be a list")
    require(t.get("pos") in POS, where, f"pos must be one of {POS}")
    require(t.get("voice") in VOICES, where, f"voice must be one of {VOICES}")
    mode = t.get("mode")
    require(mode is None or mode in PLOVER[etype], where, f"mode {mode!r} not a {etype} mode")
    c = t.get("confidence")
    require(isinstance(c, (int, float)) and 0 < c <= 1, where, "confidence in (0, 1]")
    for r in t.get("requires") or []:
        kind, _, arg = str(r).partition(":")
        require(kind in ("object", "prep", "with", "near", "not_near", "not_in_sentence",
                         "not_before_place"),
                where, f"unknown constraint {r!r}")
        if kind in ("with", "near", "not_near", "not_in_sentence"):
            require(arg in sets, where, f"lexicon SET {arg!r} is not defined")
    for x in t.get("exclude") or []:
        require(x in sets, where, f"lexicon SET {x!r} is not defined")
    for prep, role in (t.get("roles") or {}).items():
        require(role in ("actor", "recipient", "location"), where,
                f"role of {prep!r} must be actor, recipient or location")


def _phrase_list(words: object) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(norm(str(w)).split()) for w in (words or []) if norm(str(w)))  # type: ignore[union-attr]


_PARTICLES = frozenset(norm(w) for w in ("على", "في", "من", "عن", "إلى", "الى", "مع", "ضد",
                                           "بين", "دون", "غير", "ذات", "ذو"))


def _definite_variants(phrase: str) -> list[str]:
    """The definite spellings of an indefinite noun phrase written in a trigger file: the
    article on every word (noun + adjectives: الضربات الجوية) and on all but the first
    (a construct: تفجير السيارة المفخخة). Phrases with particles or clitic-bearing words
    are left alone."""
    words = phrase.split()
    if len(words) < 2 or any(len(norm(w)) < 3 or norm(w) in _PARTICLES
                             or norm(w).startswith(("ال", "بال", "لل", "وال", "كال"))
                             for w in words):
        return []
    return [" ".join("ال" + w for w in words),
            " ".join([words[0]] + ["ال" + w for w in words[1:]])]


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """Load, validate and compile the trigger dictionaries (once per process, from the
    compiled-resource cache when the resources have not changed)."""
    from ..resources.cache import cached
    return cached("events", _build_event_lexicon)


def _build_event_lexicon() -> EventLexicon:
    lex = EventLexicon()
    folder = ROOT / "ar" / "events"
    files = sorted(p.name for p in folder.glob("*.yaml"))
    require(bool(files), str(folder), "no event trigger files")
    seen_types = set()
    pending_definite: list[tuple[str, Trigger]] = []
    for fname in files:
        where = f"resources/ar/events/{fname}"
        data = load_yaml("ar", f"events/{fname}")
        etype = data.get("type")
        require(etype in PLOVER, where, f"unknown PLOVER type {etype!r}")
        require(etype not in seen_types, where, f"type {etype} defined twice")
        seen_types.add(etype)
        sets = {k: frozenset(norm(str(w)) for w in v)
                for k, v in (data.get("lexicon") or {}).items()}
        lex.sets[etype] = sets
        context = tuple(data.get("context") or [])
        for c in context:
            require(c in CONTEXTS, where, f"unknown context {c!r}")
        lex.target_cues[etype] = frozenset(norm(str(w)) for w in data.get("target_cues") or [])
        unlikely = data.get("unlikely_actors") or []
        from ..entities.lexicon import SECTORS
        for code in unlikely:
            require(code in SECTORS, where, f"unlikely_actors: unknown sector {code!r}")
        lex.unlikely_actors[etype] = frozenset(unlikely)
        for mc in data.get("mode_cues") or []:
            require(mc.get("mode") in PLOVER[etype], where, f"mode_cues: bad mode {mc!r}")
            for w in mc.get("words") or []:
                lex.mode_cues.setdefault(etype, []).append((norm(str(w)), mc["mode"]))
        triggers = data.get("triggers") or []
        require(isinstance(triggers, list) and triggers, where, "needs triggers")
        for i, t in enumerate(triggers):
            _check_trigger(f"{where} trigger {i}", etype, t, sets)
            trig = Trigger(etype, t.get("mode"), t["pos"], t["voice"],
                           tuple((norm(p), r) for p, r in (t.get("roles") or {}).items()),
                           tuple(t.get("requires") or []), tuple(t.get("exclude") or []),
                           float(t["confidence"]), context, etype, i)
            for form in t["forms"]:
                f = str(form).strip()
                if len(norm(f)) < 2:
                    continue
                if t["pos"] == "verb":
                    lex.matcher.add(f, trig, verb=True)
                elif t["pos"] == "noun":
                    lex.matcher.add(f, trig, suffixes=("", "ه", "ها", "هم", "هما", "ات"),
                                    prefixes=None if norm(f).startswith("ال") else
                                    PREFIX_NAME | PREFIX_DEF)
                else:  # phrase: first word may carry proclitics, last word pronoun suffixes
                    first_is_verb = t["voice"] != "noun"
                    lex.matcher.add(f, trig, verb=first_is_verb,
                                    suffixes=("", "ه", "ها", "هم", "هما", "هن"))
                    if not first_is_verb:
                        pending_definite.append((f, trig))
                lex.triggers += 1
    # the definite forms of noun phrases (ضربات جوية -> الضربات الجوية, تفجير سيارة مفخخة ->
    # تفجير السيارة المفخخة), unless a file lists that form itself
    explicit = {norm(str(f)) for fname in files
                for t in (load_yaml("ar", f"events/{fname}").get("triggers") or [])
                for f in t["forms"]}
    for f, trig in pending_definite:
        for variant in _definite_variants(f):
            if norm(variant) not in explicit:
                explicit.add(norm(variant))
                lex.matcher.add(variant, trig, suffixes=("", "ه", "ها", "هم", "هما", "هن"))
    require(seen_types == set(PLOVER), str(folder),
            f"missing types: {sorted(set(PLOVER) - seen_types)}")
    cues = load_yaml("ar", "cues.yaml")
    for key in ("negation", "denial_verbs", "conditional", "future", "intent", "modal",
                "question", "hedges", "historical_markers", "generic_markers", "complementizers",
                "negation_exceptions", "irrealis_frames", "prevention", "rate_markers"):
        lex.cues[key] = frozenset(norm(str(w)) for w in cues.get(key) or [])
        lex.cue_phrases[key] = _phrase_list(cues.get(key))
    qv = cues.get("quote_verbs") or []
    lex.cues["quote_verbs"] = frozenset(norm(str(q["form"] if isinstance(q, dict) else q))
                                        for q in qv)
    lex.matcher.build()
    return lex
