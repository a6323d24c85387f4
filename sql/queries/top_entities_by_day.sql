-- The ten most mentioned entities of each day. The day is the publication
-- date, or the UTC day the run started when the source gave no date.
WITH daily AS (
    SELECT
        coalesce(a.published, CAST(timezone('UTC', r.started_at) AS DATE)) AS day,
        ae.entity_key,
        any_value(ae.label) AS label,
        mode(ae.canonical) AS canonical,
        sum(ae.mentions) AS mentions,
        count(DISTINCT ae.article_id) AS articles
    FROM article_entities AS ae
    JOIN articles AS a USING (article_id, run_id)
    LEFT JOIN runs AS r USING (run_id)
    GROUP BY day, ae.entity_key
)
SELECT
    day,
    row_number() OVER (PARTITION BY day ORDER BY mentions DESC, articles DESC, entity_key) AS rank,
    entity_key,
    label,
    canonical,
    mentions,
    articles
FROM daily
QUALIFY rank <= 10
ORDER BY day, rank;
