"""Panel decisions, locking, and the consensus method, through the services and the CLI."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from alliance_review.core.errors import RoundLocked, UserError
from alliance_review.services.merge import merge_into
from alliance_review.services.panel import (
    analyse,
    decision_log,
    preview_method,
    restore_decision,
    set_decision,
    set_disagreement_span,
    set_locked,
    set_method,
    withdraw_decision,
)
from alliance_review.services.results import compute
from alliance_review.storage.round_store import RoundStore

from . import panel_rounds as pr
from .conftest import run_cli


def reviewer_totals(store: RoundStore) -> dict[str, dict[str, Fraction]]:
    """Alliance -> reviewer -> total, summed here from the raw scores."""
    totals: dict[str, dict[str, Fraction]] = {}
    for score in store.scores():
        by_reviewer = totals.setdefault(score.alliance_uid, {})
        by_reviewer[score.reviewer_uid] = by_reviewer.get(score.reviewer_uid, 0) + score.points
    return totals


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
    refused_unchanged(round_path, lambda s: set_disagreement_span(s, Fraction(20)), "锁定")
    with RoundStore.open(round_path) as store:
        assert set_locked(store, False) is True
        set_decision(store, "a2", "", Fraction(80), "x")
        assert store.settings().locked is False


def test_the_disagreement_threshold_is_a_round_setting_the_analysis_uses(round_path: Path):
    for bad in (Fraction(0), Fraction(-5), Fraction(101), Fraction(1, 3)):
        refused_unchanged(round_path, lambda s, b=bad: set_disagreement_span(s, b), "分歧阈值")
    with RoundStore.open(round_path) as store:
        assert analyse(store).total_span == 10
        assert set_disagreement_span(store, Fraction(18)) == 10
    with RoundStore.open(round_path) as store:
        analysis = analyse(store)
        assert store.settings().disagreement_span == 18 and analysis.total_span == 18
        spans = {a: max(t.values()) - min(t.values()) for a, t in reviewer_totals(store).items()}
    flagged = {a for a, fs in analysis.flags.items() if any(f.kind == "total_span" for f in fs)}
    assert flagged == {a for a, span in spans.items() if span > 18}
    # some alliances stay flagged, and fewer than at the default threshold of 10
    assert flagged and len(flagged) < sum(1 for span in spans.values() if span > 10)


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


def test_a_locked_round_refuses_every_edit_whoever_writes(round_path: Path, tmp_path: Path):
    """Not only the panel's services: set-up and score writes are refused by the file itself."""
    import dataclasses
    import sqlite3

    from alliance_review.core.scoring import Score
    from alliance_review.services.merge import merge_into

    files = pr.submitted(round_path, tmp_path / "again")  # issued before the lock
    with RoundStore.open(round_path) as store:
        set_locked(store, True)
        settings = store.settings()
        alliances = store.alliances()
        rubric = store.rubric()
        one = store.scores()[0]
    edits = {
        "settings": lambda s: s.write_settings(dataclasses.replace(settings, title="改")),
        "rubric": lambda s: s.write_rubric(rubric),
        "roster": lambda s: s.add_alliances([dataclasses.replace(alliances[0], uid="x")]),
        "assignments": lambda s: s.set_assignments({}),
        "score": lambda s: s.put_scores([dataclasses.replace(one, points=Fraction(0))]),
        "self-score": lambda s: s.put_self_scores({(alliances[0].uid, "1.1"): (None, "")}),
        "decision row": lambda s: s.conn.execute(
            "INSERT INTO decision (alliance_uid, points_centi, rationale, decided_at)"
            " VALUES (?, 0, 'x', 'now')",
            (alliances[0].uid,),
        ),
    }
    before = pr.dump(round_path, skip=())
    for what, edit in edits.items():
        # through RoundStore (atomic): the lock sentence; a raw statement: the trigger's
        expected = sqlite3.IntegrityError if what == "decision row" else RoundLocked
        with RoundStore.open(round_path) as store, pytest.raises(expected) as error:
            edit(store)
        assert "locked" in str(error.value) or "锁定" in str(error.value), what
        assert pr.dump(round_path, skip=()) == before, what
    # a merge is refused with a sentence, and the refusal is still recorded
    report = merge_into(round_path, files.values())
    assert all(outcome.refused for outcome in report) and "锁定" in report[0].detail()
    logs = ("merge_log", "audit")
    assert pr.dump(round_path, skip=logs) == {k: v for k, v in before.items() if k not in logs}
    assert pr.merge_log_rows(round_path)[-1][4] == "refused"
    # the CLI says one sentence, not a database error
    cli = run_cli("decide", round_path, "联盟1号", "--points", "5", "--rationale", "x")
    assert cli.returncode == 1 and "锁定" in cli.stderr and "损坏" not in cli.stderr
    # locking it again is not an edit: it stays locked and says so
    again = run_cli("lock", round_path)
    assert again.returncode == 0 and "锁定" in again.stdout
    # unlocking is the one edit a locked round accepts; then edits go through again
    with RoundStore.open(round_path) as store:
        set_locked(store, False)
        store.put_scores([Score(one.reviewer_uid, one.alliance_uid, one.indicator_code, 0)])
