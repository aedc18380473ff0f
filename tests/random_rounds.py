"""Random rounds for property tests (hypothesis): settings, rubric, alliances, reviewers,
assignments, scores and decisions drawn together, and written to a round file."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from hypothesis import strategies as st

from alliance_review.core.points import ROUNDING_RULES
from alliance_review.core.ranking import DEFAULT_TIERS, TIE_RULES, TierBand
from alliance_review.core.roster import BATCHES, Alliance, Reviewer
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.core.scoring import CONSENSUS_METHODS, Score
from alliance_review.storage.db import atomic
from alliance_review.storage.round_store import building_round

NAMES = ("甲联盟", "乙联盟", "丙联盟", "A 联盟", "a 联盟", "Zeta", "丁", "戊己庚")


@st.composite
def tier_bands(draw: st.DrawFn) -> tuple[TierBand, ...]:
    bounds = sorted(set(draw(st.lists(st.integers(1, 10000), max_size=3))), reverse=True)
    bands = [TierBand(f"档{n}", Fraction(b, 100)) for n, b in enumerate(bounds)]
    return (*bands, TierBand("最低档", None))


@st.composite
def rounds(draw: st.DrawFn) -> dict[str, object]:
    steps = draw(st.lists(st.sampled_from((100, 50, 25, 1)), min_size=1, max_size=4))
    indicators = []
    for n, step in enumerate(steps):
        top = step * draw(st.integers(1, 12 if step >= 25 else 1500))
        indicators.append(
            Indicator(f"{n + 1}.1", f"指标{n}", "", Fraction(top, 100), Fraction(step, 100))
        )
    rubric = Rubric((Category("1", "一级", tuple(indicators)),))
    alliances = [
        Alliance(f"a{n}", NAMES[n], n, draw(st.sampled_from((*BATCHES, None))))
        for n in range(draw(st.integers(1, 6)))
    ]
    reviewers = [Reviewer(f"r{n}", f"专家{n}") for n in range(draw(st.integers(1, 7)))]
    # the most reviewers of one alliance: up to 4 the median is done in SQL, from 5 not
    most = draw(st.integers(1, min(6, len(reviewers))))
    uids = [r.uid for r in reviewers]
    assignment = {
        a.uid: sorted(draw(st.sets(st.sampled_from(uids), min_size=1, max_size=most)))
        for a in alliances
    }
    scores = []
    for a in alliances:
        for r in assignment[a.uid]:
            for ind in indicators:
                if not draw(st.integers(0, 7)):
                    continue  # an indicator this reviewer has not scored yet
                steps_up = int(ind.max_points / ind.step)
                # a few values reused so that ties and equal middles happen
                k = draw(
                    st.sampled_from((0, steps_up, steps_up // 2, draw(st.integers(0, steps_up))))
                )
                scores.append(Score(r, a.uid, ind.code, ind.step * k))
    decisions = []
    for a in alliances:
        for code in ["", *(i.code for i in indicators)]:
            if draw(st.integers(0, 6)) == 0:
                top = 10000 if code == "" else int(rubric.indicator(code).max_points * 100)
                decisions.append((a.uid, code, draw(st.integers(0, top))))
    settings_ = RoundSettings(
        uid="r",
        title="随机轮次",
        year=2020,
        consensus_method=draw(st.sampled_from(CONSENSUS_METHODS)),
        rounding=draw(st.sampled_from(list(ROUNDING_RULES))),
        tie_rule=draw(st.sampled_from(list(TIE_RULES))),
        tiers=draw(st.one_of(st.just(DEFAULT_TIERS), tier_bands())),
        tier_by=draw(st.sampled_from(("total", "printed"))),
    )
    return {
        "settings": settings_,
        "rubric": rubric,
        "alliances": alliances,
        "reviewers": reviewers,
        "assignment": assignment,
        "scores": scores,
        "decisions": decisions,
    }


def write_round(path: Path, spec: dict[str, object]) -> Path:
    with building_round(path) as store:
        store.write_settings(spec["settings"])  # type: ignore[arg-type]
        store.write_rubric(spec["rubric"])  # type: ignore[arg-type]
        store.add_alliances(spec["alliances"])  # type: ignore[arg-type]
        store.add_reviewers(spec["reviewers"])  # type: ignore[arg-type]
        store.set_assignments(spec["assignment"])  # type: ignore[arg-type]
        store.put_scores(spec["scores"])  # type: ignore[arg-type]
        with atomic(store.conn):
            store.conn.executemany(
                "INSERT INTO decision (alliance_uid, indicator_code, points_centi, rationale,"
                " decided_at) VALUES (?, ?, ?, '工作小组讨论决定', '2020-01-01T00:00:00+08:00')",
                spec["decisions"],  # type: ignore[arg-type]
            )
    return path
