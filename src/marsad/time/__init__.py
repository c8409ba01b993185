"""Dates: explicit expressions in all Arab month-name systems and Hijri, and relative
expressions resolved against the publication date."""
from __future__ import annotations

from .absolute import DateMatch, find_dates, iso_or_none, parse_datetime

__all__ = ["DateMatch", "find_dates", "iso_or_none", "parse_datetime"]
