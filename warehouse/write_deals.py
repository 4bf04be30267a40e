"""Deals and claims: the deals, mentions and claims of new articles, reconciled into alerts.

For each new article: its deals (created, dated, named), its mentions (and the
``new_deal`` rules of :mod:`warehouse.rules`), its new claims; then, per claim, the
key's weighed claims are loaded, :func:`warehouse.rules.decide` says what the team is
told, and the decisions are queued: accepted values, contradictions, alerts for the
outbox and their audit rows, written once for the whole batch (:class:`_Batch`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import duckdb

from extractors.records import Analysis, Article, Claim, DealMention
from warehouse import outbox, reconcile, rules
from warehouse.records import AlertRecord, FigureSide
from warehouse.rows import DECISIONS, Table, alert_id, decision_row, marks, one_of
from warehouse.rules import ReconcilePolicy
from warehouse.write_articles import stories_and_sources

Key = tuple[str, str, str]  # (deal_id, subject, metric)


ACCEPTED = Table(
    "store.accepted",
    ("deal_id", "subject", "metric", "low", "high", "claim_id", "independent_sources", "updated_at",
     "sources", "agreeing_stories", "dissenting", "dissenting_stories"),
    {"dissenting": "STRUCT(stated VARCHAR, low DOUBLE, high DOUBLE, source VARCHAR)[]"},
)  # fmt: skip
MENTIONS = Table(
    "store.deal_mentions",
    ("article_id", "deal_id", "role", "kind", "people", "score", "evidence", "announced"),
    {"people": "VARCHAR[]"},
)
DEALS = Table(
    "store.deals",
    ("deal_id", "acquirer", "target", "kind", "announced", "first_seen", "first_article_id"),
)
CLAIMS = Table(
    "store.claims",
    ("claim_id", "article_id", "deal_id", "subject", "metric", "low", "high", "unit", "stated",
     "qualifier", "quote", "start_offset", "end_offset", "as_of", "stored_at", "confidence",
     "evidence"),
)  # fmt: skip
CONTRADICTIONS = Table(
    "store.contradictions",
    (
        "contradiction_key",
        "deal_id",
        "subject",
        "metric",
        "a_claim_id",
        "b_claim_id",
        "detected_at",
    ),
)

_DATES = Table(
    "dates",  # not a table: the dates a batch gave known deals, which the UPDATE of store.deals reads
    ("deal_id", "announced"),
    {"deal_id": "VARCHAR", "announced": "DATE"},
)
_DATE_DEALS = (
    "UPDATE store.deals AS d SET announced = u.announced FROM ({rows}) u "  # noqa: S608 - column names of _DATES
    "WHERE d.deal_id = u.deal_id AND d.announced IS NULL"
)
_PEOPLE = Table(
    "people",  # not a table: each deal's names after the batch, which the MERGE into store.deal_people reads
    ("deal_id", "people"),
    {"deal_id": "VARCHAR", "people": "VARCHAR[]"},
)
_NAME_PEOPLE = (
    "MERGE INTO store.deal_people AS d USING ({rows}) AS u ON d.deal_id = u.deal_id "  # noqa: S608 - column names of _PEOPLE
    "WHEN MATCHED THEN UPDATE SET people = u.people "
    "WHEN NOT MATCHED THEN INSERT (deal_id, people) VALUES (u.deal_id, u.people)"
)


@dataclass(frozen=True, slots=True)
class _Raised:
    """An alert for the outbox, written (or found to repeat a known fact) when the batch is flushed."""

    alert: AlertRecord  # as written: with its suppressed status, if any
    asked: AlertRecord  # as raised
    suppressed_because: str | None
    claim_id: str | None
    article_id: str | None


@dataclass(slots=True)
class _Deal:
    """A deal as the batch sees it: its row, kept up to date in memory and written with the batch."""

    acquirer: str
    target: str
    kind: str
    announced: Any
    people: tuple[str, ...]  # sorted, distinct: every name its mentions give
    first_seen: datetime | None = None  # set for a deal this batch creates
    first_article_id: str | None = None
    dated: bool = False  # the batch gave a known deal its date
    named: bool = False  # the batch added names


@dataclass
class _Batch:
    """What a store has counted, and the rows it writes once for the whole batch rather than once per
    claim: nothing reads accepted values, decisions or alerts back while a batch is stored, except
    whether an alert's dedup key is taken (:meth:`has_alert`)."""

    run_id: str
    now: datetime
    deals_new: int = 0
    claims_new: int = 0
    alerts_new: int = 0
    alerts_suppressed: int = 0
    alert_ids: list[str] = field(default_factory=list)
    # audit rows in order; an int stands for the decision about ``raised[int]``
    decisions: list[dict[str, Any] | int] = field(default_factory=list)
    raised: list[_Raised] = field(default_factory=list)
    raised_keys: set[str] = field(default_factory=set)
    stored_keys: set[str] = field(default_factory=set)  # dedup keys looked up before the batch
    accepted: dict[Key, dict[str, Any]] = field(default_factory=dict)
    article_accepted: dict[Key, dict[str, Any]] = field(default_factory=dict)
    deals: dict[str, _Deal] = field(
        default_factory=dict
    )  # every deal the batch mentions, once known
    mentions: list[dict[str, Any]] = field(default_factory=list)
    roles: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, deal) -> its role
    stories: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # each article's story and outlet, as far as the batch has looked them up

    def has_alert(self, dedup_key: str) -> bool:
        """Whether the outbox holds ``dedup_key`` (for keys looked up into ``stored_keys`` first)."""
        return dedup_key in self.raised_keys or dedup_key in self.stored_keys

    def accept(self, key: Key, row: dict[str, Any]) -> None:
        self.article_accepted[key] = row

    def end_article(self) -> None:
        """The keys this article touched move last, in the order they were first touched: the
        accepted rows land in the order an article-by-article write leaves them."""
        for key, row in self.article_accepted.items():
            self.accepted.pop(key, None)
            self.accepted[key] = row
        self.article_accepted.clear()

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        self.end_article()
        _write_deals(con, self.deals)
        # Only new articles have mentions here, and an article's mentions are written with it, so
        # none is stored yet: no ON CONFLICT clause, which would also shuffle the rows' order.
        MENTIONS.insert(con, self.mentions)
        if self.accepted:
            deals = sorted({key[0] for key in self.accepted})
            con.execute(
                f"DELETE FROM store.accepted WHERE deal_id IN ({marks(deals)}) "  # noqa: S608 - placeholders
                "AND list_contains(?, [deal_id, subject, metric])",
                [*deals, [list(key) for key in self.accepted]],
            )
            ACCEPTED.insert(con, list(self.accepted.values()))
        written = self._write_alerts(con)
        rows = [
            self._decision(self.raised[entry], written[entry]) if isinstance(entry, int) else entry
            for entry in self.decisions
        ]
        DECISIONS.insert(con, rows)
        self.accepted.clear()
        self.decisions.clear()
        self.raised.clear()
        self.raised_keys.clear()
        self.mentions.clear()
        for deal in self.deals.values():
            deal.first_seen, deal.dated, deal.named = None, False, False

    def _write_alerts(self, con: duckdb.DuckDBPyConnection) -> list[bool]:
        """Each raised alert in order, unless its dedup key is taken (by then); which were written."""
        taken = outbox.known_dedup_keys(con, [r.alert.dedup_key for r in self.raised])
        written = []
        for raised in self.raised:
            fresh = raised.alert.dedup_key not in taken
            taken.add(raised.alert.dedup_key)
            written.append(fresh)
            if not fresh:
                continue
            if raised.suppressed_because:
                self.alerts_suppressed += 1
            else:
                self.alerts_new += 1
                self.alert_ids.append(raised.alert.alert_id)
        outbox.insert_new_alerts(
            con,
            [r.alert for r, ok in zip(self.raised, written, strict=True) if ok],
            run_id=self.run_id,
        )
        return written

    def _decision(self, raised: _Raised, written: bool) -> dict[str, Any]:
        if not written:
            return decision_row(
                raised.asked,
                "suppressed",
                "duplicate of a known fact: alerted before",
                run_id=self.run_id,
                now=self.now,
                claim_id=raised.claim_id,
                article_id=raised.article_id,
                in_outbox=False,
            )
        return decision_row(
            raised.alert,
            "suppressed" if raised.suppressed_because else "fired",
            raised.alert.reason,
            run_id=self.run_id,
            now=self.now,
            claim_id=raised.claim_id,
            article_id=raised.article_id,
        )


