"""The warehouse at scale: each public view, and the store of one new article.

Builds a warehouse of ``articles`` articles and ``claims`` claims in a temporary
folder (the migrations, then bulk inserts from Arrow tables straight into the
``store`` tables), then times:

- each public view as a user queries it: the newest rows, one deal (the most
  covered, the worst case), and a whole-view aggregate; a cold first run on a
  fresh read-only connection, then the median of ``repeat`` runs;
- opening the file the way ``dealwatch sql`` does (read-only, schema check);
- ``store.store_analyses`` for single new articles, each in its own transaction
  like a run's store step: one deal (drawn by coverage) and 8 claims, six
  agreeing with the accepted value, one contradicting it, one new.

    .venv/bin/python benchmarks/bench_warehouse.py [--articles N] [--claims N] [--seed N]

Prints a table and writes JSON to benchmarks/results/warehouse.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.fingerprint import fingerprint  # noqa: E402
from extractors.metrics import METRICS  # noqa: E402
from extractors.records import DEAL_KINDS, Analysis, Article, Claim, DealMention  # noqa: E402
from extractors.urls import deal_id_for  # noqa: E402
from warehouse import db, outbox, store  # noqa: E402
from warehouse.lake import Lake  # noqa: E402
from warehouse.records import AlertRecord, FigureSide  # noqa: E402

BULK_SCHEMA = 2
VIEW_TARGET_MS = 200.0
RECONCILE_TARGET_MS = 50.0
START = datetime(2023, 7, 1, tzinfo=UTC)
SPAN = timedelta(days=730)
RUN_EVERY = timedelta(minutes=30)

ACQUIRERS = ["Meta", "Microsoft", "Google", "Amazon", "Apple", "Nvidia", "OpenAI", "Anthropic", "Salesforce",
             "Oracle", "IBM", "Intel", "AMD", "Qualcomm", "Samsung", "Tencent", "Alibaba", "ByteDance", "Baidu",
             "Snowflake", "Databricks", "ServiceNow", "Adobe", "Cisco", "Dell", "HP", "SAP", "Uber", "Tesla",
             "xAI", "Cohere", "Mistral", "Stripe", "Shopify", "Atlassian", "Workday", "Intuit", "Zoom", "Netflix",
             "Spotify"]  # fmt: skip
SYLLABLES = ["nim", "bus", "cor", "tex", "ax", "on", "vel", "ora", "lum", "en", "qua", "sar", "deep", "mind",
             "flow", "grid", "sca", "le", "in", "fle", "cti", "ad", "ept", "cha", "rac"]  # fmt: skip
FIRST_NAMES = ["Alexandr", "Mustafa", "Noam", "Daniel", "Lucy", "Karen", "David", "Aidan", "Sara", "Ilya",
               "Mira", "Arthur", "Yann", "Fei", "Demis", "Emad", "Kai", "Nat", "Jan", "Lin"]  # fmt: skip
LAST_NAMES = ["Wang", "Suleyman", "Shazeer", "Gross", "Guo", "Simonyan", "Luan", "Gomez", "Hooker", "Sutskever",
              "Murati", "Mensch", "LeCun", "Li", "Hassabis", "Mostaque", "Fu", "Friedman", "Leike", "Qiu"]  # fmt: skip
TOPICS = ["chips", "cloud", "startups", "regulation", "antitrust", "robotics", "data centres", "cybersecurity",
          "quantum", "batteries", "space", "biotech", "media", "telecoms", "retail", "markets"]  # fmt: skip
PARAGRAPHS = [
    f"Analysts said the move on {t} reflects how large companies now compete for scarce talent and compute, "
    f"and several investors expect more transactions of this shape before the end of the year. "
    f"People familiar with the matter said talks about {t} had lasted several months."
    for t in TOPICS
]
# How often articles state each metric, relative to the others.
METRIC_WEIGHT = {"deal_amount_usd": 5.0, "stake_pct": 3.0, "target_valuation_usd": 3.0, "licence_fee_usd": 1.0,
                 "target_headcount": 1.5, "staff_hired": 1.0, "founded_year": 0.7,
                 "target_funding_raised_usd": 1.0, "person_age": 1.0, "staff_hired_pct": 0.5}  # fmt: skip
CHANNELS = ("slack", "email")


@dataclass(frozen=True, slots=True)
class Deal:
    deal_id: str
    acquirer: str
    target: str
    kind: str
    people: tuple[str, ...]
    announced: date


@dataclass(frozen=True, slots=True)
class Key:
    deal: int
    subject: str
    metric: str
    value: float  # the true value most sources state
    contested: bool  # a minority of sources states a disjoint value


# --- building the warehouse --------------------------------------------------


def _hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _target_name(i: int) -> str:
    a, b = SYLLABLES[i % len(SYLLABLES)], SYLLABLES[(i // len(SYLLABLES)) % len(SYLLABLES)]
    return f"{(a + b).title()} {i} AI"


def _deals(rng: np.random.Generator, n: int) -> list[Deal]:
    deals = []
    for i in range(n):
        acquirer, target = ACQUIRERS[i % len(ACQUIRERS)], _target_name(i)
        people = tuple(
            f"{FIRST_NAMES[rng.integers(len(FIRST_NAMES))]} {LAST_NAMES[(i + k) % len(LAST_NAMES)]} {i}"
            for k in range(int(rng.integers(1, 4)))
        )
        announced = (START + SPAN * float(rng.random())).date()
        deals.append(
            Deal(
                deal_id_for(acquirer, target),
                acquirer,
                target,
                DEAL_KINDS[i % 4],
                people,
                announced,
            )
        )
    return deals


def _true_value(rng: np.random.Generator, metric: str) -> float:
    unit = METRICS[metric].unit
    if unit == "USD":
        return float(round(10 ** rng.uniform(7.5, 10.5), -6))
    if unit == "pct":
        return float(rng.integers(5, 76))
    if metric == "person_age":
        return float(rng.integers(22, 61))
    if metric == "founded_year":
        return float(rng.integers(2012, 2024))
    return float(rng.integers(10, 3000))


def _keys(rng: np.random.Generator, deals: list[Deal]) -> tuple[list[Key], list[np.ndarray]]:
    """Every (deal, subject, metric) a deal's coverage states, and per deal its keys and weights."""
    keys: list[Key] = []
    per_deal: list[np.ndarray] = []
    for i, deal in enumerate(deals):
        first = len(keys)
        weights = []
        for metric, info in METRICS.items():
            subjects = {
                "deal": [deal.deal_id],
                "target": [deal.target],
                "person": list(deal.people),
            }
            for subject in subjects[info.subject_kind]:
                keys.append(Key(i, subject, metric, _true_value(rng, metric), rng.random() < 0.1))
                weights.append(METRIC_WEIGHT[metric])
        w = np.asarray(weights)
        per_deal.append(np.stack([np.arange(first, len(keys)), w / w.sum()]))
    return keys, per_deal


