"""Who did it to whom: argument rules, each pinned by a sentence written for this test."""
from __future__ import annotations

from tests.events.test_types import real


def _one(text: str, etype: str = "ASSAULT") -> dict:
    found = real(text, etype)
    assert found, text
    return found[0]


def _party(e: dict, role: str) -> tuple:
    x = e.get(role) or {}
    return x.get("country"), x.get("sector")


def test_a_facility_takes_its_owners_nationality_and_sector():
    e = _one("استهدف هجوم انتحاري أمس دورية للجيش الأمريكي في الموصل.")
    assert _party(e, "recipient") == ("USA", "MIL")


def test_possessed_soldiers_belong_to_the_possessor():
    e = _one("أعلن الجيش الأمريكي أمس مقتل أحد جنوده في انفجار قنبلة قرب بعقوبة.")
    assert _party(e, "recipient")[0] == "USA"
    assert _party(e, "actor") != ("USA", "MIL")  # the army reports the death


def test_a_member_takes_the_bodys_nationality():
    e = _one("اغتالت وحدة إسرائيلية أمس ناشطا في كتائب الأقصى قرب جنين.")
    assert _party(e, "recipient")[0] == "PSE"
    assert _party(e, "actor") == ("ISR", "MIL")


def test_an_attacker_adjective_is_never_the_target():
    e = _one("قتل خمسة أشخاص أمس في هجوم انتحاري وسط بغداد.")
    assert _party(e, "recipient")[1] != "UAF"


def test_a_perfect_followed_by_its_cause_is_passive():
    e = _one("قتل جنديان أمريكيان في هجوم بعبوة ناسفة في بغداد أمس.")
    assert _party(e, "recipient") == ("USA", "MIL")
    assert _party(e, "actor")[0] != "USA"


def test_counted_people_before_the_verb_are_victims():
    e = _one("قال مسؤول إن ستين شخصا قتلوا أمس في هجوم على فندق في العاصمة.")
    assert _party(e, "recipient")[1] in ("CVL", "BUS")
    assert _party(e, "actor")[1] != "CVL"


def test_the_doer_of_qama_is_the_actor():
    e = _one("قامت دبابة إسرائيلية أمس بقصف منزل في رفح.")
    assert _party(e, "actor") == ("ISR", "MIL")


def test_victims_singled_out_name_who_was_hit():
    e = _one("قتل عشرة أشخاص بينهم ثلاثة من رجال الشرطة في انفجار بالموصل أمس.")
    assert _party(e, "recipient")[1] == "COP"


def test_a_place_after_ala_is_the_target():
    e = _one("أطلق مسلحون أمس صواريخ على مدينة حيفا.")
    assert _party(e, "recipient")[0] == "ISR"


def test_a_nationality_describing_a_place_is_not_a_party():
    e = _one("قتل مسلحون أمس ثلاثة رعاة قرب الحدود السورية.")
    assert _party(e, "recipient")[0] != "SYR" and _party(e, "actor")[0] != "SYR"


def test_counter_terrorism_forces_are_military():
    e = _one("قتلت قوات مكافحة الإرهاب العراقية أمس خمسة مسلحين في الأنبار.")
    assert _party(e, "actor") == ("IRQ", "MIL")


def test_an_event_with_no_place_is_put_in_the_articles_country():
    from tests.events.test_types import events
    text = ("تظاهر آلاف الطلاب أمس في بغداد احتجاجا على نتائج الامتحانات.\n"
            "وطالب المحتجون وزير التربية بالاستقالة.\n"
            "وقال مسؤول في كربلاء إن الوزارة ستراجع النتائج.")
    req = [e for e in events(text) if e["event_type"] == "REQUEST"]
    assert req and req[0]["location"]["country"] == "IRQ"
    assert req[0]["location"]["precision"] == "country" and req[0]["location"]["start"] is None


