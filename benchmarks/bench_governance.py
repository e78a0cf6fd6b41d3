"""Governance benchmarks: the cost of auditing and encrypted backups, and the accuracy of
the quarterly access review. Every figure is a ratio against a baseline run here.

1. Audited read vs the same read without the enforcement point (``guard``): a 10,000-row
   ``Store.table`` read of ``requests``, repeated.
2. Audit log: bulk append with the hash chain vs a plain DuckDB insert of the same rows;
   ``verify`` rows/s vs hashing the same canonical JSON in a bare Python loop.
3. Backup: encrypted backup + SHA-256 manifest vs a plain ``COPY FROM DATABASE`` into an
   unencrypted file, on a store of 200,000 events.
4. Review: on simulated quarters with seeds never used in tests or development (100-109),
   user-days falsely flagged in normal quarters and planted exfiltrations found, for
   ``review_quarter`` vs a naive per-user rule (rows read that day above the user's
   mean + 3 standard deviations of earlier days, or any access out of 07-20 UTC hours).

Run: ``python benchmarks/bench_governance.py`` (about two minutes on 2 cores).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

os.environ.setdefault("FAULTLINE_USER", "bench")

from anomaly.audit_review import access_features, review_quarter, simulate_access  # noqa: E402
from features.governance import AuditLog, RoleConfig, backup, guard, resolve_identity  # noqa: E402
from features.governance.audit import FIELDS  # noqa: E402
from features.store import Store  # noqa: E402

WHO = resolve_identity(RoleConfig.from_dict({
    "roles": {"engineer": {"read": ["events"]}, "admin": {"admin": ["backup"]}},
    "users": {"bench": ["engineer"], "root": ["admin"]}}), user="bench")
ADMIN = resolve_identity(WHO.config, user="root")


def bench_guarded_read(tmp: Path, reps: int = 100) -> dict[str, float]:
    db = tmp / "read.duckdb"
    with Store.open(db) as store:
        store.con.execute("INSERT INTO requests SELECT TIMESTAMP '2026-01-01' + "
                          "INTERVAL (i) MINUTE, 'svc' || (i % 7), i, 'b' FROM range(10000) t(i)")
    t0 = time.perf_counter()
    for _ in range(reps):
        with Store.open(db, read_only=True) as store:
            store.table("requests")
    plain = (time.perf_counter() - t0) / reps
    t0 = time.perf_counter()
    for _ in range(reps):
        with guard("read", "events", store_path=db, identity=WHO) as access, \
                Store.open(db, read_only=True) as store:
            access.rows = store.table("requests").height
    audited = (time.perf_counter() - t0) / reps
    return {"plain_ms": plain * 1e3, "audited_ms": audited * 1e3, "ratio": audited / plain}


def bench_chain(tmp: Path, n: int = 50_000) -> dict[str, float]:
    t0 = datetime(2026, 1, 1)
    rows = [{"user": f"u{i % 9}", "role": "analyst", "action": "read", "obj": "features",
             "rows": i, "at": t0 + timedelta(seconds=i), "command": "faultline features"}
            for i in range(n)]
    log = AuditLog(tmp / "chain.duckdb")
    s = time.perf_counter()
    log.append_many(rows)
    chained = time.perf_counter() - s
    # Baseline: the same rows and columns, built into a frame and inserted, no hashing.
    con = duckdb.connect(str(tmp / "plain.duckdb"))
    con.execute("CREATE TABLE t (seq BIGINT, accessed_at TIMESTAMP, user_name VARCHAR, "
                "role VARCHAR, action VARCHAR, object VARCHAR, outcome VARCHAR, "
                "count_rows BIGINT, command VARCHAR)")
    s = time.perf_counter()
    frame = pd.DataFrame({"seq": np.arange(n), "accessed_at": [r["at"] for r in rows],
                          "user_name": [r["user"] for r in rows],
                          "role": [r["role"] for r in rows], "action": [r["action"] for r in rows],
                          "object": [r["obj"] for r in rows], "outcome": "ok",
                          "count_rows": [r["rows"] for r in rows],
                          "command": [r["command"] for r in rows]})
    con.register("frame", frame)
    con.execute("INSERT INTO t SELECT * FROM frame")
    plain = time.perf_counter() - s
    con.close()
    s = time.perf_counter()
    result = log.verify()
    verify = time.perf_counter() - s
    assert result.is_valid
    records = log.records()
    s = time.perf_counter()
    prev = "0" * 64
    for rec in records.itertuples(index=False):
        body = json.dumps({k: str(getattr(rec, k)) for k in FIELDS}, sort_keys=True)
        prev = hashlib.sha256((prev + body).encode()).hexdigest()
    bare = time.perf_counter() - s
    return {"append_rows_per_s": n / chained, "plain_insert_rows_per_s": n / plain,
            "append_ratio": chained / plain, "verify_rows_per_s": n / verify,
            "bare_hash_rows_per_s": n / bare, "verify_ratio": verify / bare}


def bench_backup(tmp: Path, n: int = 200_000) -> dict[str, float]:
    db = tmp / "big.duckdb"
    with Store.open(db) as store:
        store.con.execute(
            "INSERT INTO events (event_id, service, timestamp, message, http_status) "
            "SELECT 'e' || i, 'svc' || (i % 20), TIMESTAMP '2026-01-01' + INTERVAL (i) SECOND, "
            "'timeout calling upstream ' || (i % 97), 500 + i % 4 FROM range(?) t(i)", [n])
    con = duckdb.connect()
    s = time.perf_counter()
    con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    con.execute(f"ATTACH '{tmp / 'plain-copy.duckdb'}' AS dst")
    con.execute("COPY FROM DATABASE src TO dst")
    con.execute("DETACH dst")
    plain = time.perf_counter() - s
    con.close()
    s = time.perf_counter()
    backup(db, tmp / "big.backup", backup_key="bench-key", identity=ADMIN)
    enc = time.perf_counter() - s
    return {"plain_copy_s": plain, "encrypted_backup_s": enc, "ratio": enc / plain,
            "size_mb": (tmp / "big.backup").stat().st_size / 1e6}


def _naive_flags(records: pd.DataFrame, quarter_start: pd.Timestamp) -> set[tuple[str, str]]:
    daily = access_features(records)
    out = set()
    for user, part in daily.groupby("user"):
        part = part.sort_values("day")
        mean = part["count_rows"].expanding().mean().shift(1)
        std = part["count_rows"].expanding().std().shift(1)
        hit = (part["count_rows"] > mean + 3 * std) | (part["count_out_of_hours"] > 0)
        for day in part.loc[hit & (part["day"] >= quarter_start), "day"]:
            out.add((user, str(day.date())))
    return out


def bench_review(tmp: Path, seeds: range = range(100, 110)) -> dict[str, float]:
    stats = {"user_days": 0, "false_fl": 0, "false_naive": 0, "found_fl": 0, "found_naive": 0,
             "planted": 0, "extra_fl": 0, "extra_naive": 0}
    q_start = pd.Timestamp("2026-07-01")
    for seed in seeds:
        for plant in (False, True):
            log = AuditLog(tmp / f"review-{seed}-{plant}.duckdb")
            info = simulate_access(log, "2026Q3", seed=seed, plant_exfiltration=plant)
            review = review_quarter(log, "2026Q3")
            flagged = {(u, str(d.date())) for u, d in review.flags[["user", "day"]].values}
            naive = _naive_flags(log.records(), q_start)
            if not plant:
                stats["user_days"] += len(review.daily)
                stats["false_fl"] += len(flagged)
                stats["false_naive"] += len(naive)
            else:
                user, day = info["planted"]
                key = (user, str(day.date()))
                stats["planted"] += 1
                stats["found_fl"] += key in flagged
                stats["found_naive"] += key in naive
                stats["extra_fl"] += len(flagged - {key})
                stats["extra_naive"] += len(naive - {key})
    return stats


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        print("guarded read:", json.dumps(bench_guarded_read(tmp), indent=None))
        print("audit chain:", json.dumps(bench_chain(tmp)))
        print("backup:", json.dumps(bench_backup(tmp)))
        print("review:", json.dumps(bench_review(tmp)))
    print("load average:", os.getloadavg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