def _queue(
    alert: AlertRecord,
    suppressed_because: str | None,
    batch: _Batch,
    *,
    claim_id: str | None = None,
    article_id: str | None = None,
) -> None:
    """Queue an alert for the outbox (recorded as suppressed when the rules say why), with its decision row."""
    written = (
        _replace_status(alert, "suppressed", suppressed_because) if suppressed_because else alert
    )
    batch.decisions.append(len(batch.raised))
    batch.raised.append(_Raised(written, alert, suppressed_because, claim_id, article_id))
    batch.raised_keys.add(alert.dedup_key)


def _replace_status(alert: AlertRecord, status: str, reason: str) -> AlertRecord:
    return replace(alert, status=status, reason=f"{reason} ({alert.reason})")  # type: ignore[arg-type]


def _stored_deals(con: duckdb.DuckDBPyConnection, deal_ids: Sequence[str]) -> dict[str, _Deal]:
    ids = sorted(set(deal_ids))
    if not ids:
        return {}
    return {
        r[0]: _Deal(acquirer=r[1], target=r[2], kind=r[3], announced=r[4], people=tuple(r[5] or ()))
        for r in con.execute(
            "SELECT d.deal_id, d.acquirer, d.target, d.kind, d.announced, p.people FROM store.deals d "  # noqa: S608 - placeholders
            f"LEFT JOIN store.deal_people p ON p.deal_id = d.deal_id WHERE d.deal_id IN ({marks(ids)})",
            ids,
        ).fetchall()
    }


