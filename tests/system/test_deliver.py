"""Delivery through apprise to real local receivers on 127.0.0.1: e-mail, JSON webhook, Slack."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest
from apprise.plugins.slack import NotifySlack

from alerts.channels import Channel, channels_from_urls, validate_channel
from alerts.deliver import MAX_RETRY_AFTER_S, deliver, print_to_console, send_test
from alerts.render import SLACK_MAX_CHARS, render_slack
from tests.support.receivers import SmtpReceiver, WebhookReceiver
from tests.support.sample_alerts import VCPOST_AGE, sample_alerts, with_hostile_text
from warehouse.records import AlertRecord

SLACK_TOKENS = "T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7"
SECRET = "s3cr3tTOKENvalue"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Sleeps:
    """Records the waits deliver asks for instead of sleeping (no timing in unit tests)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def send(alerts, channels, *, threshold=10, sleeps=None, slack_min_interval_s=0.0):
    return deliver(
        alerts,
        channels,
        digest_threshold=threshold,
        now=utcnow,
        send_timeout_s=5.0,
        slack_min_interval_s=slack_min_interval_s,
        sleep=sleeps if sleeps is not None else Sleeps(),
    )


@pytest.fixture
def hook():
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def smtp():
    with SmtpReceiver() as receiver:
        yield receiver


@pytest.fixture
def slack_hook(hook, monkeypatch):
    """apprise's slack:// posts only to hooks.slack.com; its class attribute is pointed here instead."""
    monkeypatch.setattr(NotifySlack, "webhook_url", hook.url("/services"))
    return hook


def secret_json_url(hook: WebhookReceiver) -> str:
    return f"json://dealwatch:{SECRET}@127.0.0.1:{hook.port}/hooks/{SECRET}path?token={SECRET}q"


def assert_no_secret(text: str | None) -> None:
    assert text is not None
    assert SECRET not in text
    assert "hooks/" not in text


# --- channels --------------------------------------------------------------


def test_channels_from_urls_parse_kinds_names_and_formats():
    channels = channels_from_urls(
        [
            f"contradiction,new_figure=slack://{SLACK_TOKENS}",
            f"https://hooks.slack.com/services/{SLACK_TOKENS}",
            "mailtos://user:pw@example.org?to=team@example.org",
            "feed_failing=json://127.0.0.1:9/x",
            "tgram://123456789:abcdefg/1234",
        ]
    )
    assert [c.name for c in channels] == ["slack#1", "slack#2", "mailtos#3", "json#4", "tgram#5"]
    assert [c.format for c in channels] == ["slack", "slack", "email", "json", "text"]
    assert channels[0].kinds == {"contradiction", "new_figure"}
    assert channels[2].kinds == {
        "new_deal",
        "new_figure",
        "contradiction",
        "feed_failing",
        "feed_recovered",
    }
    assert channels[3].kinds == {"feed_failing"}


def test_a_channel_never_shows_its_url():
    (channel,) = channels_from_urls([f"json://user:{SECRET}@127.0.0.1:9/x"])
    for shown in (repr(channel), str(channel), repr([channel]), f"{channel}"):
        assert SECRET not in shown
    assert SECRET in channel.url.get_secret_value()


def test_unknown_kind_is_an_error_without_the_url():
    with pytest.raises(ValueError) as error:
        channels_from_urls([f"contradictions=json://user:{SECRET}@127.0.0.1:9/x"])
    assert "contradictions" in str(error.value)
    assert SECRET not in str(error.value)


def test_validate_channel_rejects_a_bad_url_without_showing_it():
    assert validate_channel(Channel("ok", f"json://127.0.0.1:9/{SECRET}")) is None
    problem = validate_channel(Channel("bad", f"nosuchscheme://{SECRET}@host/path"))
    assert problem is not None and "nosuchscheme" in problem
    assert SECRET not in problem
    broken_slack = validate_channel(Channel("slack", f"slack://{SECRET}"))
    assert broken_slack is not None and SECRET not in broken_slack


# --- formats on the wire ---------------------------------------------------


