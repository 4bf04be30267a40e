"""A deterministic corpus shaped like the news pages a run meets, rather than like one template.

The generated corpus (``corpus.py``) gives every page the same chrome and a body of
600-1,500 English words. Real pages differ more than that, and extraction's cost
follows the page. Here each of sixteen outlets has a language and a CMS's markup,
and each page a size drawn from a long-tailed spread:

* **sizes**: the body's text from under 1 KB (a brief) through a typical story
  (2-20 KB, about 300 to 3,000 English words) and long reads (20-80 KB) to live
  blogs and transcripts of 80-200 KB (``FORMS``), log-uniform within each band;
* **markup**: ``wordpress`` (``entry-content``, widgets, a comment list),
  ``react`` (hashed class names, every paragraph inside two ``div``, the article
  again as JSON in ``__NEXT_DATA__``, an inline style sheet), ``legacy`` (table
  layout, paragraphs separated by ``<br><br>``) and ``lean`` (AMP-like);
  around the body, drawn per page (``EXTRAS``): a cookie banner, JSON-LD (some
  with the whole ``articleBody``), ad and analytics scripts, an inline state
  object, related stories, most-read lists, a newsletter box, comments, and in
  the body figures with captions, tables, embeds, "read also" links and subheads;
* **languages**: half the outlets write English, the others German, French,
  Spanish, Portuguese, Japanese, Korean and Chinese, from the sentence templates
  and small word lists of ``realshaped.toml``, written for this benchmark;
* **deals**: as in the generated corpus, about one page in fifteen reports a
  talent deal with figures, in the outlet's language.

Nothing is downloaded. Page ``i`` draws from its own ``random.Random``, so the same
seed gives the same bytes and a page does not depend on how many others there are.
"""

from __future__ import annotations

import json
import math
import random
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from pathlib import Path
from typing import Any

from benchmarks.corpus import (
    AD_SCRIPTS,
    COMPANIES,
    DEAL_SAFE_SENTENCES,
    DEAL_SHARE,
    DEFAULT_SEED,
    FOUNDERS,
    NEWEST,
    PEOPLE,
    SECTIONS,
    SENTENCES,
    STARTUPS,
    TOPICS,
    ArticleSpec,
    deal_paragraphs,
    feed_positions,
    fill_sentence,
    headline,
)

# (form, share of pages, smallest and largest body text in bytes): a long tail of very long pages.
FORMS = (
    ("brief", 0.12, 700, 2_000),
    ("story", 0.70, 2_000, 20_000),
    ("longread", 0.13, 20_000, 80_000),
    ("live", 0.05, 80_000, 200_000),
)
# Share of pages carrying each piece of chrome or body furniture.
EXTRAS = {
    "cookie": 0.7,
    "jsonld": 0.85,
    "jsonld_body": 0.3,
    "ad_scripts": 0.4,
    "state": 0.5,
    "related": 0.8,
    "most_read": 0.6,
    "newsletter": 0.4,
    "comments": 0.3,
    "figure": 0.6,
    "table": 0.15,
    "embed": 0.15,
    "read_also": 0.5,
}
STYLES = ("wordpress", "react", "legacy", "lean")


@dataclass(frozen=True)
class PageSpec(ArticleSpec):
    """An article of this corpus: its outlet's markup and its page's form besides."""

    style: str = "lean"
    form: str = "story"


