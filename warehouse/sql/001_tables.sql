-- Raw tables live in schema "store"; the public views (002_views.sql) live in
-- "main" under the names people query. Every write is keyed on a natural key
-- so that a rerun, or a rerun after a crash, changes nothing.

CREATE SCHEMA IF NOT EXISTS store;

CREATE TABLE store.feeds (
    url VARCHAR PRIMARY KEY,
    name VARCHAR,
    etag VARCHAR,
    last_modified VARCHAR,
    body_hash VARCHAR,
    last_polled_at TIMESTAMPTZ,
    last_unconditional_at TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    last_status VARCHAR,
    last_http_status INTEGER,
    last_error VARCHAR,
    last_bozo VARCHAR,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    polls BIGINT NOT NULL DEFAULT 0,
    items_seen BIGINT NOT NULL DEFAULT 0,
    latency_ms_total DOUBLE NOT NULL DEFAULT 0,
    latency_samples BIGINT NOT NULL DEFAULT 0,
    poll_interval_s DOUBLE,
    next_poll_at TIMESTAMPTZ,
    validators_dropped BOOLEAN NOT NULL DEFAULT false,
    failing_alerted BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE store.feed_items (
    feed_url VARCHAR NOT NULL,
    canonical_url VARCHAR NOT NULL,
    entry_id VARCHAR,
    title VARCHAR,
    first_seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed_url, canonical_url)
);

CREATE TABLE store.articles (
    article_id VARCHAR PRIMARY KEY,
    url VARCHAR NOT NULL,
    canonical_url VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    title VARCHAR,
    author VARCHAR,
    published DATE,
    fetched_at TIMESTAMPTZ NOT NULL,
    text VARCHAR NOT NULL,
    language VARCHAR,
    fingerprint UBIGINT[],
    origin VARCHAR NOT NULL,
    extraction VARCHAR NOT NULL,
    extraction_note VARCHAR,
    feed_url VARCHAR,
    relevance VARCHAR NOT NULL,
    score DOUBLE NOT NULL,
    evidence VARCHAR,
    notes VARCHAR[],
    duplicate_of VARCHAR,
    story_id VARCHAR NOT NULL,  -- the first article of its syndication group; copies count once
    run_id VARCHAR,
    stored_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX articles_canonical_url ON store.articles (canonical_url);

CREATE TABLE store.article_lsh (
    band_key UBIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX article_lsh_band ON store.article_lsh (band_key);

CREATE TABLE store.deals (
    deal_id VARCHAR PRIMARY KEY,
    acquirer VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    announced DATE,
    first_seen TIMESTAMPTZ NOT NULL,
    first_article_id VARCHAR NOT NULL
);

CREATE TABLE store.deal_mentions (
    article_id VARCHAR NOT NULL,
    deal_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    people VARCHAR[],
    score DOUBLE NOT NULL,
    evidence VARCHAR,
    announced DATE,
    PRIMARY KEY (article_id, deal_id)
);
CREATE INDEX deal_mentions_deal ON store.deal_mentions (deal_id);

CREATE TABLE store.claims (
    claim_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    deal_id VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    low DOUBLE,
    high DOUBLE,
    unit VARCHAR NOT NULL,
    stated VARCHAR NOT NULL,
    qualifier VARCHAR,
    quote VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    as_of DATE,
    stored_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX claims_key ON store.claims (deal_id, subject, metric);
CREATE INDEX claims_article ON store.claims (article_id);

-- The value each key currently accepts; replaced (delete + insert) as claims arrive.
CREATE TABLE store.accepted (
    deal_id VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    low DOUBLE,
    high DOUBLE,
    claim_id VARCHAR NOT NULL,
    independent_sources INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE store.contradictions (
    contradiction_key VARCHAR PRIMARY KEY,
    deal_id VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    a_claim_id VARCHAR NOT NULL,  -- the accepted side when it was detected
    b_claim_id VARCHAR NOT NULL,  -- the dissenting side
    detected_at TIMESTAMPTZ NOT NULL
);

-- The outbox: written in the same transaction as the claims that raise it.
CREATE TABLE store.alerts (
    alert_id VARCHAR PRIMARY KEY,
    dedup_key VARCHAR NOT NULL UNIQUE,
    kind VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    deal_id VARCHAR,
    subject VARCHAR,
    metric VARCHAR,
    payload JSON NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    run_id VARCHAR
);

-- Status changes of an alert are rows, never updates of the outbox row, so the
-- outbox keeps its keys untouched (DuckDB rewrites updated indexed rows).
CREATE SEQUENCE store.alert_event_seq;
CREATE TABLE store.alert_events (
    seq BIGINT NOT NULL DEFAULT nextval('store.alert_event_seq'),
    alert_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL,  -- delivery (one channel's answer) | sent (every channel done) | requeued
    channel VARCHAR,
    ok BOOLEAN,
    digest BOOLEAN NOT NULL DEFAULT false,
    error VARCHAR,
    event_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_events_alert ON store.alert_events (alert_id);

-- The audit trail: one row per decision, fired or suppressed, and why.
CREATE TABLE store.alert_decisions (
    dedup_key VARCHAR NOT NULL,
    alert_id VARCHAR,
    kind VARCHAR NOT NULL,
    decision VARCHAR NOT NULL,  -- fired | suppressed
    reason VARCHAR NOT NULL,
    deal_id VARCHAR,
    subject VARCHAR,
    metric VARCHAR,
    claim_id VARCHAR,
    article_id VARCHAR,
    run_id VARCHAR,
    decided_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE store.runs (
    run_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    started_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE store.run_ends (
    run_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    summary JSON
);
