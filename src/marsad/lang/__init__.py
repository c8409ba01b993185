"""Language-independent text machinery: normalisation, sentences, clitic-aware matching."""
from __future__ import annotations

from .matcher import Match, Matcher
from .normalize import Normalized, norm, normalize
from .sentences import split_sentences

__all__ = ["Match", "Matcher", "Normalized", "norm", "normalize", "split_sentences"]
