#!/usr/bin/env python3
"""Throughput and memory of `marsad extract`, as ratios against a reference run on the
same machine in the same run (these machines are shared and noisy: compare ratios, not
seconds).

Measures
  (a) trafilatura's own extraction time on N HTML pages (the reference),
  (b) `marsad extract DIR --workers 1` on the same pages (a subprocess, start-up included),
      and the ratio b / a (goal 1.5x, ceiling 4x),
  (c) sentences per second on ../shared/eval/ar_gsr/dev.jsonl,
  (d) peak RSS of each marsad run and the start-up time (one tiny document).

The HTML pages are built at benchmark time from ../shared/corpus articles with a realistic
news template (navigation, related links, share buttons, footer); the texts are never
written into the repository.

usage: python benchmarks/bench_extract.py [--pages 400] [--shared ../shared] [--json OUT]
"""
from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TEMPLATE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | موقع الأخبار</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js"></script>
</head><body>
<header><div class="logo">موقع الأخبار</div>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">عربي ودولي</a></li>
<li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li>
<li><a href="/sport">رياضة</a></li><li><a href="/culture">ثقافة</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="meta"><span class="date">{published_ar}</span> <span class="author">القسم الدولي</span></div>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a> <a href="#">طباعة</a></div>
<div class="body">{paragraphs}</div>
<div class="tags"><a href="/tag/1">أخبار</a> <a href="/tag/2">العالم</a></div>
</article>
<aside class="related"><h3>اقرأ أيضا</h3><ul>{related}</ul></aside>
<section class="comments"><h3>التعليقات</h3><p>لا توجد تعليقات بعد. كن أول من يعلق.</p></section>
</main>
<footer><p>جميع الحقوق محفوظة © موقع الأخبار</p><a href="/about">من نحن</a> <a href="/contact">اتصل بنا</a></footer>
</body></html>
"""


def build_pages(corpus: Path, n: int, out_dir: Path) -> list[Path]:
    articles = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if len(articles) >= n + 5:
                break
            articles.append(json.loads(line))
    paths = []
    for i, a in enumerate(articles[:n]):
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p.strip())
        related = "".join(f'<li><a href="/a/{j}">{html.escape(articles[j]["title"])}</a></li>'
                          for j in range(i + 1, min(i + 5, len(articles))))
        page = TEMPLATE.format(title=html.escape(a["title"]), published=a["published"],
                               published_ar=html.escape(a["published"][:10]),
                               paragraphs=paras, related=related)
        p = out_dir / f"page{i:04d}.html"
        p.write_text(page, encoding="utf-8")
        paths.append(p)
    return paths


def time_trafilatura(paths: list[Path]) -> float:
    import trafilatura
    t = time.perf_counter()
    for p in paths:
        trafilatura.bare_extraction(p.read_text(encoding="utf-8"), include_comments=False,
                                    with_metadata=True)
    return time.perf_counter() - t


def run_marsad(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and number of output lines of one marsad run."""
    exe = Path(sys.executable).with_name("marsad")
    cmd = [str(exe) if exe.exists() else "marsad"] + args
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = sum(1 for _ in proc.stdout)  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if status != 0 and os.waitstatus_to_exitcode(status) > 100:
        raise RuntimeError(f"marsad failed: {cmd}")
    return wall, usage.ru_maxrss, lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", help="also write the results here")
    a = ap.parse_args()
    shared = Path(a.shared)
    corpus = shared / "corpus" / "ant_jawhara_news.jsonl"
    gsr = shared / "eval" / "ar_gsr" / "dev.jsonl"
    res: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        (tmpd / "pages").mkdir()
        pages = build_pages(corpus, a.pages, tmpd / "pages")
        (tmpd / "tiny").mkdir()
        tiny = tmpd / "tiny" / "tiny.txt"
        tiny.write_text("عنوان\n\nقال المتحدث إن الاجتماع عقد أمس في بغداد.", encoding="utf-8")
        res["pages"] = len(pages)
        res["trafilatura_s"] = round(time_trafilatura(pages), 2)
        wall, rss, n = run_marsad(["extract", str(tmpd / "pages"), "--workers", "1",
                                   "--no-progress"])
        res["marsad_s"] = round(wall, 2)
        res["marsad_records"] = n
        res["ratio"] = round(wall / res["trafilatura_s"], 2)
        res["docs_per_s"] = round(len(pages) / wall, 1)
        res["peak_rss_mb"] = round(rss / 1024, 1)
        wall, rss, n = run_marsad(["extract", str(tiny), "--no-progress"])
        res["startup_s"] = round(wall, 2)
        if gsr.exists():
            wall, rss, n = run_marsad(["extract", str(gsr), "--no-progress"])
            res["sentences"] = n
            res["sentences_per_s"] = round(n / wall, 1)
            res["gsr_peak_rss_mb"] = round(rss / 1024, 1)
    width = max(len(k) for k in res)
    print("| measure | value |\n|---|---|")
    for k, v in res.items():
        print(f"| {k:<{width}} | {v} |")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
