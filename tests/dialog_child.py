"""The main window and its help dialogs in a process of its own, for tests that look at
them on a real (small, scaled) screen: each dialog is shown in turn, and a line of JSON
says where it is, where its Close button is and what room the screen has; the test takes
its screenshot, then presses Enter on stdin for the next one.

python -m tests.dialog_child [FILE]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    from alliance_review.gui.app import make_application
    from alliance_review.gui.main_window import MainWindow

    app = make_application(["dialog-child"])
    window = MainWindow()
    window.show()
    if argv:
        window.open_path(Path(argv[0]))

    def report(name: str, widget: QWidget) -> None:
        app.processEvents()
        screen = widget.screen()
        room = screen.availableGeometry()
        frame = widget.frameGeometry()
        buttons = widget.findChild(QDialogButtonBox)
        close = buttons.geometry() if buttons is not None else None
        if close is not None:
            corner = buttons.mapToGlobal(buttons.rect().bottomRight())
            close_bottom, close_right = corner.y(), corner.x()
        else:
            close_bottom = close_right = 0
        print(
            json.dumps(
                {
                    "name": name,
                    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                    "room": [room.x(), room.y(), room.width(), room.height()],
                    "buttons_bottom_right": [close_right, close_bottom],
                    "scale": screen.devicePixelRatio(),
                }
            ),
            flush=True,
        )
        sys.stdin.readline()

    def run() -> None:
        report("main", window)
        for name, show in (
            ("guide", window.show_guide_here),
            ("shortcuts", window.show_shortcuts),
            ("about", window.show_about),
        ):
            dialog = show()
            dialog.raise_()
            dialog.activateWindow()
            QTest.qWait(500)  # mapped and placed by the window manager before the screenshot
            report(name, dialog)
            dialog.close()
        app.quit()

    QTimer.singleShot(500, run)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
