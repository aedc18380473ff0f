"""Merging returned reviewer files into the round: preview, rules, one transaction per file.

A reviewer file is untrusted input: only a regular file is read, its bytes are hashed and
opened from a private copy (``storage.submission``), its application id, version and
exact schema are checked (``files.inspect``). Then, before any value is used, its
signature is verified with the key the round issued the file with: a file signed with
another reviewer's key, or altered after sealing, is refused with a sentence saying
which. Then every value is checked for its SQLite type as well as its range, and held to
the round's own rules: another round, an unknown reviewer, never sealed, scores the
rubric does not allow, alliances not assigned to that reviewer (a conflict of interest
above all), not newer than the revision already merged. A newer revision replaces the
reviewer's earlier scores as a whole; if it would drop scores or alliances the merged
revision had, it is merged only when that loss is accepted (``accept_removals``).

The batch's files are read one at a time, their rows copied raw into a private stage
(``storage.merge_stage``) and never held in memory: the checks and the comparison with
the merged revision are queries on the stage, and a file's rows reach the round with
``INSERT … SELECT``; memory does not grow with the number of files. The batch is one
transaction, taken before any file is read, so two processes merging into one round are
serialised and the second sees the first's merged revision. Each file is judged and
written in a savepoint of it. One bad file never stops the
batch. Every attempt is recorded in ``merge_log`` and the audit trail; a refusal writes
nothing else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from alliance_review.core.errors import FileRefused, UserError
from alliance_review.core.file_names import is_reviewer_file_candidate
from alliance_review.services.merge_reading import (
    Incoming,
    not_submitted,
    read,
    typed,
    verify_signature,
)
from alliance_review.storage import documents, merge_stage, rows
from alliance_review.storage.backups import discard
from alliance_review.storage.db import storage_error
from alliance_review.storage.merge_stage import Stage
from alliance_review.storage.panel_rows import IssuedKey
from alliance_review.storage.round_store import RoundStore, now_text

Progress = Callable[[int, int], bool]

MERGE, MERGED, UNCHANGED, REFUSED = "merge", "merged", "unchanged", "refused"
MAX_WAIT_SECONDS = 120  # how long a batch waits for another process writing the round


@dataclass(frozen=True)
class FileReport:
    """What a file would do (preview, ``outcome`` "merge") or did to the round."""

    path: Path
    content_hash: str
    outcome: str
    reviewer_uid: str | None = None
    reviewer_name: str = ""
    revision: int | None = None
    merged_revision: int | None = None
    alliances_new: tuple[str, ...] = ()
    alliances_changed: tuple[str, ...] = ()
    alliances_unchanged: tuple[str, ...] = ()
    alliances_removed: tuple[str, ...] = ()
    scores_new: int = 0
    scores_changed: int = 0
    scores_unchanged: int = 0
    scores_removed: int = 0
    reason: UserError | None = None

    def __post_init__(self) -> None:
        # A refusal keeps its sentence, not the frames it was raised through: those hold
        # the file's rows (or bytes), and a batch of large refused files would keep them
        # all until the batch ends. Each is released as it is refused.
        error: BaseException | None = self.reason
        while error is not None:
            error.__traceback__ = None
            error = error.__cause__ or error.__context__

    @property
    def refused(self) -> bool:
        return self.outcome == REFUSED

    @property
    def removes(self) -> bool:
        """Whether merging drops scores (or whole alliances) the merged revision had."""
        return self.outcome in (MERGE, MERGED) and (
            bool(self.alliances_removed) or self.scores_removed > 0
        )

    def loss(self, language: str = "zh", names: dict[str, str] | None = None) -> str:
        """The scores this file would remove, in one sentence ("" when none)."""
        if not self.removes:
            return ""
        shown = [(names or {}).get(a, a) for a in self.alliances_removed[:3]]
        more = len(self.alliances_removed) - len(shown)
        if language.startswith("en"):
            which = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
            whole = f"; whole alliances: {which}" if shown else ""
            return (
                f"Revision {self.revision} removes {self.scores_removed} score(s) that merged "
                f"revision {self.merged_revision} had{whole}."
            )
        which = "、".join(f"「{n}」" for n in shown) + (
            f"等 {len(self.alliances_removed)} 个" if more > 0 else ""
        )
        whole = f"，其中整个联盟被撤下：{which}" if shown else ""
        return (
            f"第 {self.revision} 版撤下了已合并的第 {self.merged_revision} 版中的 "
            f"{self.scores_removed} 条评分{whole}。"
        )

    def detail(self, language: str = "zh") -> str:
        if self.reason is not None:
            return self.reason.message(language)
        if language.startswith("en"):
            return (
                f"{len(self.alliances_new)} alliance(s) new, {len(self.alliances_changed)}"
                f" changed, {len(self.alliances_unchanged)} unchanged,"
                f" {len(self.alliances_removed)} removed; {self.scores_new} score(s) new,"
                f" {self.scores_changed} changed, {self.scores_unchanged} unchanged,"
                f" {self.scores_removed} removed"
            )
        return (
            f"联盟：新增 {len(self.alliances_new)}，改动 {len(self.alliances_changed)}，"
            f"未变 {len(self.alliances_unchanged)}，撤下 {len(self.alliances_removed)}；"
            f"评分：新增 {self.scores_new}，改动 {self.scores_changed}，"
            f"未变 {self.scores_unchanged}，撤下 {self.scores_removed}"
        )


class _Round:
    """What the rules need to know about the round, read once per batch (the alliances'
    names and the assignments only when a message or a document check needs them)."""

    def __init__(self, store: RoundStore) -> None:
        self.version = store.change_marker()[1]  # changes when another connection commits
        settings = store.settings()
        self.uid = settings.uid
        self.locked = settings.locked
        self.reviewers = {r.uid: r for r in store.reviewers()}
        self.indicators = {i.code: i for i in store.rubric().indicators()}
        self.store = store
        self.conn = store.conn  # the stage is attached to it (``merge_stage.NAME``)
        self._documents: dict[str, set[str]] | None = None

    @cached_property
    def names(self) -> dict[str, str]:
        """Every alliance on the register by its name, withdrawn ones included (a file
        may score one withdrawn since it was issued: the refusal names it)."""
        return {e.alliance.uid: e.alliance.name for e in self.store.register()}

    @cached_property
    def assigned(self) -> dict[str, set[str]]:
        assigned: dict[str, set[str]] = {}
        for alliance_uid, reviewer_uids in self.store.assignments().items():
            for reviewer_uid in reviewer_uids:
                assigned.setdefault(reviewer_uid, set()).add(alliance_uid)
        return assigned

    def documents(self) -> dict[str, set[str]]:
        """Alliance uid -> the sha256 of its documents (originals and PDFs shown)."""
        if self._documents is None:
            self._documents = documents.hashes_by_alliance(self.store.conn)
        return self._documents

    def merged(self, reviewer_uid: str) -> tuple[int, str] | None:
        return self.store.merged_revision(reviewer_uid)

    def issued_key(self, key_id: str) -> IssuedKey | None:
        return self.store.reviewer_key(key_id)

    def name_of(self, alliance_uid: str) -> str:
        return self.names.get(alliance_uid, alliance_uid)

    def reviewer_name(self, reviewer_uid: str) -> str:
        reviewer = self.reviewers.get(reviewer_uid)
        return reviewer.name if reviewer is not None else reviewer_uid

    def current(self) -> _Round:
        """This view, or a fresh one if another process changed the round since."""
        if self.store.change_marker()[1] == self.version:
            return self
        return _Round(self.store)


def _check(round_: _Round, incoming: Incoming) -> str:
    """Apply the rules; returns MERGE or UNCHANGED, raises FileRefused otherwise."""
    name = incoming.path.name
    if round_.locked:
        raise FileRefused(
            "评价轮次已锁定为最终结果，不能再合并评审专家文件；如确需改动，请先解除锁定。",
            "The round is locked as final; unlock it before merging reviewer files.",
        )
    verify_signature(incoming.raw, round_)
    typed(incoming, round_.conn)
    if incoming.round_uid != round_.uid:
        raise FileRefused(
            f"「{name}」属于另一个评价轮次，不能合并到本轮次。",
            f"{name} belongs to another round.",
        )
    reviewer = round_.reviewers.get(incoming.reviewer_uid)
    if reviewer is None:
        raise FileRefused(
            f"「{name}」来自本轮次名单之外的评审专家（{incoming.reviewer_name}）。",
            f"{name} comes from a reviewer who is not on this round ({incoming.reviewer_name}).",
        )
    if incoming.revision < 1:
        raise not_submitted(name)
    conn, number = round_.conn, incoming.number
    conflicted, foreign = merge_stage.first_not_for(conn, number, reviewer.uid)
    if conflicted is not None:
        raise FileRefused(
            f"「{name}」含有{reviewer.name}对有利益冲突的联盟「{round_.name_of(conflicted)}」"
            "的评分，整份文件不予合并。",
            f"{name} scores {round_.name_of(conflicted)}, with which {reviewer.name} has a "
            "conflict of interest; the file is refused.",
        )
    if foreign is not None:
        raise FileRefused(
            f"「{name}」含有未分配给{reviewer.name}的联盟「{round_.name_of(foreign)}」的评分，"
            "整份文件不予合并。",
            f"{name} scores {round_.name_of(foreign)}, which is not assigned to "
            f"{reviewer.name}; the file is refused.",
        )
    unknown = merge_stage.first_unknown_item(conn, number)
    if unknown is not None:
        code, key = unknown
        raise FileRefused(
            f"「{name}」勾选了本轮次评价指标中没有的评价要点（{code}：{key}）。",
            f"{name} ticks an evidence item the round's rubric does not have ({code}: {key}).",
        )
    _check_documents(round_, incoming, reviewer.uid)
    outside = merge_stage.first_out_of_rubric(conn, number)
    if outside is not None:
        code, centi = outside
        if centi is None:
            raise FileRefused(
                f"「{name}」含有本轮次评价指标中没有的指标 {code}。",
                f"{name} scores indicator {code}, which the round's rubric does not have.",
            )
        round_.indicators[code].check_score(rows.from_centi(centi))
    merged = round_.merged(reviewer.uid)
    if merged is not None:
        revision, merged_hash = merged
        if incoming.revision == revision and incoming.content_hash == merged_hash:
            return UNCHANGED
        if incoming.revision == revision:
            raise FileRefused(
                f"「{name}」是第 {incoming.revision} 版，与已合并的第 {revision} 版版本相同但内容"
                "不同，不予合并（过期文件）；请评审专家重新提交。",
                f"{name} is revision {incoming.revision} like the merged one but differs from it;"
                " it is refused as stale. Ask the reviewer to submit again.",
            )
        if incoming.revision < revision:
            raise FileRefused(
                f"「{name}」是第 {incoming.revision} 版，不比已合并的第 {revision} 版新，"
                "不予合并（过期文件）。",
                f"{name} is revision {incoming.revision}, not newer than the merged revision "
                f"{revision}; it is stale.",
            )
    return MERGE


def _check_documents(round_: _Round, incoming: Incoming, reviewer_uid: str) -> None:
    """A returned file names only documents the round holds, of the reviewer's alliances."""
    name = incoming.path.name
    listed = merge_stage.documents(round_.conn, incoming.number)
    if not listed:
        return
    held = round_.documents()
    assigned = round_.assigned.get(reviewer_uid, set())
    for row in listed:
        alliance_uid, sha, view = (row + (None, None, None))[:3]
        known = held.get(alliance_uid) if isinstance(alliance_uid, str) else None
        if (
            known is None
            or alliance_uid not in assigned
            or sha not in known
            or (view is not None and view not in known)
        ):
            raise FileRefused(
                f"「{name}」列出的佐证材料不是本轮次为该联盟保存的文档，整份文件不予合并。",
                f"{name} lists a document the round does not hold for that alliance; the file "
                "is refused.",
            )


