"""A run whose article pages' hosts are all unreachable, with the per-host breaker on and off.

F feeds are served on 127.0.0.1, each listing I items on a host of its own that cannot be
reached: a name under ``.invalid`` that does not resolve (as when DNS or a publisher is
down; ``--down refused`` puts them on ports of 127.0.0.1 that refuse connections instead).
Three runs of the real ``monitor`` flow, each in a fresh child process as ``dealwatch run``
is, with the per-host pacing lifted as in ``bench_pipeline`` (so the time is the failures',
not the 1 s spacing):

* **off**: ``host_failures_to_trip = 0``: every page is requested and retried on its own,
  with backoff (what a run did before issue 19);
* **on**: the shipped ``host_failures_to_trip`` (3): the first failure of a host that does
  not resolve or refuses leaves it for the run; its other pages are stored from their
  summaries at once and queued;
* **on, next run**: the same warehouse, the hosts still down: the queued pages are fetched
  again, host by host in turn, so each host costs one request again.

    .venv/bin/python -m benchmarks.bench_dead_hosts [--feeds 20] [--items 20] [--down unresolved]

Prints each run's time (the flow's own ``seconds``) and the off/on ratio, both measured in
this one invocation; writes ``benchmarks/results/dead_hosts.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.bench_pipeline import (
    DEFAULT_CONCURRENCY,
    CorpusSite,
    _feed_layout,
    run_child,
    write_config,
)
from benchmarks.corpus import rss_feed

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_TRIP = 3  # config/dealwatch.toml's host_failures_to_trip


def _closed_ports(count: int) -> list[int]:
    """Ports of 127.0.0.1 nothing listens on (each bound once to find it free, then closed)."""
    import socket

    ports = []
    for _ in range(count):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(int(probe.getsockname()[1]))
    return ports


def _dead_bases(feeds: int, down: str) -> list[str]:
    if down == "refused":
        return [f"http://127.0.0.1:{port}" for port in _closed_ports(feeds)]
    return [f"http://pub{f:03d}.dead-host.invalid" for f in range(feeds)]


def _configure(config: Path, trip: int) -> None:
    path = config / "dealwatch.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("[feeds]\n", f"[feeds]\nhost_failures_to_trip = {trip}\n", 1),
        encoding="utf-8",
    )


def _row(report: dict[str, Any]) -> dict[str, Any]:
    summary = report["summary"]
    store = summary.get("store", {})
    left = summary.get("hosts_left", [])
    return {
        "run_s": float(summary["seconds"]),
        "process_wall_s": report["process_wall_s"],
        "entries_new": summary.get("entries", {}).get("new", 0),
        "fetched_again": summary.get("entries", {}).get("fetched_again", 0),
        "articles_new": store.get("articles_new", 0),
        "pages_waiting": store.get("pages_waiting", 0),
        "hosts_left": len(left),
        "requests_to_dead_hosts": sum(h["requests"] for h in left),
        "requests_not_sent": sum(h["not_requested"] for h in left),
        "fetch_extract_analyse_wall_s": float(
            (summary.get("stages_s") or {}).get("fetch_extract_analyse_wall", 0.0)
        ),
    }


def run(feeds: int, items: int, down: str, concurrency: int, workdir: Path) -> dict[str, Any]:
    layout = _feed_layout(feeds * items, feeds)
    bases = _dead_bases(feeds, down)
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": {"feeds": feeds, "pages": feeds * items, "hosts": feeds, "down": down},
        "config": {
            "max_concurrency": concurrency,
            "per_host": f"lifted: per_host_interval_s=0, per_host_concurrency={concurrency}",
            "max_retries": "shipped (2)",
        },
        "runs": {},
    }
    with CorpusSite() as site:
        urls = [
            site.add_feed(f"/f{f:03d}/feed.xml", rss_feed(f, group, base))
            for f, (group, base) in enumerate(zip(layout, bases, strict=True))
        ]
        named = [(f"feed {f}", url) for f, url in enumerate(urls)]
        for name, trip, config_name in (
            ("off", 0, "config-off"),
            ("on", SHIPPED_TRIP, "config-on"),
            ("on, next run", SHIPPED_TRIP, "config-on"),
        ):
            config = workdir / config_name
            if not (config / "dealwatch.toml").exists():
                write_config(config, workdir / f"data-{config_name}", named, concurrency)
                _configure(config, trip)
            prefect_home = workdir / "prefect"
            prefect_home.mkdir(parents=True, exist_ok=True)
            log = workdir / f"{config_name}-{len(result['runs'])}.log"
            result["runs"][name] = _row(run_child("monitor", config, prefect_home, log))
    runs = result["runs"]
    result["ratio_off_over_on"] = runs["off"]["run_s"] / max(runs["on"]["run_s"], 1e-9)
    return result


def print_table(result: dict[str, Any]) -> None:
    corpus = result["corpus"]
    print(
        f"{corpus['pages']} pages on {corpus['hosts']} hosts ({corpus['down']}), "
        f"{corpus['feeds']} feeds on 127.0.0.1; max_concurrency "
        f"{result['config']['max_concurrency']}, per-host limits lifted, max_retries 2"
    )
    header = ("run", "run_s", "process_s", "new", "again", "queued", "hosts left", "sent", "unsent")
    print("  ".join(f"{h:>12}" for h in header))
    for name, row in result["runs"].items():
        cells = (
            name,
            f"{row['run_s']:.1f}",
            f"{row['process_wall_s']:.1f}",
            row["entries_new"],
            row["fetched_again"],
            row["pages_waiting"],
            row["hosts_left"],
            row["requests_to_dead_hosts"],
            row["requests_not_sent"],
        )
        print("  ".join(f"{c!s:>12}" for c in cells))
    print(f"breaker off / on (run_s): {result['ratio_off_over_on']:.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_dead_hosts", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--feeds", type=int, default=20, help="feeds, each on a dead host")
    parser.add_argument("--items", type=int, default=20, help="items per feed")
    parser.add_argument("--down", choices=("unresolved", "refused"), default="unresolved")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY)
    parser.add_argument("--keep", type=Path, help="keep configs, warehouses and logs here")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/dead_hosts.json")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(args.feeds, args.items, args.down, args.concurrency, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="dealwatch-dead-hosts-") as tmp:
            result = run(args.feeds, args.items, args.down, args.concurrency, Path(tmp))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