def _stated(value: float, unit: str) -> str:
    if unit == "USD":
        return f"${value / 1e9:.1f} billion" if value >= 1e9 else f"${value / 1e6:.0f} million"
    if unit == "pct":
        return f"{value:.0f}%"
    return f"{value:.0f}"


def _interval(value: float, variant: int) -> tuple[float, float | None, str | None]:
    """(low, high, qualifier): a precise figure, a rounded one, or "over"."""
    if variant == 0:
        return value * 0.998, value * 1.002, None
    if variant == 1:
        return value * 0.97, value * 1.03, "about"
    return value * 0.99, None, "over"


def _insert(
    con: Any,
    table: str,
    data: dict[str, list[Any]],
    schema: pa.Schema | None = None,
    more: str = "",
) -> None:
    """Rows from Python lists through Arrow; ``more`` adds computed columns (``expr AS column, ...``)."""
    con.register("bulk", pa.table(data, schema=schema))
    try:
        con.execute(f"INSERT INTO store.{table} BY NAME SELECT *{more} FROM bulk")  # noqa: S608 - our own SQL
    finally:
        con.unregister("bulk")


@contextmanager
def _bulk_connection(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The file at schema ``BULK_SCHEMA``: the layout the bulk load writes; later migrations then
    upgrade it as they would any warehouse on disk (and their cost is measured)."""
    con = duckdb.connect(str(path))
    try:
        db.migrate(con, upto=BULK_SCHEMA)
        yield con
    finally:
        con.close()


def _interval_sql(low: str, high: str) -> str:
    """SQL for reconcile.interval_key of two columns."""
    return f"'[' || coalesce(printf('%.12g', {low}), 'open') || ',' || coalesce(printf('%.12g', {high}), 'open') || ']'"


def _when(i: int, n: int) -> datetime:
    return START + SPAN * (i / max(1, n))


def build(path: Path, articles: int, claims: int, seed: int) -> dict[str, Any]:
    """A warehouse with realistic proportions; returns what the timings need to know about it."""
    rng = np.random.default_rng(seed)
    n_deals = max(5, min(3000, articles // 50))
    deals = _deals(rng, n_deals)
    keys, deal_keys = _keys(rng, deals)
    coverage = 1.0 / (np.arange(n_deals) + 5.0)  # a few deals get most of the coverage
    coverage /= coverage.sum()
    outlets = [f"Outlet {i}" for i in range(150)]
    outlet_weight = 1.0 / (np.arange(len(outlets)) + 3.0)
    outlet_weight /= outlet_weight.sum()

    # Articles: ~12.5 claims per deal article, the rest unrelated; copies of wire stories.
    n_deal_articles = max(1, min(articles, round(claims / 12.5)))
    is_deal = np.zeros(articles, dtype=bool)
    is_deal[rng.choice(articles, n_deal_articles, replace=False)] = True
    primary = rng.choice(n_deals, articles, p=coverage)
    second = rng.choice(n_deals, articles, p=coverage)
    has_second = is_deal & (rng.random(articles) < 0.25) & (second != primary)
    passing = ~is_deal & (rng.random(articles) < 0.05)
    outlet = rng.choice(len(outlets), articles, p=outlet_weight)
    ids = [_hex(f"https://outlet{outlet[i]}.example/{i}") for i in range(articles)]
    story = list(ids)
    last_of_deal: dict[int, int] = {}
    for i in range(articles):
        if is_deal[i]:
            before = last_of_deal.get(int(primary[i]))
            if before is not None and rng.random() < 0.15:
                story[i] = story[before]
            last_of_deal[int(primary[i])] = i
        elif i > 100 and rng.random() < 0.05:
            story[i] = story[i - int(rng.integers(1, 100))]
    stored = [_when(i, articles) for i in range(articles)]
    run_of = [f"run-{int((s - START) / RUN_EVERY)}" for s in stored]
    relevance = np.where(
        is_deal, np.where(rng.random(articles) < 0.8, "subject", "mentioned"), "unrelated"
    )
    relevance = np.where(passing, "mentioned", relevance)
    titles = [
        f"{deals[primary[i]].acquirer} and {deals[primary[i]].target}: what the deal means"
        if is_deal[i]
        else f"The week in {TOPICS[i % len(TOPICS)]}: {i}"
        for i in range(articles)
    ]
    url = [f"https://outlet{outlet[i]}.example/{stored[i]:%Y/%m}/{ids[i]}" for i in range(articles)]
    with _bulk_connection(path) as con:
        started = time.perf_counter()
        _insert(
            con,
            "articles",
            {
                "article_id": ids,
                "url": url,
                "canonical_url": url,
                "source": [outlets[o] for o in outlet],
                "title": titles,
                "author": [f"{FIRST_NAMES[i % 20]} {LAST_NAMES[i % 19]}" for i in range(articles)],
                "published": [s.date() for s in stored],
                "fetched_at": [s - timedelta(minutes=3) for s in stored],
                "language": ["en"] * articles,
                "origin": ["feed"] * articles,
                "extraction": ["trafilatura"] * articles,
                "feed_url": [f"https://outlet{o}.example/feed.xml" for o in outlet],
                "relevance": relevance.tolist(),
                "score": rng.random(articles).round(3).tolist(),
                "evidence": [
                    "" if r == "unrelated" else t for r, t in zip(relevance, titles, strict=True)
                ],
                "notes": [[] for _ in range(articles)],
                "duplicate_of": [s if s != a else None for s, a in zip(story, ids, strict=True)],
                "story_id": story,
                "run_id": run_of,
                "stored_at": stored,
            },
            pa.schema(
                [
                    ("article_id", pa.string()),
                    ("url", pa.string()),
                    ("canonical_url", pa.string()),
                    ("source", pa.string()),
                    ("title", pa.string()),
                    ("author", pa.string()),
                    ("published", pa.date32()),
                    ("fetched_at", pa.timestamp("us", tz="UTC")),
                    ("language", pa.string()),
                    ("origin", pa.string()),
                    ("extraction", pa.string()),
                    ("feed_url", pa.string()),
                    ("relevance", pa.string()),
                    ("score", pa.float64()),
                    ("evidence", pa.string()),
                    ("notes", pa.list_(pa.string())),
                    ("duplicate_of", pa.string()),
                    ("story_id", pa.string()),
                    ("run_id", pa.string()),
                    ("stored_at", pa.timestamp("us", tz="UTC")),
                ]
            ),  # fmt: skip
            # ~2 kB of text; copies share their story's fingerprint, as real copies do
            f", title || '. ' || array_to_string(list_transform(range(5), lambda k: list_extract({PARAGRAPHS!r}, "
            f"1 + (hash(article_id, k) % {len(PARAGRAPHS)})::INTEGER)), ' ') AS text, "
            "list_transform(range(64), lambda k: hash(story_id, k) % 4294967295) || [40::UBIGINT] AS fingerprint",
        )
        con.execute(
            "INSERT INTO store.article_lsh SELECT hash(a.story_id, 'band', b) & 9223372036854775807, a.article_id "
            "FROM store.articles a, range(32) t(b)"
        )

        # Deal mentions: each deal article's primary deal, sometimes a second; passing mentions.
        mention_rows: dict[str, list[Any]] = {k: [] for k in ("article_id", "deal_id", "role", "kind", "people",
                                                                "score", "evidence", "announced")}  # fmt: skip
        for i in np.flatnonzero(is_deal | passing):
            mentioned = [(int(primary[i]), str(relevance[i]))]
            if has_second[i]:
                mentioned.append((int(second[i]), "mentioned"))
            for d, role in mentioned:
                deal = deals[d]
                for name, value in zip(mention_rows, (ids[i], deal.deal_id, role, deal.kind, list(deal.people), 0.8,
                                                      f"{deal.acquirer} is hiring the team of {deal.target}.",
                                                      deal.announced), strict=True):  # fmt: skip
                    mention_rows[name].append(value)
        _insert(con, "deal_mentions", mention_rows)
        con.register(
            "gen_deals",
            pa.table({
                "deal_id": [d.deal_id for d in deals], "acquirer": [d.acquirer for d in deals],
                "target": [d.target for d in deals], "kind": [d.kind for d in deals],
                "announced": [d.announced for d in deals],
            }),
        )  # fmt: skip
        con.execute(
            "INSERT INTO store.deals SELECT g.deal_id, g.acquirer, g.target, g.kind, g.announced, f.first_seen, "
            "f.first_article_id FROM gen_deals g JOIN (SELECT m.deal_id, min(a.stored_at) AS first_seen, "
            "arg_min(a.article_id, a.stored_at) AS first_article_id FROM store.deal_mentions m "
            "JOIN store.articles a USING (article_id) GROUP BY m.deal_id) f USING (deal_id)"
        )

        # Claims: 5-20 per deal article, on the keys of its deals, most stating the true value.
        per_article = rng.integers(5, 21, n_deal_articles)
        owners = np.repeat(np.flatnonzero(is_deal), per_article)[:claims]
        if len(owners) < claims:
            extra = rng.choice(np.flatnonzero(is_deal), claims - len(owners))
            owners = np.sort(np.concatenate([owners, extra]))
        claim_deal = np.where(
            has_second[owners] & (rng.random(len(owners)) < 0.3), second[owners], primary[owners]
        )
        claim_key = np.empty(len(owners), dtype=np.int64)
        order = np.argsort(claim_deal, kind="stable")
        bounds = np.searchsorted(claim_deal[order], np.arange(n_deals + 1))
        for d in range(n_deals):
            members = order[bounds[d] : bounds[d + 1]]
            if len(members):
                choice, weights = deal_keys[d]
                claim_key[members] = rng.choice(choice.astype(np.int64), len(members), p=weights)
        variant = rng.choice(3, len(owners), p=[0.6, 0.3, 0.1])
        dissent = np.array([keys[k].contested for k in claim_key]) & (rng.random(len(owners)) < 0.2)
        start = rng.integers(100, 1800, len(owners))
        rows: dict[str, list[Any]] = {k: [] for k in ("claim_id", "article_id", "deal_id", "subject", "metric",
                                                      "low", "high", "unit", "stated", "qualifier", "quote",
                                                      "start_offset", "end_offset", "as_of", "stored_at")}  # fmt: skip
        for j, (a, k) in enumerate(zip(owners.tolist(), claim_key.tolist(), strict=True)):
            key = keys[k]
            deal = deals[key.deal]
            unit = METRICS[key.metric].unit
            value = key.value * (1.6 if dissent[j] else 1.0)
            low, high, qualifier = _interval(value, int(variant[j]) if not dissent[j] else 0)
            stated = (f"{qualifier} " if qualifier else "") + _stated(value, unit)
            rows["claim_id"].append(_hex(f"{ids[a]}|{deal.deal_id}|{key.subject}|{key.metric}|{j}"))
            rows["article_id"].append(ids[a])
            rows["deal_id"].append(deal.deal_id)
            rows["subject"].append(key.subject)
            rows["metric"].append(key.metric)
            rows["low"].append(low)
            rows["high"].append(high)
            rows["unit"].append(unit)
            rows["stated"].append(stated)
            rows["qualifier"].append(qualifier)
            rows["quote"].append(
                f"{deal.acquirer} agreed terms with {deal.target}: {stated}, people said."
            )
            rows["start_offset"].append(int(start[j]))
            rows["end_offset"].append(int(start[j]) + len(stated))
            rows["as_of"].append(deal.announced + timedelta(days=int(start[j]) % 7))
            rows["stored_at"].append(stored[a])
        _insert(con, "claims", rows)
        con.register(
            "gen_claims",
            pa.table(
                {
                    "claim_id": rows["claim_id"],
                    "dissent": dissent.tolist(),
                    "key": claim_key.tolist(),
                }
            ),
        )
        _derived_rows(con, rng, deals, outlets, articles)
        con.execute("CHECKPOINT")
        build_s = time.perf_counter() - started
        started = time.perf_counter()
        upgraded = db.migrate(con)
        con.execute("CHECKPOINT")
        migrate_s = time.perf_counter() - started
        counts = {
            t: con.execute(f"SELECT count(*) FROM store.{t}").fetchone()[0]  # noqa: S608 - our own table names
            for t in ("articles", "article_lsh", "deals", "deal_mentions", "claims", "accepted", "contradictions",
                      "alerts", "alert_events", "alert_decisions", "feeds", "feed_items", "runs")
        }  # fmt: skip
        per_key = [r[0] for r in con.execute(
            "SELECT count(*) FROM store.claims GROUP BY deal_id, subject, metric ORDER BY 1"
        ).fetchall()]  # fmt: skip
    by_coverage = sorted(range(n_deals), key=lambda d: -coverage[d])
    return {
        "deals": deals,
        "keys": keys,
        "coverage": coverage,
        "busiest_deal": deals[by_coverage[0]].deal_id,
        "busiest_feed": "https://outlet0.example/feed.xml",
        "last_run": run_of[-1],
        "outlets": outlets,
        "summary": {
            "insert_s": round(build_s, 1),
            "migrations_after_load": upgraded,
            "migrate_s": round(migrate_s, 2),
            "rows": counts,
            "claims_per_key": {
                "keys": len(per_key),
                "median": statistics.median(per_key),
                "p95": per_key[int(0.95 * (len(per_key) - 1))],
                "max": per_key[-1],
            },
        },
    }


def _alert_payload(
    kind: str, dedup_key: str, created: datetime, deal: Deal | None, **more: Any
) -> str:
    alert = AlertRecord(
        alert_id=_hex(dedup_key),
        dedup_key=dedup_key,
        kind=kind,  # type: ignore[arg-type]
        created_at=created,
        deal_id=deal.deal_id if deal else None,
        acquirer=deal.acquirer if deal else None,
        target=deal.target if deal else None,
        people=deal.people if deal else (),
        deal_kind=deal.kind if deal else None,
        **more,
    )
    return outbox.alert_to_json(alert)


def _derived_rows(
    con: Any, rng: np.random.Generator, deals: list[Deal], outlets: list[str], articles: int
) -> None:
    """Accepted values, contradictions, alerts with their deliveries and decisions, feeds and runs."""
    con.execute(
        "INSERT INTO store.accepted SELECT c.deal_id, c.subject, c.metric, max(c.low), min(c.high), "
        "arg_min(c.claim_id, c.stored_at), count(DISTINCT a.story_id), max(c.stored_at) "
        "FROM store.claims c JOIN gen_claims g USING (claim_id) JOIN store.articles a USING (article_id) "
        "WHERE NOT g.dissent GROUP BY ALL"
    )
    sides = (
        "SELECT deal_id, subject, metric, arg_min(claim_id, stored_at) FILTER (WHERE NOT dissent) AS a_claim, "
        "arg_min(claim_id, stored_at) FILTER (WHERE dissent) AS b_claim, min(stored_at) FILTER (WHERE dissent) AS at "
        "FROM store.claims JOIN gen_claims USING (claim_id) GROUP BY ALL HAVING bool_or(dissent) AND bool_or(NOT dissent)"
    )
    con.execute(
        f"INSERT INTO store.contradictions SELECT s.deal_id || '|' || s.subject || '|' || s.metric || '|' || "
        f"{_interval_sql('ca.low', 'ca.high')} || '|' || {_interval_sql('cb.low', 'cb.high')}, "
        f"s.deal_id, s.subject, s.metric, s.a_claim, s.b_claim, s.at FROM ({sides}) s "
        "JOIN store.claims ca ON ca.claim_id = s.a_claim JOIN store.claims cb ON cb.claim_id = s.b_claim"
    )
    by_id = {d.deal_id: d for d in deals}
    alerts: dict[str, list[Any]] = {k: [] for k in ("alert_id", "dedup_key", "kind", "status", "reason", "deal_id",
                                                    "subject", "metric", "payload", "created_at", "run_id")}  # fmt: skip

    def add(kind: str, dedup_key: str, created: datetime, deal_id: str | None, subject: str | None,
            metric: str | None, reason: str, **more: Any) -> None:  # fmt: skip
        baseline = created < START + timedelta(days=60)
        alerts["alert_id"].append(_hex(dedup_key))
        alerts["dedup_key"].append(dedup_key)
        alerts["kind"].append(kind)
        alerts["status"].append("suppressed" if baseline else "pending")
        alerts["reason"].append(reason)
        alerts["deal_id"].append(deal_id)
        alerts["subject"].append(subject)
        alerts["metric"].append(metric)
        alerts["payload"].append(
            _alert_payload(
                kind,
                dedup_key,
                created,
                by_id.get(deal_id or ""),
                reason=reason,
                subject=subject,
                metric=metric,
                **more,
            )  # fmt: skip
        )
        alerts["created_at"].append(created)
        alerts["run_id"].append(f"run-{int((created - START) / RUN_EVERY)}")

    for deal_id, first_seen, title, url, source in con.execute(
        "SELECT d.deal_id, d.first_seen, a.title, a.url, a.source FROM store.deals d "
        "JOIN store.articles a ON a.article_id = d.first_article_id"
    ).fetchall():
        add("new_deal", f"new_deal|{deal_id}", first_seen, deal_id, None, None, "first article about this deal",
            title=title, url=url, source=source)  # fmt: skip
    firsts = con.execute(
        "SELECT c.deal_id, c.subject, c.metric, arg_min(c.stated, c.stored_at), arg_min(c.low, c.stored_at), "
        "arg_min(c.high, c.stored_at), arg_min(c.quote, c.stored_at), arg_min(c.unit, c.stored_at), "
        "arg_min(a.article_id, c.stored_at), arg_min(a.source, c.stored_at), arg_min(a.url, c.stored_at), "
        "arg_min(a.published, c.stored_at), min(c.stored_at) FROM store.claims c JOIN store.articles a "
        "USING (article_id) GROUP BY ALL"
    ).fetchall()
    for (
        deal_id,
        subject,
        metric,
        stated,
        low,
        high,
        quote,
        unit,
        aid,
        source,
        url,
        published,
        at,
    ) in firsts:
        side = FigureSide(
            stated, low, high, unit, quote, aid, source, url, None, published, (source,), 1
        )
        add("new_figure", f"new_figure|{deal_id}|{subject}|{metric}|{_interval_key(low, high)}", at, deal_id,
            subject, metric, "first figure for this deal and metric", figure=side)  # fmt: skip
    for key, deal_id, subject, metric, at in con.execute(
        "SELECT contradiction_key, deal_id, subject, metric, detected_at FROM store.contradictions"
    ).fetchall():
        add(
            "contradiction",
            f"contradiction|{key}",
            at,
            deal_id,
            subject,
            metric,
            "disjoint from the accepted value",
        )
    for f in range(30):
        at = START + SPAN * float(rng.random())
        add("feed_failing", f"feed_failing|https://outlet{f}.example/feed.xml|run-{f}", at, None, None, None,
            "failed 3 runs in a row", feed_url=f"https://outlet{f}.example/feed.xml", feed_name=outlets[f])  # fmt: skip
    _insert(con, "alerts", alerts)

    events: dict[str, list[Any]] = {k: [] for k in ("alert_id", "event", "channel", "ok", "digest", "error",
                                                    "event_at")}  # fmt: skip

    def event(alert_id: str, kind: str, at: datetime, channel: str | None = None, ok: bool | None = None,
              error: str | None = None) -> None:  # fmt: skip
        for name, value in zip(
            events, (alert_id, kind, channel, ok, False, error, at), strict=True
        ):
            events[name].append(value)

    newest = max(alerts["created_at"])
    for alert_id, status, created in zip(
        alerts["alert_id"], alerts["status"], alerts["created_at"], strict=True
    ):
        if status == "suppressed" or created > newest - timedelta(hours=2):
            continue  # the baseline is never sent; the newest alerts are still pending
        at = created + timedelta(seconds=20)
        roll = rng.random()
        if roll < 0.05:
            for attempt in range(int(rng.integers(1, 4))):
                event(
                    alert_id,
                    "delivery",
                    at + timedelta(minutes=30 * attempt),
                    "email",
                    False,
                    "SMTP 451 try later",
                )
            at += timedelta(hours=2)
        for channel in CHANNELS:
            event(alert_id, "delivery", at, channel, True)
        event(alert_id, "sent", at)
        if roll > 0.99:
            event(alert_id, "requeued", at + timedelta(days=1))
            for channel in CHANNELS:
                event(alert_id, "delivery", at + timedelta(days=1, seconds=5), channel, True)
            event(alert_id, "sent", at + timedelta(days=1, seconds=5))
    _insert(
        con,
        "alert_events",
        events,
        pa.schema(
            [
                ("alert_id", pa.string()),
                ("event", pa.string()),
                ("channel", pa.string()),
                ("ok", pa.bool_()),
                ("digest", pa.bool_()),
                ("error", pa.string()),
                ("event_at", pa.timestamp("us", tz="UTC")),
            ]
        ),  # fmt: skip
    )
    # One decision per claim (fired for a key's first figure, else a known fact), one per new deal.
    figure_key = f"'new_figure|' || c.deal_id || '|' || c.subject || '|' || c.metric || '|' || {_interval_sql('c.low', 'c.high')}"
    con.execute(
        f"INSERT INTO store.alert_decisions SELECT {figure_key}, al.alert_id, 'new_figure', "
        "CASE WHEN al.alert_id IS NULL THEN 'suppressed' ELSE 'fired' END, CASE WHEN al.alert_id IS NULL "
        "THEN 'agrees with the accepted value: a known fact' ELSE 'first figure for this deal and metric' END, "
        "c.deal_id, c.subject, c.metric, c.claim_id, c.article_id, a.run_id, c.stored_at "
        "FROM store.claims c JOIN store.articles a USING (article_id) "
        f"LEFT JOIN store.alerts al ON al.dedup_key = {figure_key} AND al.created_at = c.stored_at"
    )
    con.execute(
        "INSERT INTO store.alert_decisions SELECT dedup_key, alert_id, kind, 'fired', reason, deal_id, subject, "
        "metric, NULL, NULL, run_id, created_at FROM store.alerts WHERE kind <> 'new_figure'"
    )
    con.execute(
        "INSERT INTO store.feeds (url, name, last_polled_at, last_unconditional_at, last_success_at, last_status, "
        "last_http_status, last_error, consecutive_failures, polls, items_seen, latency_ms_total, latency_samples, "
        "poll_interval_s, next_poll_at) SELECT 'https://outlet' || i || '.example/feed.xml', 'Outlet ' || i, "
        "?::TIMESTAMPTZ, ?::TIMESTAMPTZ, ?::TIMESTAMPTZ - CASE WHEN i < 5 THEN INTERVAL 3 HOUR ELSE INTERVAL 0 HOUR END, "
        "CASE WHEN i < 5 THEN 'soft_error' ELSE 'ok' END, CASE WHEN i < 5 THEN 503 ELSE 200 END, "
        "CASE WHEN i < 5 THEN 'HTTP 503' END, CASE WHEN i < 5 THEN 3 ELSE 0 END, 35000, 3000 + i, "
        "35000 * 180.0, 35000, 1800, ?::TIMESTAMPTZ + INTERVAL 30 MINUTE FROM range(?) t(i)",
        [START + SPAN, START + SPAN, START + SPAN, START + SPAN, len(outlets)],
    )
    con.execute(
        "INSERT INTO store.feed_items SELECT DISTINCT ON (feed_url, canonical_url) feed_url, canonical_url, "
        "article_id, title, fetched_at FROM store.articles"
    )
    n_runs = int(SPAN / RUN_EVERY)
    con.execute(
        "INSERT INTO store.runs SELECT 'run-' || i, 'monitor', ?::TIMESTAMPTZ + i * INTERVAL 30 MINUTE FROM range(?) t(i)",
        [START, n_runs + 1],
    )
    con.execute(
        "INSERT INTO store.run_ends SELECT run_id, CASE WHEN hash(run_id) % 50 = 0 THEN 'failed' ELSE 'ok' END, "
        "started_at + INTERVAL 95 SECOND, json_object('articles_new', ?::INTEGER, 'alerts_new', 1) "
        "FROM store.runs WHERE run_id <> 'run-' || ?",
        [max(1, articles // n_runs), n_runs],
    )


def _interval_key(low: float | None, high: float | None) -> str:
    def one(value: float | None) -> str:
        return "open" if value is None else f"{value:.12g}"

    return f"[{one(low)},{one(high)}]"


# --- timing ------------------------------------------------------------------


def view_queries(deal_id: str, feed_url: str, run_id: str) -> list[tuple[str, str, str]]:
    """(view, how a user uses it, SQL): the newest rows, one deal (or feed, run), the whole view."""
    return [
        ("articles", "newest 100", "SELECT * FROM articles ORDER BY stored_at DESC LIMIT 100"),
        ("articles", "one deal", f"SELECT * FROM articles WHERE list_contains(deal_ids, '{deal_id}') ORDER BY stored_at DESC"),
        ("articles", "count", "SELECT relevance, count(*) AS n FROM articles GROUP BY relevance ORDER BY relevance"),
        ("deals", "newest 100", "SELECT * FROM deals ORDER BY first_seen DESC LIMIT 100"),
        ("deals", "one deal", f"SELECT * FROM deals WHERE deal_id = '{deal_id}'"),
        ("deals", "most covered", "SELECT deal_id, acquirer, target, kind, people, articles, sources FROM deals "
                                  "ORDER BY subject_articles DESC, sources DESC, deal_id"),
        ("deals", "aggregate", "SELECT kind, count(*) AS deals, sum(articles) AS articles, sum(sources) AS sources "
                               "FROM deals GROUP BY kind ORDER BY kind"),
        ("figures", "newest 100", "SELECT * FROM figures ORDER BY published DESC, claim_id LIMIT 100"),
        ("figures", "one deal", f"SELECT * FROM figures WHERE deal_id = '{deal_id}' ORDER BY metric, subject, published"),
        ("figures", "aggregate", "SELECT metric, count(*) AS claims, count(DISTINCT deal_id) AS deals FROM figures "
                                 "GROUP BY metric ORDER BY metric"),
        ("contradictions", "newest 100", "SELECT * FROM contradictions ORDER BY detected_at DESC LIMIT 100"),
        ("contradictions", "one deal", f"SELECT * FROM contradictions WHERE deal_id = '{deal_id}' ORDER BY detected_at"),
        ("contradictions", "aggregate", "SELECT metric, count(*) AS n, avg(a_independent) AS a, avg(b_independent) AS b "
                                        "FROM contradictions GROUP BY metric ORDER BY metric"),
        ("alert_log", "newest 100", "SELECT * FROM alert_log ORDER BY created_at DESC LIMIT 100"),
        ("alert_log", "one deal", f"SELECT * FROM alert_log WHERE deal_id = '{deal_id}' ORDER BY created_at"),
        ("alert_log", "aggregate", "SELECT kind, status, count(*) AS n FROM alert_log GROUP BY ALL ORDER BY kind, status"),
        ("accepted_figures", "first 100", "SELECT * FROM accepted_figures ORDER BY deal_id, metric, subject LIMIT 100"),
        ("accepted_figures", "one deal", f"SELECT * FROM accepted_figures WHERE deal_id = '{deal_id}' ORDER BY metric, subject"),
        ("accepted_figures", "aggregate", "SELECT metric, count(*) AS n, sum(dissenting_sources) AS dissenting "
                                          "FROM accepted_figures GROUP BY metric ORDER BY metric"),
        ("feed_health", "all", "SELECT * FROM feed_health ORDER BY consecutive_failures DESC, name"),
        ("feed_health", "one feed", f"SELECT * FROM feed_health WHERE url = '{feed_url}'"),
        ("feed_health", "aggregate", "SELECT last_status, count(*) AS n, sum(items_seen) AS items FROM feed_health GROUP BY ALL"),
        ("runs", "newest 100", "SELECT * FROM runs ORDER BY started_at DESC LIMIT 100"),
        ("runs", "one run", f"SELECT * FROM runs WHERE run_id = '{run_id}'"),
        ("runs", "aggregate", "SELECT kind, status, count(*) AS n FROM runs GROUP BY ALL ORDER BY kind, status"),
    ]  # fmt: skip


def _ms(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_views(
    path: Path, queries: list[tuple[str, str, str]], repeat: int
) -> list[dict[str, Any]]:
    results = []
    for view, use, sql in queries:
        with db.read_connection(path) as con:
            n_rows = 0

            def run(sql: str = sql, con: Any = con) -> None:
                nonlocal n_rows
                n_rows = len(con.execute(sql).fetchall())

            cold = _ms(run)
            warm = [_ms(run) for _ in range(repeat)]
        results.append({"view": view, "use": use, "query": sql, "rows": n_rows, "cold_ms": cold,
                        "median_ms": statistics.median(warm)})  # fmt: skip
    with db.read_connection(path) as con:
        cold = _ms(lambda: outbox.pending_alerts(con))
        warm = [_ms(lambda: outbox.pending_alerts(con)) for _ in range(repeat)]
        pending = len(outbox.pending_alerts(con))
    results.append({"view": "alert_log", "use": "pending (deliver step)", "query": "outbox.pending_alerts(con)",
                    "rows": pending, "cold_ms": cold, "median_ms": statistics.median(warm)})  # fmt: skip
    return results


def time_open(path: Path, repeat: int) -> dict[str, float]:
    def open_once() -> None:
        with db.read_connection(path) as con:
            con.execute("SELECT 1").fetchall()

    runs = [_ms(open_once) for _ in range(repeat + 1)]
    return {"cold_ms": runs[0], "median_ms": statistics.median(runs[1:])}


def new_article(
    built: dict[str, Any], rng: np.random.Generator, n: int, now: datetime
) -> tuple[Article, Analysis]:
    """One article on a deal drawn by coverage: six agreeing claims, one contradicting, one new."""
    deals, keys = built["deals"], built["keys"]
    d = int(rng.choice(len(deals), p=built["coverage"]))
    deal = deals[d]
    own = [k for k in keys if k.deal == d and k.metric != "person_age"]
    picked = [own[int(i)] for i in rng.choice(len(own), 7, replace=len(own) < 7)]
    person = f"Newcomer {n} {deal.target}"
    plans = [(k.subject, k.metric, k.value) for k in picked[:6]]
    plans.append(
        (picked[6].subject, picked[6].metric, picked[6].value * 0.4)
    )  # disjoint from what is accepted
    plans.append((person, "person_age", 34.0))
    sentences, spans = [], []
    text = f"{deal.acquirer} hires the founders of {deal.target} in a deal that analysts called unusual. "
    for subject, metric, value in plans:
        stated = _stated(value, METRICS[metric].unit)
        sentence = f"According to people familiar with it, {subject} {metric.replace('_', ' ')} is {stated}. "
        spans.append((len(text) + sentence.index(stated), stated, sentence.strip()))
        text += sentence
        sentences.append(sentence)
    text += " ".join(PARAGRAPHS[(n + i) % len(PARAGRAPHS)] for i in range(3))
    url = f"https://bench.example/{now:%Y/%m}/new-{n}"
    article_id = _hex(url)
    article = Article(
        article_id=article_id, url=url, canonical_url=url, source=built["outlets"][n % 150],
        title=f"{deal.acquirer} and {deal.target}, new details", author=None, published=now.date(), fetched_at=now,
        text=text, language="en", fingerprint=fingerprint(text), origin="feed",
        feed_url="https://outlet0.example/feed.xml",
    )  # fmt: skip
    mention = DealMention(deal.deal_id, deal.acquirer, deal.target, (*deal.people, person), deal.kind, "subject",
                          0.9, f"{deal.acquirer} hires the founders of {deal.target}", deal.announced)  # fmt: skip
    claims = []
    for (subject, metric, value), (start, stated, quote) in zip(plans, spans, strict=True):
        low, high, _ = _interval(value, 0)
        claims.append(
            Claim(
                claim_id=_hex(f"{article_id}|{deal.deal_id}|{subject}|{metric}|{start}"), article_id=article_id,
                deal_id=deal.deal_id, subject=subject, metric=metric, low=low, high=high,
                unit=METRICS[metric].unit, stated=stated, qualifier=None, quote=quote, start=start,
                end=start + len(stated), as_of=deal.announced + timedelta(days=2),
            )
        )  # fmt: skip
    analysis = Analysis(
        article_id, "subject", 0.9, mention.evidence, deals=(mention,), claims=tuple(claims)
    )
    return article, analysis


def time_reconcile(path: Path, built: dict[str, Any], n: int, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed + 1)
    now = START + SPAN + timedelta(hours=1)
    items = [new_article(built, rng, i, now) for i in range(n + 1)]
    runs = []
    verdicts: dict[str, int] = {}
    with db.write_connection(path) as con:
        run_id = store.start_run(con, "bench", now)
        for article, analysis in items:
            t0 = time.perf_counter()
            result = store.store_analyses(
                con, [(article, analysis)], run_id=run_id, policy=store.ReconcilePolicy(), now=now
            )
            runs.append((time.perf_counter() - t0) * 1e3)
            for key in ("claims_new", "alerts_new", "alerts_suppressed"):
                verdicts[key] = verdicts.get(key, 0) + getattr(result, key)
        decided = dict(
            con.execute(
                "SELECT decision || ': ' || kind, count(*) FROM store.alert_decisions WHERE run_id = ? GROUP BY ALL",
                [run_id],
            ).fetchall()
        )
    warm = runs[1:]
    return {"articles": n, "claims_per_article": 8, "cold_ms": runs[0], "median_ms": statistics.median(warm),
            "p95_ms": _p95(warm), "max_ms": max(warm), "runs_ms": [round(r, 2) for r in warm],
            "stored": verdicts, "decisions": decided}  # fmt: skip


def copy_to_lake(path: Path, lake: Lake) -> float:
    """The built file's rows into a fresh DuckLake that dealwatch migrates itself; the seconds."""
    t0 = time.perf_counter()
    with db.write_connection(lake) as con:
        con.execute(f"ATTACH '{path}' AS built (READ_ONLY)")
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'built' "
            "AND schema_name = 'store' AND table_name <> 'schema_migrations'"
        ).fetchall()
        with db.transaction(con):
            for (table,) in tables:
                con.execute(f"DELETE FROM store.{table}")  # noqa: S608 - names from the catalogue
                con.execute(f"INSERT INTO store.{table} SELECT * FROM built.store.{table}")  # noqa: S608 - names from the catalogue
        con.execute("DETACH built")
    return time.perf_counter() - t0