def _write_deals(con: duckdb.DuckDBPyConnection, deals: Mapping[str, _Deal]) -> None:
    """The batch's new deals, the dates it gave known ones, and every deal's names it added to."""
    DEALS.insert(
        con,
        [
            {
                "deal_id": deal_id,
                "acquirer": d.acquirer,
                "target": d.target,
                "kind": d.kind,
                "announced": d.announced,
                "first_seen": d.first_seen,
                "first_article_id": d.first_article_id,
            }
            for deal_id, d in deals.items()
            if d.first_seen is not None
        ],
    )
    dated = [
        {"deal_id": deal_id, "announced": d.announced} for deal_id, d in deals.items() if d.dated
    ]
    if dated:
        with _DATES.batch(con, dated) as (rows, params):
            con.execute(_DATE_DEALS.format(rows=rows), params)
    named = [
        {"deal_id": deal_id, "people": list(d.people)} for deal_id, d in deals.items() if d.named
    ]
    if named:
        with _PEOPLE.batch(con, named) as (rows, params):
            con.execute(_NAME_PEOPLE.format(rows=rows), params)


def _ensure_deal(mention: DealMention, article: Article, batch: _Batch, *, now: datetime) -> bool:
    """The mention's deal known to the batch (created if new), with the mention's date and names."""
    deal = batch.deals.get(mention.deal_id)
    created = deal is None
    if deal is None:
        deal = _Deal(
            acquirer=mention.acquirer,
            target=mention.target,
            kind=mention.kind,
            announced=mention.announced,
            people=(),
            first_seen=now,
            first_article_id=article.article_id,
        )
        batch.deals[mention.deal_id] = deal
        batch.deals_new += 1
    elif mention.announced is not None and deal.announced is None:
        deal.announced = mention.announced
        deal.dated = True
    people = tuple(sorted({*deal.people, *mention.people}))
    if people != deal.people:
        deal.people = people
        deal.named = True
    return created


DealRow = tuple[
    str | None, str | None, str | None, tuple[str, ...]
]  # acquirer, target, kind, people


