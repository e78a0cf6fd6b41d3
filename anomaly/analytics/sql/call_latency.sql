-- call_latency: latency of calls between services, from parent/child spans.
-- grain: one row per caller, callee (distinct services)
-- inputs: spans (a child span's service is the callee, its parent's the caller)
-- columns: caller, callee, count_calls, count_error_calls, error_call_ratio,
--          count_ok_calls, ok_latency_p50_ms, ok_latency_p99_ms (successful calls: what
--          the callee needs when healthy), error_latency_p50_ms, error_latency_max_ms
--          (how long callers waited on calls that failed)
SELECT
    p.service AS caller,
    c.service AS callee,
    count(*) AS count_calls,
    count(*) FILTER (WHERE upper(c.status) = 'ERROR') AS count_error_calls,
    count(*) FILTER (WHERE upper(c.status) = 'ERROR') / count(*) AS error_call_ratio,
    count(*) FILTER (WHERE upper(c.status) <> 'ERROR') AS count_ok_calls,
    quantile_cont(c.duration_ms, 0.5) FILTER (WHERE upper(c.status) <> 'ERROR')
        AS ok_latency_p50_ms,
    quantile_cont(c.duration_ms, 0.99) FILTER (WHERE upper(c.status) <> 'ERROR')
        AS ok_latency_p99_ms,
    quantile_cont(c.duration_ms, 0.5) FILTER (WHERE upper(c.status) = 'ERROR')
        AS error_latency_p50_ms,
    max(c.duration_ms) FILTER (WHERE upper(c.status) = 'ERROR') AS error_latency_max_ms
FROM spans AS c
JOIN spans AS p
    ON c.trace_id = p.trace_id AND c.parent_span_id = p.span_id
WHERE p.service IS NOT NULL AND c.service IS NOT NULL AND p.service <> c.service
GROUP BY ALL
ORDER BY caller, callee
