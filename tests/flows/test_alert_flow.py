"""The alert settings of ``[alerts]`` through the real ``monitor`` flow.

A local news site publishes articles run after run; the alerts reach a real
webhook (apprise ``json://``) and a real SMTP server (aiosmtpd). Each test checks
what a user would: what arrived where, what the warehouse holds, and the
decision row that says why an alert stayed quiet.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support.config import write_config
from tests.support.reads import query
from tests.support.receivers import Received, SmtpReceiver, WebhookReceiver
from tests.support.site import FEED_UPDATED, NewsSite, Story, publish, rss_feed
from tests.support.stories import INFLECTION, WANG_21, WANG_28

pytestmark = pytest.mark.usefixtures("prefect_harness")


MEGA_DEAL = Story(
    "/ledger/scale-stake",
    "The Ledger",
    "Meta to pay $14.3 billion for a Scale AI stake",
    (
        "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive Alexandr Wang "
        "will join Meta, the companies said on Thursday.",
        "The investment is the largest Meta has made outside its own labs since it bought WhatsApp, "
        "according to Dealogic.",
        "Jason Droege, Scale's chief strategy officer, becomes interim chief executive; the board, led by "
        "Mike Volpi, approved the plan on Wednesday.",
        "Analysts at Bernstein and Morgan Stanley said the price reflected Meta's worry about falling behind "
        "OpenAI, Anthropic and DeepSeek.",
    ),
)
# The Daily Planet's story as another outlet runs it: a copy, not a second voice.
WANG_21_COPY = Story("/bulletin/who-is-wang", "Morning Bulletin", WANG_21.title, WANG_21.paragraphs)
WANG_21_INDEPENDENT = Story(
    "/post/young-founder",
    "Evening Post",
    "Meta's bet on a young founder",
    (
        "Alexandr Wang, the 21-year-old chief executive of Scale AI, is joining Meta as Meta takes a large "
        "stake in his company.",
        "Investors including Tiger Global, Coatue and Index Ventures welcomed the move, which lets them sell "
        "part of their holdings.",
        "Critics at the FTC and in the Senate said Meta was buying talent rather than technology.",
        "Gartner analyst Chirag Dekate called it an acquihire in all but name, in a note to clients in Chicago.",
    ),
)
WANG_28_INDEPENDENT = Story(
    "/harbour/wang-interview",
    "Harbour Times",
    "Alexandr Wang on leaving Scale AI",
    (
        "Meta is investing in Scale AI and hiring its chief executive, Alexandr Wang, 28, who says the deal "
        "lets him keep a seat on its board while he builds a new lab.",
        "In an interview in Brooklyn, he credited Ilya Sutskever and Demis Hassabis as early influences.",
        "Wang said Scale will keep serving the Department of Defense and Qatar under its new management.",
        "Forbes first reported the board vote, citing people at Khosla Ventures and Thrive Capital.",
    ),
)
SAME_PRICE = (
    Story(
        "/gazette/price-tag",
        "North Gazette",
        "Scale AI's price tag",
        (
            "Meta's $14.3 billion payment for its Scale AI stake makes Alexandr Wang one of the best-paid hires "
            "in Silicon Valley.",
            "Scale sells labelled data to companies such as Cohere, Adobe and Nvidia that train large models.",
            "Its clients include the US Army and car makers in Detroit and Stuttgart, Reuters reported in March.",
        ),
    ),
    Story(
        "/courier/why-meta",
        "South Courier",
        "Why Meta wanted Scale AI",
        (
            "Analysts said the $14.3 billion Meta is paying for its stake in Scale AI buys it a head start in "
            "training data, and Meta also hires Alexandr Wang.",
            "Meta has lost researchers to rivals such as Mistral in Paris and xAI in Memphis this year.",
            "Zuckerberg has taken personal charge of recruiting, inviting candidates to Lake Tahoe and Palo Alto.",
        ),
    ),
    Story(
        "/herald/cash-out",
        "East Herald",
        "Scale AI investors cash out",
        (
            "Meta will pay $14.3 billion for its stake in Scale AI and hire Alexandr Wang, and early backers "
            "will share in the payout.",
            "Employees in Seattle and New York who hold vested shares can sell, according to a memo seen by "
            "Bloomberg.",
            "Greenoaks, Wellington and Fidelity were among the later investors.",
        ),
    ),
    Story(
        "/observer/cheque",
        "West Observer",
        "A big cheque from Menlo Park",
        (
            "Meta agreed to invest $14.3 billion in Scale AI and hire its chief executive Alexandr Wang, its "
            "most expensive bet since Instagram.",
            "Shares in Meta barely moved on Nasdaq after the news, closing near Friday's level.",
            "Some customers, including Samsung and Etsy, said in Toronto they were reviewing their contracts.",
        ),
    ),
    Story(
        "/times/rivals",
        "Central Times",
        "Rivals react to the Scale AI deal",
        (
            "After Meta agreed to pay $14.3 billion for a stake in Scale AI and hire Alexandr Wang, rivals began "
            "winding down work with the startup.",
            "OpenAI said in a statement from London it had been moving away from Scale for months.",
            "Labelbox, Surge and Turing told Axios they had seen a rush of new customers in Boston and Austin.",
        ),
    ),
)
# One message per alert, never a digest: each test reads the alerts one by one.
ONE_MESSAGE_PER_ALERT = "digest_threshold = 1000\n"
# The decision on a Wang's-age contradiction raised again by a source that adds nothing new.
ALERTED_BEFORE = [
    ("contradiction", "person_age", "suppressed", "duplicate of a known fact: alerted before")
]


def newsroom(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    site: NewsSite,
    hook: WebhookReceiver,
    stories: list[Story],
    alerts: str = "",
) -> tuple[Path, Path]:
    """A config whose one feed lists ``stories`` on ``site``, ``alerts`` the lines of its [alerts]
    table, its alerts sent to ``hook`` one message each; returns it and its warehouse."""
    config = write_config(
        tmp_path / "config",
        feeds=[("Newsroom", publish(site, stories))],
        extra=f"\n[alerts]\n{alerts}{ONE_MESSAGE_PER_ALERT}",
    )
    monkeypatch.setenv("DEALWATCH_NOTIFY", hook.json_url("/deals"))
    return config, config / "data" / "dealwatch.duckdb"


def alerts_received(requests: Iterable[Received]) -> list[dict[str, Any]]:
    """The alerts a json:// channel received, one dict (render_json) per message."""
    return [json.loads(r.json()["message"]) for r in requests]


