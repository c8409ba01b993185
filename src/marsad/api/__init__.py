"""The REST API (FastAPI) served by ``marsad serve``."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
