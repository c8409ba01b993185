"""The typed records of SPEC.md §2, in one place.

Every stage of the pipeline passes these immutable dataclasses along; ``Record.to_dict``
serialises exactly the SPEC schema (all top-level keys present, empty lists where nothing
was found, ``error`` null on success).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "Actor", "Place", "Entity", "DateValue", "Trigger", "Event", "Quote", "Quantity",
    "Relation", "Conflict", "ErrorInfo", "Record", "RECORD_KEYS",
]

RECORD_KEYS = ("id", "url", "title", "published", "language", "text", "entities", "events",
               "quotes", "quantities", "relations", "conflicts", "error")


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Serialisable:
    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Actor(_Serialisable):
    """Who: a span of the text coded to a country (ISO3 or IGO/NGO/IMG) and a sector."""
    text: str
    name: str | None
    country: str | None
    sector: str | None
    kb_id: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place(_Serialisable):
    """Where: a toponym resolved to coordinates with the precision of the match."""
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str | None  # country | admin1 | city | point
    geonames_id: int | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Entity(_Serialisable):
    """An Actor plus its type; places also carry the Place fields."""
    type: str  # PERSON ORG GPE LOC FAC NORP
    text: str
    name: str | None
    country: str | None
    sector: str | None
    kb_id: str | None
    start: int
    end: int
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    geonames_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in ("type", "text", "name", "country", "sector", "kb_id",
                                           "start", "end")}
        if self.type in ("GPE", "LOC", "FAC") or self.lat is not None:
            d.update(admin1=self.admin1, lat=self.lat, lon=self.lon, precision=self.precision,
                     geonames_id=self.geonames_id)
        return d

    def actor(self) -> Actor:
        return Actor(self.text, self.name, self.country, self.sector, self.kb_id, self.start,
                     self.end)

    def place(self) -> Place:
        return Place(self.text, self.name, self.country, self.admin1, self.lat, self.lon,
                     self.precision, self.geonames_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class DateValue(_Serialisable):
    value: str          # ISO date, YYYY-MM-DD / YYYY-MM / YYYY
    precision: str      # day | month | year
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Trigger(_Serialisable):
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event(_Serialisable):
    id: str
    event_type: str
    mode: str | None
    context: list[str]
    actor: Actor | None
    recipient: Actor | None
    date: DateValue | None
    location: Place | None
    trigger: Trigger
    sentence: dict[str, int]
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Quote(_Serialisable):
    speaker: Actor | None
    text: str
    start: int
    end: int
    kind: str = "direct"  # direct | indirect | according_to


@dataclass(frozen=True, slots=True)
class Quantity(_Serialisable):
    value: float | int
    unit: str | None
    text: str
    about: str | None
    country: str | None
    start: int
    end: int
    qualifier: str | None = None  # about | at_least | more_than | less_than | up_to | vague
    event: str | None = None      # id of the event it measures


@dataclass(frozen=True, slots=True)
class Relation(_Serialisable):
    type: str  # member_of | contributes_to | leader_of | spokesperson_of | controls
    subject: Actor
    object: Actor
    attributes: dict[str, Any]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Conflict(_Serialisable):
    about: str
    values: list[str]
    spans: list[list[int]]


@dataclass(frozen=True, slots=True)
class ErrorInfo(_Serialisable):
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Record(_Serialisable):
    """One output record per input document (SPEC.md §2)."""
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    error: ErrorInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: _plain(getattr(self, k)) for k in RECORD_KEYS}
