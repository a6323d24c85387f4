-- Entity views over the `entities`, `entity_aliases`, `articles` and `runs`
-- views (views.sql runs first). Counting unit: an entity_key, which already
-- groups "Mr Putin", "Putin" and "Vladimir Putin" within an article, places
-- by the gazetteer ("U.S." and "America" are GPE:iso:us), and here across
-- articles by the links in entity_aliases, so new evidence re-keys history
-- without rewriting it.

-- Links that hold for every night: the full name most articles of all runs
-- wrote beside a short form, if strictly ahead of any other. Two groups
-- giving one person one job (`role`) count from the second night that shows
-- it: one night's coincidence (a coalition, a slip) is no second name.
CREATE OR REPLACE VIEW entity_links AS
WITH votes AS (
    SELECT from_key, to_key, sum(articles) AS articles
    FROM entity_aliases
    WHERE NOT run_scoped
    GROUP BY from_key, to_key
    HAVING bool_or(kind <> 'role') OR count(DISTINCT run_id) >= 2
),
ranked AS (
    SELECT
        *,
        rank() OVER (PARTITION BY from_key ORDER BY articles DESC) AS place,
        count(*) OVER (PARTITION BY from_key, articles) AS tied
    FROM votes
)
SELECT from_key, to_key, articles FROM ranked WHERE place = 1 AND tied = 1;

-- Entity mentions under their resolved key; `mention_key` is the key the
-- entity task gave (the article's own evidence).
CREATE OR REPLACE VIEW keyed_entities AS
SELECT
    e.* REPLACE (coalesce(night.to_key, link.to_key, e.entity_key) AS entity_key),
    e.entity_key AS mention_key
FROM entities AS e
LEFT JOIN entity_aliases AS night
  ON night.run_scoped AND night.run_id = e.run_id AND night.from_key = e.entity_key
LEFT JOIN entity_links AS link ON link.from_key = e.entity_key;

-- One display name per key: its most frequent full form in mixed case.
-- Names of mentions linked from a short form ("API") and spellings in
-- capitals (datelines, headlines) count only when nothing else names the key.
CREATE OR REPLACE VIEW entity_names AS
SELECT
    entity_key,
    coalesce(
        mode(canonical) FILTER (WHERE mention_key = entity_key AND canonical <> upper(canonical)),
        mode(canonical) FILTER (WHERE canonical <> upper(canonical)),
        mode(canonical)
    ) AS name
FROM keyed_entities
GROUP BY entity_key;

-- One row per article and entity. If an article was extracted by more than
-- one live run, only its newest run counts, so a rerun never doubles mentions.
CREATE OR REPLACE VIEW article_entities AS
WITH newest AS (
    SELECT * FROM newest_per_article('keyed_entities')
),
per_entity AS (
    SELECT
        article_id,
        any_value(run_id) AS run_id,
        entity_key,
        any_value(label) AS label,
        any_value(country) AS country,
        count(*) AS mentions,
        min(start) AS first_start,
        min(sentence) AS first_sentence
    FROM newest
    GROUP BY article_id, entity_key
)
SELECT
    p.*,
    n.name AS canonical,
    -- Share of the article's entity mentions: how much the story is about it.
    p.mentions / sum(p.mentions) OVER (PARTITION BY p.article_id) AS share
FROM per_entity AS p
JOIN entity_names AS n USING (entity_key);

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
