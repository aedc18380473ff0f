"""A reviewer's work in their file: progress, the rules for "done", and submitting.

The window and the command line both use these functions. ``missing_for_done`` is the
one place that says what an alliance still lacks before its reviewer may mark it done:
every indicator scored, and an evidence note (评分依据) where the score is below full
marks (when the round asks for that) or differs from the self-score by more than the
round's margin.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.core.file_names import OPENABLE_SUFFIXES, submission_name
from alliance_review.core.points import format_points
from alliance_review.core.rubric import Indicator, Rubric
from alliance_review.services.output import guard, same_file
from alliance_review.storage.files import identify
from alliance_review.storage.reviewer_store import (
    ReviewerMeta,
    ReviewerStore,
    read_seal,
    write_working_copy,
)
from alliance_review.storage.round_store import now_text
from alliance_review.system.names import file_name

ScoreMap = Mapping[tuple[str, str], tuple[Fraction | None, str]]


class Status(Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True)
class NoteRule:
    """When an evidence note is required (the round's settings, copied into the file)."""

    below_full: bool = True
    margin: Fraction = Fraction(2)

    @classmethod
    def of(cls, meta: ReviewerMeta) -> NoteRule:
        return cls(meta.note_below_full, meta.note_margin)

    def needs_note(
        self, indicator: Indicator, points: Fraction, self_points: Fraction | None
    ) -> bool:
        if self.below_full and points < indicator.max_points:
            return True
        return self_points is not None and abs(points - self_points) > self.margin


@dataclass(frozen=True)
class Missing:
    """One thing an alliance lacks before it can be marked done."""

    code: str
    name: str
    reason: str  # "unscored" | "note_below_full" | "note_self_margin" | "override_reason"
    points: Fraction | None = None
    self_points: Fraction | None = None

    def text(self, language: str = "zh") -> str:
        if language.startswith("en"):
            if self.reason == "unscored":
                return f"{self.code} {self.name}: not scored"
            if self.reason == "note_below_full":
                return f"{self.code} {self.name}: below full marks, needs an evidence note"
            if self.reason == "override_reason":
                return (
                    f"{self.code} {self.name}: points differ from the rule's"
                    f" {format_points(self.self_points or Fraction(0))} for the ticked items,"
                    " needs a reason"
                )
            return (
                f"{self.code} {self.name}: differs from the self-score "
                f"({format_points(self.self_points or Fraction(0))}), needs an evidence note"
            )
        if self.reason == "unscored":
            return f"{self.code}「{self.name}」：尚未评分"
        if self.reason == "note_below_full":
            return f"{self.code}「{self.name}」：未给满分，须填写评分依据"
        if self.reason == "override_reason":
            suggested = format_points(self.self_points or Fraction(0))
            return f"{self.code}「{self.name}」：与按勾选要点建议的 {suggested} 分不同，须说明理由"
        self_points = format_points(self.self_points or Fraction(0))
        return f"{self.code}「{self.name}」：与自评分（{self_points}）相差较大，须填写评分依据"


TickMap = Mapping[tuple[str, str], Collection[str]]  # (alliance, indicator) -> ticked keys


def ticks_by_indicator(ticks: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], set[str]]:
    """(alliance, indicator, key) triples as (alliance, indicator) -> ticked keys."""
    found: dict[tuple[str, str], set[str]] = {}
    for uid, code, key in ticks:
        found.setdefault((uid, code), set()).add(key)
    return found


def missing_for_done(
    rubric: Rubric,
    alliance_uid: str,
    scores: ScoreMap,
    self_scores: ScoreMap,
    rule: NoteRule,
    ticks: TickMap | None = None,
    reasons: Mapping[tuple[str, str], str] | None = None,
) -> list[Missing]:
    """What the alliance still lacks, in rubric order; empty when it may be marked done.

    With ``ticks`` (and ``reasons``): a reviewer who ticked evidence items of an indicator
    and gives other points than its rule suggests for them says why (one who ticked none
    has not assessed the items); those come after the rest.
    """
    found = _missing_scores_and_notes(rubric, alliance_uid, scores, self_scores, rule)
    if ticks is None:
        return found
    reasons = reasons or {}
    for indicator in rubric.indicators():
        key = (alliance_uid, indicator.code)
        points = scores.get(key, (None, ""))[0]
        ticked = ticks.get(key, ())
        suggested = indicator.suggest(len(ticked))
        if (
            points is not None
            and suggested is not None
            and points != suggested
            and ticked
            and not reasons.get(key, "").strip()
        ):
            found.append(
                Missing(indicator.code, indicator.name, "override_reason", points, suggested)
            )
    return found


