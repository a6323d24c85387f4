-- Counts with what they count, the verb that governs them and, for event counts,
-- their GDELT type and place: "KILL#6000#people" view of the news, largest first.
SELECT
    n.count_type,
    n.value,
    n.qualifier,
    n.noun,
    n.verb,
    n.unit,
    n.entity,
    n.place,
    n.surface,
    a.title
FROM numbers AS n
JOIN articles AS a USING (article_id)
WHERE n.kind IN ('cardinal', 'range') AND n.noun IS NOT NULL
ORDER BY n.value DESC
LIMIT 50;
