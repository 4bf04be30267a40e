"""The real ``monitor`` flow over a generated news corpus, served on 127.0.0.1.

Two corpora (``CORPORA``): ``generated`` (``corpus.py``: one English template, pages of
60-90 KB) and ``real-shaped`` (``realshaped.py``: sizes, markup and languages spread as
on real news pages). The second is measured cold and against its floor only; the warm
passes measure polling, which the pages' shape does not change.

Four measurements in one process run, each flow in a child process of its own
(a fresh interpreter, as ``dealwatch run`` is), with a temporary config folder,
warehouse and ``PREFECT_HOME`` (Prefect's ephemeral API, nothing shared with
the user's):

* **cold**: N new articles from F feeds: wall time, articles/s, peak RSS, the
  flow's own stage times (``summary["stages_s"]``);
* **floor**: trafilatura alone over the same page bytes, called as the
  pipeline calls it, on a thread pool the size of the flow's (or as many
  processes as the flow's ``extract_processes``), in this process;
* **prefect start-up**: a child process running an empty flow, the same way;
* **warm**: 200 feeds with nothing new. Pass 1: the cold run's feeds answer 304
  to their validators, the other feeds (never polled before) repeat items the
  warehouse already holds. Pass 2: every feed answers 304. Each warm child runs
  an empty flow first (imports, the ephemeral server's start, one flow run:
  Prefect's start-up) and then ``monitor``; that second call is the time
  "beyond Prefect's start-up". (The difference between a warm child's wall and
  the empty-flow child's is kept too, but start-up alone varies by seconds on a
  busy machine.)

The corpus lives on one host, 127.0.0.1. The shipped per-host politeness
(2 requests at a time, 1 s apart) would make the run a measure of that delay,
so the benchmark config lifts it for this host (``per_host_interval_s = 0``,
``per_host_concurrency = max_concurrency``); the output says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil

from benchmarks import realshaped
from benchmarks.corpus import DEFAULT_SEED, NEWEST, ArticleSpec, corpus_specs, page_html, rss_feed

ROOT = Path(__file__).resolve().parents[1]
RESULT_MARK = "BENCH-RESULT "
DEFAULT_CONCURRENCY = 8
RSS_SAMPLE_S = 0.05


@dataclass(frozen=True)
class Corpus:
    """How one corpus is made: its articles feed by feed, and each article's page."""

    name: str
    specs: Callable[[int, int, int], Iterator[ArticleSpec]]
    page: Callable[[Any], bytes]


CORPORA = {
    c.name: c
    for c in (
        Corpus("generated", corpus_specs, page_html),
        Corpus("real-shaped", realshaped.corpus_specs, realshaped.page_html),
    )
}


# --- the local site ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None


class CorpusSite:
    """A keep-alive HTTP/1.1 server on 127.0.0.1 answering from a dict of bytes.

    Feeds carry an ETag and Last-Modified and answer 304 to a request that
    presents either; every answer is counted by status.
    """

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.answers: Counter[int] = Counter()
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
                found = site.resources.get(self.path.split("?", 1)[0])
                if found is None:
                    self._answer(404, b"", "text/plain")
                elif found.etag and (
                    self.headers.get("If-None-Match") == found.etag
                    or self.headers.get("If-Modified-Since") == found.last_modified
                ):
                    self._answer(304, b"", None, found)
                else:
                    self._answer(200, found.body, found.content_type, found)

            def _answer(
                self,
                code: int,
                body: bytes,
                content_type: str | None,
                found: Resource | None = None,
            ) -> None:
                with site._lock:
                    site.answers[code] += 1
                self.send_response(code)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if found is not None and found.etag:
                    self.send_header("ETag", found.etag)
                    self.send_header("Last-Modified", found.last_modified or "")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the http.server signature
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> CorpusSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def add_feed(self, path: str, body: bytes) -> str:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        self.resources[path] = Resource(
            body, "application/rss+xml; charset=utf-8", etag, format_datetime(NEWEST, usegmt=True)
        )
        return self.base + path

    def add_page(self, path: str, body: bytes) -> None:
        self.resources[path] = Resource(body, "text/html; charset=utf-8")

    def take_answers(self) -> dict[str, int]:
        with self._lock:
            taken = {str(code): count for code, count in sorted(self.answers.items())}
            self.answers.clear()
        return taken