def _missing_scores_and_notes(
    rubric: Rubric, alliance_uid: str, scores: ScoreMap, self_scores: ScoreMap, rule: NoteRule
) -> list[Missing]:
    found: list[Missing] = []
    for indicator in rubric.indicators():
        points, note = scores.get((alliance_uid, indicator.code), (None, ""))
        if points is None:
            found.append(Missing(indicator.code, indicator.name, "unscored"))
            continue
        if note.strip():
            continue
        self_points = self_scores.get((alliance_uid, indicator.code), (None, ""))[0]
        if rule.below_full and points < indicator.max_points:
            found.append(Missing(indicator.code, indicator.name, "note_below_full", points))
        elif self_points is not None and abs(points - self_points) > rule.margin:
            found.append(
                Missing(indicator.code, indicator.name, "note_self_margin", points, self_points)
            )
    return found


def alliance_total(rubric: Rubric, alliance_uid: str, scores: ScoreMap) -> Fraction | None:
    """The sum of the scored indicators, or None when nothing is scored yet."""
    values = [
        p
        for i in rubric.indicators()
        if (p := scores.get((alliance_uid, i.code), (None, ""))[0]) is not None
    ]
    return sum(values, Fraction(0)) if values else None


def scored_count(rubric: Rubric, alliance_uid: str, scores: ScoreMap) -> int:
    return sum(
        1
        for i in rubric.indicators()
        if scores.get((alliance_uid, i.code), (None, ""))[0] is not None
    )


def status_of(
    rubric: Rubric, alliance_uid: str, scores: ScoreMap, done: set[str] | frozenset[str]
) -> Status:
    if alliance_uid in done:
        return Status.DONE
    touched = any(
        (alliance_uid, i.code) in scores
        and (scores[(alliance_uid, i.code)][0] is not None or scores[(alliance_uid, i.code)][1])
        for i in rubric.indicators()
    )
    return Status.IN_PROGRESS if touched else Status.NOT_STARTED


def refuse_done(missing: list[Missing], alliance_name: str) -> UserError:
    """The refusal shown when marking done is not yet possible, listing what is missing."""
    return UserError(
        f"「{alliance_name}」还不能标记为完成，尚缺 {len(missing)} 项：\n"
        + "\n".join(m.text("zh") for m in missing),
        f"{alliance_name} cannot be marked done yet; {len(missing)} item(s) missing:\n"
        + "\n".join(m.text("en") for m in missing),
    )


def mark_done(store: ReviewerStore, alliance_uid: str) -> None:
    """Mark an alliance done, or refuse with the list of what is missing."""
    alliance = next((a for a in store.alliances() if a.uid == alliance_uid), None)
    if alliance is None:
        raise UserError("此文件中没有该联盟。", "This file has no such alliance.")
    missing = missing_for_done(
        store.rubric(),
        alliance_uid,
        store.scores(),
        store.self_scores(),
        NoteRule.of(store.meta()),
        ticks_by_indicator(store.ticks()),
        store.override_reasons(),
    )
    if missing:
        raise refuse_done(missing, alliance.name)
    store.set_done(alliance_uid, True)


@dataclass(frozen=True)
class Progress:
    alliances: int
    scored: int  # alliances with every indicator scored
    done: int


def progress_of(store: ReviewerStore) -> Progress:
    rubric = store.rubric()
    scores = store.scores()
    alliances = store.alliances()
    every = len(list(rubric.indicators()))
    scored = sum(1 for a in alliances if scored_count(rubric, a.uid, scores) == every)
    done = store.done() & {a.uid for a in alliances}
    return Progress(len(alliances), scored, len(done))


