"""WARC and RSS inputs end to end."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from marsad.ingest import iter_documents
from marsad.pipeline import process

ARTICLE = ("<html><head><title>اجتماع وزاري في عمان</title></head><body><article>"
           "<h1>اجتماع وزاري في عمان</h1><p>اجتمع وزراء خارجية الأردن ومصر والعراق أمس في "
           "العاصمة الأردنية لبحث الأوضاع في المنطقة، وقال وزير الخارجية الأردني إن "
           "اللقاء كان بناء ومثمرا.</p></article></body></html>")


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        def response(url, body, ctype, status="200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))
        w.write_record(w.create_warc_record("http://example.org/a", "request",
                                            payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("http://example.org/a", ARTICLE.encode(), "text/html; charset=utf-8")
        response("http://example.org/logo.png", b"\x89PNG....", "image/png")
        response("http://example.org/missing", b"not found", "text/html", "404 Not Found")
        response("http://example.org/b", ARTICLE.replace("عمان", "القاهرة").encode("cp1256"),
                 "text/html; charset=windows-1256")


def test_warc_html_records_become_documents_others_are_counted(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    docs = list(iter_documents([str(path)]))
    real = [d for d in docs if d.kind != "skipped"]
    skipped = [d.error.message for d in docs if d.kind == "skipped"]
    assert [d.url for d in real] == ["http://example.org/a", "http://example.org/b"]
    assert sorted(skipped) == ["HTTP status 404", "content type image/png", "record type request"]
    recs = [process(d).to_dict() for d in real]
    assert all(r["error"] is None for r in recs)
    assert "القاهرة" in recs[1]["title"]  # decoded from windows-1256
    exe = Path(sys.executable).with_name("marsad")
    res = subprocess.run([str(exe), "extract", str(path)], capture_output=True, timeout=300)
    assert res.returncode == 0 and len(res.stdout.decode().splitlines()) == 2
    assert "skipped 3" in res.stderr.decode()


def test_rss_items_become_documents_with_their_dates(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title>
<item><title>اجتماع وزاري</title><link>http://example.org/1</link><guid>n1</guid>
<pubDate>Wed, 30 Nov 2016 17:25:00 GMT</pubDate>
<description><![CDATA[{ARTICLE}]]></description></item>
<item><title>خبر فارغ</title><link>http://example.org/2</link><guid>n2</guid>
<description></description></item>
</channel></rss>""", encoding="utf-8")
    recs = [process(d).to_dict() for d in iter_documents([str(feed)])]
    assert [r["id"] for r in recs] == ["n1", "n2"]
    assert recs[0]["published"] == "2016-11-30T17:25:00"
    assert recs[0]["title"] == "اجتماع وزاري" and "وزراء خارجية" in recs[0]["text"]
    assert recs[1]["error"]["code"] == "E_EMPTY"
