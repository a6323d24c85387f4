-- Entity views over the `entities`, `articles` and `runs` views (views.sql
-- runs first). Counting unit: an entity_key, which already groups "Mr Putin",
-- "Putin" and "Vladimir Putin" within an article and folds case and accents
-- across articles.

-- One row per article and entity. If an article was extracted by more than
-- one live run, only its newest run counts, so a rerun never doubles mentions.
CREATE OR REPLACE VIEW article_entities AS
WITH newest AS (
    SELECT e.*
    FROM entities AS e
    LEFT JOIN runs AS r USING (run_id)
    QUALIFY dense_rank() OVER (
        PARTITION BY e.article_id ORDER BY r.started_at DESC NULLS LAST, e.run_id DESC
    ) = 1
),
per_entity AS (
    SELECT
        article_id,
        any_value(run_id) AS run_id,
        entity_key,
        any_value(label) AS label,
        mode(canonical) AS canonical,
        count(*) AS mentions,
        min(start) AS first_start,
        min(sentence) AS first_sentence
    FROM newest
    GROUP BY article_id, entity_key
)
SELECT
    *,
    -- Share of the article's entity mentions: how much the story is about it.
    mentions / sum(mentions) OVER (PARTITION BY article_id) AS share
FROM per_entity;

-- Entities named in the same article, each unordered pair once (a < b).
CREATE OR REPLACE VIEW entity_pairs AS
SELECT
    a.entity_key AS entity_a,
    b.entity_key AS entity_b,
    count(*) AS articles,
    sum(least(a.mentions, b.mentions)) AS joint_mentions
FROM article_entities AS a
JOIN article_entities AS b
  ON a.article_id = b.article_id AND a.entity_key < b.entity_key
GROUP BY a.entity_key, b.entity_key;
