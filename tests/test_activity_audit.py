"""Participation, its reasons and the evidence ticks are on the round's audit trail like
every other edit: who marked which alliance as not taking part, and when, can be read back,
and ``check`` still finds the chain whole."""

from __future__ import annotations

from pathlib import Path

from alliance_review.services.participation import (
    Participation,
    participation_of,
    set_participation,
    set_reasons,
)
from alliance_review.storage.round_store import RoundStore

from .conftest import run_cli


def test_participation_edits_are_on_the_audit_trail(demo_round: Path) -> None:
    with RoundStore.open(demo_round) as store:
        before = len(store.audit_entries())
        uid = next(iter(store.non_participants()))  # a pilot of 2015 that did not take part
        reason = participation_of(store, uid).reason
        set_participation(store, Participation(uid, None))
        set_participation(store, Participation(uid, reason, "秘书处电话停机"))
        set_reasons(store, [*store.participation_reasons(), "其他原因"])
        store.replace_self_ticks(uid, set())
        new = store.audit_entries()[before:]
    actions = [e.action for e in new]
    assert actions[:3] == ["participation", "participation", "participation_reasons"], actions
    assert uid in new[0].detail and new[0].detail.startswith("{\"reviewers\"")
    assert "秘书处电话停机" in new[1].detail
    assert "self_ticks" in actions
    done = run_cli("check", demo_round)
    assert done.returncode == 0, done.stdout + done.stderr
