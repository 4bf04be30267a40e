"""Pages shaped like the walls publishers and their providers serve a client without a browser.

Each is written here, abridged, in the structure the real one has (its title, its
form or script, the words it shows); none is copied from a site.
"""

from __future__ import annotations

from html import escape

GOOGLE_CONSENT = """<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>Before you continue to Google</title>
<meta name="viewport" content="initial-scale=1, maximum-scale=5, width=device-width">
<style>body{font-family:Roboto,Arial,sans-serif}</style></head><body>
<div class="KxvlWc"><div class="bQtDnf"><h1 class="I90TVb" id="S3BnEe">Before you continue to Google</h1>
<div class="qqtRac">We use <a href="https://policies.google.com/technologies/cookies?hl=en">cookies</a>
and data to Deliver and maintain Google services, Track outages and protect against spam, fraud and
abuse, Measure audience engagement and site statistics to understand how our services are used.</div>
<form action="https://consent.google.com/save" method="POST" style="display:inline">
<input type="hidden" name="gl" value="DE"><input type="hidden" name="continue"
value="https://news.google.com/rss/articles/CBMiX"><input type="hidden" name="set_eom" value="true">
<button class="tHlp8d" aria-label="Reject all">Reject all</button></form>
<form action="https://consent.google.com/save" method="POST" style="display:inline">
<input type="hidden" name="set_eom" value="false"><button aria-label="Accept all">Accept all</button>
</form><a href="https://consent.google.com/d?continue=x">More options</a></div></div></body></html>"""

YAHOO_CONSENT = """<!DOCTYPE html><html class="no-js" lang="en-GB"><head><meta charset="utf-8">
<title>Yahoo is part of the Yahoo family of brands</title></head><body>
<div id="consent-page"><div class="con-wizard"><h2 class="title">Yahoo is part of the Yahoo family of
brands</h2><p class="description">The sites and apps that we own and operate, including Yahoo and AOL,
and our digital advertising service, Yahoo Advertising.</p>
<form method="post" action="https://consent.yahoo.com/v2/collectConsent?sessionId=3_cc-session">
<button type="submit" name="agree" value="agree">Accept all</button>
<button type="submit" name="reject" value="reject">Reject all</button></form></div></div></body></html>"""

COOKIE_WALL = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Tageblatt - Cookies</title></head><body><div class="cmp-wall">
<h1>Lesen Sie mit Werbung weiter</h1>
<p>Wir nutzen Cookies und ähnliche Technologien, um Inhalte zu finanzieren. Um den Artikel zu lesen,
stimmen Sie der Nutzung zu.</p><button class="cmp-accept">Zustimmen und weiter</button>
<a href="/abo">Werbefrei lesen</a></div></body></html>"""


def paywall_stub(title: str, lede: str) -> str:
    """A news page that shows the opening lines and asks for a subscription, with Google's
    paywall markup in its JSON-LD."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{escape(title)}","isAccessibleForFree": false,
"hasPart":{{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywalled"}},
"publisher":{{"@type":"Organization","name":"The Daily Ledger"}}}}</script></head><body>
<header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<main><article><h1>{escape(title)}</h1><p class="lede">{escape(lede)}</p>
<div class="paywalled"><div class="paywall-prompt"><h2>Subscribe to continue reading</h2>
<p>Get unlimited access to our journalism for $1 a week.</p>
<p>Already a subscriber? <a href="/login">Sign in</a></p></div></div></article></main>
<footer><p>© The Daily Ledger</p></footer></body></html>"""


JAVASCRIPT_SHELL = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Newsroom</title><link rel="stylesheet" href="/static/css/main.8c1f.css"></head><body>
<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
<script src="/static/js/main.4f2a.js"></script></body></html>"""

CLOUDFLARE_CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper" role="main">
<div class="main-content"><h1 class="zone-name-title h1">www.ledger.example</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue
</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "www.ledger.example",cType: 'managed'};
var a = document.createElement('script');a.src = '/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1';
document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>"""


def article_with_banners(title: str, paragraphs: list[str]) -> str:
    """A real article's page that also carries a cookie banner, a paywall script and a noscript
    line, as most news pages do: it is the article, not a wall."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<script src="https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js"></script>
</head><body><noscript>Please enable JavaScript to view the comments.</noscript>
<div id="cookie-banner">We use cookies. Accept and continue, or manage your choices.</div>
<main><article><h1>{escape(title)}</h1>{body}</article></main>
<aside>Already a subscriber? Sign in.</aside></body></html>"""
