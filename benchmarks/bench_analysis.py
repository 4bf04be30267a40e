"""Analysis time per article against trafilatura's extraction of the same page.

For each article of the folder (the pulled real articles by default): the median of several analysis runs, and the median
of trafilatura extracting its page (.html as is; .txt wrapped in a realistic
page with navigation, sidebar and footer). Analysis is timed cold: its
per-sentence memos and the watchlist's remembered lookups are dropped before
every run. Each run is timed by the wall clock and by the process's CPU clock;
on a shared machine the wall clock also counts other processes, the CPU clock
does not. Prints both tables and writes JSON to benchmarks/results/analysis.json.

    .venv/bin/python benchmarks/bench_analysis.py [FOLDER] [--repeat N]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.analysis import analyse  # noqa: E402
from extractors.documents import articles_from_path  # noqa: E402
from extractors.watchlist import load_watchlist  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script></head>
<body><header class="site-header"><a class="logo" href="/">The Daily Ledger</a>
<nav><ul><li><a href="/tech">Tech</a></li><li><a href="/business">Business</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/ai">AI</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<div class="layout"><main><article><h1>{title}</h1><p class="byline">By Staff Reporter · 5 min read</p>
{body}</article><section class="share"><a href="#">Share on X</a> <a href="#">Share on LinkedIn</a> <a href="#">Email</a></section>
</main><aside class="sidebar"><h3>Most read</h3><ol><li><a href="/a">Chipmakers rally as demand for AI servers surges</a></li>
<li><a href="/b">Regulators weigh new rules for cloud contracts</a></li><li><a href="/c">Five gadgets worth buying this autumn</a></li>
<li><a href="/d">Markets close higher after a volatile week</a></li></ol><div class="ad">Advertisement</div></aside></div>
<footer><p>© 2025 The Daily Ledger. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li>
<li><a href="/contact">Contact us</a></li><li><a href="/cookies">Cookie settings</a></li></ul></footer></body></html>"""


SECTIONS = ["World", "US", "Politics", "Business", "Markets", "Tech", "AI", "Science", "Health", "Climate", "Sport", "Culture",
            "Opinion", "Video", "Podcasts", "Newsletters", "Events", "Careers"]  # fmt: skip
TOPICS = ["chips", "cloud", "startups", "venture capital", "regulation", "antitrust", "robotics", "semiconductors", "data centres",
          "cybersecurity", "quantum", "batteries", "EVs", "space", "biotech", "media", "telecoms", "retail"]  # fmt: skip


def _boilerplate() -> tuple[str, str, str, str]:
    """Navigation, related stories, footer and scripts as a typical news page carries them."""
    nav = "".join(
        f'<li class="nav-item"><a href="/{s.lower()}">{s}</a><ul class="sub">'
        + "".join(
            f'<li><a href="/{s.lower()}/{t.replace(" ", "-")}">{t.title()}</a></li>'
            for t in TOPICS[:8]
        )
        + "</ul></li>"
        for s in SECTIONS
    )
    related = "".join(
        f'<li class="card"><a href="/tech/story-{i}"><img src="/img/{i}.jpg" alt="">'
        f"<h4>Analysts weigh what {t} spending means for the quarter ahead</h4>"
        f"<p>Investors are watching how companies in {t} adjust plans as costs rise and demand shifts.</p></a>"
        f'<span class="meta">{(i % 9) + 1} min read</span></li>'
        for i, t in enumerate(TOPICS * 2)
    )
    footer = "".join(
        f'<div class="col"><h5>{s}</h5><ul>'
        + "".join(
            f'<li><a href="/{s.lower()}/{k}">{k.title()}</a></li>'
            for k in ("about", "contact", "help", "archive")
        )
        + "</ul></div>"
        for s in SECTIONS
    )
    script = (
        "<script>"
        + ";".join(
            f"window.__cfg{i}={{id:{i},slot:'ad-{i}',sizes:[[300,250],[728,90]],lazy:true}}"
            for i in range(400)
        )
        + "</script>"
    )
    return nav, related, footer, script


NAV, RELATED, FOOTER, SCRIPT = _boilerplate()


