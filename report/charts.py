"""The report's charts: Vega-Lite specs built with Altair, rendered offline to inline SVG.

vl-convert carries Vega and Vega-Lite inside its wheel, so a chart is drawn
without a browser and without the network, and the page holds the SVG itself
(nothing to fetch, readable offline and in a mail attachment). Vega escapes
the text it draws (outlet names come from articles); the SVG is parsed once
more and anything that could act (script, links, event handlers, foreign
content) is dropped before it is inlined.

Charts are drawn at phone width (``CHART_WIDTH``) and scale with the page: a
desktop lays them out side by side instead of stretching them.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import altair as alt
import vl_convert
from defusedxml.ElementTree import fromstring as parse_xml

from report.model import Activity, DealPage, FigureStory

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

#: Plot width of the charts, in px: with its labels a chart fits a 375 px phone screen.
CHART_WIDTH = 320
#: Height of one row (one article's statement) of a figure chart: its label, and its bar below.
ROW_HEIGHT = 40
BAR_HEIGHT = 12
BAR_OFFSET = 9
FONT = "sans-serif"
MAX_ENLARGEMENT = 1.3
COLOURS = {
    "agrees": "#2b6cb0",  # agrees with the accepted value
    "dissents": "#c2410c",  # disjoint from it: a contradiction
    "unsettled": "#6b7280",  # no accepted value yet
}
ACCEPTED_FILL = "#16a34a"
#: An exact accepted value is a band this many px wide, so that it shows.
EXACT_BAND_PX = 8
YEAR_PAD = 3.0
# Elements and attributes that never reach a page, whatever Vega writes.
_DROPPED_TAGS = {"script", "foreignObject", "a", "image", "style", "iframe", "use"}
_LINK_ATTRIBUTES = {"href", "{http://www.w3.org/1999/xlink}href"}


@dataclass(frozen=True, slots=True)
class ChartScale:
    """How a metric's numbers are written on an axis: divided by ``divisor``, titled ``title``."""

    divisor: float
    title: str
    number_format: str


def chart_scale(unit: str, largest: float) -> ChartScale:
    unit_l = unit.lower()
    if unit_l == "usd":
        for divisor, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if largest >= divisor:
                return ChartScale(divisor, f"US$ {word}", ",.4~g")
        return ChartScale(1.0, "US$", ",.4~g")
    if unit_l == "pct":
        return ChartScale(1.0, "percent", ".3~g")
    if unit_l == "year":
        return ChartScale(1.0, "year", "d")
    return ChartScale(1.0, unit or "value", ",.4~g")


def _domain(story: FigureStory) -> tuple[float, float]:
    """The values every claim and the accepted value reach, with room for open ends."""
    ends = [v for c in story.claims for v in (c.low, c.high) if v is not None and math.isfinite(v)]
    ends += [v for v in (story.accepted_low, story.accepted_high) if v is not None]
    if not ends:
        return (0.0, 1.0)
    low, high = min(ends), max(ends)
    span = high - low
    if span > 0:
        pad = span * 0.12
    elif story.unit.lower() == "year":
        pad = YEAR_PAD  # 2016 ± 5% would span a century
    else:
        pad = max(abs(low) * 0.05, 1.0)
    has_open_low = any(c.low is None for c in story.claims)
    has_open_high = any(c.high is None for c in story.claims)
    return (low - pad * (2 if has_open_low else 1), high + pad * (2 if has_open_high else 1))


def _claim_label(claim: Any) -> str:
    when = claim.article.published.strftime("%-d %b %Y") if claim.article.published else "undated"
    copy = f", copy of {claim.copy_of}" if claim.copy_of else ""
    stated = " / ".join(f"“{s}”" for s in claim.stated)
    return f"{claim.article.outlet}{copy} · {when} · {stated}"


