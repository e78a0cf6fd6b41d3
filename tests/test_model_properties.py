"""Property tests of the scoring model: what a served window sees equals the batch view."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anomaly.model import MinuteScorer


def _model() -> MinuteScorer:
    rng = np.random.default_rng(0)
    n = 600
    requests = rng.poisson(50, n)
    frame = pd.DataFrame({"service": np.where(np.arange(n) % 2, "a", "b"),
                          "minute": np.repeat(pd.date_range("2026-03-02", periods=n // 2,
                                                            freq="min"), 2),
                          "requests": requests, "count_errors": rng.poisson(requests * 0.01),
                          "count_5xx": rng.poisson(requests * 0.005)})
    return MinuteScorer(window=5, burst=3, min_rows=100).fit(frame)


MODEL = _model()

counts = st.lists(st.integers(0, 60), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(errors=counts, gaps=st.lists(st.integers(1, 3), min_size=40, max_size=40),
       service=st.sampled_from(["a", "b", "unseen"]), has_requests=st.booleans())
def test_the_last_window_scores_the_latest_row_as_the_whole_series(
        errors: list[int], gaps: list[int], service: str, has_requests: bool) -> None:
    n = len(errors)
    minutes = pd.Timestamp("2026-03-05") + pd.to_timedelta(np.cumsum(gaps[:n]), unit="min")
    frame = pd.DataFrame({"service": service, "minute": minutes, "count_errors": errors,
                          "requests": 50.0 if has_requests else np.nan})
    whole = MODEL.predict(frame)
    last = MODEL.predict(frame.tail(MODEL.window_))
    assert last["score"].iloc[-1] == whole["score"].iloc[-1]
    assert whole["score"].between(0.0, 1.0).all()
    assert (whole["is_anomaly"] == (whole["score"] >= MODEL.threshold_)).all()
    # more errors in the latest minute never lower its score
    more = frame.copy()
    more.loc[more.index[-1], "count_errors"] += 5
    assert MODEL.predict(more)["score"].iloc[-1] >= whole["score"].iloc[-1]
