"""Application start-up: QApplication, the shipped CJK font, translations, the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from alliance_review.gui import i18n
from alliance_review.services.resources import font_path
from alliance_review.system.places import config_dir

APP_NAME = "alliance-review"
ORGANISATION = "alliance-review"


def load_fonts(app: QApplication) -> str | None:
    """Load the shipped WenQuanYi Micro Hei so Chinese never renders as boxes."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([app.font().family(), families[0]])
    app.setFont(font)
    return families[0]


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir()))
    load_fonts(app)
    i18n.install()
    from alliance_review.gui import contrast

    contrast.install()
    return app


def install_last_resort() -> None:
    """Unexpected errors: one dialog, a log file, and the app keeps running."""
    from alliance_review.gui import last_resort

    last_resort.install()


def run(file: Path | None = None, self_test: Path | None = None) -> int:
    started = time.perf_counter()
    app = make_application()
    if self_test is not None:  # an unexpected error ends the check with a traceback
        from alliance_review.gui import self_test as check

        return check.run(app, file, self_test, started)
    install_last_resort()
    from alliance_review.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if file is not None:
        window.open_path(Path(file))
    return app.exec()
