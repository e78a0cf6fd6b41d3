"""Episodes from anomalous minutes (hysteresis, quiet period, flapping) and incidents."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anomaly.episodes import (
    EpisodeSettings,
    ensure_episodes_table,
    episode_id,
    extend_to_recovery,
    find_episodes,
    group_incidents,
)

T0 = pd.Timestamp("2026-03-02 10:00")


def minutes(n: int, start: pd.Timestamp = T0) -> pd.DatetimeIndex:
    return pd.date_range(start, periods=n, freq="min")


def series(scores: list[float], service: str = "cart", threshold: float = 0.5) -> pd.DataFrame:
    return pd.DataFrame({"service": service, "minute": minutes(len(scores)),
                         "score": scores, "threshold": threshold})


def at(i: int) -> pd.Timestamp:
    return T0 + pd.Timedelta(minutes=i)


ONE_MINUTE = EpisodeSettings(min_minutes=1)


def test_one_run_opens_and_closes_after_quiet_period():
    scores = [0.0] * 5 + [0.9] * 4 + [0.0] * 30
    eps = find_episodes(series(scores))
    assert len(eps) == 1
    row = eps.iloc[0]
    assert row["start"] == at(5)
    assert row["end"] == at(9)  # one minute after the last active minute 8
    assert row["last_active"] == at(8)
    assert not row["is_open"]
    assert row["count_minutes_anomalous"] == 4
    assert row["count_bursts"] == 1
    assert not row["is_flapping"]
    assert row["episode_id"] == episode_id("cart", at(5))


def test_hysteresis_band_keeps_episode_alive_but_never_opens_one():
    # 0.4 is below the threshold 0.5 but above 0.7 * 0.5 = 0.35: keeps alive.
    scores = [0.4] * 3 + [0.9] * 3 + [0.4] * 20 + [0.0] * 30
    eps = find_episodes(series(scores))
    assert len(eps) == 1
    assert eps.loc[0, "start"] == at(3)  # the 0.4 minutes before did not open it
    assert eps.loc[0, "end"] == at(26)  # kept alive through minute 25
    assert eps.loc[0, "count_minutes_anomalous"] == 3


def test_quiet_period_boundary():
    # quiet_minutes=10: a gap of exactly 10 minutes since the last active minute
    # keeps one episode; 11 starts a new one.
    def run(gap: int) -> pd.DataFrame:
        scores = [0.9] * 3 + [0.0] * (gap - 1) + [0.9] * 3 + [0.0] * 20
        return find_episodes(series(scores))

    assert len(run(10)) == 1
    two = run(11)
    assert len(two) == 2
    assert two.loc[0, "end"] == at(3)
    assert two.loc[1, "start"] == at(2 + 11)


def test_flapping_series_is_one_episode_marked_flapping():
    pattern = [0.9, 0.0, 0.0] * 6  # six bursts, two quiet minutes between each
    eps = find_episodes(series(pattern + [0.0] * 30), ONE_MINUTE)
    assert len(eps) == 1
    assert eps.loc[0, "count_bursts"] == 6
    assert eps.loc[0, "is_flapping"]
    assert eps.loc[0, "count_minutes_anomalous"] == 6


def test_two_bursts_are_not_flapping():
    eps = find_episodes(series([0.9, 0.9, 0.0, 0.9, 0.9] + [0.0] * 30), ONE_MINUTE)
    assert eps.loc[0, "count_bursts"] == 2
    assert not eps.loc[0, "is_flapping"]


def test_min_minutes_drops_lone_blips():
    scores = [0.0] * 5 + [0.95] + [0.0] * 30 + [0.9] * 3 + [0.0] * 30
    eps = find_episodes(series(scores))  # default min_minutes=3
    assert len(eps) == 1
    assert eps.loc[0, "start"] == at(36)


def test_episode_still_open_at_end_of_data():
    eps = find_episodes(series([0.0] * 5 + [0.9] * 5 + [0.0] * 4))
    assert bool(eps.loc[0, "is_open"])
    assert pd.isna(eps.loc[0, "end"])
    # the same minutes with data known to go on 10 quiet minutes: closed
    closed = find_episodes(series([0.0] * 5 + [0.9] * 5 + [0.0] * 4),
                           data_end=at(30))
    assert not bool(closed.loc[0, "is_open"])
    assert closed.loc[0, "end"] == at(10)


def test_is_anomaly_column_wins_and_components_reduce_to_service():
    frame = pd.DataFrame({
        "service": "api", "component": ["GET /a", "GET /b"] * 4,
        "minute": [m for m in minutes(4) for _ in range(2)],
        "score": [0.2, 0.1] * 4, "threshold": 0.5,
        "is_anomaly": [True, False] * 4,
    })
    eps = find_episodes(frame, ONE_MINUTE, data_end=at(30))
    assert len(eps) == 1
    assert eps.loc[0, "component"] == "GET /a"
    assert eps.loc[0, "count_minutes_anomalous"] == 4


def test_missing_columns_error_names_columns_not_values():
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['score'\]"):
        find_episodes(pd.DataFrame({"service": ["x"], "minute": [T0]}))


def test_settings_are_validated():
    with pytest.raises(ValueError, match="hysteresis"):
        EpisodeSettings(hysteresis=1.5)
    with pytest.raises(ValueError, match="quiet_minutes"):
        EpisodeSettings(quiet_minutes=0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=120),
       st.integers(1, 15), st.floats(0.3, 1.0))
def test_property_every_anomalous_minute_in_exactly_one_episode(scores, quiet, hysteresis):
    cfg = EpisodeSettings(quiet_minutes=quiet, hysteresis=hysteresis, min_minutes=1)
    frame = series(scores)
    eps = find_episodes(frame, cfg, data_end=at(len(scores) + 1000))
    anomalous = [at(i) for i, s in enumerate(scores) if s >= 0.5]
    for m in anomalous:
        inside = ((eps["start"] <= m) & (eps["end"] > m)).sum()
        assert inside == 1
    assert eps["count_minutes_anomalous"].sum() == len(anomalous)
    # episodes never overlap and are separated by more than the quiet period
    ordered = eps.sort_values("start")
    gaps = (ordered["start"].iloc[1:].to_numpy() - ordered["end"].iloc[:-1].to_numpy())
    assert all(g >= pd.Timedelta(minutes=quiet) for g in gaps)


def _episode(service: str, start: int, end: int) -> dict:
    return {"service": service, "start": at(start), "end": at(end), "last_active": at(end - 1)}


def test_incidents_linked_by_traces_through_a_silent_service():
    eps = pd.DataFrame([_episode("gateway", 3, 20), _episode("db", 1, 25),
                        _episode("search", 2, 10)])
    # gateway -> orders -> db erroring calls; orders never alerted
    edges = pd.DataFrame({
        "caller": ["gateway", "orders"], "callee": ["orders", "db"],
        "minute": [at(5), at(5)], "count_error_calls": [40, 50],
    })
    out = group_incidents(eps, edges=edges)
    keys = dict(zip(out["service"], out["incident_key"], strict=True))
    assert keys["gateway"] == keys["db"] != keys["search"]
    via = {lk["via"] for lk in out.loc[out["service"] == "db", "link_evidence"].iloc[0]}
    assert via == {"traces"}


def test_incidents_not_linked_by_few_error_calls_or_far_apart_starts():
    eps = pd.DataFrame([_episode("a", 0, 10), _episode("b", 1, 10)])
    edges = pd.DataFrame({"caller": ["a"], "callee": ["b"], "minute": [at(2)],
                          "count_error_calls": [2]})
    out = group_incidents(eps, edges=edges)
    assert out["incident_key"].nunique() == 2
    # depends_on links only when starts are within the window
    near = group_incidents(pd.DataFrame([_episode("a", 0, 60), _episode("b", 9, 60)]),
                           depends_on={"a": ["b"]})
    far = group_incidents(pd.DataFrame([_episode("a", 0, 60), _episode("b", 30, 60)]),
                          depends_on={"a": ["b"]})
    assert near["incident_key"].nunique() == 1
    assert far["incident_key"].nunique() == 2


def test_extend_to_recovery_follows_a_level_shift_and_merges():
    n = 240
    errors = [1] * 60 + [40] * 120 + [1] * 60
    sm = pd.DataFrame({"service": "ledger", "minute": minutes(n), "count_errors": errors,
                       "requests": 1000})
    eps = pd.DataFrame([
        {"episode_id": "e1", "service": "ledger", "start": at(60), "end": at(70),
         "last_active": at(69), "is_open": False, "count_minutes_anomalous": 8,
         "count_bursts": 1, "is_flapping": False, "score": 1.0},
        {"episode_id": "e2", "service": "ledger", "start": at(150), "end": at(160),
         "last_active": at(159), "is_open": False, "count_minutes_anomalous": 5,
         "count_bursts": 1, "is_flapping": False, "score": 0.8},
    ])
    out = extend_to_recovery(eps, sm)
    assert len(out) == 1  # the second episode is inside the extended first one
    assert out.loc[0, "episode_id"] == "e1"
    assert out.loc[0, "end"] == at(180)  # back to the old level at minute 180
    assert out.loc[0, "count_minutes_anomalous"] == 13


def test_extend_to_recovery_leaves_a_transient_alone():
    errors = [2] * 60 + [50] * 5 + [2] * 60
    sm = pd.DataFrame({"service": "s", "minute": minutes(len(errors)), "count_errors": errors})
    eps = pd.DataFrame([{"episode_id": "e", "service": "s", "start": at(60), "end": at(65),
                         "last_active": at(64), "is_open": False,
                         "count_minutes_anomalous": 5, "count_bursts": 1,
                         "is_flapping": False, "score": 1.0}])
    out = extend_to_recovery(eps, sm)
    assert out.loc[0, "end"] == at(65)
    assert out.loc[0, "count_minutes_extended"] == 0


def test_episodes_table_created_in_a_real_store(tmp_path):
    from features.store import Store

    with Store.open(tmp_path / "fl.duckdb") as store:
        ensure_episodes_table(store.con)
        ensure_episodes_table(store.con)  # idempotent
        cols = [r[0] for r in store.con.execute("DESCRIBE episodes").fetchall()]
    assert cols[:4] == ["incident_id", "episode_id", "service", "component"]
    assert {"end", "evidence", "escalation", "fingerprints", "count_users_affected"} <= set(cols)
