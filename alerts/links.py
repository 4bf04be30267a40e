"""Where an alert points in the static report: its deal's page, at the alert's own place on it.

The report (``report/``) writes its pages at these names and puts these anchors
on them, so a link an alert carried stays good when the report is rebuilt.
Pure functions of ids: no I/O, nothing about the alert channels.
"""

from __future__ import annotations

import hashlib
import re

INDEX_PAGE = "index.html"
DEALS_FOLDER = "deals"
#: The index's feed-health panel: where a feed alert points.
FEEDS_ANCHOR = "feeds"

# Deal ids are slugs (extractors.urls.deal_id_for), ASCII but for names in a script without Latin
# letters ("openai--컨보고"); anything else in a file name is replaced.
_UNSAFE_IN_FILE_NAME = re.compile(r"[^a-z0-9-]+")
_UNSAFE_IN_ANCHOR = re.compile(r"[^A-Za-z0-9_-]+")


def deal_page_name(deal_id: str) -> str:
    """``meta--scale-ai`` -> ``meta--scale-ai``; a deal id unsafe as a file name gets a hash suffix."""
    safe = _UNSAFE_IN_FILE_NAME.sub("-", deal_id.lower()).strip("-")[:80]
    if safe != deal_id or not safe:
        safe = f"{safe or 'deal'}-{hashlib.sha256(deal_id.encode('utf-8')).hexdigest()[:8]}"
    return safe


def deal_page_path(deal_id: str) -> str:
    """The deal's page, relative to the report's folder: ``deals/meta--scale-ai.html``."""
    return f"{DEALS_FOLDER}/{deal_page_name(deal_id)}.html"


def alert_anchor(alert_id: str) -> str:
    """The id of an alert's entry in its deal's alert history."""
    return "alert-" + _UNSAFE_IN_ANCHOR.sub("-", alert_id)


def report_link(base_url: str | None, *, deal_id: str | None, alert_id: str) -> str | None:
    """The URL of an alert's place in the published report, or None when no ``base_url`` is set.

    A deal's alert points at its entry on the deal's page; a feed alert (no deal)
    at the feed-health panel of the index.
    """
    if not base_url:
        return None
    base = base_url.rstrip("/")
    if deal_id:
        return f"{base}/{deal_page_path(deal_id)}#{alert_anchor(alert_id)}"
    return f"{base}/{INDEX_PAGE}#{FEEDS_ANCHOR}"
