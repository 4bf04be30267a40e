"""Which pages a run fetches: the new entries, the pages waiting to be fetched again, and
aggregator links resolved to the publisher's page first (issues 17 and 19).

The order of a run's middle, after the feeds are polled and their known URLs dropped:

1. the queue of pages stored from their summaries for now is read
   (``load_refetches``): each comes back as an entry that knows the id it replaces;
2. Google News links among them all are resolved through the run's fetcher
   (``resolve_links_task``), within ``[feeds] resolutions_per_run``;
3. a resolved link whose page is stored already, or fetched by another entry of
   the run (the publisher's own feed), is not fetched again: it becomes an alias
   of that page (``after_resolution``), so the aggregator's item and the
   publisher's are one article.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from extractors.fetch.aggregators import is_google_news_link, resolve_entries
from extractors.fetch.client import FetchPolicy
from extractors.records import FeedEntry
from extractors.urls import canonical_url
from flows.settings import Settings
from flows.tasks import shared_fetcher
from warehouse import db, store
from warehouse.records import LinkAlias


@task(cache_policy=NO_CACHE, name="load-pages-to-fetch-again", retries=2, retry_delay_seconds=2)
def load_refetches(db_path: Path, limit: int, timeout_s: float) -> list[FeedEntry]:
    with db.read_connection(db_path, timeout_s=timeout_s) as con:
        return store.refetch_entries(con, limit=limit)


@task(cache_policy=NO_CACHE, name="resolve-aggregator-links")
def resolve_links_task(
    entries: Sequence[FeedEntry], policy: FetchPolicy, base_url: str, budget: int
) -> list[FeedEntry]:
    """Google News links to the publisher's pages; no retries here: a link left unresolved is
    stored from its summary and resolved on a later run."""
    return resolve_entries(shared_fetcher(policy), entries, base_url=base_url, budget=budget)


@task(cache_policy=NO_CACHE, name="filter-known-resolved", retries=2, retry_delay_seconds=2)
def known_resolved_urls(db_path: Path, urls: Sequence[str], timeout_s: float) -> set[str]:
    with db.read_connection(db_path, timeout_s=timeout_s) as con:
        return store.known_urls(con, list(urls))


def after_resolution(
    entries: Sequence[FeedEntry], known: set[str]
) -> tuple[list[FeedEntry], list[LinkAlias]]:
    """The entries to fetch, and the aggregator links that lead to a page stored already or
    fetched by an earlier entry of this run (known only as aliases of it).

    ``known`` holds the canonical URLs already stored among the resolved entries'.
    An entry fetched again (``stored_as``) whose page turns out stored already is
    not fetched: its summary becomes a duplicate of that page.
    """
    fetch: list[FeedEntry] = []
    aliases: list[LinkAlias] = []
    taken: dict[str, FeedEntry] = {}
    for entry in entries:
        canonical = canonical_url(entry.url)
        resolved = entry.via is not None and entry.unresolved is None
        earlier = taken.get(canonical)
        if resolved and (canonical in known or earlier is not None):
            aliases.append(LinkAlias(entry.via or entry.url, entry.url, entry.stored_as))
            continue
        if earlier is not None and entry.stored_as is None:
            continue  # the same page twice in one run (two feeds): the first entry fetches it
        taken.setdefault(canonical, entry)
        fetch.append(entry)
    return fetch, aliases


def pages_to_fetch(
    settings: Settings,
    policy: FetchPolicy,
    new_entries: Sequence[FeedEntry],
    *,
    warehouse_readable: bool = True,
) -> tuple[list[FeedEntry], list[LinkAlias], int]:
    """New entries and the pages waiting to be fetched again, aggregator links resolved;
    the aliases to record; how many of the pages are fetched again.

    A warehouse that does not exist yet, or cannot be read now, has no queue and no aliases
    to tell: the entries go on as they are.
    """
    feeds = settings.feeds
    stored = warehouse_readable and db.exists(settings.db_path)
    refetches = (
        load_refetches(settings.db_path, feeds.refetch_per_run, settings.warehouse.write_timeout_s)
        if stored and feeds.refetch_per_run > 0
        else []
    )
    entries = [*new_entries, *refetches]
    if feeds.resolve_google_news and any(
        is_google_news_link(e.url, feeds.google_news_url) for e in entries
    ):
        entries = resolve_links_task(
            quote(entries), policy, feeds.google_news_url, feeds.resolutions_per_run
        )
    resolved = [canonical_url(e.url) for e in entries if e.via and not e.unresolved]
    known = (
        known_resolved_urls(settings.db_path, quote(resolved), settings.warehouse.write_timeout_s)
        if resolved and stored
        else set()
    )
    fetch, aliases = after_resolution(entries, known)
    return fetch, aliases, sum(e.stored_as is not None for e in fetch)