# --- config and child processes ------------------------------------------------------------------


def write_config(
    folder: Path,
    data: Path,
    feeds: Sequence[tuple[str, str]],
    concurrency: int,
    task_runner: str = "threads",
    extract_processes: int = 0,
    analysis_workers: int = 1,
    page_batch_size: int | None = None,
) -> Path:
    """A config folder: the warehouse and Prefect under ``data``, loopback allowed, no host delay."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dealwatch.toml").write_text(
        textwrap.dedent(
            f"""
            [warehouse]
            path = "{(data / "dealwatch.duckdb").as_posix()}"

            [feeds]
            max_concurrency = {concurrency}
            per_host_concurrency = {concurrency}
            per_host_interval_s = 0
            allowed_private_networks = ["127.0.0.0/8"]
            {f"page_batch_size = {page_batch_size}" if page_batch_size else ""}

            [run]
            task_runner = "{task_runner}"
            extract_processes = {extract_processes}
            analysis_workers = {analysis_workers}
            data_dir = "{data.as_posix()}"
            seeds_dir = "{(folder / "no-seeds").as_posix()}"
            """
        ),
        encoding="utf-8",
    )
    shutil.copyfile(ROOT / "config" / "watchlist.toml", folder / "watchlist.toml")
    (folder / "feeds.toml").write_text(
        "".join(f'[[feed]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in feeds),
        encoding="utf-8",
    )
    return folder


def _child_env(prefect_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DEALWATCH_"))}
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        PREFECT_UI_ENABLED="false",
        PYTHONPATH=str(ROOT),
    )
    return env


def _is_worker(process: psutil.Process) -> bool:
    """A process the run started itself (multiprocessing's spawn), not Prefect's API server."""
    return any("multiprocessing" in part for part in process.cmdline())


def _cpu_s(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


class ProcessSampler:
    """Samples the resident memory of a process: alone, with the worker processes it spawned
    (the pipeline's own memory), and with every descendant (Prefect's server too); and the CPU
    time each of them has used, as last seen (a process that exits keeps its last reading)."""

    def __init__(self, pid: int) -> None:
        self._process = psutil.Process(pid)
        self.own = 0
        self.with_workers = 0
        self.tree = 0
        self.samples: list[tuple[float, int, int, int]] = []
        self.cpu_s: dict[int, tuple[str, float]] = {}  # pid -> (role, CPU seconds)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def cpu_by_role(self) -> dict[str, float]:
        """CPU seconds of the flow's process, its spawned workers and the other descendants."""
        out: dict[str, float] = {"flow": 0.0, "workers": 0.0, "prefect_server": 0.0}
        for role, seconds in self.cpu_s.values():
            out[role] += seconds
        return out

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                own = self._process.memory_info().rss
                self.cpu_s[self._process.pid] = ("flow", _cpu_s(self._process))
                tree = workers = 0
                for child in self._process.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        rss = child.memory_info().rss
                        tree += rss
                        # a worker stays one: an exiting process may no longer show its cmdline
                        known = self.cpu_s.get(child.pid, ("", 0.0))[0] == "workers"
                        worker = known or _is_worker(child)
                        workers += rss if worker else 0
                        role = "workers" if worker else "prefect_server"
                        self.cpu_s[child.pid] = (role, _cpu_s(child))
            except psutil.Error:
                return
            self.own = max(self.own, own)
            self.with_workers = max(self.with_workers, own + workers)
            self.tree = max(self.tree, own + tree)
            self.samples.append((time.time(), own, own + workers, own + tree))
            self._stop.wait(RSS_SAMPLE_S)

    def __enter__(self) -> ProcessSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_child(mode: str, config: Path, prefect_home: Path, log_path: Path) -> dict[str, Any]:
    """One flow in a fresh interpreter; its own report plus the wall and memory seen from here."""
    command = [sys.executable, "-m", "benchmarks.bench_pipeline", mode, str(config)]
    started = time.perf_counter()
    harness_cpu = _cpu_s(psutil.Process())  # the page server runs in this process
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=_child_env(prefect_home), stdout=subprocess.PIPE, stderr=log
        )
        with ProcessSampler(process.pid) as peak:
            out, _ = process.communicate()
    wall = time.perf_counter() - started
    harness_cpu = _cpu_s(psutil.Process()) - harness_cpu
    log_path.with_suffix(".rss.csv").write_text(
        "unix_time,rss_mb,with_workers_rss_mb,tree_rss_mb\n"
        + "".join(
            f"{t:.2f},{own / 2**20:.0f},{workers / 2**20:.0f},{tree / 2**20:.0f}\n"
            for t, own, workers, tree in peak.samples
        ),
        encoding="utf-8",
    )
    text = out.decode("utf-8", "replace")
    log_path.with_suffix(".stdout").write_text(text, encoding="utf-8")
    if process.returncode != 0:
        raise RuntimeError(f"{mode} run failed (exit {process.returncode}); see {log_path}")
    report = json.loads(text.rsplit(RESULT_MARK, 1)[1].splitlines()[0])
    report["process_wall_s"] = wall
    report["peak_rss_mb_sampled"] = peak.own / 2**20
    report["peak_rss_mb_with_workers"] = peak.with_workers / 2**20
    report["peak_rss_mb_tree"] = peak.tree / 2**20
    # where the machine's cores went while the run took its wall time
    report["cpu_s"] = peak.cpu_by_role() | {"harness_and_page_server": harness_cpu}
    return report


