"""Pure renderers: one alert (or a digest of many) as text, Slack mrkdwn, e-mail or JSON.

Text taken from articles (titles, quotes, outlets, stated values, feed errors)
is untrusted: each renderer makes it inert for its channel. Slack: ``& < >``
escaped so ``<!channel>`` or ``<http://evil|click>`` stay text, and the mrkdwn
markers ``* _ ~ ``` `` swapped for look-alikes (mrkdwn has no escape for them).
E-mail HTML: Jinja2 templates with autoescaping (``alerts/templates/``). Subject lines and single-line fields: no line
breaks or control characters (header injection).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from alerts.links import INDEX_PAGE, report_link
from warehouse.records import AlertRecord, FigureSide

DigestFormat = Literal["slack", "email", "json", "text"]

# Slack rejects a section block's text above 3,000 characters.
SLACK_MAX_CHARS = 3000
# A subject line beyond this is cut: mail clients show ~80, RFC 5322 advises 78 per line.
SUBJECT_MAX_CHARS = 200
# A quote cut to make room in Slack keeps at least this much of itself.
MIN_QUOTE_CHARS = 160
# How many alerts a digest lists one per line before summarising the rest.
DIGEST_MAX_LINES = 50

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+\s*")
_SLACK_MARKERS = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
_ELLIPSIS = "…"
# Only these become links; a javascript: or data: URL from a feed stays text.
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)

_KIND_LABEL = {
    "new_deal": "New deal",
    "new_figure": "New figure",
    "contradiction": "Contradiction",
    "feed_failing": "Feed failing",
    "feed_recovered": "Feed recovered",
}


@dataclass(frozen=True, slots=True)
class EmailMessageParts:
    subject: str
    text: str
    html: str


# --- shared pieces ---------------------------------------------------------

_REPORT_LABEL = "this alert on its deal's page"


def one_line(value: object) -> str:
    """Untrusted text on one line: no line breaks, no control characters."""
    text = "" if value is None else str(value)
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", text)).strip()


def _number(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word}"
    return f"{value:,.6g}" if value != int(value) else f"{int(value):,}"


def _with_unit(value: float, unit: str) -> str:
    unit_l = unit.lower()
    if unit_l == "usd":
        return f"${_number(value)}"
    if unit_l == "pct":
        return f"{_number(value)}%"
    if unit_l == "year":
        return f"{int(value)}" if value == int(value) else f"{value:g}"
    return f"{_number(value)} {unit}".rstrip()


def interval(side: FigureSide) -> str:
    """A figure's interval in words: exactly, between, at least, at most."""
    return interval_words(side.low, side.high, side.unit)


def interval_words(low: float | None, high: float | None, unit: str) -> str:
    """``[low, high]`` in ``unit`` in words: ``exactly 28 years``, ``at least $29 billion``."""
    if low is None and high is None:
        return "unknown"
    if low is not None and high is not None:
        if low == high:
            return f"exactly {_with_unit(low, unit)}"
        return f"{_with_unit(low, unit)} – {_with_unit(high, unit)}"
    if low is not None:
        return f"at least {_with_unit(low, unit)}"
    assert high is not None
    return f"at most {_with_unit(high, unit)}"


def deal_name(alert: AlertRecord) -> str:
    if alert.acquirer or alert.target:
        return f"{one_line(alert.acquirer or '?')} → {one_line(alert.target or '?')}"
    return one_line(alert.deal_id or "unknown deal")


def deal_kind_words(alert: AlertRecord) -> str:
    """``investment_and_hire`` as a reader says it: ``investment and hire``."""
    return one_line(alert.deal_kind or "").replace("_", " ")


def quoted(text: str) -> str:
    """A quote in quotation marks, unless the quoted sentence already opens with one."""
    if text[:1] in "“\"'‘«„":
        return text
    return f"“{text}”"


