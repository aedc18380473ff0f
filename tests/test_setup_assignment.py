"""Automatic assignment: k reviewers each, never a conflict, balanced, or a reason why not."""

from __future__ import annotations

from itertools import combinations, product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_review.core.assignment import assign, loads
from alliance_review.core.errors import AssignmentError
from alliance_review.core.roster import Alliance, Reviewer


@st.composite
def instances(draw, max_alliances=12, max_reviewers=8):
    n = draw(st.integers(1, max_alliances))
    r = draw(st.integers(1, max_reviewers))
    k = draw(st.integers(1, 4))
    alliances = [Alliance(f"a{i}", f"联盟{i}", i) for i in range(n)]
    reviewers = []
    for j in range(r):
        own = draw(st.sets(st.integers(0, n - 1), max_size=1))
        declared = draw(st.sets(st.integers(0, n - 1), max_size=max(0, n // 3)))
        reviewers.append(
            Reviewer(
                f"r{j}",
                f"专家{j}",
                frozenset(f"a{i}" for i in own),
                frozenset(f"a{i}" for i in declared),
            )
        )
    seed = draw(st.integers(0, 2**16))
    return alliances, reviewers, k, seed


def check_valid(alliances, reviewers, k, result):
    assert set(result) == {a.uid for a in alliances}
    conflicts = {r.uid: r.conflicts for r in reviewers}
    for alliance_uid, chosen in result.items():
        assert len(chosen) == k == len(set(chosen))
        assert all(alliance_uid not in conflicts[r] for r in chosen)


def all_valid(alliances, reviewers, k):
    """Every valid assignment, by brute force (tiny instances only)."""
    options = [
        [
            c
            for c in combinations([r.uid for r in reviewers], k)
            if not any(a.uid in next(x for x in reviewers if x.uid == uid).conflicts for uid in c)
        ]
        for a in alliances
    ]
    for choice in product(*options):
        yield {a.uid: list(c) for a, c in zip(alliances, choice, strict=True)}


def spread(result, reviewers):
    counted = loads(result)
    values = [counted.get(r.uid, 0) for r in reviewers]
    return max(values) - min(values)


@settings(max_examples=300, deadline=None)
@given(instances())
def test_every_alliance_gets_k_reviewers_without_conflict_or_a_reason(instance):
    alliances, reviewers, k, seed = instance
    try:
        result = assign(alliances, reviewers, k, seed)
    except AssignmentError as error:
        assert str(error) and error.en  # a sentence in both languages
        return
    check_valid(alliances, reviewers, k, result)
    if not any(r.conflicts for r in reviewers):
        assert spread(result, reviewers) <= 1


@settings(max_examples=150, deadline=None)
@given(instances(max_alliances=4, max_reviewers=4))
def test_against_brute_force_it_finds_an_assignment_and_balances_where_possible(instance):
    alliances, reviewers, k, seed = instance
    k = min(k, 2)
    every = list(all_valid(alliances, reviewers, k))
    if not every:
        with pytest.raises(AssignmentError):
            assign(alliances, reviewers, k, seed)
        return
    result = assign(alliances, reviewers, k, seed)
    check_valid(alliances, reviewers, k, result)
    best = min(spread(candidate, reviewers) for candidate in every)
    if best <= 1:
        assert spread(result, reviewers) <= 1


@settings(max_examples=100, deadline=None)
@given(instances(), st.data())
def test_kept_pairs_stay_and_the_rest_is_filled(instance, data):
    alliances, reviewers, k, seed = instance
    try:
        first = assign(alliances, reviewers, k, seed)
    except AssignmentError:
        return
    fixed = {
        (a, r)
        for a, rs in first.items()
        for r in rs
        if data.draw(st.booleans(), label=f"keep {a}-{r}")
    }
    again = assign(alliances, reviewers, k, seed + 1, fixed=fixed)
    check_valid(alliances, reviewers, k, again)
    assert all(r in again[a] for a, r in fixed)


def test_same_seed_same_assignment_and_a_different_seed_differs():
    alliances = [Alliance(f"a{i}", f"联盟{i}", i) for i in range(30)]
    reviewers = [Reviewer(f"r{j}", f"专家{j}", frozenset({f"a{j}"})) for j in range(9)]
    first = assign(alliances, reviewers, 3, seed=7)
    assert assign(alliances, reviewers, 3, seed=7) == first
    assert assign(alliances, reviewers, 3, seed=8) != first
    assert spread(first, reviewers) == 0  # 90 places over 9 reviewers


def test_too_few_reviewers_is_explained():
    alliances = [Alliance("a0", "甲联盟", 0)]
    reviewers = [Reviewer("r0", "张三"), Reviewer("r1", "李四", frozenset({"a0"}))]
    with pytest.raises(AssignmentError) as refused:
        assign(alliances, reviewers, 3)
    assert "只有 2 位" in str(refused.value)
    with pytest.raises(AssignmentError) as refused:
        assign(alliances, reviewers, 2)
    assert "甲联盟" in str(refused.value) and "1 位没有利益冲突" in str(refused.value)
