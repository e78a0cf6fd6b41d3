-- feat_trace_propagation: per service and minute, errors that originate in the service versus
-- errors it propagates from a callee in the same trace.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense).
-- Inputs:  feat_service_minute, spans, events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  an error span is a span with status ERROR, or a span that an ERROR/FATAL event
--          names through trace_id + span_id (so events alone are enough when there is no
--          spans input). Records of one span are merged; the span's time is its earliest
--          record. An error span is "propagated" when one of its direct child spans in the
--          same trace is also an error span, and "originated" otherwise. Parent and child
--          must start within 15 minutes of each other (longer traces are cut there), which
--          keeps each row independent of where a build range starts or ends.
-- Columns:
--   service, minute              the key (minute of the error span's start)
--   count_errors_originated      error spans with no erroring child: the error starts here
--   count_errors_propagated      error spans with an erroring child: passed up from a callee
--   propagated_share             propagated / (originated + propagated); NULL without errors
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
classified AS (
    SELECT
        n.service,
        date_trunc('minute', n.seen_at) AS minute,
        n.trace_id,
        n.span_id,
        max(CASE WHEN c.span_id IS NULL THEN 0 ELSE 1 END) AS has_error_child
    FROM nodes AS n
    LEFT JOIN nodes AS c
        ON c.trace_id = n.trace_id
       AND c.parent_span_id = n.span_id
       AND c.is_error = 1
       AND c.seen_at >= n.seen_at - INTERVAL 15 MINUTE
       AND c.seen_at < n.seen_at + INTERVAL 15 MINUTE
    WHERE n.is_error = 1
      AND n.seen_at >= CAST($range_start AS TIMESTAMP)
      AND n.seen_at < CAST($range_end AS TIMESTAMP)
    GROUP BY n.service, date_trunc('minute', n.seen_at), n.trace_id, n.span_id
),
per_minute AS (
    SELECT
        service,
        minute,
        count(CASE WHEN has_error_child = 0 THEN 1 END) AS count_errors_originated,
        count(CASE WHEN has_error_child = 1 THEN 1 END) AS count_errors_propagated
    FROM classified
    GROUP BY service, minute
)
SELECT
    g.service,
    g.minute,
    coalesce(p.count_errors_originated, 0) AS count_errors_originated,
    coalesce(p.count_errors_propagated, 0) AS count_errors_propagated,
    CAST(p.count_errors_propagated AS DOUBLE)
        / (p.count_errors_originated + p.count_errors_propagated) AS propagated_share
FROM feat_service_minute AS g
LEFT JOIN per_minute AS p ON p.service = g.service AND p.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
