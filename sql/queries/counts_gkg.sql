-- Each article's counts in GDELT GKG 2.1 V2Counts format, so tools written for GDELT read them:
-- TYPE#COUNT#OBJECT#LOCTYPE#LOCNAME#CC#ADM1#LAT#LON#FEATUREID#OFFSET, joined by ';' in text order.
-- LOCTYPE, CC, ADM1, LAT, LON and FEATUREID stay empty until places are geocoded;
-- OFFSET is the count's character offset in the article text. '#' and ';' in names become spaces.
SELECT
    article_id,
    day,
    string_agg(
        concat_ws('#',
            type,
            CAST(CAST(round(value) AS BIGINT) AS VARCHAR),
            coalesce(regexp_replace(object, '[#;]', ' ', 'g'), ''),
            '',
            coalesce(regexp_replace(place, '[#;]', ' ', 'g'), ''),
            '', '', '', '', '',
            CAST(start AS VARCHAR)),
        ';' ORDER BY start
    ) AS v2counts
FROM counts
GROUP BY article_id, day
ORDER BY day DESC, article_id;
