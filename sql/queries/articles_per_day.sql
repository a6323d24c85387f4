-- Articles per publication day (or the day the run covered when the source
-- gave no date), with how many were near-duplicates of an earlier story.
SELECT
    coalesce(a.published, r.covers) AS day,
    count(*) AS articles,
    count(a.duplicate_of) AS near_duplicates,
    sum(a.n_words) AS words
FROM articles AS a
JOIN runs AS r USING (run_id)
GROUP BY day
ORDER BY day;
