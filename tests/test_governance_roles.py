"""Roles and the enforcement point: every role allowed and denied on each kind of action,
denials audited, identity from the environment, owner-only files."""

from __future__ import annotations

import stat
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from features.governance import (
    AccessDenied,
    AuditLog,
    RoleConfig,
    enforce,
    export_table,
    guard,
    load_roles,
    resolve_identity,
)
from features.governance.roles import DEFAULT_ROLES_PATH
from features.store import Store

USERS = {"ana": ["analyst"], "eng": ["engineer"], "aud": ["auditor"], "adm": ["admin"],
         "multi": ["analyst", "admin"]}


def _config() -> RoleConfig:
    data = yaml.safe_load(DEFAULT_ROLES_PATH.read_text(encoding="utf-8"))
    data["users"] = USERS
    return RoleConfig.from_dict(data)


# (action, object) -> the roles that may, written out by hand from the role list.
EXPECTED = {
    ("read", "events"): {"analyst", "engineer"},
    ("read", "features"): {"analyst", "engineer"},
    ("read", "episodes"): {"analyst", "engineer"},
    ("read", "reports"): {"analyst", "engineer"},
    ("read", "quarantine"): {"engineer"},
    ("read", "lineage"): {"engineer", "auditor"},
    ("read", "audit"): {"auditor"},
    ("write", "events"): {"engineer"},
    ("write", "features"): {"analyst", "engineer"},
    ("write", "audit"): set(),
    ("export", "features"): {"analyst", "engineer"},
    ("export", "events"): {"engineer"},
    ("export", "quarantine"): set(),
    ("export", "audit"): set(),
    ("admin", "retention"): {"admin"},
    ("admin", "holds"): {"admin"},
    ("admin", "keys"): {"admin"},
    ("admin", "roles"): {"admin"},
    ("admin", "backup"): {"admin"},
}
ROLE_USER = {"analyst": "ana", "engineer": "eng", "auditor": "aud", "admin": "adm"}
CASES = [(role, action, obj, role in allowed)
         for (action, obj), allowed in EXPECTED.items() for role in ROLE_USER]


@pytest.mark.parametrize(("role", "action", "obj", "is_allowed"), CASES,
                         ids=[f"{r}-{a}-{o}" for r, a, o, _ in CASES])
def test_each_role_allowed_and_denied(tmp_path: Path, role: str, action: str, obj: str,
                                      is_allowed: bool) -> None:
    who = resolve_identity(_config(), user=ROLE_USER[role])
    assert who.role == role
    store = tmp_path / "fl.duckdb"
    if is_allowed:
        enforce(action, obj, store_path=store, identity=who, rows=3, command="faultline x")
    else:
        with pytest.raises(AccessDenied, match=f"may not {action} {obj}"):
            enforce(action, obj, store_path=store, identity=who, command="faultline x")
    rows = AuditLog.for_store(store).records()
    assert rows[["user_name", "role", "action", "object", "outcome"]].values.tolist() == [
        [ROLE_USER[role], role, action, obj, "ok" if is_allowed else "denied"]]
    assert AuditLog.for_store(store).verify().is_valid


def test_guard_records_rows_and_failures(tmp_path: Path) -> None:
    who = resolve_identity(_config(), user="eng")
    store = tmp_path / "fl.duckdb"
    with guard("read", "events", store_path=store, identity=who) as access:
        access.rows = 41
    with pytest.raises(RuntimeError), guard("write", "events", store_path=store,
                                            identity=who) as access:
        access.rows = 5
        raise RuntimeError("boom")
    rows = AuditLog.for_store(store).records()
    assert rows["outcome"].tolist() == ["ok", "failed"]
    assert rows["count_rows"].tolist() == [41, 5]
    assert rows["reason"].tolist()[1] == "RuntimeError"


def test_identity_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    data = yaml.safe_load(DEFAULT_ROLES_PATH.read_text(encoding="utf-8"))
    data["users"] = USERS
    data["unmapped_role"] = None
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setenv("FAULTLINE_ROLES", str(path))
    monkeypatch.setenv("FAULTLINE_USER", "multi")
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)
    cfg = load_roles()
    assert resolve_identity(cfg).role == "analyst"          # first granted role
    monkeypatch.setenv("FAULTLINE_ROLE", "admin")
    assert resolve_identity(cfg).role == "admin"            # picks among granted roles
    monkeypatch.setenv("FAULTLINE_ROLE", "auditor")         # not granted: no role at all
    who = resolve_identity(cfg)
    assert who.role is None and "not granted" in who.problem
    store = tmp_path / "fl.duckdb"
    with pytest.raises(AccessDenied, match="not granted"):
        enforce("read", "lineage", store_path=store, identity=who)
    monkeypatch.delenv("FAULTLINE_ROLE")
    monkeypatch.setenv("FAULTLINE_USER", "stranger")        # unmapped and unmapped_role null
    with pytest.raises(AccessDenied, match="no role"):
        enforce("read", "events", store_path=store)
    rows = AuditLog.for_store(store).records()
    assert rows["outcome"].tolist() == ["denied", "denied"]
    assert rows["role"].isna().all()


def test_default_unmapped_user_runs_the_flow_but_no_admin(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.delenv("FAULTLINE_ROLES", raising=False)
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)
    monkeypatch.setenv("FAULTLINE_USER", "someone-local")
    who = resolve_identity(load_roles())
    assert who.role == "engineer"
    assert who.may("write", "events") and who.may("export", "features")
    for obj in ("retention", "holds", "keys", "roles", "backup"):
        assert not who.may("admin", obj)


