-- feat_fingerprint_minute: how often each fingerprint occurs per service per minute, and
-- whether it is new.
--
-- Grain:   one row per (service, fingerprint, minute) in which the fingerprint occurs (sparse:
--          no zero rows). Events without a fingerprint (the fingerprint stage has not run on
--          them) are not counted.
-- Inputs:  events (fingerprint filled by the fingerprint stage)
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, fingerprint, minute the key
--   count_events                 events with this fingerprint in the minute
--   estimated_events             the same, weighted by sample_weight
--   first_seen_at                first time this service ever logged this fingerprint
--   is_first_seen                the fingerprint's first-ever minute for this service
--   is_new_1h                    first seen less than 60 minutes before the end of this minute
WITH first_seen AS (
    SELECT service, fingerprint, min(timestamp) AS first_seen_at
    FROM events
    WHERE fingerprint IS NOT NULL
    GROUP BY service, fingerprint
),
occurrences AS (
    SELECT
        service,
        fingerprint,
        date_trunc('minute', timestamp) AS minute,
        count(*) AS count_events,
        sum(coalesce(sample_weight, 1.0)) AS estimated_events
    FROM events
    WHERE fingerprint IS NOT NULL
      AND timestamp >= CAST($range_start AS TIMESTAMP)
      AND timestamp < CAST($range_end AS TIMESTAMP)
    GROUP BY service, fingerprint, date_trunc('minute', timestamp)
)
SELECT
    o.service,
    o.fingerprint,
    o.minute,
    o.count_events,
    o.estimated_events,
    f.first_seen_at,
    date_trunc('minute', f.first_seen_at) = o.minute AS is_first_seen,
    date_trunc('minute', f.first_seen_at) > o.minute - INTERVAL 60 MINUTE AS is_new_1h
FROM occurrences AS o
JOIN first_seen AS f ON f.service = o.service AND f.fingerprint = o.fingerprint
