"""What a folder of documents would add: matched, ambiguous, unmatched, not taken."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.gui import fit, i18n
from alliance_review.gui.contrast import ink_on
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.setup.commands import ok_cancel
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.services import documents as service

translate = QCoreApplication.translate
LEFT_OUT = QColor("#fff3cd")
NOT_TAKEN = QColor("#f8d7da")


class ImportPreview(QDialog):
    """Every file of the folder: the alliance it goes to, or why it is left out."""

    def __init__(
        self, plan: service.ImportPlan, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import documents"))
        fit.size_within_screen(self, 980, 560)
        lines = (
            [(c, self.alliance_text(c, names), "") for c in plan.matched]
            + [
                (
                    c,
                    "",
                    fill_in(
                        self.tr("Could be: %1 (rename the file, or add it to the alliance)"),
                        "、".join(names.get(u, u) for u in c.match.uids),
                    ),
                )
                for c in plan.ambiguous
            ]
            + [(c, "", self.tr("Names no alliance (not added)")) for c in plan.unmatched]
            + [
                (c, "", self.tr("Not a PDF, Word, Excel, WPS document or picture"))
                for c in plan.not_taken
            ]
        )  # fmt: skip
        self.table = QTableWidget(len(lines), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Alliance"), self.tr("Left out because")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, (candidate, alliance, reason) in enumerate(lines):
            for column, value in enumerate((candidate.shown, alliance, reason)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if reason:
                    fill = NOT_TAKEN if candidate in plan.not_taken else LEFT_OUT
                    item.setBackground(QBrush(fill))
                    item.setForeground(QBrush(ink_on(fill)))
                self.table.setItem(row, column, item)
        self.table.setAccessibleName(self.tr("Files of the folder and their alliances"))
        self.summary = QLabel(
            fill_in(
                self.tr(
                    "%1 file(s) matched to an alliance, %2 ambiguous, %3 unmatched, %4 not taken."
                ),
                str(len(plan.matched)),
                str(len(plan.ambiguous)),
                str(len(plan.unmatched)),
                str(len(plan.not_taken)),
            )
        )
        self.summary.setWordWrap(True)
        buttons = ok_cancel()
        self.add_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("Add %n document(s)", "", len(plan.matched)))
        self.add_button.setEnabled(bool(plan.matched))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)

    def alliance_text(self, candidate: service.Candidate, names: dict[str, str]) -> str:
        name = names.get(candidate.alliance_uid or "", "")
        if candidate.match.how == service.BY_LIST:  # its name names no alliance
            return fill_in(self.tr("%1 (named in its self-evaluation)"), name)
        return name

    def chosen(self) -> list[service.Candidate]:
        return list(self.plan.matched)


def report_text(report: service.AddReport) -> str:
    """What adding did, in one paragraph of the interface language."""
    english = i18n.service_language() == "en"
    parts = [fill_in(translate("DocumentsPage", "%1 document(s) added."), str(len(report.added)))]
    if report.already:
        parts.append(
            fill_in(translate("DocumentsPage", "%1 were there already."), str(len(report.already)))
        )
    for _path, error in report.refused:
        parts.append(error.en if english else error.zh)
    if report.text_only:
        parts.append(
            fill_in(
                translate(
                    "DocumentsPage",
                    "%1 office document(s) kept with their text only: LibreOffice is not "
                    "installed, so they could not be made PDFs.",
                ),
                str(report.text_only),
            )
        )
    return " ".join(parts)
