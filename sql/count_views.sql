-- Event counts (GDELT GKG count types) over the `numbers`, `articles` and
-- `runs` views (views.sql runs first). One row per counted number, with its
-- provenance: article, sentence and character offsets in the article text.
-- Near-duplicate articles (syndicated copies, marked duplicate_of) are left
-- out so a story wired to ten sites counts once. If an article was extracted
-- by more than one live run, only its newest run counts.
-- The place is a name for now; country and coordinates come with the gazetteer.
-- Lakes written before counts existed have no count_type column: the empty
-- UNION BY NAME adds it as NULL, so their catalog still builds (with no counts).
CREATE OR REPLACE VIEW counts AS
WITH newest AS (
    SELECT n.*, r.covers
    FROM (
        SELECT * FROM numbers
        UNION ALL BY NAME
        SELECT NULL::VARCHAR AS count_type, NULL::VARCHAR AS place WHERE false
    ) AS n
    LEFT JOIN runs AS r USING (run_id)
    WHERE n.count_type IS NOT NULL
    QUALIFY dense_rank() OVER (
        PARTITION BY n.article_id ORDER BY r.started_at DESC NULLS LAST, n.run_id DESC
    ) = 1
),
article AS (
    SELECT
        article_id,
        any_value(published) AS published,
        bool_or(duplicate_of IS NOT NULL) AS duplicate
    FROM articles
    GROUP BY article_id
)
SELECT
    n.count_type AS type,
    n.value,
    n.qualifier,
    n.noun AS object,
    n.place,
    coalesce(a.published, n.covers) AS day,
    n.article_id,
    n.run_id,
    n.sentence,
    n.start,
    n."end",
    n.surface
FROM newest AS n
LEFT JOIN article AS a USING (article_id)
WHERE NOT coalesce(a.duplicate, false);
