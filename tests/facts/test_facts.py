"""Quotes, quantities, relations and conflicts: the seed checklist and constructions
pinned with sentences written for these tests."""
from __future__ import annotations

from marsad.analysis import annotate
from marsad.extract import Article
from marsad.facts import find_facts


def facts(text, published="2017-03-01"):
    art = Article("t", None, None, published, "ar", text)
    return find_facts(annotate(art), [])


def test_seed_quotes_quantities_relations_conflict(seed_record, seed_gold):
    for q in seed_gold["quotes"]:
        assert any(q["speaker_contains"] in ((x["speaker"] or {}).get("name") or "")
                   and q["text_contains"] in x["text"] for x in seed_record["quotes"]), q
    for q in seed_gold["quantities"]:
        assert any(x["value"] == q["value"] and x["unit"] == q["unit"]
                   and ("country" not in q or x["country"] == q["country"])
                   for x in seed_record["quantities"]), q
    rels = [r for r in seed_record["relations"] if r["type"] == "contributes_to"]
    for theater, members in seed_gold["relations"]["theaters"].items():
        found = {r["subject"]["country"] for r in rels if theater in r["attributes"]["theater"]}
        assert set(members) <= found, theater
    for cc, kinds in seed_gold["relations"]["contributions"].items():
        got = set().union(*[r["attributes"]["contribution"] for r in rels
                            if r["subject"]["country"] == cc])
        assert set(kinds) <= got, cc
    assert any({"2014-08-15", "2016-08-14"} <= set(c["values"]) for c in seed_record["conflicts"])


def test_quote_offsets_exclude_the_cue(seed_record):
    text = seed_record["text"]
    for q in seed_record["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        assert not q["text"].startswith(("قال", "إن", "أن", '"', "«"))


def test_direct_quote_vso_and_pronoun_follow_up():
    f = facts('وقال وزير الخارجية الفرنسي جان إيف لودريان: «نحن مستعدون للعمل مع الجميع». '
              'وأضاف أن بلاده ستواصل دعم الحل السياسي في سوريا.')
    assert len(f.quotes) == 2
    assert f.quotes[0].text == "نحن مستعدون للعمل مع الجميع"
    assert all(q.speaker is not None and q.speaker.country == "FRA" for q in f.quotes)


def test_according_to():
    f = facts("قتل خمسة مدنيين في قصف على البلدة، وفقا للمرصد السوري لحقوق الإنسان.")
    q = [x for x in f.quotes if x.kind == "according_to"]
    assert q and q[0].speaker.sector == "NGO"


def test_quantities_words_digits_qualifiers():
    f = facts("قتل نحو ثلاثين شخصا وأصيب ١٢ آخرون، فيما نزح عشرات الآلاف، "
              "واستعادت القوات 40٪ من الأراضي في ليبيا.")
    got = {(q.value, q.unit, q.qualifier) for q in f.quantities}
    assert (30, "killed", "about") in got  # the outcome wins over the counted noun
    assert (10000, "displaced", "vague") in got or (10000, None, "vague") in got
    assert any(q.value == 40 and q.unit == "percent" and q.country == "LBY" for q in f.quantities)
    assert any(q.value == 12 for q in f.quantities)


def test_years_and_dates_are_not_quantities():
    f = facts("وقع الاتفاق في 12 مارس 2015 وجدد في عام 2016.")
    assert f.quantities == []


def test_membership_list_distribution():
    f = facts("وتشارك في التحالف الدولي دول عدة، ففي اليمن: السعودية، الإمارات، البحرين غارات، "
              "والسودان ومصر قوات برية.")
    rel = {r.subject.country: r.attributes for r in f.relations if r.type == "contributes_to"}
    assert set(rel) == {"SAU", "ARE", "BHR", "SDN", "EGY"}
    assert all(a["theater"] == ["YEM"] for a in rel.values())
    assert rel["BHR"]["contribution"] == ["airstrikes"] and rel["SAU"]["contribution"] == []
    assert rel["SDN"]["contribution"] == ["troops"] == rel["EGY"]["contribution"]


def test_controls_and_leader():
    f = facts("وتقدمت القوات نحو الرقة، معقل تنظيم داعش في سوريا، بينما قال أبو بكر البغدادي "
              "(زعيم تنظيم داعش) إن المعركة طويلة.")
    types = {r.type for r in f.relations}
    assert {"controls", "leader_of"} <= types


def test_looser_count_is_not_a_conflict():
    f = facts("اجتمع ممثلو 68 دولة في التحالف. ورغم مشاركة أكثر من 40 دولة في التحالف.")
    assert not [c for c in f.conflicts if "number" in c.about]


def test_names_in_quote_marks_are_not_speech():
    f = facts('وقال شاهد عيان لـ"سكاي نيوز عربية" إن الانفجار وقع قرب السوق. '
              'وذكرت وكالة "رويترز للأنباء" أن عدد القتلى ارتفع إلى عشرة.')
    assert not [q for q in f.quotes if "سكاي نيوز" in q.text or q.text.startswith("رويترز")]


def test_vso_speaker_after_a_comma():
    f = facts('وصل الرئيس الفرنسي إلى الجزائر، حيث ذكر بيان الرئاسة أن "الزيارة تهدف إلى '
              'تعزيز العلاقات بين البلدين".')
    assert f.quotes and f.quotes[0].speaker is not None
    assert f.quotes[0].speaker.sector == "GOV" and f.quotes[0].speaker.country != "DZA"


def test_unknown_name_after_a_reporting_verb_is_the_speaker():
    f = facts("وصل الوفد إلى طهران أمس. وقال رضا نوراني، إن الحدود البرية الوحيدة مغلقة منذ أسبوع.")
    assert f.quotes and f.quotes[0].speaker.text == "رضا نوراني"
    g = facts('وقالت مازحة "هذا ليس سؤالا جادا على الإطلاق".')
    assert all((q.speaker is None or q.speaker.text != "مازحة") for q in g.quotes)


def test_a_dual_noun_counts_two():
    f = facts("تم إيقاف شخصين أمس، وقتل جنديان أمريكيان في هجوم، وأصيب مدنيين.")
    got = {(q.value, q.unit) for q in f.quantities}
    assert (2, "arrested") in got and (2, "killed") in got
    assert all(q.text != "مدنيين" for q in f.quantities)  # -يين is also a plural
