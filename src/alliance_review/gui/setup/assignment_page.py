"""The assignment matrix: alliances down, reviewers across; a tick is an assignment.

Ticking a conflict (the reviewer's own alliance or a declared conflict, shaded and
marked) is refused with the reason; automatic assignment is seeded and undoable.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.roster import Alliance, Reviewer
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import apply_edit
from alliance_review.gui.setup.page import SetupPage
from alliance_review.services import assigning

AnyIndex = QModelIndex | QPersistentModelIndex
CONFLICT = QColor("#e0e0e0")
SHORT = QColor("#a40000")


def stacked(name: str, width: int = 4) -> str:
    """A reviewer's name broken into short lines, so 14 columns fit the window."""
    return "\n".join(name[i : i + width] for i in range(0, len(name), width))


class AssignmentModel(QAbstractTableModel):
    def __init__(self, page: AssignmentPage) -> None:
        super().__init__()
        self.page = page
        self.alliances: list[Alliance] = []
        self.reviewers: list[Reviewer] = []
        self.pairs: set[tuple[str, str]] = set()
        self.loads: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.k = 3

    def set_data(
        self,
        alliances: list[Alliance],
        reviewers: list[Reviewer],
        assignment: dict[str, list[str]],
        k: int,
    ) -> None:
        self.beginResetModel()
        self.alliances, self.reviewers, self.k = alliances, reviewers, k
        self.pairs = {(a, r) for a, rs in assignment.items() for r in rs}
        self._counted()
        self.endResetModel()

    def _counted(self) -> None:
        """Each alliance's reviewers and each reviewer's alliances, counted once (the
        headers ask for them on every paint: 60 columns x 10,000 rows otherwise)."""
        shown = {a.uid for a in self.alliances}
        people = {r.uid for r in self.reviewers}
        self.loads = Counter(r for a, r in self.pairs if a in shown)
        self.counts = Counter(a for a, r in self.pairs if r in people)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.alliances)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.reviewers)

    def count(self, alliance_uid: str) -> int:
        return self.counts[alliance_uid]

    def load(self, reviewer_uid: str) -> int:
        return self.loads[reviewer_uid]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal:
            reviewer = self.reviewers[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{stacked(reviewer.name)}\n({self.load(reviewer.uid)})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return reviewer.name
            return None
        alliance = self.alliances[section]
        count = self.count(alliance.uid)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{alliance.position + 1}. {alliance.name}  ({count}/{self.k})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return alliance.name
        if role == Qt.ItemDataRole.ForegroundRole and count < self.k:
            return QBrush(SHORT)
        return None

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        alliance = self.alliances[index.row()]
        reviewer = self.reviewers[index.column()]
        conflict = alliance.uid in reviewer.conflicts
        if role == Qt.ItemDataRole.CheckStateRole and not conflict:
            assigned = (alliance.uid, reviewer.uid) in self.pairs
            return Qt.CheckState.Checked if assigned else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and conflict:
            own = alliance.uid in reviewer.own_alliances
            return self.tr("own") if own else self.tr("conflict")
        if role == Qt.ItemDataRole.BackgroundRole and conflict:
            return QBrush(CONFLICT)
        if role == Qt.ItemDataRole.ForegroundRole and conflict:
            return ink_on(CONFLICT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{alliance.name} — {reviewer.name}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        alliance = self.alliances[index.row()]
        reviewer = self.reviewers[index.column()]
        wanted = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        return self.page.set_pair(alliance.uid, reviewer.uid, wanted)

    def toggle(self, row: int, column: int) -> bool:
        """What a click on the cell does (also used by keyboard and tests)."""
        alliance, reviewer = self.alliances[row], self.reviewers[column]
        assigned = (alliance.uid, reviewer.uid) in self.pairs
        return self.page.set_pair(alliance.uid, reviewer.uid, not assigned)


class AssignmentPage(SetupPage):
    name = "assignment"
    label = QT_TRANSLATE_NOOP("SetupTab", "Assignment")
    depends_on = frozenset(
        {Aspect.ASSIGNMENTS, Aspect.ROSTER, Aspect.REVIEWERS, Aspect.SETTINGS, Aspect.LOCK}
    )

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AssignmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.clicked.connect(self._clicked)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(52)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setMaximumWidth(330)
        vertical.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed_label = QLabel()
        self.auto_button = QPushButton()
        self.auto_button.clicked.connect(self.auto_assign)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.auto_button)
        row.addWidget(self.seed_label)
        row.addWidget(self.seed)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Assignment: alliances by reviewers"))
        self.seed_label.setBuddy(self.seed)
        self.auto_button.setText(self.tr("Assign automatically"))
        self.seed_label.setText(self.tr("Seed (same seed, same assignment):"))

    def refresh(self) -> None:
        store = self.context.store
        k = store.settings().reviewers_per_alliance
        assignment = store.assignments()
        reviewers = store.reviewers()
        self.model.set_data(store.participants(), reviewers, assignment, k)
        # assigning.assignment_summary's figures, from what is read already
        all_loads = Counter(r for people in assignment.values() for r in people)
        values = [all_loads[r.uid] for r in reviewers] or [0]
        short = [a.name for a in self.model.alliances if len(assignment.get(a.uid, [])) < k]
        text = fill_in(
            self.tr("%1 reviewer(s) per alliance; loads %2 to %3."),
            k,
            min(values),
            max(values),
        )
        if short:
            text += " " + self.tr("%n alliance(s) still short of reviewers (red).", "", len(short))
        self.summary.setText(text)

    def _clicked(self, index: QModelIndex) -> None:
        # a click on the check box itself already went through setData
        if index.data(Qt.ItemDataRole.CheckStateRole) is None:
            self.model.toggle(index.row(), index.column())

    def set_pair(self, alliance_uid: str, reviewer_uid: str, assigned: bool) -> bool:
        store = self.context.store
        text = self.tr("Assign reviewer") if assigned else self.tr("Unassign reviewer")
        return apply_edit(
            self,
            self.context,
            text,
            lambda: assigning.set_pair(store, alliance_uid, reviewer_uid, assigned),
            lambda was: (
                lambda: assigning.set_pair(store, alliance_uid, reviewer_uid, assigned),
                lambda: assigning.set_pair(store, alliance_uid, reviewer_uid, was),
            ),
            Change(assignments=True),
        )

    def auto_assign(self) -> bool:
        store = self.context.store
        seed = self.seed.value()
        holder: dict[str, dict[str, list[str]]] = {}

        def undo_pair(before: dict[str, list[str]]):  # type: ignore[no-untyped-def]
            holder["after"] = store.assignments()
            return (
                lambda: assigning.replace_assignments(store, holder["after"]),
                lambda: assigning.replace_assignments(store, before),
            )

        return apply_edit(
            self,
            self.context,
            self.tr("Assign reviewers automatically"),
            lambda: assigning.auto_assign(store, seed),
            undo_pair,
            Change(assignments=True),
        )
