"""The drill-down: one alliance's indicator x reviewer matrix, notes, self-evaluation,
consensus, spread, and the panel's decisions."""

from __future__ import annotations

import html
from fractions import Fraction

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alliance_review.core import agreement
from alliance_review.core.documents import Document
from alliance_review.core.points import format_points
from alliance_review.core.rubric import RUBRIC_TOTAL, Indicator
from alliance_review.core.scoring import consensus
from alliance_review.gui.contrast import tone
from alliance_review.gui.history_chart import HistoryChart
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.panel import citation_links
from alliance_review.gui.panel.records import (
    ATTENTION,
    DECIDED,
    KEY_ROLE,
    Cell,
    Record,
    RecordsModel,
    compact_rows,
)
from alliance_review.gui.panel.texts import flag_text
from alliance_review.services.item_decisions import (
    ItemStatus,
    item_decision_log,
    item_name,
    item_status,
)
from alliance_review.services.panel import TOTAL, Analysis, decision_log
from alliance_review.storage import documents
from alliance_review.storage.round_store import RoundStore


def _points(value: Fraction | None) -> str:
    return "—" if value is None else format_points(value)


class DrillDownPage(QWidget):
    """Emits ``decide(alliance uid, indicator code or "")``, ``decide_item(uid, code)``
    (a decision on one of the indicator's evidence items), ``withdraw(uid, code)`` and
    ``back()``."""

    decide = Signal(str, str)
    #: (alliance uid, document id or -1 for the first, page from 1): show a document
    open_document = Signal(str, int, int)
    decide_item = Signal(str, str)
    withdraw = Signal(str, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alliance_uid = ""
        self.reviewer_names: list[str] = []
        self.notes: dict[str, str] = {}
        self.model = RecordsModel(self.headers, self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.decide_indicator_button = QPushButton()
        self.decide_indicator_button.clicked.connect(self._decide_indicator)
        self.decide_total_button = QPushButton()
        self.decide_total_button.clicked.connect(lambda: self.decide.emit(self.alliance_uid, TOTAL))
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self._withdraw)
        self.decide_item_button = QPushButton()
        self.decide_item_button.clicked.connect(self._decide_item)
        self.with_items: set[str] = set()  # indicator codes that carry evidence items
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        compact_rows(self.table)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _: self._decide_indicator())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_notes())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable_items())
        self.side = QTextBrowser()
        self.side.setMinimumWidth(300)
        self.side.setOpenLinks(False)  # a citation opens its page here; nothing else opens
        self.side.anchorClicked.connect(self._link_clicked)
        self.documents: list[Document] = []
        self.documents_button = QPushButton()
        self.documents_button.clicked.connect(
            lambda: self.open_document.emit(self.alliance_uid, -1, 1)
        )
        self.log_model = RecordsModel(self.log_headers, self)
        self.log = QTableView()
        self.log.setModel(self.log_model)
        self.log.verticalHeader().setVisible(False)
        self.log.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.log.horizontalHeader().setStretchLastSection(True)
        compact_rows(self.log)
        self.log_title = QLabel()
        self.log_title.setStyleSheet("font-weight: bold")
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 4, 0, 0)
        log_layout.addWidget(self.log_title)
        log_layout.addWidget(self.log, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(log_box)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        # the alliance's earlier years, when the round carries them (issue 17)
        self.history_chart = HistoryChart(lines=4.5)
        self.history_chart.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.history_chart)
        buttons = QHBoxLayout()
        buttons.addWidget(self.facts, 1)
        buttons.addWidget(self.decide_indicator_button)
        buttons.addWidget(self.decide_total_button)
        buttons.addWidget(self.decide_item_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.documents_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def headers(self) -> list[str]:
        return [
            self.tr("Indicator"),
            self.tr("Max"),
            self.tr("Self-evaluation"),
            *self.reviewer_names,
            self.tr("Consensus"),
            self.tr("Spread"),
            self.tr("Decision"),
        ]

    def log_headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Decides"),
            self.tr("Action"),
            self.tr("Decided"),
            self.tr("Rationale"),
        ]

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Indicators with every reviewer's points"))
        self.side.setAccessibleName(self.tr("Criteria, self-evaluation and evidence notes"))
        self.log.setAccessibleName(self.tr("Decision log of this alliance"))
        self.log_title.setText(self.tr("Decision log of this alliance"))
        self.log_model.retranslate()
        self.back_button.setText(self.tr("◀ Overview"))
        self.decide_indicator_button.setText(self.tr("Decide indicator…"))
        self.decide_total_button.setText(self.tr("Decide total…"))
        self.withdraw_button.setText(self.tr("Withdraw decision"))
        self.documents_button.setText(self.tr("Documents…"))
        self.documents_button.setToolTip(self.tr("What the alliance sent, page by page"))
        self.decide_item_button.setText(self.tr("Decide evidence item…"))
        self.decide_item_button.setToolTip(
            self.tr("Whether an evidence item of this indicator counts as done for the alliance")
        )
        self.model.retranslate()

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return str(self.model.index(index.row(), 0).data(KEY_ROLE))

    def _decide_indicator(self) -> None:
        code = self.current_code()
        if code is not None:
            self.decide.emit(self.alliance_uid, code)

    def _decide_item(self) -> None:
        code = self.current_code()
        if code in self.with_items:
            self.decide_item.emit(self.alliance_uid, code)

    def _enable_items(self) -> None:
        self.decide_item_button.setEnabled(self.current_code() in self.with_items)

    def _withdraw(self) -> None:
        code = self.current_code()
        self.withdraw.emit(self.alliance_uid, TOTAL if code is None else code)

    def _link_clicked(self, url: QUrl) -> None:
        target = citation_links.parse(url)
        if target is not None:
            self.open_document.emit(self.alliance_uid, target[0], target[1])

    def _show_notes(self) -> None:
        code = self.current_code()
        self.side.setHtml(self.notes.get(code or "", self.notes.get("", "")))

    def show_alliance(
        self, store: RoundStore, analysis: Analysis, uid: str, names: dict[str, str]
    ) -> None:
        keep = self.current_code()
        self.alliance_uid = uid
        alliance = next(a for a in store.alliances() if a.uid == uid)
        self.documents = documents.documents(store.conn, uid)
        self.documents_button.setEnabled(bool(self.documents))
        years = store.history(uid)
        self.history_chart.setVisible(bool(years))
        if years:
            rounds = store.history_rounds()
            self.history_chart.show_years(
                years,
                {r.year: r.full for r in rounds},
                {r.year: [t.name for t in r.tiers] for r in rounds},
            )
        rubric = analysis.rubric
        per_indicator = analysis.table.get(uid, {})
        reviewers = sorted(
            agreement.reviewer_totals(per_indicator), key=lambda r: analysis.reviewer_order[r]
        )
        self.reviewer_names = [names.get(r, r) for r in reviewers]
        method = analysis.result.settings.consensus_method
        self_scores = store.self_scores()
        mine = [s for s in store.scores() if s.alliance_uid == uid]
        notes = {(s.reviewer_uid, s.indicator_code): s.note for s in mine}
        # what each reviewer ticked, and why points depart from the rule, beside the note
        ticked: dict[tuple[str, str], list[str]] = {}
        for reviewer_uid, _, code, key in sorted(store.item_ticks(uid)):
            ticked.setdefault((reviewer_uid, code), []).append(key)
        statuses: dict[str, list[ItemStatus]] = {}
        for status in item_status(store, uid):
            statuses.setdefault(status.code, []).append(status)
        self.with_items = set(statuses)
        reasons = {(s.reviewer_uid, s.indicator_code): s.override_reason for s in mine}
        decisions = analysis.decisions
        records: list[Record] = []
        self.notes = {}
        for indicator in rubric.indicators():
            by_reviewer = per_indicator.get(indicator.code, {})
            values = list(by_reviewer.values())
            computed = consensus(values, method) if values else None
            spread = agreement.spread(values)
            decision = decisions.get((uid, indicator.code))
            self_points, self_note = self_scores.get((uid, indicator.code), (None, ""))
            cells = [
                Cell(
                    f"{indicator.code} {indicator.name}",
                    tooltip=indicator.criteria,
                    align_center=False,
                ),
                Cell(format_points(indicator.max_points)),
                Cell(_points(self_points), tooltip=self_note),
            ]
            for reviewer in reviewers:
                cells.append(
                    Cell(
                        _points(by_reviewer.get(reviewer)),
                        tooltip=notes.get((reviewer, indicator.code), ""),
                    )
                )
            cells += [
                Cell(_points(computed)),
                Cell(
                    format_points(spread),
                    background=ATTENTION if spread > indicator.max_points / 2 else None,
                ),
                Cell(
                    "" if decision is None else format_points(decision[0]),
                    tooltip="" if decision is None else decision[1],
                    background=DECIDED if decision else None,
                ),
            ]
            records.append(Record(indicator.code, cells))
            self.notes[indicator.code] = self._notes_html(
                indicator.code + " " + indicator.name,
                indicator.criteria,
                self_points,
                self_note,
                [
                    (
                        names.get(r, r),
                        by_reviewer.get(r),
                        self._with_items(
                            indicator,
                            notes.get((r, indicator.code), ""),
                            ticked.get((r, indicator.code), []),
                            reasons.get((r, indicator.code), ""),
                        ),
                    )
                    for r in reviewers
                ],
                decision,
                statuses.get(indicator.code, []),
            )
        totals = agreement.reviewer_totals(per_indicator)
        computed_total = agreement.consensus_total(rubric, per_indicator, method)
        total_decision = decisions.get((uid, TOTAL))
        self_total = sum(
            (p for (a, _), (p, _) in self_scores.items() if a == uid and p is not None),
            Fraction(0),
        )
        records.append(
            Record(
                TOTAL,
                [
                    Cell(self.tr("Total"), align_center=False),
                    Cell(format_points(RUBRIC_TOTAL)),
                    Cell(format_points(self_total)),
                    *[Cell(format_points(totals[r])) for r in reviewers],
                    Cell(_points(computed_total)),
                    Cell(
                        format_points(agreement.spread(totals.values())),
                        background=ATTENTION
                        if agreement.spread(totals.values()) > analysis.total_span
                        else None,
                    ),
                    Cell(
                        "" if total_decision is None else format_points(total_decision[0]),
                        tooltip="" if total_decision is None else total_decision[1],
                        background=DECIDED if total_decision else None,
                    ),
                ],
            )
        )
        self.notes[TOTAL] = self._notes_html(self.tr("Total"), "", None, "", [], total_decision)
        self.model.set_records(records)
        self._show_log(store, uid)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._facts(analysis, uid, names, alliance.name)
        row = next((n for n, r in enumerate(records) if r.key == keep), 0 if keep is None else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._show_notes()
        self._enable_items()

    def _show_log(self, store: RoundStore, uid: str) -> None:
        """The alliance's decisions on points and on evidence items, newest first."""
        entries: list[tuple[str, Record]] = []
        for number, (alliance_uid, code, points, rationale, at, action) in enumerate(
            decision_log(store)
        ):
            if alliance_uid != uid:
                continue
            entries.append((at, self._log_record(number, at, code or self.tr("Total"),
                                                 action, _points(points), rationale)))  # fmt: skip
        for number, (_, code, key, done, rationale, at, action) in enumerate(
            item_decision_log(store, uid)
        ):
            what = f"{code} {item_name(store, code, key)}"
            outcome = (
                "" if done is None
                else self.tr("counts as done") if done else self.tr("does not count")
            )  # fmt: skip
            entries.append((at, self._log_record(("item", number), at, what, action, outcome,
                                                 rationale)))  # fmt: skip
        entries.sort(key=lambda entry: entry[0])  # stable: same-second entries keep order
        self.log_model.set_records([record for _, record in reversed(entries)])
        self.log.resizeColumnsToContents()

    def _log_record(
        self, key: object, at: str, what: str, action: str, outcome: str, rationale: str
    ) -> Record:
        return Record(
            key,
            [
                Cell(at.replace("T", " ")[:19]),
                Cell(what, tooltip=what),
                Cell(self.tr("set") if action == "set" else self.tr("withdrawn")),
                Cell(outcome),
                Cell(rationale, tooltip=rationale, align_center=False),
            ],
        )

    def _facts(self, analysis: Analysis, uid: str, names: dict[str, str], name: str) -> None:
        ranked = next((r for r in analysis.result.ranking if r.alliance.uid == uid), None)
        self.title.setText(name)
        parts = []
        if ranked is not None:
            parts.append(
                fill_in(
                    self.tr("Rank %1 · %2 · total %3"),
                    str(ranked.rank),
                    ranked.tier.name,
                    format_points(ranked.total),
                )
            )
        conflicts = [names.get(r, r) for r in analysis.conflicts.get(uid, [])]
        if conflicts:
            parts.append(
                "<b>"
                + html.escape(fill_in(self.tr("Steps out: %1"), "、".join(conflicts)))
                + "</b>"
            )
        flags = analysis.flags.get(uid, [])
        if flags:
            parts.append(
                f'<span style="color:{tone("#b3261e", "#ff8080")}">'
                + html.escape(
                    fill_in(
                        self.tr("Needs discussion: %1"),
                        "; ".join(flag_text(f, names) for f in flags),
                    )
                )
                + "</span>"
            )
        self.facts.setText("<br>".join(parts))

    def _with_items(self, indicator: Indicator, note: str, keys: list[str], reason: str) -> str:
        """A reviewer's note followed by the evidence items they ticked and their reason."""
        if not indicator.items:
            return note
        names = [i.name for i in indicator.items if i.key in keys]
        lines = [note] if note else []
        lines.append(fill_in(self.tr("Ticked: %1"), "、".join(names) if names else self.tr("none")))
        if reason:
            lines.append(fill_in(self.tr("Why other points than the rule suggests: %1"), reason))
        return "\n".join(lines)

    def _notes_html(
        self,
        title: str,
        criteria: str,
        self_points: Fraction | None,
        self_note: str,
        reviewers: list[tuple[str, Fraction | None, str]],
        decision: tuple[Fraction, str] | None,
        items: list[ItemStatus] | None = None,
    ) -> str:
        e = html.escape
        criteria_label = self.tr("Criteria")
        self_label = self.tr("Self-evaluation")
        no_note = self.tr("no note")
        decision_label = self.tr("Panel decision")
        out = [f"<h3>{e(title)}</h3>"]
        if criteria:
            out.append(f"<p><i>{e(criteria_label)}:</i> {e(criteria)}</p>")
        if self_note or self_points is not None:
            out.append(f"<p><b>{e(self_label)} ({_points(self_points)})</b><br>{e(self_note)}</p>")
        for name, points, note in reviewers:
            text = (
                citation_links.note_html(note, self.documents)
                + citation_links.cites_html(note, self.documents)
                if note
                else f"<i>{e(no_note)}</i>"
            )
            out.append(f"<p><b>{e(name)} ({_points(points)})</b><br>{text}</p>")
        if decision is not None:
            out.append(
                f"<p style='background:#e3effd; color:#000'><b>{e(decision_label)} "
                f"({format_points(decision[0])})</b><br>{e(decision[1])}</p>"
            )
        if items:
            out.append(self._items_html(items))
        return "".join(out)

    def _items_html(self, items: list[ItemStatus]) -> str:
        """Each evidence item: how many reviewers ticked it, what counts, the panel's word."""
        e = html.escape
        lines = []
        for status in items:
            counts = self.tr("counts as done") if status.done else self.tr("does not count")
            line = fill_in(
                self.tr("%1: ticked by %2 of %3, %4"),
                status.name,
                str(status.ticked),
                str(status.reviewers),
                counts,
            )
            text = e(line)
            if status.decision is not None:
                text = (
                    f"<span style='background:#e3effd; color:#000'>{text} "
                    + e(fill_in(self.tr("(panel decision: %1)"), status.decision[1]))
                    + "</span>"
                )
            lines.append(text)
        return f"<p><b>{e(self.tr('Evidence items'))}</b><br>" + "<br>".join(lines) + "</p>"
