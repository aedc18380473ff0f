"""The secretary's and the panel's view of a round file: one tab per area.

Tabs are modules in ``alliance_review.gui.round_tabs``, listed in ``TAB_MODULES``; each
defines ``create_tab(context) -> RoundTab``. A module not present yet is skipped.
"""

from __future__ import annotations

import importlib
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QTabWidget, QVBoxLayout, QWidget

from alliance_review.core.errors import UserError
from alliance_review.gui import contrast, i18n, messages
from alliance_review.gui.notice import EVERYTHING, Aspect, Change
from alliance_review.gui.tasks import run_task
from alliance_review.gui.views import FileView
from alliance_review.services.checking import trust_problems
from alliance_review.storage.db import ReadOnlyFile
from alliance_review.storage.round_store import RoundStore

TAB_MODULES = ("setup", "panel", "results", "publish")
BANNER_FILL = "#fde8e8"
BANNER_TEXT = "#8a1c1c"


class RoundContext(QObject):
    """What every tab shares: the open round file, the undo stack, the change notice.

    Every user action announces once what it changed (``announce(Change)``, emitted as
    ``changed``); each tab refreshes only what depends on it. The context is the host of
    the round's undo commands (``gui.undo``): one transaction per action, a refusal told
    in one sentence.
    """

    #: a ``gui.notice.Change``: what one user action changed
    changed = Signal(object)

    def __init__(self, store: RoundStore, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = undo_stack
        #: the file was closed: work queued for later (a timer) must not touch it
        self.closed = False

    @property
    def path(self) -> Path:
        return self.store.path

    # gui.undo.Host ---------------------------------------------------------------------
    def transaction(self) -> AbstractContextManager[object]:
        return self.store.atomic()

    def announce(self, change: Change | None) -> None:
        if change:
            self.changed.emit(change)

    def refuse(self, error: UserError) -> None:
        """One clear sentence in a dialog (``gui.messages``); never a traceback."""
        messages.refuse(QApplication.activeWindow(), error)


class RoundTab(QWidget):
    """Base of a tab: a title, the menu it adds, and a refresh when the round changes."""

    #: what the tab shows; a change that touches none of these does not refresh it
    depends_on: frozenset[Aspect] = frozenset(Aspect)

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        context.changed.connect(self._round_changed)

    def _round_changed(self, change: Change) -> None:
        if change.aspects() & self.depends_on:
            self.refresh(change)

    def title(self) -> str:
        return ""

    def menu(self) -> QMenu | None:
        return None

    def refresh(self, change: Change = EVERYTHING) -> None:
        """Show the round as it is now; ``change`` says what changed since last time."""

    def file_actions(self) -> list[QAction]:
        """Actions this tab adds to the File menu."""
        return []

    def accept_files(self, paths: list[Path]) -> bool:
        """Take files dropped on the window (say, returned reviewer files)."""
        return False


class TrustBanner(QLabel):
    """Across the top of a round that cannot be trusted or changed as it stands: altered
    after locking, a trail other than this computer last saw, read-only storage. Hidden
    otherwise. The lock and the trail are checked off the GUI thread (a locked round's
    content digest reads every row)."""

    def __init__(self, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trust_banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(10)
        self.setAutoFillBackground(True)
        if not contrast.active():
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(BANNER_FILL))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(BANNER_TEXT))
            self.setPalette(palette)
        self.read_only = read_only
        self.problems: list[tuple[str, str]] = []  # (zh, en): altered, trail cut or rewritten
        self.setVisible(False)
        self.retranslate()

    def check(self, path: Path) -> None:
        """Read the lock and the trail on a connection of the worker's own."""

        def work(_progress: object) -> list[tuple[str, str]]:
            with RoundStore.reading(path) as store:
                return trust_problems(store)

        run_task(self, "", work, self.show_problems, on_error=lambda _e: None,
                 reads_only=True, background=True)  # fmt: skip

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        self.retranslate()

    def retranslate(self) -> None:
        english = i18n.service_language() == "en"
        lines = [en if english else zh for zh, en in self.problems]
        if self.read_only:
            lines.append(
                self.tr(
                    "This round is read-only (on read-only storage, or without permission to "
                    "write): it can be viewed but not changed. To change it, copy it to a "
                    "folder you can write to."
                )
            )
        if self.problems:
            lines.append(
                self.tr(
                    "Its results cannot be trusted as they stand: look at it with "
                    "alliance-review check, or restore a backup (Panel › Backups and restore)."
                )
            )
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RoundView(FileView):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(path, parent)
        read_only = False
        try:
            self.store = RoundStore.open(path)
        except ReadOnlyFile:
            self.store, read_only = RoundStore.open_readonly(path), True
            if self.store.in_memory:  # an older format: only upgraded where it can be
                self.store.close()
                raise
        self.banner = TrustBanner(read_only)
        self.context = RoundContext(self.store, self.undo_stack)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tab_by_name: dict[str, RoundTab] = {}
        for name in TAB_MODULES:
            try:
                module = importlib.import_module(f"alliance_review.gui.round_tabs.{name}")
            except ModuleNotFoundError as error:
                if error.name != f"alliance_review.gui.round_tabs.{name}":
                    raise
                continue
            tab: RoundTab = module.create_tab(self.context)
            self.tab_by_name[name] = tab
            self.tabs.addTab(tab, tab.title())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        for tab in self.tab_by_name.values():
            tab.refresh()
        opening = self.tab_by_name.get(self.opening_tab())
        if opening is not None:
            self.tabs.setCurrentWidget(opening)
        self.context.changed.connect(self._trust_changed)
        self.banner.check(path)

    def _trust_changed(self, change: Change) -> None:
        """A lock, an unlock, a merge or a restore: the banner reads the trail again."""
        if change.aspects() & {Aspect.LOCK, Aspect.MERGE_LOG}:
            self.banner.check(self.path)

    def opening_tab(self) -> str:
        """The tab for the round's state: publish once locked, the panel once scores are
        merged, the set-up before that."""
        if self.store.settings().locked:
            return "publish"
        if self.store.has_scores():
            return "panel"
        return "setup"

    def title(self) -> str:
        return self.store.settings().title

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # tabs retranslate themselves on the same event; their titles live here
            QTimer.singleShot(0, self.retitle_tabs)
        super().changeEvent(event)

    def retitle_tabs(self) -> None:
        for tab in self.tab_by_name.values():
            self.tabs.setTabText(self.tabs.indexOf(tab), tab.title())

    def menus(self) -> list[QMenu]:
        return [m for tab in self.tab_by_name.values() if (m := tab.menu()) is not None]

    def file_actions(self) -> list[QAction]:
        return [a for tab in self.tab_by_name.values() for a in tab.file_actions()]

    def accept_files(self, paths: list[Path]) -> bool:
        for tab in self.tab_by_name.values():
            if tab.accept_files(paths):
                self.tabs.setCurrentWidget(tab)
                return True
        return False

    def close_file(self) -> None:
        self.context.closed = True
        from alliance_review.gui.documents.dialog import release_for

        release_for(self.context)  # its renderer reads the round on its own connections
        self.store.close()
