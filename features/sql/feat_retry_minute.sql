-- feat_retry_minute: repeated operations within one trace, a retry-storm signal, per service
-- per minute.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense).
-- Inputs:  feat_service_minute, spans, events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  spans of one trace with the same parent, service and operation are attempts of
--          one call; every attempt after the first (ordered by start, then span_id) is a
--          retry, counted in the minute it starts. The same for error events: events of one
--          trace with the same service, route (or component) and error type are repeats of
--          one failure. Attempts more than 15 minutes apart are not linked, which keeps each
--          row independent of where a build range starts.
-- Columns:
--   service, minute              the key
--   count_span_retries           retry spans started in the minute
--   count_traces_with_retries    distinct traces with a retry span in the minute
--   count_error_repeats          error events repeating an earlier failure of the same trace
WITH attempts AS (
    SELECT
        trace_id,
        service,
        start,
        lag(start) OVER (
            PARTITION BY trace_id, coalesce(parent_span_id, ''), service, operation
            ORDER BY start, span_id
        ) AS previous_start
    FROM spans
    WHERE trace_id IS NOT NULL
      AND start >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND start < CAST($range_end AS TIMESTAMP)
),
span_retries AS (
    SELECT
        service,
        date_trunc('minute', start) AS minute,
        count(*) AS count_span_retries,
        count(DISTINCT trace_id) AS count_traces_with_retries
    FROM attempts
    WHERE previous_start IS NOT NULL
      AND previous_start >= start - INTERVAL 15 MINUTE
      AND start >= CAST($range_start AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', start)
),
failures AS (
    SELECT
        service,
        timestamp,
        lag(timestamp) OVER (
            PARTITION BY trace_id, service, coalesce(http_route, component, ''),
                coalesce(error_type, '')
            ORDER BY timestamp, event_id
        ) AS previous_at
    FROM events
    WHERE trace_id IS NOT NULL
      AND timestamp >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND timestamp < CAST($range_end AS TIMESTAMP)
),
error_repeats AS (
    SELECT service, date_trunc('minute', timestamp) AS minute, count(*) AS count_error_repeats
    FROM failures
    WHERE previous_at IS NOT NULL
      AND previous_at >= timestamp - INTERVAL 15 MINUTE
      AND timestamp >= CAST($range_start AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', timestamp)
)
SELECT
    g.service,
    g.minute,
    coalesce(s.count_span_retries, 0) AS count_span_retries,
    coalesce(s.count_traces_with_retries, 0) AS count_traces_with_retries,
    coalesce(e.count_error_repeats, 0) AS count_error_repeats
FROM feat_service_minute AS g
LEFT JOIN span_retries AS s ON s.service = g.service AND s.minute = g.minute
LEFT JOIN error_repeats AS e ON e.service = g.service AND e.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
