-- The public views: a contract for people who query the warehouse. Names and
-- columns stay; later migrations may add columns (CREATE OR REPLACE), never rename.

CREATE OR REPLACE VIEW store.alert_state AS
WITH last_reset AS (
    SELECT alert_id, max(seq) AS reset_seq FROM store.alert_events WHERE event = 'requeued' GROUP BY alert_id
), live AS (
    SELECT e.* FROM store.alert_events e LEFT JOIN last_reset r USING (alert_id)
    WHERE r.reset_seq IS NULL OR e.seq > r.reset_seq
)
SELECT
    a.alert_id,
    max(live.event_at) FILTER (WHERE live.event = 'sent') AS sent_at,
    count(live.seq) FILTER (WHERE live.event = 'delivery' AND NOT live.ok) AS failed_attempts,
    arg_max(live.error, live.seq) FILTER (WHERE live.event = 'delivery' AND NOT live.ok) AS last_error,
    list(DISTINCT live.channel ORDER BY live.channel) FILTER (WHERE live.event = 'delivery' AND live.ok) AS channels_sent
FROM store.alerts a LEFT JOIN live USING (alert_id)
GROUP BY a.alert_id;

CREATE OR REPLACE VIEW articles AS
SELECT
    a.article_id, a.url, a.source, a.title, a.published, a.language, a.relevance, a.score,
    coalesce(
        (SELECT list(m.deal_id ORDER BY m.role DESC, m.deal_id) FROM store.deal_mentions m WHERE m.article_id = a.article_id),
        []::VARCHAR[]
    ) AS deal_ids,
    a.duplicate_of,
    a.author, a.canonical_url, a.origin, a.extraction, a.extraction_note, a.feed_url, a.story_id, a.evidence, a.fetched_at, a.stored_at
FROM store.articles a;

CREATE OR REPLACE VIEW deals AS
SELECT
    d.deal_id, d.acquirer, d.target, d.kind,
    (SELECT list(DISTINCT p ORDER BY p) FROM store.deal_mentions m, unnest(m.people) AS t(p) WHERE m.deal_id = d.deal_id) AS people,
    d.first_seen,
    (SELECT count(*) FROM store.deal_mentions m WHERE m.deal_id = d.deal_id) AS articles,
    (SELECT count(DISTINCT a.story_id) FROM store.deal_mentions m JOIN store.articles a USING (article_id) WHERE m.deal_id = d.deal_id) AS sources,
    d.announced,
    (SELECT count(*) FROM store.deal_mentions m WHERE m.deal_id = d.deal_id AND m.role = 'subject') AS subject_articles
FROM store.deals d;

CREATE OR REPLACE VIEW figures AS
SELECT
    c.deal_id, c.subject, c.metric, c.low, c.high, c.stated, c.qualifier, c.article_id,
    a.source, a.url, a.published, c.quote,
    c.claim_id, c.unit, c.as_of, a.duplicate_of, a.story_id
FROM store.claims c JOIN store.articles a USING (article_id);

CREATE OR REPLACE VIEW contradictions AS
WITH sides AS (
    SELECT
        k.contradiction_key, k.deal_id, k.subject, k.metric, k.detected_at,
        ca.stated AS a_stated, ca.low AS a_low, ca.high AS a_high,
        cb.stated AS b_stated, cb.low AS b_low, cb.high AS b_high
    FROM store.contradictions k
    JOIN store.claims ca ON ca.claim_id = k.a_claim_id
    JOIN store.claims cb ON cb.claim_id = k.b_claim_id
), backing AS (
    SELECT
        s.contradiction_key,
        list(DISTINCT a.source ORDER BY a.source) FILTER (
            WHERE coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(s.a_high, 'infinity'::DOUBLE)
              AND coalesce(s.a_low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE)) AS a_sources,
        count(DISTINCT a.story_id) FILTER (
            WHERE coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(s.a_high, 'infinity'::DOUBLE)
              AND coalesce(s.a_low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE)) AS a_independent,
        list(DISTINCT a.source ORDER BY a.source) FILTER (
            WHERE coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(s.b_high, 'infinity'::DOUBLE)
              AND coalesce(s.b_low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE)) AS b_sources,
        count(DISTINCT a.story_id) FILTER (
            WHERE coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(s.b_high, 'infinity'::DOUBLE)
              AND coalesce(s.b_low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE)) AS b_independent
    FROM sides s
    JOIN store.claims c ON c.deal_id = s.deal_id AND c.subject = s.subject AND c.metric = s.metric
    JOIN store.articles a ON a.article_id = c.article_id
    GROUP BY s.contradiction_key
)
SELECT
    s.deal_id, s.subject, s.metric,
    s.a_stated, s.a_low, s.a_high, b.a_sources,
    s.b_stated, s.b_low, s.b_high, b.b_sources,
    s.detected_at,
    b.a_independent, b.b_independent
FROM sides s JOIN backing b USING (contradiction_key);

CREATE OR REPLACE VIEW alert_log AS
SELECT
    a.alert_id, a.kind, a.deal_id, a.subject, a.metric,
    CASE
        WHEN a.status = 'suppressed' THEN 'suppressed'
        WHEN s.sent_at IS NOT NULL THEN 'sent'
        WHEN s.failed_attempts >= 20 THEN 'failed'
        ELSE 'pending'
    END AS status,
    a.reason, a.created_at, s.sent_at,
    a.dedup_key, s.failed_attempts AS attempts, s.last_error, s.channels_sent, a.run_id
FROM store.alerts a JOIN store.alert_state s USING (alert_id);

CREATE OR REPLACE VIEW accepted_figures AS
WITH key_claims AS (
    SELECT
        acc.deal_id, acc.subject, acc.metric, acc.low AS accepted_low, acc.high AS accepted_high,
        acc.independent_sources, c.claim_id, c.stated, c.low, c.high, a.source, a.story_id,
        coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(acc.high, 'infinity'::DOUBLE)
            AND coalesce(acc.low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE) AS agrees
    FROM store.accepted acc
    JOIN store.claims c ON c.deal_id = acc.deal_id AND c.subject = acc.subject AND c.metric = acc.metric
    JOIN store.articles a ON a.article_id = c.article_id
)
SELECT
    deal_id, subject, metric,
    any_value(accepted_low) AS low, any_value(accepted_high) AS high,
    list(DISTINCT source ORDER BY source) FILTER (WHERE agrees) AS sources,
    count(DISTINCT story_id) FILTER (WHERE agrees) AS independent_sources,
    list({'stated': stated, 'low': low, 'high': high, 'source': source} ORDER BY source) FILTER (WHERE NOT agrees) AS dissenting,
    count(DISTINCT story_id) FILTER (WHERE NOT agrees) AS dissenting_sources
FROM key_claims
GROUP BY deal_id, subject, metric;

CREATE OR REPLACE VIEW feed_health AS
SELECT
    name, url, last_success_at AS last_success, last_error, consecutive_failures, items_seen,
    CASE WHEN latency_samples > 0 THEN round(latency_ms_total / latency_samples, 1) END AS avg_latency_ms,
    last_status, next_poll_at, last_polled_at, last_http_status, last_bozo, polls, validators_dropped
FROM store.feeds;

CREATE OR REPLACE VIEW runs AS
SELECT r.run_id, r.kind, r.started_at, e.finished_at, coalesce(e.status, 'running') AS status, e.summary
FROM store.runs r LEFT JOIN store.run_ends e USING (run_id);
