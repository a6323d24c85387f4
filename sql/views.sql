-- One view per table over the Parquet lake. {lake} is replaced by the lake's
-- absolute path when the catalog is built, so the DuckDB CLI, Python and
-- `newsflow sql` all see the same rows from any working directory.
-- Only committed runs that no forced rerun replaced are visible: a run killed
-- half-way, or its leftovers, never show.

CREATE OR REPLACE VIEW runs AS
SELECT *
FROM read_parquet('{lake}/runs/*/*.parquet', hive_partitioning = false, union_by_name = true);

CREATE OR REPLACE VIEW live_runs AS
SELECT run_id
FROM runs
WHERE status = 'committed'
  AND run_id NOT IN (
    SELECT unnest(supersedes) FROM runs WHERE status = 'committed' AND supersedes IS NOT NULL
  );

CREATE OR REPLACE VIEW articles AS
SELECT *
FROM read_parquet('{lake}/articles/*/*.parquet', hive_partitioning = false, union_by_name = true)
WHERE run_id IN (SELECT run_id FROM live_runs);

CREATE OR REPLACE VIEW entities AS
SELECT *
FROM read_parquet('{lake}/entities/*/*.parquet', hive_partitioning = false, union_by_name = true)
WHERE run_id IN (SELECT run_id FROM live_runs);

CREATE OR REPLACE VIEW numbers AS
SELECT *
FROM read_parquet('{lake}/numbers/*/*.parquet', hive_partitioning = false, union_by_name = true)
WHERE run_id IN (SELECT run_id FROM live_runs);

CREATE OR REPLACE VIEW rejects AS
SELECT *
FROM read_parquet('{lake}/rejects/*/*.parquet', hive_partitioning = false, union_by_name = true)
WHERE run_id IN (SELECT run_id FROM live_runs);

CREATE OR REPLACE VIEW files AS
SELECT *
FROM read_parquet('{lake}/files/*/*.parquet', hive_partitioning = false, union_by_name = true)
WHERE run_id IN (SELECT run_id FROM live_runs);
