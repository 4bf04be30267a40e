"""Analysis of hostile text: does its cost grow with the text, and no faster?

Each kind of text below is built to the sizes given (1 MB by default at the top), from
pieces that stress one pass of the analysis: a sentence that never ends, thousands of
capitalised names in one clause, figures back to back, every deal cue repeated, names
that look like people, brackets and tables. For each kind the benchmark times
``extractors.analysis.analyse`` at each size and prints the ratio of time per character
between the largest size and the smallest one under the cap. A pass that is linear in the
text keeps that ratio near 1; a quadratic one doubles it each time the size doubles. Above
``MAX_ANALYSED_CHARS`` the analysis reads only the start of the text, so its time stays
flat there, and the 1 MB article must cost about what the cap costs.

    .venv/bin/python benchmarks/bench_adversarial.py [--sizes 7500,15000,30000,60000,1000000]

Target: every kind's ratio ≤ 2 below the cap, and the 1 MB article ≤ 1.5 × the article
at the cap. Writes ``benchmarks/results/adversarial.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.analysis import MAX_ANALYSED_CHARS, analyse  # noqa: E402
from extractors.documents import article_from_text  # noqa: E402
from extractors.watchlist import load_watchlist  # noqa: E402

HEADLINE = "Halcyon hires Lumeo founders in licensing deal\n\n"
# Pieces repeated to the size wanted. Each stresses one pass; all are our own words.
KINDS: dict[str, str] = {
    # no full stop ever: one sentence, one clause of the whole text
    "endless sentence": "Halcyon and Lumeo and Orbital AI and Meta and Scale AI and Google with Windsurf ",
    # capitalised runs the name finder has to split and judge
    "capitalised names": "Northwind Quantum Vector Labs Corp, Bluebird Acre Systems Inc, Meta Platforms, "
    "Scale AI, Jane Doe, Alexandr Wang, Hamilton Ridge Capital Partners LLC; ",
    # figures back to back, in every form the figure finder reads
    "figures": "$14.3 billion, 49%, US$650m, 2.700 millones de dólares, about 40 engineers, "
    "a quarter of its staff, 28-year-old, between $1bn and $2bn, 143억 달러; ",
    # every cue of a deal, repeated: every sentence is a candidate
    "deal cues": "Halcyon hires Lumeo's founders and licenses its models for $400 million. "
    "Meta paid $14.3 billion for 49% of Scale AI and hired its CEO Alexandr Wang. ",
    # people and their titles: affiliations, surnames, ages
    "people": "Lumeo CEO Jane Doe, 34, joined Halcyon, said Doe; co-founder John Roe, 29, "
    "and chief scientist Ann Poe followed. ",
    # brackets, table rows and hard-wrapped lines
    "tables": "| Meta | Scale AI | $14.3B | 49% |\n| Google | Windsurf | $2.4B | (licence) |\n"
    "((((Halcyon [Lumeo] {Orbital}))))\n",
    # a live blog: short paragraphs, each a sentence naming a company
    "live blog": "10:42 Halcyon confirms the Lumeo deal.\n\n10:43 Lumeo staff join Halcyon.\n\n",
}
DEFAULT_SIZES = (7_500, 15_000, 30_000, MAX_ANALYSED_CHARS, 1_000_000)


def build(piece: str, size: int) -> str:
    """``piece`` repeated after the headline until the text is ``size`` characters long."""
    body_size = max(0, size - len(HEADLINE))
    return HEADLINE + (piece * (body_size // len(piece) + 1))[:body_size]


def time_once(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=",".join(str(s) for s in DEFAULT_SIZES), help="characters"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "adversarial.json"
    )
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    watchlist = load_watchlist(ROOT / "config" / "watchlist.toml")
    fetched = datetime(2025, 1, 1, tzinfo=UTC)
    under_cap = [s for s in sizes if s <= MAX_ANALYSED_CHARS]
    rows = []
    print(f"{'kind':<20}" + "".join(f"{s:>11,}" for s in sizes) + f"{'linear':>9}{'1 MB/cap':>10}")
    for kind, piece in KINDS.items():
        seconds = {}
        for size in sizes:
            article = article_from_text(
                build(piece, size),
                url=f"https://bench.example/{size}",
                origin="feed",
                fetched_at=fetched,
            )
            seconds[size] = time_once(lambda a=article: analyse(a, watchlist))
        per_char = {s: seconds[s] / s for s in under_cap}
        linear = per_char[under_cap[-1]] / per_char[under_cap[0]] if len(under_cap) > 1 else None
        beyond = [s for s in sizes if s > MAX_ANALYSED_CHARS]
        capped = seconds[beyond[-1]] / seconds[under_cap[-1]] if beyond and under_cap else None
        rows.append(
            {"kind": kind, "seconds": seconds, "linear_ratio": linear, "beyond_cap_ratio": capped}
        )
        print(
            f"{kind:<20}"
            + "".join(f"{seconds[s] * 1e3:>9.0f}ms" for s in sizes)
            + (f"{linear:>9.2f}" if linear is not None else f"{'-':>9}")
            + (f"{capped:>10.2f}" if capped is not None else f"{'-':>10}")
        )
    worst_linear = max((r["linear_ratio"] or 0.0) for r in rows)
    worst_capped = max((r["beyond_cap_ratio"] or 0.0) for r in rows)
    print(
        f"worst linear ratio {worst_linear:.2f} (target ≤ 2); worst 1 MB/cap {worst_capped:.2f} (target ≤ 1.5)"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"sizes": sizes, "kinds": rows}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
