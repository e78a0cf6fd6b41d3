-- error_counts: the events table summarized for the analytics.
-- grain: one row per hour, service, version, fingerprint, error_type, http_status
-- inputs: events (fingerprint and template_id as assigned by `faultline fingerprint`)
-- columns: hour (naive UTC), service, version, fingerprint, error_type, http_status,
--          count_errors (stored rows), estimated_errors (sum of sample_weight: rows
--          sampled out at ingest are represented by the weight of the ones kept)
SELECT
    date_trunc('hour', timestamp) AS hour,
    service,
    version,
    fingerprint,
    error_type,
    http_status,
    count(*) AS count_errors,
    sum(coalesce(sample_weight, 1.0)) AS estimated_errors
FROM events
GROUP BY ALL
ORDER BY hour, service
