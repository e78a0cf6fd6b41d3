-- Lineage of feature builds, written by features/build.py (not a feature table).
--
-- feature_builds:        one row per committed build: its mode, why, the minutes built
--                        (range_end exclusive), when, and the faultline version.
-- feature_build_models:  the SHA-256 of every feature SQL file a build ran, and rows written.
-- feature_build_batches: every ingest batch (by input table) the build could read.
CREATE TABLE IF NOT EXISTS feature_builds (
    build_id VARCHAR, mode VARCHAR, reason VARCHAR, range_start TIMESTAMP, range_end TIMESTAMP,
    started_at TIMESTAMP, finished_at TIMESTAMP, faultline_version VARCHAR
);
CREATE TABLE IF NOT EXISTS feature_build_models (
    build_id VARCHAR, model VARCHAR, sql_sha256 VARCHAR, count_rows BIGINT
);
CREATE TABLE IF NOT EXISTS feature_build_batches (
    build_id VARCHAR, source_table VARCHAR, batch_id VARCHAR
);
