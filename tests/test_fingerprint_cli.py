"""`faultline fingerprint`: stdin to tab-separated (template id, template); and --store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from anomaly.cli import main
from features.fingerprint import mine_templates
from features.store import Store


def test_stdin_lines_become_id_tab_template_in_order() -> None:
    lines = ["disk 1 full", "fan stopped", "disk 22 full", ""]
    result = CliRunner().invoke(main, ["fingerprint"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [row.split("\t") for row in result.stdout.splitlines()]
    assert [tuple(r) for r in out] == mine_templates(lines)
    assert out[0][1] == "disk <NUM> full"
    assert out[0][0] == out[2][0] != out[1][0]


def test_store_mode_and_ids_from_the_store(tmp_path: Path) -> None:
    db = tmp_path / "fl.duckdb"
    with Store.open(db) as s:
        s.con.execute(
            "INSERT INTO events (event_id, timestamp, service, message) VALUES "
            "('a', ?, 'cart', 'worker alpha stopped'), ('b', ?, 'cart', 'worker beta stopped')",
            [datetime(2026, 3, 1, 10), datetime(2026, 3, 1, 11)])
    runner = CliRunner()
    result = runner.invoke(main, ["fingerprint", "--store", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "fingerprinted 2 events" in result.stderr
    with Store.open(db, read_only=True) as s:
        stored = s.con.execute("SELECT DISTINCT template_id FROM events").fetchall()
    # stdin mode with --db: same ids as stored (not the id a fresh miner would hand out)
    result = runner.invoke(main, ["fingerprint", "--db", str(db)], input="worker gamma stopped\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{stored[0][0]}\tworker <*> stopped\n"


def test_save_needs_db() -> None:
    result = CliRunner().invoke(main, ["fingerprint", "--save"], input="x\n")
    assert result.exit_code == 2
    assert "--save needs --db" in result.output
