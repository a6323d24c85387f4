-- Each article's counts in GDELT GKG 2.1 V2Counts format, so tools written for GDELT read them:
-- TYPE#COUNT#OBJECT#LOCTYPE#LOCNAME#CC#ADM1#LAT#LON#FEATUREID#OFFSET, joined by ';' in text order.
-- LOCTYPE as GDELT's: 1 country, 2 US state, 3 US city, 4 world city, 5 world state; empty for
-- places the gazetteer does not know. CC is ISO 3166-1 alpha-2 (GDELT itself writes FIPS 10-4
-- codes), FEATUREID the GeoNames id, ADM1 stays empty. OFFSET is the count's character offset
-- in the article text. '#' and ';' in names become spaces.
SELECT
    article_id,
    day,
    string_agg(
        concat_ws('#',
            type,
            CAST(CAST(round(value) AS BIGINT) AS VARCHAR),
            coalesce(regexp_replace(object, '[#;]', ' ', 'g'), ''),
            CASE place_kind
                WHEN 'country' THEN '1'
                WHEN 'state' THEN CASE WHEN country = 'US' THEN '2' ELSE '5' END
                WHEN 'city' THEN CASE WHEN country = 'US' THEN '3' ELSE '4' END
                ELSE ''
            END,
            coalesce(regexp_replace(place, '[#;]', ' ', 'g'), ''),
            coalesce(country, ''),
            '',
            coalesce(CAST(lat AS VARCHAR), ''),
            coalesce(CAST(lon AS VARCHAR), ''),
            coalesce(CAST(geonames_id AS VARCHAR), ''),
            CAST(start AS VARCHAR)),
        ';' ORDER BY start
    ) AS v2counts
FROM counts
GROUP BY article_id, day
ORDER BY day DESC, article_id;