def wrap(text: str) -> bytes:
    lines = [line.strip() for line in text.split("\n\n") if line.strip()]
    title = html.escape(lines[0]) if lines else ""
    body = "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in lines[1:])
    page = PAGE.format(title=title, body=body)
    page = page.replace("<nav><ul>", f"<nav><ul>{NAV}", 1)
    page = page.replace(
        '<div class="ad">Advertisement</div>',
        f'<div class="ad">Advertisement</div><ul class="related">{RELATED}</ul>',
        1,
    )
    page = page.replace("<footer>", f"<footer>{FOOTER}", 1).replace(
        "</head>", f"{SCRIPT}</head>", 1
    )
    return page.encode("utf-8")


def _time(fn, repeat: int, setup=None) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(wall), statistics.median(cpu)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _default_folder() -> Path:
    """The pulled real articles when they are there (the target is measured on them), else the
    written set."""
    real = ROOT / "tests" / "data" / "real"
    return real if any(real.glob("*.txt")) else ROOT / "tests" / "data" / "labelled"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=_default_folder())
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "analysis.json"
    )
    args = parser.parse_args(argv)
    watchlist = load_watchlist(ROOT / "config" / "watchlist.toml")
    fetched = datetime(2025, 1, 1, tzinfo=UTC)

    def cold() -> None:
        watchlist.forget_lookups()

    load_before = os.getloadavg()[0]  # other processes on the machine, for reading the wall clock
    rows = []
    for path in sorted(args.folder.iterdir()):
        if path.suffix not in {".txt", ".html", ".htm", ".md"} or path.name == "README.md":
            continue
        [article] = articles_from_path(path, fetched_at=fetched)
        page = path.read_bytes() if path.suffix in {".html", ".htm"} else wrap(article.text)
        analyse(article, watchlist)  # compile the module regexes once
        t_analyse = _time(lambda a=article: analyse(a, watchlist), args.repeat, setup=cold)
        t_extract = _time(
            lambda p=page: trafilatura.extract(
                p.decode("utf-8", "replace"), include_comments=False
            ),
            args.repeat,
        )
        row = {"article": path.name, "chars": len(article.text), "page_bytes": len(page)}
        for clock, i in (("", 0), ("cpu_", 1)):
            row[f"{clock}analyse_ms"] = t_analyse[i] * 1e3
            row[f"{clock}extract_ms"] = t_extract[i] * 1e3
            row[f"{clock}ratio"] = t_analyse[i] / t_extract[i] if t_extract[i] else None
        rows.append(row)
    summary: dict[str, object] = {
        "articles": len(rows),
        "repeat": args.repeat,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
    }
    for clock, title in (("", "wall clock"), ("cpu_", "CPU clock")):
        summary |= _summary(rows, clock)
        print(f"{title:<22}{'median':>10}{'p95':>10}")
        for name, key, digits in (("analyse (ms)", "analyse_ms", 2), ("trafilatura (ms)", "extract_ms", 2),
                                  ("analyse / extract", "ratio", 3)):  # fmt: skip
            median, p95 = summary[f"{clock}{key}_median"], summary[f"{clock}{key}_p95"]
            print(f"  {name:<20}{median:>10.{digits}f}{p95:>10.{digits}f}")
        print(f"  {'ratio of medians':<20}{summary[f'{clock}ratio_of_medians']:>10.3f}")
    print(
        f"articles: {len(rows)}, {args.repeat} runs each; load average "
        f"{summary['load_average_before']:.1f} -> {summary['load_average_after']:.1f}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"summary": summary, "articles": rows}, indent=2), encoding="utf-8"
    )
    return 0


def _summary(rows: list[dict], clock: str) -> dict[str, float]:
    """Median and p95 of analysis, extraction and their per-page ratio, for one clock."""
    out = {}
    for key in ("analyse_ms", "extract_ms", "ratio"):
        values = [r[f"{clock}{key}"] for r in rows if r[f"{clock}{key}"] is not None]
        out[f"{clock}{key}_median"] = statistics.median(values)
        out[f"{clock}{key}_p95"] = _p95(values)
    out[f"{clock}ratio_of_medians"] = (
        out[f"{clock}analyse_ms_median"] / out[f"{clock}extract_ms_median"]
    )
    return out


if __name__ == "__main__":
    sys.exit(main())
