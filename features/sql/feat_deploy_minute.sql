-- feat_deploy_minute: deploy context per service per minute: which version is live and how
-- long ago it went live. Causal: only deployments up to the end of the minute are used.
--
-- Grain:   one row per (service, minute) of feat_service_minute.
-- Inputs:  feat_service_minute, deployments
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Columns:
--   service, minute              the key
--   version_live                 version of the latest deployment at or before the end of
--                                the minute; NULL when the service has no deployment yet
--   previous_version             the version live before that one
--   last_deployed_at             when version_live went live
--   minutes_since_deploy         whole minutes from the deploy's minute to this minute
--                                (0 in the deploy's own minute); NULL without a deployment
--   is_post_deploy_30m           the minute is within the first 30 minutes after a deploy
--   count_deploys_24h            deployments of the service in the 24 hours up to the end
--                                of the minute
-- All deployments count, whatever their environment field says.
WITH distinct_deploys AS (
    SELECT DISTINCT service, version, deployed_at
    FROM deployments
    WHERE deployed_at < CAST($range_end AS TIMESTAMP)
),
deploys AS (
    SELECT
        service,
        version,
        deployed_at,
        lag(version) OVER (PARTITION BY service ORDER BY deployed_at, version) AS previous_version,
        lead(deployed_at) OVER (PARTITION BY service ORDER BY deployed_at, version)
            AS next_deployed_at
    FROM distinct_deploys
),
grid AS (
    SELECT service, minute
    FROM feat_service_minute
    WHERE minute >= CAST($range_start AS TIMESTAMP)
      AND minute < CAST($range_end AS TIMESTAMP)
),
live AS (
    SELECT
        g.service,
        g.minute,
        d.version AS version_live,
        d.previous_version,
        d.deployed_at AS last_deployed_at,
        datediff('minute', date_trunc('minute', d.deployed_at), g.minute) AS minutes_since_deploy
    FROM grid AS g
    JOIN deploys AS d
        ON d.service = g.service
       AND d.deployed_at < g.minute + INTERVAL 1 MINUTE
       AND (d.next_deployed_at IS NULL OR d.next_deployed_at >= g.minute + INTERVAL 1 MINUTE)
),
recent AS (
    SELECT g.service, g.minute, count(*) AS count_deploys_24h
    FROM grid AS g
    JOIN deploys AS d
        ON d.service = g.service
       AND d.deployed_at < g.minute + INTERVAL 1 MINUTE
       AND d.deployed_at >= g.minute + INTERVAL 1 MINUTE - INTERVAL 24 HOUR
    GROUP BY g.service, g.minute
)
SELECT
    g.service,
    g.minute,
    l.version_live,
    l.previous_version,
    l.last_deployed_at,
    l.minutes_since_deploy,
    coalesce(l.minutes_since_deploy < 30, FALSE) AS is_post_deploy_30m,
    coalesce(r.count_deploys_24h, 0) AS count_deploys_24h
FROM grid AS g
LEFT JOIN live AS l ON l.service = g.service AND l.minute = g.minute
LEFT JOIN recent AS r ON r.service = g.service AND r.minute = g.minute