def child_main(mode: str, config: str) -> int:
    """Inside the child: import, run the flow, print one line of JSON."""
    t0 = time.perf_counter()
    from flows.runtime import prepare_prefect

    prepare_prefect(
        Path(config).parent
    )  # Prefect's settings as the CLI sets them (PREFECT_HOME kept)
    from prefect import flow

    from flows.pipeline import monitor, with_task_runner
    from flows.settings import load_settings

    @flow(name="empty")
    def empty() -> dict[str, Any]:
        return {}

    imported = time.perf_counter()
    report: dict[str, Any] = {"import_s": imported - t0}
    if mode in ("empty", "after-empty"):
        summary = empty()
        report["empty_flow_s"] = time.perf_counter() - imported
    if mode in ("monitor", "after-empty"):
        settings = load_settings(config)
        started = time.perf_counter()
        summary = with_task_runner(monitor, settings)(
            config_dir=config, backfill_seeds=False, force_poll=True
        )
        report["monitor_flow_s"] = time.perf_counter() - started
    report |= {
        "flow_wall_s": time.perf_counter() - imported,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "summary": summary,
    }
    sys.stdout.write(RESULT_MARK + json.dumps(report, default=str) + "\n")
    sys.stdout.flush()
    return 0


# --- the floor -----------------------------------------------------------------------------------


def _extract(page: bytes) -> int:
    """trafilatura as ``extractors.fetch.pages.article_from_html`` calls it; the word count."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True
    )
    return len((doc.as_dict().get("text") or "").split()) if doc is not None else 0


def measure_floor(pages: Sequence[bytes], workers: int, processes: int = 0) -> dict[str, Any]:
    """trafilatura alone with the flow's concurrency: its threads, or its extraction processes.

    When the flow extracts in ``processes`` worker processes, the floor does too
    (spawned, started before the clock): the same cores for both sides of the ratio.
    """
    _extract(pages[0])  # imports and compiled expressions, not counted
    if processes:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool_cm: Any = ProcessPoolExecutor(
            max_workers=processes, mp_context=multiprocessing.get_context("spawn")
        )
    else:
        pool_cm = ThreadPoolExecutor(max_workers=workers)
    with pool_cm as pool:
        if processes:
            list(pool.map(_extract, pages[:processes]))  # start the workers before the clock
        started = time.perf_counter()
        words = list(pool.map(_extract, pages, chunksize=8 if processes else 1))
        wall = time.perf_counter() - started
    return {
        "pages": len(pages),
        "workers": workers,
        "processes": processes,
        "wall_s": wall,
        "pages_per_s": len(pages) / wall,
        "median_words": statistics.median(words),
    }


def _shipped_defaults() -> tuple[int, int, int]:
    """The config's own extract_processes, analysis_workers and page_batch_size."""
    from flows.settings import FeedSettings, RunSettings

    run = RunSettings()
    return run.extract_processes, run.analysis_workers, FeedSettings().page_batch_size