def figure_chart_spec(story: FigureStory) -> dict[str, Any]:
    """Each article's interval for one figure, a row each (oldest on top), over the accepted band.

    Two sides of a contradiction are bars that do not overlap; a bar in the
    accepted band agrees with it. An open end runs to the edge, with an arrow.
    """
    lo_edge, hi_edge = _domain(story)
    largest = max(abs(lo_edge), abs(hi_edge))
    scale = chart_scale(story.unit, largest)
    rows = []
    for index, claim in enumerate(story.claims):
        side = "unsettled" if claim.agrees is None else ("agrees" if claim.agrees else "dissents")
        low = lo_edge if claim.low is None else claim.low
        high = hi_edge if claim.high is None else claim.high
        rows.append(
            {
                "row": f"{index:03d}",
                "label": _claim_label(claim),
                "low": low / scale.divisor,
                "high": high / scale.divisor,
                "mid": (low + high) / 2 / scale.divisor,
                "exact": claim.low is not None and claim.low == claim.high,
                "open_low": claim.low is None,
                "open_high": claim.high is None,
                "side": side,
                "description": f"{claim.article.outlet}: {', '.join(claim.stated)} "
                f"({claim.normalised}); {_side_words(side)}",
            }
        )
    x = alt.X(
        "low:Q",
        title=scale.title,
        scale=alt.Scale(
            domain=[lo_edge / scale.divisor, hi_edge / scale.divisor], nice=False, zero=False
        ),
        axis=alt.Axis(format=scale.number_format, tickCount=5, labelFlush=True, grid=True),
    )
    y = alt.Y("row:N", axis=None, sort=None)
    colour = alt.Color(
        "side:N",
        scale=alt.Scale(domain=list(COLOURS), range=list(COLOURS.values())),
        legend=None,
    )
    data = alt.Data(values=rows)
    base = alt.Chart(data)
    layers: list[Any] = []
    if story.accepted_low is not None or story.accepted_high is not None:
        band_low = lo_edge if story.accepted_low is None else story.accepted_low
        band_high = hi_edge if story.accepted_high is None else story.accepted_high
        band = alt.Data(
            values=[
                {
                    "low": band_low / scale.divisor,
                    "high": band_high / scale.divisor,
                    "mid": (band_low + band_high) / 2 / scale.divisor,
                    "description": f"accepted value: {story.accepted}",
                }
            ]
        )
        if band_low == band_high:  # a vertical rule across the rows, wide enough to see
            accepted_mark = (
                alt.Chart(band)
                .mark_rule(color=ACCEPTED_FILL, opacity=0.3, strokeWidth=EXACT_BAND_PX)
                .encode(x=x, description="description:N")
            )
        else:
            accepted_mark = (
                alt.Chart(band)
                .mark_rect(color=ACCEPTED_FILL, opacity=0.16, stroke=ACCEPTED_FILL, strokeWidth=1)
                .encode(x=x, x2="high:Q", description="description:N")
            )
        layers.append(accepted_mark)
        layers.append(
            alt.Chart(band)
            .mark_text(
                text="accepted",
                color="#166534",
                fontSize=11,
                fontWeight="bold",
                baseline="bottom",
                dy=-2,
                font=FONT,
            )
            .encode(x=alt.X("mid:Q"), y=alt.value(0))
        )
    layers += [
        base.mark_bar(height=BAR_HEIGHT, cornerRadius=2, yOffset=BAR_OFFSET).encode(
            x=x, x2="high:Q", y=y, color=colour, description="description:N"
        ),
        base.transform_filter("datum.exact")
        .mark_point(filled=True, size=90, opacity=1, yOffset=BAR_OFFSET)
        .encode(x="low:Q", y=y, color=colour, description="description:N"),
        base.transform_filter("datum.open_high")
        .mark_text(text="▶", fontSize=12, align="left", yOffset=BAR_OFFSET, font=FONT)
        .encode(x="high:Q", y=y, color=colour),
        base.transform_filter("datum.open_low")
        .mark_text(text="◀", fontSize=12, align="right", yOffset=BAR_OFFSET, font=FONT)
        .encode(x="low:Q", y=y, color=colour),
        base.mark_text(
            align="left", baseline="bottom", fontSize=12, dy=-1, font=FONT, limit=CHART_WIDTH
        ).encode(x=alt.value(0), y=y, text="label:N", color=alt.value("#1f2937")),
    ]
    chart = alt.layer(*layers).properties(
        width=CHART_WIDTH, height=alt.Step(ROW_HEIGHT), description=figure_chart_text(story)
    )
    return _configured(chart)


def _side_words(side: str) -> str:
    return {
        "agrees": "agrees with the accepted value",
        "dissents": "disagrees with the accepted value",
        "unsettled": "no accepted value yet",
    }[side]


def figure_chart_text(story: FigureStory) -> str:
    """The chart in one sentence: its text alternative."""
    parts = [f"{c.article.outlet}: {', '.join(c.stated)}" for c in story.claims]
    accepted = f"; accepted value {story.accepted}" if story.accepted else ""
    return (
        f"{story.metric_label} of {story.subject_label}, as each source stated it: "
        + "; ".join(parts)
        + accepted
    )


def _days_from_to(first: date, last: date) -> alt.Scale:
    """A time scale from the day before ``first`` to the day after ``last``: no mark on an edge."""
    return alt.Scale(
        domain=[(first - timedelta(days=1)).isoformat(), (last + timedelta(days=1)).isoformat()]
    )


