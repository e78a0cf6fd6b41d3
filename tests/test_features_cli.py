"""`faultline features`: build with progress, list, and clear usage errors."""

from __future__ import annotations

from click.testing import CliRunner

from anomaly.cli import main
from features.store import Store


def _store(path):
    with Store.open(path) as store:
        store.con.execute("""INSERT INTO events (timestamp, service, severity, batch_id) VALUES
            ('2026-03-01 10:00:05', 'api', 'ERROR', 'b1'),
            ('2026-03-01 10:02:00', 'api', 'ERROR', 'b1')""")


def test_build_then_up_to_date(tmp_path):
    db = tmp_path / "fl.duckdb"
    _store(db)
    runner = CliRunner()
    result = runner.invoke(main, ["features", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "full build" in result.output and "feat_model_input" in result.output
    with Store.open(db, read_only=True) as store:
        rows = store.con.execute("SELECT count(*) FROM feat_service_minute").fetchone()[0]
    assert rows == 3
    again = runner.invoke(main, ["features", "--db", str(db)])
    assert again.exit_code == 0 and "up to date" in again.output
    ranged = runner.invoke(main, ["features", "--db", str(db), "--since", "2026-03-01 10:01",
                                  "--until", "2026-03-01 10:02"])
    assert ranged.exit_code == 0 and "range build" in ranged.output


def test_list_and_usage_errors(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["features", "--list"])
    assert listed.exit_code == 0 and "feat_baseline_minute" in listed.output
    bad = runner.invoke(main, ["features", "--db", str(tmp_path / "x.duckdb"),
                               "--since", "2026-03-01"])
    assert bad.exit_code == 2 and "--since and --until go together" in bad.output
    both = runner.invoke(main, ["features", "--db", str(tmp_path / "x.duckdb"), "--full",
                                "--since", "2026-03-01", "--until", "2026-03-02"])
    assert both.exit_code == 2
    assert "features" in runner.invoke(main, ["--help"]).output
