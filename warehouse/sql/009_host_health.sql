-- Hosts a run stopped asking (issue 19): the fetcher's per-host breaker leaves a host that does
-- not resolve, refuses connections, fails TLS or fails several requests in a row for the rest of
-- the run, and its pages are stored from their summaries and queued (store.refetch). One row per
-- host and run that found it so, with why and how many of its pages and feeds it cost.

CREATE TABLE store.host_trips (
    host VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    pages INTEGER NOT NULL,            -- its pages the run stored from their summaries
    feeds INTEGER NOT NULL,            -- its feeds the run could not poll
    tripped_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (host, run_id)
);

-- Each host ever tripped: 'unreachable' (the latest monitor run left it), 'reachable again' (a
-- page of it was fetched since its last trip), or 'not asked since' (the latest run had nothing
-- to ask it); since when it is unreachable (the first trip since its pages were last fetched),
-- why, and how many pages wait for it.
CREATE OR REPLACE VIEW host_health AS
WITH last_run AS (
    SELECT run_id FROM store.runs WHERE kind = 'monitor' ORDER BY started_at DESC LIMIT 1
), recovered AS (
    SELECT host, count(*) AS pages_recovered, max(done_at) AS last_recovered_at
    FROM store.refetch_done WHERE outcome = 'upgraded' GROUP BY host
), trips AS (
    SELECT
        t.host,
        max(t.tripped_at) AS last_tripped_at,
        arg_max(t.reason, t.tripped_at) AS last_error,
        count(*) AS runs_tripped,
        min(t.tripped_at) FILTER (
            WHERE r.last_recovered_at IS NULL OR t.tripped_at > r.last_recovered_at
        ) AS outage_since,
        bool_or(t.run_id IN (SELECT run_id FROM last_run)) AS in_last_run
    FROM store.host_trips t LEFT JOIN recovered r USING (host)
    GROUP BY t.host
), waiting AS (
    SELECT host, count(*) AS pages_waiting FROM store.refetch GROUP BY host
)
SELECT
    t.host,
    CASE
        WHEN t.in_last_run THEN 'unreachable'
        WHEN r.last_recovered_at > t.last_tripped_at THEN 'reachable again'
        ELSE 'not asked since'
    END AS status,
    CASE WHEN t.in_last_run THEN coalesce(t.outage_since, t.last_tripped_at) END AS since,
    t.last_error,
    coalesce(w.pages_waiting, 0) AS pages_waiting,
    t.last_tripped_at,
    t.runs_tripped,
    coalesce(r.pages_recovered, 0) AS pages_recovered,
    r.last_recovered_at
FROM trips t
LEFT JOIN waiting w USING (host)
LEFT JOIN recovered r USING (host);
