"""Every dictionary file loads, has no conflicting duplicates and only valid codes."""
from __future__ import annotations

from collections import defaultdict

import pycountry
import pytest

from marsad.entities.lexicon import GROUP_CODES, SECTORS, actor_lexicon
from marsad.events import PLOVER, event_lexicon
from marsad.lang.normalize import norm
from marsad.resources import load_tsv, load_yaml

ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def test_actor_lexicon_loads_and_codes_are_valid():
    lex = actor_lexicon()
    assert len(lex.countries) > 190
    for iso3 in lex.countries:
        assert iso3 in ISO3, iso3
    for a in lex.actors.values():
        assert a.country is None or a.country in ISO3 or a.country in GROUP_CODES, a
        assert a.sector is None or a.sector in SECTORS, a
    for ag in lex.agents.values():
        assert ag.sector in SECTORS


@pytest.mark.parametrize("fname", ["countries.yaml", "orgs.yaml", "people.yaml"])
def test_no_name_points_to_two_entries_unless_marked_ambiguous(fname):
    owners = defaultdict(set)
    ambiguous = set()
    for item in load_yaml("ar", fname):
        key = item.get("iso3") or item.get("id")
        for n in item.get("names") or []:
            owners[norm(n)].add(key)
        ambiguous |= {norm(n) for n in item.get("ambiguous_names") or []}
    clashes = {n: o for n, o in owners.items() if len(o) > 1 and n not in ambiguous}
    assert not clashes


def test_agents_have_one_sector_per_name():
    sectors = defaultdict(set)
    for item in load_yaml("ar", "agents.yaml"):
        for n in item["names"]:
            sectors[norm(n)].add(item["sector"])
    assert not {n: s for n, s in sectors.items() if len(s) > 1}


def test_places_tables():
    for row in load_tsv("ar", "admin1.tsv"):
        assert row["iso3"] in ISO3
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    rows = load_tsv("ar", "gazetteer.tsv")
    assert len(rows) > 5000
    assert all(r["iso3"] in ISO3 for r in rows)


def test_every_plover_type_has_triggers():
    lex = event_lexicon()
    have = defaultdict(int)
    for key in lex.matcher._entries.values():
        for e in key:
            have[e.value.event_type] += 1
    assert set(have) == set(PLOVER)
    assert all(n >= 5 for n in have.values()), have
