-- attribute_cost: storage and cardinality of each key inside events.attributes.
-- grain: one row per attribute key
-- inputs: events (attributes JSON; every string in it was anonymized at ingest)
-- columns: key, count_present (events carrying the key), count_distinct (approximate,
--          HyperLogLog), json_type (most common JSON type of its values),
--          bytes_stored (key + JSON-encoded value, uncompressed)
WITH kv AS (
    SELECT unnest(json_keys(attributes)) AS key, attributes
    FROM events
    WHERE attributes IS NOT NULL
), vals AS (
    SELECT key, json_extract(attributes, '$."' || replace(key, '"', '\"') || '"') AS value
    FROM kv
)
SELECT
    key,
    count(*) AS count_present,
    approx_count_distinct(value::VARCHAR) AS count_distinct,
    mode(json_type(value)) AS json_type,
    sum(strlen(key) + strlen(value::VARCHAR)) AS bytes_stored
FROM vals
GROUP BY key
ORDER BY bytes_stored DESC, key
