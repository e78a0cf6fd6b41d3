-- feat_call_edge_minute: calls and erroring calls from one service to another, per minute.
--
-- Grain:   one row per (caller, callee, minute) with at least one call seen (sparse).
-- Inputs:  spans
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  a call is a span whose parent span (same trace, starting within 15 minutes of it)
--          belongs to another service: caller = the parent's service, callee = the span's
--          service, minute = the callee span's start. When the spans input holds only error
--          spans (some exporters sample that way), count_calls equals count_error_calls.
-- Columns:
--   caller, callee, minute       the key
--   count_calls                  calls seen
--   count_error_calls            calls whose callee span has status ERROR
--   error_call_ratio             count_error_calls / count_calls
WITH windowed AS (
    SELECT trace_id, span_id, parent_span_id, service, start, status
    FROM spans
    WHERE trace_id IS NOT NULL AND span_id IS NOT NULL
      AND start >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND start < CAST($range_end AS TIMESTAMP) + INTERVAL 15 MINUTE
),
calls AS (
    SELECT
        p.service AS caller,
        c.service AS callee,
        date_trunc('minute', c.start) AS minute,
        c.status
    FROM windowed AS c
    JOIN windowed AS p
        ON p.trace_id = c.trace_id
       AND p.span_id = c.parent_span_id
       AND p.start >= c.start - INTERVAL 15 MINUTE
       AND p.start < c.start + INTERVAL 15 MINUTE
    WHERE p.service <> c.service
      AND c.start >= CAST($range_start AS TIMESTAMP)
      AND c.start < CAST($range_end AS TIMESTAMP)
)
SELECT
    caller,
    callee,
    minute,
    count(*) AS count_calls,
    count(CASE WHEN status = 'ERROR' THEN 1 END) AS count_error_calls,
    CAST(count(CASE WHEN status = 'ERROR' THEN 1 END) AS DOUBLE) / count(*) AS error_call_ratio
FROM calls
GROUP BY caller, callee, minute
