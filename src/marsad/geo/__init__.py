"""Places: gazetteer (GeoNames cities, admin1 table, capitals) and resolution."""
from __future__ import annotations

from .gazetteer import Gazetteer, PlaceInfo, gazetteer

__all__ = ["Gazetteer", "PlaceInfo", "gazetteer"]
