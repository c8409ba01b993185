"""Actors and places: dictionary-based recognition coded to country + sector."""
from __future__ import annotations

from .lexicon import actor_lexicon
from .recognize import Mention, find_mentions, mentions_to_entities

__all__ = ["Mention", "actor_lexicon", "find_mentions", "mentions_to_entities"]
