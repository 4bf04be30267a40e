"""Two benchmark JSON files side by side: ``python -m benchmarks.compare BEFORE.json AFTER.json``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _figures(pipeline: dict[str, Any]) -> Iterator[tuple[str, float]]:
    for key, value in pipeline["ratios"].items():
        yield f"ratio {key}", value
    for run in ("cold", "prefect_startup", "warm_1", "warm_2"):
        for key in ("run_s", "flow_wall_s", "process_wall_s", "peak_rss_mb"):
            if key in pipeline.get(run, {}):
                yield f"{run} {key}", pipeline[run][key]
        for stage, seconds in pipeline.get(run, {}).get("stages_s", {}).items():
            yield f"{run} stage {stage}", seconds
    yield "floor wall_s", pipeline["floor"]["wall_s"]


# Each corpus's pipeline figures in a run's JSON, and how their rows are labelled.
PIPELINES = {"pipeline": "", "pipeline_real_shaped": "real-shaped "}


def _all_figures(run: dict[str, Any]) -> dict[str, float]:
    return {
        label + key: value
        for name, label in PIPELINES.items()
        if name in run
        for key, value in _figures(run[name])
    }


def compare(
    before: dict[str, Any], after: dict[str, Any]
) -> list[tuple[str, float | None, float | None]]:
    old, new = _all_figures(before), _all_figures(after)
    return [(key, old.get(key), new.get(key)) for key in dict.fromkeys([*old, *new])]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv)
    rows = compare(before, after)
    width = max(len(key) for key, _, _ in rows)
    print(f"{'':<{width}}  {'before':>10}  {'after':>10}  {'after/before':>12}")
    for key, old, new in rows:
        ratio = f"{new / old:>12.2f}" if old and new is not None else f"{'':>12}"
        cells = [f"{v:>10.2f}" if v is not None else f"{'-':>10}" for v in (old, new)]
        print(f"{key:<{width}}  {cells[0]}  {cells[1]}  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
