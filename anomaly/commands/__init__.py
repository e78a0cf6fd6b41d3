"""Click subcommands, one module per stage; wired into ``anomaly.cli``."""
