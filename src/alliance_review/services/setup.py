"""Setting up a round: a new round file, the round's settings, the rubric with its lock.

The roster lives in ``services.roster``, its files in ``services.roster_io``, the
assignment in ``services.assigning``, the self-evaluation workbooks in
``services.selfeval``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from alliance_review.core.errors import UserError
from alliance_review.core.evidence import ITEM_RULES
from alliance_review.core.points import ROUNDING_RULES
from alliance_review.core.ranking import DEFAULT_TIERS, TIE_RULES, TIER_BY, TierBand, check_tiers
from alliance_review.core.roster import BATCHES, Alliance
from alliance_review.core.round import RoundSettings
from alliance_review.core.rubric import Rubric
from alliance_review.core.rubric_edit import check_change, structural_problems
from alliance_review.core.scoring import CONSENSUS_METHODS
from alliance_review.services import resources, roster_io, roster_update
from alliance_review.services.carry import LastRound, read_last
from alliance_review.services.output import guard, replacing
from alliance_review.services.panel import require_unlocked
from alliance_review.services.roster_plan import ImportPlan
from alliance_review.storage.round_store import RoundStore, building_round

Progress = Callable[[int, int], bool]


def new_uid() -> str:
    return str(uuid.uuid4())


def check_settings(settings: RoundSettings) -> None:
    """Refuse settings the round file cannot hold, with one sentence."""
    if not settings.title.strip():
        raise UserError("评价轮次须有标题。", "The round needs a title.")
    if not 1990 <= settings.year <= 2200:
        raise UserError(
            f"年度 {settings.year} 不在 1990 到 2200 之间。",
            f"The year {settings.year} is not between 1990 and 2200.",
        )
    if settings.reviewers_per_alliance < 1:
        raise UserError(
            "每个联盟至少需要 1 位评审专家。", "Each alliance needs at least one reviewer."
        )
    if settings.rounding not in ROUNDING_RULES:
        raise UserError(f"未知的取整规则 {settings.rounding}。", "Unknown rounding rule.")
    if settings.tie_rule not in TIE_RULES:
        raise UserError(f"未知的同分规则 {settings.tie_rule}。", "Unknown tie rule.")
    if settings.consensus_method not in CONSENSUS_METHODS:
        raise UserError("未知的汇总方法。", "Unknown consensus method.")
    if settings.item_rule not in ITEM_RULES:
        raise UserError("未知的评价要点认定规则。", "Unknown rule for evidence items.")
    if settings.tier_by not in TIER_BY:
        raise UserError("未知的划档依据。", "Unknown choice of the number that decides the tier.")
    for band in settings.tiers:
        if band.min_total is not None and (band.min_total * 100).denominator != 1:
            raise UserError("档位下限最多两位小数。", "Tier bounds take at most two decimals.")
    check_tiers(settings.tiers)


def new_round(
    out: Path | str,
    title: str,
    year: int,
    *,
    period: str = "",
    rubric: Rubric | None = None,
    roster: list[Alliance] | None = None,
    from_round: Path | str | None = None,
    settings: dict[str, Any] | None = None,
    roster_plan: ImportPlan | None = None,
    include_hidden: bool = False,
    last: LastRound | None = None,
) -> Path:
    """Write a new round file; with ``from_round`` (or ``last``, read already) it starts
    from last year's round (``services.carry``: the register with identities and
    statuses, batches, reviewers with their conflicts, rubric, tiers, rules and results;
    never assignments or scores). ``roster_plan``: this year's list, which updates the
    carried register (or makes the roster of a round started afresh); ``roster``: a
    ready list of alliances instead. An explicit ``rubric`` replaces the carried one.
    """
    out = Path(out)
    if out.exists():
        raise UserError(
            f"文件「{out.name}」已存在，不会覆盖。", f"{out.name} already exists; not overwritten."
        )
    if last is None and from_round is not None:
        last = read_last(from_round, year)
    base = RoundSettings(uid="", title=title, year=year, period=period)
    if last is not None:
        base = replace(last.settings, title=title, year=year, period=period, locked=False)
        rubric = rubric or last.rubric
    settings_value = replace(base, uid=new_uid(), **(settings or {}))
    check_settings(settings_value)
    rubric = rubric or resources.default_rubric()
    problems = structural_problems(rubric)
    if problems:
        raise UserError(" ".join(p[0] for p in problems), " ".join(p[1] for p in problems))
    with building_round(out) as store:
        store.write_settings(settings_value)
        store.write_rubric(rubric)
        if last is not None:
            store.write_batches(last.batches)
            store.write_register(last.register)
            store.add_reviewers(last.reviewers)
            if last.history is not None:
                store.write_history(last.history.rounds, last.history.results)
        elif roster is not None:
            store.add_alliances(list(roster))
        if roster_plan is not None:
            comparison = roster_update.compare_plan(store, roster_plan, include_hidden)
            roster_update.apply(store, roster_plan, comparison, include_hidden=include_hidden)
    return out


def new_round_from_files(
    out: Path | str,
    title: str,
    year: int,
    *,
    period: str = "",
    rubric_file: Path | None = None,
    roster_file: Path | None = None,
    from_round: Path | None = None,
    sheet: str | int | None = None,
    include_hidden: bool = False,
    skip_bad: bool = False,
    hint: tuple[str, str] = roster_io.CLI_HINT,
) -> Path:
    """``new-round``: the files are read and checked before anything is written; a list
    with a row that cannot be taken is refused (``skip_bad``: the good rows are taken;
    ``hint``: how to say so, in the words of the command line or of the window)."""
    rubric = resources.load_rubric(rubric_file) if rubric_file else None
    last = read_last(from_round, year) if from_round is not None else None
    plan = None
    if roster_file is not None:
        batches = [b.name for b in last.batches] if last is not None else list(BATCHES)
        plan = roster_io.roster_plan(roster_file, sheet, batches)
        if not skip_bad:
            roster_io.refuse_blocked(Path(roster_file), plan, hint)
    return new_round(
        out, title, year, period=period, rubric=rubric, roster_plan=plan,
        include_hidden=include_hidden, last=last,
    )  # fmt: skip


# settings ----------------------------------------------------------------------------
def update_settings(store: RoundStore, **changes: Any) -> RoundSettings:
    """Change some settings; returns the settings as they were (for an undo)."""
    require_unlocked(store)
    before = store.settings()
    after = replace(before, **changes)
    check_settings(after)
    store.write_settings(after)
    return before


def tiers_from_text(rows: list[tuple[str, str]]) -> tuple[TierBand, ...]:
    """(name, lower bound or "") rows as typed in the window -> checked tier bands."""
    bands = []
    for name, bound in rows:
        text = bound.strip()
        try:
            value = Fraction(text) if text else None
        except (ValueError, ZeroDivisionError) as error:
            raise UserError(
                f"「{name}」的下限「{bound}」不是数字。", f"The bound {bound!r} is not a number."
            ) from error
        bands.append(TierBand(name.strip(), value))
    check_tiers(bands)
    return tuple(bands)


DEFAULT_TIER_BANDS = DEFAULT_TIERS


# rubric ------------------------------------------------------------------------------
def set_rubric(store: RoundStore, rubric: Rubric, renames: dict[str, str] | None = None) -> None:
    """Replace the rubric in place; refused (nothing written) if it breaks stored scores."""
    require_unlocked(store)
    with store.atomic():
        check_change(
            rubric,
            store.points_by_indicator("score"),
            store.points_by_indicator("self_score"),
            renames,
            store.ticked_items(),
        )
        store.write_rubric_in_place(rubric, renames)


def rubric_is_locked(store: RoundStore) -> bool:
    """Whether scores exist, so edits that would invalidate them are refused."""
    return store.has_scores() or store.has_self_scores()


def issue_evidence(store: RoundStore) -> str | None:
    """What the round file tells about reviewer files having gone out, which it does not
    record as such: "merged" (the panel merged returned files, so files were issued),
    "assigned" (reviewers are assigned, so files may have been issued) or None."""
    if store.merged_revisions():
        return "merged"
    if store.has_assignments():
        return "assigned"
    return None


def export_rubric(store: RoundStore, path: Path | str) -> Path:
    """The rubric as a readable JSON file (the same format ``--rubric`` reads)."""
    out = guard(Path(path), [store.path])
    data = resources.rubric_to_data(store.rubric(), store.settings().title)
    with replacing(out, [store.path]) as temporary:
        temporary.write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return out


def import_rubric(store: RoundStore, path: Path | str) -> Rubric:
    """Replace the rubric by a rubric file's; returns the rubric as it was."""
    before = store.rubric()
    set_rubric(store, resources.load_rubric(path))
    return before