def _deal_row(batch: _Batch, deal_id: str) -> DealRow:
    deal = batch.deals.get(deal_id)
    if deal is None:
        return (None, None, None, ())
    return (deal.acquirer, deal.target, deal.kind, deal.people)


_KEY_CLAIMS = (
    "SELECT c.deal_id, c.subject, c.metric, c.claim_id, c.low, c.high, c.as_of, c.stated, c.article_id, "
    "c.confidence, m.role FROM store.claims c LEFT JOIN store.deal_mentions m "
    "ON m.article_id = c.article_id AND m.deal_id = c.deal_id "
    "WHERE c.deal_id IN ({deals}) AND list_contains(?, [c.deal_id, c.subject, c.metric]) "
    "ORDER BY c.stored_at, c.rowid"
)


_KeyClaim = rules.KeyClaim


@dataclass(frozen=True, slots=True)
class _Shown:
    unit: str
    quote: str
    url: str
    title: str | None
    published: Any
    confidence: float | None


def _key_claims(
    con: duckdb.DuckDBPyConnection,
    keys: Sequence[Key],
    stories: dict[str, tuple[str, str]],
    min_confidence: float = 0.0,
    roles: Mapping[tuple[str, str], str] | None = None,
) -> dict[Key, list[_KeyClaim]]:
    """Every claim of each key that is confident enough to weigh, oldest first: one query for all the
    keys of an article, and one for the stories and outlets of their articles not in ``stories`` yet
    (which it adds them to)."""
    found: dict[Key, list[_KeyClaim]] = {key: [] for key in keys}
    if not found:
        return found
    roles = roles or {}
    deals = sorted({key[0] for key in found})
    rows = con.execute(
        _KEY_CLAIMS.format(deals=marks(deals)), [*deals, [list(key) for key in found]]
    ).fetchall()
    # Joining the articles in SQL scans every article.
    stories.update(stories_and_sources(con, [r[8] for r in rows if r[8] not in stories]))
    for (
        deal_id,
        subject,
        metric,
        claim_id,
        low,
        high,
        as_of,
        stated,
        article_id,
        confidence,
        role,
    ) in rows:
        if confidence is not None and confidence < min_confidence:
            continue  # stored and shown, never weighed: below the alert threshold
        story_id, source = stories[article_id]
        claims = found[(deal_id, subject, metric)]
        known = reconcile.KnownClaim(claim_id, low, high, as_of, story_id, len(claims))
        # a mention of this batch is written at its end: its role is the batch's
        role = role or roles.get((article_id, deal_id), "subject")
        claims.append(_KeyClaim(known, stated, article_id, source, role == "subject"))
    return found


def _shown(con: duckdb.DuckDBPyConnection, claim_id: str) -> _Shown:
    row = con.execute(
        "SELECT unit, quote, article_id, confidence FROM store.claims WHERE claim_id = ?",
        [claim_id],
    ).fetchone()
    assert row is not None
    unit, quote, article_id, confidence = row
    page = con.execute(
        "SELECT url, title, published FROM store.articles WHERE article_id = ?", [article_id]
    ).fetchone()
    assert page is not None
    return _Shown(
        unit=unit,
        quote=quote,
        url=page[0],
        title=page[1],
        published=page[2],
        confidence=confidence,
    )


def _side(claim: _KeyClaim, shown: _Shown, backers: Sequence[_KeyClaim]) -> FigureSide:
    return FigureSide(
        stated=claim.stated,
        low=claim.known.low,
        high=claim.known.high,
        unit=shown.unit,
        quote=shown.quote,
        article_id=claim.article_id,
        source=claim.source,
        url=shown.url,
        title=shown.title,
        published=shown.published,
        sources=tuple(sorted({b.source for b in backers})),
        independent_sources=len({b.known.story_id for b in backers}) or 1,
        confidence=shown.confidence,
    )


