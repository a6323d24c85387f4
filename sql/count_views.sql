-- Event counts (GDELT GKG count types) over the `numbers`, `articles` and
-- `runs` views (views.sql runs first). One row per counted number, with its
-- provenance: article, sentence and character offsets in the article text.
-- Near-duplicate articles (syndicated copies, marked duplicate_of) are left
-- out so a story wired to ten sites counts once. If an article was extracted
-- by more than one live run, only its newest run counts.
-- The place is the name the article used, geocoded where the offline gazetteer
-- knows it (tasks.places): kind, ISO country, coordinates, GeoNames id.
-- Lakes written before counts existed read count_type as NULL (the table's
-- schema file, tasks/lake.write_schema_files): their catalog builds, with no counts.
CREATE OR REPLACE VIEW counts AS
WITH newest AS (
    SELECT * FROM newest_per_article('numbers') WHERE count_type IS NOT NULL
),
article AS (
    SELECT
        article_id,
        any_value(day) AS day,
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
    n.place_kind,
    n.country,
    n.lat,
    n.lon,
    n.geonames_id,
    a.day,
    n.article_id,
    n.run_id,
    n.sentence,
    n.start,
    n."end",
    n.surface
FROM newest AS n
LEFT JOIN article AS a USING (article_id)
WHERE NOT coalesce(a.duplicate, false);
