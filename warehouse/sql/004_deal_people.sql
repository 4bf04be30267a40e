-- The people of each deal, as alerts show them (every name any of its mentions gives, sorted), kept
-- up to date by the store as mentions arrive: reading them used to unnest every mention of the deal
-- for each new article (benchmarks/bench_warehouse.py, one article at 100k articles).
-- A table beside store.deals rather than a column of it: the raw tables keep their columns.

CREATE TABLE store.deal_people (
    deal_id VARCHAR PRIMARY KEY,
    people VARCHAR[] NOT NULL
);

INSERT INTO store.deal_people
SELECT deal_id, list_sort(list_distinct(flatten(list(coalesce(people, []::VARCHAR[])))))
FROM store.deal_mentions
GROUP BY deal_id;
