"""From rows of the public views to what the report's pages show: pure functions, no I/O.

A page model holds text as it came from the articles (titles, outlets, quotes);
the templates escape it. Dates: an article's date is the one it states
(``published``); an article that states none is shown as undated, with the day
dealwatch first saw it, and stays out of the charts drawn over time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from alerts.links import alert_anchor, deal_page_path
from alerts.render import interval_words, is_web_url
from warehouse.queries import ReportRows

Row = dict[str, Any]

#: How each metric of the closed vocabulary (extractors/metrics.py) is named on a page.
METRIC_LABELS = {
    "deal_amount_usd": "Deal amount",
    "stake_pct": "Stake",
    "target_valuation_usd": "Valuation",
    "licence_fee_usd": "Licence fee",
    "target_headcount": "Headcount",
    "staff_hired": "Staff hired",
    "staff_hired_pct": "Share of staff hired",
    "person_age": "Age",
    "founded_year": "Year founded",
    "target_funding_raised_usd": "Funding raised",
}
_METRIC_ORDER = {name: index for index, name in enumerate(METRIC_LABELS)}
_ALERT_KIND_LABELS = {
    "new_deal": "New deal",
    "new_figure": "New figure",
    "contradiction": "Contradiction",
    "feed_failing": "Feed failing",
    "feed_recovered": "Feed recovered",
}
UNKNOWN_OUTLET = "unknown outlet"


# --- the records a page shows ----------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as a page names it: outlet, title, link (web URLs only), date."""

    article_id: str
    outlet: str
    title: str | None
    url: str | None  # an http(s) URL to link to; seed: and file: URLs stay text
    location: str  # the URL as stored, shown as text when it is not a link
    published: date | None
    first_seen: date | None
    role: str | None = None  # subject | mentioned: how the article names this deal
    is_copy: bool = False


