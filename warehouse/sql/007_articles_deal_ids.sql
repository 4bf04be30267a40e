-- articles.deal_ids without an ordered aggregate: DuckDB 1.5 (pinned since issue 20, for the CLI
-- and the extension wheels) sorts inside list(... ORDER BY ...) per group, which took the view
-- from 52 ms to 211 ms on the 100k-article benchmark (DuckDB 2.0 planned it better). The same
-- order (subject deals first, then the rest, each by deal_id) from two sorted lists: role is
-- 'subject' or 'mentioned' (README: deal_mentions). Same columns, same rows.

CREATE OR REPLACE VIEW articles AS
WITH mentioned AS (
    SELECT
        article_id,
        flatten([
            list_sort(list(deal_id) FILTER (WHERE role = 'subject')),
            list_sort(list(deal_id) FILTER (WHERE role <> 'subject'))
        ]) AS deal_ids
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
