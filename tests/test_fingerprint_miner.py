"""TemplateMiner: estimator contract, grouping on hand-made lines, stable ids, persistence."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils import get_tags

import features
from features.fingerprint import (
    DuckDBState,
    MemoryState,
    TemplateMiner,
    load_miner,
    mine_templates,
    save_miner,
)

FIXTURES = Path(__file__).parent / "fixtures" / "fingerprint"


def _mixed() -> tuple[list[str], list[str]]:
    groups, messages = [], []
    for line in (FIXTURES / "mixed_systems.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            group, message = line.split("\t", 1)
            groups.append(group)
            messages.append(message)
    return groups, messages


def _partition(labels: list[str]) -> set[frozenset[int]]:
    by: dict[str, set[int]] = {}
    for i, label in enumerate(labels):
        by.setdefault(label, set()).add(i)
    return {frozenset(s) for s in by.values()}


def test_groups_hand_made_lines_like_their_events() -> None:
    groups, messages = _mixed()
    ids = TemplateMiner().fit_transform(messages)
    assert _partition(ids) == _partition(groups)


def test_templates_have_typed_placeholders_and_wildcards() -> None:
    miner = TemplateMiner().fit([
        "Invalid user oracle from 203.0.113.77",
        "Invalid user test from 198.51.100.3",
    ])
    assert list(miner.templates_.values()) == ["Invalid user <*> from <IP>"]
    assert list(miner.counts_.values()) == [2]


def test_variable_length_lists_are_one_template() -> None:
    ids = TemplateMiner().fit_transform([
        "ask 10.0.0.1:50010 to delete blk_1",
        "ask 10.0.0.2:50010 to delete blk_2 blk_3 blk_4 blk_5",
    ])
    assert ids[0] == ids[1]


def test_different_verbs_are_different_templates() -> None:
    ids = TemplateMiner().fit_transform([
        "Failed password for root from 203.0.113.9 port 22 ssh2",
        "Accepted password for root from 203.0.113.9 port 22 ssh2",
    ])
    assert ids[0] != ids[1]


def test_ids_are_a_hash_of_the_first_text_and_never_change() -> None:
    miner = TemplateMiner()
    first = miner.partial_fit_transform(["worker alpha stopped"])[0]
    # generalizes the template in place: text changes, id stays
    second = miner.partial_fit_transform(["worker beta stopped"])[0]
    assert first == second
    assert miner.templates_[first] == "worker <*> stopped"
    # the same first message on another machine gets the same id
    assert TemplateMiner().fit_transform(["worker alpha stopped"])[0] == first


def test_long_streams_do_not_split_groups() -> None:
    groups, messages = _mixed()
    miner = TemplateMiner()
    once = miner.partial_fit_transform(messages)
    for _ in range(20):
        assert miner.partial_fit_transform(messages) == once
    assert len(miner.templates_) == len(set(groups))


def test_ids_survive_a_restart_from_memory_state() -> None:
    _, messages = _mixed()
    state = MemoryState()
    miner = TemplateMiner()
    before = miner.partial_fit_transform(messages[:20])
    save_miner(miner, state)
    restarted = load_miner(state)
    assert restarted.templates_ == miner.templates_
    # same messages, same ids; new messages keep extending the same templates
    assert restarted.partial_fit_transform(messages[:20]) == before
    rest_restarted = restarted.partial_fit_transform(messages[20:])
    rest_original = miner.partial_fit_transform(messages[20:])
    assert rest_restarted == rest_original


def test_ids_survive_a_restart_from_a_duckdb_file(tmp_path: Path) -> None:
    _, messages = _mixed()
    path = tmp_path / "state.duckdb"
    with duckdb.connect(str(path)) as con:
        miner = load_miner(DuckDBState(con))
        before = miner.partial_fit_transform(messages)
        save_miner(miner, DuckDBState(con))
    with duckdb.connect(str(path)) as con:
        again = load_miner(DuckDBState(con)).partial_fit_transform(messages)
    assert again == before


def test_load_miner_refuses_other_parameters_for_saved_state() -> None:
    state = MemoryState()
    save_miner(TemplateMiner(similarity=0.5).fit(["a 1"]), state)
    with pytest.raises(ValueError, match="cannot be reopened"):
        load_miner(state, similarity=0.7)


def test_transform_does_not_learn() -> None:
    miner = TemplateMiner().fit(["disk 1 full", "disk 2 full"])
    known = miner.templates_
    out = miner.transform(["disk 9 full", "fan 3 stopped spinning"])
    assert out[0] == next(iter(known))
    assert out[1] is None
    assert miner.templates_ == known


def test_not_fitted_and_bad_input_errors_teach() -> None:
    with pytest.raises(NotFittedError, match="TemplateMiner"):
        TemplateMiner().transform(["x"])
    with pytest.raises(TypeError, match="position 1 is NoneType"):
        TemplateMiner().fit(["ok", None])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="similarity"):
        TemplateMiner(similarity=1.5).fit(["x"])
    with pytest.raises(ValueError, match="version"):
        TemplateMiner.from_state(b'{"version": 99}')


def test_estimator_params_clone_and_tags() -> None:
    miner = TemplateMiner(similarity=0.6, cache_size=10)
    assert miner.get_params() == {"similarity": 0.6, "cache_size": 10}
    assert clone(miner).get_params() == miner.get_params()
    tags = get_tags(miner)
    assert tags.input_tags.string and tags.input_tags.one_d_array
    assert not tags.input_tags.two_d_array


def test_full_cache_keeps_assignments_stable() -> None:
    _, messages = _mixed()
    small = TemplateMiner(cache_size=3)
    big = TemplateMiner()
    assert small.fit_transform(messages) == big.fit_transform(messages)


def test_mine_templates_is_exported_from_features() -> None:
    pairs = features.mine_templates(["GET /a/b took 5ms", "GET /c/d took 17ms", ""])
    assert pairs[0] == pairs[1]
    assert pairs[0][1] == "GET <PATH> took <DURATION>"
    assert pairs[2][1] == ""
    assert mine_templates([]) == []


def test_a_generalized_template_keeps_matching_new_values() -> None:
    # digit-bearing tokens match each other, so the first merge turns 2 of 4 positions
    # into wildcards; a later message shares only the 2 constants (below similarity=0.7)
    # but agrees with every constant, so it is an instance, not a near-copy
    miner = TemplateMiner(similarity=0.7)
    ids = miner.partial_fit_transform(["job alpha7 step9 failed", "job beta3 step2 failed"])
    assert ids[0] == ids[1]
    assert miner.templates_[ids[0]] == "job <*> <*> failed"
    assert miner.partial_fit_transform(["job gamma delta failed"]) == [ids[0]]
    # a message that differs at a constant still needs the similarity
    other = miner.partial_fit_transform(["job gamma delta retried"])[0]
    assert other != ids[0]


def test_public_surface_is_sorted_and_importable() -> None:
    import features.fingerprint as fp

    assert fp.__all__ == sorted(fp.__all__)
    for name in fp.__all__:
        assert getattr(fp, name) is not None


def test_a_value_glued_to_a_name_keeps_the_name_in_the_template() -> None:
    miner = TemplateMiner()
    ids = miner.fit_transform([
        "HTTPConnectionPool(host='payments', port=80): Read timed out. (read timeout=5)",
        "HTTPConnectionPool(host='inventory', port=8080): Read timed out. (read timeout=2)",
        "user=alice action=login result=denied",
        "user=bob action=login result=denied",
    ])
    assert ids[0] == ids[1] != ids[2] == ids[3]
    assert miner.templates_[ids[0]] == (
        "HTTPConnectionPool(host='<*>', port=<NUM>): Read timed out. (read timeout=<NUM>)")
    assert miner.templates_[ids[2]] == "user=<*> action=login result=denied"
