"""Self-evaluation workbooks (自评价表): generate them, import filled ones with a preview."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.points import format_points
from alliance_review.gui import fit, i18n
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Alliances, Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import (
    apply_edit,
    last_folder,
    ok_cancel,
)
from alliance_review.gui.setup.page import SetupPage
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import Progress, Task, run_task
from alliance_review.services import selfeval
from alliance_review.storage.round_store import RoundStore

REFUSED = QColor("#f8d7da")


def write_workbooks_of(
    round_path: Path, folder: Path, progress: Progress, language: str = "zh"
) -> list[Path]:
    """The workbooks of every alliance, on a connection of the worker's own (issuing may
    record what it issued); their names in the interface ``language``."""
    with RoundStore.open(round_path) as store:
        return selfeval.write_workbooks(store, folder, progress=progress, language=language)


def read_workbooks_of(
    round_path: Path, paths: list[Path], progress: Progress
) -> list[selfeval.SelfEvalFile]:
    """Filled workbooks checked against the round, on a connection of the worker's own."""
    with RoundStore.reading(round_path) as store:
        return selfeval.read_workbooks(store, paths, progress)


class ImportPreview(QDialog):
    """Every chosen workbook: accepted (alliance, rows) or refused (every reason)."""

    def __init__(self, checked: list[selfeval.SelfEvalFile], parent: QWidget | None = None):
        super().__init__(parent)
        self.checked = checked
        self.setWindowTitle(self.tr("Import self-evaluations"))
        fit.size_within_screen(self, 1000, 560)
        self.table = QTableWidget(len(checked), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Alliance"), self.tr("Filled rows"), self.tr("Result")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # rows in view
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        english = i18n.service_language() == "en"
        for row, item in enumerate(checked):
            if item.ok:
                result = self.tr("accepted")
            else:
                result = " ".join(en if english else zh for zh, en in item.problems)
            values = (item.path.name, item.alliance_name, str(len(item.rows)), result)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if not item.ok:
                    cell.setBackground(QBrush(REFUSED))
                    cell.setForeground(ink_on(REFUSED))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        accepted = sum(1 for c in checked if c.ok)
        self.summary = QLabel(
            fill_in(
                self.tr(
                    "%1 workbook(s) accepted, %2 refused (red, nothing from them is written). "
                    "An accepted workbook replaces that alliance's earlier self-evaluation."
                ),
                str(accepted),
                str(len(checked) - accepted),
            )
        )
        self.summary.setWordWrap(True)
        buttons = ok_cancel()
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import %n workbook(s)", "", accepted))
        self.import_button.setEnabled(accepted > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)


class SelfEvalPage(SetupPage):
    name = "selfeval"
    label = QT_TRANSLATE_NOOP("SetupTab", "Self-evaluations")
    depends_on = frozenset({Aspect.SELF_EVALUATIONS, Aspect.ROSTER, Aspect.RUBRIC, Aspect.LOCK})

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.generate_button = QPushButton()
        self.generate_button.clicked.connect(lambda: self.generate())
        self.import_button = QPushButton()
        self.import_button.clicked.connect(lambda: self.import_files())
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # rows in view
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.preview: ImportPreview | None = None
        row = QHBoxLayout()
        row.addWidget(self.generate_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Self-evaluation workbooks of the alliances"))
        self.intro.setText(
            self.tr(
                "Each alliance gets a self-evaluation workbook made from the rubric: the "
                "indicators with their criteria and max points are locked, only the "
                "self-score and note columns take input. Returned workbooks are matched to "
                "the alliance by an identifier inside the workbook, not by file name."
            )
        )
        self.generate_button.setText(self.tr("Generate workbooks…"))
        self.import_button.setText(self.tr("Import filled workbooks…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Alliance"), self.tr("Filled rows"), self.tr("Self-score total")]
        )

    def refresh(self) -> None:
        store = self.context.store
        by_alliance: dict[str, list[Fraction | None]] = {}
        for (alliance_uid, _), (points, _) in store.self_scores().items():
            by_alliance.setdefault(alliance_uid, []).append(points)
        alliances = store.alliances()
        self.table.setRowCount(len(alliances))
        for r, alliance in enumerate(alliances):
            mine = by_alliance.get(alliance.uid, [])
            total = sum((p for p in mine if p is not None), Fraction(0))
            values = (
                alliance.name,
                str(len(mine)) if mine else "—",
                format_points(total) if mine else "",
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        done = sum(1 for a in alliances if a.uid in by_alliance)
        self.summary.setText(
            fill_in(
                self.tr("Self-evaluations imported for %1 of %2 alliances."),
                str(done),
                str(len(alliances)),
            )
        )

    def generate(self, folder: Path | None = None) -> Task | None:
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the workbooks"), last_folder()
            )
            if not name:
                return None
            folder = Path(name)
        round_path, chosen, language = self.context.path, folder, i18n.service_language()

        def written(paths: list[Path]) -> None:
            self.summary.setText(
                fill_in(self.tr("%n workbook(s) written to %1", "", len(paths)), str(chosen))
            )

        return run_task(
            self,
            self.tr("Writing self-evaluation workbooks…"),
            lambda progress: write_workbooks_of(round_path, chosen, progress, language),
            written,
        )

    def import_files(self, paths: list[Path] | None = None) -> Task | None:
        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("Filled self-evaluation workbooks"),
                last_folder(),
                self.tr("Workbooks (*.xlsx *.xlsm *.xls *.ods);;All files (*)"),
            )
            if not names:
                return None
            paths = [Path(n) for n in names]
        round_path = self.context.path
        chosen = paths

        def checked_files(checked: list[selfeval.SelfEvalFile]) -> None:
            dialog = ImportPreview(checked, self)
            self.preview = dialog
            dialog.accepted.connect(lambda: self.apply(checked))
            dialog.open()

        return run_task(
            self,
            self.tr("Checking workbooks…"),
            lambda progress: read_workbooks_of(round_path, chosen, progress),
            checked_files,
            reads_only=True,
        )

    def apply(self, checked: list[selfeval.SelfEvalFile]) -> bool:
        store = self.context.store
        uids = [c.alliance_uid for c in checked if c.ok]

        def undo_pair(before: selfeval.SelfRows):  # type: ignore[no-untyped-def]
            return (
                lambda: selfeval.apply_workbooks(store, checked),
                lambda: selfeval.restore_self_scores(store, uids, before),
            )

        return apply_edit(
            self,
            self.context,
            self.tr("Import self-evaluations"),
            lambda: selfeval.apply_workbooks(store, checked),
            undo_pair,
            Change(self_evaluations=Alliances.of(uids)),
        )
