-- feat_model_input: the wide per-service per-minute table the scoring model reads.
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense).
-- Inputs:  feat_service_minute, feat_fingerprint_mix_minute, feat_latency_minute,
--          feat_deploy_minute, feat_trace_propagation, feat_retry_minute, feat_baseline_minute
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns: the main columns of each input, under the same names (see each input's file):
--   service, minute,
--   count_events, count_errors, count_fatal, count_5xx, requests, has_requests, error_rate,
--   rate_5xx                                                           (feat_service_minute)
--   count_fingerprints, count_fingerprints_new_1h, count_fingerprints_first_seen,
--   top_fingerprint_share, error_type_entropy_bits               (feat_fingerprint_mix_minute)
--   count_spans, span_error_ratio, latency_p50_ms, latency_p95_ms,
--   latency_p99_ms, error_duration_p95_ms                              (feat_latency_minute)
--   version_live, minutes_since_deploy, is_post_deploy_30m             (feat_deploy_minute)
--   count_errors_originated, count_errors_propagated, propagated_share (feat_trace_propagation)
--   count_span_retries, count_traces_with_retries, count_error_repeats (feat_retry_minute)
--   errors_yesterday, errors_last_week, errors_median_60m, errors_mad_60m, errors_ewma,
--   error_rate_median_60m, requests_expected,
--   requests_seasonal_ratio                                            (feat_baseline_minute)
SELECT
    s.service,
    s.minute,
    s.count_events,
    s.count_errors,
    s.count_fatal,
    s.count_5xx,
    s.requests,
    s.has_requests,
    s.error_rate,
    s.rate_5xx,
    f.count_fingerprints,
    f.count_fingerprints_new_1h,
    f.count_fingerprints_first_seen,
    f.top_fingerprint_share,
    f.error_type_entropy_bits,
    l.count_spans,
    l.span_error_ratio,
    l.latency_p50_ms,
    l.latency_p95_ms,
    l.latency_p99_ms,
    l.error_duration_p95_ms,
    d.version_live,
    d.minutes_since_deploy,
    d.is_post_deploy_30m,
    p.count_errors_originated,
    p.count_errors_propagated,
    p.propagated_share,
    r.count_span_retries,
    r.count_traces_with_retries,
    r.count_error_repeats,
    b.errors_yesterday,
    b.errors_last_week,
    b.errors_median_60m,
    b.errors_mad_60m,
    b.errors_ewma,
    b.error_rate_median_60m,
    b.requests_expected,
    b.requests_seasonal_ratio
FROM feat_service_minute AS s
JOIN feat_fingerprint_mix_minute AS f ON f.service = s.service AND f.minute = s.minute
JOIN feat_latency_minute AS l ON l.service = s.service AND l.minute = s.minute
JOIN feat_deploy_minute AS d ON d.service = s.service AND d.minute = s.minute
JOIN feat_trace_propagation AS p ON p.service = s.service AND p.minute = s.minute
JOIN feat_retry_minute AS r ON r.service = s.service AND r.minute = s.minute
JOIN feat_baseline_minute AS b ON b.service = s.service AND b.minute = s.minute
WHERE s.minute >= CAST($range_start AS TIMESTAMP)
  AND s.minute < CAST($range_end AS TIMESTAMP)