def time_on_lake(path: Path, built: dict[str, Any], queries: list[tuple[str, str, str]], folder: Path,
                 *, repeat: int, new_articles: int, seed: int) -> dict[str, Any]:  # fmt: skip
    """The same views, opening and stores on a DuckLake (catalogue in a PostgreSQL of the
    benchmark's own, tests/support/postgres.py) holding the same rows."""
    import os

    from tests.support.postgres import start_postgres

    server = start_postgres()
    try:
        os.environ.update(server.environment())
        lake = Lake(catalog=server.catalog(server.new_database()), data_path=folder / "lake")
        load_s = copy_to_lake(path, lake)
        return {
            "load_s": round(load_s, 1),
            "views": time_views(lake, queries, repeat),
            "open": time_open(lake, repeat),
            "reconcile": time_reconcile(lake, built, new_articles, seed),
        }
    finally:
        server.stop()


def run(articles: int = 100_000, claims: int = 500_000, seed: int = 0, *, repeat: int = 5,
        new_articles: int = 20, ducklake: bool = False) -> dict[str, Any]:  # fmt: skip
    """Build the warehouse in a temporary folder, time it, and return the figures."""
    with tempfile.TemporaryDirectory(prefix="dealwatch-bench-") as folder:
        path = Path(folder) / "warehouse.duckdb"
        t0 = time.perf_counter()
        built = build(path, articles, claims, seed)
        build_s = time.perf_counter() - t0
        queries = view_queries(built["busiest_deal"], built["busiest_feed"], built["last_run"])
        views = time_views(path, queries, repeat)
        opening = time_open(path, repeat)
        as_built = (
            Path(folder) / "as-built.duckdb"
        )  # the lake gets the rows before the new articles
        if ducklake:
            shutil.copyfile(path, as_built)
        reconcile = time_reconcile(path, built, new_articles, seed)
        size_mb = path.stat().st_size / 1e6
        on_lake = (
            time_on_lake(
                as_built,
                built,
                queries,
                Path(folder),
                repeat=repeat,
                new_articles=new_articles,
                seed=seed,
            )  # fmt: skip
            if ducklake
            else None
        )
    worst_view = max(v["median_ms"] for v in views)
    return {
        "params": {"articles": articles, "claims": claims, "seed": seed, "repeat": repeat},
        "build": {"seconds": round(build_s, 1), "file_mb": round(size_mb, 1), **built["summary"]},
        "per_deal_query_uses": built["busiest_deal"],
        "open": opening,
        "views": views,
        "reconcile": reconcile,
        "targets": {"view_ms": VIEW_TARGET_MS, "reconcile_ms": RECONCILE_TARGET_MS},
        "meets_targets": {
            "views": worst_view <= VIEW_TARGET_MS,
            "reconcile": reconcile["median_ms"] <= RECONCILE_TARGET_MS,
        },
        **({"ducklake": on_lake} if on_lake else {}),
    }


