-- feat_fingerprint_mix_minute: how varied and how new a service's errors are, per minute.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense: minutes without
--          errors have zero counts and NULL shares).
-- Inputs:  feat_service_minute, feat_fingerprint_minute, events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, minute              the key
--   count_fingerprints           distinct fingerprints logged in the minute
--   count_fingerprints_new_1h    of those, first seen by the service within the last hour
--   count_fingerprints_first_seen
--                                of those, first seen by the service in this very minute
--   top_fingerprint_share        events of the most frequent fingerprint / events with a
--                                fingerprint; NULL when no event has one
--   count_error_types            distinct error types (a missing type counts as one type)
--   error_type_entropy_bits      Shannon entropy (base 2) of the error-type mix over all the
--                                minute's events; 0 for a single type, NULL with no events
WITH fingerprints AS (
    SELECT
        service,
        minute,
        count(*) AS count_fingerprints,
        count(CASE WHEN is_new_1h THEN 1 END) AS count_fingerprints_new_1h,
        count(CASE WHEN is_first_seen THEN 1 END) AS count_fingerprints_first_seen,
        CAST(max(count_events) AS DOUBLE) / sum(count_events) AS top_fingerprint_share
    FROM feat_fingerprint_minute
    WHERE minute >= CAST($range_start AS TIMESTAMP)
      AND minute < CAST($range_end AS TIMESTAMP)
    GROUP BY service, minute
),
types AS (
    SELECT
        service,
        date_trunc('minute', timestamp) AS minute,
        coalesce(error_type, '') AS error_type,
        count(*) AS count_events
    FROM events
    WHERE timestamp >= CAST($range_start AS TIMESTAMP)
      AND timestamp < CAST($range_end AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', timestamp), coalesce(error_type, '')
),
totals AS (
    SELECT service, minute, sum(count_events) AS total_events
    FROM types
    GROUP BY service, minute
),
type_shares AS (
    -- a join on the minute's total rather than a window over every (service, minute)
    SELECT
        t.service,
        t.minute,
        CAST(t.count_events AS DOUBLE) / n.total_events AS share
    FROM types AS t
    JOIN totals AS n ON n.service = t.service AND n.minute = t.minute
),
mix AS (
    SELECT
        service,
        minute,
        count(*) AS count_error_types,
        -- greatest(0, .) removes the -0.0 that rounding leaves for a single type
        greatest(0.0, -sum(share * log2(share))) AS error_type_entropy_bits
    FROM type_shares
    GROUP BY service, minute
)
SELECT
    g.service,
    g.minute,
    coalesce(f.count_fingerprints, 0) AS count_fingerprints,
    coalesce(f.count_fingerprints_new_1h, 0) AS count_fingerprints_new_1h,
    coalesce(f.count_fingerprints_first_seen, 0) AS count_fingerprints_first_seen,
    f.top_fingerprint_share,
    coalesce(m.count_error_types, 0) AS count_error_types,
    m.error_type_entropy_bits
FROM feat_service_minute AS g
LEFT JOIN fingerprints AS f ON f.service = g.service AND f.minute = g.minute
LEFT JOIN mix AS m ON m.service = g.service AND m.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
