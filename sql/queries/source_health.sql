-- Per source and night: articles, rejects by reason, median words, against the trailing 7 nights; flagged first.
-- A source is the site's domain from the article's URL, else the input folder (a YYYY-MM-DD day folder
-- right above the file is skipped, so a daily inbox keeps its source names). Nights are the days with any
-- rows; a source absent on such a night counts 0 there. Flags (only once there are trailing nights):
-- "output fell by half" when the trailing average was at least 3 articles and tonight is under half of it;
-- "rejects doubled" when tonight's rejects are over twice the trailing average (and at least 3).
WITH rows_ AS (
    SELECT r.covers,
           coalesce(nullif(regexp_extract(lower(a.url), '^[a-z]+://(www\.)?([^/:?#]+)', 2), ''),
                    regexp_extract(a.source, '([^/]+)/(\d{4}-\d{2}-\d{2}/)?[^/]+$', 1)) AS source,
           1 AS article, NULL AS reason, a.n_words
    FROM articles a JOIN runs r USING (run_id)
    UNION ALL
    SELECT r.covers, regexp_extract(j.source, '([^/]+)/(\d{4}-\d{2}-\d{2}/)?[^/]+$', 1), 0, j.reason, NULL
    FROM rejects j JOIN runs r USING (run_id)
),
nights AS (SELECT DISTINCT covers FROM rows_),
sources AS (SELECT DISTINCT source FROM rows_),
per_night AS (
    SELECT n.covers, s.source,
           count(x.article) FILTER (WHERE x.article = 1) AS articles,
           count(x.reason) AS rejects,
           median(x.n_words) AS median_words
    FROM nights n CROSS JOIN sources s
    LEFT JOIN rows_ x ON x.covers = n.covers AND x.source = s.source
    GROUP BY ALL
),
reasons AS (
    SELECT covers, source, string_agg(reason || ' ' || n, ', ' ORDER BY n DESC, reason) AS rejects_by_reason
    FROM (SELECT covers, source, reason, count(*) AS n FROM rows_ WHERE reason IS NOT NULL GROUP BY ALL)
    GROUP BY ALL
),
compared AS (
    SELECT p.*,
           count(*) OVER w AS trailing_nights,
           avg(p.articles) OVER w AS trailing_articles,
           avg(p.rejects) OVER w AS trailing_rejects,
           median(p.median_words) OVER w AS trailing_median_words
    FROM per_night p
    WINDOW w AS (PARTITION BY p.source ORDER BY p.covers
                 RANGE BETWEEN INTERVAL 7 DAYS PRECEDING AND INTERVAL 1 DAY PRECEDING)
)
SELECT c.covers, c.source, c.articles, c.rejects, coalesce(r.rejects_by_reason, '') AS rejects_by_reason,
       c.median_words, c.trailing_nights, round(c.trailing_articles, 1) AS trailing_articles,
       round(c.trailing_rejects, 1) AS trailing_rejects, c.trailing_median_words,
       concat_ws('; ',
           CASE WHEN c.trailing_nights > 0 AND c.trailing_articles >= 3 AND c.articles < c.trailing_articles / 2
                THEN 'output fell by half' END,
           CASE WHEN c.trailing_nights > 0 AND c.rejects >= 3 AND c.rejects > 2 * c.trailing_rejects
                THEN 'rejects doubled' END) AS flag
FROM compared c
LEFT JOIN reasons r USING (covers, source)
WHERE c.articles + c.rejects > 0 OR c.trailing_articles > 0 OR c.trailing_rejects > 0
ORDER BY c.covers DESC, flag = '', c.source
