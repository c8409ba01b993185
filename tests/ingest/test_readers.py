"""Bad input never crashes and is never dropped: each case yields its error record."""
from __future__ import annotations

import io
import json

from marsad.errors import MAX_DOCUMENT_BYTES
from marsad.ingest import iter_documents, sniff
from marsad.pipeline import process

ARABIC = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد في بغداد يوم الأحد المقبل لبحث الأزمة."


def records(*paths):
    return [process(d).to_dict() for d in iter_documents([str(p) for p in paths])]


def test_sniff_by_content_wins_over_suffix():
    assert sniff("a.txt", b'{"text": "x"}\n') == "jsonl"
    assert sniff("a.txt", b"<!DOCTYPE html><html>") == "html"
    assert sniff("a", b"WARC/1.0\r\n") == "warc"
    assert sniff("feed", b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff("a.txt", "نص عادي".encode()) == "text"


def test_each_bad_input_gives_an_error_record_and_the_run_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 20)
    lines = tmp_path / "mixed.jsonl"
    lines.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ARABIC}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "nofields", "body": "x"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"text": ARABIC}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("عنوان\n\n" + ARABIC, encoding="utf-8")
    recs = records(empty, junk, lines, good, tmp_path / "missing.txt")
    codes = [(r["error"] or {}).get("code") for r in recs]
    assert codes == ["E_EMPTY", "E_BINARY", None, "E_JSON", "E_JSON_FIELDS", "E_EMPTY", None,
                     None, "E_IO"]
    assert recs[2]["id"] == "ok1" and recs[4]["id"] == "nofields"
    assert len(recs[6]["id"]) == 20  # a content hash when the input has no id
    assert recs[6]["id"] == records(lines)[4]["id"]  # ... and it is stable


def test_oversized_document(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.seek(MAX_DOCUMENT_BYTES + 10)
        f.write(b"x")
    [rec] = records(big)
    assert rec["error"]["code"] == "E_TOO_LARGE"


def test_legacy_arabic_encodings_are_decoded(tmp_path):
    for enc in ("cp1256", "iso8859_6"):
        p = tmp_path / f"{enc}.txt"
        p.write_bytes(("عنوان الخبر\n\n" + ARABIC).encode(enc))
        [rec] = records(p)
        assert rec["error"] is None, rec["error"]
        assert "بغداد" in rec["text"] and rec["language"] == "ar"


def test_html_input(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>اجتماع في بغداد</title></head><body><nav>الرئيسية | أخبار</nav>"
        f"<article><h1>اجتماع في بغداد</h1><p>{ARABIC}</p><p>{ARABIC}</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>", encoding="utf-8")
    [rec] = records(page)
    assert rec["error"] is None
    assert rec["title"] == "اجتماع في بغداد"
    assert ARABIC in rec["text"] and "الرئيسية" not in rec["text"]


def test_stdin_jsonl_keeps_order():
    data = "\n".join(json.dumps({"id": f"d{i}", "text": ARABIC}, ensure_ascii=False)
                     for i in range(5)).encode()
    docs = list(iter_documents(["-"], stdin=io.BufferedReader(io.BytesIO(data))))
    assert [d.id for d in docs] == [f"d{i}" for i in range(5)]


def test_folder_input_is_read_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(f"{name}\n\n{ARABIC}", encoding="utf-8")
    assert [r["title"] for r in records(tmp_path)] == ["a.txt", "b.txt"]