@dataclass(frozen=True, slots=True)
class Story:
    """One story in the timeline: its original article and the copies of it (syndication)."""

    original: ArticleRef
    copies: tuple[ArticleRef, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One article's statement of a figure: as stated, as normalised, with its sentence."""

    article: ArticleRef
    stated: tuple[str, ...]
    low: float | None
    high: float | None
    unit: str
    normalised: str
    quote: str
    copy_of: str | None  # the outlet of the original when this article is a copy
    agrees: bool | None  # overlaps the accepted value; None when there is none


@dataclass(frozen=True, slots=True)
class FigureStory:
    """Every statement of one (subject, metric) of a deal, and the value accepted for it."""

    anchor: str
    subject: str
    subject_label: str
    metric: str
    metric_label: str
    unit: str
    accepted_low: float | None
    accepted_high: float | None
    accepted: str | None
    independent_sources: int
    claims: tuple[FigureClaim, ...]
    contradicted: bool


@dataclass(frozen=True, slots=True)
class Backing:
    """An independent source of a side: the story's outlet, and the outlets that copied it."""

    outlet: str
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContradictionSide:
    stated: str
    normalised: str
    quote: str
    article: ArticleRef
    backing: tuple[Backing, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    anchor: str
    figure_anchor: str
    title: str
    detected_at: datetime | None
    accepted: ContradictionSide  # the side accepted when the contradiction was found
    dissent: ContradictionSide
    is_open: bool


@dataclass(frozen=True, slots=True)
class Decision:
    decided_at: datetime | None
    decision: str
    reason: str
    article: ArticleRef | None


@dataclass(frozen=True, slots=True)
class AlertStory:
    """One fact the team was (or was not) told about, with every decision taken on it."""

    anchor: str | None  # present when an alert was raised: the place alert links point to
    alert_id: str | None
    kind: str
    title: str
    status: str  # sent | pending | failed | suppressed | not raised
    reason: str
    created_at: datetime | None
    sent_at: datetime | None
    channels: tuple[str, ...]
    decisions: tuple[Decision, ...]


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    articles: int


@dataclass(frozen=True, slots=True)
class Activity:
    """Articles per stated day; undated ones are only counted."""

    days: tuple[DayCount, ...]
    undated: int

    @property
    def dated(self) -> int:
        return sum(d.articles for d in self.days)


@dataclass(frozen=True, slots=True)
class DealSummary:
    deal_id: str
    path: str
    title: str
    kind: str
    people: tuple[str, ...]
    articles: int
    sources: int
    open_contradictions: int
    latest_activity: date | None
    first_seen: datetime | None
    activity: Activity


@dataclass(frozen=True, slots=True)
class DealPage:
    summary: DealSummary
    acquirer: str
    target: str
    announced: date | None
    confidence: float | None
    stories: tuple[Story, ...]
    figures: tuple[FigureStory, ...]
    contradictions: tuple[Contradiction, ...]
    alerts: tuple[AlertStory, ...]


@dataclass(frozen=True, slots=True)
class FeedStatus:
    name: str
    url: str | None
    location: str
    ok: bool
    last_success: datetime | None
    last_polled: datetime | None
    consecutive_failures: int
    last_error: str | None
    items_seen: int


@dataclass(frozen=True, slots=True)
class IndexPage:
    deals: tuple[DealSummary, ...]
    feeds: tuple[FeedStatus, ...]
    articles: int
    open_contradictions: int
    failing_feeds: int = field(default=0)


# --- small pieces -----------------------------------------------------------


def deal_title(acquirer: str | None, target: str | None) -> str:
    return f"{acquirer or '?'} → {target or '?'}"


def kind_words(kind: str | None) -> str:
    return (kind or "").replace("_", " ")


def metric_label(metric: str) -> str:
    return METRIC_LABELS.get(metric, metric.replace("_", " ").capitalize())


def subject_label(subject: str, deal_id: str) -> str:
    return "the deal" if subject == deal_id else subject


def figure_anchor(subject: str, metric: str) -> str:
    cleaned = "".join(c if c.isalnum() else "-" for c in subject.lower()).strip("-")
    return f"figure-{metric}-{cleaned}"


def overlaps(
    low_a: float | None, high_a: float | None, low_b: float | None, high_b: float | None
) -> bool:
    """Two intervals agree when they overlap (an open end reaches to infinity)."""
    inf = float("inf")
    lo_a, hi_a = (-inf if low_a is None else low_a), (inf if high_a is None else high_a)
    lo_b, hi_b = (-inf if low_b is None else low_b), (inf if high_b is None else high_b)
    return lo_a <= hi_b and lo_b <= hi_a


def _day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def article_ref(row: Row, role: str | None = None) -> ArticleRef:
    location = str(row.get("url") or "")
    return ArticleRef(
        article_id=row["article_id"],
        outlet=_outlet(row.get("source")),
        title=row.get("title") or None,
        url=location if is_web_url(location) else None,
        location=location,
        published=_day(row.get("published")),
        first_seen=_day(row.get("fetched_at")),
        role=role,
        is_copy=row.get("duplicate_of") is not None,
    )


def _outlet(source: str | None) -> str:
    return UNKNOWN_OUTLET if not source or source == "unknown" else source


def _date_key(ref: ArticleRef) -> tuple[bool, date, str, str]:
    """Stated dates first, oldest first; undated last, by when they were seen."""
    when = ref.published or ref.first_seen or date.max
    return (ref.published is None, when, ref.outlet.lower(), ref.article_id)


# --- timeline ---------------------------------------------------------------


def stories_of(articles: Sequence[Row], roles: dict[str, str]) -> tuple[Story, ...]:
    """The deal's articles as stories: each copy of a wire story under its original."""
    by_story: dict[str, list[Row]] = defaultdict(list)
    for row in articles:
        by_story[row.get("story_id") or row["article_id"]].append(row)
    stories = []
    for story_id, rows in by_story.items():
        refs = sorted(
            (article_ref(r, roles.get(r["article_id"])) for r in rows),
            key=lambda ref: (ref.article_id != story_id, ref.is_copy, _date_key(ref)),
        )
        stories.append(Story(original=refs[0], copies=tuple(refs[1:])))
    return tuple(sorted(stories, key=lambda s: _date_key(s.original)))


def activity_of(articles: Iterable[Row]) -> Activity:
    counts: Counter[date] = Counter()
    undated = 0
    for row in articles:
        day = _day(row.get("published"))
        if day is None:
            undated += 1
        else:
            counts[day] += 1
    return Activity(
        days=tuple(DayCount(day, n) for day, n in sorted(counts.items())), undated=undated
    )


# --- figures ----------------------------------------------------------------


def _key_order(deal_id: str, subject: str, metric: str) -> tuple[int, int, str]:
    return (subject != deal_id, _METRIC_ORDER.get(metric, len(_METRIC_ORDER)), subject)


def figure_stories(
    deal_id: str,
    figures: Sequence[Row],
    articles: dict[str, Row],
    accepted: dict[tuple[str, str], Row],
    contradicted: set[tuple[str, str]],
) -> tuple[FigureStory, ...]:
    keys: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in figures:
        keys[(row["subject"], row["metric"])].append(row)
    result = []
    for (subject, metric), rows in sorted(keys.items(), key=lambda k: _key_order(deal_id, *k[0])):
        acc = accepted.get((subject, metric))
        acc_low = acc["low"] if acc else None
        acc_high = acc["high"] if acc else None
        unit = rows[0].get("unit") or ""
        result.append(
            FigureStory(
                anchor=figure_anchor(subject, metric),
                subject=subject,
                subject_label=subject_label(subject, deal_id),
                metric=metric,
                metric_label=metric_label(metric),
                unit=unit,
                accepted_low=acc_low,
                accepted_high=acc_high,
                accepted=interval_words(acc_low, acc_high, unit) if acc else None,
                independent_sources=int(acc["independent_sources"] or 0) if acc else 0,
                claims=_claims_of(rows, articles, acc),
                contradicted=(subject, metric) in contradicted,
            )
        )
    return tuple(result)


def _claims_of(
    rows: Sequence[Row], articles: dict[str, Row], acc: Row | None
) -> tuple[FigureClaim, ...]:
    """One claim per article and interval: the same figure stated twice in an article is one."""
    grouped: dict[tuple[str, float | None, float | None], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row["article_id"], row["low"], row["high"])].append(row)
    claims = []
    for (article_id, low, high), same in grouped.items():
        article = articles.get(article_id) or _article_from_figure(same[0])
        ref = article_ref(article)
        original = articles.get(article.get("duplicate_of") or "")
        stated = tuple(dict.fromkeys(r["stated"] for r in same))
        unit = same[0].get("unit") or ""
        claims.append(
            FigureClaim(
                article=ref,
                stated=stated,
                low=low,
                high=high,
                unit=unit,
                normalised=interval_words(low, high, unit),
                quote=same[0].get("quote") or "",
                copy_of=_outlet(original.get("source")) if original else None,
                agrees=overlaps(low, high, acc["low"], acc["high"]) if acc else None,
            )
        )
    return tuple(sorted(claims, key=lambda c: (_date_key(c.article), c.low or 0.0)))


def _article_from_figure(row: Row) -> Row:
    return {
        "article_id": row["article_id"],
        "url": row.get("url"),
        "source": row.get("source"),
        "title": None,
        "published": row.get("published"),
        "duplicate_of": row.get("duplicate_of"),
        "story_id": row.get("story_id"),
    }


# --- contradictions ---------------------------------------------------------


def _side(claim: Row, key_claims: Sequence[Row], articles: dict[str, Row]) -> ContradictionSide:
    """One side of a contradiction, with the stories that back it (copies count once)."""
    stories: dict[str, list[Row]] = defaultdict(list)
    for other in key_claims:
        if overlaps(claim["low"], claim["high"], other["low"], other["high"]):
            stories[other.get("story_id") or other["article_id"]].append(other)
    backing = []
    for story_id, rows in sorted(stories.items()):
        outlets = {r["article_id"]: _outlet(r.get("source")) for r in rows}
        original = outlets.pop(story_id, None)
        if original is None:
            original_row = articles.get(story_id)
            original = _outlet(original_row.get("source")) if original_row else UNKNOWN_OUTLET
        copies = tuple(sorted(set(outlets.values()) - {original})) if outlets else ()
        backing.append(Backing(outlet=original, copies=copies))
    article = articles.get(claim["article_id"]) or _article_from_figure(claim)
    return ContradictionSide(
        stated=claim["stated"],
        normalised=interval_words(claim["low"], claim["high"], claim.get("unit") or ""),
        quote=claim.get("quote") or "",
        article=article_ref(article),
        backing=tuple(sorted(backing, key=lambda b: b.outlet.lower())),
    )


def contradictions_of(
    deal_id: str,
    rows: Sequence[Row],
    figures: Sequence[Row],
    articles: dict[str, Row],
    accepted: dict[tuple[str, str], Row],
) -> tuple[Contradiction, ...]:
    claims = {f["claim_id"]: f for f in figures}
    result = []
    for index, row in enumerate(rows, start=1):
        a, b = claims.get(row["a_claim_id"]), claims.get(row["b_claim_id"])
        if a is None or b is None:
            continue
        key = (row["subject"], row["metric"])
        key_claims = [f for f in figures if (f["subject"], f["metric"]) == key]
        about = subject_label(row["subject"], deal_id)
        title = f"{metric_label(row['metric'])} of {about}: {a['stated']} or {b['stated']}?"
        result.append(
            Contradiction(
                anchor=f"contradiction-{index}",
                figure_anchor=figure_anchor(*key),
                title=title,
                detected_at=row.get("detected_at"),
                accepted=_side(a, key_claims, articles),
                dissent=_side(b, key_claims, articles),
                is_open=is_open(accepted.get(key)),
            )
        )
    return tuple(result)


def is_open(accepted: Row | None) -> bool:
    """A contradiction stays open while sources still dissent from its key's accepted value."""
    return accepted is None or int(accepted.get("dissenting_sources") or 0) > 0


# --- alerts -----------------------------------------------------------------


def _alert_title(kind: str, subject: str | None, metric: str | None, deal_id: str) -> str:
    label = _ALERT_KIND_LABELS.get(kind, kind)
    if metric:
        about = subject_label(subject or deal_id, deal_id)
        return f"{label}: {metric_label(metric)} of {about}"
    return label


def alert_stories(
    deal_id: str,
    alerts: Sequence[Row],
    decisions: Sequence[Row],
    articles: dict[str, Row],
) -> tuple[AlertStory, ...]:
    """Each fact decided on: its alert (if one was raised) and every decision, in order."""
    by_key: dict[str, list[Row]] = defaultdict(list)
    for row in decisions:
        by_key[row["dedup_key"]].append(row)
    alert_by_key = {a["dedup_key"]: a for a in alerts}
    keys = list(dict.fromkeys([*(a["dedup_key"] for a in alerts), *by_key]))
    stories = []
    for key in keys:
        alert = alert_by_key.get(key)
        steps = tuple(
            Decision(
                decided_at=d.get("decided_at"),
                decision=d["decision"],
                reason=d["reason"],
                article=article_ref(articles[d["article_id"]])
                if d.get("article_id") in articles
                else None,
            )
            for d in by_key.get(key, [])
        )
        first = alert or by_key[key][0]
        stories.append(
            AlertStory(
                anchor=alert_anchor(alert["alert_id"]) if alert else None,
                alert_id=alert["alert_id"] if alert else None,
                kind=first["kind"],
                title=_alert_title(
                    first["kind"], first.get("subject"), first.get("metric"), deal_id
                ),
                status=alert["status"] if alert else "not raised",
                reason=alert["reason"] if alert else (steps[-1].reason if steps else ""),
                created_at=alert.get("created_at") if alert else None,
                sent_at=alert.get("sent_at") if alert else None,
                channels=tuple(alert.get("channels_sent") or ()) if alert else (),
                decisions=steps,
            )
        )

    def when(story: AlertStory) -> datetime:
        moment = story.created_at or (story.decisions[0].decided_at if story.decisions else None)
        return moment or datetime.min.replace(tzinfo=UTC)

    # Latest first: what the team was told most recently leads; ties keep the decisions' order.
    return tuple(sorted(stories, key=when, reverse=True))


# --- pages ------------------------------------------------------------------


def _deal_articles(rows: ReportRows) -> dict[str, list[Row]]:
    articles = {a["article_id"]: a for a in rows.articles}
    by_deal: dict[str, list[Row]] = defaultdict(list)
    for mention in rows.mentions:
        article = articles.get(mention["article_id"])
        if article is not None:
            by_deal[mention["deal_id"]].append(article)
    return by_deal


def _open_contradictions(rows: ReportRows) -> Counter[str]:
    accepted = {(a["deal_id"], a["subject"], a["metric"]): a for a in rows.accepted}
    return Counter(
        c["deal_id"]
        for c in rows.contradictions
        if is_open(accepted.get((c["deal_id"], c["subject"], c["metric"])))
    )


def deal_summaries(rows: ReportRows) -> tuple[DealSummary, ...]:
    """Every deal, latest activity first (the latest date an article states, else first seen)."""
    by_deal = _deal_articles(rows)
    open_counts = _open_contradictions(rows)
    summaries = []
    for deal in rows.deals:
        activity = activity_of(by_deal.get(deal["deal_id"], []))
        latest = activity.days[-1].day if activity.days else _day(deal.get("first_seen"))
        summaries.append(
            DealSummary(
                deal_id=deal["deal_id"],
                path=deal_page_path(deal["deal_id"]),
                title=deal_title(deal.get("acquirer"), deal.get("target")),
                kind=kind_words(deal.get("kind")),
                people=tuple(deal.get("people") or ()),
                articles=int(deal.get("articles") or 0),
                sources=int(deal.get("sources") or 0),
                open_contradictions=open_counts.get(deal["deal_id"], 0),
                latest_activity=latest,
                first_seen=deal.get("first_seen"),
                activity=activity,
            )
        )
    return tuple(
        sorted(
            summaries,
            key=lambda s: (
                -(s.latest_activity or date.min).toordinal(),
                -s.articles,
                s.deal_id,
            ),
        )
    )


def feed_statuses(rows: ReportRows) -> tuple[FeedStatus, ...]:
    feeds = []
    for row in rows.feeds:
        location = str(row.get("url") or "")
        failures = int(row.get("consecutive_failures") or 0)
        feeds.append(
            FeedStatus(
                name=row.get("name") or location,
                url=location if is_web_url(location) else None,
                location=location,
                ok=failures == 0,
                last_success=row.get("last_success"),
                last_polled=row.get("last_polled_at"),
                consecutive_failures=failures,
                last_error=row.get("last_error"),
                items_seen=int(row.get("items_seen") or 0),
            )
        )
    return tuple(feeds)


def index_page(rows: ReportRows) -> IndexPage:
    deals = deal_summaries(rows)
    feeds = feed_statuses(rows)
    return IndexPage(
        deals=deals,
        feeds=feeds,
        articles=len({m["article_id"] for m in rows.mentions}),
        open_contradictions=sum(d.open_contradictions for d in deals),
        failing_feeds=sum(not f.ok for f in feeds),
    )


def deal_pages(rows: ReportRows, deal_ids: Iterable[str] | None = None) -> tuple[DealPage, ...]:
    """The page of each deal in ``deal_ids`` (default: every deal), in the index's order."""
    wanted = None if deal_ids is None else set(deal_ids)
    articles = {a["article_id"]: a for a in rows.articles}
    by_deal = _deal_articles(rows)
    deals = {d["deal_id"]: d for d in rows.deals}
    pages = []
    for summary in deal_summaries(rows):
        if wanted is not None and summary.deal_id not in wanted:
            continue
        deal_id = summary.deal_id
        deal = deals[deal_id]
        roles = {m["article_id"]: m["role"] for m in rows.mentions if m["deal_id"] == deal_id}
        figures = [f for f in rows.figures if f["deal_id"] == deal_id]
        accepted = {
            (a["subject"], a["metric"]): a for a in rows.accepted if a["deal_id"] == deal_id
        }
        contradiction_rows = [c for c in rows.contradictions if c["deal_id"] == deal_id]
        pages.append(
            DealPage(
                summary=summary,
                acquirer=deal.get("acquirer") or "?",
                target=deal.get("target") or "?",
                announced=_day(deal.get("announced")),
                confidence=deal.get("confidence"),
                stories=stories_of(by_deal.get(deal_id, []), roles),
                figures=figure_stories(
                    deal_id,
                    figures,
                    articles,
                    accepted,
                    {(c["subject"], c["metric"]) for c in contradiction_rows},
                ),
                contradictions=contradictions_of(
                    deal_id, contradiction_rows, figures, articles, accepted
                ),
                alerts=alert_stories(
                    deal_id,
                    [a for a in rows.alerts if a["deal_id"] == deal_id],
                    [d for d in rows.decisions if d["deal_id"] == deal_id],
                    articles,
                ),
            )
        )
    return tuple(pages)
