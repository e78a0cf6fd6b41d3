-- feat_retry_minute: repeated operations within one trace, a retry-storm signal, per service
-- per minute.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense).
-- Inputs:  feat_service_minute, spans, events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  spans of one trace with the same parent, service and operation are attempts of one
--          call; every attempt after the first (ordered by start, then span_id) that starts
--          within 15 minutes of the previous attempt is a retry, counted in the minute it
--          starts. The 15-minute link keeps each row independent of where a build range
--          starts. Only calls made more than once are ordered (most are made once).
--          The same for error events: events of one trace with the same service, route (or
--          component) and error type are repeats of one failure.
-- Speed:   windowed and failures are NOT MATERIALIZED: reading the columns again is cheaper
--          than holding millions of rows for the second reader (DuckDB hint; Spark drops it).
-- Columns:
--   service, minute              the key
--   count_span_retries           retry spans started in the minute
--   count_traces_with_retries    distinct traces with a retry span in the minute
--   count_error_repeats          error events repeating an earlier failure of the same trace
--                                within 15 minutes
WITH windowed AS NOT MATERIALIZED (
    SELECT trace_id, coalesce(parent_span_id, '') AS parent_span_id, service, operation,
           span_id, start,
           hash(trace_id, coalesce(parent_span_id, ''), service, operation) AS call_hash
    FROM spans
    WHERE trace_id IS NOT NULL
      AND start >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND start < CAST($range_end AS TIMESTAMP)
),
repeated AS (
    -- calls seen more than once, found by a hash of the call's key: a collision only lets a
    -- single call through to the exact ordering below, so the result stays exact
    SELECT call_hash
    FROM windowed
    GROUP BY call_hash
    HAVING count(*) > 1
),
attempts AS (
    SELECT
        trace_id,
        service,
        start,
        lag(start) OVER (
            PARTITION BY trace_id, parent_span_id, service, operation
            ORDER BY start, span_id
        ) AS previous_start
    FROM windowed
    WHERE call_hash IN (SELECT call_hash FROM repeated)
),
retries AS (
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
failures AS NOT MATERIALIZED (
    SELECT trace_id, service, coalesce(http_route, component, '') AS operation,
           coalesce(error_type, '') AS error_type, event_id, timestamp,
           hash(trace_id, service, coalesce(http_route, component, ''), coalesce(error_type, ''))
               AS failure_hash
    FROM events
    WHERE trace_id IS NOT NULL
      AND timestamp >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND timestamp < CAST($range_end AS TIMESTAMP)
),
repeated_failures AS (
    SELECT failure_hash
    FROM failures
    GROUP BY failure_hash
    HAVING count(*) > 1
),
failure_attempts AS (
    SELECT
        service,
        timestamp,
        lag(timestamp) OVER (
            PARTITION BY trace_id, service, operation, error_type
            ORDER BY timestamp, event_id
        ) AS previous_at
    FROM failures
    WHERE failure_hash IN (SELECT failure_hash FROM repeated_failures)
),
repeats AS (
    SELECT service, date_trunc('minute', timestamp) AS minute, count(*) AS count_error_repeats
    FROM failure_attempts
    WHERE previous_at IS NOT NULL
      AND previous_at >= timestamp - INTERVAL 15 MINUTE
      AND timestamp >= CAST($range_start AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', timestamp)
)
SELECT
    g.service,
    g.minute,
    coalesce(r.count_span_retries, 0) AS count_span_retries,
    coalesce(r.count_traces_with_retries, 0) AS count_traces_with_retries,
    coalesce(e.count_error_repeats, 0) AS count_error_repeats
FROM feat_service_minute AS g
LEFT JOIN retries AS r ON r.service = g.service AND r.minute = g.minute
LEFT JOIN repeats AS e ON e.service = g.service AND e.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
