-- feat_service_minute: error counts, requests and error rates per service per minute.
--
-- Grain:   one row per (service, minute) for every minute of the build range in which the
--          service exists: catalog services from the start of the range, other services from
--          the first minute they appear in events, requests or spans. Minutes without errors
--          are rows with zero counts: detectors need the zeros.
-- Inputs:  events, requests, spans, services
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, minute              the key; minute is the UTC start of the minute
--   count_events                 error events of any severity
--   count_warn, count_errors, count_fatal
--                                by severity; count_errors counts ERROR and FATAL
--   count_5xx                    events with an HTTP status from 500 to 599
--   estimated_errors             ERROR + FATAL events weighted by sample_weight
--   estimated_5xx                5xx events weighted by sample_weight
--   requests                     requests served; NULL when no requests row exists
--   has_requests                 whether a requests row exists for the minute
--   error_rate                   estimated_errors / requests; NULL without a denominator
--                                (no requests row, or zero requests)
--   rate_5xx                     estimated_5xx / requests; NULL without a denominator
-- Durations and latencies are in feat_latency_minute.
WITH errors AS (
    -- the single grouped scan of the range's events. Minutes are grouped as whole minutes
    -- since the epoch (floor: minutes before 1970 are right too) and severities as small
    -- codes; both are cheaper to group and filter on than timestamps and strings.
    SELECT
        service,
        minute_no,
        count(*) AS count_events,
        count(*) FILTER (WHERE sev = 1) AS count_warn,
        count(*) FILTER (WHERE sev >= 2) AS count_errors,
        count(*) FILTER (WHERE sev = 3) AS count_fatal,
        count(*) FILTER (WHERE is_5xx) AS count_5xx,
        -- NULL when no event matches: the final SELECT reads it as 0.0
        sum(coalesce(sample_weight, 1.0)) FILTER (WHERE sev >= 2) AS estimated_errors,
        sum(coalesce(sample_weight, 1.0)) FILTER (WHERE is_5xx) AS estimated_5xx
    FROM (
        SELECT
            service,
            CAST(floor(epoch(timestamp) / 60) AS BIGINT) AS minute_no,
            -- WARN 1, ERROR 2, FATAL 3 (ERROR and FATAL are the errors), anything else 0
            CASE severity WHEN 'WARN' THEN 1 WHEN 'ERROR' THEN 2 WHEN 'FATAL' THEN 3 ELSE 0 END
                AS sev,
            http_status BETWEEN 500 AND 599 AS is_5xx,
            sample_weight
        FROM events
        WHERE timestamp >= CAST($range_start AS TIMESTAMP)
          AND timestamp < CAST($range_end AS TIMESTAMP)
    ) AS e
    GROUP BY service, minute_no
),
observed AS (
    -- a service's first event: its first minute in the range (from the aggregate above)
    -- or an event outside the range (only that part of events is read again)
    SELECT service, make_timestamp(min(minute_no) * 60000000) AS first_at, 0 AS is_catalog
    FROM errors GROUP BY service
    UNION ALL
    SELECT service, min(timestamp) AS first_at, 0 AS is_catalog
    FROM events
    WHERE timestamp IS NULL
       OR timestamp < CAST($range_start AS TIMESTAMP)
       OR timestamp >= CAST($range_end AS TIMESTAMP)
    GROUP BY service
    UNION ALL
    SELECT service, min(timestamp) AS first_at, 0 AS is_catalog FROM requests GROUP BY service
    UNION ALL
    SELECT service, min(start) AS first_at, 0 AS is_catalog FROM spans GROUP BY service
    UNION ALL
    SELECT service, CAST(NULL AS TIMESTAMP) AS first_at, 1 AS is_catalog FROM services
),
known AS (
    SELECT
        service,
        CASE
            WHEN max(is_catalog) = 1 THEN CAST(NULL AS TIMESTAMP)
            ELSE date_trunc('minute', min(first_at))
        END AS first_minute
    FROM observed
    WHERE service IS NOT NULL
    GROUP BY service
),
grid AS (
    -- each service's minutes, from the later of its first minute and the range start
    SELECT
        service,
        unnest(generate_series(
            CASE
                WHEN first_minute > CAST($range_start AS TIMESTAMP) THEN first_minute
                ELSE CAST($range_start AS TIMESTAMP)
            END,
            CAST($range_end AS TIMESTAMP) - INTERVAL 1 MINUTE,
            INTERVAL 1 MINUTE
        )) AS minute
    FROM known
),
served AS (
    SELECT service, CAST(floor(epoch(timestamp) / 60) AS BIGINT) AS minute_no,
           CAST(sum(requests) AS BIGINT) AS requests
    FROM requests
    WHERE timestamp >= CAST($range_start AS TIMESTAMP)
      AND timestamp < CAST($range_end AS TIMESTAMP)
    GROUP BY service, minute_no
)
SELECT
    g.service,
    g.minute,
    coalesce(e.count_events, 0) AS count_events,
    coalesce(e.count_warn, 0) AS count_warn,
    coalesce(e.count_errors, 0) AS count_errors,
    coalesce(e.count_fatal, 0) AS count_fatal,
    coalesce(e.count_5xx, 0) AS count_5xx,
    coalesce(e.estimated_errors, 0.0) AS estimated_errors,
    coalesce(e.estimated_5xx, 0.0) AS estimated_5xx,
    r.requests,
    r.requests IS NOT NULL AS has_requests,
    CASE WHEN r.requests > 0 THEN coalesce(e.estimated_errors, 0.0) / r.requests END AS error_rate,
    CASE WHEN r.requests > 0 THEN coalesce(e.estimated_5xx, 0.0) / r.requests END AS rate_5xx
FROM (SELECT *, CAST(floor(epoch(minute) / 60) AS BIGINT) AS minute_no FROM grid) AS g
LEFT JOIN errors AS e ON e.service = g.service AND e.minute_no = g.minute_no
LEFT JOIN served AS r ON r.service = g.service AND r.minute_no = g.minute_no