def activity_chart_spec(
    activity: Activity, *, width: int = 160, height: int = 36
) -> dict[str, Any]:
    """Articles per day (stated dates), a bar each, from the first to the last day."""
    first, last = activity.days[0].day, activity.days[-1].day
    rows = [{"day": d.day.isoformat(), "articles": d.articles} for d in activity.days]
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color=COLOURS["agrees"], width=5)
        .encode(
            x=alt.X("day:T", axis=None, scale=_days_from_to(first, last)),
            y=alt.Y("articles:Q", axis=None, scale=alt.Scale(domainMin=0)),
            description="articles:Q",
        )
    )
    baseline = (
        alt.Chart(alt.Data(values=[{}])).mark_rule(color="#cbd5e1").encode(y=alt.value(height))
    )
    chart = alt.layer(bars, baseline).properties(
        width=width, height=height, description=activity_text(activity)
    )
    return _configured(chart, padding=2)


def activity_text(activity: Activity) -> str:
    if not activity.days:
        return f"{activity.undated} articles, none with a stated date"
    first, last = activity.days[0].day, activity.days[-1].day
    span = _day_words(first) if first == last else f"{_day_words(first)} to {_day_words(last)}"
    busiest = max(activity.days, key=lambda d: (d.articles, d.day))
    text = (
        f"{activity.dated} dated articles, {span}; most on {_day_words(busiest.day)} "
        f"({busiest.articles})"
    )
    return text + (f"; {activity.undated} undated" if activity.undated else "")


def coverage_chart_spec(page: DealPage) -> dict[str, Any] | None:
    """The timeline at a glance: a lane per outlet, a dot per dated article (hollow: a copy)."""
    rows = []
    for story in page.stories:
        for ref in (story.original, *story.copies):
            if ref.published is None:
                continue
            rows.append(
                {
                    "day": ref.published.isoformat(),
                    "outlet": ref.outlet,
                    "kind": "copy" if ref.is_copy else "original",
                    "description": f"{ref.outlet}, {_day_words(ref.published)}: {ref.title or 'untitled'}"
                    + (" (copy)" if ref.is_copy else ""),
                }
            )
    if not rows:
        return None
    days = sorted(date.fromisoformat(r["day"]) for r in rows)
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_point(size=110, strokeWidth=2, opacity=1)
        .encode(
            x=alt.X(
                "day:T",
                title=None,
                scale=_days_from_to(days[0], days[-1]),
                axis=alt.Axis(format="%-d %b", tickCount=4, labelFlush=True),
            ),
            y=alt.Y("outlet:N", title=None, sort=None, axis=alt.Axis(labelLimit=110)),
            fill=alt.Fill(
                "kind:N",
                scale=alt.Scale(domain=["original", "copy"], range=[COLOURS["agrees"], "white"]),
                legend=None,
            ),
            color=alt.value(COLOURS["agrees"]),
            description="description:N",
        )
        .properties(
            width=CHART_WIDTH - 110,
            height=alt.Step(26),
            description=f"Articles by outlet over time: {len(rows)} dated articles from "
            f"{len({r['outlet'] for r in rows})} outlets",
        )
    )
    return _configured(chart)


def _day_words(day: date) -> str:
    return day.strftime("%-d %b %Y")


def _configured(chart: Any, *, padding: int = 6) -> dict[str, Any]:
    spec: dict[str, Any] = chart.configure(
        background="transparent",
        font=FONT,
        padding=padding,
        axis={
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelColor": "#374151",
            "titleColor": "#374151",
        },
        view={"stroke": None},
    ).to_dict()
    return spec


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG, drawn by the Vega bundled in vl-convert (no network, no browser)."""
    return str(vl_convert.vegalite_to_svg(spec))


def inline_svg(svg: str, *, label: str) -> str:
    """SVG ready to sit in a page: inert, sized by the page, with ``label`` as its text alternative."""
    root = parse_xml(svg)
    _drop_active_content(root)
    width = root.get("width")
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("role", "img")
    root.set("aria-label", label)
    root.set("focusable", "false")
    if width:
        # A chart may grow a little on a wide screen, never so much that its text looms.
        root.set("style", f"max-width:{float(width) * MAX_ENLARGEMENT:.0f}px")
    title = ET.Element(f"{{{SVG_NS}}}title")
    title.text = label
    root.insert(0, title)
    return ET.tostring(root, encoding="unicode")


def _drop_active_content(element: ET.Element) -> None:
    for child in list(element):
        tag = child.tag.split("}")[-1]
        if tag in _DROPPED_TAGS:
            element.remove(child)
            continue
        _drop_active_content(child)
    for name in list(element.attrib):
        local = name.split("}")[-1].lower()
        if local.startswith("on") or (
            name in _LINK_ATTRIBUTES and not element.attrib[name].startswith("#")
        ):
            del element.attrib[name]


def chart(spec: dict[str, Any], label: str) -> str:
    return inline_svg(render_svg(spec), label=label)
