"""A deterministic local news corpus: feeds of articles on pages as heavy as real ones.

Every page carries what a news site wraps around an article: navigation with
sub-menus, ad slots and their configuration scripts, a related-stories rail, a
reader-comments section and a large footer, around a body of 600-1,500 words.
About one page in fifteen reports an AI talent deal with figures (an amount, a
stake, a licence fee, a headcount), each written in one of several phrasings;
the rest are ordinary business and technology news.

The same seed gives the same corpus, byte for byte: article ``i`` draws from its
own ``random.Random(f"{seed}:{i}")``, so a page does not depend on how many
others were generated.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

DEFAULT_SEED = 2026
# Share of pages that report a talent deal with figures.
DEAL_SHARE = 0.07
BODY_WORDS = (600, 1500)
# The newest item of every feed; older items are spaced back from it.
NEWEST = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

OUTLETS = ("The Daily Ledger", "Market Wire", "Tech Courier", "The Evening Standard-Bearer", "Signal & Noise",
           "Capital Brief", "The Circuit", "Northern Post", "Ledger Asia", "Frontier Times")  # fmt: skip
SECTIONS = ("World", "US", "Politics", "Business", "Markets", "Tech", "AI", "Science", "Health",
            "Climate", "Sport", "Culture", "Opinion", "Video", "Podcasts", "Newsletters")  # fmt: skip
TOPICS = ("chips", "cloud", "startups", "venture capital", "regulation", "antitrust", "robotics",
          "semiconductors", "data centres", "cybersecurity", "batteries", "telecoms")  # fmt: skip
COMPANIES = ("Halvorsen Logistics", "Brightwater Foods", "Kestrel Airlines", "Orion Retail", "Tamsin Energy",
             "Northgate Bank", "Pellucid Pharma", "Quarry Steel", "Redwood Telecom", "Solent Shipping",
             "Umber Mining", "Vantage Motors", "Wexford Insurance", "Yarrow Media", "Zephyr Chemicals",
             "Ashgrove Utilities", "Bellmont Hotels", "Corvid Security", "Dunmore Textiles")  # fmt: skip
PEOPLE = ("Maria Okafor", "James Whitley", "Priya Raman", "Tomasz Zielinski", "Helen Achterberg",
          "Daniel Osei", "Keiko Tanabe", "Rafael Duarte", "Sofia Lindqvist", "Arjun Mehta",
          "Claire Dubois", "Samuel Adeyemi", "Ingrid Holm", "Victor Castell", "Leila Haddad")  # fmt: skip
CITIES = ("London", "Frankfurt", "Singapore", "Toronto", "Chicago", "Madrid", "Seoul", "Sydney",
          "Mumbai", "Dublin", "Austin", "Rotterdam", "Nairobi", "Osaka", "Lyon")  # fmt: skip
ROLES = ("chief executive", "chief financial officer", "head of strategy", "chief operating officer",
         "an analyst at Fenwick Partners", "a portfolio manager at Greyling Capital",
         "an economist at the Brandt Institute", "a spokesperson for the company")  # fmt: skip
THINGS = ("quarterly revenue", "operating margin", "full-year guidance", "capital spending", "the order book",
          "freight volumes", "subscriber numbers", "energy costs", "the dividend", "headcount",
          "inventory levels", "the share buyback", "wage growth", "input prices")  # fmt: skip
MOVES = (
    "rose",
    "fell",
    "edged higher",
    "slipped",
    "held steady",
    "jumped",
    "declined",
    "recovered",
)
REASONS = ("weaker demand in Europe", "a stronger dollar", "higher interest rates", "a late winter",
           "new contracts in Asia", "supply-chain delays", "lower fuel prices", "a rush of pre-orders",
           "tighter lending standards", "strikes at two ports", "a price war with rivals")  # fmt: skip

SENTENCES = (
    "{company} said {thing} {move} {pct} percent in the three months to March, citing {reason}.",
    "Shares in {company} {move} {pct} percent in early trading in {city} after the update.",
    '"We are seeing {reason} across most of our markets," said {person}, {role}, in a call with reporters.',
    "{person}, {role}, said the company expected {thing} to recover in the second half of the year.",
    "Analysts had expected {thing} to come in at about {num} million, according to a poll of brokers.",
    "The company employs about {big} people and runs {small} sites across {region}.",
    "{company} has cut its outlook twice this year, blaming {reason} and {reason2}.",
    "Investors have been watching {thing} closely since the company changed its strategy last autumn.",
    "In {city}, officials said the new rules on {topic} would take effect from the start of next year.",
    "{person} told the annual meeting in {city} that {thing} remained the board's first priority.",
    "The group plans to open {small} new offices in {region} and hire engineers to work on {topic}.",
    "Rivals including {company2} have reported similar pressure on {thing} in recent weeks.",
    "The figures come as lawmakers debate tougher rules on {topic}, which industry groups oppose.",
    "Over the past {small} years, {company} has spent heavily on {topic}, with mixed results.",
    "Some investors argue that {reason} is a passing problem; others expect it to last into next year.",
    "A spokesperson for {company2} declined to comment on the talks, which were first reported in {city}.",
    "The board will meet again in {month} to review {thing} and decide on the dividend.",
    "{company} did not say how many jobs would be affected, but unions in {city} have called a meeting.",
)
REGIONS = ("Europe", "Asia", "North America", "Latin America", "the Gulf", "Africa", "Scandinavia")
MONTHS = ("January", "February", "April", "May", "June", "July", "September", "October", "November")

ACQUIRERS = ("Meta", "Google", "Microsoft", "Amazon", "Nvidia", "Salesforce", "Apple")
STARTUPS = ("Lumora AI", "Quill Robotics", "Parallax Labs", "Tessellate AI", "Vireo Systems",
            "Cobalt Reasoning", "Halcyon Models", "Sparrow Intelligence", "Meridian AI", "Fathom Agents")  # fmt: skip
FOUNDERS = ("Nadia Farrow", "Elliot Kasparian", "Mei Takahashi", "Oskar Brandvold", "Amara Nwosu",
            "Lucas Ferreira", "Yusuf Demir", "Hannah Vos", "Ravi Iyer", "Greta Solberg")  # fmt: skip
DEAL_LEADS = (
    "{acquirer} will pay ${amount} billion for a {stake}% stake in {startup}, and {startup} chief executive "
    "{founder} will join {acquirer} along with several of the startup's researchers.",
    "{acquirer} agreed to invest ${amount} billion in {startup} for {stake_words} of the company, while its "
    "founder {founder} leaves to lead a new research group at {acquirer}.",
    "{acquirer} is paying about ${licence} million to license {startup}'s models and is hiring its co-founder "
    "{founder} and roughly {staff} of its staff, people familiar with the deal said.",
    "{founder}, the chief executive of {startup}, is joining {acquirer}, which will pay more than "
    "${licence} million for a non-exclusive licence to the startup's technology.",
    "In a deal that values {startup} at ${valuation} billion, {acquirer} takes a {stake}% stake and hires "
    "{founder} and about {staff} engineers.",
)
DEAL_FOLLOW = (
    "{startup}, founded in {founded}, had about {headcount} employees before the deal.",
    "The arrangement follows the pattern of Microsoft's deal with Inflection AI, in which the buyer hires the "
    "team and licenses the technology rather than buying the company outright.",
    "Regulators in Washington and Brussels have started asking whether such deals are acquisitions in all but "
    "name.",
    "{startup} said it would keep operating under a new interim chief executive and honour its contracts.",
    "Investors in {startup} are expected to receive a payout from the licence fee, according to the people.",
)
STAKE_WORDS = {49: "nearly half", 40: "a 40% stake", 30: "about 30%", 25: "a quarter"}


@dataclass(frozen=True)
class ArticleSpec:
    """One generated article: where it lives, what it says, and whether it reports a deal."""

    index: int
    feed: int
    path: str
    title: str
    outlet: str
    author: str
    published: datetime
    paragraphs: tuple[str, ...]
    is_deal: bool
    language: str = "en"

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


# Filler that states a headcount would be read as the deal target's own; deal pages leave it out.
DEAL_SAFE_SENTENCES = tuple(s for s in SENTENCES if "{big}" not in s)


def fill_sentence(rng: random.Random, template: str) -> str:
    company, company2 = rng.sample(COMPANIES, 2)
    return template.format(
        company=company,
        company2=company2,
        person=rng.choice(PEOPLE),
        role=rng.choice(ROLES),
        thing=rng.choice(THINGS),
        move=rng.choice(MOVES),
        reason=rng.choice(REASONS),
        reason2=rng.choice(REASONS),
        city=rng.choice(CITIES),
        topic=rng.choice(TOPICS),
        region=rng.choice(REGIONS),
        month=rng.choice(MONTHS),
        pct=f"{rng.randint(1, 19)}.{rng.randint(0, 9)}",
        num=rng.randint(120, 990),
        big=f"{rng.randint(2, 90)},{rng.randint(0, 999):03d}",
        small=rng.choice(("two", "three", "four", "five", "six", "eight", "12", "15")),
    )


def deal_paragraphs(rng: random.Random) -> list[str]:
    stake = rng.choice(tuple(STAKE_WORDS))
    values = {
        "acquirer": rng.choice(ACQUIRERS),
        "startup": rng.choice(STARTUPS),
        "founder": rng.choice(FOUNDERS),
        "amount": f"{rng.randint(1, 15)}.{rng.randint(1, 9)}",
        "stake": stake,
        "stake_words": STAKE_WORDS[stake],
        "licence": rng.choice((250, 400, 650, 900)),
        "valuation": rng.randint(3, 40),
        "staff": rng.choice((20, 35, 60, 120)),
        "founded": rng.randint(2016, 2023),
        "headcount": rng.choice((80, 150, 240, 400)),
    }
    lead = rng.choice(DEAL_LEADS).format(**values)
    follow = " ".join(t.format(**values) for t in rng.sample(DEAL_FOLLOW, 3))
    return [lead, follow]


def headline(rng: random.Random, is_deal: bool, lead: str) -> str:
    if is_deal:
        return lead.split(",")[0][:90]
    return f"{rng.choice(COMPANIES)} {rng.choice(MOVES)} as {rng.choice(THINGS)} meets {rng.choice(REASONS)}"


def article_spec(index: int, *, feed: int, position: int, seed: int = DEFAULT_SEED) -> ArticleSpec:
    """Article ``index`` of the corpus: item ``position`` (0 = newest) of feed ``feed``."""
    rng = random.Random(f"{seed}:{index}")
    is_deal = rng.random() < DEAL_SHARE
    target = rng.randint(BODY_WORDS[0] + 50, BODY_WORDS[1] - 100)
    paragraphs = deal_paragraphs(rng) if is_deal else []
    words = sum(len(p.split()) for p in paragraphs)
    while words < target:
        pool = DEAL_SAFE_SENTENCES if is_deal else SENTENCES
        paragraph = " ".join(fill_sentence(rng, rng.choice(pool)) for _ in range(rng.randint(3, 5)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    title = headline(rng, is_deal, paragraphs[0])
    published = NEWEST - timedelta(hours=6 * position + feed % 6, minutes=rng.randint(0, 59))
    slug = "-".join(title.lower().replace(",", "").replace("$", "").split()[:8])
    return ArticleSpec(
        index=index,
        feed=feed,
        path=f"/f{feed:03d}/{published:%Y/%m/%d}/{slug}-{index}",
        title=title,
        outlet=OUTLETS[feed % len(OUTLETS)],
        author=rng.choice(PEOPLE),
        published=published,
        paragraphs=tuple(paragraphs),
        is_deal=is_deal,
    )


def feed_positions(feeds: int, items_per_feed: int) -> Iterator[tuple[int, int, int]]:
    """``(index, feed, position)`` of every article of ``feeds`` feeds, feed by feed."""
    for feed in range(feeds):
        for position in range(items_per_feed):
            yield feed * items_per_feed + position, feed, position


def corpus_specs(
    feeds: int, items_per_feed: int, seed: int = DEFAULT_SEED
) -> Iterator[ArticleSpec]:
    """Every article of ``feeds`` feeds of ``items_per_feed`` items, feed by feed."""
    for index, feed, position in feed_positions(feeds, items_per_feed):
        yield article_spec(index, feed=feed, position=position, seed=seed)


def _navigation() -> str:
    return "".join(
        f'<li class="nav-item"><a href="/{s.lower()}">{s}</a><ul class="sub">'
        + "".join(
            f'<li><a href="/{s.lower()}/{t.replace(" ", "-")}">{t.title()}</a></li>' for t in TOPICS
        )
        + "</ul></li>"
        for s in SECTIONS
    )


def _footer() -> str:
    return "".join(
        f'<div class="col"><h5>{s}</h5><ul>'
        + "".join(
            f'<li><a href="/{s.lower()}/{k}">{k.title()}</a></li>'
            for k in ("about", "contact", "archive", "rss")
        )
        + "</ul></div>"
        for s in SECTIONS
    )


def _ad_scripts() -> str:
    slots = ";".join(
        f"googletag.defineSlot('/2231/news/slot-{i}',[[300,250],[728,90]],'ad-{i}').addService(googletag.pubads())"
        for i in range(200)
    )
    return (
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
        f"var googletag=googletag||{{cmd:[]}};googletag.cmd.push(function(){{{slots}}});</script>"
        '<script type="application/json" id="__consent">'
        + ",".join(
            f'{{"vendor":{i},"purposes":[1,2,3,4,7,9,10],"legint":[2,7]}}' for i in range(150)
        )
        + "</script>"
    )


NAVIGATION = _navigation()
FOOTER = _footer()
AD_SCRIPTS = _ad_scripts()


def _related(rng: random.Random) -> str:
    return "".join(
        f'<li class="card"><a href="/{rng.choice(SECTIONS).lower()}/story-{rng.randint(1000, 9999)}">'
        f'<img src="/img/{rng.randint(1, 999)}.jpg" alt="" loading="lazy" width="320" height="180">'
        f"<h4>{escape(headline(rng, False, ''))}</h4>"
        f"<p>{escape(fill_sentence(rng, rng.choice(SENTENCES)))}</p></a>"
        f'<span class="meta">{rng.randint(2, 9)} min read</span></li>'
        for _ in range(24)
    )


def _comments(rng: random.Random) -> str:
    return "".join(
        f'<li class="comment" id="c{rng.randint(10**5, 10**6)}"><div class="comment-meta">'
        f'<span class="comment-author">{rng.choice(PEOPLE).split()[0].lower()}{rng.randint(1, 99)}</span> '
        f'<time>{rng.randint(1, 23)} hours ago</time></div><p class="comment-body">'
        f"{escape(fill_sentence(rng, rng.choice(SENTENCES)))} Not sure the market has priced this in yet.</p>"
        '<div class="comment-actions"><button>Reply</button> <button>Like</button> '
        "<button>Report</button></div></li>"
        for _ in range(rng.randint(20, 60))
    )


def page_html(spec: ArticleSpec) -> bytes:
    """The whole page of one article, as a news site serves it."""
    rng = random.Random(f"page:{spec.index}")
    title = escape(spec.title)
    body = "".join(
        f"<p>{escape(p)}</p>"
        + (
            f'<div class="ad ad-inline" id="ad-in-{i}" data-slot="inline-{i}">Advertisement</div>'
            if i % 3 == 2
            else ""
        )
        for i, p in enumerate(spec.paragraphs)
    )
    published = spec.published.isoformat()
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {escape(spec.outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}"><meta property="og:type" content="article">
<meta property="og:site_name" content="{escape(spec.outlet)}">
<meta name="author" content="{escape(spec.author)}">
<meta property="article:published_time" content="{published}">
<link rel="stylesheet" href="/static/site.css">{AD_SCRIPTS}</head>
<body><div id="cookie-banner" class="banner">We use cookies to improve your experience.
<button>Accept all</button> <button>Manage settings</button></div>
<header class="site-header"><a class="logo" href="/">{escape(spec.outlet)}</a>
<nav class="primary"><ul>{NAVIGATION}</ul></nav>
<div class="ad ad-leaderboard" id="ad-top">Advertisement</div></header>
<div class="layout"><main><article>
<h1>{title}</h1><p class="byline">By {escape(spec.author)} · <time datetime="{published}">{spec.published:%d %B %Y}</time></p>
<div class="article-body">{body}</div></article>
<section class="share"><a href="#">Share on X</a> <a href="#">Share on LinkedIn</a> <a href="#">Email</a></section>
<section class="comments" id="comments"><h3>Comments</h3><ol>{_comments(rng)}</ol></section>
</main><aside class="sidebar"><div class="ad ad-mpu" id="ad-side">Advertisement</div>
<h3>More from {escape(spec.outlet)}</h3><ul class="related">{_related(rng)}</ul></aside></div>
<footer><div class="footer-cols">{FOOTER}</div><p>© 2026 {escape(spec.outlet)}. All rights reserved.</p></footer>
</body></html>""".encode()


def rss_feed(
    feed: int, specs: list[ArticleSpec], base_url: str, outlet: str | None = None
) -> bytes:
    """The RSS 2.0 document of one feed, its items newest first, links under ``base_url``;
    ``outlet`` names the channel (by default the generated corpus's outlet of ``feed``)."""
    items = "".join(
        f"<item><title>{escape(s.title)}</title><link>{base_url}{s.path}</link>"
        f'<guid isPermaLink="true">{base_url}{s.path}</guid>'
        f"<description>{escape(s.paragraphs[0][:280])}</description>"
        f"<pubDate>{format_datetime(s.published)}</pubDate></item>"
        for s in specs
    )
    outlet = escape(outlet or OUTLETS[feed % len(OUTLETS)])
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{outlet} feed {feed}</title><link>{base_url}/f{feed:03d}/</link>"
        f"<description>Latest stories from {outlet}</description>{items}</channel></rss>"
    ).encode()
