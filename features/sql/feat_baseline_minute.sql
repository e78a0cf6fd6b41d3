-- feat_baseline_minute: causal baselines per service per minute, computed only from the past:
-- the same minute yesterday and last week, a rolling median and MAD, an EWMA, and request
-- volume against its seasonal expectation (a retry-storm signal).
--
-- Grain:   one row per (service, minute) of feat_service_minute (dense).
-- Inputs:  feat_service_minute (read back 7 days + 1 hour before the range)
-- Params:  $range_start, $range_end (TIMESTAMP, whole minutes, end exclusive)
-- Method:  feat_service_minute has one row per minute from a service's first minute on, so a
--          lag of 1440 rows is the same minute yesterday and a frame of 60 rows the past hour.
--          Every window ends at 1 PRECEDING: the current minute never sees itself.
-- Columns:
--   service, minute                      the key
--   count_errors, requests, error_rate   the current values, for convenience
--   errors_yesterday, errors_last_week   count_errors 1440 and 10080 minutes earlier; NULL
--                                        before the service's history starts
--   errors_median_60m, errors_mad_60m    median and median absolute deviation of count_errors
--                                        over the previous 60 minutes
--   errors_ewma                          exponentially weighted mean of past count_errors,
--                                        alpha 0.3, truncated after 20 minutes (weight left
--                                        behind < 0.1%) and normalised over the minutes that
--                                        exist; NULL for a service's first minute
--   error_rate_median_60m                median of error_rate over the previous 60 minutes that
--                                        have one (a rolling MAD of the rate was left out: it
--                                        doubled the cost of this table)
--   error_rate_yesterday, error_rate_last_week
--   requests_yesterday, requests_last_week
--   requests_expected                    mean of requests_yesterday and requests_last_week,
--                                        whichever exist
--   requests_seasonal_ratio              requests / requests_expected; NULL without requests
--                                        or without a positive expectation
WITH history AS (
    SELECT service, minute, count_errors, requests, error_rate
    FROM feat_service_minute
    WHERE minute >= CAST($range_start AS TIMESTAMP) - INTERVAL 7 DAY - INTERVAL 60 MINUTE
      AND minute < CAST($range_end AS TIMESTAMP)
),
lagged AS (
    SELECT
        service,
        minute,
        count_errors,
        requests,
        error_rate,
        lag(count_errors, 1440) OVER w AS errors_yesterday,
        lag(count_errors, 10080) OVER w AS errors_last_week,
        median(CAST(count_errors AS DOUBLE)) OVER past_hour AS errors_median_60m,
        mad(CAST(count_errors AS DOUBLE)) OVER past_hour AS errors_mad_60m,
        CASE WHEN count(count_errors) OVER past_20m > 0 THEN (
                0.0
                + 0.3000000000 * coalesce(lag(count_errors, 1) OVER w, 0)
                + 0.2100000000 * coalesce(lag(count_errors, 2) OVER w, 0)
                + 0.1470000000 * coalesce(lag(count_errors, 3) OVER w, 0)
                + 0.1029000000 * coalesce(lag(count_errors, 4) OVER w, 0)
                + 0.0720300000 * coalesce(lag(count_errors, 5) OVER w, 0)
                + 0.0504210000 * coalesce(lag(count_errors, 6) OVER w, 0)
                + 0.0352947000 * coalesce(lag(count_errors, 7) OVER w, 0)
                + 0.0247062900 * coalesce(lag(count_errors, 8) OVER w, 0)
                + 0.0172944030 * coalesce(lag(count_errors, 9) OVER w, 0)
                + 0.0121060821 * coalesce(lag(count_errors, 10) OVER w, 0)
                + 0.0084742575 * coalesce(lag(count_errors, 11) OVER w, 0)
                + 0.0059319802 * coalesce(lag(count_errors, 12) OVER w, 0)
                + 0.0041523862 * coalesce(lag(count_errors, 13) OVER w, 0)
                + 0.0029066703 * coalesce(lag(count_errors, 14) OVER w, 0)
                + 0.0020346692 * coalesce(lag(count_errors, 15) OVER w, 0)
                + 0.0014242685 * coalesce(lag(count_errors, 16) OVER w, 0)
                + 0.0009969879 * coalesce(lag(count_errors, 17) OVER w, 0)
                + 0.0006978915 * coalesce(lag(count_errors, 18) OVER w, 0)
                + 0.0004885241 * coalesce(lag(count_errors, 19) OVER w, 0)
                + 0.0003419669 * coalesce(lag(count_errors, 20) OVER w, 0)
            ) / (1.0 - power(0.7, count(count_errors) OVER past_20m))
        END AS errors_ewma,
        median(error_rate) OVER past_hour AS error_rate_median_60m,
        lag(error_rate, 1440) OVER w AS error_rate_yesterday,
        lag(error_rate, 10080) OVER w AS error_rate_last_week,
        lag(requests, 1440) OVER w AS requests_yesterday,
        lag(requests, 10080) OVER w AS requests_last_week
    FROM history
    WINDOW
        w AS (PARTITION BY service ORDER BY minute),
        past_hour AS (PARTITION BY service ORDER BY minute ROWS BETWEEN 60 PRECEDING AND 1 PRECEDING),
        past_20m AS (PARTITION BY service ORDER BY minute ROWS BETWEEN 20 PRECEDING AND 1 PRECEDING)
),
expected AS (
    SELECT
        *,
        CASE
            WHEN requests_yesterday IS NULL THEN CAST(requests_last_week AS DOUBLE)
            WHEN requests_last_week IS NULL THEN CAST(requests_yesterday AS DOUBLE)
            ELSE (requests_yesterday + requests_last_week) / 2.0
        END AS requests_expected
    FROM lagged
    WHERE minute >= CAST($range_start AS TIMESTAMP)
)
SELECT
    service,
    minute,
    count_errors,
    requests,
    error_rate,
    errors_yesterday,
    errors_last_week,
    errors_median_60m,
    errors_mad_60m,
    errors_ewma,
    error_rate_median_60m,
    error_rate_yesterday,
    error_rate_last_week,
    requests_yesterday,
    requests_last_week,
    requests_expected,
    CASE WHEN requests_expected > 0 THEN requests / requests_expected END
        AS requests_seasonal_ratio
FROM expected