def run_monitor(config: Path) -> dict[str, Any]:
    from flows.pipeline import monitor

    summary = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
    assert "busy" not in summary["store"], summary
    return summary


def article_id_of(warehouse: Path, url: str) -> str:
    return query(warehouse, "SELECT article_id FROM articles WHERE url = ?", [url])[0][0]


def decisions_for(warehouse: Path, article_id: str) -> list[tuple[str, str, str, str]]:
    return query(
        warehouse,
        "SELECT kind, metric, decision, reason FROM store.alert_decisions WHERE article_id = ? "
        "ORDER BY decided_at, kind",
        [article_id],
    )


def age_contradiction_alerted(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    site: NewsSite,
    hook: WebhookReceiver,
    *,
    realert: bool,
) -> tuple[Path, Path, list[dict[str, Any]]]:
    """A newsroom of the two stories that disagree on Wang's age, ``realert_on_new_source`` as
    told, run once: its config, its warehouse and the contradiction alerts among the first three."""
    config, warehouse = newsroom(
        tmp_path,
        monkeypatch,
        site,
        hook,
        [WANG_28, WANG_21],
        f"realert_on_new_source = {str(realert).lower()}\n",
    )
    run_monitor(config)
    alerts = alerts_received(hook.wait_for(3))
    return config, warehouse, [a for a in alerts if a["kind"] == "contradiction"]


