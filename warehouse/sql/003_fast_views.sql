-- Views that stay fast at 100k articles and 500k claims (benchmarks/bench_warehouse.py).
-- Same names, columns and meaning as 002; only how they are computed changes.

-- accepted_figures joined every claim of every key with its article at query time. A key's
-- accepted row is rewritten by reconciliation whenever a claim of that key arrives, so it now
-- carries what the view shows (who agrees with the accepted value, any date, and who dissents),
-- and the view reads one row per key.
ALTER TABLE store.accepted ADD COLUMN sources VARCHAR[];
ALTER TABLE store.accepted ADD COLUMN agreeing_stories BIGINT;
ALTER TABLE store.accepted ADD COLUMN dissenting STRUCT(stated VARCHAR, low DOUBLE, high DOUBLE, source VARCHAR)[];
ALTER TABLE store.accepted ADD COLUMN dissenting_stories BIGINT;

UPDATE store.accepted AS acc SET
    sources = f.sources,
    agreeing_stories = f.agreeing_stories,
    dissenting = f.dissenting,
    dissenting_stories = f.dissenting_stories
FROM (
    WITH key_claims AS (
        SELECT
            acc.deal_id, acc.subject, acc.metric, c.stated, c.low, c.high, a.source, a.story_id,
            coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(acc.high, 'infinity'::DOUBLE)
                AND coalesce(acc.low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE) AS agrees
        FROM store.accepted acc
        JOIN store.claims c ON c.deal_id = acc.deal_id AND c.subject = acc.subject AND c.metric = acc.metric
        JOIN store.articles a ON a.article_id = c.article_id
    )
    SELECT
        deal_id, subject, metric,
        list(DISTINCT source ORDER BY source) FILTER (WHERE agrees) AS sources,
        count(DISTINCT story_id) FILTER (WHERE agrees) AS agreeing_stories,
        list({'stated': stated, 'low': low, 'high': high, 'source': source} ORDER BY source) FILTER (WHERE NOT agrees) AS dissenting,
        count(DISTINCT story_id) FILTER (WHERE NOT agrees) AS dissenting_stories
    FROM key_claims
    GROUP BY deal_id, subject, metric
) f
WHERE f.deal_id = acc.deal_id AND f.subject = acc.subject AND f.metric = acc.metric;

CREATE OR REPLACE VIEW accepted_figures AS
SELECT
    deal_id, subject, metric, low, high, sources,
    agreeing_stories AS independent_sources,
    dissenting,
    dissenting_stories AS dissenting_sources
FROM store.accepted;

-- deals ran four correlated subqueries per deal; one pass over the mentions gives every count,
-- and a second its people (without unnesting them row by row, so a filter on one deal stays cheap).
CREATE OR REPLACE VIEW deals AS
WITH coverage AS (
    SELECT
        m.deal_id,
        count(*) AS articles,
        count(DISTINCT a.story_id) AS sources,
        count(*) FILTER (WHERE m.role = 'subject') AS subject_articles
    FROM store.deal_mentions m LEFT JOIN store.articles a USING (article_id)
    GROUP BY m.deal_id
), named AS (
    SELECT deal_id, list_sort(list_distinct(flatten(list(people)))) AS people
    FROM store.deal_mentions
    GROUP BY deal_id
)
SELECT
    d.deal_id, d.acquirer, d.target, d.kind,
    CASE WHEN len(n.people) > 0 THEN n.people END AS people,  -- no names at all: NULL, as before
    d.first_seen,
    coalesce(c.articles, 0) AS articles,
    coalesce(c.sources, 0) AS sources,
    d.announced,
    coalesce(c.subject_articles, 0) AS subject_articles
FROM store.deals d
LEFT JOIN coverage c ON c.deal_id = d.deal_id
LEFT JOIN named n ON n.deal_id = d.deal_id;

-- articles: the deal ids of every article from one grouped pass rather than a subquery per row.
CREATE OR REPLACE VIEW articles AS
WITH mentioned AS (
    SELECT article_id, list(deal_id ORDER BY role DESC, deal_id) AS deal_ids
    FROM store.deal_mentions
    GROUP BY article_id
)
SELECT
    a.article_id, a.url, a.source, a.title, a.published, a.language, a.relevance, a.score,
    coalesce(m.deal_ids, []::VARCHAR[]) AS deal_ids,
    a.duplicate_of,
    a.author, a.canonical_url, a.origin, a.extraction, a.extraction_note, a.feed_url, a.story_id, a.evidence, a.fetched_at, a.stored_at
FROM store.articles a
LEFT JOIN mentioned m ON m.article_id = a.article_id;

-- contradictions: which outlets and stories back each side, from plain aggregates over one
-- pass of the key's claims instead of four DISTINCT aggregates.
CREATE OR REPLACE VIEW contradictions AS
WITH sides AS (
    SELECT
        k.contradiction_key, k.deal_id, k.subject, k.metric, k.detected_at,
        ca.stated AS a_stated, ca.low AS a_low, ca.high AS a_high,
        cb.stated AS b_stated, cb.low AS b_low, cb.high AS b_high
    FROM store.contradictions k
    JOIN store.claims ca ON ca.claim_id = k.a_claim_id
    JOIN store.claims cb ON cb.claim_id = k.b_claim_id
), backers AS (
    SELECT
        s.contradiction_key, a.source, a.story_id,
        coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(s.a_high, 'infinity'::DOUBLE)
            AND coalesce(s.a_low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE) AS backs_a,
        coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(s.b_high, 'infinity'::DOUBLE)
            AND coalesce(s.b_low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE) AS backs_b
    FROM sides s
    JOIN store.claims c ON c.deal_id = s.deal_id AND c.subject = s.subject AND c.metric = s.metric
    JOIN store.articles a ON a.article_id = c.article_id
), by_source AS (
    SELECT contradiction_key, source, bool_or(backs_a) AS a, bool_or(backs_b) AS b
    FROM backers GROUP BY contradiction_key, source
), by_story AS (
    SELECT contradiction_key, story_id, bool_or(backs_a) AS a, bool_or(backs_b) AS b
    FROM backers GROUP BY contradiction_key, story_id
), outlets AS (
    SELECT
        contradiction_key,
        list(source ORDER BY source) FILTER (WHERE a) AS a_sources,
        list(source ORDER BY source) FILTER (WHERE b) AS b_sources
    FROM by_source GROUP BY contradiction_key
), stories AS (
    SELECT
        contradiction_key,
        count(*) FILTER (WHERE a) AS a_independent,
        count(*) FILTER (WHERE b) AS b_independent
    FROM by_story GROUP BY contradiction_key
)
SELECT
    s.deal_id, s.subject, s.metric,
    s.a_stated, s.a_low, s.a_high, o.a_sources,
    s.b_stated, s.b_low, s.b_high, o.b_sources,
    s.detected_at,
    n.a_independent, n.b_independent
FROM sides s
JOIN outlets o USING (contradiction_key)
JOIN stories n USING (contradiction_key);
