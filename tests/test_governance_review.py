"""The quarterly access review on simulated quarters in a real audit log: a planted 3 a.m.
bulk export by a user who never exported is flagged; a normal quarter flags nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from anomaly.audit_review import access_features, quarter_bounds, review_quarter, simulate_access
from features.governance import AuditLog


@pytest.mark.parametrize("seed", [0, 1])
def test_normal_quarter_flags_nothing(tmp_path: Path, seed: int) -> None:
    log = AuditLog(tmp_path / "fl.duckdb.audit.duckdb")
    simulate_access(log, "2026Q3", seed=seed)
    review = review_quarter(log, "2026Q3")
    assert review.flags.empty, review.flags
    assert sorted(review.users["user"]) == ["alice", "bob", "carol", "dan", "erin", "frank",
                                            "grace", "heidi"]
    erin = review.users.set_index("user").loc["erin"]
    assert erin["share_out_of_hours"] > 0.3  # her normal hours are not flagged
    assert (review.daily["day"] >= pd.Timestamp("2026-07-01")).all()


@pytest.mark.parametrize("seed", [0, 1])
def test_planted_exfiltration_is_flagged(tmp_path: Path, seed: int) -> None:
    log = AuditLog(tmp_path / "fl.duckdb.audit.duckdb")
    info = simulate_access(log, "2026Q3", seed=seed, plant_exfiltration=True)
    review = review_quarter(log, "2026Q3")
    user, day = info["planted"]
    assert review.flags[["user", "day"]].values.tolist() == [[user, day]]
    reasons = review.flags.iloc[0]["reasons"]
    assert "first export" in reasons and "bulk export" in reasons
    assert log.verify().is_valid


def test_access_features_hand_computed() -> None:
    recs = pd.DataFrame({
        "accessed_at": pd.to_datetime(["2026-01-05 09:00", "2026-01-05 22:30",
                                       "2026-01-07 10:00", "2026-01-07 11:00",
                                       "2026-01-07 12:00"]),
        "user_name": ["ada"] * 5,
        "action": ["read", "read", "export", "read", "export"],
        "object": ["features", "features", "features", "events", "quarantine"],
        "outcome": ["ok", "ok", "ok", "ok", "denied"],
        "count_rows": [10, 5, 100, 7, None],
    })
    daily = access_features(recs)
    assert daily["day"].dt.strftime("%m-%d").tolist() == ["01-05", "01-06", "01-07"]
    assert daily["count_accesses"].tolist() == [2, 0, 3]
    assert daily["count_rows"].tolist() == [15, 0, 107]
    assert daily["count_out_of_hours"].tolist() == [1, 0, 0]
    assert daily["count_new_objects"].tolist() == [1, 0, 2]  # read:features; export, events
    assert daily["count_exports"].tolist() == [0, 0, 1]
    assert daily["count_rows_exported"].tolist() == [0, 0, 100]
    assert daily["count_denied"].tolist() == [0, 0, 1]
    assert daily["is_first_export"].tolist() == [False, False, True]


def test_quarter_bounds_errors() -> None:
    assert quarter_bounds("2026-q1")[0] == pd.Timestamp("2026-01-01")
    with pytest.raises(ValueError, match="like 2026Q3"):
        quarter_bounds("2026Q5")


def test_review_command_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             default_roles_with_users: Any) -> None:
    from anomaly.cli import main

    db = tmp_path / "fl.duckdb"
    simulate_access(AuditLog.for_store(db), "2026Q3", seed=1, plant_exfiltration=True)
    default_roles_with_users("aud")
    result = CliRunner().invoke(main, ["audit", "review", "--quarter", "2026Q3", "--json",
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [(f["user"], f["day"][:10]) for f in out["flags"]] == [("carol", "2026-08-19")]
    result = CliRunner().invoke(main, ["audit", "review", "--quarter", "2026Q3",
                                       "--db", str(db)])
    assert "flagged user-days" in result.output and "first export" in result.output
