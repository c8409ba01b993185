"""Page extraction on the real seed page and on the project's own example."""
from __future__ import annotations

from pathlib import Path

from marsad.extract.clean import clean_lines
from marsad.ingest import iter_documents
from marsad.pipeline import process

ROOT = Path(__file__).resolve().parents[2]


def test_seed_title_date_language(seed_record, seed_gold):
    assert seed_gold["title_contains"] in seed_record["title"]
    assert seed_record["published"] == "2016-11-30T17:25:00"
    assert seed_record["language"] == "ar"


def test_seed_boilerplate_removed_and_body_kept(seed_record, seed_gold, seed_path):
    lines = {ln.strip() for ln in seed_record["text"].splitlines()}
    for bad in seed_gold["text_must_not_contain_lines"]:
        assert bad not in lines
    for good in seed_gold["text_must_contain"]:
        assert good in seed_record["text"]
    # every body sentence of the page survives: each long line of the page is in the text
    page = seed_path.read_text(encoding="utf-8").splitlines()[3:]
    for line in page:
        if len(line.split()) > 6:
            assert line.strip() in seed_record["text"]


def test_example_page():
    [doc] = iter_documents([str(ROOT / "examples" / "jordan_meeting.txt")])
    rec = process(doc).to_dict()
    assert rec["title"].startswith("وزراء خارجية دول الجوار")
    assert rec["published"] == "2017-01-12T10:40:00"
    lines = {ln.strip() for ln in rec["text"].splitlines()}
    assert not lines & {"طباعة وزراء خارجية دول", "وزراء خارجية دول", "شارك"}
    assert rec["text"].startswith("اجتمع وزراء")


def test_caption_rule_never_removes_a_body_sentence():
    title = "الجيش يعلن السيطرة على المدينة بعد معارك عنيفة"
    body = "الجيش يعلن\nالجيش يعلن السيطرة على المدينة بعد معارك عنيفة استمرت أياما.\nشارك"
    cleaned = clean_lines(body, title)
    assert cleaned.text == "الجيش يعلن السيطرة على المدينة بعد معارك عنيفة استمرت أياما."


def test_dateline_formats():
    from marsad.time import parse_datetime
    cases = {
        "الأربعاء 30/نوفمبر/2016 - 05:25 م": "2016-11-30T17:25:00",
        "٣٠ تشرين الثاني ٢٠١٦": "2016-11-30",
        "15 أوت 2014": "2014-08-15",
        "2016-11-30": "2016-11-30",
        "30/11/2016 09:05 ص": "2016-11-30T09:05:00",
        "March 3, 2010": "2010-03-03",
    }
    for text, want in cases.items():
        got = parse_datetime(text)
        assert got is not None and got.iso() == want, text