def measure_extract_and_analyse(
    pages: Sequence[bytes],
    workers: int,
    watchlist_path: Path,
    analysis_workers: int = 0,
    batch_size: int = 25,
) -> dict[str, Any]:
    """What the flow's CPU-bound middle costs without fetching or Prefect: the flow's own calls.

    With ``analysis_workers``, as the flow does it: the threads extract batches of ``batch_size`` pages
    and hand each article as it comes to a spawned worker, which adds language,
    fingerprint and analysis.
    """
    from datetime import UTC, datetime

    from extractors.analysis import analyse
    from extractors.fetch.pages import article_from_html
    from extractors.watchlist import load_watchlist
    from flows.workers import analyse_batch, close_worker_pools, worker_pool

    watchlist = load_watchlist(watchlist_path)
    fetched_at = datetime.now(UTC)

    def one(item: tuple[int, bytes]) -> int:
        index, page = item
        article = article_from_html(page, url=f"http://127.0.0.1/{index}", fetched_at=fetched_at)
        return len(analyse(article, watchlist).claims) if article is not None else 0

    def batch(start: int) -> int:
        futures = []
        for i, page in enumerate(pages[start : start + batch_size]):
            article = article_from_html(
                page, url=f"http://127.0.0.1/{start + i}", fetched_at=fetched_at, text_signals=False
            )
            if article is not None:
                futures.append(
                    worker_pool(analysis_workers).submit(analyse_batch, [article], watchlist)
                )
        return sum(len(a.claims) for f in futures for _, a in f.result()[0])

    one((0, pages[0]))
    try:
        if analysis_workers:
            worker_pool(analysis_workers).submit(analyse_batch, [], watchlist).result()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            if analysis_workers:
                claims = sum(pool.map(batch, range(0, len(pages), batch_size)))
            else:
                claims = sum(pool.map(one, enumerate(pages)))
        wall = time.perf_counter() - started
    finally:
        close_worker_pools()
    return {
        "pages": len(pages),
        "analysis_workers": analysis_workers,
        "wall_s": wall,
        "pages_per_s": len(pages) / wall,
        "claims": claims,
    }


# --- the benchmark -------------------------------------------------------------------------------


