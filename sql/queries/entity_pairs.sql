-- The entity pairs named together in the most articles.
SELECT
    entity_a,
    entity_b,
    articles,
    joint_mentions
FROM entity_pairs
ORDER BY articles DESC, joint_mentions DESC, entity_a, entity_b
LIMIT 50;