def test_email_arrives_with_subject_and_both_parts(smtp):
    alert = sample_alerts()["contradiction"]
    channels = channels_from_urls([smtp.apprise_url(to="deals@example.org")])
    report = send([alert], channels)
    assert report.completed == (alert.alert_id,)
    (mail,) = smtp.wait_for(1)
    assert mail.subject == "[dealwatch] contradiction: Meta → Scale AI — person_age (Alexandr Wang)"
    assert "deals@example.org" in mail.recipients
    assert "<table" in mail.html and "Now 28, Wang founded Scale" in mail.html
    for needed in ("Now 28", "21 years old", "VCPOST", "youngest billionaire", "meta--scale-ai"):
        assert needed in mail.text, needed


def test_email_of_hostile_text_is_inert(smtp):
    alert = with_hostile_text(sample_alerts()["new_figure"])
    send([alert], channels_from_urls([smtp.apprise_url()]))
    (mail,) = smtp.wait_for(1)
    assert "Bcc" not in mail.message, "a newline in a title must not add a header"
    assert "\n" not in mail.subject
    assert "<b>bold</b>" not in mail.html
    assert "&lt;b&gt;bold&lt;/b&gt;" in mail.html


def test_json_webhook_receives_every_field(hook):
    alert = sample_alerts()["new_figure"]
    report = send([alert], channels_from_urls([hook.json_url("/alerts")]))
    assert [o.ok for o in report.outcomes] == [True]
    (request,) = hook.wait_for(1)
    assert request.path == "/alerts"
    payload = request.json()
    assert {"version", "title", "message", "type"} <= set(payload)
    data = json.loads(payload["message"])
    for field in dataclasses.fields(AlertRecord):
        assert field.name in data, field.name
    assert data["figure"]["stated"] == "over $29 billion"
    assert data["figure"]["published"] == "2025-06-13"
    assert data["created_at"] == alert.created_at.isoformat()
    assert payload["title"].startswith("[dealwatch] new_figure: Meta → Scale AI")


def test_slack_receives_block_mrkdwn_as_rendered(slack_hook):
    alert = with_hostile_text(sample_alerts()["contradiction"])
    report = send([alert], channels_from_urls([f"slack://{SLACK_TOKENS}"]))
    assert report.completed == (alert.alert_id,)
    (request,) = slack_hook.wait_for(1)
    assert request.path == f"/services/{SLACK_TOKENS}"
    blocks = request.json()["attachments"][0]["blocks"]
    section = next(b for b in blocks if b["type"] == "section")
    assert section["text"]["type"] == "mrkdwn"
    text = section["text"]["text"]
    assert text == render_slack(alert)
    for live in ("<!channel>", "<!here>", "<@U123>", "<http://evil"):
        assert live not in text


def test_slack_cuts_a_5000_character_quote_with_a_pointer(slack_hook):
    side = dataclasses.replace(VCPOST_AGE, quote="Wang said " + "x" * 5000 + " END")
    alert = dataclasses.replace(sample_alerts()["contradiction"], figure=side)
    send([alert], channels_from_urls([f"slack://{SLACK_TOKENS}"]))
    (request,) = slack_hook.wait_for(1)
    text = request.json()["attachments"][0]["blocks"][-1]["text"]["text"]
    assert len(text) <= SLACK_MAX_CHARS
    assert "dealwatch alerts why al-contradiction" in text
    assert "Wang said" in text and " END" not in text


def test_slack_posts_are_spaced(slack_hook):
    alerts = [
        dataclasses.replace(sample_alerts()["new_deal"], alert_id=f"al-{i}") for i in range(3)
    ]
    sleeps = Sleeps()
    report = send(
        alerts,
        channels_from_urls([f"slack://{SLACK_TOKENS}"]),
        sleeps=sleeps,
        slack_min_interval_s=1.0,
    )
    assert len(report.completed) == 3
    assert len(slack_hook.wait_for(3)) == 3
    assert len(sleeps.waits) == 2, "a wait before the second and the third post"
    assert all(0 < w <= 1.0 for w in sleeps.waits)


# --- failures --------------------------------------------------------------


