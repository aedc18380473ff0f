"""The open reviewer file as the workspace sees it: the store plus what it shows.

Every change goes to the file at once and then to the cached scores, and is announced
by a signal so the list, the form and the status bar follow. The undo commands are the
only callers of the changing methods, each action inside ``transaction()``: one
transaction of the file, so an action of several writes (marking the alliances an import
completed done) is written whole or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from alliance_review.core.errors import UserError
from alliance_review.core.register import YearResult
from alliance_review.core.roster import Alliance
from alliance_review.services.reviewer_workflow import (
    Missing,
    NoteRule,
    Status,
    alliance_total,
    missing_for_done,
    scored_count,
    status_of,
)
from alliance_review.storage import reviewer_keys
from alliance_review.storage.reviewer_store import ReviewerStore, read_seal

Entry = tuple[Fraction | None, str]


class ReviewerSession(QObject):
    #: (alliance uid, indicator code): a score or note changed
    score_changed = Signal(str, str)
    #: alliance uid: its status, total or done mark may have changed
    alliance_changed = Signal(str)
    #: a UserError: a change could not be written (disk full, file gone); nothing changed
    failed = Signal(object)

    def __init__(self, path: Path, read_only: bool = False) -> None:
        super().__init__()
        _revision, sealed_at = read_seal(path)
        self.sealed = sealed_at is not None
        #: a submitted (sealed) copy, or a file open in another window, is shown read-only
        #: (as it was on opening, read into memory); the file is never written
        self.read_only = read_only or self.sealed
        self.store = ReviewerStore.open_sealed(path) if self.read_only else ReviewerStore.open(path)
        if not self.read_only:
            # kept on this computer too, so any copy of the file here can be continued
            reviewer_keys.keep_from(self.store.conn)
        self.path = path
        self.meta = self.store.meta()
        self.rubric = self.store.rubric()
        self.indicators = list(self.rubric.indicators())
        self.alliances = self.store.alliances()
        self.by_uid: dict[str, Alliance] = {a.uid: a for a in self.alliances}
        self.scores: dict[tuple[str, str], Entry] = self.store.scores()
        self.self_scores: dict[tuple[str, str], Entry] = self.store.self_scores()
        self.done: set[str] = self.store.done()
        # evidence items: (alliance, indicator, key) ticked by this reviewer / the alliance
        self.ticks: set[tuple[str, str, str]] = self.store.ticks()
        self.self_ticks: set[tuple[str, str, str]] = self.store.self_ticks()
        self.reasons: dict[tuple[str, str], str] = self.store.override_reasons()
        self.rule = NoteRule.of(self.meta)
        # earlier years' results of this reviewer's alliances (issue 17), shown beside each
        self.history_rounds = self.store.history_rounds()
        self.history: dict[str, list[YearResult]] = {}
        for year in self.store.history():
            self.history.setdefault(year.alliance_uid, []).append(year)
        # per-alliance figures the list asks for on every repaint; dropped on a change
        self._totals: dict[str, Fraction | None] = {}
        self._scored: dict[str, int] = {}
        self._self_totals = {
            a.uid: alliance_total(self.rubric, a.uid, self.self_scores) for a in self.alliances
        }

    def close(self) -> None:
        self.store.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (after a pause); a failure waits for the
        next pause or the close, which checkpoints again."""
        try:
            self.store.checkpoint()
        except sqlite3.Error:
            pass

    # gui.undo.Host: one transaction of the file per action ------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The writes of one action, committed together (each call's own transaction
        becomes a savepoint). When one fails, the file keeps none of them, and what the
        session shows is read from the file again: nothing half-changed, on disk or on
        screen."""
        if self.read_only:
            yield
            return
        try:
            with self.store.atomic():
                yield
        except BaseException as error:
            self._read_again()
            if isinstance(error, (sqlite3.Error, OSError)):  # from the COMMIT
                raise self._cannot_write(error) from error
            raise

    def _read_again(self) -> None:
        """The scores, notes, ticks, reasons and done marks as the file holds them (after
        an action rolled back); the views are told of every difference."""
        try:
            scores, done = self.store.scores(), self.store.done()
            ticks, reasons = self.store.ticks(), self.store.override_reasons()
        except (sqlite3.Error, OSError):
            return  # the file cannot be read either: the next action says so
        changed = {
            k for k in scores.keys() | self.scores.keys() if scores.get(k) != self.scores.get(k)
        }
        changed |= {(u, c) for u, c, _key in ticks ^ self.ticks}
        changed |= {
            k for k in reasons.keys() | self.reasons.keys() if reasons.get(k) != self.reasons.get(k)
        }
        alliances = {u for u, _c in changed} | (done ^ self.done)
        self.scores, self.done, self.ticks, self.reasons = scores, done, ticks, reasons
        self._totals.clear()
        self._scored.clear()
        for uid, code in sorted(changed):
            self.score_changed.emit(uid, code)
        for uid in sorted(alliances):
            self.alliance_changed.emit(uid)

    def announce(self, change: object) -> None:
        """Nothing more to say: every change emits ``score_changed``/``alliance_changed``."""

    def refuse(self, error: UserError) -> None:
        self.failed.emit(error)

    # reading -------------------------------------------------------------------------
    def entry(self, uid: str, code: str) -> Entry:
        return self.scores.get((uid, code), (None, ""))

    def self_entry(self, uid: str, code: str) -> Entry:
        return self.self_scores.get((uid, code), (None, ""))

    def total(self, uid: str) -> Fraction | None:
        if uid not in self._totals:
            self._totals[uid] = alliance_total(self.rubric, uid, self.scores)
        return self._totals[uid]

    def self_total(self, uid: str) -> Fraction | None:
        return self._self_totals.get(uid)

    def scored(self, uid: str) -> int:
        if uid not in self._scored:
            self._scored[uid] = scored_count(self.rubric, uid, self.scores)
        return self._scored[uid]

    def _changed(self, uid: str) -> None:
        self._totals.pop(uid, None)
        self._scored.pop(uid, None)

    def status(self, uid: str) -> Status:
        if uid in self.done:
            return Status.DONE
        if self.scored(uid):
            return Status.IN_PROGRESS
        return status_of(self.rubric, uid, self.scores, self.done)

    def missing(self, uid: str) -> list[Missing]:
        return self._missing(uid, self.scores)

    def _missing(
        self,
        uid: str,
        scores: Mapping[tuple[str, str], Entry],
        ticks: Mapping[tuple[str, str], Collection[str]] | None = None,
    ) -> list[Missing]:
        """What ``uid`` lacks for "done" with these scores (and ticks: the file's by default)."""
        if ticks is None:
            ticks = {(uid, i.code): self.ticked(uid, i.code) for i in self.indicators}
        return missing_for_done(
            self.rubric, uid, scores, self.self_scores, self.rule, ticks, self.reasons
        )

    # evidence items ----------------------------------------------------------------------
    def ticked(self, uid: str, code: str) -> set[str]:
        return {key for a, c, key in self.ticks if a == uid and c == code}

    def self_ticked(self, uid: str, code: str) -> set[str]:
        return {key for a, c, key in self.self_ticks if a == uid and c == code}

    def suggestion(self, uid: str, code: str) -> Fraction | None:
        """The points the indicator's rule suggests for this reviewer's ticks."""
        return self.rubric.indicator(code).suggest(len(self.ticked(uid, code)))

    def reason(self, uid: str, code: str) -> str:
        return self.reasons.get((uid, code), "")

    def set_ticks(self, uid: str, code: str, keys: set[str], *, done: bool | None = None) -> bool:
        """Store the ticked items of one indicator; returns True when this cleared the done
        mark (in the same transaction, as for a score; ``done`` puts a mark back on undo).
        Raises UserError (nothing changed) when the file cannot be written."""
        after = {(u, c): self.ticked(u, c) for u, c, _k in self.ticks if u == uid}
        after[(uid, code)] = set(keys)
        cleared = done is None and uid in self.done and bool(self._missing(uid, self.scores, after))
        marks = {uid: False} if cleared else ({uid: done} if done is not None else {})
        self.set_entries([], marks, [(uid, code, keys)])
        return cleared

    def set_reason(self, uid: str, code: str, text: str, *, done: bool | None = None) -> bool:
        """Store why an indicator's points depart from the suggestion; the done mark as
        for ticks, in the same transaction."""
        before = self.reasons.get((uid, code), "")
        self.reasons[(uid, code)] = text
        cleared = done is None and uid in self.done and bool(self.missing(uid))
        self.reasons[(uid, code)] = before
        try:
            with self.store.atomic():
                self.store.set_override_reason(uid, code, text)
                if cleared or done is not None:
                    self.store.set_done(uid, bool(done) and not cleared)
        except (sqlite3.Error, OSError) as error:
            raise self._cannot_write(error) from error
        self.reasons[(uid, code)] = text
        if cleared:
            self.done.discard(uid)
        elif done is not None:
            (self.done.add if done else self.done.discard)(uid)
        self.score_changed.emit(uid, code)
        self.alliance_changed.emit(uid)
        return cleared

    def progress(self) -> tuple[int, int, int]:
        """(alliances fully scored, alliances, alliances done)."""
        every = len(self.indicators)
        scored = sum(1 for a in self.alliances if self.scored(a.uid) == every)
        return scored, len(self.alliances), len(self.done & set(self.by_uid))

    # changing (called by the undo commands) --------------------------------------------
    def _cannot_write(self, error: Exception) -> UserError:
        return UserError(
            f"无法写入评审专家文件「{self.path.name}」（{error}），这一改动未保存。",
            f"Could not write the reviewer file {self.path.name} ({error}); "
            "this change was not saved.",
        )

    def set_entry(self, uid: str, code: str, entry: Entry, *, done: bool | None = None) -> bool:
        """Store one score and note; returns True when this cleared the done mark.

        The done mark changes in the same transaction as the score: it is cleared when
        the new entry breaks the rules for "done", or set to ``done`` when given (an undo
        putting back a mark the edit had cleared). Raises UserError (nothing changed)
        when the file cannot be written.
        """
        after = dict(self.scores)
        after[(uid, code)] = entry
        cleared = done is None and uid in self.done and bool(self._missing(uid, after))
        marks = {uid: False} if cleared else ({uid: done} if done is not None else {})
        self.set_entries([(uid, code, entry)], marks)
        return cleared

    def set_entries(
        self,
        entries: Iterable[tuple[str, str, Entry]],
        marks: Mapping[str, bool] | None = None,
        ticks: Iterable[tuple[str, str, Collection[str]]] = (),
    ) -> None:
        """Store many entries, done marks (alliance uid -> done) and ticked items
        ((alliance, indicator, keys): the indicator's ticks become these) in one
        transaction."""
        batch = list(entries)
        tick_batch = [(u, c, frozenset(keys)) for u, c, keys in ticks]
        marks = dict(marks or {})
        try:
            self.store.set_scores(
                ((u, c, p, n) for u, c, (p, n) in batch),
                not_done=[u for u, d in marks.items() if not d],
                done=[u for u, d in marks.items() if d],
                ticks=tick_batch,
            )
        except (sqlite3.Error, OSError) as error:
            raise self._cannot_write(error) from error
        for uid, code, entry in batch:
            self.scores[(uid, code)] = entry
            self._changed(uid)
        for uid, code, keys in tick_batch:
            self.ticks = {t for t in self.ticks if (t[0], t[1]) != (uid, code)}
            self.ticks.update((uid, code, key) for key in keys)
        batch += [(uid, code, self.entry(uid, code)) for uid, code, _ in tick_batch]
        for uid, mark in marks.items():
            if mark:
                self.done.add(uid)
            else:
                self.done.discard(uid)
        for uid, code, _ in batch:
            self.score_changed.emit(uid, code)
        for uid in dict.fromkeys([u for u, _, _ in batch] + list(marks)):
            self.alliance_changed.emit(uid)

    def set_done(self, uid: str, done: bool) -> None:
        try:
            self.store.set_done(uid, done)
        except (sqlite3.Error, OSError) as error:
            raise self._cannot_write(error) from error
        if done:
            self.done.add(uid)
        else:
            self.done.discard(uid)
        self.alliance_changed.emit(uid)
