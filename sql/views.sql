-- One view per table over the Parquet lake. {lake} is replaced by the lake's
-- absolute path when the catalog is built, so the DuckDB CLI, Python and
-- `newsflow sql` all see the same rows from any working directory.
-- Only committed runs that no forced rerun replaced are visible: a run killed
-- half-way, or its leftovers, never show.

CREATE OR REPLACE MACRO lake_files(name) AS TABLE
SELECT *
FROM read_parquet('{lake}/' || name || '/*/*.parquet', hive_partitioning = false, union_by_name = true);

CREATE OR REPLACE VIEW runs AS
SELECT * FROM lake_files('runs');

CREATE OR REPLACE VIEW live_runs AS
SELECT run_id
FROM runs
WHERE status = 'committed'
  AND run_id NOT IN (
    SELECT unnest(supersedes) FROM runs WHERE status = 'committed' AND supersedes IS NOT NULL
  );

CREATE OR REPLACE MACRO live_rows(name) AS TABLE
SELECT * FROM lake_files(name) WHERE run_id IN (SELECT run_id FROM live_runs);

-- `day` is the one day an article belongs to, for every query: its
-- publication date, else the day its run covers (a backfill of 30 November
-- nights is 30 days, not the one day the backfill ran).
CREATE OR REPLACE VIEW articles AS
SELECT a.*, coalesce(a.published, r.covers) AS day
FROM live_rows('articles') AS a
LEFT JOIN runs AS r USING (run_id);
CREATE OR REPLACE VIEW entities AS SELECT * FROM live_rows('entities');
CREATE OR REPLACE VIEW numbers AS SELECT * FROM live_rows('numbers');
CREATE OR REPLACE VIEW rejects AS SELECT * FROM live_rows('rejects');
CREATE OR REPLACE VIEW files AS SELECT * FROM live_rows('files');
CREATE OR REPLACE VIEW entity_aliases AS SELECT * FROM live_rows('entity_aliases');

-- Rows of a view from each article's newest live run only: an article that more than
-- one live run extracted (a forced rerun of another day, a reprocess) never counts twice.
CREATE OR REPLACE MACRO newest_per_article(name) AS TABLE
SELECT t.*
FROM query_table(name) AS t
LEFT JOIN runs AS r USING (run_id)
QUALIFY dense_rank() OVER (
    PARTITION BY t.article_id ORDER BY r.started_at DESC NULLS LAST, t.run_id DESC
) = 1;