def test_a_dual_stands_for_the_two_parties_named_before():
    from tests.events.test_types import events
    text = ("أجرى الرئيس الأمريكي دونالد ترامب مكالمة هاتفية مع نظيره الروسي فلاديمير بوتين. "
            "واتفق الزعيمان على ضرورة هزيمة الإرهاب.")
    agree = [e for e in events(text) if e["event_type"] == "AGREE"]
    assert agree
    assert {agree[0]["actor"]["country"], agree[0]["recipient"]["country"]} == {"USA", "RUS"}


def test_an_indefinite_accusative_after_the_verb_is_the_object():
    e = _one("وكان المسلح قد قتل شرطيا ورجلا آخر خارج الملهى أمس.")
    assert _party(e, "recipient")[1] == "COP"
    assert _party(e, "actor")[1] != "COP"


def test_the_party_right_before_a_passive_verb_is_the_victim():
    e = _one("قالت مصادر إن زعيم التنظيم أبو بكر البغدادي أصيب بجروح أمس في غارة جوية.")
    assert e["recipient"] and e["recipient"]["sector"] == "INS"
    assert not e["actor"] or e["actor"]["sector"] != "INS"


def test_a_city_after_an_attack_noun_is_its_place_not_its_author():
    e = _one("ودهس منفذ هجوم لندن بسيارته أمس عددا من المارة على الجسر.")
    assert not e["actor"] or e["actor"]["country"] != "GBR"


def test_the_reporter_of_a_death_is_not_its_author():
    e = _one("أعلنت مصادر أمنية تركية أمس مقتل شرطي في هجوم بسيارة مفخخة في غازي عنتاب.")
    assert not e["actor"] or e["actor"]["sector"] not in ("MIL", "GOV")


def test_the_possessor_of_a_death_noun_is_the_victim():
    e = _one("ولقي سبعة مدنيين مصرعهم أمس في هجوم انتحاري داخل أحد المساجد.")
    assert _party(e, "recipient")[1] == "CVL"


def test_an_air_strike_in_a_named_country_hits_that_country():
    e = _one("قال مسؤول إن إسرائيل نفذت أمس ضربة جوية في سورية.")
    assert _party(e, "recipient")[0] == "SYR"


def test_the_subject_of_a_casualty_noun_is_the_victim():
    e = _one("سقط عشرات العراقيين أمس بين قتيل وجريح بانفجار سيارة مفخخة في تلعفر.")
    assert _party(e, "recipient")[0] == "IRQ"
    assert _party(e, "actor")[0] != "IRQ"


def test_a_possessed_facility_is_its_owners():
    e = _one("نجا قائد شرطة النجدة أمس من محاولة اغتيال إثر تعرض موكبه لانفجار سيارة مفخخة.")
    assert _party(e, "recipient")[1] == "COP"


def test_an_officer_in_the_police_is_police():
    e = _one("اغتال مسلحون مجهولون أمس ضابطا في الشرطة وسط الموصل.")
    assert _party(e, "recipient")[1] == "COP"


def test_counted_soldiers_before_the_verb_were_killed():
    e = _one("قال بيان إن ثلاثة جنود أمريكيين قتلوا أمس بانفجار عبوة ناسفة قرب بغداد.")
    assert _party(e, "recipient") == ("USA", "MIL")


def test_a_lam_phrase_names_the_author_only_right_after_the_act():
    e = _one("أطلقت دبابة إسرائيلية أمس قذيفة على تجمع للمواطنين الفلسطينيين في بيت حانون.")
    assert _party(e, "actor") == ("ISR", "MIL")
    assert _party(e, "recipient")[1] == "CVL"


def test_a_verb_joined_by_wa_without_its_own_subject_shares_the_clauses():
    e = _one("قامت قوة من الشرطة العراقية أمس بمداهمة جامع النور واعتدت على المصلين بالضرب.")
    assert _party(e, "actor")[1] == "COP"
