"""The rubric editor: categories and indicators in one table, edited in place.

Each edit builds the whole new rubric and hands it to ``services.setup.set_rubric``,
which refuses (with the reason) an edit that would break stored scores. The sum of 100
is checked live and shown, not enforced, so points can be moved between indicators.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import RubricError, UserError
from alliance_review.core.evidence import rule_text
from alliance_review.core.points import format_points, parse_points
from alliance_review.core.rubric import Category, Indicator, Rubric
from alliance_review.core.rubric_edit import append_indicator, move_item, remove_item, replace_item
from alliance_review.gui import file_kinds, messages
from alliance_review.gui.contrast import tone
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import (
    apply_edit,
    button_row,
    last_folder,
)
from alliance_review.gui.setup.criteria_editor import CriteriaEditor
from alliance_review.gui.setup.page import SetupPage
from alliance_review.services import setup

AnyIndex = QModelIndex | QPersistentModelIndex
Place = tuple[int, int | None]  # (category index, indicator index or None for the category)


class RubricModel(QAbstractTableModel):
    CODE, NAME, MAX, STEP, CRITERIA = range(5)

    def __init__(self, page: RubricPage) -> None:
        super().__init__()
        self.page = page
        self.rubric = Rubric()
        self.places: list[Place] = []

    def set_rubric(self, rubric: Rubric) -> None:
        self.beginResetModel()
        self.rubric = rubric
        self.places = []
        for c, category in enumerate(rubric.categories):
            self.places.append((c, None))
            self.places.extend((c, i) for i in range(len(category.indicators)))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.places)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Max points"),
                self.tr("Step"),
                self.tr("Scoring criteria"),
            )[section]
        return None

    def item(self, row: int) -> Category | Indicator:
        c, i = self.places[row]
        category = self.rubric.categories[c]
        return category if i is None else category.indicators[i]

    def data(self, index: AnyIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        item = self.item(index.row())
        column = index.column()
        is_category = isinstance(item, Category)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.CODE:
                return item.code
            if column == self.NAME:
                return item.name
            if column == self.MAX:
                return format_points(item.max_points)
            if is_category:
                return ""
            assert isinstance(item, Indicator)
            return format_points(item.step) if column == self.STEP else item.criteria
        if role == Qt.ItemDataRole.FontRole and is_category:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.MAX, self.STEP):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CRITERIA and not is_category:
            return item.criteria if isinstance(item, Indicator) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        is_category = isinstance(self.item(index.row()), Category)
        if index.column() == self.CRITERIA:
            return base  # edited in the multi-line field under the table
        if is_category and index.column() in (self.MAX, self.STEP):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: object, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        item = self.item(index.row())
        column = index.column()
        renames: dict[str, str] = {}
        changed: Category | Indicator
        try:
            if column == self.CODE:
                changed = replace(cast(Any, item), code=text)
                renames = {item.code: text}
            elif column == self.NAME:
                changed = replace(cast(Any, item), name=text)
            elif column == self.CRITERIA:
                changed = replace(cast(Any, item), criteria=str(value))
            else:
                points = parse_points(text)
                field = "max_points" if column == self.MAX else "step"
                changed = replace(cast(Any, item), **{field: points})
        except (ValueError, ZeroDivisionError):
            messages.refuse(
                self.page,
                UserError(f"「{text}」不是分值。", f"{text!r} is not a point value."),
            )
            return False
        return self.page.change(self.replaced(index.row(), changed), renames)

    def replaced(self, row: int, changed: Category | Indicator) -> Rubric:
        c, i = self.places[row]
        return replace_item(self.rubric, c, i, changed)


def _free_code(rubric: Rubric, prefix: str) -> str:
    used = {c.code for c in rubric.categories} | {i.code for i in rubric.indicators()}
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


class RubricPage(SetupPage):
    name = "rubric"
    label = QT_TRANSLATE_NOOP("SetupTab", "Rubric")
    depends_on = frozenset(
        {
            Aspect.RUBRIC,
            Aspect.SCORES,
            Aspect.ASSIGNMENTS,
            Aspect.MERGE_LOG,
            Aspect.ISSUED,
            Aspect.LOCK,
        }
    )
    refresh_on_language = False

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RubricModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RubricModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RubricModel.CRITERIA, QHeaderView.ResizeMode.Stretch)
        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(
            "background: #fff3cd; color: #000; border: 1px solid #e0c46c; border-radius: 3px;"
            " padding: 4px;"
        )
        self.issued_label = QLabel()
        self.issued_label.setWordWrap(True)
        self.issued_label.setStyleSheet(
            "background: #fff3cd; color: #000; border: 1px solid #e0c46c; border-radius: 3px;"
            " padding: 4px;"
        )
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.criteria = CriteriaEditor(self.apply_criteria)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        row, self.buttons = button_row(
            [
                ("add_category", self.add_category),
                ("add_indicator", self.add_indicator),
                ("remove", self.remove_selected),
                ("up", lambda: self.move_selected(-1)),
                ("down", lambda: self.move_selected(1)),
                ("items", lambda: self.edit_items()),
                ("import", self.import_rubric),
                ("export", self.export_rubric),
            ],
            stretch_after="down",
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.issued_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.criteria)
        self.items_label = QLabel()
        self.items_label.setWordWrap(True)
        layout.addWidget(self.items_label)
        layout.addWidget(self.problems_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Rubric: categories and indicators"))
        labels = {
            "add_category": self.tr("Add category"),
            "add_indicator": self.tr("Add indicator"),
            "remove": self.tr("Remove"),
            "up": self.tr("Move up"),
            "down": self.tr("Move down"),
            "items": self.tr("Evidence items…"),
            "import": self.tr("Import…"),
            "export": self.tr("Export…"),
        }
        for name, text in labels.items():
            self.buttons[name].setText(text)
        self.criteria.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.refresh()

    def refresh(self) -> None:
        rubric = self.context.store.rubric()
        selected = self.selected_row()
        self.model.set_rubric(rubric)
        if selected is not None and selected < self.model.rowCount():
            self.table.selectRow(selected)
        self.table.setColumnWidth(RubricModel.NAME, 320)
        locked = setup.rubric_is_locked(self.context.store)
        self.lock_label.setVisible(locked)
        self.lock_label.setText(
            self.tr(
                "Scores exist: indicators that hold scores cannot be removed, their maximum "
                "cannot drop below a stored score, and their step cannot change so that a "
                "score falls off it. Names and criteria stay editable."
            )
        )
        self._show_issued_warning()
        self._selection_changed()
        problems = rubric.problems()
        total = format_points(rubric.max_points)
        if problems:
            self.problems_label.setStyleSheet(f"color: {tone('#a40000', '#ff8080')};")
            self.problems_label.setText(
                fill_in(self.tr("Total %1 points. To fix before files go out: "), total)
                + " ".join(problems)
            )
        else:
            self.problems_label.setStyleSheet(f"color: {tone('#2e7d32', '#3ff23f')};")
            self.problems_label.setText(
                fill_in(self.tr("Total %1 points; codes unique; the rubric is complete."), total)
            )

    def _show_issued_warning(self) -> None:
        """Issuing is not recorded in the round file; say what is known about it."""
        evidence = setup.issue_evidence(self.context.store)
        folder = self.context.property("issued_folder")
        if folder:
            text = fill_in(
                self.tr(
                    "Reviewer files were issued to %1 in this session. A rubric change does not "
                    "reach them: issue the files again and tell the reviewers to use the new ones."
                ),
                str(folder),
            )
        elif evidence == "merged":
            text = self.tr(
                "Reviewer files of this round were issued and have come back. A rubric "
                "change does not reach them: issue the files again if you change it."
            )
        elif evidence == "assigned":
            text = self.tr(
                "Reviewers are assigned. If their files have already been issued, a rubric "
                "change does not reach them: issue the files again after changing it. "
                "(The round file does not record whether files were issued.)"
            )
        else:
            text = ""
        self.issued_label.setText(text)
        self.issued_label.setVisible(bool(text))

    # the multi-line criteria field ----------------------------------------------------
    def _selection_changed(self) -> None:
        if self.criteria.dirty():
            self.criteria.commit()
        row = self.selected_row()
        item = self.model.item(row) if row is not None and row < len(self.model.places) else None
        if isinstance(item, Indicator):
            self.criteria.show_indicator(item.code, item.name, item.criteria)
        else:
            self.criteria.show_indicator(None, "", "")
        self.buttons["items"].setEnabled(isinstance(item, Indicator))
        if isinstance(item, Indicator) and item.items:
            text = fill_in(self.tr("Evidence items: %1"), "；".join(i.name for i in item.items))
            if item.points_rule:
                text += "  ·  " + fill_in(
                    self.tr("points for 0, 1, 2 … ticked: %1"), rule_text(item.points_rule)
                )
            self.items_label.setText(text)
        else:
            self.items_label.setText(
                self.tr("No evidence items.") if isinstance(item, Indicator) else ""
            )

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == RubricModel.CRITERIA and self.criteria.code is not None:
            self.criteria.edit.setFocus()

    def apply_criteria(self, code: str, text: str) -> bool:
        for row, (_, i) in enumerate(self.model.places):
            item = self.model.item(row)
            if i is not None and item.code == code:
                return self.change(
                    self.model.replaced(row, replace(cast(Any, item), criteria=text))
                )
        return False

    def edit_items(self) -> None:
        from alliance_review.gui.setup.items_dialog import ItemsDialog

        row = self.selected_row()
        if row is None:
            return
        item = self.model.item(row)
        if not isinstance(item, Indicator):
            return
        dialog = ItemsDialog(item, self)
        self.items_dialog = dialog
        dialog.accepted.connect(
            lambda: self.change(self.model.replaced(row, dialog.result_indicator))
        )
        dialog.open()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def change(self, rubric: Rubric, renames: dict[str, str] | None = None) -> bool:
        store = self.context.store
        before = store.rubric()
        back = {new: old for old, new in (renames or {}).items()}
        return apply_edit(
            self,
            self.context,
            self.tr("Edit rubric"),
            lambda: setup.set_rubric(store, rubric, renames),
            lambda _: (
                lambda: setup.set_rubric(store, rubric, renames),
                lambda: setup.set_rubric(store, before, back),
            ),
            Change(rubric=True),
        )

    # structure edits ---------------------------------------------------------------
    def add_category(self) -> None:
        rubric = self.model.rubric
        code = _free_code(rubric, "")
        indicator = Indicator(f"{code}.1", self.tr("New indicator"), "", Fraction(1))
        category = Category(code, self.tr("New category"), (indicator,))
        if self.change(Rubric((*rubric.categories, category), rubric.note)):
            self.table.selectRow(self.model.rowCount() - 2)

    def add_indicator(self) -> None:
        rubric = self.model.rubric
        row = self.selected_row()
        if not rubric.categories:
            self.add_category()
            return
        c = self.model.places[row][0] if row is not None else len(rubric.categories) - 1
        category = rubric.categories[c]
        code = _free_code(rubric, f"{category.code}.")
        indicator = Indicator(code, self.tr("New indicator"), "", Fraction(1))
        self.change(append_indicator(rubric, c, indicator))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.change(remove_item(self.model.rubric, *self.model.places[row]))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        c, i = self.model.places[row]
        moved = move_item(self.model.rubric, c, i, step)
        if moved is not None and self.change(moved):
            wanted = (c + step, None) if i is None else (c, (i or 0) + step)
            if wanted in self.model.places:
                self.table.selectRow(self.model.places.index(wanted))

    # files -----------------------------------------------------------------------
    def import_rubric(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import rubric"), start, self.tr("Rubric files (*.json)")
        )
        if not name:
            return
        from alliance_review.services.resources import load_rubric

        try:
            rubric = load_rubric(Path(name))
        except RubricError as error:
            messages.refuse(self, error)
            return
        self.change(rubric)

    def export_rubric(self) -> None:
        start = last_folder()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export rubric"),
            str(Path(start) / f"{file_kinds.word('rubric')}.json"),
            self.tr("Rubric files (*.json)"),
        )
        if not name:
            return
        try:
            setup.export_rubric(self.context.store, Path(name))
        except (OSError, UserError) as error:
            messages.refuse(self, error)
