import pytest

from marsad.lang import Matcher, normalize


@pytest.fixture()
def matcher():
    m = Matcher()
    m.add("العراق", "IRQ")
    m.add("الولايات المتحدة", "USA")
    m.add("الموصل", "Mosul")
    m.add("التنظيم", "ISIS")
    m.add("ليبيا", "LBY")
    m.add("يقتل", "kill", verb=True)
    m.add("أمريكية", "USA-nisba", optional_article=True)
    m.add("حكومة", "GOV", suffixes=["", "ه", "ها"])
    return m


def found(m, text):
    return [(text[x.start:x.end], x.value) for x in m.find(normalize(text))]


def test_proclitic_chains(matcher):
    assert found(matcher, "وبالعراق والولايات المتحدة بالموصل للتنظيم ولليبيا") == [
        ("العراق", "IRQ"), ("الولايات المتحدة", "USA"), ("الموصل", "Mosul"),
        ("تنظيم", "ISIS"), ("ليبيا", "LBY")]


def test_no_match_inside_a_word(matcher):
    assert found(matcher, "العراقي الموصلية متنظيم") == []


def test_verb_prefixes_and_pronoun_suffixes(matcher):
    assert found(matcher, "وسيقتلهم") == [("يقتل", "kill")]


def test_ta_marbuta_before_suffix_and_optional_article(matcher):
    assert found(matcher, "حكومته الأمريكية") == [("حكومت", "GOV"), ("الأمريكية", "USA-nisba")]


def test_definite_entry_needs_the_article(matcher):
    assert found(matcher, "عراق") == []
