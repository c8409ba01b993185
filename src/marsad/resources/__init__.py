"""Language knowledge as data: loading and validating the files under ``resources/<lang>/``.

Every dictionary, pattern list, month name and number word marsad uses lives in a YAML or
TSV file here, never as Python literals in code. Files are read once per process and checked
when loaded: a malformed file stops start-up with a ``ResourceError`` naming file and entry.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["ResourceError", "resource_path", "load_yaml", "load_tsv", "require"]

ROOT = Path(__file__).resolve().parent


class ResourceError(ValueError):
    """A language resource is missing or malformed."""


def resource_path(lang: str, name: str) -> Path:
    return ROOT / lang / name


@lru_cache(maxsize=None)
def load_yaml(lang: str, name: str) -> Any:
    path = resource_path(lang, name)
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError as exc:
        raise ResourceError(f"missing resource file {path}") from exc
    except yaml.YAMLError as exc:
        raise ResourceError(f"{path}: invalid YAML: {exc}") from exc
    if data is None:
        raise ResourceError(f"{path}: empty resource file")
    return data


@lru_cache(maxsize=None)
def load_tsv(lang: str, name: str) -> tuple[dict[str, str], ...]:
    path = resource_path(lang, name)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            lines = (line for line in f if not line.startswith("#"))  # comment lines
            rows = [r for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
                    if any((v or "").strip() for v in r.values())]
    except FileNotFoundError as exc:
        raise ResourceError(f"missing resource file {path}") from exc
    return tuple(rows)


def require(cond: bool, where: str, what: str) -> None:
    """Raise a ResourceError saying ``where`` (file, entry) breaks ``what`` unless ``cond``."""
    if not cond:
        raise ResourceError(f"{where}: {what}")