def print_table(result: dict[str, Any]) -> None:
    p, b = result["params"], result["build"]
    print(
        f"warehouse: {p['articles']:,} articles, {p['claims']:,} claims, {b['rows']['deals']:,} deals, "
        f"{b['rows']['alerts']:,} alerts; {b['file_mb']} MB, built in {b['seconds']} s"
    )
    k = b["claims_per_key"]
    print(
        f"claims per (deal, subject, metric): median {k['median']}, p95 {k['p95']}, max {k['max']} over {k['keys']:,} keys"
    )
    if b["migrations_after_load"]:
        print(
            f"bulk-loaded at schema {BULK_SCHEMA}, then upgraded by {', '.join(b['migrations_after_load'])} "
            f"in {b['migrate_s']} s"
        )
    print(f"per-deal queries use the most covered deal: {result['per_deal_query_uses']}")
    print()
    print(f"{'view':<18}{'use':<24}{'cold ms':>9}{'median ms':>11}  query")
    for v in result["views"]:
        flag = " *" if v["median_ms"] > result["targets"]["view_ms"] else ""
        print(
            f"{v['view']:<18}{v['use']:<24}{v['cold_ms']:>9.1f}{v['median_ms']:>11.1f}{flag}  {v['query']}"
        )
    o = result["open"]
    print(
        f"{'open (dealwatch sql)':<42}{o['cold_ms']:>9.1f}{o['median_ms']:>11.1f}  read_connection + SELECT 1"
    )
    r = result["reconcile"]
    print()
    print(
        f"store + reconcile one new article ({r['claims_per_article']} claims, {r['articles']} articles): "
        f"cold {r['cold_ms']:.1f} ms, median {r['median_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, max {r['max_ms']:.1f} ms"
    )
    print(f"  decisions: {r['decisions']}")
    t, m = result["targets"], result["meets_targets"]
    print(
        f"targets: each view <= {t['view_ms']:.0f} ms: {'met' if m['views'] else 'NOT met (*)'}; "
        f"one article <= {t['reconcile_ms']:.0f} ms: {'met' if m['reconcile'] else 'NOT met'}"
    )
    if "ducklake" in result:
        print_lake_table(result)