def _read(stage: Stage, path: Path) -> tuple[FileReport | None, Incoming | None]:
    """Read a file into the stage: (None, the file), or (its refusal, None)."""
    try:
        return None, read(stage, path)
    except UserError as error:
        return FileReport(path, "", REFUSED, reason=error), None
    except Exception as error:  # one bad file never stops the batch  # noqa: BLE001
        return FileReport(path, "", REFUSED, reason=_unreadable(path, error)), None


def _unreadable(path: Path, error: Exception) -> FileRefused:
    said = storage_error(error)  # a full disk, a file in use, ... named as what it is
    if said is not None:
        return FileRefused(
            f"「{path.name}」未合并：{said.zh}", f"{path.name} was not merged: {said.en}"
        )
    return FileRefused(
        f"「{path.name}」无法读取（{type(error).__name__}），未合并，其他文件不受影响。",
        f"{path.name} could not be read ({type(error).__name__}: {error}); it was not merged "
        "and the other files are not affected.",
    )


def _unwritten(path: Path, error: sqlite3.DatabaseError) -> FileRefused:
    said = storage_error(error)
    why_zh, why_en = (said.zh, said.en) if said is not None else (str(error), str(error))
    return FileRefused(
        f"「{path.name}」的评分无法写入本轮次，未作任何改动：{why_zh}",
        f"The scores of {path.name} could not be written; nothing was changed: {why_en}",
    )