# --- text ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrasebook:
    """One language's sentences: templates filled from small word lists, in the language's script."""

    sentences: tuple[str, ...]
    deal_leads: tuple[str, ...]
    deal_follow: tuple[str, ...]
    companies: tuple[str, ...]
    people: tuple[str, ...]
    cities: tuple[str, ...]
    small: tuple[str, ...]
    acquirers: tuple[str, ...] = ("Meta", "Google", "Microsoft", "Amazon", "Nvidia", "Apple")
    decimal: str = ","
    joiner: str = " "

    def sentence(self, rng: random.Random, deal_page: bool = False) -> str:  # noqa: ARG002 - no sentence states a headcount
        company, company2 = rng.sample(self.companies, 2)
        return rng.choice(self.sentences).format(
            company=company,
            company2=company2,
            person=rng.choice(self.people),
            city=rng.choice(self.cities),
            small=rng.choice(self.small),
            pct=f"{rng.randint(1, 19)}{self.decimal}{rng.randint(0, 9)}",
            num=rng.randint(120, 990),
        )

    def deal(self, rng: random.Random) -> list[str]:
        whole, tenth = rng.randint(1, 15), rng.randint(1, 9)
        licence, valuation = rng.choice((300, 400, 600, 900)), rng.randint(3, 40)
        values = {
            "acquirer": rng.choice(self.acquirers),
            "startup": rng.choice(STARTUPS),
            "founder": rng.choice(FOUNDERS),
            "amount": f"{whole}{self.decimal}{tenth}",
            "oku": whole * 10 + tenth,  # hundreds of millions: 億, 억, 亿
            "stake": rng.choice((25, 30, 40, 49)),
            "licence": licence,
            "licence_oku": licence // 100,
            "valuation": valuation,
            "valuation_oku": valuation * 10,
            "staff": rng.choice((20, 35, 60, 120)),
            "founded": rng.randint(2016, 2023),
            "headcount": rng.choice((80, 150, 240, 400)),
        }
        lead = rng.choice(self.deal_leads).format(**values)
        follow = self.joiner.join(t.format(**values) for t in rng.sample(self.deal_follow, 2))
        return [lead, follow]

    def headline(self, rng: random.Random, is_deal: bool, lead: str) -> str:
        text = lead if is_deal else self.sentence(rng)
        for mark in ("。", "，", "、", ";", ", ", ". "):
            text = text.split(mark)[0]
        return text.rstrip(".")[:90]


class EnglishText:
    """English as the generated corpus writes it."""

    joiner = " "
    companies = COMPANIES
    people = PEOPLE

    def sentence(self, rng: random.Random, deal_page: bool = False) -> str:
        return fill_sentence(rng, rng.choice(DEAL_SAFE_SENTENCES if deal_page else SENTENCES))

    def deal(self, rng: random.Random) -> list[str]:
        return deal_paragraphs(rng)

    def headline(self, rng: random.Random, is_deal: bool, lead: str) -> str:
        return headline(rng, is_deal, lead)


