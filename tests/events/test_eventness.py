"""Event-ness rules, each pinned by sentences written for this test: one where the rule
applies and, where it matters, a close twin where it must not."""
from __future__ import annotations

from tests.events.test_types import events, real


def test_a_device_needs_a_blast_and_not_a_seizure():
    assert not real("فككت قوات الأمن أمس سيارة مفخخة قرب مبنى السفارة في العاصمة.", "ASSAULT")
    assert not real("ضبطت الشرطة أمس قنابل يدوية في مخزن بالمدينة.", "ASSAULT")
    assert real("انفجرت سيارة مفخخة أمس في سوق شعبي بمدينة الحلة.", "ASSAULT")


def test_a_blast_needs_an_armed_context():
    assert not real("انفجرت فقاعة أسعار العقارات في المدينة أمس.", "ASSAULT")
    assert real("انفجرت عبوة ناسفة أمس لدى مرور دورية للشرطة في كركوك.", "ASSAULT")


def test_a_verbal_attack_is_not_an_assault():
    text = "شن النائب أمس هجوما قاسيا على رئيس الحكومة خلال جلسة البرلمان."
    assert not real(text, "ASSAULT")
    assert real("شن مسلحون أمس هجوما على حاجز للجيش في العريش.", "ASSAULT")


def test_kinds_of_act_in_a_list_are_not_an_event():
    assert not real("يعاني سكان القرى من الخطف والقتل والتهجير منذ سنوات.", "ASSAULT")


def test_plans_options_fears_and_training_are_irrealis():
    for text in ("تدرس الحكومة خيار شن غارات جوية على مواقع المسلحين في الجبال.",
                 "تلقى الموقوفون تدريبا في الخارج على تنفيذ هجمات في العاصمة.",
                 "تسود مخاوف من وقوع هجمات انتحارية خلال الانتخابات المقبلة.",
                 "قررت المحكمة إرجاء تنفيذ حكم الإعدام إلى ما بعد العيد."):
        assert not real(text, "ASSAULT"), text


def test_accusations_and_confessions_refer_to_an_act_across_the_clause():
    text = "بث التلفزيون أمس اعترافات خمسة رجال حول تنفيذ اعتداء بسيارة مفخخة في المدينة."
    assert not real(text, "ASSAULT")


def test_a_prevented_protest_did_not_happen():
    text = "منعت قوات الأمن مساء أمس تظاهرة احتجاجية أمام البرلمان."
    assert not real(text, "PROTEST")
    assert real("نظم الطلاب مساء أمس تظاهرة احتجاجية أمام البرلمان.", "PROTEST")


def test_police_gathering_is_not_a_protest():
    assert not real("احتشدت قوات الشرطة صباح أمس في الميدان ومنعت الوصول إليه.", "PROTEST")
    assert real("احتشد آلاف المتظاهرين صباح أمس في الميدان.", "PROTEST")


def test_the_subject_inside_a_verb_phrase_is_the_actor():
    found = real("واشتبك المتظاهرون أمس مع قوات الشرطة في وسط المدينة.", "PROTEST")
    assert found and found[0]["actor"]["sector"] in ("CVL", "OPP")


def test_definite_forms_match_word_sets():
    # تجمع needs protest context; المتظاهرون is the definite form of a listed word
    assert real("وتجمع المتظاهرون أمس أمام مقر الحكومة في العاصمة.", "PROTEST")


def test_scene_setting_clauses_are_background():
    text = "هاجم مسلحون أمس مجموعات كانت تتظاهر في وسط المدينة."
    assert all(e["historical"] for e in real(text, "PROTEST"))
    text = "قتل شخصان خلال اشتباكات بين الشرطة ومتظاهرين يحتجون على غلاء الأسعار."
    assert all(e["historical"] for e in real(text, "PROTEST"))


def test_rates_are_statistics():
    text = "تراجع عدد التفجيرات بسيارات مفخخة إلى ثلاثين شهريا في العام الماضي."
    assert not real(text, "ASSAULT")


def test_a_weak_real_mention_does_not_undo_a_hypothetical():
    # the boycott is demanded (hypothetical); "هذه المظاهرات" only refers back to protests
    text = ("ودعا المتظاهرون الحكومة إلى مقاطعة البضائع الأجنبية، وقد نظمت هذه المظاهرات "
            "أحزاب المعارضة.")
    assert not real(text, "PROTEST")


def test_deaths_in_a_disaster_are_not_an_attack():
    assert not real("لقي عشرون شخصا مصرعهم أمس في انقلاب حافلة قرب مدينة مرسين.", "ASSAULT")
    assert not real("قتل ثلاثون شخصا على الأقل أمس في انهيار أرضي شمال البلاد.", "ASSAULT")
    assert real("قتل ثلاثون شخصا على الأقل أمس في هجوم انتحاري شمال البلاد.", "ASSAULT")


def test_fajr_is_a_verb_only_before_a_device():
    assert real("فجر انتحاري سيارة مفخخة أمس أمام مطعم في الرمادي.", "ASSAULT")
    assert not real("وصل الوفد فجر أمس إلى العاصمة على متن طائرة خاصة.", "ASSAULT")


def test_ma_asfara_does_not_negate():
    e = real("انفجرت سيارة مفخخة أمس وسط سوق شعبي، ما أسفر عن مقتل ستة مدنيين.", "ASSAULT")
    assert e


def test_a_demand_after_a_warning_is_still_a_demand():
    text = "حذر المتظاهرون أمس من تكرار الاعتداء وطالبوا الحكومة بمحاسبة المسؤولين."
    assert real(text, "REQUEST")


def test_an_act_dated_after_publication_is_hypothetical():
    # published 2017-03-01 (see events()); غدا = 2017-03-02
    found = [e for e in events("يبدأ الأسرى غدا إضرابا عن الطعام في سجن عوفر.")
             if e["event_type"] == "PROTEST"]
    assert found and all(e["hypothetical"] for e in found)


def test_a_crash_across_a_comma_is_not_an_attack():
    text = "لقي ثمانية عسكريين مصرعهم صباح أمس، بعد أن تحطمت طائرة عسكرية على جبل شمال البلاد."
    assert not real(text, "ASSAULT")


def test_a_province_is_not_a_boycott():
    text = "قال مسؤول في مقاطعة روستوف خلال اجتماع أمني أمس إن الشرطة اعتقلت أربعة أشخاص."
    assert not real(text, "PROTEST")


def test_a_celebrating_crowd_is_not_a_protest():
    text = "تجمهر المئات أمس في الساحات العامة ابتهاجا بفوز المنتخب."
    assert not real(text, "PROTEST")


def test_the_scope_of_qad_with_an_imperfect_is_may():
    text = "يرى محللون أن المسلحين قد يعيدون تنظيم صفوفهم ويشنون هجمات في الجنوب."
    assert not real(text, "ASSAULT")


def test_the_complement_of_a_fear_is_feared():
    text = "قررت السلطات تركيب أجهزة فحص في المطارات بسبب مخاوف من أن يحاول مهاجم انتحاري تفجير طائرة."
    assert not real(text, "ASSAULT")


def test_about_to_is_not_done():
    assert not real("لم توضح أنقرة القرار الذي اتخذته بصدد شن هجوم على مقاتلي الحزب.", "ASSAULT")