def _feed_layout(articles: int, feeds: int, corpus: Corpus) -> list[list[ArticleSpec]]:
    per_feed = -(-articles // feeds)
    specs = list(corpus.specs(feeds, per_feed, DEFAULT_SEED))[:articles]
    return [[s for s in specs if s.feed == f] for f in range(feeds)]


def _warm_feeds(
    site: CorpusSite, cold: list[list[ArticleSpec]], cold_urls: list[str], total: int
) -> list[tuple[str, str]]:
    """The cold feeds, then feeds never polled whose items the warehouse already holds."""
    feeds = [(f"feed {i}", url) for i, url in enumerate(cold_urls[:total])]
    known = [s for group in cold for s in group]
    per_feed = max(1, min(len(known), max(len(g) for g in cold)))
    for k in range(len(feeds), total):
        start = (k * per_feed) % len(known)
        repeated = (known + known)[start : start + per_feed]
        url = site.add_feed(f"/repeat/{k:03d}/feed.xml", rss_feed(k, repeated, site.base))
        feeds.append((f"repeat feed {k}", url))
    return feeds


def _stage_table(summary: dict[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in (summary.get("stages_s") or {}).items()}


def run(
    articles: int = 2000,
    feeds: int = 40,
    warm_feeds: int = 200,
    concurrency: int = DEFAULT_CONCURRENCY,
    keep: Path | None = None,
    task_runner: str = "threads",
    extract_processes: int | None = None,
    analysis_workers: int | None = None,
    page_batch_size: int | None = None,
    corpus: str = "generated",
) -> dict[str, Any]:
    """The whole benchmark over one of ``CORPORA``; a worker or batch setting left at None takes
    the shipped default. ``warm_feeds=0`` measures the cold run and its floor only."""
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="dealwatch-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return _run(
            workdir,
            articles,
            feeds,
            warm_feeds,
            concurrency,
            task_runner,
            extract_processes,
            analysis_workers,
            page_batch_size,
            CORPORA[corpus],
        )
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


def _run(
    workdir: Path,
    articles: int,
    feeds: int,
    warm_feeds: int,
    concurrency: int,
    task_runner: str,
    extract_processes: int | None,
    analysis_workers: int | None,
    page_batch_size: int | None,
    corpus: Corpus,
) -> dict[str, Any]:
    feeds = max(1, min(feeds, articles))
    layout = _feed_layout(articles, feeds, corpus)
    started = time.perf_counter()
    pages = {s.path: corpus.page(s) for group in layout for s in group}
    generated = time.perf_counter() - started
    page_bytes = list(pages.values())
    data = workdir / "data"
    prefect_home = data / "prefect"
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    prefect_home.mkdir(parents=True, exist_ok=True)
    workers = max(4, concurrency)
    shipped = _shipped_defaults()
    extract_processes = shipped[0] if extract_processes is None else extract_processes
    analysis_workers = shipped[1] if analysis_workers is None else analysis_workers
    page_batch_size = page_batch_size or shipped[2]
    # Dask runs the batches in its own worker processes, which start none of their own.
    flow_extract_processes = 0 if task_runner == "dask" else extract_processes
    sizes = sorted(len(p) / 1024 for p in page_bytes)
    result: dict[str, Any] = {
        "corpus": {
            "kind": corpus.name,
            "articles": len(page_bytes),
            "feeds": feeds,
            "deal_pages": sum(s.is_deal for group in layout for s in group),
            "languages": dict(Counter(s.language for group in layout for s in group).most_common()),
            "page_kb_median": statistics.median(sizes),
            "page_kb_p10_p90_max": [
                sizes[len(sizes) // 10],
                sizes[len(sizes) * 9 // 10],
                sizes[-1],
            ],
            "generate_s": generated,
        },
        "config": {
            "max_concurrency": concurrency,
            "task_runner": task_runner,
            "extract_processes": flow_extract_processes,
            "analysis_workers": 0 if task_runner == "dask" else analysis_workers,
            "flow_task_workers": workers,
            "page_batch_size": page_batch_size,
            "per_host": "lifted for 127.0.0.1: per_host_interval_s=0, "
            f"per_host_concurrency={concurrency}",
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
        },
    }
    with CorpusSite() as site:
        for path, body in pages.items():
            site.add_page(path, body)
        cold_urls = [
            site.add_feed(
                f"/f{f:03d}/feed.xml", rss_feed(f, group, site.base, outlet=group[0].outlet)
            )
            for f, group in enumerate(layout)
        ]

        def config(name: str, feed_urls: list[tuple[str, str]]) -> Path:
            return write_config(workdir / name, data, feed_urls, concurrency, task_runner,
                                extract_processes, analysis_workers, page_batch_size)  # fmt: skip

        cold_config = config("config-cold", [(f"feed {i}", u) for i, u in enumerate(cold_urls)])

        first = run_child("empty", cold_config, prefect_home, logs / "prefect-first.log")
        result["prefect_first_start"] = _brief(first)
        site.take_answers()

        cold = run_child("monitor", cold_config, prefect_home, logs / "cold.log")
        run_s = float(cold["summary"]["seconds"])
        result["cold"] = _brief(cold) | {
            "http_answers": site.take_answers(),
            "run_s": run_s,
            "articles_per_s": len(page_bytes) / run_s,
            "stages_s": _stage_table(cold["summary"]),
            "store": cold["summary"].get("store"),
            "entries": cold["summary"].get("entries"),
            "fallbacks": cold["summary"].get("fallbacks"),
        }

        result["floor"] = measure_floor(page_bytes, workers, flow_extract_processes)
        if not flow_extract_processes:  # it mirrors extraction in the task threads
            result["extract_and_analyse_alone"] = measure_extract_and_analyse(
                page_bytes,
                workers,
                cold_config / "watchlist.toml",
                result["config"]["analysis_workers"],
                page_batch_size,
            )
        if warm_feeds:
            warm_config = config("config-warm", _warm_feeds(site, layout, cold_urls, warm_feeds))
            result |= _warm_passes(site, cold_config, warm_config, prefect_home, logs)
    result["ratios"] = {
        "cold_over_floor": result["cold"]["run_s"] / result["floor"]["wall_s"],
        "cold_flow_call_over_floor": result["cold"]["flow_wall_s"] / result["floor"]["wall_s"],
        "cold_peak_rss_mb": result["cold"]["peak_rss_mb_with_workers"],
    }
    if warm_feeds:
        result["ratios"]["warm_beyond_startup_s"] = result["warm_1"]["beyond_startup_s"]
        result["ratios"]["warm_all_304_beyond_startup_s"] = result["warm_2"]["beyond_startup_s"]
    return result


def _warm_passes(
    site: CorpusSite, cold_config: Path, warm_config: Path, prefect_home: Path, logs: Path
) -> dict[str, Any]:
    """Prefect's start-up alone, then the two warm passes, each in a fresh child process."""
    startup = run_child("empty", cold_config, prefect_home, logs / "prefect-start.log")
    result = {"prefect_startup": _brief(startup)}
    for name in ("warm_1", "warm_2"):
        warm = run_child("after-empty", warm_config, prefect_home, logs / f"{name}.log")
        result[name] = _brief(warm) | {
            "http_answers": site.take_answers(),
            "run_s": float(warm["summary"]["seconds"]),
            "startup_in_process_s": warm["import_s"] + warm["empty_flow_s"],
            "beyond_startup_s": warm["monitor_flow_s"],
            "process_minus_empty_process_s": warm["process_wall_s"] - startup["process_wall_s"],
            "stages_s": _stage_table(warm["summary"]),
            "feeds": {k: v for k, v in warm["summary"].get("feeds", {}).items() if k != "failed"}
            | {"failed": len(warm["summary"].get("feeds", {}).get("failed", []))},
            "entries": warm["summary"].get("entries"),
        }
    return result


def _brief(report: dict[str, Any]) -> dict[str, Any]:
    return {
        "process_wall_s": report["process_wall_s"],
        "import_s": report["import_s"],
        "flow_wall_s": report["flow_wall_s"],
        "peak_rss_mb": max(report["max_rss_mb"], report["peak_rss_mb_sampled"]),
        "peak_rss_mb_with_workers": max(
            report["max_rss_mb"], report["peak_rss_mb_sampled"], report["peak_rss_mb_with_workers"]
        ),
        "peak_rss_mb_tree": report["peak_rss_mb_tree"],
        "cpu_s": report["cpu_s"],
    }


# --- the table -----------------------------------------------------------------------------------

TARGETS = {
    "cold_over_floor": 1.3,
    "warm_beyond_startup_s": 3.0,
    "warm_all_304_beyond_startup_s": 3.0,
    "cold_peak_rss_mb": 500.0,
}


def _rows(result: dict[str, Any]) -> Iterator[tuple[str, str]]:
    corpus, config = result["corpus"], result["config"]
    p10, p90, largest = corpus["page_kb_p10_p90_max"]
    yield (
        "corpus",
        f"{corpus['kind']}: {corpus['articles']} articles, {corpus['feeds']} feeds, "
        f"{corpus['deal_pages']} deal pages; page {p10:.0f} / {corpus['page_kb_median']:.0f} / "
        f"{p90:.0f} / {largest:.0f} KB (p10 / median / p90 / largest); "
        + ", ".join(f"{lang} {n}" for lang, n in corpus["languages"].items()),
    )
    yield (
        "fetching",
        f"max_concurrency {config['max_concurrency']}, task runner {config['task_runner']} "
        f"({config['flow_task_workers']} threads), extract_processes {config['extract_processes']}, "
        f"analysis_workers {config.get('analysis_workers', 0)}; "
        f"per-host limit {config['per_host']}",
    )
    cold = result["cold"]
    yield (
        "cold run",
        f"run {cold['run_s']:.1f} s ({cold['articles_per_s']:.1f} articles/s); flow call "
        f"{cold['flow_wall_s']:.1f} s, process {cold['process_wall_s']:.1f} s; "
        f"peak RSS {cold['peak_rss_mb_with_workers']:.0f} MB with its worker processes "
        f"(the flow's process alone {cold['peak_rss_mb']:.0f} MB; with Prefect's server process "
        f"too {cold['peak_rss_mb_tree']:.0f} MB)",
    )
    stages = cold["stages_s"]
    yield (
        "  stages (s)",
        ", ".join(f"{name} {seconds:.1f}" for name, seconds in stages.items()),
    )
    yield (
        "  CPU (s)",
        ", ".join(f"{role} {seconds:.1f}" for role, seconds in cold["cpu_s"].items())
        + f"; {sum(cold['cpu_s'].values()):.1f} in all over the process's "
        f"{cold['process_wall_s']:.1f} s",
    )
    yield ("  stored", json.dumps(cold["store"]))
    floor = result["floor"]
    yield (
        "floor",
        f"trafilatura alone {floor['wall_s']:.1f} s ({floor['pages_per_s']:.1f} pages/s, "
        + (
            f"{floor['processes']} processes"
            if floor.get("processes")
            else f"{floor['workers']} threads"
        )
        + f", median {floor['median_words']:.0f} words)",
    )
    alone = result.get("extract_and_analyse_alone")
    if alone:
        yield (
            "extract+analyse alone",
            f"{alone['wall_s']:.1f} s ({alone['pages_per_s']:.1f} pages/s): extractors.fetch.pages and "
            f"extractors.analysis, same threads"
            + (
                f" and {alone['analysis_workers']} analysis worker"
                if alone.get("analysis_workers")
                else ""
            )
            + ", no fetch, no Prefect",
        )
    yield from _warm_rows(result)
    yield (
        "  cold flow call / floor",
        f"{result['ratios']['cold_flow_call_over_floor']:.2f} (the call includes Prefect's start-up)",
    )
    for key, target in TARGETS.items():
        if key in result["ratios"]:
            value = result["ratios"][key]
            verdict = "ok" if value <= target else "MISSED"
            yield (f"target {key}", f"{value:.2f} (target ≤ {target:g}) {verdict}")


def _warm_rows(result: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if "prefect_startup" not in result:
        return
    startup = result["prefect_startup"]
    yield (
        "prefect start-up",
        f"empty flow in a fresh process {startup['process_wall_s']:.1f} s "
        f"(import {startup['import_s']:.1f} s, flow {startup['flow_wall_s']:.1f} s)",
    )
    for name, label in (("warm_1", "warm, pass 1"), ("warm_2", "warm, pass 2")):
        warm = result[name]
        yield (
            label,
            f"{warm['beyond_startup_s']:.1f} s beyond start-up (monitor flow call once Prefect is up; "
            f"run {warm['run_s']:.1f} s; start-up in that process {warm['startup_in_process_s']:.1f} s); "
            f"process {warm['process_wall_s']:.1f} s",
        )
        yield ("", f"feeds {warm['feeds']}; answers {warm['http_answers']}")
        yield ("  stages (s)", ", ".join(f"{k} {v:.1f}" for k, v in warm["stages_s"].items()))


def print_table(result: dict[str, Any]) -> None:
    width = max(len(label) for label, _ in _rows(result))
    print(f"pipeline benchmark, {result['corpus']['kind']} corpus")
    for label, value in _rows(result):
        print(f"  {label:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1], sys.argv[2]))
