-- Per day, count type and place (grouped by place name until the gazetteer gives a country): how many were reported killed, wounded, arrested...
-- `reports` is how many count rows were summed; `largest` is the biggest single
-- report, which is often the better estimate when articles repeat one toll.
SELECT
    day,
    type,
    place,
    count(*) AS reports,
    sum(value) AS total,
    max(value) AS largest
FROM counts
GROUP BY day, type, place
ORDER BY day DESC, type, total DESC;
