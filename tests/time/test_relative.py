"""Relative dates resolved against the publication date."""
from __future__ import annotations

from datetime import date

from marsad.lang.normalize import norm
from marsad.time.relative import resolve_relative

PUB = date(2017, 4, 16)  # a Sunday


def values(text: str) -> list[str]:
    return [r.value for r in resolve_relative(norm(text), PUB)]


def test_relative_days():
    assert values("قتل أمس خمسة") == ["2017-04-15"]
    assert values("تبدأ غدا المفاوضات") == ["2017-04-17"]
    assert values("بعد غد") == ["2017-04-18"]


def test_a_weekday_is_the_last_one_unless_marked_as_next():
    assert values("وقع الهجوم يوم الخميس") == ["2017-04-13"]
    assert values("الخميس المقبل") == ["2017-04-20"]


def test_a_weekday_in_apposition_names_the_same_day():
    assert values("يبدأ الأسرى غداً الإثنين إضراباً") == ["2017-04-17"]
    assert values("قتل أمس الجمعة خمسة") == ["2017-04-15"]


def test_ago():
    assert values("قبل ثلاثة أيام") == ["2017-04-13"]
