"""``alliance-review gui [FILE] --self-test REPORT.json``: open, paint, report, quit.

For automated checks of an installed or frozen app where no person looks at the screen
(tests/test_bundle.py runs it on the offscreen platform): the window opens FILE as a user's
double click would, is painted once (a grab, saved beside the report as PNG), and the app
quits with 0 when the file opened (1 when it was refused: the sentence a user would have
read is in the report instead of a dialog, so nothing waits for a click).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from alliance_review.core.errors import UserError
from alliance_review.gui import help, i18n
from alliance_review.services import licences


def _qt_own_texts() -> list[str]:
    """The labels of Qt's own file dialog, as the user would read them."""
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    dialog.deleteLater()
    return texts


def run(app: QApplication, file: Path | None, report_path: Path, started: float) -> int:
    from alliance_review.gui.main_window import MainWindow, menu_titles
    from alliance_review.gui.messages import sentence
    from alliance_review.storage.files import identify

    report: dict[str, Any] = {"language": i18n.chosen_language(), "file": str(file or "")}
    window = MainWindow()
    window.show()
    status = 0
    if file is not None:
        try:
            identify(file)
        except UserError as error:
            report["refused"] = sentence(error)
            status = 1
        else:
            status = 0 if window.open_path(Path(file)) else 1
    QCoreApplication.processEvents()
    image = window.grab()
    report["painted_after_s"] = round(time.perf_counter() - started, 3)
    shot = report_path.with_suffix(".png")
    image.save(str(shot))
    report.update(
        {
            "role": window.role,
            "title": window.windowTitle(),
            "menus": menu_titles(window),
            "file_menu": [a.text() for a in window.file_menu.actions() if a.isVisible()],
            "view": type(window.view).__name__ if window.view is not None else "StartPage",
            "qt_file_dialog": _qt_own_texts(),
            "screenshot": str(shot),
            "size": [image.width(), image.height()],
            "cjk_font": any("WenQuanYi" in f for f in QFontDatabase.families()),
            "licences": [c.name for c in licences.python_packages() + licences.fonts()],
            "guides": [help.guide_path(role).is_file() for role in help.ROLES],
            "frozen": bool(getattr(sys, "frozen", False)),
        }
    )
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()
    QTimer.singleShot(0, lambda: app.exit(status))
    return app.exec()
