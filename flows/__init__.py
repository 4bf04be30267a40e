"""Prefect flows and tasks, the CLI, schedules and deployments: wiring only."""
