-- feat_latency_minute: span latency percentiles and span error counts per service per minute.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense: minutes without spans
--          have zero counts and NULL percentiles).
-- Inputs:  feat_service_minute, spans
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, minute              the key
--   count_spans                  spans of the service that started in the minute
--   count_error_spans            of those, with status ERROR
--   span_error_ratio             count_error_spans / count_spans; NULL without spans
--   latency_p50_ms, latency_p95_ms, latency_p99_ms
--                                percentiles (linear interpolation) of span duration_ms
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
)
SELECT
    g.service,
    g.minute,
    coalesce(l.count_spans, 0) AS count_spans,
    coalesce(l.count_error_spans, 0) AS count_error_spans,
    CAST(l.count_error_spans AS DOUBLE) / l.count_spans AS span_error_ratio,
    l.latencies_ms[1] AS latency_p50_ms,
    l.latencies_ms[2] AS latency_p95_ms,
    l.latencies_ms[3] AS latency_p99_ms
FROM feat_service_minute AS g
LEFT JOIN latency AS l ON l.service = g.service AND l.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