WORDS = tomllib.loads(Path(__file__).with_name("realshaped.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Language:
    """What a page in one language says, and the words its chrome is made of."""

    code: str
    text: Phrasebook | EnglishText
    sections: tuple[str, ...]
    chrome: dict[str, str]  # ad, comments, related, most_read, cookie, accept, newsletter, ...

    def word(self, key: str) -> str:
        return self.chrome[key]


def _language(code: str) -> Language:
    """One language of ``realshaped.toml``: English's text is the generated corpus's."""
    words: dict[str, Any] = {
        k: v if isinstance(v, str | dict) else tuple(v) for k, v in WORDS[code].items()
    }
    chrome, sections = words.pop("chrome"), words.pop("sections", SECTIONS)
    text = EnglishText() if code == "en" else Phrasebook(**words)
    return Language(code, text, sections, chrome)


LANGUAGES = {code: _language(code) for code in WORDS}


@dataclass(frozen=True)
class Outlet:
    """A site: the language it writes in and its CMS's markup (one of ``STYLES``)."""

    name: str
    language: str
    style: str
    slug: str


OUTLETS = (
    Outlet("The Harbour Gazette", "en", "wordpress", "harbour"),
    Outlet("Rheinische Wirtschaftszeitung", "de", "react", "rwz"),
    Outlet("Metro Ledger", "en", "react", "metro"),
    Outlet("東都経済新聞", "ja", "legacy", "toto"),
    Outlet("Wire Desk", "en", "lean", "wire"),
    Outlet("Le Courrier Économique", "fr", "wordpress", "courrier"),
    Outlet("The Capital Chronicle", "en", "react", "capital"),
    Outlet("한빛경제", "ko", "legacy", "hanbit"),
    Outlet("Pacific Dispatch", "en", "legacy", "pacific"),
    Outlet("El Diario Financiero del Sur", "es", "react", "diario"),
    Outlet("Valley Business Journal", "en", "wordpress", "valley"),
    Outlet("华夏财经网", "zh", "react", "huaxia"),
    Outlet("Global Markets Today", "en", "lean", "gmt"),
    Outlet("Hanse Kurier", "de", "wordpress", "hanse"),
    Outlet("Northern Star Online", "en", "wordpress", "northern"),
    Outlet("Folha do Mercado", "pt", "wordpress", "folha"),
)


# --- specs ---------------------------------------------------------------------------------------


def _form(rng: random.Random) -> tuple[str, int]:
    """A page's form and its body's size in bytes of text: log-uniform within the form's band."""
    draw = rng.random()
    for name, share, low, high in FORMS:
        if draw < share:
            return name, int(math.exp(rng.uniform(math.log(low), math.log(high))))
        draw -= share
    return FORMS[-1][0], FORMS[-1][3]


def _slug(title: str, index: int) -> str:
    words = ["".join(c for c in w.lower() if c.isascii() and c.isalnum()) for w in title.split()]
    return "-".join([w for w in words if w][:8] or ["story"]) + f"-{index}"


def article_spec(index: int, *, feed: int, position: int, seed: int = DEFAULT_SEED) -> PageSpec:
    """Article ``index``: item ``position`` (0 = newest) of feed ``feed``, whose outlet sets its
    language and markup."""
    rng = random.Random(f"real-shaped:{seed}:{index}")
    outlet = OUTLETS[feed % len(OUTLETS)]
    text = LANGUAGES[outlet.language].text
    is_deal = rng.random() < DEAL_SHARE
    form, target = _form(rng)
    paragraphs = text.deal(rng) if is_deal else []
    size = sum(len(p.encode()) for p in paragraphs)
    while size < target:
        count = rng.randint(1, 2) if form == "brief" else rng.randint(2, 5)
        paragraph = text.joiner.join(text.sentence(rng, is_deal) for _ in range(count))
        paragraphs.append(paragraph)
        size += len(paragraph.encode())
    title = text.headline(rng, is_deal, paragraphs[0])
    published = NEWEST - timedelta(hours=6 * position + feed % 6, minutes=rng.randint(0, 59))
    return PageSpec(
        index=index,
        feed=feed,
        path=f"/{outlet.slug}/{published:%Y/%m/%d}/{_slug(title, index)}",
        title=title,
        outlet=outlet.name,
        author=rng.choice(text.people),
        published=published,
        paragraphs=tuple(paragraphs),
        is_deal=is_deal,
        language=outlet.language,
        style=outlet.style,
        form=form,
    )


def corpus_specs(feeds: int, items_per_feed: int, seed: int = DEFAULT_SEED) -> Iterator[PageSpec]:
    """Every article of ``feeds`` feeds of ``items_per_feed`` items, feed by feed."""
    for index, feed, position in feed_positions(feeds, items_per_feed):
        yield article_spec(index, feed=feed, position=position, seed=seed)


# --- the page ------------------------------------------------------------------------------------


def _hashed(rng: random.Random) -> str:
    """A CSS-in-JS class name, as React sites print them."""
    return f"css-{rng.getrandbits(28):07x}"


def _links(rng: random.Random, labels: tuple[str, ...]) -> str:
    """A navigation list, each entry opening a sub-menu of topics."""
    return "".join(
        f'<li class="menu-item"><a href="/{i}/">{escape(label)}</a>'
        + (
            '<ul class="sub-menu">'
            + "".join(
                f'<li><a href="/{i}/{t.replace(" ", "-")}">{t.title()}</a></li>'
                for t in rng.sample(TOPICS, 8)
            )
            + "</ul>"
        )
        + "</li>"
        for i, label in enumerate(labels)
    )


def _headlines(rng: random.Random, language: Language, count: int, css: str) -> str:
    """A list of other stories: related articles, most read."""
    text = language.text
    return "".join(
        f'<li class="{css}"><a href="/story/{rng.randint(10**5, 10**6)}">'
        f'<img src="/img/{rng.randint(1, 9999)}.jpg" alt="" width="320" height="180" loading="lazy">'
        f"<span>{escape(text.headline(rng, False, ''))}</span></a></li>"
        for _ in range(count)
    )


def _comments(rng: random.Random, language: Language) -> str:
    items = "".join(
        f'<li class="comment" id="comment-{rng.randint(10**5, 10**6)}"><div class="comment-author">'
        f"user{rng.randint(1, 9999)}</div><time>{rng.randint(1, 23)}h</time>"
        f'<div class="comment-content"><p>{escape(language.text.sentence(rng))}</p></div>'
        f'<a class="comment-reply-link" href="#">{language.word("reply")}</a></li>'
        for _ in range(rng.randint(5, 80))
    )
    return f'<section id="comments" class="comments-area"><h3>{language.word("comments")}</h3><ol class="comment-list">{items}</ol></section>'


def _table(rng: random.Random, language: Language) -> str:
    rows = "".join(
        f"<tr><td>{escape(rng.choice(language.text.companies))}</td><td>{rng.randint(100, 99_999):,}</td>"
        f"<td>{rng.uniform(-9, 9):+.1f}%</td><td>{rng.randint(1, 400)}</td></tr>"
        for _ in range(rng.randint(5, 40))
    )
    return f'<table class="data-table"><thead><tr><th></th><th>2025</th><th>%</th><th>#</th></tr></thead><tbody>{rows}</tbody></table>'


def _furniture(rng: random.Random, language: Language, spec: PageSpec, k: int) -> str:
    """What a body carries between paragraphs: figures, tables, embeds, links, subheads, ads."""
    text, parts = language.text, []
    if k % 4 == 1 and rng.random() < EXTRAS["figure"]:
        caption = escape(text.headline(rng, False, ""))
        image = f"/img/{spec.index}-{k}"
        parts.append(
            f'<figure class="image"><picture><source srcset="{image}.webp 1x, {image}@2x.webp 2x" type="image/webp">'
            f'<img src="{image}.jpg" alt="{caption}" width="1200" height="675"></picture>'
            f'<figcaption>{caption} <span class="credit">Photo: Agency</span></figcaption></figure>'
        )
    if k % 7 == 3 and rng.random() < EXTRAS["table"]:
        parts.append(_table(rng, language))
    if k % 9 == 5 and rng.random() < EXTRAS["embed"]:
        parts.append(
            f'<blockquote class="social-embed" data-id="{rng.getrandbits(60)}"><p>{escape(text.sentence(rng))}</p>'
            f'— <a href="https://social.example/status/{rng.getrandbits(60)}">@desk</a></blockquote>'
            '<script async src="/embed/widgets.js"></script>'
        )
    if k % 5 == 2 and rng.random() < EXTRAS["read_also"]:
        parts.append(
            f'<p class="read-also"><strong>{language.word("related")}:</strong> <a href="/story/{rng.randint(10**5, 10**6)}">'
            f"{escape(text.headline(rng, False, ''))}</a></p>"
        )
    if spec.form in ("longread", "live") and k % 6 == 5:
        parts.append(f"<h2>{escape(text.headline(rng, False, ''))}</h2>")
    if k % 4 == 3:
        parts.append(
            f'<div class="ad-slot" data-slot="inline-{k}"><span>{language.word("ad")}</span></div>'
        )
    return "".join(parts)


# How each CMS writes one paragraph of the body.
PARAGRAPH: dict[str, Callable[[random.Random, str], str]] = {
    "wordpress": lambda _rng, p: f"<p>{p}</p>",
    "react": lambda rng, p: (
        f'<div class="{_hashed(rng)}" data-component="text-block"><div class="{_hashed(rng)}"><p class="{_hashed(rng)}">{p}</p></div></div>'
    ),
    "legacy": lambda _rng, p: f"{p}<br><br>\n",
    "lean": lambda _rng, p: f"<p>{p}</p>",
}


def _body(rng: random.Random, language: Language, spec: PageSpec) -> str:
    paragraph = PARAGRAPH[spec.style]
    if spec.form != "live":
        return "".join(
            paragraph(rng, escape(p)) + _furniture(rng, language, spec, k)
            for k, p in enumerate(spec.paragraphs)
        )
    updates, minutes = [], 60 * 22
    for k in range(0, len(spec.paragraphs), 2):
        minutes -= rng.randint(3, 25)
        inner = "".join(paragraph(rng, escape(p)) for p in spec.paragraphs[k : k + 2])
        updates.append(
            f'<div class="live-update" id="update-{k}"><time>{minutes // 60 % 24:02d}:{minutes % 60:02d}</time>'
            f"<h3>{escape(language.text.headline(rng, False, ''))}</h3>{inner}{_furniture(rng, language, spec, k)}</div>"
        )
    return "".join(updates)


def _scripts(rng: random.Random, language: Language, spec: PageSpec) -> str:
    """Inline scripts: analytics, ad configuration, JSON-LD, the app's initial state."""
    parts = [
        "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
        f"var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='/gtm.js?id='+i;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer','GTM-{rng.getrandbits(20):05X}');</script>"
    ]
    if rng.random() < EXTRAS["ad_scripts"]:
        parts.append(AD_SCRIPTS)
    if rng.random() < EXTRAS["jsonld"]:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": spec.title,
            "datePublished": spec.published.isoformat(),
            "inLanguage": spec.language,
            "author": {"@type": "Person", "name": spec.author},
            "publisher": {"@type": "Organization", "name": spec.outlet},
        }
        if rng.random() < EXTRAS["jsonld_body"]:
            ld["articleBody"] = "\n".join(spec.paragraphs)
        parts.append(
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        )
    if rng.random() < EXTRAS["state"]:
        stories = [
            {
                "id": rng.getrandbits(40),
                "title": language.text.headline(rng, False, ""),
                "section": rng.choice(language.sections),
            }
            for _ in range(rng.randint(20, 400))
        ]
        parts.append(
            f"<script>window.__INITIAL_STATE__={json.dumps({'stories': stories}, ensure_ascii=False)};</script>"
        )
    return "".join(parts)


def _aside(rng: random.Random, language: Language) -> str:
    parts = []
    if rng.random() < EXTRAS["most_read"]:
        parts.append(
            f'<section class="widget most-read"><h3>{language.word("most_read")}</h3><ol>{_headlines(rng, language, 10, "rank")}</ol></section>'
        )
    if rng.random() < EXTRAS["newsletter"]:
        parts.append(
            f'<section class="widget newsletter"><h3>{language.word("newsletter")}</h3><form action="/subscribe">'
            '<input type="email" name="email" required><button type="submit">OK</button></form></section>'
        )
    parts.append(f'<div class="ad-slot sidebar"><span>{language.word("ad")}</span></div>')
    return "".join(parts)


def page_html(spec: PageSpec) -> bytes:
    """The whole page of one article, as its outlet's CMS serves it."""
    rng = random.Random(f"real-shaped-page:{spec.index}")
    language = LANGUAGES[spec.language]
    title, outlet = escape(spec.title), escape(spec.outlet)
    published = spec.published.isoformat()
    byline = f'{language.word("by")} {escape(spec.author)} · <time datetime="{published}">{spec.published:%Y-%m-%d %H:%M}</time>'
    cookie = (
        f'<div id="consent" role="dialog" aria-modal="true"><p>{language.word("cookie")}</p>'
        f'<button class="accept">{language.word("accept")}</button> <button>Settings</button></div>'
        if rng.random() < EXTRAS["cookie"]
        else ""
    )
    related = (
        f'<section class="related"><h3>{language.word("related")}</h3><ul>{_headlines(rng, language, rng.randint(4, 30), "card")}</ul></section>'
        if rng.random() < EXTRAS["related"]
        else ""
    )
    comments = _comments(rng, language) if rng.random() < EXTRAS["comments"] else ""
    share = f'<div class="share">{language.word("share")}: <a href="#">X</a> <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>'
    footer = "".join(f'<a href="/{i}/">{escape(s)}</a> ' for i, s in enumerate(language.sections))
    head = (
        f'<meta charset="utf-8"><title>{title} | {outlet}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta property="og:title" content="{title}"><meta property="og:type" content="article">'
        f'<meta property="og:site_name" content="{outlet}"><meta name="author" content="{escape(spec.author)}">'
        f'<meta property="article:published_time" content="{published}"><link rel="canonical" href="{spec.path}">'
    )
    body = _body(rng, language, spec)
    scripts = _scripts(rng, language, spec)
    lang = spec.language
    if spec.style == "wordpress":
        page = (
            f'<!DOCTYPE html><html lang="{lang}"><head>{head}'
            + "".join(
                f'<link rel="stylesheet" id="plugin-{i}-css" href="/wp-content/plugins/p{i}/style.css" media="all">'
                for i in range(12)
            )
            + f'{scripts}</head><body class="post-template-default single single-post postid-{spec.index}">{cookie}'
            f'<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/">{outlet}</a></p>'
            f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{_links(rng, language.sections)}</ul></nav></header>'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
            f'<article id="post-{spec.index}" class="post type-post status-publish format-standard hentry">'
            f'<header class="entry-header"><h1 class="entry-title">{title}</h1><div class="entry-meta">{byline}</div></header>'
            f'<div class="entry-content">{body}</div><footer class="entry-footer">{share}</footer></article>'
            f'{related}{comments}</main></div><aside id="secondary" class="widget-area">{_aside(rng, language)}</aside></div>'
            f'<footer id="colophon" class="site-footer">{footer}<p>© 2026 {outlet}</p></footer></div></body></html>'
        )
    elif spec.style == "react":
        css = "".join(
            f".{_hashed(rng)}{{display:flex;margin:0 {k % 24}px;font-size:{12 + k % 9}px}}"
            for k in range(rng.randint(200, 1500))
        )
        data = {"props": {"pageProps": {"article": {"headline": spec.title, "body": [{"type": "paragraph", "text": p} for p in spec.paragraphs]},
                                        "navigation": language.sections}}, "page": "/article/[slug]"}  # fmt: skip
        page = (
            f'<!DOCTYPE html><html lang="{lang}"><head>{head}<style data-emotion="css">{css}</style>{scripts}</head><body>'
            f'<div id="__next"><div class="{_hashed(rng)}">{cookie}<header class="{_hashed(rng)}"><div class="{_hashed(rng)}"><a href="/">{outlet}</a></div>'
            f'<nav class="{_hashed(rng)}"><ul>{_links(rng, language.sections)}</ul></nav></header>'
            f'<div class="{_hashed(rng)}"><main class="{_hashed(rng)}"><article class="{_hashed(rng)}">'
            f'<div data-testid="headline" class="{_hashed(rng)}"><h1 class="{_hashed(rng)}">{title}</h1></div>'
            f'<div class="{_hashed(rng)}"><div class="{_hashed(rng)}">{byline}</div></div>{body}{share}</article>'
            f'{related}{comments}</main><aside class="{_hashed(rng)}">{_aside(rng, language)}</aside></div>'
            f'<footer class="{_hashed(rng)}">{footer}</footer></div></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script></body></html>'
        )
    elif spec.style == "legacy":
        page = (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title} | {outlet}</title>'
            f'{scripts}</head><body bgcolor="#ffffff">{cookie}<table width="980" cellpadding="0" cellspacing="0" border="0">'
            f'<tr><td colspan="2"><a href="/"><img src="/img/logo.gif" alt="{outlet}"></a><table class="gnb"><tr>'
            + "".join(
                f'<td><a href="/{i}/">{escape(s)}</a></td>'
                for i, s in enumerate(language.sections * 3)
            )
            + f'</tr></table></td></tr><tr><td valign="top" width="680"><div class="article_view"><h2 class="tit">{title}</h2>'
            f'<div class="info">{byline}</div><div id="articleBody" class="article_body">{body}</div>{share}</div>'
            f'{related}{comments}</td><td valign="top" width="300">{_aside(rng, language)}</td></tr>'
            f'<tr><td colspan="2" class="footer">{footer}<br>Copyright © {outlet}. All rights reserved.</td></tr></table></body></html>'
        )
    else:
        page = (
            f'<!DOCTYPE html><html amp lang="{lang}"><head>{head}<style amp-custom>body{{font-family:serif}}</style>'
            f'{scripts}</head><body>{cookie}<header><a href="/">{outlet}</a></header><main><article><h1>{title}</h1>'
            f'<p class="byline">{byline}</p>{body}</article>{related}</main><footer>{footer}</footer></body></html>'
        )
    return page.encode()
