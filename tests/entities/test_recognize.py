"""Actors and places, coded to country + sector and geocoded."""
from __future__ import annotations

import pytest

from marsad.entities import find_mentions
from marsad.lang.normalize import normalize


def mentions(text):
    return [(m.text, m.kind, m.country, m.sector) for m in find_mentions(normalize(text))]


def test_seed_countries_people_places(seed_record, seed_gold):
    ents = seed_record["entities"]
    assert set(seed_gold["countries"]) <= {e["country"] for e in ents}
    for p in seed_gold["people"]:
        assert any(p["name_contains"] in (e["name"] or "") and e["type"] == "PERSON"
                   and all(e[k] == p[k] for k in ("country", "sector") if k in p) for e in ents), p
    for pl in seed_gold["places"]:
        assert any(pl["name_contains"] in (e["name"] or "") and e["country"] == pl["country"]
                   and abs(e["lat"] - pl["lat"]) < 0.3 and abs(e["lon"] - pl["lon"]) < 0.3
                   for e in ents if e.get("lat") is not None), pl


def test_entity_offsets_index_the_text(seed_record):
    text = seed_record["text"]
    for e in seed_record["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]


@pytest.mark.parametrize("text,want", [
    ("اعتقلت الشرطة العراقية ثلاثة أشخاص", ("الشرطة العراقية", "agent", "IRQ", "COP")),
    ("وقال الجيش السوري إن", ("الجيش السوري", "agent", "SYR", "MIL")),
    ("أعلنت حكومة العراق", ("حكومة العراق", "agent", "IRQ", "GOV")),
    ("وبالموصل", ("الموصل", "place", "IRQ", None)),
    ("للتحالف الدولي", ("تحالف الدولي", "org", "IGO", "MIL")),  # ل + ال contracts
    ("قال وزير الخارجية الأردني أيمن الصفدي للصحفيين", ("أيمن الصفدي", "person", "JOR", "GOV")),
])
def test_constructions(text, want):
    assert want in mentions(text)


def test_unknown_person_takes_country_and_sector_from_title():
    got = mentions("وقال المتحدث باسم الجيش الليبي فلان الفلاني إن القوات تقدمت")
    person = [m for m in got if m[1] == "unknown-person"]
    assert person and person[0][0] == "فلان الفلاني" and person[0][2:] == ("LBY", "MIL")


def test_coordination_is_not_absorbed_into_a_chain():
    got = mentions("الجيش العراقي وقوات المعارضة")
    assert ("الجيش العراقي", "agent", "IRQ", "MIL") in got
    assert any(m[0] == "قوات المعارضة" or m[0] == "قوات" for m in got)


def test_anaphoric_organisation():
    got = mentions("سيطر تنظيم داعش على المدينة، ثم انسحب التنظيم منها")
    assert [m for m in got if m[0] == "التنظيم"][0][2:] == ("IMG", "INS")


def test_common_words_are_not_towns():
    got = mentions("كان الرئيس في المدينة التي تقع في دولة مجاورة")
    assert not [m for m in got if m[1] == "place"]


def test_a_nisba_is_not_a_town_of_the_same_name():
    assert ("الشرطة السويدية", "agent", "SWE", "COP") in mentions("وقالت الشرطة السويدية في بيان")


@pytest.mark.parametrize("text,want", [
    ("هاجمت قوات المجلس العسكري المدينة", ("قوات المجلس العسكري", "agent", None, "MIL")),
    ("قتل عناصر الشرطة العراقية", ("عناصر الشرطة العراقية", "agent", "IRQ", "COP")),
    ("استهدف الهجوم دورية للجيش الأمريكي", ("دورية للجيش الأمريكي", "agent", "USA", "MIL")),
    ("قامت قوة من الشرطة العراقية بمداهمة", ("قوة من الشرطة العراقية", "agent", "IRQ", "COP")),
    ("تم قتل جميع نواب أبو بكر البغدادي", ("نواب أبو بكر البغدادي", "agent", "IMG", "INS")),
])
def test_construct_chains(text, want):
    assert want in mentions(text)


def test_a_common_word_with_a_clitic_is_not_a_town():
    # ولاية = "state"; و + لاية would be a hamlet in Papua New Guinea
    assert not [m for m in mentions("في ولاية الوحدة جنوب السودان") if m[1] == "place"
                and m[2] == "PNG"]


def test_a_title_does_not_swallow_the_words_after_it():
    got = mentions("وطالب المحتجون وزير التربية بالاستقالة")
    assert not [m for m in got if m[1] == "unknown-person"]
