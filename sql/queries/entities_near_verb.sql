-- Entities named in the same sentence as a number governed by a verb:
-- who and where around "6,000 people have been killed". The verb defaults
-- to 'kill'; `SET VARIABLE verb = 'die';` asks about another one. The match
-- takes the lemma or any inflection that starts with it ("killed").
WITH hits AS (
    SELECT article_id, run_id, sentence, value, noun, verb, surface
    FROM numbers
    WHERE lower(verb) LIKE lower(coalesce(getvariable('verb'), 'kill')) || '%'
),
sentence_entities AS (
    -- An entity named twice in a sentence is still one entity near the number.
    SELECT article_id, run_id, sentence, entity_key, any_value(label) AS label
    FROM keyed_entities
    GROUP BY article_id, run_id, sentence, entity_key
)
SELECT
    e.entity_key,
    any_value(e.label) AS label,
    any_value(n.name) AS canonical,
    count(DISTINCT (h.article_id, h.sentence)) AS sentences,
    count(DISTINCT h.article_id) AS articles,
    sum(h.value) AS total_value,
    any_value(concat_ws(' ', h.surface, h.noun, h.verb)) AS example
FROM hits AS h
JOIN sentence_entities AS e
  ON e.article_id = h.article_id AND e.run_id = h.run_id AND e.sentence = h.sentence
JOIN entity_names AS n ON n.entity_key = e.entity_key
GROUP BY e.entity_key
ORDER BY sentences DESC, total_value DESC NULLS LAST, e.entity_key
LIMIT 50;
