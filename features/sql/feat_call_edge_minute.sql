-- feat_call_edge_minute: calls and erroring calls from one service to another, per minute.
--
-- Grain:   one row per (caller, callee, minute) with at least one call seen (sparse).
-- Inputs:  spans, events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  spans come from the spans input and from events carrying trace_id + span_id, merged
--          as in feat_trace_propagation. A call is a span whose parent span (same trace,
--          starting within 15 minutes of it) belongs to another service: caller = the
--          parent's service, callee = the span's service, minute = the callee span's start.
--          Without a spans input only erroring calls are visible, so count_calls then equals
--          count_error_calls.
-- Columns:
--   caller, callee, minute       the key
--   count_calls                  calls seen
--   count_error_calls            calls whose callee span is an error span
--   error_call_ratio             count_error_calls / count_calls
WITH records AS (
    SELECT
        trace_id, span_id, parent_span_id, service, start AS seen_at,
        CASE WHEN status = 'ERROR' THEN 1 ELSE 0 END AS is_error
    FROM spans
    WHERE trace_id IS NOT NULL AND span_id IS NOT NULL
      AND start >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND start < CAST($range_end AS TIMESTAMP) + INTERVAL 15 MINUTE
    UNION ALL
    SELECT trace_id, span_id, parent_span_id, service, timestamp AS seen_at, 1 AS is_error
    FROM events
    WHERE trace_id IS NOT NULL AND span_id IS NOT NULL AND severity IN ('ERROR', 'FATAL')
      AND timestamp >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND timestamp < CAST($range_end AS TIMESTAMP) + INTERVAL 15 MINUTE
),
nodes AS (
    SELECT
        trace_id,
        span_id,
        max(parent_span_id) AS parent_span_id,
        min(service) AS service,
        min(seen_at) AS seen_at,
        max(is_error) AS is_error
    FROM records
    GROUP BY trace_id, span_id
),
calls AS (
    SELECT
        p.service AS caller,
        c.service AS callee,
        date_trunc('minute', c.seen_at) AS minute,
        c.is_error
    FROM nodes AS c
    JOIN nodes AS p
        ON p.trace_id = c.trace_id
       AND p.span_id = c.parent_span_id
       AND p.seen_at >= c.seen_at - INTERVAL 15 MINUTE
       AND p.seen_at < c.seen_at + INTERVAL 15 MINUTE
    WHERE p.service <> c.service
      AND c.seen_at >= CAST($range_start AS TIMESTAMP)
      AND c.seen_at < CAST($range_end AS TIMESTAMP)
)
SELECT
    caller,
    callee,
    minute,
    count(*) AS count_calls,
    count(CASE WHEN is_error = 1 THEN 1 END) AS count_error_calls,
    CAST(count(CASE WHEN is_error = 1 THEN 1 END) AS DOUBLE) / count(*) AS error_call_ratio
FROM calls
GROUP BY caller, callee, minute