def _accepted_row(
    key: Key, after: reconcile.Accepted, everything: Sequence[_KeyClaim], now: datetime
) -> dict[str, Any]:
    """The accepted value, with what ``accepted_figures`` shows of it: who agrees and who dissents (any date)."""
    agrees = [
        reconcile.overlaps(c.known.low, c.known.high, after.low, after.high) for c in everything
    ]
    agreeing = [c for c, ok in zip(everything, agrees, strict=True) if ok]
    dissenting = sorted(
        (c for c, ok in zip(everything, agrees, strict=True) if not ok), key=lambda c: c.source
    )
    deal_id, subject, metric = key
    return {
        "deal_id": deal_id,
        "subject": subject,
        "metric": metric,
        "low": after.low,
        "high": after.high,
        "claim_id": after.claim_id,
        "independent_sources": after.independent_sources,
        "updated_at": now,
        "sources": sorted({c.source for c in agreeing}) or None,
        "agreeing_stories": len({c.known.story_id for c in agreeing}),
        "dissenting": [
            {"stated": c.stated, "low": c.known.low, "high": c.known.high, "source": c.source}
            for c in dissenting
        ]
        or None,
        "dissenting_stories": len({c.known.story_id for c in dissenting}),
    }


def _reconcile_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    claims: Sequence[Claim],
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
) -> None:
    """Judge each new claim of one article; the claims of its keys and its deals are read once."""
    if not claims:
        return
    claims_of = _key_claims(
        con,
        list(dict.fromkeys((c.deal_id, c.subject, c.metric) for c in claims)),
        batch.stories,
        policy.min_confidence,
        batch.roles,
    )
    for claim in claims:
        key = (claim.deal_id, claim.subject, claim.metric)
        known = (
            _known_contradictions(con, key)
            if policy.realert_on_new_source and policy.confident(claim.confidence)
            else ()
        )
        decisions = rules.decide(claim, claims_of[key], policy, known_contradictions=known)
        _write_decisions(
            con, claim, article, claims_of[key], decisions, batch, run_id=run_id, now=now
        )


def _known_contradictions(
    con: duckdb.DuckDBPyConnection, key: Key
) -> list[rules.KnownContradiction]:
    return [
        rules.KnownContradiction(*row)
        for row in con.execute(
            "SELECT contradiction_key, a_claim_id, b_claim_id FROM store.contradictions "
            "WHERE deal_id = ? AND subject = ? AND metric = ? ORDER BY detected_at, contradiction_key",
            list(key),
        ).fetchall()
    ]


def _write_decisions(
    con: duckdb.DuckDBPyConnection,
    claim: Claim,
    article: Article,
    everything: Sequence[_KeyClaim],
    decisions: Sequence[rules.Decision],
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
) -> None:
    """What :func:`rules.decide` decided about one claim, into the batch (and the contradictions table)."""
    acquirer, target, deal_kind, people = _deal_row(batch, claim.deal_id)
    base: dict[str, Any] = {
        "created_at": now,
        "deal_id": claim.deal_id,
        "acquirer": acquirer,
        "target": target,
        "people": people,
        "deal_kind": deal_kind,
        "subject": claim.subject,
        "metric": claim.metric,
    }

    def figure_side(side: rules.Side) -> FigureSide:
        if side.claim.known.claim_id == claim.claim_id and claim.article_id == article.article_id:
            shown = _Shown(
                claim.unit, claim.quote, article.url, article.title, article.published,
                claim.confidence,
            )  # fmt: skip
        else:
            shown = _shown(con, side.claim.known.claim_id)
        return _side(side.claim, shown, side.backers)

    for decision in decisions:
        if isinstance(decision, rules.Accept):
            key = (claim.deal_id, claim.subject, claim.metric)
            batch.accept(key, _accepted_row(key, decision.accepted, everything, now))
        elif isinstance(decision, rules.RecordContradiction):
            row = {
                "contradiction_key": decision.contradiction_key,
                "deal_id": claim.deal_id,
                "subject": claim.subject,
                "metric": claim.metric,
                "a_claim_id": decision.a_claim_id,
                "b_claim_id": decision.b_claim_id,
                "detected_at": now,
            }
            # Keyed writes check their key themselves: a DuckLake has no constraints to conflict on.
            con.execute(
                f"INSERT INTO {CONTRADICTIONS.name} ({', '.join(CONTRADICTIONS.columns)}) "  # noqa: S608 - our column names
                f"SELECT {', '.join('?' * len(CONTRADICTIONS.columns))} "
                "WHERE NOT EXISTS (SELECT 1 FROM store.contradictions WHERE contradiction_key = ?)",
                [*CONTRADICTIONS.values(row), decision.contradiction_key],
            )
        elif isinstance(decision, rules.Raise):
            alert = AlertRecord(
                alert_id=alert_id(decision.dedup_key),
                dedup_key=decision.dedup_key,
                kind=decision.kind,  # type: ignore[arg-type]
                reason=decision.reason,
                figure=figure_side(decision.figure),
                other=figure_side(decision.other) if decision.other is not None else None,
                **base,
            )
            _queue(
                alert,
                decision.suppressed_because,
                batch,
                claim_id=claim.claim_id,
                article_id=claim.article_id,
            )
        else:
            quiet = AlertRecord(
                alert_id="",
                dedup_key=decision.dedup_key,
                kind=decision.kind,  # type: ignore[arg-type]
                reason=decision.reason,
                **base,
            )
            batch.decisions.append(
                decision_row(
                    quiet,
                    "suppressed",
                    decision.reason,
                    run_id=run_id,
                    now=now,
                    claim_id=claim.claim_id,
                    article_id=claim.article_id,
                    in_outbox=False,
                )
            )