def _judge(round_: _Round, incoming: Incoming) -> tuple[FileReport, Incoming | None]:
    path = incoming.path
    merged = round_.merged(incoming.reviewer_uid)
    try:
        outcome = _check(round_, incoming)
    except UserError as error:
        return (
            FileReport(
                path,
                incoming.content_hash,
                REFUSED,
                reviewer_uid=incoming.reviewer_uid or None,
                reviewer_name=incoming.reviewer_name,
                revision=incoming.revision,
                merged_revision=merged[0] if merged else None,
                reason=error,
            ),
            None,
        )
    groups, counts = merge_stage.compare(round_.conn, incoming.number, incoming.reviewer_uid)
    report = FileReport(
        path,
        incoming.content_hash,
        outcome,
        incoming.reviewer_uid,
        round_.reviewers[incoming.reviewer_uid].name,
        incoming.revision,
        merged[0] if merged else None,
        tuple(groups["new"]),
        tuple(groups["changed"]),
        tuple(groups["unchanged"]),
        tuple(groups["removed"]),
        counts["new"],
        counts["changed"],
        counts["unchanged"],
        counts["removed"],
        None,
    )
    if outcome == UNCHANGED:
        report = _with_reason(
            report,
            UNCHANGED,
            UserError(
                f"「{path.name}」（第 {incoming.revision} 版）已经合并过，内容相同，无需再合并。",
                f"{path.name} (revision {incoming.revision}) was already merged with identical"
                " content; nothing to do.",
            ),
        )
    return report, incoming


