"""Preview of a reviewer list import: every row with its own alliance(s) and problems."""

from __future__ import annotations

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
from alliance_review.services.reviewers_io import ReviewerPlan

BLOCKED = QColor("#f8d7da")
WARNED = QColor("#fff3cd")


class ReviewerImportDialog(QDialog):
    def __init__(
        self, plan: ReviewerPlan, names: dict[str, str], source: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(fill_in(self.tr("Import reviewers: %1"), source))
        fit.size_within_screen(self, 900, 560)
        zh = i18n.service_language() == "zh"
        self.preview = QTableWidget(len(plan.rows), 5)
        self.preview.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Reviewer"),
                self.tr("Own alliance(s)"),
                self.tr("Declared conflicts"),
                self.tr("Problem"),
            ]
        )
        self.preview.setAccessibleName(self.tr("Rows of the reviewer list"))
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        problems: dict[int, list[tuple[str, bool]]] = {}
        for p in plan.problems:
            problems.setdefault(p.row, []).append((p.zh if zh else p.en, p.blocking))
        for r, row in enumerate(plan.rows):
            found = problems.get(row.row, [])
            values = (
                str(row.row),
                row.name,
                "；".join(sorted(names.get(u, u) for u in row.own)),
                "；".join(sorted(names.get(u, u) for u in row.declared)),
                " ".join(text for text, _ in found),
            )
            colour = BLOCKED if any(b for _, b in found) else WARNED if found else None
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                    item.setForeground(ink_on(colour))
                self.preview.setItem(r, c, item)
        accepted = len(plan.accepted())
        notes = "\n".join(f"{n.row}: " + (n.zh if zh else n.en) for n in plan.notes)
        warned = len({p.row for p in plan.problems if not p.blocking})
        self.summary = QLabel(
            fill_in(
                self.tr(
                    "%1 reviewer(s) will be added; %2 left out because of a problem or listed "
                    "already (red); %3 with a remark to check (yellow)."
                ),
                str(accepted),
                str(len(plan.rows) - accepted),
                str(warned),
            )
            + ("\n" + notes if notes else "")
        )
        self.summary.setWordWrap(True)
        buttons = ok_cancel()
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import %n reviewer(s)", "", accepted))
        self.import_button.setEnabled(accepted > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def problem_texts(self) -> list[str]:
        return [
            item.text() if (item := self.preview.item(r, 4)) else ""
            for r in range(self.preview.rowCount())
        ]
