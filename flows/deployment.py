"""The flow object that deployments point at, built with the configured task runner.

A deployment's runner imports its entrypoint in a fresh process, so the task
runner chosen in ``config/dealwatch.toml`` (threads or Dask) has to be applied
at import time here rather than by the process that registered it.
Entrypoint: ``flows.deployment:scheduled_monitor`` (see prefect.yaml).
After each completed run the report is rebuilt when ``[report] build_after_run`` is set.
"""

from __future__ import annotations

from flows.pipeline import monitor, with_task_runner
from flows.report_site import rebuild_after_run
from flows.settings import load_settings

scheduled_monitor = with_task_runner(monitor, load_settings()).with_options(
    on_completion=[rebuild_after_run]
)
