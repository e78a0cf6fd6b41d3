-- feat_component_minute: error counts per component (endpoint, module, consumer) per minute.
--
-- Grain:   one row per (service, component, minute) for every minute of the build range from
--          the first minute the component appears in events; minutes without errors are rows
--          with zero counts. Events without a component are not in this table (they are in
--          feat_service_minute).
-- Inputs:  events
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, component, minute   the key
--   count_events                 error events of any severity
--   count_errors                 ERROR and FATAL events
--   count_5xx                    events with an HTTP status from 500 to 599
--   estimated_errors             ERROR + FATAL events weighted by sample_weight
--   error_duration_p95_ms        95th percentile of duration_ms over the minute's error events
WITH errors AS (
    SELECT
        service,
        component,
        date_trunc('minute', timestamp) AS minute,
        count(*) AS count_events,
        count(CASE WHEN severity IN ('ERROR', 'FATAL') THEN 1 END) AS count_errors,
        count(CASE WHEN http_status BETWEEN 500 AND 599 THEN 1 END) AS count_5xx,
        sum(CASE WHEN severity IN ('ERROR', 'FATAL') THEN coalesce(sample_weight, 1.0) ELSE 0.0 END)
            AS estimated_errors,
        quantile_cont(duration_ms, 0.95) AS error_duration_p95_ms
    FROM events
    WHERE component IS NOT NULL
      AND timestamp >= CAST($range_start AS TIMESTAMP)
      AND timestamp < CAST($range_end AS TIMESTAMP)
    GROUP BY service, component, date_trunc('minute', timestamp)
),
known AS (
    -- a component's first event: its first minute in the range (from the aggregate above)
    -- or an event outside the range (only that part of events is read again)
    SELECT service, component, date_trunc('minute', min(first_at)) AS first_minute
    FROM (
        SELECT service, component, min(minute) AS first_at
        FROM errors
        GROUP BY service, component
        UNION ALL
        SELECT service, component, min(timestamp) AS first_at
        FROM events
        WHERE component IS NOT NULL
          AND (timestamp IS NULL
               OR timestamp < CAST($range_start AS TIMESTAMP)
               OR timestamp >= CAST($range_end AS TIMESTAMP))
        GROUP BY service, component
    ) AS firsts
    WHERE service IS NOT NULL
    GROUP BY service, component
),
grid AS (
    -- each component's minutes, from the later of its first minute and the range start
    SELECT
        service,
        component,
        unnest(generate_series(
            CASE
                WHEN first_minute > CAST($range_start AS TIMESTAMP) THEN first_minute
                ELSE CAST($range_start AS TIMESTAMP)
            END,
            CAST($range_end AS TIMESTAMP) - INTERVAL 1 MINUTE,
            INTERVAL 1 MINUTE
        )) AS minute
    FROM known
)
SELECT
    g.service,
    g.component,
    g.minute,
    coalesce(e.count_events, 0) AS count_events,
    coalesce(e.count_errors, 0) AS count_errors,
    coalesce(e.count_5xx, 0) AS count_5xx,
    coalesce(e.estimated_errors, 0.0) AS estimated_errors,
    e.error_duration_p95_ms
FROM grid AS g
LEFT JOIN errors AS e
    ON e.service = g.service AND e.component = g.component AND e.minute = g.minute
