-- feat_latency_minute: latency percentiles per service per minute, from spans and from the
-- duration_ms of error events, with span error counts.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense: minutes without spans
--          have zero counts and NULL percentiles).
-- Inputs:  feat_service_minute, spans, events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, minute              the key
--   count_spans                  spans of the service that started in the minute
--   count_error_spans            of those, with status ERROR
--   span_error_ratio             count_error_spans / count_spans; NULL without spans
--   latency_p50_ms, latency_p95_ms, latency_p99_ms
--                                percentiles (linear interpolation) of span duration_ms
--   error_duration_p50_ms, error_duration_p95_ms, error_duration_p99_ms
--                                the same over duration_ms of the minute's error events (any
--                                severity); NULL when none has a duration
WITH latency AS (
    SELECT
        service,
        date_trunc('minute', start) AS minute,
        count(*) AS count_spans,
        count(CASE WHEN status = 'ERROR' THEN 1 END) AS count_error_spans,
        quantile_cont(duration_ms, [0.5, 0.95, 0.99]) AS latencies_ms
    FROM spans
    WHERE start >= CAST($range_start AS TIMESTAMP)
      AND start < CAST($range_end AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', start)
),
durations AS (
    SELECT
        service,
        date_trunc('minute', timestamp) AS minute,
        -- one sort per group for the three percentiles
        quantile_cont(duration_ms, [0.5, 0.95, 0.99]) AS error_durations_ms
    FROM events
    WHERE duration_ms IS NOT NULL
      AND timestamp >= CAST($range_start AS TIMESTAMP)
      AND timestamp < CAST($range_end AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', timestamp)
)
SELECT
    g.service,
    g.minute,
    coalesce(l.count_spans, 0) AS count_spans,
    coalesce(l.count_error_spans, 0) AS count_error_spans,
    CAST(l.count_error_spans AS DOUBLE) / l.count_spans AS span_error_ratio,
    l.latencies_ms[1] AS latency_p50_ms,
    l.latencies_ms[2] AS latency_p95_ms,
    l.latencies_ms[3] AS latency_p99_ms,
    d.error_durations_ms[1] AS error_duration_p50_ms,
    d.error_durations_ms[2] AS error_duration_p95_ms,
    d.error_durations_ms[3] AS error_duration_p99_ms
FROM feat_service_minute AS g
LEFT JOIN latency AS l ON l.service = g.service AND l.minute = g.minute
LEFT JOIN durations AS d ON d.service = g.service AND d.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
