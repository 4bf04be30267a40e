"""From typed settings to the plain values the core takes (no Prefect here)."""

from __future__ import annotations

from alerts.channels import Channel, channels_from_urls
from extractors.fetch.client import FetchPolicy
from extractors.watchlist import Watchlist, load_watchlist
from flows.settings import Settings
from warehouse import store


def fetch_policy(settings: Settings) -> FetchPolicy:
    feeds = settings.feeds
    return FetchPolicy(
        timeout_s=feeds.timeout_s,
        connect_timeout_s=feeds.connect_timeout_s,
        max_body_bytes=feeds.max_body_bytes,
        max_redirects=feeds.max_redirects,
        max_retries=feeds.max_retries,
        user_agent=feeds.user_agent,
        max_concurrency=feeds.max_concurrency,
        per_host_concurrency=feeds.per_host_concurrency,
        per_host_interval_s=feeds.per_host_interval_s,
        allowed_private_networks=tuple(feeds.allowed_private_networks),
        respect_robots=feeds.respect_robots,
        host_failures_to_trip=feeds.host_failures_to_trip,
    )


def reconcile_policy(settings: Settings, *, baseline: bool) -> store.ReconcilePolicy:
    alerts = settings.alerts
    return store.ReconcilePolicy(
        baseline=baseline,
        mute_deals=frozenset(alerts.mute_deals),
        mute_metrics=frozenset(alerts.mute_metrics),
        realert_on_new_source=alerts.realert_on_new_source,
        same_moment_days=alerts.same_moment_days,
        min_confidence=alerts.min_confidence,
    )


def alert_channels(settings: Settings) -> list[Channel]:
    """Configured channels plus DEALWATCH_NOTIFY's URLs; a channel without a URL is skipped."""
    channels: list[Channel] = []
    for configured in settings.alerts.channels:
        secret = configured.resolved_url()
        if secret is None:
            continue
        channel = channels_from_urls(
            [secret.get_secret_value()], default_kinds=frozenset(configured.kinds)
        )[0]
        channels.append(
            Channel(
                name=configured.name, url=channel.url, kinds=channel.kinds, format=channel.format
            )
        )
    channels.extend(channels_from_urls([s.get_secret_value() for s in settings.alerts.notify]))
    return channels


def watchlist_for(settings: Settings) -> Watchlist | None:
    path = settings.watchlist_path
    return load_watchlist(path) if path.exists() else None
