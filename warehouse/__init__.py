"""The DuckDB warehouse: schema, idempotent writes, reconciliation, the outbox, views.

Imports duckdb and extractors' records; never prefect or apprise.
"""
