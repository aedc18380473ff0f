"""The round's settings: title, year, period, reviewers per alliance, rules, tier bands."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core.errors import UserError
from alliance_review.core.evidence import ITEM_RULES
from alliance_review.core.points import ROUNDING_LABELS, format_points
from alliance_review.core.ranking import TIE_RULES, TIER_BY
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import CONSENSUS_LABELS
from alliance_review.gui import i18n, messages
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import apply_edit
from alliance_review.gui.setup.page import SetupPage
from alliance_review.services import setup


class SettingsPage(SetupPage):
    name = "settings"
    label = QT_TRANSLATE_NOOP("SetupTab", "Round")
    depends_on = frozenset({Aspect.SETTINGS, Aspect.LOCK})
    refresh_on_language = False

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(1990, 2200)
        self.period = QLineEdit()
        self.per_alliance = QSpinBox()
        self.per_alliance.setRange(1, 20)
        self.rounding = QComboBox()
        for key, text in ROUNDING_LABELS.items():
            self.rounding.addItem(text, key)
        self.tie_rule = QComboBox()
        for key, text in TIE_RULES.items():
            self.tie_rule.addItem(text, key)
        self.consensus = QComboBox()
        for key, text in CONSENSUS_LABELS.items():
            self.consensus.addItem(text, key)
        self.tier_by = QComboBox()  # which number decides the tier
        for key in TIER_BY:
            self.tier_by.addItem("", key)
        self.item_rule = QComboBox()  # when an evidence item counts as done
        for key in ITEM_RULES:
            self.item_rule.addItem("", key)
        self.tiers = QTableWidget(0, 2)
        self.tiers.verticalHeader().setVisible(False)
        self.tiers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_tier = QPushButton()
        self.remove_tier = QPushButton()
        self.add_tier.clicked.connect(lambda: self._add_tier())
        self.remove_tier.clicked.connect(self._remove_tier)
        self.apply_button = QPushButton()
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.refresh)
        self.tier_hint = QLabel()
        self.tier_hint.setWordWrap(True)

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        self.labels = [QLabel() for _ in range(9)]
        for label, field in zip(
            self.labels,
            (
                self.title,
                self.year,
                self.period,
                self.per_alliance,
                self.rounding,
                self.tie_rule,
                self.consensus,
                self.tier_by,
                self.item_rule,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        self.tier_box = QGroupBox()
        tier_layout = QVBoxLayout(self.tier_box)
        tier_layout.addWidget(self.tiers)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(self.add_tier)
        tier_buttons.addWidget(self.remove_tier)
        tier_buttons.addStretch(1)
        tier_layout.addLayout(tier_buttons)
        tier_layout.addWidget(self.tier_hint)
        columns = QHBoxLayout()
        columns.addWidget(self.form_box, 3)
        columns.addWidget(self.tier_box, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            self.tr("Title"),
            self.tr("Year"),
            self.tr("Evaluation period"),
            self.tr("Reviewers per alliance"),
            self.tr("Printed scores"),
            self.tr("Equal totals"),
            self.tr("Consensus of reviewers"),
            self.tr("Tier decided by"),
            self.tr("Evidence item done when"),
        )
        self.tier_by.setItemText(0, self.tr("the exact total (as in 2015)"))
        self.tier_by.setItemText(1, self.tr("the printed, rounded score"))
        english = i18n.service_language() == "en"
        for index, (zh, en) in enumerate(ITEM_RULES.values()):
            self.item_rule.setItemText(index, en if english else zh)
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.form_box.setTitle(self.tr("Round"))
        self.tier_box.setTitle(self.tr("Tiers"))
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Lowest exact total")])
        self.add_tier.setText(self.tr("Add tier"))
        self.remove_tier.setText(self.tr("Remove tier"))
        self.apply_button.setText(self.tr("Apply"))
        self.revert_button.setText(self.tr("Revert"))
        self.tier_hint.setText(
            self.tr(
                "Highest tier first. A total at or above a tier's lowest total belongs to it; "
                "the last tier takes everything below. Which number is compared with the "
                "bounds, the exact total or the printed score, is the round's choice."
            )
        )

    def refresh(self) -> None:
        s = self.context.store.settings()
        self.title.setText(s.title)
        self.year.setValue(s.year)
        self.period.setText(s.period)
        self.per_alliance.setValue(s.reviewers_per_alliance)
        self.rounding.setCurrentIndex(max(0, self.rounding.findData(s.rounding)))
        self.tie_rule.setCurrentIndex(max(0, self.tie_rule.findData(s.tie_rule)))
        self.consensus.setCurrentIndex(max(0, self.consensus.findData(s.consensus_method)))
        self.tier_by.setCurrentIndex(max(0, self.tier_by.findData(s.tier_by)))
        self.item_rule.setCurrentIndex(max(0, self.item_rule.findData(s.item_rule)))
        self.tiers.setRowCount(0)
        for band in s.tiers:
            bound = "" if band.min_total is None else format_points(band.min_total)
            self._add_tier(band.name, bound)

    def _add_tier(self, name: str = "", bound: str = "") -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self.tiers.setItem(row, 0, QTableWidgetItem(name if isinstance(name, str) else ""))
        item = QTableWidgetItem(bound)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tiers.setItem(row, 1, item)

    def _remove_tier(self) -> None:
        row = self.tiers.currentRow()
        if row >= 0:
            self.tiers.removeRow(row)

    def wanted(self) -> dict[str, object]:
        rows = []
        for row in range(self.tiers.rowCount()):
            name, bound = self.tiers.item(row, 0), self.tiers.item(row, 1)
            rows.append((name.text() if name else "", bound.text() if bound else ""))
        return {
            "title": self.title.text().strip(),
            "year": self.year.value(),
            "period": self.period.text().strip(),
            "reviewers_per_alliance": self.per_alliance.value(),
            "rounding": self.rounding.currentData(),
            "tie_rule": self.tie_rule.currentData(),
            "consensus_method": self.consensus.currentData(),
            "tier_by": self.tier_by.currentData(),
            "item_rule": self.item_rule.currentData(),
            "tiers": setup.tiers_from_text(rows),
        }

    def apply(self) -> bool:
        store = self.context.store
        try:
            changes = self.wanted()
        except UserError as error:
            messages.refuse(self, error)
            return False

        def undo_pair(before: RoundSettings):  # type: ignore[no-untyped-def]
            return (
                lambda: setup.update_settings(store, **changes),
                lambda: store.write_settings(before),
            )

        current = store.settings()
        names = frozenset(k for k, v in changes.items() if getattr(current, k, None) != v)
        return apply_edit(
            self,
            self.context,
            self.tr("Change round settings"),
            lambda: setup.update_settings(store, **changes),
            undo_pair,
            Change(settings=names),
        )
