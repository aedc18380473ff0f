"""Screenshots of the main screens, and what text on them is cut off.

    QT_SCALE_FACTOR=2 python -m tests.screens OUT_DIR ROUND_FILE REVIEWER_FILE [SEALED_COPY]

Opens the window at 1024x700 (logical pixels, so 2048x1400 at 200 %) in Chinese and in
English: the reviewer workspace (and a sealed copy when given), then the round with each
tab and each set-up step. Writes ``{scale}x-{language}-{screen}.png`` to OUT_DIR and
prints one JSON object: {screen file name: [problems]}. Run by ``tests/test_screenshots.py``
in a process of its own, since the scale factor must be set before Qt starts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

WIDTH, HEIGHT = 1024, 700


def settle(app: object) -> None:
    """Let the window paint, and finish what it loads in the background (the ranking)."""
    from PySide6.QtTest import QTest

    from alliance_review.gui import tasks

    for _ in range(3):
        QTest.qWait(60)
    for _ in range(400):  # at most ~20 s
        if tasks.idle():
            break
        QTest.qWait(50)
    QTest.qWait(60)


def entry_states(ws: object) -> None:
    """Type into the first alliance as a reviewer might: a clear pending on 1.1, a score
    the indicator does not take on 1.2, a note near its length limit on 1.3."""
    from PySide6.QtCore import QMimeData, Qt
    from PySide6.QtTest import QTest

    from alliance_review.core.score_entry import MAX_NOTE_CHARS

    rows = ws.form.rows  # type: ignore[attr-defined]
    QTest.keyClicks(rows["1.1"].score_edit, "4")
    QTest.keyClick(rows["1.1"].score_edit, Qt.Key.Key_Return)  # saved
    QTest.keyClick(rows["1.1"].score_edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(rows["1.2"].score_edit, "44")
    text = QMimeData()
    text.setText("材料" * (MAX_NOTE_CHARS // 2 - 30))
    rows["1.3"].note_edit.insertFromMimeData(text)


def import_preview(ws: object, workbook: Path) -> object:
    """The preview of a workbook exported before work in the window: a change, and blank
    cells over saved scores (the highlighted group)."""
    import openpyxl

    from alliance_review.gui.reviewer.dialogs import ImportPreviewDialog
    from alliance_review.services.reviewer_sheet import (
        COL_SCORE,
        HEADER_ROW,
        SHEET_TITLE,
        export_sheet_file,
        read_sheet,
    )

    store = ws.session.store  # type: ignore[attr-defined]
    export_sheet_file(store.path, workbook)
    book = openpyxl.load_workbook(workbook)
    sheet = book[SHEET_TITLE]
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        sheet.cell(row, COL_SCORE).value = None  # as exported before any scoring
    sheet.cell(HEADER_ROW + 30, COL_SCORE).value = 1
    book.save(workbook)
    dialog = ImportPreviewDialog(read_sheet(store, workbook), workbook.name, ws)  # type: ignore[arg-type]
    dialog.show()
    workbook.unlink()
    return dialog


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    round_file, reviewer_file = Path(argv[1]), Path(argv[2])
    sealed = Path(argv[3]) if len(argv) > 3 else None
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ALLIANCE_REVIEW_CONFIG_DIR", tempfile.mkdtemp(prefix="screens-"))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from alliance_review.gui import i18n
    from alliance_review.gui.app import make_application
    from alliance_review.gui.main_window import MainWindow
    from tests.layout_check import clipped

    app = make_application(["screens"])
    # a message box would stop the run: none is expected, any is a finding
    found: dict[str, list[str]] = {}
    for name in ("warning", "information", "critical", "question"):
        setattr(
            QMessageBox,
            name,
            lambda *a, n=name: found.setdefault("message-boxes", []).append(f"{n}: {a[2]}"),
        )
    scale = os.environ.get("QT_SCALE_FACTOR", "1")

    def shoot(window: QWidget, screen: str, main: bool = True) -> None:
        settle(app)
        name = f"{scale}x-{language}-{screen}.png"
        window.grab().save(str(out / name))
        found[name] = clipped(window)
        if main and (window.width(), window.height()) != (WIDTH, HEIGHT):
            found[name].append(
                f"the window grew to {window.width()}x{window.height()}: its content does not "
                f"fit in {WIDTH}x{HEIGHT}"
            )
            window.resize(WIDTH, HEIGHT)

    from PySide6.QtWidgets import QWidget

    for language in ("zh_CN", "en"):
        QSettings().clear()
        i18n.set_language(language)
        window = MainWindow()
        window.resize(WIDTH, HEIGHT)
        window.show()
        settle(app)
        window.open_path(reviewer_file)
        shoot(window, "reviewer")
        entry_states(window.view)
        shoot(window, "reviewer-entries")
        window.view.actions_by_name["next"].trigger()  # type: ignore[union-attr]
        window.view.form.scroll_area.verticalScrollBar().setValue(10_000)  # type: ignore[union-attr]
        shoot(window, "reviewer-bottom")
        preview = import_preview(window.view, out / f"preview-{scale}x-{language}.xlsx")
        shoot(preview, "reviewer-import-preview", main=False)
        preview.close()
        if sealed is not None:
            window.open_path(sealed)
            shoot(window, "reviewer-sealed")
        window.open_path(round_file)
        view = window.view
        tabs = view.tabs  # type: ignore[union-attr]
        for name, tab in view.tab_by_name.items():  # type: ignore[union-attr]
            tabs.setCurrentWidget(tab)
            if name == "setup":
                for row in range(tab.steps.count()):
                    tab.steps.setCurrentRow(row)
                    shoot(window, f"round-setup-{row + 1}")
            else:
                shoot(window, f"round-{name}")
            if name == "publish":
                tab.views.setCurrentIndex(1)
                for _ in range(100):
                    if tab.statistics_view.stats is not None:
                        break
                    settle(app)
                shoot(window, "round-publish-statistics")
        window.close()
        window.deleteLater()
        settle(app)
    print(json.dumps(found, ensure_ascii=False, indent=1))
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
