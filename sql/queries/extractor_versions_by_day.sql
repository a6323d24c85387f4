-- Which extractor version made each day's rows (articles' day), and the days to reprocess:
-- those made by another version than the newest run's, or before versions were recorded (NULL).
WITH newest AS (
    SELECT extractor_version FROM runs
    WHERE status = 'committed' AND extractor_version IS NOT NULL
    ORDER BY started_at DESC LIMIT 1
)
SELECT
    a.day,
    coalesce(r.extractor_version, '(unrecorded)') AS extractor_version,
    count(*) AS articles,
    string_agg(DISTINCT a.run_id, ', ' ORDER BY a.run_id) AS runs,
    r.extractor_version IS NULL
        OR r.extractor_version IS DISTINCT FROM (SELECT extractor_version FROM newest) AS needs_reprocess
FROM articles AS a
JOIN runs AS r USING (run_id)
GROUP BY ALL
ORDER BY a.day, extractor_version;
