-- The most mentioned entities over all articles, with how many articles name them.
SELECT
    entity_key,
    any_value(label) AS label,
    any_value(canonical) AS canonical,
    any_value(country) AS country,
    sum(mentions) AS mentions,
    count(*) AS articles,
    round(avg(share), 3) AS avg_share
FROM article_entities
GROUP BY entity_key
ORDER BY mentions DESC, articles DESC, entity_key
LIMIT 50;
