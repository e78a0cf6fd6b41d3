-- service_minute: errors and requests per service per minute (the SLO denominator).
-- grain: one row per service, minute
-- inputs: feat_service_minute (built by `faultline features`)
-- columns: service, minute (naive UTC), count_errors, requests (NULL when the service
--          sent no request counts for that minute)
SELECT service, minute, count_errors, requests
FROM feat_service_minute
ORDER BY service, minute
