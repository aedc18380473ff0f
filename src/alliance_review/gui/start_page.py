"""What the window shows when no file is open: the way in for each role, and recent files.

A reviewer opens the reviewer file they were sent; the panel and the secretary open a
round, start a new one, or try the 2015 demo round. Recent files name the role each
belongs to (a reviewer file or a round), so a person who does both finds the right one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCommandLinkButton,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui.i18n import fill_in

MAX_RECENT = 8
ROUND, REVIEWER = "round", "reviewer"


@dataclass(frozen=True)
class RecentFile:
    path: Path
    kind: str  # "round", "reviewer" or "" (not known: remembered by an older version)

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def recent_files() -> list[RecentFile]:
    """The remembered files, newest first, with the kind of each."""
    value = QSettings().value("files/recent", [])
    paths = [value] if isinstance(value, str) else [str(v) for v in value or []]  # type: ignore[attr-defined]
    kinds = QSettings().value("files/recent_kinds", {})
    kinds = kinds if isinstance(kinds, dict) else {}
    return [RecentFile(Path(p), str(kinds.get(p, ""))) for p in paths if p]


def remember(path: Path, kind: str) -> None:
    settings = QSettings()
    resolved = str(path.resolve())
    paths = [resolved] + [str(r.path) for r in recent_files() if str(r.path) != resolved]
    paths = paths[:MAX_RECENT]
    kinds = {str(r.path): r.kind for r in recent_files() if r.kind}
    kinds[resolved] = kind
    settings.setValue("files/recent", paths)
    settings.setValue("files/recent_kinds", {p: kinds[p] for p in paths if p in kinds})
    settings.setValue("files/last_dir", str(path.resolve().parent))


def display_path(path: Path) -> str:
    """A path as the user reads it: their home folder as "~"."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class RecentList(QTreeWidget):
    """Recent files: name, role, folder. Enter or a double click opens one."""

    chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setColumnCount(3)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(True)
        self.itemActivated.connect(self._activated)

    def fit(self) -> None:
        """Columns as wide as their text plus a gap; as tall as the rows (at most 8)."""
        for column in (0, 1):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, self.columnWidth(column) + 24)
        rows = max(self.topLevelItemCount(), 3)
        row_height = self.sizeHintForRow(0) if self.topLevelItemCount() else 20
        self.setFixedHeight(self.header().sizeHint().height() + rows * row_height + 6)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.chosen.emit(Path(item.data(0, Qt.ItemDataRole.UserRole)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter opens on every platform (itemActivated is Enter only where the style says so)
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._activated(item)
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    open_reviewer_requested = Signal()
    open_round_requested = Signal()
    new_round_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reviewer_heading = self._heading()
        self.panel_heading = self._heading()
        self.open_reviewer = QCommandLinkButton()
        self.open_round = QCommandLinkButton()
        self.new_round = QCommandLinkButton()
        self.demo = QCommandLinkButton()
        self.open_reviewer.clicked.connect(self.open_reviewer_requested)
        self.open_round.clicked.connect(self.open_round_requested)
        self.new_round.clicked.connect(self.new_round_requested)
        self.demo.clicked.connect(self.demo_requested)
        self.recent_heading = self._heading()
        self.recent = RecentList()
        self.recent.chosen.connect(self.recent_chosen)
        self.recent_empty = QLabel()
        self.recent_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.drop_hint = QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        roles = QGridLayout()
        roles.setHorizontalSpacing(32)
        roles.addWidget(self.reviewer_heading, 0, 0)
        roles.addWidget(self.open_reviewer, 1, 0)
        roles.addWidget(self.panel_heading, 0, 1)
        roles.addWidget(self.open_round, 1, 1)
        roles.addWidget(self.new_round, 2, 1)
        roles.addWidget(self.demo, 3, 1)
        roles.setColumnStretch(0, 1)
        roles.setColumnStretch(1, 1)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addSpacing(12)
        column.addLayout(roles)
        column.addSpacing(12)
        column.addWidget(self.recent_heading)
        column.addWidget(self.recent)
        column.addWidget(self.recent_empty)
        column.addWidget(self.drop_hint)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(1000)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(content, 40)
        outer.addStretch(1)
        # keyboard: Tab runs reviewer → round → new → demo → recent files
        QWidget.setTabOrder(self.open_reviewer, self.open_round)
        QWidget.setTabOrder(self.open_round, self.new_round)
        QWidget.setTabOrder(self.new_round, self.demo)
        QWidget.setTabOrder(self.demo, self.recent)
        self.retranslate()
        self.refresh()

    @staticmethod
    def _heading() -> QLabel:
        label = QLabel()
        font = QFont(label.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def role_text(self, kind: str) -> str:
        if kind == ROUND:
            return self.tr("Round (panel, secretary)")
        if kind == REVIEWER:
            return self.tr("Reviewer file")
        return self.tr("Evaluation file")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Alliance Activity Review"))
        self.subtitle.setText(
            self.tr(
                "The yearly activity evaluation of industry technology innovation alliances: "
                "reviewers score offline, the panel merges and decides, the secretary "
                "publishes the ranked appendix."
            )
        )
        self.reviewer_heading.setText(self.tr("Reviewers"))
        self.panel_heading.setText(self.tr("Panel and secretary"))
        self.open_reviewer.setText(self.tr("Open a reviewer file…"))
        self.open_reviewer.setDescription(
            self.tr("Score the alliances assigned to you in the file the liaison group sent.")
        )
        self.open_round.setText(self.tr("Open a round…"))
        self.open_round.setDescription(
            self.tr("Merge returned reviewer files, decide, publish the appendix.")
        )
        self.new_round.setText(self.tr("New round…"))
        self.new_round.setDescription(
            self.tr("Set up a year's evaluation: rubric, roster, reviewers.")
        )
        self.demo.setText(self.tr("Open the 2015 demo round"))
        self.demo.setDescription(self.tr("Try the app on the published 2015 evaluation."))
        self.recent_heading.setText(self.tr("Recent files"))
        self.recent.setHeaderLabels([self.tr("File"), self.tr("Role"), self.tr("Folder")])
        self.recent.setAccessibleName(self.tr("Recent files"))
        self.recent_empty.setText(self.tr("No file opened yet."))
        self.drop_hint.setText(
            self.tr("You can also drop a round file or a reviewer file on this window.")
        )
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for entry in recent_files():
            item = QTreeWidgetItem(
                [entry.path.name, self.role_text(entry.kind), display_path(entry.path.parent)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(entry.path))
            item.setToolTip(0, str(entry.path))
            if not entry.exists:
                item.setText(1, fill_in(self.tr("%1 (missing)"), item.text(1)))
                item.setDisabled(True)
            self.recent.addTopLevelItem(item)
        has_recent = self.recent.topLevelItemCount() > 0
        self.recent.setVisible(has_recent)
        self.recent_empty.setVisible(not has_recent)
        first = self.recent.topLevelItem(0)
        if first is not None:
            self.recent.setCurrentItem(first)
        self.recent.fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
