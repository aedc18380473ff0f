"""The secretary's set-up tab: a list of steps on the left, the step's screen on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMenu,
    QStackedWidget,
    QWidget,
)

from alliance_review.gui.notice import EVERYTHING, Change
from alliance_review.gui.round_view import RoundContext, RoundTab
from alliance_review.gui.setup.assignment_page import AssignmentPage
from alliance_review.gui.setup.documents_page import DocumentsPage
from alliance_review.gui.setup.issue_page import IssuePage
from alliance_review.gui.setup.page import SetupPage
from alliance_review.gui.setup.reviewers_page import ReviewersPage
from alliance_review.gui.setup.roster_page import RosterPage
from alliance_review.gui.setup.rubric_page import RubricPage
from alliance_review.gui.setup.selfeval_page import SelfEvalPage
from alliance_review.gui.setup.settings_page import SettingsPage

#: the set-up steps, in order: the one place a page is registered (``gui.setup.page``)
PAGES: tuple[type[SetupPage], ...] = (
    SettingsPage,
    RubricPage,
    RosterPage,
    ReviewersPage,
    AssignmentPage,
    SelfEvalPage,
    DocumentsPage,
    IssuePage,
)
PAGE_NAMES = tuple(page.name for page in PAGES)


class SetupTab(RoundTab):
    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.pages: dict[str, SetupPage] = {page.name: page(context) for page in PAGES}
        self.steps = QListWidget()
        self.steps.setFixedWidth(190)
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.steps.addItem("")
            self.stack.addWidget(page)
        self.stale: set[QWidget] = set()
        self.steps.currentRowChanged.connect(self._show_row)
        self.steps.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.stack, 1)
        self._menu = QMenu()
        self.actions_by_name: dict[str, QAction] = {}
        for name, slot in (
            ("new_round", self.new_round),
            ("auto_assign", self.pages["assignment"].auto_assign),  # type: ignore[attr-defined]
            ("selfeval_out", lambda: self.pages["selfeval"].generate()),  # type: ignore[attr-defined]
            ("selfeval_in", lambda: self.pages["selfeval"].import_files()),  # type: ignore[attr-defined]
            ("documents", lambda: self.pages["documents"].import_folder()),  # type: ignore[attr-defined]
            ("issue", lambda: self.pages["issue"].issue()),  # type: ignore[attr-defined]
        ):
            action = QAction(self)
            action.triggered.connect(slot)
            self.actions_by_name[name] = action
            self._menu.addAction(action)
            if name == "new_round":
                self._menu.addSeparator()
        self.new_round_dialog: QWidget | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.steps.setAccessibleName(self.tr("Set-up steps"))
        for row, page in enumerate(self.pages.values()):
            self.steps.item(row).setText(f"{row + 1}. {page.step_label()}")
        self._menu.setTitle(self.tr("&Set-up"))
        texts = {
            "new_round": self.tr("&New round…"),
            "auto_assign": self.tr("&Assign reviewers automatically"),
            "selfeval_out": self.tr("&Generate self-evaluation workbooks…"),
            "selfeval_in": self.tr("&Import self-evaluation workbooks…"),
            "documents": self.tr("Import &documents…"),
            "issue": self.tr("Issue &reviewer files…"),
        }
        for name, text in texts.items():
            self.actions_by_name[name].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def title(self) -> str:
        return self.tr("Set-up")

    def menu(self) -> QMenu | None:
        return self._menu

    def show_page(self, name: str) -> QWidget:
        page = self.pages[name]
        self.steps.setCurrentRow(self.stack.indexOf(page))
        return page

    def refresh(self, change: Change = EVERYTHING) -> None:
        """Refresh the page in view now (if the change touches it); the others when they
        are next shown."""
        current = self.stack.currentWidget()
        touched = change.aspects()
        for page in self.pages.values():
            if touched & page.depends_on:
                self.stale.add(page)
        if isinstance(current, SetupPage) and current in self.stale:
            self.stale.discard(current)
            current.refresh()

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if isinstance(page, SetupPage) and page in self.stale:
            self.stale.discard(page)
            page.refresh()

    def new_round(self) -> None:
        from alliance_review.gui.setup.new_round_dialog import NewRoundDialog

        dialog = NewRoundDialog(self.window(), last_round=self.context.path)
        self.new_round_dialog = dialog
        dialog.accepted.connect(lambda: self._open_created(dialog))
        dialog.open()

    def _open_created(self, dialog: QWidget) -> None:
        created = getattr(dialog, "created", None)
        opener = getattr(self.window(), "open_path", None)
        if created is not None and opener is not None:
            opener(created)


def create_tab(context: RoundContext) -> RoundTab:
    return SetupTab(context)