def _with_reason(report: FileReport, outcome: str, reason: UserError | None) -> FileReport:
    return replace(report, outcome=outcome, reason=reason)


def expand(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder stands for the reviewer files directly inside it
    (``*.alr-review``, and ``*.sqlite`` written before that extension existed)."""
    result: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            result.extend(sorted(p for p in path.iterdir() if is_reviewer_file_candidate(p)))
        else:
            result.append(path)
    return result


def _merge_order(read: list[tuple[FileReport | None, Incoming | None]]) -> list[int]:
    """Older revisions of one reviewer first, so a folder holding several merges in turn
    (the revision the file states; a file refused on reading, or stating none, first)."""

    def stated(index: int) -> int:
        incoming = read[index][1]
        revision = incoming.raw.meta[3] if incoming is not None else 0
        return revision if type(revision) is int else 0

    return sorted(range(len(read)), key=lambda i: (stated(i), i))


def preview(store: RoundStore, paths: Iterable[Path | str]) -> list[FileReport]:
    """What merging each file alone would do, in the order given; writes nothing."""
    with Stage() as stage:
        read = [_read(stage, path) for path in expand(paths)]
        with stage.attached(store.conn):
            round_ = _Round(store)
            return [_judge(round_, i)[0] if i is not None else _given(r) for r, i in read]


def _given(report: FileReport | None) -> FileReport:
    assert report is not None  # a file not read has its refusal
    return report


def _log(store: RoundStore, report: FileReport) -> None:
    store.log_merge(
        report.path.name,
        report.content_hash,
        report.reviewer_uid,
        report.revision,
        now_text(),
        report.outcome,
        report.detail("zh"),
    )


def _write(store: RoundStore, incoming: Incoming) -> None:
    merge_stage.write(
        store.conn,
        incoming.number,
        incoming.reviewer_uid,
        incoming.revision,
        incoming.content_hash,
        now_text(),
    )


def _removal_refusal(report: FileReport, names: dict[str, str]) -> FileRefused:
    return FileRefused(
        f"「{report.path.name}」未合并：{report.loss('zh', names)}如确是评审专家的本意，"
        "请确认撤下后再合并（命令行加 --accept-removals）。",
        f"{report.path.name} was not merged: {report.loss('en', names)} If the reviewer meant "
        "that, confirm the removal and merge again (command line: --accept-removals).",
    )


def _merge_one(
    store: RoundStore, round_: _Round, incoming: Incoming, accept_removals: bool
) -> FileReport:
    """Judge the file again (an earlier file of the batch may have changed what it is
    judged against) and write it, in a savepoint of the batch's transaction."""
    try:
        with store.atomic():
            round_ = round_.current()
            report, ready = _judge(round_, incoming)
            if report.outcome == MERGE and ready is not None:
                if report.removes and not accept_removals:
                    names = {a: round_.name_of(a) for a in report.alliances_removed[:3]}
                    report = _with_reason(report, REFUSED, _removal_refusal(report, names))
                else:
                    report = _with_reason(report, MERGED, None)
                    _write(store, ready)
            _log(store, report)
        return report
    except sqlite3.DatabaseError as error:
        failed = FileReport(
            incoming.path,
            incoming.content_hash,
            REFUSED,
            reviewer_uid=incoming.reviewer_uid or None,
            reviewer_name=incoming.reviewer_name,
            revision=incoming.revision or None,
            reason=_unwritten(incoming.path, error),
        )
        with store.atomic():
            _log(store, failed)
        return failed


def merge_files(
    store: RoundStore,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    *,
    accept_removals: bool = False,
    backup: bool = True,
) -> list[FileReport]:
    """Merge each file whole or not at all; returns one report per file (given order).

    The batch is one transaction (each file a savepoint of it), taken before any file is
    read, so a second process merging into the same round waits and then judges its
    files against what this one merged; cancelling raises ``UserError`` and leaves the
    round exactly as it was, merge log included. A file that would remove scores the
    merged revision had is refused unless ``accept_removals``. A rotated backup of the
    round is taken first (``backup``).
    """
    files = expand(paths)
    taken = store.backup("merge") if backup and files else None
    store.wait_for_writers(MAX_WAIT_SECONDS)  # another merge into this round may be running
    try:
        with Stage() as stage:
            try:
                with store.atomic():
                    read = _read_all(stage, files, progress)
                    stage.attach(store.conn)
                    reports = _merge_batch(store, read, progress, accept_removals)
            finally:
                stage.detach(store.conn)
    except BaseException:
        if taken is not None:  # nothing was merged: the backup before it keeps nothing new
            discard(taken)
        raise
    if taken is not None and not any(r.outcome == MERGED for r in reports):
        discard(taken)  # refused or unchanged files only: no merge for it to undo
    store.record_anchor(MERGE)
    return reports


def _cancelled() -> UserError:
    return UserError(
        "已取消：没有合并任何文件，评价轮次保持原样。",
        "Cancelled: no file was merged; the round is as it was.",
    )


def _read_all(
    stage: Stage, files: list[Path], progress: Progress | None
) -> list[tuple[FileReport | None, Incoming | None]]:
    """Every file read into the stage, one at a time (the first half of the progress)."""
    read = []
    for done, path in enumerate(files):
        if progress is not None and not progress(done, 2 * len(files)):
            raise _cancelled()
        read.append(_read(stage, path))
    return read


def _merge_batch(
    store: RoundStore,
    read: list[tuple[FileReport | None, Incoming | None]],
    progress: Progress | None,
    accept_removals: bool,
) -> list[FileReport]:
    total = 2 * len(read)
    reports: list[FileReport | None] = [None] * len(read)
    round_ = _Round(store)
    for done, index in enumerate(_merge_order(read), start=len(read)):
        if progress is not None and not progress(done, total):
            raise _cancelled()
        report, incoming = read[index]
        if incoming is None:
            report = _given(report)
            with store.atomic():
                _log(store, report)
        else:
            report = _merge_one(store, round_, incoming, accept_removals)
        reports[index] = report
    if progress is not None:
        progress(total, total)
    return [r for r in reports if r is not None]


def merge_into(
    round_path: Path | str,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    *,
    accept_removals: bool = False,
) -> list[FileReport]:
    with RoundStore.open(round_path) as store:
        return merge_files(store, paths, progress, accept_removals=accept_removals)


def merge_log(store: RoundStore) -> list[tuple[str, str, str | None, int | None, str, str, str]]:
    """The audit trail, oldest first: file, hash, reviewer, revision, time, outcome, detail."""
    return store.merge_log()