def _metric_name(alert: AlertRecord) -> str:
    metric = one_line(alert.metric or "")
    if alert.subject and alert.subject != alert.deal_id:
        return f"{metric} ({one_line(alert.subject)})"
    return metric


def _feed_name(alert: AlertRecord) -> str:
    return one_line(alert.feed_name or alert.feed_url or "unknown feed")


def headline(alert: AlertRecord) -> str:
    """One line naming the kind and what it is about (plain; escape it for the channel)."""
    label = _KIND_LABEL.get(alert.kind, alert.kind)
    if alert.kind in ("feed_failing", "feed_recovered"):
        return f"{label}: {_feed_name(alert)}"
    head = f"{label}: {deal_name(alert)}"
    if alert.kind == "new_figure" and alert.figure is not None:
        return f"{head} — {_metric_name(alert)}: {one_line(alert.figure.stated)}"
    if alert.kind == "contradiction" and alert.figure is not None and alert.other is not None:
        return f"{head} — {_metric_name(alert)}: {one_line(alert.figure.stated)} vs {one_line(alert.other.stated)}"
    if alert.metric:
        return f"{head} — {_metric_name(alert)}"
    return head


def email_subject(alert: AlertRecord) -> str:
    if alert.kind in ("feed_failing", "feed_recovered"):
        about = _feed_name(alert)
    else:
        about = deal_name(alert)
        if alert.metric:
            about += f" — {_metric_name(alert)}"
    subject = one_line(f"[dealwatch] {alert.kind}: {about}")
    return (
        subject
        if len(subject) <= SUBJECT_MAX_CHARS
        else subject[: SUBJECT_MAX_CHARS - 1] + _ELLIPSIS
    )


def _confidence_line(side: FigureSide) -> str | None:
    """How likely the figure is right, as the analysis learnt it (extractors/analysis/calibration.py)."""
    if side.confidence is None:
        return None
    return f"confidence {side.confidence:.2f} (the chance this figure is right)"


def _sources_line(side: FigureSide) -> str:
    count = side.independent_sources
    noun = "independent source" if count == 1 else "independent sources"
    outlets = (
        ", ".join(one_line(s) for s in side.sources) if side.sources else one_line(side.source)
    )
    return f"{count} {noun} ({outlets})" if outlets else f"{count} {noun}"


