-- Per day, count type and country (ISO 3166-1 alpha-2; NULL where the place is unknown to the gazetteer): how many were reported killed, wounded, arrested...
-- `reports` is how many count rows were summed; `largest` is the biggest single
-- report, which is often the better estimate when articles repeat one toll.
SELECT
    day,
    type,
    country,
    count(*) AS reports,
    sum(value) AS total,
    max(value) AS largest,
    string_agg(DISTINCT place, ', ' ORDER BY place) AS places
FROM counts
GROUP BY day, type, country
ORDER BY day DESC, type, total DESC;
