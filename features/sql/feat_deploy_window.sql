-- feat_deploy_window: errors in the 30 minutes before and after each deployment.
--
-- Grain:   one row per deployment (service, deployed_at, version). A row is written by the
--          build whose range holds the last minute of its after window (window_last_minute),
--          so every minute it sums over is already built: a deployment less than 30 minutes
--          before the end of the data has no row yet.
-- Inputs:  deployments, feat_service_minute, feat_fingerprint_minute
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, version, deployed_at    the deployment
--   previous_version                 version deployed before it for the same service
--   environment                      as given in the deployments input
--   deploy_minute                    minute of deployed_at
--   window_last_minute               deploy_minute + 29 minutes: last minute of the after window
--   count_errors_before, count_errors_after
--                                    ERROR + FATAL events in [deploy_minute - 30 min,
--                                    deploy_minute) and [deploy_minute, deploy_minute + 30 min)
--   requests_before, requests_after  requests in the same windows; NULL when no requests row
--   error_rate_before, error_rate_after
--                                    estimated errors / requests over the minutes that have a
--                                    requests row; NULL without a denominator
--   count_fingerprints_new_after     fingerprints the service logged for the first time ever
--                                    in the after window
WITH distinct_deploys AS (
    SELECT service, version, deployed_at, min(environment) AS environment
    FROM deployments
    GROUP BY service, version, deployed_at
),
deploys AS (
    SELECT
        service,
        version,
        deployed_at,
        environment,
        lag(version) OVER (PARTITION BY service ORDER BY deployed_at, version) AS previous_version,
        date_trunc('minute', deployed_at) AS deploy_minute
    FROM distinct_deploys
),
in_range AS (
    SELECT *, deploy_minute + INTERVAL 29 MINUTE AS window_last_minute
    FROM deploys
    WHERE deploy_minute + INTERVAL 29 MINUTE >= CAST($range_start AS TIMESTAMP)
      AND deploy_minute + INTERVAL 29 MINUTE < CAST($range_end AS TIMESTAMP)
),
windows AS (
    SELECT
        d.service,
        d.version,
        d.deployed_at,
        sum(CASE WHEN m.minute < d.deploy_minute THEN m.count_errors ELSE 0 END) AS count_errors_before,
        sum(CASE WHEN m.minute >= d.deploy_minute THEN m.count_errors ELSE 0 END) AS count_errors_after,
        sum(CASE WHEN m.minute < d.deploy_minute THEN m.requests END) AS requests_before,
        sum(CASE WHEN m.minute >= d.deploy_minute THEN m.requests END) AS requests_after,
        sum(CASE WHEN m.minute < d.deploy_minute AND m.has_requests THEN m.estimated_errors END)
            AS estimated_errors_before,
        sum(CASE WHEN m.minute >= d.deploy_minute AND m.has_requests THEN m.estimated_errors END)
            AS estimated_errors_after
    FROM in_range AS d
    JOIN feat_service_minute AS m
        ON m.service = d.service
       AND m.minute >= d.deploy_minute - INTERVAL 30 MINUTE
       AND m.minute < d.deploy_minute + INTERVAL 30 MINUTE
    GROUP BY d.service, d.version, d.deployed_at
),
novel AS (
    SELECT d.service, d.version, d.deployed_at, count(*) AS count_fingerprints_new_after
    FROM in_range AS d
    JOIN feat_fingerprint_minute AS f
        ON f.service = d.service
       AND f.is_first_seen
       AND f.minute >= d.deploy_minute
       AND f.minute < d.deploy_minute + INTERVAL 30 MINUTE
    GROUP BY d.service, d.version, d.deployed_at
)
SELECT
    d.service,
    d.version,
    d.deployed_at,
    d.previous_version,
    d.environment,
    d.deploy_minute,
    d.window_last_minute,
    CAST(coalesce(w.count_errors_before, 0) AS BIGINT) AS count_errors_before,
    CAST(coalesce(w.count_errors_after, 0) AS BIGINT) AS count_errors_after,
    CAST(w.requests_before AS BIGINT) AS requests_before,
    CAST(w.requests_after AS BIGINT) AS requests_after,
    CASE WHEN w.requests_before > 0 THEN w.estimated_errors_before / w.requests_before END
        AS error_rate_before,
    CASE WHEN w.requests_after > 0 THEN w.estimated_errors_after / w.requests_after END
        AS error_rate_after,
    coalesce(n.count_fingerprints_new_after, 0) AS count_fingerprints_new_after
FROM in_range AS d
LEFT JOIN windows AS w
    ON w.service = d.service AND w.version = d.version AND w.deployed_at = d.deployed_at
LEFT JOIN novel AS n
    ON n.service = d.service AND n.version = d.version AND n.deployed_at = d.deployed_at
