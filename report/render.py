"""Page models to HTML: Jinja2 templates, autoescaped, with the charts inlined as SVG.

Every string from an article (title, outlet, quote, URL) reaches the page
through an autoescaped expression; the only markup not written by the
templates is the charts' SVG, made inert by ``charts.inline_svg``. Pages carry
a Content-Security-Policy that allows no script and no request at all, so even
a mistake here could not make a page fetch anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from alerts.links import FEEDS_ANCHOR
from alerts.render import template_environment
from report import charts
from report.model import DealPage, IndexPage

ChartRenderer = Callable[[dict[str, Any], str], str]


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%-d %b %Y")


def _moment(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%-d %b %Y %H:%M %Z").strip()


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def environment() -> Environment:
    env = template_environment("report")
    env.filters.update(day=_day, moment=_moment, iso=_iso, plural=_plural)
    # The stylesheet is ours and goes in whole (not parsed as a template: CSS may hold "{#").
    assert env.loader is not None
    stylesheet = env.loader.get_source(env, "report.css")[0]
    env.globals.update(feeds_anchor=FEEDS_ANCHOR, stylesheet=Markup(stylesheet))
    return env


def _svg(render_chart: ChartRenderer, spec: dict[str, Any] | None, label: str) -> Markup | None:
    if spec is None:
        return None
    # The SVG is Vega's output, parsed and stripped of anything active by charts.inline_svg.
    return Markup(render_chart(spec, label))


def render_index(
    page: IndexPage, *, built_at: datetime, render_chart: ChartRenderer = charts.chart
) -> str:
    activity = {
        deal.deal_id: _svg(
            render_chart,
            charts.activity_chart_spec(deal.activity) if deal.activity.days else None,
            f"Coverage of {deal.title}: {charts.activity_text(deal.activity)}",
        )
        for deal in page.deals
    }
    return (
        environment()
        .get_template("index.html.j2")
        .render(page=page, activity=activity, built_at=built_at, root="")
    )


def render_deal(
    page: DealPage, *, built_at: datetime, render_chart: ChartRenderer = charts.chart
) -> str:
    summary = page.summary
    figure_charts = {
        story.anchor: _svg(
            render_chart, charts.figure_chart_spec(story), charts.figure_chart_text(story)
        )
        for story in page.figures
    }
    coverage_spec = charts.coverage_chart_spec(page)
    coverage = _svg(
        render_chart,
        coverage_spec,
        str(coverage_spec.get("description", "")) if coverage_spec else "",
    )
    activity = _svg(
        render_chart,
        charts.activity_chart_spec(summary.activity) if summary.activity.days else None,
        f"Coverage of {summary.title}: {charts.activity_text(summary.activity)}",
    )
    return (
        environment()
        .get_template("deal.html.j2")
        .render(
            page=page,
            summary=summary,
            figure_charts=figure_charts,
            coverage=coverage,
            activity=activity,
            built_at=built_at,
            root="../",
        )
    )
