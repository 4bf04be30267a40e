-- Pages stored from their feed summaries for now, and fetched again by a later run (issues 17, 19).
-- A page whose host could not be reached, or whose aggregator link (Google News) could not be
-- resolved yet, is stored from the feed's title and summary like any fallback, and queued here
-- instead of being known for ever: each run fetches the queue again, and a page that gives its
-- text replaces its summary (same article_id), is analysed again and raises its alerts. Rows
-- leave the queue for store.refetch_done with what became of them.

CREATE TABLE store.refetch (
    article_id VARCHAR PRIMARY KEY,    -- the summary article the page will replace
    url VARCHAR NOT NULL,              -- what to fetch: the page, or the aggregator link to resolve
    host VARCHAR NOT NULL,             -- the host (and port) it waits for
    reason VARCHAR NOT NULL,           -- why it is waiting, as of its last try
    first_failed_at TIMESTAMPTZ NOT NULL,
    last_tried_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL
);

CREATE TABLE store.refetch_done (
    article_id VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    host VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL,          -- upgraded | duplicate | gave up
    detail VARCHAR,                    -- the article it duplicates, or why it was given up
    first_failed_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL,
    done_at TIMESTAMPTZ NOT NULL,
    run_id VARCHAR
);

-- Another link to a stored article: the aggregator's link it was reached through (a Google News
-- or Bing link), so that the aggregator's item is known without being resolved again.
CREATE TABLE store.url_aliases (
    alias_url VARCHAR PRIMARY KEY,     -- canonical form of the other link
    article_id VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The queue as people read it: which pages wait, for which host, since when and why.
CREATE OR REPLACE VIEW waiting_pages AS
SELECT
    r.article_id, r.url, r.host, r.reason, r.first_failed_at AS waiting_since, r.last_tried_at,
    r.attempts, a.source, a.title, a.feed_url
FROM store.refetch r LEFT JOIN store.articles a USING (article_id);
