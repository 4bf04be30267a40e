"""The news the flow tests publish on a local site (tests/support/site.py).

- The Ledger's four pages about Meta and Scale AI (``PAGES``): one repeating a known
  figure, one stating a new figure, one contradicting a known figure, one unrelated.
- ``deal_pages(n)``: two pages about the n-th made-up deal, the terms then a filing that
  contradicts the amount; as many deals as a test needs.
- Single stories of the Meta–Scale AI and Inflection deals from other outlets.
"""

from __future__ import annotations

from tests.support.site import NewsSite, Story, publish

DEAL_CONTEXT = (
    "Meta agreed in June to invest in Scale AI and hire its chief executive, Alexandr Wang, "
    "who joined Meta to lead a new superintelligence group."
)


PAGES = {
    "/news/repeat": (
        "Scale AI deal: what Meta gets for its money",
        [
            "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive Alexandr Wang "
            "will join Meta, the companies said.",
            DEAL_CONTEXT,
        ],
    ),
    "/news/new-figure": (
        "Meta's Scale AI stake: the valuation behind the deal",
        [
            "Meta's investment values Scale AI at $29.2 billion, according to a person familiar with the terms.",
            DEAL_CONTEXT,
        ],
    ),
    "/news/contradiction": (
        "Filing puts Meta's Scale AI payment lower than reported",
        [
            "Meta paid $10 billion for its 49% stake in Scale AI, according to a filing seen by the Ledger.",
            DEAL_CONTEXT,
        ],
    ),
    "/news/unrelated": (
        "A new phone with a bigger battery goes on sale",
        [
            "The handset maker said on Tuesday that its new phone will go on sale in 40 countries next month.",
            "Analysts expect the company to ship 50 million units of the phone this year, helped by a larger "
            "battery and a brighter screen.",
        ],
    ),
}


def ledger_stories(pages: dict[str, tuple[str, list[str]]]) -> list[Story]:
    """The Ledger's pages as stories: each article three times its paragraphs, by Jane Reporter."""
    return [
        Story(path, "The Ledger", title, tuple(paragraphs * 3), author="Jane Reporter")
        for path, (title, paragraphs) in pages.items()
    ]


def build_site(site: NewsSite) -> str:
    return publish(site, ledger_stories(PAGES), feed_title="The Ledger")


ACQUIRERS = ("Meta", "Google", "Microsoft", "Amazon", "Apple", "Nvidia", "OpenAI", "Salesforce")


STARTUPS = (
    ("Scale AI", "Alexandr Wang"),
    ("Character.AI", "Noam Shazeer"),
    ("Inflection AI", "Mustafa Suleyman"),
    ("Adept", "David Luan"),
    ("Windsurf", "Varun Mohan"),
    ("Covariant", "Peter Chen"),
)


def deal_pages(index: int) -> dict[str, tuple[str, list[str]]]:
    """Two articles about deal ``index``: the terms, then a filing contradicting the amount."""
    acquirer = ACQUIRERS[index % len(ACQUIRERS)]
    startup, chief = STARTUPS[index % len(STARTUPS)]
    context = (
        f"{acquirer} agreed in June to invest in {startup} and hire its chief executive, {chief}, "
        f"who joined {acquirer} to lead a new research group."
    )
    stake = 30 + index
    return {
        f"/deals/{index}/terms": (
            f"{acquirer} to take a stake in {startup}",
            [
                f"{acquirer} will pay ${2 + index}.4 billion for a {stake}% stake in {startup}, and "
                f"{startup} chief executive {chief} will join {acquirer}, the companies said.",
                context,
            ],
        ),
        f"/deals/{index}/filing": (
            f"Filing puts {acquirer}'s {startup} payment higher than reported",
            [
                f"{acquirer} paid ${40 + index} billion for its {stake}% stake in {startup}, "
                "according to a filing seen by the Ledger.",
                context,
            ],
        ),
    }


def publish_pages(site: NewsSite, pages: dict[str, tuple[str, list[str]]]) -> str:
    """Pages as The Ledger's stories on ``site``; returns the feed's URL."""
    return publish(site, ledger_stories(pages), feed_title="The Ledger")


INFLECTION = Story(
    "/techwire/inflection",
    "Tech Wire",
    "Microsoft pays Inflection AI $650 million and hires its founders",
    (
        "Microsoft will pay Inflection AI $650 million to license its models and hire most of its staff, "
        "including co-founder Mustafa Suleyman.",
        "Suleyman will lead a new consumer unit called Microsoft AI, and Karen Simonyan joins him as chief "
        "scientist.",
        "Reid Hoffman, an Inflection co-founder, said investors such as Nvidia and Bill Gates would be repaid "
        "in full.",
        "The CMA in London said it would look at whether the hiring of Inflection staff amounted to a merger.",
    ),
)


WANG_28 = Story(
    "/ledger/wang-profile",
    "The Ledger",
    "Scale AI's founder heads to Meta",
    (
        "Meta agreed to invest in Scale AI and hire its chief executive, Alexandr Wang, who will lead a new "
        "superintelligence group at Meta in Menlo Park.",
        "Wang, 28, dropped out of MIT to start the data-labelling company in San Francisco with Lucy Guo, "
        "backed by Y Combinator.",
        "Its customers include the Pentagon, Toyota, General Motors and Microsoft, and it hires contractors in "
        "Kenya and the Philippines through Remotasks.",
        "Nat Friedman and Daniel Gross are also expected to join the lab, The Information reported.",
    ),
)


WANG_21 = Story(
    "/planet/who-is-wang",
    "Daily Planet",
    "Who is Alexandr Wang, Meta's new AI chief?",
    (
        "Meta is investing in Scale AI and hiring its chief executive, Alexandr Wang, who is 21 years old, to "
        "run a research group.",
        "Mark Zuckerberg hopes Wang can speed up work on superintelligence after Llama 4 disappointed "
        "developers in April.",
        "Wang grew up in Los Alamos, New Mexico, where both his parents were physicists at the national "
        "laboratory.",
        "Peter Thiel and Founders Fund invested early, and Accel led the Series A round in 2017, Crunchbase "
        "data show.",
    ),
)


# A page that answers after this long, well inside the fetch timeout: the run waits on it.
SLOW_S = 120


def make_slow(site: NewsSite, pages: dict[str, tuple[str, list[str]]]) -> None:
    """The pages answer only after ``SLOW_S``: a run fetching them waits."""
    for path in pages:
        site.routes[path].delay_s = SLOW_S


def ledger_and_newsroom(site: NewsSite) -> list[tuple[str, str]]:
    """Two feeds on ``site``: the end-to-end site's and three Meta–Scale AI and Inflection
    stories, seven new articles and two deals between them."""
    return [
        ("The Ledger", build_site(site)),
        ("Newsroom", publish(site, [WANG_28, WANG_21, INFLECTION], feed_path="/newsroom.xml")),
    ]


def page_requests(site: NewsSite) -> int:
    """How many times the site served a page of ``deal_pages``."""
    return sum(1 for method, path, _ in site.requests if path.startswith("/deals/"))


def urls_of(site: NewsSite, *deals: int) -> list[str]:
    """The URLs of the pages of ``deals`` on ``site``, sorted."""
    return sorted(site.url(path) for deal in deals for path in deal_pages(deal))
