"""The main window: menus, recent files, drag and drop, status bar, the active file view.

With no file open it shows the start page (``gui.start_page``); a reviewer file's window
shows only what a reviewer does (no new round, no demo round, the reviewer's guide).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.file_names import demo_round_name
from alliance_review.gui import contrast, file_kinds, fit, help, i18n, messages, start_page
from alliance_review.gui.qt_compat import submenu
from alliance_review.gui.views import Declined, FileView
from alliance_review.storage.files import FileInfo, identify

MAX_RECENT = start_page.MAX_RECENT
# a restored window smaller than this (or than the screen) is not restored
SMALLEST_RESTORED = QSize(800, 500)
# What a reviewer does not do: hidden while a reviewer file is open.
NOT_FOR_REVIEWERS = ("new_round", "open_demo", "guide_panel", "guide_secretary")
# a file larger than this is checked in a worker before its window shows (the demo round
# is 3 MB and checked at once; 10,000 alliances make 40 MB)
CHECKED_IN_BACKGROUND = 8 * 1024 * 1024
# Where a reviewer file's workspace lives (the reviewer area); imported when first needed.
REVIEWER_VIEW = ("alliance_review.gui.reviewer.workspace", "ReviewerWorkspace")


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.view: FileView | None = None
        self.role: str | None = None  # "round" or "reviewer" while a file is open
        self.undo_group = QUndoGroup(self)
        self.stack = QStackedWidget()
        self.start = start_page.StartPage()
        self.start.open_reviewer_requested.connect(self.choose_reviewer_file)
        self.start.open_round_requested.connect(self.choose_round_file)
        self.start.new_round_requested.connect(self.new_round)
        self.start.demo_requested.connect(self.open_demo)
        self.start.recent_chosen.connect(self.open_path)
        self.stack.addWidget(self.start)
        # On a screen smaller than a view's minimum (1024x700 at 200 % leaves 512x350) the
        # view scrolls inside the window rather than the window growing past the screen.
        self.setCentralWidget(fit.scrolling(self.stack))
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.action_registry: dict[str, QAction] = {}
        self.view_menus: list[QAction] = []
        self.view_file_actions: list[QAction] = []
        self._build_actions()
        self._build_menus()
        self.retranslate()
        self.restore_geometry()
        # once the window is up, the files' views are imported in the background, so
        # that opening a file does not stop the window for the import
        QTimer.singleShot(0, self._warm_up)

    def _warm_up(self) -> None:
        from alliance_review.gui.tasks import run_task

        run_task(self, "", lambda _progress: import_views(), lambda _: None, background=True)

    # actions and menus --------------------------------------------------------
    def _action(self, name: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        self.action_registry[name] = action
        return action

    def _build_actions(self) -> None:
        self._action("new_round", self.new_round, QKeySequence.StandardKey.New)
        self._action("open", self.choose_file, QKeySequence.StandardKey.Open)
        self._action("open_demo", self.open_demo)
        self._action("close", self.close_asked, QKeySequence.StandardKey.Close)
        # Ctrl+Q everywhere: the platform's Quit key is empty on Windows and offscreen
        self._action("quit", self.close, "Ctrl+Q")
        self.help_actions = help.help_actions(self)
        for name, action in self.help_actions.items():
            self.action_registry[name] = action
        for role in help.ROLES:
            self.help_actions[f"guide_{role}"].triggered.connect(
                lambda _=False, r=role: self.show_guide(r)
            )
        self.help_actions["shortcuts"].triggered.connect(self.show_shortcuts)
        self.help_actions["about"].triggered.connect(self.show_about)
        self._action("guide_here", self.show_guide_here, QKeySequence.StandardKey.HelpContents)
        high_contrast = self._action("high_contrast", self.toggle_high_contrast)
        high_contrast.setCheckable(True)
        high_contrast.setChecked(contrast.active())
        undo = self.undo_group.createUndoAction(self)
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self)
        # both redo keys people know, whatever the platform's own convention
        redo_keys = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys
        ]
        redo.setShortcuts(redo_keys)
        self.action_registry["undo"] = undo
        self.action_registry["redo"] = redo
        self.language_group = QActionGroup(self)
        for code, label in i18n.LANGUAGES.items():
            action = QAction(label, self, checkable=True)
            action.setData(code)
            action.setChecked(code == i18n.chosen_language())
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))
            self.language_group.addAction(action)
            self.action_registry[f"language_{code}"] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.action_registry["new_round"])
        self.file_menu.addAction(self.action_registry["open"])
        self.file_menu.addAction(self.action_registry["open_demo"])
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addAction(self.action_registry["close"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_registry["quit"])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.action_registry["undo"])
        self.edit_menu.addAction(self.action_registry["redo"])
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.action_registry["high_contrast"])
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(self.language_group.actions())
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.action_registry["guide_here"])
        self.help_menu.addSeparator()
        for role in help.ROLES:
            self.help_menu.addAction(self.action_registry[f"guide_{role}"])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.action_registry["shortcuts"])
        self.help_menu.addAction(self.action_registry["about"])
        self.update_recent_menu()
        self.update_enabled()

    def retranslate(self) -> None:
        a = self.action_registry
        a["new_round"].setText(self.tr("&New round…"))
        a["open"].setText(self.tr("&Open…"))
        a["open_demo"].setText(self.tr("Open the 2015 &demo round"))
        a["close"].setText(self.tr("&Close"))
        a["quit"].setText(self.tr("&Quit"))
        help.retranslate_help(self.help_actions)
        a["guide_here"].setText(self.tr("&Guide for this window"))
        a["high_contrast"].setText(self.tr("&High contrast"))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_title(self) -> None:
        app_name = self.tr("Alliance Activity Review")
        self.setWindowTitle(f"{self.view.title()} — {app_name}" if self.view else app_name)
        if self.view is None:
            self.status_label.setText(self.tr("No file open"))

    def update_enabled(self) -> None:
        self.action_registry["close"].setEnabled(self.view is not None)
        for name in NOT_FOR_REVIEWERS:
            self.action_registry[name].setVisible(self.role != "reviewer")

    def switch_language(self, code: str) -> None:
        i18n.set_language(code)

    def toggle_high_contrast(self, on: bool) -> None:
        """Switch the palette; an open file is shown afresh, so that the widgets that
        colour themselves pick their colours for the new palette (its data is on disk)."""
        contrast.set_high_contrast(on)
        if self.view is not None:
            path = self.view.path
            self.close_file()
            self.open_path(path)

    # files -----------------------------------------------------------------------
    def new_round(self) -> None:
        """File > New round: the set-up area's dialog; the created round opens here."""
        from alliance_review.gui.setup.new_round_dialog import NewRoundDialog

        last = self.view.path if self.view is not None and hasattr(self.view, "store") else None
        dialog = NewRoundDialog(self, last_round=last)
        self.new_round_dialog = dialog
        dialog.accepted.connect(lambda: self._open_created(dialog.created))
        dialog.open()

    def _open_created(self, created: Path | None) -> None:
        if created is not None:
            self.open_path(created)

    def open_demo(self) -> None:
        """Write the built-in 2015 demo round to the user's data folder and open it."""
        from alliance_review.gui.tasks import run_task
        from alliance_review.services.demo import build_demo
        from alliance_review.system.places import data_dir

        language = i18n.service_language()
        target = data_dir() / demo_round_name(2015, language)
        previous = data_dir() / demo_round_name(2014, language)  # last year's, for comparisons
        if target.exists():
            self.open_path(target)
            return

        def build(progress: Callable[[int, int], bool]) -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            return build_demo(target, progress=progress, previous=previous)

        run_task(self, self.tr("Writing the demo round…"), build, self.open_path)

    def choose_file(self) -> None:
        self._choose(self.tr("Open file"), file_kinds.any_evaluation_filter())

    def choose_reviewer_file(self) -> None:
        self._choose(self.tr("Open a reviewer file"), file_kinds.reviewer_filter())

    def choose_round_file(self) -> None:
        self._choose(self.tr("Open a round"), file_kinds.round_filter())

    def _choose(self, caption: str, filters: str) -> None:
        start = str(QSettings().value("files/last_dir", "") or "")
        name, _ = QFileDialog.getOpenFileName(self, caption, start, filters)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Open a round file or a reviewer file; refuse anything else with one sentence.

        A large file is checked (every page of it: half a second for 10,000 alliances)
        off the GUI thread first, and its window comes when the check is done; True then
        means it is being opened.
        """
        try:
            large = Path(path).stat().st_size > CHECKED_IN_BACKGROUND
        except OSError:
            large = False  # identify says what is wrong, in one sentence
        if large:
            from alliance_review.gui.tasks import run_task

            run_task(
                self,
                self.tr("Checking the file…"),
                lambda _progress: identify(path),
                lambda info: self._install(path, info),
                on_error=lambda error: messages.refuse(self, error),
                reads_only=True,
            )
            self.status_label.setText(self.tr("Checking the file…"))
            return True
        try:
            info = identify(path)
        except Exception as error:  # a refusal, or the disk's (in use, no access) in one sentence
            return messages.refuse(self, error)
        return self._install(path, info)

    def _install(self, path: Path, info: FileInfo) -> bool:
        """Show the file identified (and checked) as ``info``."""
        if self.view is not None and not self.view.may_close():
            return False
        if self.view is not None and same_path(self.view.path, path):
            self.close_file()  # opened again: the file is let go first (one window per file)
        try:
            view = self._make_view(path, info.kind.name)
        except Declined:
            return False
        except Exception as error:
            return messages.refuse(self, error)
        self.close_file()
        self.view = view
        self.undo_group.addStack(view.undo_stack)
        self.undo_group.setActiveStack(view.undo_stack)
        view.status_changed.connect(self.status_label.setText)
        # later, not inside the view's own slot: opening drops the view that asked
        view.open_requested.connect(
            lambda path: QTimer.singleShot(0, lambda: self.open_path(Path(path)))
        )
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        for menu in view.menus():
            self.view_menus.append(self.menuBar().insertMenu(self.view_menu.menuAction(), menu))
        self.view_file_actions = view.file_actions()
        self.file_menu.insertActions(self.action_registry["close"], self.view_file_actions)
        self.role = info.kind.name
        start_page.remember(path, info.kind.name)
        self.update_recent_menu()
        self.status_label.setText(start_page.display_path(path))
        self.update_title()
        self.update_enabled()
        self.focus_view()
        return True

    def focus_view(self) -> None:
        """The keyboard focus goes into the opened file's view (its first field or list),
        not back to a start-page button that is no longer shown."""
        if self.view is None:
            return
        widget = self.view.nextInFocusChain()
        while widget is not None and widget is not self.view:
            if (
                self.view.isAncestorOf(widget)
                and widget.isVisibleTo(self.view)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _make_view(self, path: Path, kind: str) -> FileView:
        if kind == "round":
            from alliance_review.gui.round_view import RoundView

            return RoundView(path)
        module_name, class_name = REVIEWER_VIEW
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            raise UserError(
                "此版本尚不能打开评审专家文件。", "This version cannot open reviewer files yet."
            ) from error
        view: FileView = getattr(module, class_name)(path)
        return view

    def close_asked(self) -> None:
        """File > Close: the view may ask first (an unfinished entry)."""
        if self.view is None or self.view.may_close():
            self.close_file()

    def close_file(self) -> None:
        if self.view is None:
            return
        for action in self.view_menus:
            self.menuBar().removeAction(action)
        self.view_menus.clear()
        for action in self.view_file_actions:
            self.file_menu.removeAction(action)
        self.view_file_actions = []
        self.undo_group.removeStack(self.view.undo_stack)
        self.view.release()
        self.stack.removeWidget(self.view)
        self.view.deleteLater()
        self.view = None
        self.role = None
        self.start.refresh()
        self.update_title()
        self.update_enabled()

    def recent_files(self) -> list[str]:
        return [str(entry.path) for entry in start_page.recent_files()]

    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, entry in enumerate(start_page.recent_files(), start=1):
            role = self.start.role_text(entry.kind)
            action = self.recent_menu.addAction(f"&{number} {entry.path}  ({role})")
            action.triggered.connect(lambda _=False, p=entry.path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))
        self.start.refresh()

    # drag and drop, geometry, about --------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            if self.view is not None and self.view.accept_files(files):
                return
            self.open_path(files[0])

    def restore_geometry(self) -> None:
        """The last geometry, if it was saved on a screen of this size and scale and fits
        it (a window used once at 200 % reopened 442 px wide at 100 %); else the default."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        same_screen = settings.value("window/screen", "") == fit.screen_signature(self)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty() and same_screen:
            before = self.geometry()
            if self.restoreGeometry(geometry) and fit.fits(
                self.geometry(), self, SMALLEST_RESTORED
            ):
                return
            self.setGeometry(before)
        # first start: 1280x800, or nine tenths of a smaller screen, centred
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        room = screen.availableGeometry()
        width = min(1280, int(room.width() * 0.9))
        height = min(800, int(room.height() * 0.9))
        self.resize(width, height)
        self.move(room.center().x() - width // 2, room.center().y() - height // 2)

    def closeEvent(self, event: QCloseEvent) -> None:
        from alliance_review.gui import tasks

        if self.view is not None and not self.view.may_close():
            event.ignore()  # the user went back to the file
            return
        QSettings().setValue("window/geometry", self.saveGeometry())
        QSettings().setValue("window/screen", fit.screen_signature(self))
        tasks.cancel_all()  # a cancelled task rolls back; the files stay as they were
        self.close_file()
        super().closeEvent(event)

    # help ---------------------------------------------------------------------------------
    def show_guide(self, role: str) -> help.GuideViewer:
        self.guide = help.show_guide(self, role)
        return self.guide

    def show_guide_here(self) -> help.GuideViewer:
        """F1: the guide of the open file's role (the panel's on the Panel tab, else the
        secretary's for a round); the guides' index on the start page."""
        if self.view is None:
            return self.show_guide("index")
        if self.role == "reviewer":
            return self.show_guide("reviewer")
        tabs = getattr(self.view, "tabs", None)
        panel = getattr(self.view, "tab_by_name", {}).get("panel")
        on_panel = tabs is not None and panel is not None and tabs.currentWidget() is panel
        return self.show_guide("panel" if on_panel else "secretary")

    def show_shortcuts(self) -> help.ShortcutsDialog:
        self.shortcuts_dialog = help.ShortcutsDialog(self.menuBar(), self)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def show_about(self) -> help.AboutDialog:
        self.about_dialog = help.AboutDialog(self)
        self.about_dialog.open()
        return self.about_dialog


def same_path(one: Path, other: Path) -> bool:
    try:
        return Path(one).resolve() == Path(other).resolve()
    except OSError:
        return False


def import_views() -> None:
    """Import the modules of the round view and its tabs, and of the reviewer workspace
    (in a worker: no Qt object is made by importing them)."""
    from alliance_review.gui.round_view import TAB_MODULES

    for name in [f"alliance_review.gui.round_tabs.{n}" for n in TAB_MODULES] + [REVIEWER_VIEW[0]]:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the window's own import says what is wrong
            continue


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if submenu(a) is not None]