def _stored_claim_ids(con: duckdb.DuckDBPyConnection, claims: Sequence[Claim]) -> set[str]:
    ids = sorted({c.claim_id for c in claims})
    if not ids:
        return set()
    with one_of(con, ids) as (among, params):
        return {
            r[0]
            for r in con.execute(
                f"SELECT claim_id FROM store.claims WHERE claim_id {among}",  # noqa: S608 - placeholders
                params,
            ).fetchall()
        }


def _spelling_key(deal_id: str, subject: str) -> tuple[str, str]:
    """A claim's deal and its subject's letters and digits, in one case: "Friendfeed" and
    "FriendFeed", "Character.AI" and "Character.ai", "Scale AI" and "ScaleAI" are one subject."""
    letters = "".join(ch for ch in subject.casefold() if ch.isalnum())
    return deal_id, letters or subject  # (a subject of no letters or digits stays itself)


def _stored_spellings(
    con: duckdb.DuckDBPyConnection, deal_ids: Sequence[str]
) -> dict[tuple[str, str], str]:
    """For each subject the warehouse holds claims of, of these deals, its first stored spelling."""
    ids = sorted(set(deal_ids))
    if not ids:
        return {}
    spellings: dict[tuple[str, str], str] = {}
    with one_of(con, ids) as (among, params):
        for deal_id, subject in con.execute(
            "SELECT deal_id, subject FROM store.claims "  # noqa: S608 - placeholders
            f"WHERE deal_id {among} ORDER BY stored_at, claim_id",
            params,
        ).fetchall():
            spellings.setdefault(_spelling_key(deal_id, subject), subject)
    return spellings


def _as_first_spelt(claim: Claim, spellings: dict[tuple[str, str], str]) -> Claim:
    """The claim with its subject spelt as the first stored (or stored earlier in this batch) claim
    of its deal spells it: outlets write one startup "Friendfeed" and "FriendFeed", and a figure is
    agreed with, contradicted or announced once whatever the spelling (the key is deal, subject,
    metric). ``spellings`` learns the spellings it has not seen."""
    first = spellings.setdefault(_spelling_key(claim.deal_id, claim.subject), claim.subject)
    return claim if first == claim.subject else replace(claim, subject=first)


def _claim_row(claim: Claim, now: datetime) -> dict[str, Any]:
    return {
        "claim_id": claim.claim_id,
        "article_id": claim.article_id,
        "deal_id": claim.deal_id,
        "subject": claim.subject,
        "metric": claim.metric,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "stated": claim.stated,
        "qualifier": claim.qualifier,
        "quote": claim.quote,
        "start_offset": claim.start,
        "end_offset": claim.end,
        "as_of": claim.as_of,
        "stored_at": now,
        "confidence": claim.confidence,
        "evidence": claim.evidence or None,
    }


