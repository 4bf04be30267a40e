-- How sure the analysis is of each claim and deal (issue 14): stored beside them and shown in
-- the public views (new columns at the end; the contract's columns stay). Claims stored before
-- confidence existed keep NULL: unknown, and treated as certain, as they always were.
ALTER TABLE store.claims ADD COLUMN confidence DOUBLE;
ALTER TABLE store.claims ADD COLUMN evidence VARCHAR;

CREATE OR REPLACE VIEW figures AS
SELECT
    c.deal_id, c.subject, c.metric, c.low, c.high, c.stated, c.qualifier, c.article_id,
    a.source, a.url, a.published, c.quote,
    c.claim_id, c.unit, c.as_of, a.duplicate_of, a.story_id,
    c.confidence, c.evidence
FROM store.claims c JOIN store.articles a USING (article_id);

-- A deal's confidence is that of its best-supported mention; its evidence, that mention's sentence.
CREATE OR REPLACE VIEW deals AS
WITH coverage AS (
    SELECT
        m.deal_id,
        count(*) AS articles,
        count(DISTINCT a.story_id) AS sources,
        count(*) FILTER (WHERE m.role = 'subject') AS subject_articles,
        max(m.score) AS confidence,
        arg_max(m.evidence, m.score) AS evidence
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
    coalesce(c.subject_articles, 0) AS subject_articles,
    c.confidence,
    c.evidence
FROM store.deals d
LEFT JOIN coverage c ON c.deal_id = d.deal_id
LEFT JOIN named n ON n.deal_id = d.deal_id;
