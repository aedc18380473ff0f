"""The main window: menus, status bar, and the ranked view of an opened round file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.points import format_points
from alliance_review.core.ranking import RankedRow
from alliance_review.services.results import ranking_of

FILE_FILTER = "评价文件 (*.sqlite *.arround *.arreview *.db);;所有文件 (*)"
AnyIndex = QModelIndex | QPersistentModelIndex


class RankingModel(QAbstractTableModel):
    SEQ, NAME, SCORE, TOTAL, TIER = range(5)
    HEADERS = ("序号", "联盟名称", "评分", "总分（精确）", "活跃度")

    def __init__(self, rows: list[RankedRow] | None = None) -> None:
        super().__init__()
        self._rows = rows or []

    def set_rows(self, rows: list[RankedRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.seq),
                row.alliance.name,
                str(row.printed_score),
                format_points(row.total),
                row.tier.name,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("联盟活跃度评价")
        self.resize(1100, 720)
        self.path: Path | None = None
        self.model = RankingModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.setCentralWidget(self.table)
        self.status_label = QLabel("请打开评价轮次文件（文件 > 打开）。")
        self.statusBar().addWidget(self.status_label, 1)
        self.action_registry: dict[str, QAction] = {}
        self._build_menus()

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.action_registry[name] = action
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        open_action = self._action("open", "打开(&O)…", QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        quit_action = self._action("quit", "退出(&Q)", QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = self._action("about", "关于(&A)")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "打开评价文件", "", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        try:
            result = ranking_of(path)
        except UserError as error:
            QMessageBox.warning(self, "无法打开", str(error))
            return False
        self.path = path
        self.model.set_rows(result.ranking)
        self.table.resizeColumnsToContents()
        self.setWindowTitle(f"{result.settings.title} — 联盟活跃度评价")
        self.status_label.setText(f"{path.name}：共 {len(result.ranking)} 家联盟")
        return True

    def show_about(self) -> None:
        QMessageBox.about(self, "关于", "联盟活跃度评价 (Alliance Activity Review)")
