#!/usr/bin/env python3
"""Writes a feed benchmark site: N article pages made from the bundled sample reports
(samples/reports/*.txt), each dressed with navigation, an advertisement and reader comments,
and one RSS 2.0 feed listing them. Serve it on loopback and point `sitrep watch` at it:

    bench/feeds/make-feed.py --n 200 --port 8790 --out .cache/feedsite
    python3 -m http.server 8790 --bind 127.0.0.1 -d .cache/feedsite &

Each page carries its number in a closing line, so no two have the same text (the watcher would
rightly store a copy only once). Deterministic: the same N and port give the same files.
"""
import argparse, html, pathlib

root = pathlib.Path(__file__).resolve().parents[2]
ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=200)
ap.add_argument("--port", type=int, default=8790)
ap.add_argument("--out", default=str(root / ".cache" / "feedsite"))
args = ap.parse_args()

samples = sorted((root / "samples" / "reports").glob("*.txt"))
out = pathlib.Path(args.out)
(out / "a").mkdir(parents=True, exist_ok=True)
items = []
for i in range(args.n):
    sample = samples[i % len(samples)]
    paragraphs = [p.strip() for p in sample.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    title = paragraphs[0].split("\n")[0][:90]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)} | Bench Wire</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/video">Video</a></nav></header>
<div class="ad"><p>Advertisement: thermal socks, three pairs for the price of two, this week only.</p></div>
<article><h1>{html.escape(title)}</h1>
{body}<p>Filed as dispatch {i + 1} of the bench wire desk.</p></article>
<div class="comments"><p>Posted by reader_1: Thank you for the report.</p><p>Posted by reader_2: Stay safe out there.</p></div>
<footer>Bench Wire, all rights reserved.</footer></body></html>"""
    (out / "a" / f"{i + 1:05}.html").write_text(page, encoding="utf-8")
    day = 1 + i % 28
    items.append(f"<item><title>{html.escape(title)}</title><link>http://127.0.0.1:{args.port}/a/{i + 1:05}.html</link>"
                 f"<pubDate>Sun, {day:02} Mar 2026 10:00:00 GMT</pubDate></item>")
(out / "rss.xml").write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench Wire</title>'
                             + "".join(items) + "</channel></rss>", encoding="utf-8")
(out / "feeds.txt").write_text(f"# bench feed\nhttp://127.0.0.1:{args.port}/rss.xml\n", encoding="utf-8")
print(f"make-feed: {args.n} pages and rss.xml in {out}")
