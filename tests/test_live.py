"""The ranking and the analysis kept up to date one alliance at a time equal a fresh start.

After every edit of a random sequence (a score set, changed or removed; a decision on an
indicator or the total set or withdrawn) the kept state is updated with only the edited
alliance, as the window does on a change notice, and compared with the round computed
from scratch. An edit undone returns the analysis kept for that content hash.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_review.services.live import LiveAnalysis, LiveRanking
from alliance_review.services.panel import analyse
from alliance_review.services.results import compute
from alliance_review.services.round_digest import content_hash
from alliance_review.storage.db import atomic
from alliance_review.storage.round_store import RoundStore
from tests.random_rounds import rounds, write_round

edits = st.lists(
    st.tuples(
        st.sampled_from(("score", "clear", "decide", "withdraw")),
        st.integers(0, 10**6),  # which alliance / reviewer / indicator, modulo their counts
        st.integers(0, 10**6),
        st.integers(0, 10**6),
    ),
    min_size=1,
    max_size=6,
)


def edit(store: RoundStore, spec: dict[str, object], what: tuple[str, int, int, int]) -> str:
    """Apply one edit to the file; returns the alliance it touched."""
    kind, a, b, c = what
    alliances = spec["alliances"]
    alliance = alliances[a % len(alliances)].uid  # type: ignore[index,attr-defined]
    reviewers = spec["assignment"][alliance]  # type: ignore[index]
    reviewer = reviewers[b % len(reviewers)]
    indicators = list(spec["rubric"].indicators())  # type: ignore[attr-defined]
    indicator = indicators[c % len(indicators)]
    step, top = int(indicator.step * 100), int(indicator.max_points * 100)
    with atomic(store.conn):
        if kind == "score":
            store.conn.execute(
                "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET points_centi ="
                " excluded.points_centi",
                (reviewer, alliance, indicator.code, step * (c % (top // step + 1))),
            )
        elif kind == "clear":
            store.conn.execute(
                "DELETE FROM score WHERE reviewer_uid = ? AND alliance_uid = ?"
                " AND indicator_code = ?",
                (reviewer, alliance, indicator.code),
            )
        elif kind == "decide":
            code, limit = (indicator.code, top) if b % 2 else ("", 10000)
            store.conn.execute(
                "INSERT INTO decision (alliance_uid, indicator_code, points_centi, rationale,"
                " decided_at) VALUES (?, ?, ?, '讨论决定', '2020-01-01T00:00:00+08:00')"
                " ON CONFLICT DO UPDATE SET points_centi = excluded.points_centi",
                (alliance, code, c % (limit + 1)),
            )
        else:
            store.conn.execute("DELETE FROM decision WHERE alliance_uid = ?", (alliance,))
    return alliance


def assert_same(kept, fresh) -> None:  # type: ignore[no-untyped-def]
    assert kept.result.ranking == fresh.result.ranking
    assert dict(kept.result.results.items()) == dict(fresh.result.results.items())
    for name in ("flags", "tier_moves", "computed_totals", "indicators", "calibration"):
        assert getattr(kept, name) == getattr(fresh, name), name
    assert kept.total_alpha == fresh.total_alpha
    assert kept.decisions == fresh.decisions
    assert kept.normalised.keys() == fresh.normalised.keys()
    for uid, value in fresh.normalised.items():
        assert kept.normalised[uid] == pytest.approx(value, rel=1e-12, abs=1e-12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds(), edits)
def test_kept_state_equals_a_fresh_computation_after_every_edit(spec, steps):
    with tempfile.TemporaryDirectory() as folder:
        with RoundStore.open(write_round(Path(folder) / "round.sqlite", spec)) as store:
            ranking = LiveRanking(store)
            live = LiveAnalysis()
            live.rebuild(store)
            for step in steps:
                touched = edit(store, spec, step)
                assert ranking.update(store, [touched]).ranking == compute(store).ranking
                assert_same(live.update(store, [touched]), analyse(store))


def test_an_undone_edit_returns_the_analysis_kept_for_its_content(demo_round: Path):
    with RoundStore.open(demo_round) as store:
        live = LiveAnalysis()
        before = live.rebuild(store, content_hash(store))
        uid = before.result.ranking[60].alliance.uid
        with atomic(store.conn):
            store.conn.execute(
                "INSERT INTO decision (alliance_uid, indicator_code, points_centi, rationale,"
                " decided_at) VALUES (?, '', 9900, '讨论决定', '2020-01-01T00:00:00+08:00')",
                (uid,),
            )
        after = live.update(store, [uid], content_hash(store))
        moved = next(r for r in after.result.ranking if r.alliance.uid == uid)
        assert moved.total == 99 and moved.seq in (7, 8)  # beside the one 99 of the demo
        assert_same(after, analyse(store))
        with atomic(store.conn):
            store.conn.execute("DELETE FROM decision WHERE alliance_uid = ?", (uid,))
        again = live.update(store, [uid], content_hash(store))
        assert again is before  # the same content: the analysis kept for it
        # and the kept state followed the file: the next edit is computed right
        other = before.result.ranking[3].alliance.uid
        with atomic(store.conn):
            store.conn.execute(
                "DELETE FROM score WHERE alliance_uid = ? AND indicator_code = '1.1'", (other,)
            )
        assert_same(live.update(store, [other], content_hash(store)), analyse(store))