def test_channel_down_is_an_error_without_secret_then_delivered_once_when_back(hook):
    alert = sample_alerts()["contradiction"]
    channels = channels_from_urls([secret_json_url(hook)])
    hook.stop()
    report = send([alert], channels)
    (outcome,) = report.outcomes
    assert not outcome.ok and outcome.channel == "json#1"
    assert_no_secret(outcome.error)
    assert report.completed == ()

    hook.start()
    again = send([alert], channels)
    assert again.completed == (alert.alert_id,)
    assert len(hook.wait_for(1)) == 1
    third = send([dataclasses.replace(alert, channels_sent=("json#1",))], channels)
    assert third.outcomes == () and third.completed == (alert.alert_id,)
    assert len(hook.requests) == 1, "delivered once"


def test_server_error_is_recorded_with_its_reason(hook):
    hook.respond(500, times=5)
    report = send([sample_alerts()["feed_failing"]], channels_from_urls([secret_json_url(hook)]))
    (outcome,) = report.outcomes
    assert not outcome.ok
    assert "500" in (outcome.error or "")
    assert_no_secret(outcome.error)
    assert len(hook.requests) == 1, "a 500 is not retried inside the run"


def test_smtp_refusal_is_an_error(smtp):
    smtp.fail_with = "554 Transaction failed"
    report = send([sample_alerts()["new_deal"]], channels_from_urls([smtp.apprise_url()]))
    (outcome,) = report.outcomes
    assert not outcome.ok and outcome.error
    assert smtp.refused >= 1 and smtp.messages == []


def test_429_waits_for_retry_after_and_succeeds(hook):
    hook.respond(429, headers={"Retry-After": "1"})
    sleeps = Sleeps()
    report = send(
        [sample_alerts()["new_figure"]], channels_from_urls([hook.json_url("/x")]), sleeps=sleeps
    )
    assert [o.ok for o in report.outcomes] == [True]
    assert sleeps.waits == [1.0]
    assert [r.status for r in hook.wait_for(2)] == [429, 200]


def test_slack_429_waits_and_succeeds(slack_hook):
    slack_hook.respond(429, headers={"Retry-After": "2"})
    sleeps = Sleeps()
    report = send(
        [sample_alerts()["new_deal"]],
        channels_from_urls([f"slack://{SLACK_TOKENS}"]),
        sleeps=sleeps,
    )
    assert [o.ok for o in report.outcomes] == [True]
    assert 2.0 in sleeps.waits
    assert [r.status for r in slack_hook.wait_for(2)] == [429, 200]


def test_429_twice_fails_after_one_retry(hook):
    hook.respond(429, headers={"Retry-After": "1"}, times=2)
    report = send([sample_alerts()["new_figure"]], channels_from_urls([hook.json_url("/x")]))
    (outcome,) = report.outcomes
    assert not outcome.ok and "429" in (outcome.error or "")
    assert len(hook.requests) == 2


def test_429_with_a_long_retry_after_is_left_for_the_next_run(hook):
    hook.respond(429, headers={"Retry-After": str(int(MAX_RETRY_AFTER_S * 10))})
    sleeps = Sleeps()
    report = send(
        [sample_alerts()["new_figure"]], channels_from_urls([hook.json_url("/x")]), sleeps=sleeps
    )
    (outcome,) = report.outcomes
    assert not outcome.ok and "Retry-After" in (outcome.error or "")
    assert sleeps.waits == [] and len(hook.requests) == 1


# --- digests and routing ---------------------------------------------------


def test_more_alerts_than_the_threshold_make_one_digest_per_channel(hook, smtp):
    alerts = [
        dataclasses.replace(sample_alerts()["new_figure"], alert_id=f"al-{i:02}") for i in range(12)
    ]
    channels = channels_from_urls([hook.json_url("/digest"), smtp.apprise_url()])
    report = send(alerts, channels, threshold=10)
    assert len(hook.wait_for(1)) == 1
    assert len(smtp.wait_for(1)) == 1
    assert len(report.outcomes) == 24 and all(o.ok and o.digest for o in report.outcomes)
    assert sorted(report.completed) == sorted(a.alert_id for a in alerts)
    data = json.loads(hook.requests[0].json()["message"])
    assert data["digest"] is True and data["count"] == 12
    assert "12 alerts" in smtp.messages[0].subject
    assert all(f"al-{i:02}" in smtp.messages[0].text for i in range(12))


