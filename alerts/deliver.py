"""Deliver alerts through apprise: route, digest, send, and say what happened.

Every ``notify()`` runs inside ``apprise.LogCapture`` so a failure comes back
as an error with apprise's reason, scrubbed of the channel's URL. Apprise does
not expose the HTTP response, so a 429's ``Retry-After`` is read by a
transparent wrapper around ``requests.Session.send`` that only records the
header for the calling thread.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import apprise
import requests

from alerts.channels import Channel, apprise_for, scrub
from alerts.links import report_link
from alerts.render import (
    SLACK_MAX_CHARS,
    EmailMessageParts,
    email_subject,
    headline,
    render_digest,
    render_email,
    render_json,
    render_slack,
    render_text,
)
from warehouse.records import AlertRecord, DeliveryOutcome, DeliveryReport

log = logging.getLogger(__name__)

# A Retry-After longer than this is not waited for inside a run: the alert stays
# pending and the next run sends it.
MAX_RETRY_AFTER_S = 30.0
# Wait this long after a 429 that names no Retry-After.
DEFAULT_RETRY_AFTER_S = 1.0
# apprise logs "... error=429" or "(429)" when a server rate-limits it.
_RATE_LIMITED = re.compile(r"\b429\b|too many requests", re.IGNORECASE)

_last_retry_after = threading.local()
_hook_lock = threading.Lock()
_hook_installed = False


def _install_retry_after_hook() -> None:
    global _hook_installed
    with _hook_lock:
        if _hook_installed:
            return
        original = requests.Session.send

        def send(self: requests.Session, request: Any, **kwargs: Any) -> requests.Response:
            response = original(self, request, **kwargs)
            if response.status_code == 429:
                _last_retry_after.value = response.headers.get("Retry-After")
            return response

        requests.Session.send = send  # type: ignore[method-assign]
        _hook_installed = True


def _retry_after_s(value: str | None, now: datetime) -> float:
    if not value:
        return DEFAULT_RETRY_AFTER_S
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER_S
    return max(0.0, (when - now).total_seconds()) if when.tzinfo else DEFAULT_RETRY_AFTER_S


@dataclass(frozen=True, slots=True)
class _Message:
    title: str
    body: str
    body_format: apprise.NotifyFormat


def _message_for(
    channel: Channel,
    alerts: Sequence[AlertRecord],
    *,
    digest: bool,
    report_base_url: str | None = None,
) -> _Message:
    import json

    first = alerts[0]
    link = report_link(report_base_url, deal_id=first.deal_id, alert_id=first.alert_id)
    if channel.format == "slack":
        body = (
            render_digest(alerts, "slack", report_base_url=report_base_url)
            if digest
            else render_slack(first, max_chars=SLACK_MAX_CHARS, report_url=link)
        )
        assert isinstance(body, str)
        return _Message("", body, apprise.NotifyFormat.MARKDOWN)
    if channel.format == "email":
        parts = (
            render_digest(alerts, "email", report_base_url=report_base_url)
            if digest
            else render_email(first, report_url=link)
        )
        assert isinstance(parts, EmailMessageParts)
        return _Message(parts.subject, parts.html, apprise.NotifyFormat.HTML)
    if channel.format == "json":
        data = (
            render_digest(alerts, "json", report_base_url=report_base_url)
            if digest
            else render_json(first, report_url=link)
        )
        title = str(data.get("title", "")) if digest else email_subject(alerts[0])  # type: ignore[union-attr]
        return _Message(
            title, json.dumps(data, ensure_ascii=False, sort_keys=True), apprise.NotifyFormat.TEXT
        )
    text = (
        render_digest(alerts, "text", report_base_url=report_base_url)
        if digest
        else render_text(first, report_url=link)
    )
    assert isinstance(text, str)
    title = text.split("\n", 1)[0] if digest else headline(alerts[0])
    return _Message(title, text, apprise.NotifyFormat.TEXT)


def _prepare(app: apprise.Apprise, channel: Channel, send_timeout_s: float) -> None:
    for server in app:
        server.socket_connect_timeout = send_timeout_s
        server.socket_read_timeout = send_timeout_s
        if channel.format == "slack" and hasattr(server, "use_blocks"):
            # Block Kit takes our mrkdwn as is; the legacy attachment mode would re-escape
            # it and turn "!channel>" in an article back into a live mention.
            server.use_blocks = True
            server.include_footer = False  # type: ignore[attr-defined]
            # Spacing is ours (slack_min_interval_s), not apprise's fixed 1.2 s per post.
            server.request_rate_per_sec = 0


def _notify_once(
    app: apprise.Apprise, channel: Channel, message: _Message
) -> tuple[bool, str | None, bool, str | None]:
    """(ok, scrubbed error, rate limited, Retry-After)."""
    _last_retry_after.value = None
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        try:
            ok = bool(
                app.notify(body=message.body, title=message.title, body_format=message.body_format)
            )
        except Exception as exc:  # noqa: BLE001 - a plugin bug must fail this channel, not the run
            ok = False
            log.warning("apprise raised for channel %s: %s", channel.name, type(exc).__name__)
            extra = f"{type(exc).__name__}: {exc}"
        else:
            extra = ""
    retry_after = getattr(_last_retry_after, "value", None)
    if ok:
        return True, None, False, None
    logged = [line.strip() for line in captured.getvalue().splitlines() if line.strip()]
    reason = (
        " | ".join([*logged[-4:], extra] if extra else logged[-4:])
        or "apprise reported a failure without a reason"
    )
    limited = retry_after is not None or bool(_RATE_LIMITED.search(reason))
    return False, scrub(reason, channel.url), limited, retry_after


@dataclass
class _Sender:
    """Sends messages to one channel, spacing Slack posts and honouring 429s."""

    channel: Channel
    app: apprise.Apprise
    now: Callable[[], datetime]
    min_interval_s: float
    sleep: Callable[[float], None]
    last_sent: float | None = None

    def send(self, message: _Message) -> str | None:
        self._space()
        ok, error, limited, retry_after = _notify_once(self.app, self.channel, message)
        if ok or not limited:
            return error
        wait = _retry_after_s(retry_after, self.now())
        if wait > MAX_RETRY_AFTER_S:
            return f"{error} (rate limited; Retry-After {wait:.0f}s is beyond {MAX_RETRY_AFTER_S:.0f}s, left for the next run)"
        log.info("channel %s rate limited; retrying once in %.1fs", self.channel.name, wait)
        self.sleep(wait)
        ok, error, _limited, _ = _notify_once(self.app, self.channel, message)
        self.last_sent = time.monotonic()
        return None if ok else f"{error} (after one retry on 429)"

    def _space(self) -> None:
        if (
            self.channel.format == "slack"
            and self.last_sent is not None
            and self.min_interval_s > 0
        ):
            wait = self.last_sent + self.min_interval_s - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self.last_sent = time.monotonic()


def route(
    alerts: Sequence[AlertRecord], channels: Sequence[Channel]
) -> dict[str, list[AlertRecord]]:
    """Per channel name, the alerts it still owes: its kinds, not yet sent there."""
    return {
        channel.name: [
            a for a in alerts if channel.takes(a.kind) and channel.name not in a.channels_sent
        ]
        for channel in channels
    }


def deliver(
    alerts: Sequence[AlertRecord],
    channels: Sequence[Channel],
    *,
    digest_threshold: int,
    now: Callable[[], datetime],
    send_timeout_s: float = 30.0,
    slack_min_interval_s: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    on_answer: Callable[[DeliveryReport], None] | None = None,
    report_base_url: str | None = None,
) -> DeliveryReport:
    """Send each alert to every channel routed to it; more than ``digest_threshold`` for a channel → one digest.

    ``completed`` holds the alerts now delivered to every channel whose kinds
    include them (an alert no channel takes is complete: nothing is owed).
    ``on_answer`` receives each channel answer as it comes, with the alerts it
    completed, so the caller can commit it before the next message is sent.
    ``report_base_url`` (``[report] base_url``): every message links to its alert's
    place in the published report.
    """
    _install_retry_after_hook()
    owed = route(alerts, channels)
    progress = _Progress(alerts, channels, on_answer)
    outcomes = progress.outcomes
    for channel in channels:
        pending = owed[channel.name]
        if not pending:
            continue
        app, problem = apprise_for(channel)
        if app is None:
            progress.answer(
                [DeliveryOutcome(a.alert_id, channel.name, False, now(), problem) for a in pending]
            )
            continue
        _prepare(app, channel, send_timeout_s)
        sender = _Sender(channel, app, now, slack_min_interval_s, sleep)
        if len(pending) > digest_threshold:
            error = sender.send(
                _message_for(channel, pending, digest=True, report_base_url=report_base_url)
            )
            at = now()
            _log_outcome(channel, len(pending), error, digest=True)
            progress.answer(
                [
                    DeliveryOutcome(a.alert_id, channel.name, error is None, at, error, digest=True)
                    for a in pending
                ]
            )
            continue
        for alert in pending:
            error = sender.send(
                _message_for(channel, [alert], digest=False, report_base_url=report_base_url)
            )
            _log_outcome(channel, 1, error, digest=False)
            progress.answer(
                [DeliveryOutcome(alert.alert_id, channel.name, error is None, now(), error)]
            )
    return DeliveryReport(outcomes=tuple(outcomes), completed=tuple(progress.completed))


class _Progress:
    """The answers so far, and which alerts they completed; each answer is passed on at once."""

    def __init__(
        self,
        alerts: Sequence[AlertRecord],
        channels: Sequence[Channel],
        on_answer: Callable[[DeliveryReport], None] | None,
    ) -> None:
        self.owed = {a.alert_id: {c.name for c in channels if c.takes(a.kind)} for a in alerts}
        self.delivered = {a.alert_id: set(a.channels_sent) for a in alerts}
        self.outcomes: list[DeliveryOutcome] = []
        self.completed: list[str] = []
        self.on_answer = on_answer
        self.answer([])

    def answer(self, outcomes: list[DeliveryOutcome]) -> None:
        self.outcomes += outcomes
        for outcome in outcomes:
            if outcome.ok:
                self.delivered[outcome.alert_id].add(outcome.channel)
        done = [
            alert_id
            for alert_id, owed in self.owed.items()
            if alert_id not in self.completed and owed <= self.delivered[alert_id]
        ]
        self.completed += done
        if self.on_answer is not None and (outcomes or done):
            self.on_answer(DeliveryReport(outcomes=tuple(outcomes), completed=tuple(done)))


def _log_outcome(channel: Channel, count: int, error: str | None, *, digest: bool) -> None:
    what = f"digest of {count} alerts" if digest else "alert"
    if error is None:
        log.info("sent %s to %s", what, channel.name)
    else:
        log.warning("could not send %s to %s: %s", what, channel.name, error)


def send_test(channels: Sequence[Channel]) -> list[tuple[str, bool, str | None]]:
    """A short test message to each channel: (name, ok, error)."""
    _install_retry_after_hook()
    results: list[tuple[str, bool, str | None]] = []
    for channel in channels:
        app, problem = apprise_for(channel)
        if app is None:
            results.append((channel.name, False, problem))
            continue
        _prepare(app, channel, 30.0)
        body = f"dealwatch test message: channel {channel.name} ({channel.format}) works."
        fmt = (
            apprise.NotifyFormat.MARKDOWN
            if channel.format == "slack"
            else apprise.NotifyFormat.TEXT
        )
        title = "" if channel.format == "slack" else "[dealwatch] test message"
        ok, error, _limited, _ = _notify_once(app, channel, _Message(title, body, fmt))
        results.append((channel.name, ok, error))
    return results


def print_to_console(
    alerts: Sequence[AlertRecord],
    write: Callable[[str], None] = print,
    report_base_url: str | None = None,
) -> None:
    """No channel configured: every alert as plain text, one block each."""
    for index, alert in enumerate(alerts):
        if index:
            write("")
        link = report_link(report_base_url, deal_id=alert.deal_id, alert_id=alert.alert_id)
        write(render_text(alert, report_url=link))
