-- Why input was turned away, most common reason first.
SELECT
    reason,
    count(*) AS rejects,
    any_value(source) AS example_source
FROM rejects
GROUP BY reason
ORDER BY rejects DESC, reason;
