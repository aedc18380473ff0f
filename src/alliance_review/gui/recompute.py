"""One background recomputation for a tab that shows figures computed from the round
(the ranking, the panel's analysis): the one state machine, used by both.

- ``changed(change)``: the round changed; what changed is gathered (``pending``) and the
  figures computed again at once when the tab is shown, else when it is next shown
  (``shown()``, from its ``showEvent``).
- One computation at a time: a change while one runs computes once more after it, with
  everything gathered meanwhile (the latest state wins; a result already out of date is
  not shown).
- ``prepare(change)``, on the GUI thread, returns the job (what it needs taken now:
  the path, the state kept between computations); the job runs in a worker thread
  (``gui.tasks.run_task``, reads only, in the background: the window stays usable), on a
  connection of its own; ``show(result)`` on the GUI thread.
- A failure or a cancel starts afresh next time (``pending`` is everything) and the
  computation runs again on the next change or showing; ``failed(error)`` says why
  (``messages.refusal_of`` tells a refusal, said quietly, from a bug).
- ``first``: the owner's own first task (a quick listing, started by this function)
  runs before the first computation, which starts when it has finished, with all
  gathered meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from alliance_review.gui.notice import EVERYTHING, Change
from alliance_review.gui.tasks import Task, alive, run_task

Result = TypeVar("Result")


class Recompute(Generic[Result]):
    def __init__(
        self,
        owner: QWidget,
        label: Callable[[], str],
        prepare: Callable[[Change], Callable[[], Result]],
        show: Callable[[Result], object],
        failed: Callable[[BaseException], object],
        first: Callable[[], Task] | None = None,
    ) -> None:
        self.owner = owner
        self.label = label  # a function: the label is in the language of the moment
        self.prepare = prepare
        self.show = show
        self.failed = failed
        self.first = first
        self.pending: Change = EVERYTHING  # what changed since the figures were computed
        self.stale = True  # the figures shown are not those of the round now
        self.task: Task | None = None  # the computation (or the owner's first task) running
        self.again = False  # a change came while it ran: compute once more after it

    @property
    def running(self) -> bool:
        return self.task is not None

    def changed(self, change: Change = EVERYTHING) -> None:
        """The round changed in ``change``: compute again now if the owner is shown."""
        self.stale = True
        self.pending = self.pending | change
        if self.owner.isVisible():
            self.run()

    def shown(self) -> None:
        """The owner is shown: catch up with the changes made while it was hidden."""
        if self.stale:
            self.run()

    def run(self) -> None:
        """Compute now, or once more after the computation running."""
        if self.task is not None:
            self.again = True
            return
        if self.first is not None:
            first, self.first = self.first, None
            self._run_after(first())
            return
        self.stale, self.again = False, False
        change, self.pending = self.pending, Change()
        job = self.prepare(change)
        self.task = run_task(
            self.owner,
            self.label(),
            lambda _progress: job(),
            self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
            reads_only=True,
            background=True,
        )

    def _run_after(self, task: Task) -> None:
        """Run once ``task`` has finished (unless the file was closed meanwhile); changes
        meanwhile wait for it as they would for a computation."""
        self.task = task
        task.finished.connect(lambda: self._after(task))

    def _after(self, task: Task) -> None:
        self.task = None
        if alive(self.owner) and not task.abandoned:
            self.run()

    def _done(self, result: Any) -> None:
        self.task = None
        if self.again:  # out of date already: the newer state is computed instead
            self.run()
            return
        self.show(result)

    def _start_afresh(self) -> None:
        self.task = None
        self.pending, self.stale, self.again = EVERYTHING, True, False

    def _failed(self, error: BaseException) -> None:
        self._start_afresh()
        self.failed(error)

    def _cancelled(self) -> None:
        self._start_afresh()
