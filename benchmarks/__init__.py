"""Benchmarks: ``python -m benchmarks`` runs them, prints tables and writes JSON (see README.md)."""
