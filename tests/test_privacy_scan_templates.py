"""The scanner on what later stages write: template slots and key-value stores."""

from __future__ import annotations

import sqlite3

import duckdb

from features.privacy import scan_paths


def test_template_slots_after_named_keys_are_not_findings(tmp_path):
    db = tmp_path / "t.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE templates (template VARCHAR)")
    con.execute(
        "INSERT INTO templates VALUES "
        "('payload {\"customer\": {\"name\": \"<TOKEN>\", \"email\": \"<TOKEN>\"}}'), "
        "('KYC check failed: ssn=<TOKEN> dob=<TOKEN> reason=<*>'), "
        "('User matching query does not exist. user_id=<TOKEN><*>')"
    )
    con.close()
    assert scan_paths([db]) == []
    # a real value after the same keys is still found
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO templates VALUES ('KYC check failed: dob=1984-02-29 name=Jane Roe')")
    con.close()
    kinds = {f.kind for f in scan_paths([db])}
    assert "dob" in kinds


def test_key_value_tables_judge_each_value_by_its_key(tmp_path):
    path = tmp_path / "mlflow.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE params (key TEXT, value TEXT, run_uuid TEXT)")
    con.executemany(
        "INSERT INTO params VALUES (?, ?, 'r1')",
        [("window_minutes", "5"), ("policy_version", "1"), ("split_at", "2026-03-04 00:00")],
    )
    con.commit()
    con.close()
    assert scan_paths([path]) == []
    con = sqlite3.connect(path)
    con.execute("INSERT INTO params VALUES ('owner_email', 'jane.roe@example.com', 'r2')")
    con.commit()
    con.close()
    found = scan_paths([path])
    assert [(f.location, f.kind) for f in found] == [("params.value", "email")]