def _cut(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + _ELLIPSIS


# --- plain text ------------------------------------------------------------


def _text_side(label: str, side: FigureSide) -> list[str]:
    published = side.published.isoformat() if side.published else "date unknown"
    return [
        f"{label}: {one_line(side.stated)} = {interval(side)}",
        f"  source: {one_line(side.source) or 'unknown outlet'} — {one_line(side.title) or 'untitled'} ({published})",
        f"  url: {one_line(side.url)}",
        f"  quote: {quoted(one_line(side.quote))}",
        f"  backed by: {_sources_line(side)}",
        *([f"  {sure}"] if (sure := _confidence_line(side)) else []),
    ]


def _feed_text_lines(alert: AlertRecord) -> list[str]:
    """What a feed alert says below its headline: the feed, its address, its error."""
    lines = [f"feed: {_feed_name(alert)}"]
    if alert.feed_url:
        lines.append(f"url: {one_line(alert.feed_url)}")
    if alert.detail:
        label = "error" if alert.kind == "feed_failing" else "last error"
        lines.append(f"{label}: {one_line(alert.detail)}")
    return lines


def _deal_text_lines(alert: AlertRecord) -> list[str]:
    """What a deal alert says below its headline: the deal, its people, the figures, the source."""
    deal = f"deal: {deal_name(alert)}"
    if alert.deal_id:
        deal += f" ({one_line(alert.deal_id)})"
    if alert.deal_kind:
        deal += f", {deal_kind_words(alert)}"
    lines = [deal]
    if alert.people:
        lines.append(f"people: {', '.join(one_line(p) for p in alert.people)}")
    if alert.metric:
        lines.append(f"metric: {_metric_name(alert)}")
    if alert.kind == "contradiction" and alert.figure and alert.other:
        lines += _text_side("new", alert.figure)
        lines += _text_side("disagrees with", alert.other)
    elif alert.figure:
        lines += _text_side("figure", alert.figure)
    if alert.kind == "new_deal":
        lines += _new_deal_source_lines(alert)
    return lines


def _new_deal_source_lines(alert: AlertRecord) -> list[str]:
    lines = []
    if alert.source or alert.title:
        lines.append(
            f"source: {one_line(alert.source) or 'unknown outlet'} — {one_line(alert.title) or 'untitled'}"
        )
    if alert.url:
        lines.append(f"url: {one_line(alert.url)}")
    if alert.detail:
        lines.append(f'evidence: "{one_line(alert.detail)}"')
    return lines


def _text_lines(alert: AlertRecord, report_url: str | None = None) -> list[str]:
    lines = [headline(alert)]
    if alert.kind in ("feed_failing", "feed_recovered"):
        lines += _feed_text_lines(alert)
    else:
        lines += _deal_text_lines(alert)
    if alert.reason:
        lines.append(f"why: {one_line(alert.reason)}")
    if report_url:
        lines.append(f"report: {one_line(report_url)}")
    lines.append(f"alert: {alert.alert_id} ({alert.kind}, {alert.created_at.isoformat()})")
    return lines


def render_text(alert: AlertRecord, *, report_url: str | None = None) -> str:
    """Plain text; ``report_url``: the alert's place in the published report (``[report] base_url``)."""
    return "\n".join(_text_lines(alert, report_url))


# --- Slack mrkdwn ----------------------------------------------------------


def slack_escape(value: object) -> str:
    """Untrusted text made inert in Slack mrkdwn, on one line."""
    text = one_line(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.translate(_SLACK_MARKERS)


def _slack_url(url: str) -> str:
    return (
        one_line(url)
        .replace("&", "&amp;")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace("|", "%7C")
        .replace(" ", "%20")
    )


def is_web_url(url: str | None) -> bool:
    return bool(url) and _WEB_URL.match(one_line(url)) is not None


def slack_link(url: str | None, label: object) -> str:
    """``<url|label>`` for a web URL; anything else (``seed:``, ``file:``) stays text."""
    text = slack_escape(label).replace("|", "¦") or "link"
    if not url:
        return text
    if not is_web_url(url):
        return (
            _slack_code(url) if one_line(url) == one_line(label) else f"{text} ({_slack_code(url)})"
        )
    return f"<{_slack_url(url)}|{text}>"


def _slack_side(label: str, side: FigureSide, quote_limit: int | None) -> list[str]:
    published = side.published.isoformat() if side.published else "date unknown"
    source = slack_escape(side.source) or "unknown outlet"
    return [
        f"*{label}:* {slack_escape(side.stated)} = {slack_escape(interval(side))}",
        f"> {source} — {slack_link(side.url, side.title or side.url)} ({published})",
        f"> {slack_escape(quoted(_cut(one_line(side.quote), quote_limit)))}",
        f"> {slack_escape(_sources_line(side))}",
        *([f"> {sure}"] if (sure := _confidence_line(side)) else []),
    ]


def _slack_code(value: object) -> str:
    """Our own identifiers (metric names, deal and alert ids) as inline code: markers stay literal."""
    text = (
        one_line(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("`", "'")
    )
    return f"`{text}`" if text else ""


def _slack_metric(alert: AlertRecord) -> str:
    metric = _slack_code(alert.metric)
    if alert.subject and alert.subject != alert.deal_id:
        return f"{metric} ({slack_escape(alert.subject)})"
    return metric


def _slack_headline(alert: AlertRecord) -> str:
    label = _KIND_LABEL.get(alert.kind, alert.kind)
    if alert.kind in ("feed_failing", "feed_recovered"):
        return f"*{label}:* {slack_escape(_feed_name(alert))}"
    head = f"*{label}:* {slack_escape(deal_name(alert))}"
    if alert.metric:
        head += f" — {_slack_metric(alert)}"
    if alert.kind == "new_figure" and alert.figure is not None:
        head += f": {slack_escape(alert.figure.stated)}"
    if alert.kind == "contradiction" and alert.figure is not None and alert.other is not None:
        head += f": {slack_escape(alert.figure.stated)} vs {slack_escape(alert.other.stated)}"
    return head


def _slack_lines(
    alert: AlertRecord, quote_limit: int | None, report_url: str | None = None
) -> list[str]:
    lines = [_slack_headline(alert)]
    if alert.kind in ("feed_failing", "feed_recovered"):
        lines.append(f"*Feed:* {slack_link(alert.feed_url, _feed_name(alert))}")
        if alert.detail:
            label = "Error" if alert.kind == "feed_failing" else "Last error"
            lines.append(f"*{label}:* {slack_escape(_cut(one_line(alert.detail), quote_limit))}")
    else:
        deal = f"*Deal:* {slack_escape(deal_name(alert))}"
        if alert.deal_id:
            deal += f" ({_slack_code(alert.deal_id)})"
        if alert.deal_kind:
            deal += f", {slack_escape(deal_kind_words(alert))}"
        lines.append(deal)
        if alert.people:
            lines.append(f"*People:* {', '.join(slack_escape(p) for p in alert.people)}")
        if alert.kind == "contradiction" and alert.figure and alert.other:
            lines += _slack_side("New", alert.figure, quote_limit)
            lines += _slack_side("Disagrees with", alert.other, quote_limit)
        elif alert.figure:
            lines += _slack_side("Figure", alert.figure, quote_limit)
        if alert.kind == "new_deal":
            if alert.source or alert.title or alert.url:
                source = slack_escape(alert.source) or "unknown outlet"
                lines.append(
                    f"*Source:* {source} — {slack_link(alert.url, alert.title or alert.url)}"
                )
            if alert.detail:
                lines.append(f"> “{slack_escape(_cut(one_line(alert.detail), quote_limit))}”")
    if alert.reason:
        lines.append(f"_Why:_ {slack_escape(alert.reason)}")
    if report_url:
        lines.append(f"*Report:* {slack_link(report_url, _REPORT_LABEL)}")
    lines.append(f"alert {_slack_code(alert.alert_id)}")
    return lines


def _slack_pointer(alert_id: str, more_url: str | None) -> str:
    if more_url:
        return f"_Cut to fit Slack: {slack_link(more_url, 'the full alert')}_"
    return f"_Cut to fit Slack: the rest is in_ {_slack_code(f'dealwatch alerts why {alert_id}')}"


def _quote_lengths(alert: AlertRecord) -> list[int]:
    texts = [alert.detail or ""]
    texts += [one_line(s.quote) for s in (alert.figure, alert.other) if s is not None]
    return [len(one_line(t)) for t in texts]


def _hard_cut(text: str, limit: int) -> str:
    """Cut mrkdwn without splitting an ``&amp;`` entity or a ``<link|label>``."""
    cut = text[:limit]
    amp, semi = cut.rfind("&"), cut.rfind(";")
    if amp > semi:
        cut = cut[:amp]
    opened, closed = cut.rfind("<"), cut.rfind(">")
    if opened > closed:
        cut = cut[:opened]
    return cut


def render_slack(
    alert: AlertRecord,
    *,
    max_chars: int = SLACK_MAX_CHARS,
    more_url: str | None = None,
    report_url: str | None = None,
) -> str:
    """Slack mrkdwn; over ``max_chars`` the quotes are cut and a pointer to the rest added
    (``more_url``, else the alert's place in the report, else ``dealwatch alerts why``)."""
    more_url = more_url or report_url
    full = "\n".join(_slack_lines(alert, None, report_url))
    if len(full) <= max_chars:
        return full
    pointer = _slack_pointer(alert.alert_id, more_url)
    longest = max(_quote_lengths(alert), default=0)
    limit = longest
    while limit > MIN_QUOTE_CHARS:
        limit = max(MIN_QUOTE_CHARS, limit - (len(full) - max_chars) - len(pointer) - 1)
        text = "\n".join([*_slack_lines(alert, limit, report_url), pointer])
        if len(text) <= max_chars:
            return text
        full = "\n".join(_slack_lines(alert, limit, report_url))
    text = "\n".join(_slack_lines(alert, MIN_QUOTE_CHARS, report_url))
    return _hard_cut(text, max_chars - len(pointer) - 2) + _ELLIPSIS + "\n" + pointer


# --- e-mail ----------------------------------------------------------------


def template_environment(package: str) -> Environment:
    """Jinja2 over the ``templates/`` folder of ``package``, escaping every value it is handed and
    failing on an undefined one: how the e-mails here and the report's pages are written."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# The HTML is written by Jinja2 templates (alerts/templates/) with autoescaping: every value
# handed to them is text, made one line here and escaped there.
_TEMPLATES = template_environment("alerts")


def _link(url: str | None, label: object) -> dict[str, Any]:
    return {
        "url": one_line(url) if url else "",
        "label": one_line(label),
        "web": bool(url) and is_web_url(url),
        "same": bool(url) and one_line(url) == one_line(label),
    }


def _side_row(label: str, side: FigureSide) -> dict[str, Any]:
    return {
        "kind": "side",
        "label": label,
        "stated": one_line(side.stated),
        "interval": one_line(interval(side)),
        "source": one_line(side.source),
        "link": _link(side.url, side.title or side.url),
        "published": side.published.isoformat() if side.published else "date unknown",
        "quote": one_line(quoted(one_line(side.quote))),
        "sources": one_line(_sources_line(side)),
        "confidence": _confidence_line(side) or "",
    }


def _email_rows(alert: AlertRecord, report_url: str | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def text(label: str, value: object) -> None:
        rows.append({"kind": "text", "label": label, "text": one_line(value)})

    if alert.kind in ("feed_failing", "feed_recovered"):
        rows.append(
            {"kind": "link", "label": "Feed", "link": _link(alert.feed_url, _feed_name(alert))}
        )
        if alert.detail:
            text("Error" if alert.kind == "feed_failing" else "Last error", alert.detail)
    else:
        rows.append(
            {
                "kind": "deal",
                "label": "Deal",
                "name": one_line(deal_name(alert)),
                "deal_id": one_line(alert.deal_id) if alert.deal_id else "",
                "deal_kind": one_line(deal_kind_words(alert)) if alert.deal_kind else "",
            }
        )
        if alert.people:
            text("People", ", ".join(one_line(p) for p in alert.people))
        if alert.metric:
            text("Metric", _metric_name(alert))
        if alert.kind == "contradiction" and alert.figure and alert.other:
            rows.append(_side_row("New", alert.figure))
            rows.append(_side_row("Disagrees with", alert.other))
        elif alert.figure:
            rows.append(_side_row("Figure", alert.figure))
        if alert.kind == "new_deal":
            if alert.source or alert.title or alert.url:
                rows.append(
                    {
                        "kind": "source",
                        "label": "Source",
                        "source": one_line(alert.source),
                        "link": _link(alert.url, alert.title or alert.url),
                    }
                )
            if alert.detail:
                rows.append(
                    {"kind": "evidence", "label": "Evidence", "text": one_line(alert.detail)}
                )
    if alert.reason:
        text("Why", alert.reason)
    if report_url:
        rows.append({"kind": "link", "label": "Report", "link": _link(report_url, _REPORT_LABEL)})
    rows.append(
        {
            "kind": "alert",
            "label": "Alert",
            "alert_id": one_line(alert.alert_id),
            "alert_kind": one_line(alert.kind),
            "created": one_line(alert.created_at.isoformat()),
        }
    )
    return rows


def _html_body(alert: AlertRecord, report_url: str | None = None) -> str:
    return _TEMPLATES.get_template("alert_email.html.j2").render(
        headline=one_line(headline(alert)), rows=_email_rows(alert, report_url)
    )


def render_email(alert: AlertRecord, *, report_url: str | None = None) -> EmailMessageParts:
    return EmailMessageParts(
        subject=email_subject(alert),
        text=render_text(alert, report_url=report_url),
        html=_html_body(alert, report_url),
    )


# --- JSON ------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def render_json(alert: AlertRecord, *, report_url: str | None = None) -> dict[str, Any]:
    """Every field of the alert (dates ISO), plus its headline and, when the report is
    published, ``report_url``: the alert's place on its deal's page."""
    data = {f.name: _jsonable(dataclasses.asdict(alert)[f.name]) for f in dataclasses.fields(alert)}
    data["headline"] = headline(alert)
    if report_url:
        data["report_url"] = report_url
    return data


# --- digests ---------------------------------------------------------------


def _digest_title(alerts: Sequence[AlertRecord]) -> str:
    counts: dict[str, int] = {}
    for alert in alerts:
        counts[alert.kind] = counts.get(alert.kind, 0) + 1
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    return f"[dealwatch] {len(alerts)} alerts: {parts}"


def render_digest(
    alerts: Sequence[AlertRecord],
    fmt: DigestFormat,
    *,
    max_chars: int = SLACK_MAX_CHARS,
    report_base_url: str | None = None,
) -> str | EmailMessageParts | dict[str, Any]:
    """One message summarising many alerts: a line each, then where to read them in full
    (and the published report's index, when ``report_base_url`` is set)."""
    title = _digest_title(alerts)
    shown = list(alerts)[:DIGEST_MAX_LINES]
    rest = len(alerts) - len(shown)
    footer = "Full alerts: `dealwatch alerts why ID`, or `dealwatch alerts list`."
    if report_base_url:
        footer += f" Report: {one_line(report_base_url.rstrip('/'))}/{INDEX_PAGE}"
    if fmt == "json":
        return {
            "digest": True,
            "title": title,
            "count": len(alerts),
            "alerts": [
                render_json(
                    a,
                    report_url=report_link(report_base_url, deal_id=a.deal_id, alert_id=a.alert_id),
                )
                for a in alerts
            ],
        }
    if fmt == "slack":
        lines = [f"*{slack_escape(title)}*"]
        lines += [f"• {_slack_headline(a)} ({_slack_code(a.alert_id)})" for a in shown]
        tail = [f"…and {rest} more" if rest else "", footer]
        text = "\n".join(lines)
        ending = "\n".join(t for t in tail if t)
        if len(text) + len(ending) + 1 > max_chars:
            cut = _hard_cut(text, max_chars - len(ending) - 3)
            text = cut[: cut.rfind("\n")] if "\n" in cut else cut
            hidden = len(alerts) - text.count("\n•")
            ending = "\n".join([f"…and {hidden} more", footer])
        return f"{text}\n{ending}"
    text_lines = [title, ""]
    text_lines += [f"- {headline(a)} [{a.alert_id}]" for a in shown]
    if rest:
        text_lines.append(f"...and {rest} more")
    text_lines += ["", footer.replace("`", "")]
    text = "\n".join(text_lines)
    if fmt == "text":
        return text
    body = _TEMPLATES.get_template("digest_email.html.j2").render(
        title=one_line(title),
        items=[
            {"headline": one_line(headline(a)), "alert_id": one_line(a.alert_id)} for a in shown
        ],
        rest=rest,
        footer=one_line(footer.replace("`", "")),
    )
    return EmailMessageParts(subject=one_line(title)[:SUBJECT_MAX_CHARS], text=text, html=body)