@pytest.mark.slow
def test_a_muted_deal_is_stored_and_explained_but_never_sent(tmp_path, monkeypatch):
    with NewsSite() as site, WebhookReceiver() as hook:
        config, warehouse = newsroom(
            tmp_path,
            monkeypatch,
            site,
            hook,
            [MEGA_DEAL, INFLECTION],
            'mute_deals = ["meta--scale-ai"]\n',
        )

        summary = run_monitor(config)
        assert summary["store"]["articles_new"] == 2

        assert query(warehouse, "SELECT deal_id FROM deals ORDER BY deal_id") == [
            ("meta--scale-ai",),
            ("microsoft--inflection-ai",),
        ]
        muted_figures = query(
            warehouse,
            "SELECT DISTINCT metric, stated, source FROM figures WHERE deal_id = 'meta--scale-ai' ORDER BY metric",
        )
        assert muted_figures == [
            ("deal_amount_usd", "$14.3 billion", "The Ledger"),
            ("stake_pct", "49%", "The Ledger"),
        ]

        received = alerts_received(hook.wait_for(2))
        assert sorted((a["kind"], a["deal_id"]) for a in received) == [
            ("new_deal", "microsoft--inflection-ai"),
            ("new_figure", "microsoft--inflection-ai"),
        ], "the other deal of the same run still alerts"

        muted = query(
            warehouse,
            "SELECT kind, status, reason, alert_id FROM alert_log WHERE deal_id = 'meta--scale-ai' ORDER BY kind, metric",
        )
        assert [(kind, status) for kind, status, _, _ in muted] == [
            ("new_deal", "suppressed"),
            ("new_figure", "suppressed"),
            ("new_figure", "suppressed"),
        ]
        assert all(reason.startswith("muted deal meta--scale-ai") for _, _, reason, _ in muted)
        decisions = query(
            warehouse,
            "SELECT decision, reason FROM store.alert_decisions "
            "WHERE deal_id = 'meta--scale-ai' AND alert_id IS NOT NULL",
        )
        assert len(decisions) == 3 and all(
            decision == "suppressed" and "muted deal meta--scale-ai" in reason
            for decision, reason in decisions
        )
        assert query(
            warehouse,
            "SELECT count(*) FROM store.alert_decisions WHERE deal_id = 'meta--scale-ai' AND decision = 'fired'",
        ) == [(0,)]

        from flows.cli import app

        why = CliRunner().invoke(app, ["alerts", "why", muted[0][3], "--config", str(config)])
        assert why.exit_code == 0, why.output
        assert "status: suppressed" in why.output and "muted deal meta--scale-ai" in why.output

        run_monitor(config)
        assert len(hook.wait_for(3, timeout_s=1)) == 2, "a muted alert is not sent by a later run"


def test_a_muted_metric_is_stored_but_neither_its_figures_nor_its_contradictions_are_sent(
    tmp_path, monkeypatch
):
    with NewsSite() as site, WebhookReceiver() as hook:
        config, warehouse = newsroom(
            tmp_path,
            monkeypatch,
            site,
            hook,
            [MEGA_DEAL, WANG_28, WANG_21],
            'mute_metrics = ["person_age"]\n',
        )

        run_monitor(config)

        ages = query(
            warehouse,
            "SELECT stated, source FROM figures WHERE metric = 'person_age' ORDER BY source",
        )
        assert ages == [("21 years old", "Daily Planet"), ("28", "The Ledger")]
        assert query(warehouse, "SELECT subject, a_stated, b_stated FROM contradictions") == [
            ("Alexandr Wang", "28", "21 years old")
        ], "the contradiction is recorded"

        received = alerts_received(hook.wait_for(3))
        assert sorted((a["kind"], a["metric"]) for a in received) == [
            ("new_deal", None),
            ("new_figure", "deal_amount_usd"),
            ("new_figure", "stake_pct"),
        ], "other metrics still alert"
        quiet = query(
            warehouse,
            "SELECT kind, status, reason FROM alert_log WHERE metric = 'person_age' ORDER BY kind",
        )
        assert [(kind, status) for kind, status, _ in quiet] == [
            ("contradiction", "suppressed"),
            ("new_figure", "suppressed"),
        ]
        assert all(reason.startswith("muted metric person_age") for _, _, reason in quiet)


