-- feat_trace_propagation: per service and minute, errors that originate in the service versus
-- errors it propagates from a callee in the same trace.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense).
-- Inputs:  feat_service_minute, spans
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  an error span (status ERROR in the spans input) is "propagated" when one of its
--          direct child spans in the same trace is also an error span, and "originated"
--          otherwise. Parent and child must start within 15 minutes of each other (longer
--          traces are cut there), which keeps each row independent of where a build range
--          starts or ends. Spans are assumed unique per (trace_id, span_id), as ingest keeps
--          them. Error events are not read here: without a spans input the counts are zero.
-- Columns:
--   service, minute              the key (minute of the error span's start)
--   count_errors_originated      error spans with no erroring child: the error starts here
--   count_errors_propagated      error spans with an erroring child: passed up from a callee
--   propagated_share             propagated / (originated + propagated); NULL without errors
-- Speed:   error_spans is NOT MATERIALIZED: the status filter makes a second read cheaper
--          than holding the spans for three readers (DuckDB hint; Spark drops it).
WITH error_spans AS NOT MATERIALIZED (
    SELECT trace_id, span_id, parent_span_id, service, start
    FROM spans
    WHERE status = 'ERROR' AND trace_id IS NOT NULL AND span_id IS NOT NULL
      AND start >= CAST($range_start AS TIMESTAMP) - INTERVAL 15 MINUTE
      AND start < CAST($range_end AS TIMESTAMP) + INTERVAL 15 MINUTE
),
propagating AS (
    -- error spans in the range with at least one erroring child (one row per span)
    SELECT DISTINCT p.trace_id, p.span_id, p.service, date_trunc('minute', p.start) AS minute
    FROM error_spans AS c
    JOIN error_spans AS p
        ON p.trace_id = c.trace_id
       AND p.span_id = c.parent_span_id
       AND p.start >= c.start - INTERVAL 15 MINUTE
       AND p.start < c.start + INTERVAL 15 MINUTE
    WHERE p.start >= CAST($range_start AS TIMESTAMP)
      AND p.start < CAST($range_end AS TIMESTAMP)
),
propagated AS (
    SELECT service, minute, count(*) AS count_errors_propagated
    FROM propagating
    GROUP BY service, minute
),
all_errors AS (
    SELECT service, date_trunc('minute', start) AS minute, count(*) AS count_error_spans
    FROM error_spans
    WHERE start >= CAST($range_start AS TIMESTAMP)
      AND start < CAST($range_end AS TIMESTAMP)
    GROUP BY service, date_trunc('minute', start)
)
SELECT
    g.service,
    g.minute,
    coalesce(a.count_error_spans, 0) - coalesce(p.count_errors_propagated, 0)
        AS count_errors_originated,
    coalesce(p.count_errors_propagated, 0) AS count_errors_propagated,
    CAST(coalesce(p.count_errors_propagated, 0) AS DOUBLE) / a.count_error_spans
        AS propagated_share
FROM feat_service_minute AS g
LEFT JOIN all_errors AS a ON a.service = g.service AND a.minute = g.minute
LEFT JOIN propagated AS p ON p.service = g.service AND p.minute = g.minute
WHERE g.minute >= CAST($range_start AS TIMESTAMP)
  AND g.minute < CAST($range_end AS TIMESTAMP)
