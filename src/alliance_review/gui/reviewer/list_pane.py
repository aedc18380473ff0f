"""The left side of the workspace: who scores, the filter, the list of alliances, progress.

Alliance names wrap onto two lines (most names end alike, "…产业技术创新战略联盟", so the
distinctive start must stay readable); a longer one is elided at the end of its second
line, and the tooltip holds the full name. The user's column widths and sort order are
remembered (``save_state`` / ``restore_state``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui.i18n import fill_in
from alliance_review.gui.reviewer import look
from alliance_review.gui.reviewer.alliance_list import AllianceFilterProxy, AllianceListModel
from alliance_review.gui.reviewer.session import ReviewerSession
from alliance_review.services.reviewer_workflow import Status

HEADER_KEY = "reviewer/list_header"


class AlliancePane(QWidget):
    def __init__(self, session: ReviewerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        meta = session.meta
        self.model = AllianceListModel(session)
        self.proxy = AllianceFilterProxy(self.model)
        self.reviewer_label = look.label(meta.reviewer_name, colour=look.TEXT, bold=True, pixels=15)
        self.reviewer_label.setWordWrap(True)
        self.round_label = look.label(meta.round_title, colour=look.MUTED, wrap=True)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.textChanged.connect(lambda _text: self.show_count())
        #: while a filter is typed: how many of the alliances the list shows
        self.count_label = look.label(colour=look.MUTED, pixels=11)
        self.count_label.hide()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AllianceListModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the list for the form: it never walks the cells into another alliance
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0000"))
        # fixed widths the user may change (not ResizeToContents, which measures every row
        # on every edit); the name takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AllianceListModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.header_restored = False
        self.size_columns()
        # the batch is in the form's header line; the list shows it on request
        header.hideSection(AllianceListModel.BATCH)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.setSpacing(6)
        layout.addWidget(self.reviewer_label)
        layout.addWidget(self.round_label)
        layout.addSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress_bar)
        QWidget.setTabOrder(self.filter, self.table)

    def show_count(self) -> None:
        """The list's own count, in the progress bar's words, while the filter hides some."""
        filtering = bool(self.filter.text())
        if filtering:
            self.count_label.setText(
                fill_in(
                    self.tr("Showing %1 / %2 alliances"),
                    self.proxy.rowCount(),
                    self.model.rowCount(),
                )
            )
        self.count_label.setVisible(filtering)

    def size_columns(self) -> None:
        """Each narrow column as wide as its widest possible text (unless the user chose)."""
        if self.header_restored:
            return
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        model = self.model
        samples = {
            AllianceListModel.BATCH: ["第三批", model.batch_text(None)],
            AllianceListModel.STATUS: [model.status_text(s) for s in Status],
            AllianceListModel.TOTAL: ["100", "99.5"],
            AllianceListModel.SELF_TOTAL: ["100", "99.5"],
        }
        for column, texts in samples.items():
            extra = 22 if column == AllianceListModel.STATUS else 0  # the status dot
            width = max(metrics.horizontalAdvance(t) + extra + 16 for t in texts)
            # the title with room for the sort arrow, as the header measures it
            header.resizeSection(column, max(width, header.sectionSizeFromContents(column).width()))

    def _column_menu(self, position: QPoint) -> None:
        """Right click on the header: show or hide the narrow columns."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(1, AllianceListModel.COLUMNS):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.exec(header.mapToGlobal(position))

    def minimum_list_width(self) -> int:
        """Room for the narrow columns and a name on two lines (8 characters a line)."""
        header = self.table.horizontalHeader()
        narrow = sum(
            header.sectionSize(c)
            for c in range(1, AllianceListModel.COLUMNS)
            if not header.isSectionHidden(c)
        )
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        margins = (
            layout.contentsMargins().left() + layout.contentsMargins().right() if layout else 0
        )
        frame = 2 * self.table.frameWidth() + margins
        return narrow + self.fontMetrics().horizontalAdvance("中" * 8) + 12 + scroll_bar + frame

    def save_state(self) -> None:
        QSettings().setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        state = QSettings().value(HEADER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.header_restored = self.table.horizontalHeader().restoreState(state)
