-- The ten most mentioned entities of each day (the articles view's `day`:
-- publication date, else the day the run covered).
WITH daily AS (
    SELECT
        a.day,
        ae.entity_key,
        any_value(ae.label) AS label,
        any_value(ae.canonical) AS canonical,
        sum(ae.mentions) AS mentions,
        count(DISTINCT ae.article_id) AS articles
    FROM article_entities AS ae
    JOIN articles AS a USING (article_id, run_id)
    GROUP BY a.day, ae.entity_key
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
