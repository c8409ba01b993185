"""Every PLOVER type is coded from a sentence written for this test, with the flags and
arguments its construction implies; event-ness rules are pinned the same way."""
from __future__ import annotations

import pytest

from marsad.analysis import analyse_article
from marsad.extract import Article


def events(text: str, published: str = "2017-03-01") -> list[dict]:
    rec = analyse_article(Article("t", None, None, published, "ar", text)).to_dict()
    return rec["events"]


def real(text: str, etype: str) -> list[dict]:
    return [e for e in events(text) if e["event_type"] == etype
            and not e["negated"] and not e["hypothetical"]]


CASES = {
    "AGREE": ("وقعت الحكومة السودانية والحركة الشعبية أمس اتفاقا لوقف القتال في الخرطوم.",
              "SDN", None),
    "CONSULT": ("التقى وزير الخارجية الأردني نظيره المصري أمس في القاهرة وبحثا معه تطورات "
                "الأزمة.", "JOR", "EGY"),
    "SUPPORT": ("رحبت الجامعة العربية أمس بالاتفاق الذي توصلت إليه الأطراف اليمنية.", "IGO", None),
    "CONCEDE": ("اعتذرت الحكومة التركية أمس رسميا عن إسقاط الطائرة الروسية.", "TUR", None),
    "COOPERATE": ("أجرت القوات الأردنية والقوات الأمريكية أمس مناورات عسكرية مشتركة قرب "
                  "العقبة.", None, None),
    "AID": ("قدمت المملكة العربية السعودية أمس مساعدات إنسانية للاجئين السوريين في الأردن.",
            "SAU", "SYR"),
    "RETREAT": ("أفرجت السلطات الإيرانية أمس عن ثلاثة صحفيين أجانب في طهران.", "IRN", None),
    "REQUEST": ("دعا الأمين العام للأمم المتحدة أمس الأطراف الليبية إلى استئناف المفاوضات.",
                "IGO", "LBY"),
    "ACCUSE": ("أدانت وزارة الخارجية الفرنسية أمس الهجوم على السفارة في بغداد.", "FRA", None),
    "REJECT": ("رفضت الحكومة العراقية أمس طلب إقليم كردستان إجراء الاستفتاء.", "IRQ", None),
    "THREATEN": ("هددت كوريا الشمالية أمس بضرب القواعد الأمريكية في المنطقة.", "PRK", "USA"),
    "PROTEST": ("تظاهر آلاف المواطنين أمس في وسط تونس العاصمة احتجاجا على غلاء الأسعار.",
                None, None),
    "SANCTION": ("فرضت الولايات المتحدة أمس عقوبات جديدة على إيران.", "USA", "IRN"),
    "MOBILIZE": ("حشد الجيش التركي أمس تعزيزات عسكرية على الحدود مع سوريا.", "TUR", None),
    "COERCE": ("اعتقلت الشرطة المصرية أمس عشرة أشخاص في الإسكندرية.", "EGY", None),
    "ASSAULT": ("قتل خمسة جنود عراقيين أمس في هجوم بسيارة مفخخة في الموصل.", None, "IRQ"),
}


@pytest.mark.parametrize("etype", sorted(CASES))
def test_each_type(etype):
    text, actor, recipient = CASES[etype]
    found = real(text, etype)
    assert found, events(text)
    e = found[0]
    assert e["date"]["value"] == "2017-02-28"  # أمس against the publication date
    if actor:
        assert e["actor"]["country"] == actor
    if recipient:
        assert e["recipient"]["country"] == recipient


def test_negation_and_denial():
    assert not real("لم تقصف الطائرات الإسرائيلية أي مواقع في غزة أمس.", "ASSAULT")
    assert not real("نفت وزارة الدفاع أن تكون قواتها قد قتلت مدنيين في القرية.", "ASSAULT")


def test_future_condition_intent_question_are_hypothetical():
    for s in ("سوف تشن القوات هجوما على المدينة الأسبوع المقبل.",
              "إذا هاجمت القوات المدينة فإن الخسائر ستكون كبيرة.",
              "تعتزم الحكومة اعتقال قادة المعارضة.",
              "هل قتل الجيش المدنيين في القرية؟"):
        assert not [e for e in events(s) if e["event_type"] in ("ASSAULT", "COERCE")
                    and not e["hypothetical"] and not e["negated"]], s


def test_reported_speech_codes_the_reported_attack():
    evs = events("قالت الشرطة إن مسلحين هاجموا مركزا أمنيا في بعقوبة أمس وقتلوا ثلاثة من "
                 "عناصره.")
    assault = [e for e in evs if e["event_type"] == "ASSAULT"]
    assert assault and assault[0]["actor"]["sector"] == "UAF"


def test_passive_and_agent_phrase():
    e = real("قتل ثلاثة صحفيين برصاص قناص في مدينة تعز أمس.", "ASSAULT")[0]
    assert e["recipient"]["sector"] == "MED" and e["actor"]["sector"] == "UAF"


def test_historical_from_an_old_date():
    e = real("وقصفت الطائرات الأمريكية مواقع التنظيم في الرقة في 15 أغسطس 2014.", "ASSAULT")[0]
    assert e["historical"] and e["mode"] == "aerial" and e["date"]["value"] == "2014-08-15"


def test_metaphor_is_not_an_attack():
    assert not real("شنت الصحيفة هجوما إعلاميا حادا على الحكومة.", "ASSAULT")


def test_location_through_a_place_noun_and_nationality():
    e = real("اجتمع وزراء خارجية الأردن ولبنان وتركيا والعراق، أمس الأربعاء، في العاصمة "
             "الأردنية عمّان لبحث أوضاع اللاجئين.", "CONSULT")[0]
    assert e["location"]["name"] == "Amman" and e["location"]["country"] == "JOR"
