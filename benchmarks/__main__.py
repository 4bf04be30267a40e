"""``python -m benchmarks``: the pipeline benchmark, then the warehouse at scale.

python -m benchmarks [--articles N] [--feeds F] [--warm-feeds 200] [--skip-warehouse]
                     [--corpus both|generated|real-shaped] [--real-shaped-articles 400]
                     [--out benchmarks/results/pipeline.json]

The pipeline runs over the generated corpus (cold, floor, warm passes), then over the
real-shaped corpus (cold and floor only); ``--corpus`` keeps one of the two.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import bench_pipeline, realshaped

ROOT = Path(__file__).resolve().parents[1]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--articles", type=int, default=2000, help="new articles in the cold run")
    parser.add_argument(
        "--feeds", type=int, default=40, help="feeds the cold run's articles come from"
    )
    parser.add_argument("--warm-feeds", type=int, default=200, help="feeds in the warm runs")
    parser.add_argument("--concurrency", type=int, default=bench_pipeline.DEFAULT_CONCURRENCY,
                        help="the config's max_concurrency (pages fetched at once)")  # fmt: skip
    parser.add_argument("--task-runner", choices=("threads", "dask"), default="threads",
                        help="the config's run.task_runner")  # fmt: skip
    parser.add_argument("--extract-processes", type=int,
                        help="the config's run.extract_processes (default: the shipped 1; 0: extraction in the task threads)")  # fmt: skip
    parser.add_argument("--analysis-workers", type=int,
                        help="the config's run.analysis_workers (default: the shipped 1; 0: analysed where extracted)")  # fmt: skip
    parser.add_argument("--page-batch-size", type=int,
                        help="the config's feeds.page_batch_size (pages one fetch-extract-analyse task takes)")  # fmt: skip
    parser.add_argument("--corpus", choices=("both", "generated", "real-shaped"), default="both",
                        help="the corpora the pipeline runs over (real-shaped: cold run and floor only)")  # fmt: skip
    parser.add_argument("--real-shaped-articles", type=int, default=400,
                        help=f"pages of the real-shaped corpus, over its {len(realshaped.OUTLETS)} outlets' feeds")  # fmt: skip
    parser.add_argument(
        "--skip-warehouse", action="store_true", help="leave out the warehouse at scale"
    )
    parser.add_argument("--warehouse-articles", type=int, default=100_000)
    parser.add_argument("--warehouse-claims", type=int, default=500_000)
    parser.add_argument(
        "--keep", type=Path, help="keep the work folder (config, warehouse, logs) here"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "pipeline.json"
    )
    return parser.parse_args(argv)


def _warehouse(args: argparse.Namespace) -> dict[str, Any] | None:
    if args.skip_warehouse:
        return None
    if importlib.util.find_spec("benchmarks.bench_warehouse") is None:
        print("warehouse benchmark: benchmarks/bench_warehouse.py is not here yet; skipped")
        return {"skipped": "benchmarks/bench_warehouse.py not present"}
    from benchmarks import bench_warehouse

    result: dict[str, Any] = bench_warehouse.run(
        articles=args.warehouse_articles, claims=args.warehouse_claims
    )
    bench_warehouse.print_table(result)
    return result


def _pipelines(args: argparse.Namespace) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each corpus's pipeline figures, under the key the JSON keeps them by."""
    settings: dict[str, Any] = {
        "concurrency": args.concurrency,
        "task_runner": args.task_runner,
        "extract_processes": args.extract_processes,
        "analysis_workers": args.analysis_workers,
        "page_batch_size": args.page_batch_size,
    }
    if args.corpus in ("both", "generated"):
        yield (
            "pipeline",
            bench_pipeline.run(
                articles=args.articles,
                feeds=args.feeds,
                warm_feeds=args.warm_feeds,
                keep=args.keep,
                **settings,
            ),
        )
    if args.corpus in ("both", "real-shaped"):
        yield (
            "pipeline_real_shaped",
            bench_pipeline.run(
                articles=args.real_shaped_articles,
                feeds=len(realshaped.OUTLETS),
                warm_feeds=0,
                keep=args.keep / "real-shaped" if args.keep else None,
                corpus="real-shaped",
                **settings,
            ),
        )


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    figures: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(
            ["python -m benchmarks", *(argv if argv is not None else sys.argv[1:])]
        ),
    }
    for key, pipeline in _pipelines(args):
        bench_pipeline.print_table(pipeline)
        figures[key] = pipeline
    warehouse = _warehouse(args)
    if warehouse is not None:
        figures["warehouse"] = warehouse
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