@pytest.mark.parametrize(("data", "message"), [
    ({"roles": {"x": {"read": ["everything"]}}}, "unknown objects"),
    ({"roles": {"x": {"delete": ["events"]}}}, "unknown key 'delete'"),
    ({"roles": {"x": {}}, "users": {"bob": ["y"]}}, "unknown or no roles"),
    ({"roles": {"x": {}}, "unmapped_role": "root"}, "unmapped_role"),
    ({"rols": {}}, "unknown top-level keys"),
])
def test_bad_roles_config_is_explained(data: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RoleConfig.from_dict(data)


def test_denial_message_names_no_user_data(tmp_path: Path) -> None:
    who = resolve_identity(_config(), user="aud")
    with pytest.raises(AccessDenied) as info:
        enforce("export", "events", store_path=tmp_path / "fl.duckdb", identity=who)
    text = str(info.value)
    assert "may read ['audit', 'lineage']" not in text  # says what export allows instead
    assert "may not export anything" in text and "recorded in the audit log" in text


def test_audit_file_is_owner_only(tmp_path: Path) -> None:
    store = tmp_path / "fl.duckdb"
    Store.open(store).close()
    store.chmod(0o644)
    who = resolve_identity(_config(), user="eng")
    enforce("write", "events", store_path=store, identity=who)
    log = AuditLog.for_store(store).path
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.stat().st_mode) == 0o600  # tightened on a write


def test_export_is_enforced_and_encrypted(tmp_path: Path) -> None:
    db = tmp_path / "fl.duckdb"
    with Store.open(db) as store:
        store.con.execute("INSERT INTO quarantine (batch_id, reason) VALUES "
                          "('b1', 'SECRET-REASON-TEXT')")
        store.con.execute("INSERT INTO requests VALUES ('2026-01-01', 'cart', 7, 'b1')")
    analyst = resolve_identity(_config(), user="ana")
    with pytest.raises(AccessDenied):
        export_table("quarantine", tmp_path / "q.parquet", db=db, export_key="k" * 20,
                     identity=analyst)
    assert not (tmp_path / "q.parquet").exists()
    engineer = resolve_identity(_config(), user="eng")
    with pytest.raises(AccessDenied):  # engineers read quarantine but may not export it
        export_table("quarantine", tmp_path / "q.parquet", db=db, export_key="k" * 20,
                     identity=engineer)
    n = export_table("requests", tmp_path / "r.parquet", db=db, export_key="k" * 20,
                     identity=engineer)
    assert n == 1
    assert b"cart" not in (tmp_path / "r.parquet").read_bytes()
    rows = AuditLog.for_store(db).records()
    assert rows[["action", "object", "outcome"]].values.tolist() == [
        ["export", "quarantine", "denied"], ["export", "quarantine", "denied"],
        ["export", "events", "ok"]]


def test_roles_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from anomaly.cli import main

    monkeypatch.delenv("FAULTLINE_ROLES", raising=False)
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)
    monkeypatch.setenv("FAULTLINE_USER", "someone-local")
    result = CliRunner().invoke(main, ["roles"])
    assert result.exit_code == 0, result.output
    assert "acting as: engineer" in result.output
    assert "may export: episodes, events, features, models, reports" in result.output
    monkeypatch.setenv("FAULTLINE_ROLE", "admin")
    result = CliRunner().invoke(main, ["roles"])
    assert "acting as: nobody" in result.output


def test_public_surface_is_sorted_and_importable() -> None:
    import features.governance as gov

    assert gov.__all__ == sorted(gov.__all__)
    for name in gov.__all__:
        assert getattr(gov, name) is not None
    assert not any(m.startswith("anomaly") for m in _imported_modules(gov))


def _imported_modules(package) -> set[str]:
    import ast
    import pathlib

    names: set[str] = set()
    for path in pathlib.Path(package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
    return names


def test_audited_decorator_wires_a_command(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import click

    from anomaly.commands.governance import audited

    @click.command("load")
    @click.option("--db", "db_path", type=click.Path(path_type=Path))
    @click.option("--label")
    @audited("write", "events")
    def load(db_path: Path, label: str | None) -> int:
        return 12

    roles = tmp_path / "roles.yaml"
    roles.write_text(yaml.safe_dump({"roles": {"analyst": {"read": ["events"]},
                                               "engineer": {"write": ["events"]}},
                                     "users": {"ana": ["analyst"], "eng": ["engineer"]}}),
                     encoding="utf-8")
    monkeypatch.setenv("FAULTLINE_ROLES", str(roles))
    monkeypatch.delenv("FAULTLINE_ROLE", raising=False)
    db = tmp_path / "fl.duckdb"
    monkeypatch.setenv("FAULTLINE_USER", "eng")
    result = CliRunner().invoke(load, ["--db", str(db), "--label", "ada@example.com"])
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("FAULTLINE_USER", "ana")
    result = CliRunner().invoke(load, ["--db", str(db)])
    assert result.exit_code == 1 and "may not write events" in result.output
    rows = AuditLog.for_store(db).records()
    assert rows[["user_name", "outcome"]].values.tolist() == [["eng", "ok"], ["ana", "denied"]]
    assert rows["count_rows"].iloc[0] == 12 and pd.isna(rows["count_rows"].iloc[1])
    assert rows["command"].tolist() == ["load --db --label", "load --db"]
