"""Turning raw inputs into records: feeds, safe fetching, article text, deals, figures.

Plain Python: imports stdlib, feedparser, trafilatura, httpx and small libraries,
never prefect, duckdb or apprise (DESIGN.md: rooms).
"""
