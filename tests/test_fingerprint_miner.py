"""TemplateMiner: estimator contract, grouping on hand-made lines, stable ids, persistence."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


_words = st.sampled_from(["jk2_init()", "user42", "s3", "http2", "worker", "blk_", "size",
                          "from", "Found", "child", "x1", "0x1f", "ab12cd34ef", "-", ":",
                          "took", "ms", "12 ms", "2026-03-01 10:00:00", "<NUM>"])
# values of few shapes, so that new messages often share a known message's shape: two-digit
# numbers, names with a kept digit, "0x.." against "5x..", IPv4 addresses, block ids
_values = st.one_of(
    st.integers(10, 99).map(str),
    st.integers(10, 99).map(lambda n: f"user{n}"),
    st.tuples(st.integers(0, 9), st.integers(10, 99)).map(lambda t: f"{t[0]}x{t[1]}"),
    st.tuples(*[st.integers(10, 99)] * 4).map(lambda t: ".".join(map(str, t))),
    st.integers(10**5, 10**6 - 1).map(lambda n: f"blk_{n}"),
)
_template = st.lists(st.one_of(_words, st.just("{}")), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(_template, min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 3), st.lists(_values, min_size=8, max_size=8)),
                max_size=40))
def test_shape_caches_give_the_ids_of_plain_masking(templates, picks) -> None:
    # a miner with the default rules passed explicitly runs no shape or token shortcut
    from features.fingerprint.masking import compile_rules, default_rules

    messages = []
    for which, values in picks:
        parts = templates[which % len(templates)]
        it = iter(values)
        messages.append(" ".join(next(it) if p == "{}" else p for p in parts))
    messages = messages + messages[::-1]
    fast = TemplateMiner()
    plain = TemplateMiner()
    plain._reset()
    plain._rules = compile_rules(default_rules())
    assert fast.partial_fit_transform(messages) == plain.partial_fit_transform(messages)
    assert fast.templates_ == plain.templates_
    assert fast.transform(messages) == plain.transform(messages)


@settings(max_examples=60, deadline=None)
@given(st.lists(_template, min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 3), st.lists(_values, min_size=8, max_size=8)),
                max_size=40))
def test_the_shape_table_only_gives_the_template_of_the_masked_text(templates, picks) -> None:
    # whatever the shape table answers for a message is what its masked text is pinned to
    from features.fingerprint.masking import mask
    from features.fingerprint.miner import _by_shape

    messages = []
    for which, values in picks:
        parts = templates[which % len(templates)]
        it = iter(values)
        messages.append(" ".join(next(it) if p == "{}" else p for p in parts))
    miner = TemplateMiner()
    half = len(messages) // 2
    miner.partial_fit(messages[:half])
    for message in messages:
        by_shape = _by_shape(miner._line_shapes, message)
        if by_shape is not None:
            assert miner._cache.get(" ".join(mask(message).split())) is by_shape


def test_a_new_line_of_a_known_shape_reuses_its_template_only_with_the_same_kept_digits() -> None:
    from features.fingerprint.miner import _by_shape

    miner = TemplateMiner()
    (first,) = miner.partial_fit_transform(["user42 took 5 pages from 10.0.0.1"])
    shapes = miner._line_shapes
    # digits the masks take may change; a kept digit (the 2 of user42) may not
    assert _by_shape(shapes, "user42 took 9 pages from 10.7.0.3").template_id == first
    assert _by_shape(shapes, "user43 took 9 pages from 10.7.0.3") is None
    assert _by_shape(shapes, "user42 took 19 pages from 10.7.0.3") is None  # another shape
    # "0x" is the one place a digit is read literally: such lines have no shape
    miner.partial_fit(["read 0x1f of 3"])
    assert _by_shape(shapes, "read 0x2a of 4") is None
    assert _by_shape(shapes, "read 5x2a of 4") is None
    # and plain masking agrees with every answer the table gives
    assert miner.partial_fit_transform(["user42 took 9 pages from 10.7.0.3"]) == [first]
