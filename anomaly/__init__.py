"""faultline: detection, classification, reports and exports."""