def test_at_the_threshold_each_alert_is_its_own_message(hook):
    alerts = [
        dataclasses.replace(sample_alerts()["new_figure"], alert_id=f"al-{i}") for i in range(3)
    ]
    report = send(alerts, channels_from_urls([hook.json_url("/x")]), threshold=3)
    assert len(hook.wait_for(3)) == 3
    assert not any(o.digest for o in report.outcomes)


def test_routing_by_kind_deals_and_ops(smtp, hook):
    deals_url = smtp.apprise_url(to="deals@example.org")
    ops_url = "feed_failing,feed_recovered=" + hook.json_url("/ops")
    channels = channels_from_urls([f"new_deal,new_figure,contradiction={deals_url}", ops_url])
    alerts = sample_alerts()
    report = send([alerts["contradiction"], alerts["feed_failing"]], channels)
    by_alert = {(o.alert_id, o.channel) for o in report.outcomes}
    assert by_alert == {("al-contradiction", "mailto#1"), ("al-feed-failing", "json#2")}
    (mail,) = smtp.wait_for(1)
    assert "contradiction" in mail.subject
    (request,) = hook.wait_for(1)
    assert json.loads(request.json()["message"])["kind"] == "feed_failing"
    assert sorted(report.completed) == ["al-contradiction", "al-feed-failing"]


def test_an_alert_is_complete_only_when_every_routed_channel_has_it(hook, smtp):
    channels = channels_from_urls([smtp.apprise_url(), hook.json_url("/x")])
    hook.respond(500)
    alert = sample_alerts()["new_deal"]
    first = send([alert], channels)
    assert {(o.channel, o.ok) for o in first.outcomes} == {("mailto#1", True), ("json#2", False)}
    assert first.completed == ()
    retry = send([dataclasses.replace(alert, channels_sent=("mailto#1",))], channels)
    assert [(o.channel, o.ok) for o in retry.outcomes] == [("json#2", True)]
    assert retry.completed == (alert.alert_id,)
    assert len(smtp.wait_for(1)) == 1, "the e-mail is not sent twice"


def test_a_digest_counts_per_channel_after_routing(hook, smtp):
    figures = [
        dataclasses.replace(sample_alerts()["new_figure"], alert_id=f"f-{i}") for i in range(4)
    ]
    feeds = [dataclasses.replace(sample_alerts()["feed_failing"], alert_id="feed-1")]
    channels = channels_from_urls(
        ["new_figure=" + hook.json_url("/deals"), "feed_failing=" + smtp.apprise_url()]
    )
    report = send(figures + feeds, channels, threshold=3)
    assert all(o.digest for o in report.outcomes if o.channel == "json#1")
    assert not any(o.digest for o in report.outcomes if o.channel == "mailto#2")
    assert len(hook.wait_for(1)) == 1 and len(smtp.wait_for(1)) == 1


def test_invalid_channel_fails_its_alerts_only(hook):
    channels = [
        Channel("broken", f"nosuchscheme://{SECRET}"),
        *channels_from_urls([hook.json_url("/x")]),
    ]
    report = send([sample_alerts()["new_deal"]], channels)
    outcomes = {o.channel: o for o in report.outcomes}
    assert not outcomes["broken"].ok and SECRET not in (outcomes["broken"].error or "")
    assert outcomes["json#1"].ok
    assert report.completed == ()


# --- test messages and the console -----------------------------------------


def test_send_test_reports_each_channel(hook, smtp):
    down = WebhookReceiver().start()
    down_url = secret_json_url(down)
    down.stop()
    channels = channels_from_urls([hook.json_url("/t"), smtp.apprise_url(), down_url])
    results = send_test(channels)
    assert [(name, ok) for name, ok, _ in results] == [
        ("json#1", True),
        ("mailto#2", True),
        ("json#3", False),
    ]
    assert_no_secret(results[2][2])
    assert "test" in json.loads(json.dumps(hook.wait_for(1)[0].json()))["message"]
    assert "test" in smtp.wait_for(1)[0].subject


def test_print_to_console_writes_every_alert():
    lines: list[str] = []
    alerts = list(sample_alerts().values())
    print_to_console(alerts, write=lines.append)
    text = "\n".join(lines)
    for alert in alerts:
        assert alert.alert_id in text
    assert "Now 28" in text and "The Ledger" in text
