"""Issue reviewer files: one self-contained file per reviewer into a chosen folder."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
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

from alliance_review.core.documents import MAIL_LIMIT_BYTES
from alliance_review.core.errors import UserError
from alliance_review.gui import i18n, messages
from alliance_review.gui.contrast import tone
from alliance_review.gui.i18n import fill_in
from alliance_review.gui.notice import Aspect, Change
from alliance_review.gui.round_view import RoundContext
from alliance_review.gui.setup.commands import last_folder
from alliance_review.gui.setup.page import SetupPage
from alliance_review.gui.table_rows import MEASURED_ROWS
from alliance_review.gui.tasks import Progress, Task, run_task
from alliance_review.services import assigning
from alliance_review.services.documents import size_text
from alliance_review.services.reviewer_files import issued_sizes, reviewer_file_name
from alliance_review.services.reviewer_keys import revoke
from alliance_review.storage.panel_rows import IssuedKey


class IssuePage(SetupPage):
    name = "issue"
    label = QT_TRANSLATE_NOOP("SetupTab", "Reviewer files")
    depends_on = frozenset(
        {
            Aspect.ASSIGNMENTS,
            Aspect.ROSTER,
            Aspect.REVIEWERS,
            Aspect.RUBRIC,
            Aspect.SETTINGS,
            Aspect.SELF_EVALUATIONS,
            Aspect.LOCK,
            Aspect.ISSUED,
            Aspect.DOCUMENTS,
        }
    )

    def __init__(self, context: RoundContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.readiness = QLabel()
        self.readiness.setWordWrap(True)
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(lambda: self.issue())
        #: documents in a separate package beside each file (for files too large to mail)
        self.apart = QCheckBox()
        #: retire the selected reviewer's signing key without issuing a file (a lost file)
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(lambda: self.revoke())
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._enable_revoke)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(MEASURED_ROWS)  # rows in view
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setOpenExternalLinks(True)  # the folder opens in the file manager
        self.written: list[Path] = []
        #: the reviewers in the table's order, and the uids holding a current key
        self.reviewer_uids: list[str] = []
        self.holding: set[str] = set()
        row = QHBoxLayout()
        row.addWidget(self.issue_button)
        row.addWidget(self.apart)
        row.addStretch(1)
        row.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.readiness)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Reviewer files to issue"))
        self.intro.setText(
            self.tr(
                "Each reviewer gets one file holding the rubric, the alliances assigned to "
                "them and those alliances' self-evaluations; nothing about other reviewers "
                "or their assignments. Reviewers score in the app, offline, and send the "
                "file back for the panel to merge."
            )
        )
        self.issue_button.setText(self.tr("Issue reviewer files…"))
        self.apart.setText(self.tr("Documents in a separate package beside each file"))
        self.revoke_button.setText(self.tr("Revoke signing key…"))
        self.revoke_button.setToolTip(
            self.tr(
                "For a file lost or handed to someone else: every file issued to the selected "
                "reviewer so far stops counting (the merge refuses what is signed with it) "
                "until a new file is issued to them."
            )
        )
        self.apart.setToolTip(
            self.tr(
                "For files too large to e-mail: each reviewer file then holds no document "
                "contents, and a zip package of its documents is written beside it (the app "
                "checks each document by its fingerprint)."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Reviewer"),
                self.tr("Alliances"),
                self.tr("With self-evaluation"),
                self.tr("Signing key"),
                self.tr("File name"),
            ]
        )

    def refresh(self) -> None:
        store = self.context.store
        assignment = store.assignments()
        evaluated = {a for a, _ in store.self_scores()}
        year = store.settings().year
        reviewers = store.reviewers()
        keys = store.latest_keys()
        self.reviewer_uids = [r.uid for r in reviewers]
        self.holding = {uid for uid, key in keys.items() if key.retired_at is None}
        self.table.setRowCount(len(reviewers))
        for r, reviewer in enumerate(reviewers):
            mine = [a for a, rs in assignment.items() if reviewer.uid in rs]
            values = (
                reviewer.name,
                str(len(mine)),
                str(sum(1 for a in mine if a in evaluated)),
                self.key_text(keys.get(reviewer.uid)),
                reviewer_file_name(year, reviewer) if mine else "—",
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        reasons = assigning.readiness(store)
        english = i18n.service_language() == "en"
        if reasons:
            self.readiness.setStyleSheet(f"color: {tone('#a40000', '#ff8080')};")
            self.readiness.setText(
                self.tr("Not ready: ") + " ".join(en if english else zh for zh, en in reasons)
            )
        else:
            self.readiness.setStyleSheet(f"color: {tone('#2e7d32', '#3ff23f')};")
            self.readiness.setText(
                self.tr("Ready: the rubric is complete and every alliance has its reviewers.")
            )
        self.issue_button.setEnabled(not reasons)
        self._enable_revoke()

    def key_text(self, key: IssuedKey | None) -> str:
        """The state of the key of the file issued to a reviewer last."""
        if key is None:
            return self.tr("No file issued")
        if key.retired_at is None:
            return fill_in(self.tr("Valid, issued %1"), key.issued_at[:16].replace("T", " "))
        return fill_in(self.tr("Revoked %1"), key.retired_at[:16].replace("T", " "))

    def selected_uid(self) -> str | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.reviewer_uids[row] if row < len(self.reviewer_uids) else None

    def _enable_revoke(self) -> None:
        uid = self.selected_uid()
        locked = self.context.store.settings().locked
        self.revoke_button.setEnabled(uid is not None and uid in self.holding and not locked)

    def revoke(self) -> bool:
        """Retire the selected reviewer's current key, after a question that says what
        it does to the files already sent."""
        uid = self.selected_uid()
        if uid is None or uid not in self.holding:
            return False
        name = next((r.name for r in self.context.store.reviewers() if r.uid == uid), uid)
        question = fill_in(
            self.tr(
                "Revoke %1's signing key? Every file issued to %1 so far stops counting: the merge "
                "refuses a submission signed with it. To let %1 score again, issue a new file."
            ),
            name,
        )
        if not messages.ask(self, question):
            return False
        try:
            revoke(self.context.store, uid)
        except UserError as error:
            messages.refuse(self, error)
            return False
        self.context.announce(Change(issued=True))  # this page, in view, refreshes with it
        self.result.setText(
            html.escape(
                fill_in(
                    self.tr(
                        "%1's signing key is revoked: files signed with it are refused from now on."
                    ),
                    name,
                )
            )
        )
        return True

    def issue(self, folder: Path | None = None) -> Task | None:
        if folder is None:
            start = last_folder()
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the reviewer files"), start
            )
            if not name:
                return None
            folder = Path(name)
        round_path = self.context.path
        chosen = folder
        apart = self.apart.isChecked()
        in_the_way = assigning.files_in_the_way(round_path, chosen)
        packages = assigning.packages_in_the_way(round_path, chosen) if apart else []
        question = ""
        if in_the_way or packages:
            question = (
                self.tr(
                    "%n reviewer file(s) of this round are already in this folder. Replace "
                    "them? Scores a reviewer entered in one of them would be lost.",
                    "",
                    len(in_the_way),
                )
                if in_the_way
                else ""
            )
            if packages:
                question += (" " if question else "") + self.tr(
                    "%n document package(s) in this folder would be replaced.", "", len(packages)
                )
        store = self.context.store
        holding = {uid for uid, key in store.latest_keys().items() if key.retired_at is None}
        earlier = holding & {uid for uids in store.assignments().values() for uid in uids}
        if earlier:  # the reviewers who get a new file hold one issued before
            question += (" " if question else "") + self.tr(
                "%n reviewer(s) already hold a file issued before: those earlier files stop "
                "counting (the merge refuses what is signed with them), so send each of them "
                "the new file.",
                "",
                len(earlier),
            )
            if not (in_the_way or packages):
                question += " " + self.tr("Issue the new files?")
        if in_the_way or packages or earlier:
            if not messages.ask(self, question):
                return None
        replace = bool(in_the_way or packages)

        def written(issued: tuple[list[Path], list[tuple[Path, int, int]]]) -> None:
            paths, sizes = issued
            self.written = paths
            # The round file does not record issuing; the rubric editor warns from this.
            self.context.setProperty("issued_folder", str(chosen))
            self.context.announce(Change(issued=True))
            link = QUrl.fromLocalFile(str(chosen)).toString()
            self.result.setText(
                fill_in(
                    html.escape(self.tr("%n reviewer file(s) written to %1", "", len(paths))),
                    f'<a href="{link}">{html.escape(str(chosen))}</a>',
                )
                + self.sizes_html(sizes)
            )

        def work(progress: Progress) -> tuple[list[Path], list[tuple[Path, int, int]]]:
            paths = assigning.issue_files(round_path, chosen, progress, replace, apart)
            return paths, issued_sizes(paths, apart)

        return run_task(self, self.tr("Writing reviewer files…"), work, written)

    def sizes_html(self, sizes: list[tuple[Path, int, int]]) -> str:
        """The files' sizes, and whether they are too large for e-mail."""
        if not sizes:
            return ""
        largest = max(size for _, size, _ in sizes)
        packages = sum(package for _, _, package in sizes)
        text = fill_in(self.tr("Largest file %1"), size_text(largest))
        if packages:
            text += fill_in(self.tr("; document packages %1 in all"), size_text(packages))
        too_large = [path for path, size, _ in sizes if size > MAIL_LIMIT_BYTES]
        line = f"<br>{html.escape(text)}."
        if too_large:
            warning = fill_in(
                self.tr(
                    "%n file(s) are larger than %1, too large for most e-mail: issue again with "
                    "the documents in a separate package, or send them by a file-sharing link or "
                    "a USB stick.",
                    "",
                    len(too_large),
                ),
                size_text(MAIL_LIMIT_BYTES),
            )
            colour = tone("#a40000", "#ff8080")
            line += f'<br><span style="color:{colour}">{html.escape(warning)}</span>'
        return line
