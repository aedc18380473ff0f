"""Automatic assignment: k reviewers each, never a conflict, balanced, or a reason why not."""

from __future__ import annotations

from collections import Counter
from itertools import combinations, product

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from alliance_review.core.assignment import assign, loads
from alliance_review.core.errors import AssignmentError
from alliance_review.core.roster import Alliance, Reviewer


@st.composite
def instances(draw, max_alliances=12, max_reviewers=8, max_k=4, feasible: bool | None = True):
    """Alliances, reviewers with their conflicts, k and a seed.

    ``feasible=True``: every alliance keeps at least k reviewers without a conflict, so an
    assignment exists (the assignment caps no reviewer's load); half of them have no
    conflict at all, where loads must balance. ``False``: fewer than k reviewers in all, or
    one alliance with fewer than k free of conflict. ``None``: either, as drawn.
    """
    n = draw(st.integers(1, max_alliances))
    k = draw(st.integers(1, max_k))
    if feasible is None:
        feasible = draw(st.booleans())
    r = draw(st.integers(k if feasible else 1, max(k, max_reviewers)))
    # per alliance, the reviewers in conflict with it
    conflicted = [set() for _ in range(n)]
    if draw(st.booleans()) or not feasible:
        for i in range(n):
            most = r - k if feasible else r
            conflicted[i] = draw(st.sets(st.integers(0, r - 1), max_size=max(0, most)))
    if not feasible and r >= k:
        short = draw(st.integers(0, n - 1))
        free = draw(st.integers(0, k - 1))
        conflicted[short] = set(draw(st.permutations(range(r)))[: r - free])
    reviewers = []
    for j in range(r):
        theirs = sorted(i for i in range(n) if j in conflicted[i])
        own = theirs[:1] if theirs and draw(st.booleans()) else []  # at most one own alliance
        reviewers.append(
            Reviewer(
                f"r{j}",
                f"专家{j}",
                frozenset(f"a{i}" for i in own),
                frozenset(f"a{i}" for i in theirs if i not in own),
            )
        )
    alliances = [Alliance(f"a{i}", f"联盟{i}", i) for i in range(n)]
    seed = draw(st.integers(0, 2**16))
    return alliances, reviewers, k, seed


def free_reviewers(alliance, reviewers) -> int:
    return sum(1 for r in reviewers if alliance.uid not in r.conflicts)


def feasible(alliances, reviewers, k) -> bool:
    return all(free_reviewers(a, reviewers) >= k for a in alliances)


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
def test_every_alliance_gets_k_reviewers_without_conflict(instance):
    alliances, reviewers, k, seed = instance
    result = assign(alliances, reviewers, k, seed)
    check_valid(alliances, reviewers, k, result)
    if not any(r.conflicts for r in reviewers):
        event("no conflict: loads balanced")
        assert spread(result, reviewers) <= 1


@settings(max_examples=150, deadline=None)
@given(instances(feasible=False))
def test_an_impossible_assignment_is_refused_with_its_reason(instance):
    alliances, reviewers, k, seed = instance
    with pytest.raises(AssignmentError) as refused:
        assign(alliances, reviewers, k, seed)
    error = refused.value
    if len(reviewers) < k:
        event("too few reviewers")
        assert f"只有 {len(reviewers)} 位" in str(error) and str(len(reviewers)) in error.en
    else:
        event("an alliance short of free reviewers")
        short = [a for a in alliances if free_reviewers(a, reviewers) < k]
        assert any(f"「{a.name}」" in str(error) and a.name in error.en for a in short)


@settings(max_examples=150, deadline=None)
@given(instances(max_alliances=4, max_reviewers=4, max_k=2, feasible=None))
def test_against_brute_force_it_finds_an_assignment_and_balances_where_possible(instance):
    alliances, reviewers, k, seed = instance
    every = list(all_valid(alliances, reviewers, k))
    if not every:
        event("no assignment exists: refused")
        with pytest.raises(AssignmentError):
            assign(alliances, reviewers, k, seed)
        return
    result = assign(alliances, reviewers, k, seed)
    check_valid(alliances, reviewers, k, result)
    best = min(spread(candidate, reviewers) for candidate in every)
    if best <= 1:
        event("a balanced assignment exists: balanced")
        assert spread(result, reviewers) <= 1
    else:
        event("no balanced assignment exists: found one")


@settings(max_examples=100, deadline=None)
@given(instances(), st.data())
def test_kept_pairs_stay_and_the_rest_is_filled(instance, data):
    alliances, reviewers, k, seed = instance
    first = assign(alliances, reviewers, k, seed)
    fixed = {
        (a, r)
        for a, rs in first.items()
        for r in rs
        if data.draw(st.booleans(), label=f"keep {a}-{r}")
    }
    again = assign(alliances, reviewers, k, seed + 1, fixed=fixed)
    check_valid(alliances, reviewers, k, again)
    assert all(r in again[a] for a, r in fixed)


def shares(strategy, labels, examples: int = 200) -> dict[str, float]:
    """The share of examples of ``strategy`` that carry each label (same examples on
    every run: the suite's derandomized profile)."""
    counted: Counter[str] = Counter()

    @settings(max_examples=examples, deadline=None, database=None)
    @given(strategy)
    def sample(instance):
        counted["all"] += 1
        counted.update(labels(*instance))

    sample()
    return {label: n / counted["all"] for label, n in counted.items() if label != "all"}


def test_the_examples_reach_the_assertions():
    """The strategies make what each property needs: feasible instances are all feasible
    (no example ends before the assertion), impossible ones all impossible, and the brute
    force sees both kinds. The shares are printed (``-s``); ``--hypothesis-show-statistics``
    prints each property's own events."""

    def kinds(alliances, reviewers, k, seed):
        ok = feasible(alliances, reviewers, k)
        plain = not any(r.conflicts for r in reviewers)
        return ["feasible"] * ok + ["infeasible"] * (not ok) + ["no conflict"] * plain

    either = instances(max_alliances=4, max_reviewers=4, max_k=2, feasible=None)
    found = {
        "feasible": shares(instances(), kinds),
        "impossible": shares(instances(feasible=False), kinds),
        "either": shares(either, kinds),
    }
    print(f"\nshares of examples: {found}")
    assert found["feasible"].get("feasible") == 1.0
    assert found["feasible"].get("no conflict", 0) >= 0.3  # where the balance is asserted
    assert found["impossible"].get("infeasible") == 1.0
    assert 0.25 <= found["either"].get("feasible", 0) <= 0.75


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