def print_lake_table(result: dict[str, Any]) -> None:
    """The local file against the DuckLake holding the same rows, measured in this one run."""
    lake = result["ducklake"]
    print()
    print(
        f"the same rows on a DuckLake (PostgreSQL catalogue, Parquet data), loaded in {lake['load_s']} s"
    )
    print(f"{'view':<18}{'use':<24}{'file ms':>9}{'lake ms':>9}{'lake/file':>10}  (medians)")
    for here, there in zip(result["views"], lake["views"], strict=True):
        ratio = there["median_ms"] / max(here["median_ms"], 1e-6)
        flag = " *" if there["median_ms"] > result["targets"]["view_ms"] else ""
        print(f"{here['view']:<18}{here['use']:<24}{here['median_ms']:>9.1f}{there['median_ms']:>9.1f}{ratio:>9.1f}x{flag}")  # fmt: skip
    for name, here, there in (("open (dealwatch sql)", result["open"], lake["open"]),
                              ("store one article", result["reconcile"], lake["reconcile"])):  # fmt: skip
        ratio = there["median_ms"] / max(here["median_ms"], 1e-6)
        print(f"{name:<42}{here['median_ms']:>9.1f}{there['median_ms']:>9.1f}{ratio:>9.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed runs per view after the cold one"
    )
    parser.add_argument(
        "--new-articles", type=int, default=20, help="new articles stored one at a time"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "warehouse.json"
    )
    parser.add_argument(
        "--ducklake",
        action="store_true",
        help="also time the same rows on a DuckLake (needs Debian's postgresql, as the tests do)",
    )
    args = parser.parse_args(argv)
    result = run(
        args.articles,
        args.claims,
        args.seed,
        repeat=args.repeat,
        new_articles=args.new_articles,
        ducklake=args.ducklake,
    )
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