# submitting ---------------------------------------------------------------------------


def submission_path(reviewer_file: Path, revision: int, language: str = "zh") -> Path:
    """Where a submission goes by default: next to the reviewer file, with its revision
    ("<stem>-提交-r2.alr-review"; "-submitted-" under an English interface)."""
    return reviewer_file.with_name(submission_name(reviewer_file, revision, language))


@dataclass(frozen=True)
class Submission:
    path: Path
    revision: int
    reviewer_name: str
    sealed_at: str
    progress: Progress


def submit_store(store: ReviewerStore, out: Path | None = None, language: str = "zh") -> Submission:
    """Seal a new revision and write the copy that travels back to the secretary."""
    next_revision = store.meta().revision + 1
    if out is not None:
        target = Path(out)
    else:
        target = submission_path(store.path, next_revision, language)
    if target.resolve() == store.path.resolve() or same_file(target, store.path):
        raise UserError(
            "提交文件不能覆盖正在评分的评审专家文件，请换一个文件名。",
            "The submission cannot overwrite the reviewer file being scored; choose another name.",
        )
    guard(target, [store.path])
    if not target.parent.is_dir():
        raise UserError(
            f"文件夹「{target.parent}」不存在。", f"The folder {target.parent} does not exist."
        )
    sealed_at = now_text()
    revision = store.seal(target, sealed_at)
    meta = store.meta()
    return Submission(target, revision, meta.reviewer_name, sealed_at, progress_of(store))


def submit(reviewer_file: Path | str, out: Path | None = None, language: str = "zh") -> Submission:
    with ReviewerStore.open(reviewer_file) as store:
        return submit_store(store, out, language)


# continuing after a submission --------------------------------------------------------

# the word ``submission_name`` puts in the copy's name, in either interface language
_SUBMITTED = re.compile(r"^(?P<base>.+)-(?:提交|submitted)-r\d+$")


def working_file_for(sealed: Path) -> Path | None:
    """The working file a submitted copy was sealed from, when it sits beside it under the
    name ``submit`` gave the copy (``X-提交-r2.alr-review`` comes from ``X.alr-review``, or
    from an older ``X.sqlite``)."""
    match = _SUBMITTED.match(sealed.stem)
    if match is None:
        return None
    # the copy always ends in .alr-review; the working file may be older (.sqlite)
    names = dict.fromkeys(match["base"] + s for s in (sealed.suffix, *OPENABLE_SUFFIXES))
    working = next((sealed.with_name(n) for n in names if sealed.with_name(n).is_file()), None)
    if working is None:
        return None
    try:
        mine = identify(sealed)
        theirs = identify(working)
        _, sealed_at = read_seal(working)
    except UserError:
        return None
    same = (mine.round_uid, mine.reviewer_name) == (theirs.round_uid, theirs.reviewer_name)
    return working if same and theirs.kind is mine.kind and sealed_at is None else None


def continue_from(sealed: Path, out: Path) -> Path:
    """A new working file from a submitted copy: the same scores, open for scoring again;
    its next submission is the next revision."""
    revision, sealed_at = read_seal(sealed)
    if sealed_at is None:
        raise UserError(
            f"「{sealed.name}」不是已提交（封存）的评审专家文件。",
            f"{sealed.name} is not a submitted (sealed) reviewer file.",
        )
    if out.exists():
        raise UserError(
            f"「{out.name}」已存在，请换一个文件名。",
            f"{out.name} already exists; choose another name.",
        )
    write_working_copy(sealed, out)
    return out


def suggested_working_name(sealed: Path, revision: int) -> Path:
    """Where a new working file from ``sealed`` goes by default."""
    match = _SUBMITTED.match(sealed.stem)
    base = match["base"] if match else sealed.stem
    plain = sealed.with_name(file_name(base, suffix=sealed.suffix, folder=sealed.parent))
    if not plain.exists():
        return plain
    again = file_name(base, f"第{revision + 1}版", suffix=sealed.suffix, folder=sealed.parent)
    return sealed.with_name(again)
