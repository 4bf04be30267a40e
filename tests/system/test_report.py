"""``dealwatch report``: the static site, opened in a real browser (Debian's Chromium, headless).

The warehouse is the real one: the seeds backfilled, then one monitoring pass
over a local news site where five outlets tell the Meta–Scale AI story over
four days (one a wire copy of another, one contradicting the deal amount, one
with markup and script in its title and outlet name), alerts delivered to a
local JSON webhook. The report is written by the command line, as a user runs
it, and read from its files (``file://``), as an attachment would be.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.receivers import WebhookReceiver
from tests.support.site import NewsSite, article_page, rss_feed
from warehouse import db

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

DEALWATCH = "import sys; from flows.cli import main; sys.argv[0] = 'dealwatch'; main()"
BASE_URL = "https://reports.example/dealwatch/"
DEAL = "meta--scale-ai"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE_TITLE = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    " Inside Meta's Scale AI bet"
)
HOSTILE_OUTLET = "<b>Bold</b> Times"
CONTEXT = (
    "Meta agreed in June to invest in Scale AI and hire its chief executive, Alexandr Wang, "
    "who joined Meta to lead a new superintelligence group."
)
WIRE = [
    "Meta paid $10 billion for its 49% stake in Scale AI, according to a filing seen by Harbor Wire.",
    CONTEXT,
    # Named entities enough for the story fingerprint to tell a copy (MIN_TOKENS).
    "The filing, lodged in Delaware, lists Accel, Index Ventures, Founders Fund, Tiger Global, "
    "Nvidia, Amazon and Intel among the investors of Scale AI, which Lucy Guo co-founded in "
    "San Francisco; Jason Droege becomes interim chief executive.",
]
# path: (outlet, title, published, paragraphs); the Coast Daily page is Harbor Wire's story as is.
PAGES = {
    "/ledger/scale-ai-terms": (
        "The Ledger",
        "Scale AI deal: what Meta gets for its money",
        "2025-06-14T08:00:00Z",
        [
            "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive "
            "Alexandr Wang will join Meta, the companies said.",
            CONTEXT,
        ],
    ),
    "/harbor/filing": (
        "Harbor Wire",
        "Filing puts Meta's Scale AI payment lower than reported",
        "2025-06-15T08:00:00Z",
        WIRE,
    ),
    "/coast/meta-scale-filing": (
        "Coast Daily",
        "Filing puts Meta's Scale AI payment lower than reported",
        "2025-06-16T08:00:00Z",
        WIRE,
    ),
    "/valley/valuation": (
        "Valley Post",
        "Meta's Scale AI stake: the valuation behind the deal",
        "2025-06-16T10:00:00Z",
        [
            "Meta's investment values Scale AI at $29.2 billion, according to a person familiar "
            "with the terms.",
            CONTEXT,
        ],
    ),
    "/bold/inside": (
        HOSTILE_OUTLET,
        HOSTILE_TITLE,
        "2025-06-17T08:00:00Z",
        [
            "Meta's $14.3 billion investment for 49% of Scale AI brings Alexandr Wang to Meta, "
            "where he will run its superintelligence effort.",
            CONTEXT,
        ],
    ),
}


def publish_story(site: NewsSite) -> str:
    """Every page of ``PAGES`` (its paragraphs three times, a real article's length) and one feed."""
    items = []
    for path, (outlet, title, published, paragraphs) in PAGES.items():
        site.route(
            path,
            article_page(
                title=title,
                author="Staff",
                published=published,
                outlet=outlet,
                paragraphs=paragraphs * 3,
            ),
        )
        items.append({"title": title, "link": site.url(path), "description": paragraphs[0]})
    return site.route(
        "/feed.xml",
        rss_feed("Newsroom", items, updated=datetime(2025, 6, 17, 9, 0, tzinfo=UTC)),
        content_type="application/rss+xml; charset=utf-8",
    )


def dealwatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it, in its own process."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    env.pop("DEALWATCH_NOTIFY", None)
    return subprocess.run(
        [sys.executable, "-c", DEALWATCH, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with db.read_connection(path) as con:
        return con.execute(sql, params or []).fetchall()


@dataclass(frozen=True)
class Story:
    config: Path
    warehouse: Path
    report: Path
    output: str
    alerts: list[dict]
    shots: Path
    site_base: str

    def page(self, deal_id: str = DEAL) -> Path:
        return self.report / "deals" / f"{deal_id}.html"


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    from flows.pipeline import backfill, monitor

    root = tmp_path_factory.mktemp("report")
    with NewsSite() as site, WebhookReceiver() as hook, pytest.MonkeyPatch.context() as env:
        config = write_config(
            root / "config",
            feeds=[("Newsroom", publish_story(site))],
            seeds_dir=REPO / "seeds",
            extra=f'\n[report]\nbase_url = "{BASE_URL}"\nreport_dir = "{(root / "unused").as_posix()}"\n',
        )
        env.setenv("DEALWATCH_NOTIFY", hook.json_url("/alerts"))
        backfill(config_dir=str(config))
        summary = monitor(config_dir=str(config))
        assert summary["feeds"]["failed"] == [], summary
        alerts = [json_message(r) for r in hook.accepted()]
        base = site.base
    report = root / "site"
    done = dealwatch("report", "--config", str(config), "--out", str(report), cwd=root)
    assert done.returncode == 0, done.stderr
    shots = root / "screenshots"
    shots.mkdir()
    return Story(
        config=config,
        warehouse=config / "data" / "dealwatch.duckdb",
        report=report,
        output=done.stdout,
        alerts=alerts,
        shots=shots,
        site_base=base,
    )


def json_message(received) -> dict:
    """apprise's json:// body: {"title", "message", ...}; our alert is the message, as JSON."""
    import json

    return json.loads(received.json()["message"])


def chromium_path() -> str:
    found = os.environ.get("DEALWATCH_CHROMIUM") or shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("no chromium on PATH: .ci/run installs Debian's chromium package")
    pytest.skip("no chromium on PATH (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Visit:
    page: object
    requests: list[str]
    console_errors: list[str]


def visit(browser, path: Path, *, width: int = 1280, anchor: str = "") -> Visit:
    """Open a report file as an attachment is opened; every request is recorded, and only the
    report's own files are let through (the page's links to other pages of the report)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    folder = path.resolve().parent
    report_root = (folder.parent if folder.name == "deals" else folder).as_uri()
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(report_root + "/") else route.abort()
        ),
    )
    page.goto(path.resolve().as_uri() + anchor)
    return Visit(page, requests, errors)


def x_range(locator) -> tuple[float, float]:
    """Left and right edge, on screen, of every element of ``locator`` together."""
    boxes = [locator.nth(i).bounding_box() for i in range(locator.count())]
    boxes = [b for b in boxes if b is not None]
    assert boxes, f"nothing on screen matches {locator}"
    return min(b["x"] for b in boxes), max(b["x"] + b["width"] for b in boxes)


def outlet(source: str | None) -> str:
    """How the report names an outlet the warehouse does not know."""
    return "unknown outlet" if source in (None, "", "unknown") else source


# --- the command ------------------------------------------------------------


def test_report_command_writes_an_index_and_a_page_per_deal_and_says_where(story):
    deals = [r[0] for r in query(story.warehouse, "SELECT deal_id FROM deals ORDER BY deal_id")]
    assert DEAL in deals and len(deals) >= 4
    for deal_id in deals:
        assert story.page(deal_id).is_file(), deal_id
    size_kb = sum(p.stat().st_size for p in story.report.rglob("*.html")) / 1024
    match = re.search(r"report: (\S+) \((\d+) pages, ([\d,]+) KB\)", story.output)
    assert match, story.output
    assert Path(match.group(1)) == story.report / "index.html"
    assert int(match.group(2)) == len(deals) + 1
    assert abs(int(match.group(3).replace(",", "")) - size_kb) < 1


class _Fetches(HTMLParser):
    """Every place in a page that would make a browser fetch something by itself."""

    LOADING = {"src", "srcset", "poster", "data", "background", "formaction"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        for name, value in attrs:
            if name in self.LOADING and not (value or "").startswith("data:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "link" and not (values.get("href") or "").startswith("data:"):
            self.found.append(f"<link href={values.get('href')}>")

    def handle_data(self, data: str) -> None:
        if "@import" in data or "url(" in data:
            self.found.append(data[:80])


def test_every_page_is_self_contained(story):
    """Nothing to fetch: no script, no stylesheet or image from elsewhere, and a CSP that forbids it."""
    pages = sorted(story.report.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        parser = _Fetches()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page
        assert "script" not in parser.tags, page
        assert "svg" in parser.tags or page.name != "meta--scale-ai.html"


def test_unknown_deal_is_an_error_that_names_it(story, tmp_path):
    done = dealwatch(
        "report",
        "--config",
        str(story.config),
        "--deal",
        "nobody--nothing",
        "--out",
        str(tmp_path),
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "nobody--nothing" in done.stderr
    assert not (tmp_path / "index.html").exists()


# --- in the browser ---------------------------------------------------------

TIMELINE_JS = """() => [...document.querySelectorAll('#timeline .story')].map(story => ({
    outlet: story.querySelector(':scope > p > .outlet').textContent,
    copies: [...story.querySelectorAll('.copies .outlet')].map(e => e.textContent).sort(),
}))"""


def test_deal_page_shows_the_timeline_the_charts_and_the_quotes(story, browser):
    visit_ = visit(browser, story.page())
    page = visit_.page
    assert page.locator("h1").inner_text() == "Meta → Scale AI"

    # Timeline: every article of the deal, each wire copy under the story it copies.
    articles = query(
        story.warehouse,
        "SELECT a.article_id, a.source, a.story_id, a.duplicate_of FROM articles a "
        "JOIN deal_mentions m USING (article_id) WHERE m.deal_id = ?",
        [DEAL],
    )
    by_id = {aid: source for aid, source, _, _ in articles}
    expected = sorted(
        (
            outlet(by_id[story_id]),
            sorted(outlet(s) for _, s, sid, dup in articles if sid == story_id and dup),
        )
        for story_id in {sid for _, _, sid, _ in articles}
    )
    shown = sorted((s["outlet"], s["copies"]) for s in page.evaluate(TIMELINE_JS))
    assert shown == expected
    assert any(copies for _, copies in shown), "the seeds' rewrite and the local wire copy"

    # The seeds' contradiction: Wang's age, 28 (VCPOST) against 21, two marks that do not overlap,
    # the accepted value's band around 28 only.
    age = page.locator("#figure-person_age-alexandr-wang")
    chart = age.locator("svg[role=img]")
    assert "Now 28" in chart.get_attribute("aria-label")
    assert "21 years old" in chart.get_attribute("aria-label")
    at_28 = x_range(chart.locator('[aria-roledescription="point"][aria-label*="Now 28"]'))
    at_21 = x_range(chart.locator('[aria-roledescription="point"][aria-label*="21 years old"]'))
    assert at_21[1] < at_28[0], (at_21, at_28)
    band = x_range(chart.locator('[aria-label^="accepted value"]'))
    assert band[0] <= (at_28[0] + at_28[1]) / 2 <= band[1]
    assert at_21[1] < band[0]
    dissent = chart.locator('[aria-roledescription="point"][aria-label*="21 years old"]').first
    assert dissent.get_attribute("fill") != chart.locator(
        '[aria-roledescription="point"][aria-label*="Now 28"]'
    ).first.get_attribute("fill"), "the dissenting side has its own colour"

    # The local story's contradiction: $10 billion against $14.3 billion, bars apart.
    amount = page.locator("#figure-deal_amount_usd-meta--scale-ai svg[role=img]")
    low_bar = x_range(amount.locator('[aria-roledescription="bar"][aria-label*="$10 billion"]'))
    high_bar = x_range(amount.locator('[aria-roledescription="bar"][aria-label*="$14.3 billion"]'))
    assert low_bar[1] < high_bar[0]

    # Contradictions: both quotes side by side, each linked to its article when it has a web address.
    sides = query(
        story.warehouse,
        "SELECT k.metric, a.quote, a.url, b.quote, b.url FROM contradiction_claims k "
        "JOIN figures a ON a.claim_id = k.a_claim_id JOIN figures b ON b.claim_id = k.b_claim_id "
        "WHERE k.deal_id = ?",
        [DEAL],
    )
    cards = page.locator("#contradictions article.contradiction")
    assert cards.count() == len(sides) == 2
    shown_quotes = {
        tuple(cards.nth(i).locator(".side blockquote").all_inner_texts()) for i in range(2)
    }
    assert shown_quotes == {
        (a_quote.strip(), b_quote.strip()) for _, a_quote, _, b_quote, _ in sides
    }
    for i in range(2):
        left, right = (cards.nth(i).locator(".side").nth(n).bounding_box() for n in (0, 1))
        assert left["y"] == right["y"] and left["x"] + left["width"] <= right["x"], "side by side"
    for _, _, a_url, _, b_url in sides:
        for url in (a_url, b_url):
            links = page.locator(f'#contradictions .side .source a[href="{url}"]')
            assert links.count() == (1 if url.startswith("http") else 0), url

    # Numbers as stated and as normalised.
    side = cards.locator(".side", has_text="$10 billion").first
    assert side.locator(".stated").inner_text() == "$10 billion"  # in <q>: the browser adds “”
    assert side.locator(".normalised").inner_text() == "$9.5 billion – $10.5 billion"

    assert visit_.requests == [story.page().resolve().as_uri()], "no request leaves the page"
    assert visit_.console_errors == []
    shot = story.shots / "deal-meta--scale-ai-1280.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000


def test_index_lists_deals_latest_activity_first_with_counts_and_feed_health(story, browser):
    visit_ = visit(browser, story.report / "index.html")
    page = visit_.page
    cards = page.locator(".deal-card")
    deals = {
        r[0]: r[1:]
        for r in query(
            story.warehouse,
            "SELECT d.deal_id, d.acquirer || ' → ' || d.target, d.articles, d.sources, "
            "(SELECT max(a.published) FROM deal_mentions m JOIN articles a USING (article_id) "
            " WHERE m.deal_id = d.deal_id), "
            "(SELECT count(*) FROM contradictions c WHERE c.deal_id = d.deal_id) FROM deals d",
        )
    }
    assert cards.count() == len(deals)
    by_title = {v[0]: (k, *v[1:]) for k, v in deals.items()}
    latest_shown = []
    for i in range(cards.count()):
        card = cards.nth(i)
        deal_id, articles, sources, latest, contradictions = by_title[
            card.locator("h3").inner_text()
        ]
        counts = card.locator(".counts dd").all_inner_texts()
        assert counts == [str(articles), str(sources), str(contradictions)], deal_id
        assert card.locator("h3 a").get_attribute("href") == f"deals/{deal_id}.html"
        shown = card.locator(".deal-chart time").get_attribute("datetime")
        assert shown == latest.isoformat(), deal_id
        latest_shown.append(shown)
        assert "dated articles" in card.locator("svg[role=img]").get_attribute("aria-label")
    assert latest_shown == sorted(latest_shown, reverse=True), "latest activity first"
    assert cards.first.locator("h3").inner_text() == "Meta → Scale AI"

    feed = page.locator("#feeds tbody tr", has_text="Newsroom")
    assert feed.count() == 1 and "ok" in feed.inner_text()
    assert visit_.requests == [(story.report / "index.html").resolve().as_uri()]
    page.screenshot(path=str(story.shots / "index-1280.png"), full_page=True)


@pytest.mark.parametrize("name", ["index.html", "deals/meta--scale-ai.html"])
def test_pages_read_at_375_px_without_sideways_scrolling(story, browser, name):
    visit_ = visit(browser, story.report / name, width=375)
    page = visit_.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for i in range(page.locator("svg[role=img]").count()):
        box = page.locator("svg[role=img]").nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.screenshot(path=str(story.shots / f"{name.replace('/', '-')}-375.png"), full_page=True)


def test_keyboard_alone_goes_from_the_index_to_a_deal_and_skips_to_its_content(story, browser):
    page = visit(browser, story.report / "index.html").page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Meta → Scale AI":
            break
    assert page.evaluate("document.activeElement.textContent") == "Meta → Scale AI"
    page.keyboard.press("Enter")
    page.wait_for_url("**/deals/meta--scale-ai.html")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "← All deals"


def test_an_article_title_and_outlet_with_markup_and_script_stay_text(story, browser):
    ((title, source),) = query(
        story.warehouse, "SELECT title, source FROM articles WHERE url LIKE '%/bold/inside'"
    )
    assert "<script>" in title and "onerror=" in title and "</b>" in source.lower()
    visit_ = visit(browser, story.page())
    page = visit_.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("img").count() == 0
    assert page.locator("b").count() == 0
    assert page.locator("#timeline a", has_text=title).inner_text() == title
    assert page.locator("#timeline .outlet", has_text=source).first.inner_text() == source
    chart_labels = page.locator(
        "#figure-deal_amount_usd-meta--scale-ai svg text"
    ).all_text_contents()
    assert any(label.startswith(source) for label in chart_labels)
    assert visit_.console_errors == []


def test_alerts_carry_a_link_to_their_place_on_the_deal_page(story, browser):
    from alerts.links import report_link
    from alerts.render import render_email, render_slack
    from warehouse import outbox

    sent = [a for a in story.alerts if a.get("deal_id") == DEAL]
    assert {a["kind"] for a in sent} == {"contradiction", "new_figure"}
    for alert in sent:
        url = alert["report_url"]
        assert url == f"{BASE_URL}deals/{DEAL}.html#alert-{alert['alert_id']}"
        path, anchor = url[len(BASE_URL) :].split("#")
        page = visit(browser, story.report / path, anchor=f"#{anchor}").page
        target = page.locator(":target")
        assert target.count() == 1
        assert alert["alert_id"] in target.inner_text() and "sent" in target.inner_text()

        with db.read_connection(story.warehouse) as con:
            record = outbox.get_alert(con, alert["alert_id"])
        link = report_link(BASE_URL, deal_id=record.deal_id, alert_id=record.alert_id)
        assert link == url
        assert f"<{link}|" in render_slack(record, report_url=link)
        assert f'href="{link}"' in render_email(record, report_url=link).html


def test_report_from_an_export_folder_is_the_same_report(story, tmp_path):
    exported = dealwatch(
        "export", "--config", str(story.config), "--out", str(tmp_path / "export"), cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    built = dealwatch(
        "report",
        "--config",
        str(story.config),
        "--export",
        str(tmp_path / "export"),
        "--out",
        str(tmp_path / "site"),
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr

    def without_build_time(path: Path) -> str:
        return re.sub(r"<footer.*?</footer>", "", path.read_text(encoding="utf-8"), flags=re.S)

    pages = sorted(p.relative_to(story.report) for p in story.report.rglob("*.html"))
    assert pages == sorted(
        p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html")
    )
    for page in pages:
        assert without_build_time(tmp_path / "site" / page) == without_build_time(
            story.report / page
        )


def publishing_config(tmp_path: Path) -> tuple[Path, Path]:
    """A config of the seeds, no feeds, whose runs build the report; it and the report's folder."""
    site = tmp_path / "published"
    config = write_config(
        tmp_path / "config",
        feeds=[],
        seeds_dir=REPO / "seeds",
        extra=f'\n[report]\nbuild_after_run = true\nreport_dir = "{site.as_posix()}"\n',
    )
    return config, site


def test_run_builds_the_report_when_configured_and_says_where(tmp_path):
    from prefect.settings import PREFECT_API_URL

    config, site = publishing_config(tmp_path)
    env_api = {
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "PREFECT_HOME": str(tmp_path / "ph"),
    }
    with pytest.MonkeyPatch.context() as env:
        for name, value in env_api.items():
            env.setenv(name, value)
        done = dealwatch("run", "--config", str(config), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"report: {site / 'index.html'}" in done.stdout
    assert (site / "deals" / f"{DEAL}.html").is_file()


def test_the_served_deployment_rebuilds_the_report_after_a_run(tmp_path, monkeypatch):
    import importlib

    config, site = publishing_config(tmp_path)
    monkeypatch.setenv("DEALWATCH_CONFIG", str(config))
    import flows.deployment

    deployment = importlib.reload(flows.deployment)
    summary = deployment.scheduled_monitor(config_dir=str(config))
    assert summary["store"]["articles_new"] == 0 and summary["seeds"]["articles_new"] == 4
    assert (site / "index.html").is_file()
    assert (site / "deals" / f"{DEAL}.html").is_file()