@pytest.mark.slow
def test_a_new_independent_source_realerts_a_contradiction_once_and_a_wire_copy_does_not(
    tmp_path, monkeypatch
):
    with NewsSite() as site, WebhookReceiver() as hook:
        stories = [WANG_28, WANG_21]
        config, warehouse, first = age_contradiction_alerted(
            tmp_path, monkeypatch, site, hook, realert=True
        )
        assert len(first) == 1
        sent_before = len(hook.requests)

        publish(site, [*stories, WANG_21_COPY])
        assert run_monitor(config)["store"]["articles_new"] == 1
        copy_id = article_id_of(warehouse, site.url(WANG_21_COPY.path))
        original_id = article_id_of(warehouse, site.url(WANG_21.path))
        assert query(
            warehouse, "SELECT duplicate_of FROM articles WHERE article_id = ?", [copy_id]
        ) == [(original_id,)]
        assert decisions_for(warehouse, copy_id) == ALERTED_BEFORE
        assert len(hook.wait_for(sent_before + 1, timeout_s=1)) == sent_before, (
            "a copy of a wire story already counted is no new source"
        )

        publish(site, [*stories, WANG_21_COPY, WANG_21_INDEPENDENT])
        run_monitor(config)
        new = alerts_received(hook.wait_for(sent_before + 1))[sent_before:]
        assert [a["kind"] for a in new] == ["contradiction"], new
        assert new[0]["figure"]["independent_sources"] == 2
        assert "Evening Post" in new[0]["figure"]["sources"]
        assert new[0]["other"]["stated"] == "28"
        run_monitor(config)
        assert len(hook.wait_for(sent_before + 2, timeout_s=1)) == sent_before + 1


@pytest.mark.slow
def test_a_new_source_on_the_accepted_side_realerts_a_contradiction_too(tmp_path, monkeypatch):
    with NewsSite() as site, WebhookReceiver() as hook:
        config, warehouse, first = age_contradiction_alerted(
            tmp_path, monkeypatch, site, hook, realert=True
        )
        assert [(a["figure"]["stated"], a["other"]["stated"]) for a in first] == [
            ("21 years old", "28")
        ]
        sent_before = len(hook.requests)

        publish(site, [WANG_28, WANG_21, WANG_28_INDEPENDENT])
        run_monitor(config)
        new = alerts_received(hook.wait_for(sent_before + 1))[sent_before:]
        assert [a["kind"] for a in new] == ["contradiction"], new
        assert new[0]["figure"]["sources"] == ["Harbour Times", "The Ledger"]
        assert new[0]["figure"]["independent_sources"] == 2
        assert new[0]["other"]["stated"] == "21 years old"
        assert query(warehouse, "SELECT count(*) FROM contradictions") == [(1,)]

        copy = Story("/coastal/wang-interview", "Coastal Daily", *astuple(WANG_28_INDEPENDENT)[2:])
        publish(site, [WANG_28, WANG_21, WANG_28_INDEPENDENT, copy])
        assert run_monitor(config)["store"]["articles_new"] == 1
        copy_id = article_id_of(warehouse, site.url(copy.path))
        assert decisions_for(warehouse, copy_id) == ALERTED_BEFORE
        assert len(hook.wait_for(sent_before + 2, timeout_s=1)) == sent_before + 1


@pytest.mark.slow
def test_without_realert_a_new_source_for_a_known_contradiction_stays_quiet(tmp_path, monkeypatch):
    with NewsSite() as site, WebhookReceiver() as hook:
        config, warehouse, first = age_contradiction_alerted(
            tmp_path, monkeypatch, site, hook, realert=False
        )
        assert len(first) == 1
        sent_before = len(hook.requests)

        publish(site, [WANG_28, WANG_21, WANG_21_INDEPENDENT])
        assert run_monitor(config)["store"]["articles_new"] == 1
        independent_id = article_id_of(warehouse, site.url(WANG_21_INDEPENDENT.path))
        assert query(
            warehouse, "SELECT duplicate_of FROM articles WHERE article_id = ?", [independent_id]
        ) == [(None,)]
        assert decisions_for(warehouse, independent_id) == ALERTED_BEFORE
        assert len(hook.wait_for(sent_before + 1, timeout_s=1)) == sent_before


