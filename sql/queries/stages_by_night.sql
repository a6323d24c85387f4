-- Seconds, articles and rejects of each stage, run by run, newest first: how each stage trends night over night.
WITH items AS (
    SELECT covers, run_id, status, started_at, unnest(stages) AS s, generate_subscripts(stages, 1) AS position
    FROM runs
)
SELECT covers, run_id, status, s.stage, s.n_in, s.n_out, s.rejected, round(s.seconds, 3) AS seconds,
       round(100 * s.share, 1) AS pct_of_wall, s.entities, s.numbers, s.rejects
FROM items
ORDER BY started_at DESC, position  -- runs.stages is stored in pipeline order
LIMIT 200;
