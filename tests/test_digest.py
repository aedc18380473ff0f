"""The streamed content hash (SQLite serialises the scores) equals the plain one.

The hash goes into every appendix PDF and ``verify-pdf`` compares it with the round as
it is now, so it must never change for the same content: ``content_hash`` is checked
against ``reference_content_hash`` (every score a Python object, one ``json.dumps``) on
the demo round and on rounds whose identifiers and names hold quotes, backslashes,
control characters, Chinese and other text JSON must escape, and points of every kind.
"""

from __future__ import annotations

import sqlite3
import tempfile
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.services.round_digest import content_hash, reference_content_hash
from alliance_review.storage.round_store import RoundStore, building_round

texts = st.text(
    st.characters(blacklist_categories=("Cs",)),  # no lone surrogates: not valid UTF-8
    min_size=1,
    max_size=6,
).filter(lambda s: s.strip())


@st.composite
def odd_rounds(draw: st.DrawFn) -> tuple[list[str], list[str], list[tuple[int, int, int]]]:
    alliances = draw(st.lists(texts, min_size=1, max_size=4, unique=True))
    reviewers = draw(st.lists(texts, min_size=1, max_size=3, unique=True))
    scores = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(reviewers) - 1),
                st.integers(0, len(alliances) - 1),
                st.sampled_from((0, 5, 50, 100, 125, 1000, 1005, 1999, 2000)),
            ),
            max_size=12,
            unique_by=lambda t: (t[0], t[1]),
        )
    )
    return alliances, reviewers, scores


def write(path: Path, alliances: list[str], reviewers: list[str], scores) -> Path:  # type: ignore[no-untyped-def]
    indicator = Indicator("1.1", '指标"甲"\\', "", Fraction(20), Fraction(1, 100))
    rubric = Rubric((Category("1", "一级", (indicator,)),))
    with building_round(path) as store:
        store.write_settings(RoundSettings(uid='轮次"\n\\', title="标题\t\u2028", year=2020))
        store.write_rubric(rubric)
        store.add_alliances([Alliance(uid, f"名称{n}{uid}", n) for n, uid in enumerate(alliances)])
        store.add_reviewers([Reviewer(uid, f"专家{n}") for n, uid in enumerate(reviewers)])
        store.set_assignments({a: list(reviewers) for a in alliances})
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO score (reviewer_uid, alliance_uid, indicator_code, points_centi)"
            " VALUES (?, ?, '1.1', ?)",
            [(reviewers[r], alliances[a], centi) for r, a, centi in scores],
        )
    conn.close()
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_rounds())
def test_streamed_hash_equals_the_plain_hash(round_):
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "round.sqlite", *round_)
        with RoundStore.open(path) as store:
            assert content_hash(store) == reference_content_hash(store)


def test_the_demo_round_hashes_the_same_both_ways(demo_round_master: Path):
    with RoundStore.open(demo_round_master) as store:
        assert content_hash(store) == reference_content_hash(store)


def test_a_cancelled_export_leaves_no_hashing_thread_behind(demo_round: Path, tmp_path: Path):
    """The hash runs in a thread of its own during an export; a cancel stops and joins it,
    so no Python thread of ours outlives the export beside the window's."""
    import threading

    import pytest

    from alliance_review.core.errors import UserError
    from alliance_review.services.appendix_pdf import export_appendix

    with pytest.raises(UserError):
        export_appendix(demo_round, tmp_path / "a.pdf", progress=lambda done, total: False)
    assert [t for t in threading.enumerate() if t.name == "content-hash"] == []
    assert list(tmp_path.glob("*.pdf")) == []
