"""Panel decisions, locking, and the consensus method, through the services and the CLI."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import UserError
from alliance_review.services.merge import merge_into
from alliance_review.services.panel import (
    decision_log,
    preview_method,
    restore_decision,
    set_decision,
    set_locked,
    set_method,
    withdraw_decision,
)
from alliance_review.services.results import compute
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli


@pytest.fixture
def round_path(tmp_path: Path) -> Path:
    path = pr.build_round(tmp_path / "round.sqlite")
    merge_into(path, pr.submitted(path, tmp_path).values())
    return path


def refused_unchanged(round_path: Path, action, words: str) -> None:  # type: ignore[no-untyped-def]
    before = pr.dump(round_path, skip=())
    with RoundStore.open(round_path) as store, pytest.raises(UserError, match=words):
        action(store)
    assert pr.dump(round_path, skip=()) == before


def test_a_decision_needs_a_rationale_overrides_and_can_be_undone(round_path: Path):
    with RoundStore.open(round_path) as store:
        consensus = compute(store).results["a4"].total
    refused_unchanged(round_path, lambda s: set_decision(s, "a4", "", Fraction(70), "  "), "理由")
    refused_unchanged(
        round_path, lambda s: set_decision(s, "a4", "1.1", Fraction(6), "x"), "0 到 5"
    )
    refused_unchanged(round_path, lambda s: set_decision(s, "a4", "", Fraction(101), "x"), "总分")
    with RoundStore.open(round_path) as store:
        assert set_decision(store, "a4", "", Fraction(70), "材料补充后认可") is None
        assert compute(store).results["a4"].total == 70
        previous = set_decision(store, "a4", "2.2", Fraction(12), "项目成果突出")
        assert previous is None
        # the total decision still decides; the indicator one is kept beside it
        assert compute(store).results["a4"].total == 70
        assert store.decisions()[("a4", "2.2")] == (Fraction(12), "项目成果突出")
        # undo the total decision: the computed consensus (with the indicator decision) again
        restore_decision(store, "a4", "", None)
        reviewers = pr.assignment()["a4"]
        mean_22 = sum(pr.designed_points(r, "a4", "2.2", Fraction(12)) for r in reviewers) / 3
        assert compute(store).results["a4"].total == consensus - mean_22 + 12
        withdraw_decision(store, "a4", "2.2")
        assert compute(store).results["a4"].total == consensus
        log = decision_log(store)
    assert [(a, i, p, action) for a, i, p, _, _, action in log] == [
        ("a4", "", Fraction(70), "set"),
        ("a4", "2.2", Fraction(12), "set"),
        ("a4", "", None, "withdrawn"),
        ("a4", "2.2", None, "withdrawn"),
    ]
    assert all(at for *_, at, _ in log)


def test_a_locked_round_refuses_decisions_and_method_changes_until_unlocked(round_path: Path):
    with RoundStore.open(round_path) as store:
        set_decision(store, "a1", "", Fraction(88), "讨论一致")
        set_locked(store, True)
    refused_unchanged(round_path, lambda s: set_decision(s, "a2", "", Fraction(80), "x"), "锁定")
    refused_unchanged(round_path, lambda s: withdraw_decision(s, "a1", ""), "锁定")
    refused_unchanged(round_path, lambda s: set_method(s, "median"), "锁定")
    with RoundStore.open(round_path) as store:
        assert set_locked(store, False) is True
        set_decision(store, "a2", "", Fraction(80), "x")
        assert store.settings().locked is False


def test_method_change_preview_lists_exactly_the_moves_and_writes_nothing(round_path: Path):
    before = pr.dump(round_path, skip=())
    with RoundStore.open(round_path) as store:
        old = {r.alliance.uid: r for r in compute(store).ranking}
        new = {r.alliance.uid: r for r in compute(store, "median").ranking}
        moves = preview_method(store, "median")
    assert pr.dump(round_path, skip=()) == before
    expected = {
        uid
        for uid in old
        if (old[uid].rank, old[uid].tier, old[uid].total)
        != (new[uid].rank, new[uid].tier, new[uid].total)
    }
    assert {m.alliance_uid for m in moves} == expected and expected
    for move in moves:
        assert (move.old_rank, move.new_rank) == (
            old[move.alliance_uid].rank,
            new[move.alliance_uid].rank,
        )
        assert move.tier_moves == (old[move.alliance_uid].tier != new[move.alliance_uid].tier)
    with RoundStore.open(round_path) as store:
        assert set_method(store, "median") == "mean"
        assert store.settings().consensus_method == "median"
    refused_unchanged(round_path, lambda s: set_method(s, "trimmed_mean"), "至少有 4 位")


def test_cli_decide_lock_and_method(round_path: Path):
    done = run_cli("decide", round_path, "联盟4号", "--points", "70")
    assert done.returncode == 1 and "理由" in done.stderr
    done = run_cli("decide", round_path, "联盟4号", "--points", "70", "--rationale", "补充材料")
    assert done.returncode == 0, done.stderr
    assert run_cli("lock", round_path).returncode == 0
    locked = run_cli("decide", round_path, "联盟4号", "--withdraw")
    assert locked.returncode == 1 and "锁定" in locked.stderr
    assert run_cli("unlock", round_path).returncode == 0
    method = run_cli("method", round_path, "median")
    assert method.returncode == 0 and "个联盟的名次或总分会变化" in method.stdout
    with RoundStore.open(round_path) as store:
        assert store.decisions() == {("a4", ""): (Fraction(70), "补充材料")}
        assert store.settings().consensus_method == "mean"
