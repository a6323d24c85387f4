-- Articles per day (the articles view's `day`: publication date, else the day
-- the run covered), with how many were near-duplicates of an earlier story.
SELECT
    day,
    count(*) AS articles,
    count(duplicate_of) AS near_duplicates,
    sum(n_words) AS words
FROM articles
GROUP BY day
ORDER BY day;
