"""The ``faultline`` command line: a thin layer over the stage functions.

Subcommands live one per module in ``anomaly/commands/`` and are imported only
when invoked, so ``faultline --help`` stays fast.
"""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute" of a click command, in flow order (the order of --help).
COMMANDS: dict[str, str] = {}


def register(name: str, target: str) -> None:
    """Register a subcommand lazily (used by this module only)."""
    COMMANDS[name] = target


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="faultline")
def main() -> None:
    """faultline: error telemetry in, privacy-safe features, anomaly scores,
    classified incidents, reports and alerting exports out.

    Every subcommand is a thin layer over a Python function of the same stage;
    see README.md for the API.
    """


# One line per subcommand: "name": "module:attribute".
register("simulate", "anomaly.commands.simulate:simulate")
register("keys", "anomaly.commands.privacy:keys")
register("ingest", "anomaly.commands.ingest:ingest")
register("anonymize", "anomaly.commands.privacy:anonymize")
register("privacy-scan", "anomaly.commands.privacy:privacy_scan")
register("fingerprint", "anomaly.commands.fingerprint:fingerprint")
register("features", "anomaly.commands.features:features")
register("train", "anomaly.commands.train:train")
register("score", "anomaly.commands.score:score")
register("classify", "anomaly.commands.classify:classify")
register("gate", "anomaly.commands.gate:gate")
register("report", "anomaly.commands.report:report")
register("postmortems", "anomaly.commands.report:postmortems")
register("export", "anomaly.commands.export:export")
register("alerts", "anomaly.commands.alerts:alerts")
register("audit", "anomaly.commands.governance:audit")
register("roles", "anomaly.commands.governance:roles")
register("lineage", "anomaly.commands.governance:lineage")
register("retention", "anomaly.commands.governance:retention")
register("hold", "anomaly.commands.governance:hold")
register("backup", "anomaly.commands.governance:backup")
register("restore", "anomaly.commands.governance:restore")
register("demo", "anomaly.commands.demo:demo")
