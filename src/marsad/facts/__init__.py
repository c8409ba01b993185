"""Quotes, quantities, alliance relations and contradictory claims."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Conflict, Event, Quantity, Quote, Relation
from .quantities import find_quantities
from .quotes import find_quotes
from .relations import find_conflicts, find_relations

__all__ = ["Facts", "find_facts"]


@dataclass
class Facts:
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def find_facts(ann, events: list[Event]) -> Facts:
    quantities = find_quantities(ann, events)
    return Facts(quotes=find_quotes(ann), quantities=quantities, relations=find_relations(ann),
                 conflicts=find_conflicts(ann, quantities))
