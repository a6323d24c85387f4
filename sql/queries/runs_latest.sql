-- The latest runs with their counts, newest first (failed runs included).
SELECT
    run_id, covers, status, started_at, seconds, files, read, written, rejected,
    duplicates, entities, numbers, words
FROM runs
ORDER BY started_at DESC
LIMIT 20;