@pytest.mark.slow
def test_feed_alerts_go_to_the_ops_mailbox_once_per_streak_and_deal_alerts_to_the_webhook(
    tmp_path, monkeypatch
):
    with NewsSite() as site, WebhookReceiver() as hook, SmtpReceiver() as smtp:
        good = publish(site, [INFLECTION])
        down = site.route("/down.xml", b"server error", status=500, content_type="text/plain")
        config = write_config(
            tmp_path / "config",
            feeds=[("Tech Wire", good), ("Flaky Wire", down)],
            extra=(
                "\n[alerts]\nfeed_failing_after = 2\n"
                '[[alerts.channel]]\nname = "deals"\nurl_env = "TEST_DEALS_URL"\n'
                'kinds = ["new_deal", "new_figure", "contradiction"]\n'
                '[[alerts.channel]]\nname = "ops"\nurl_env = "TEST_OPS_URL"\n'
                'kinds = ["feed_failing", "feed_recovered"]\n'
            ),
        )
        monkeypatch.delenv("DEALWATCH_NOTIFY", raising=False)
        monkeypatch.setenv("TEST_DEALS_URL", hook.json_url("/deals"))
        monkeypatch.setenv("TEST_OPS_URL", smtp.apprise_url(to="ops@example.org"))

        run_monitor(config)
        deal_kinds = sorted(a["kind"] for a in alerts_received(hook.wait_for(2)))
        assert deal_kinds == ["new_deal", "new_figure"]
        assert smtp.wait_for(1, timeout_s=1) == [], "one failed run is not yet a failing feed"

        run_monitor(config)
        mails = smtp.wait_for(1)
        assert [m.subject for m in mails] == ["[dealwatch] feed_failing: Flaky Wire"]
        assert "500" in mails[0].text
        assert mails[0].recipients == ("ops@example.org",)

        run_monitor(config)
        run_monitor(config)
        assert len(smtp.wait_for(2, timeout_s=1)) == 1, "one e-mail per failing streak"

        site.route(
            "/down.xml",
            rss_feed("Flaky Wire", [], updated=FEED_UPDATED),
            content_type="application/rss+xml; charset=utf-8",
        )
        run_monitor(config)
        assert [m.subject for m in smtp.wait_for(2)] == [
            "[dealwatch] feed_failing: Flaky Wire",
            "[dealwatch] feed_recovered: Flaky Wire",
        ]
        assert sorted(a["kind"] for a in alerts_received(hook)) == deal_kinds, (
            "no feed alert reaches the deals webhook"
        )


@pytest.mark.slow
def test_the_same_fact_from_five_more_outlets_raises_no_alert(tmp_path, monkeypatch):
    with NewsSite() as site, WebhookReceiver() as hook:
        config, warehouse = newsroom(tmp_path, monkeypatch, site, hook, [MEGA_DEAL])

        run_monitor(config)
        first = alerts_received(hook.wait_for(3))
        assert ("new_figure", "deal_amount_usd") in [(a["kind"], a["metric"]) for a in first]
        alerts_before = query(warehouse, "SELECT count(*) FROM alert_log")

        publish(site, [MEGA_DEAL, *SAME_PRICE])
        assert run_monitor(config)["store"]["articles_new"] == 5
        assert query(
            warehouse,
            "SELECT independent_sources, len(sources) FROM accepted_figures WHERE metric = 'deal_amount_usd'",
        ) == [(6, 6)], "six outlets, six independent sources"
        for story in SAME_PRICE:
            decisions = decisions_for(warehouse, article_id_of(warehouse, site.url(story.path)))
            assert [(kind, metric, decision) for kind, metric, decision, _ in decisions] == [
                ("new_figure", "deal_amount_usd", "suppressed")
            ], story.outlet
            assert "known fact" in decisions[0][3]
        assert query(warehouse, "SELECT count(*) FROM alert_log") == alerts_before
        assert len(hook.wait_for(len(first) + 1, timeout_s=1)) == len(first)
