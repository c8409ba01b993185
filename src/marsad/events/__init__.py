"""PLOVER events: trigger dictionaries, argument assignment, event-ness, date and place."""
from __future__ import annotations

from .coder import code_events
from .lexicon import PLOVER, QUAD, event_lexicon

__all__ = ["PLOVER", "QUAD", "code_events", "event_lexicon"]