def _insert_claims(
    con: duckdb.DuckDBPyConnection, claims: Sequence[Claim], stored: set[str], now: datetime
) -> list[Claim]:
    """Insert the claims not in ``stored`` (the claim ids stored so far, updated); returns those that
    are new."""
    fresh = list({c.claim_id: c for c in claims if c.claim_id not in stored}.values())
    stored.update(c.claim_id for c in fresh)
    CLAIMS.insert(con, [_claim_row(c, now) for c in fresh])
    return fresh


def store_deals_and_claims(
    con: duckdb.DuckDBPyConnection,
    fresh_items: Sequence[tuple[Article, Analysis]],
    stories: dict[str, tuple[str, str]],
    *,
    run_id: str,
    policy: ReconcilePolicy,
    now: datetime,
) -> _Batch:
    """The deals, mentions and claims of the batch's new articles, reconciled, with their alerts and
    audit rows; ``stories`` holds each new article's story and outlet. Inside the caller's
    transaction; returns the batch, whose counts say what was written."""
    batch = _Batch(run_id=run_id, now=now)
    batch.stories = stories
    claim_ids = _stored_claim_ids(con, [c for _, analysis in fresh_items for c in analysis.claims])
    mentioned = [m.deal_id for _, analysis in fresh_items for m in analysis.deals]
    spellings = _stored_spellings(con, mentioned)
    batch.stored_keys = outbox.known_dedup_keys(con, [f"new_deal|{d}" for d in mentioned])
    batch.deals = _stored_deals(con, mentioned)
    for article, analysis in fresh_items:
        if not analysis.deals:
            continue
        mentions = {m.deal_id: m for m in analysis.deals}
        deals_with_claims = {c.deal_id for c in analysis.claims}
        for mention in mentions.values():
            _ensure_deal(mention, article, batch, now=now)
            batch.roles[(article.article_id, mention.deal_id)] = mention.role
            batch.mentions.append(
                {
                    "article_id": article.article_id,
                    "deal_id": mention.deal_id,
                    "role": mention.role,
                    "kind": mention.kind,
                    "people": list(mention.people),
                    "score": mention.score,
                    "evidence": mention.evidence,
                    "announced": mention.announced,
                }
            )
            _consider_new_deal(
                mention,
                article,
                policy,
                batch,
                run_id=run_id,
                now=now,
                has_claims=mention.deal_id in deals_with_claims,
            )
        claims = [_as_first_spelt(c, spellings) for c in analysis.claims if c.deal_id in mentions]
        fresh = _insert_claims(con, claims, claim_ids, now)
        batch.claims_new += len(fresh)
        _reconcile_article(con, article, fresh, policy, batch, run_id=run_id, now=now)
        batch.end_article()
    batch.flush(con)
    return batch


def _consider_new_deal(
    mention: DealMention,
    article: Article,
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
    has_claims: bool,
) -> None:
    dedup_key = f"new_deal|{mention.deal_id}"
    if batch.has_alert(dedup_key):
        return
    acquirer, target, deal_kind, people = _deal_row(batch, mention.deal_id)
    alert = AlertRecord(
        alert_id=alert_id(dedup_key),
        dedup_key=dedup_key,
        kind="new_deal",
        created_at=now,
        reason=rules.new_deal_reason(mention),
        deal_id=mention.deal_id,
        acquirer=acquirer,
        target=target,
        people=people,
        deal_kind=deal_kind,
        detail=mention.evidence,
        source=article.source,
        url=article.url,
        title=article.title,
    )
    quiet_because = rules.new_deal_quiet_because(mention, policy, has_claims=has_claims)
    if quiet_because is not None:
        batch.decisions.append(
            decision_row(
                alert,
                "suppressed",
                quiet_because,
                run_id=run_id,
                now=now,
                article_id=article.article_id,
                in_outbox=False,
            )
        )
        return
    _queue(
        alert,
        rules.suppression(mention.deal_id, None, policy),
        batch,
        article_id=article.article_id,
    )
