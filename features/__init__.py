"""faultline: from raw telemetry to privacy-safe feature tables."""
