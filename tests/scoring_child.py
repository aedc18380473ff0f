"""A reviewer window in a process of its own, for tests that type into it and then quit it
or kill it: from inside (``--type``: keys sent by QTest, offscreen) or from outside (xdotool
in a real X server). It says on stdout what each score field holds after every change
("text 1.2 2.5"), when a field gains the focus ("focus 1.2") and when a question is asked,
so that the test acts only once the window has seen the keys.

python -m tests.scoring_child FILE CODE [--type TEXT]
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    from alliance_review.gui.app import make_application
    from alliance_review.gui.main_window import MainWindow

    path, code = Path(argv[0]), argv[1]
    typed = argv[argv.index("--type") + 1] if "--type" in argv else None
    app = make_application(["scoring-child"])
    window = MainWindow()
    window.show()
    if not window.open_path(path):
        return 3
    ws = window.view
    for each, row in ws.form.rows.items():  # type: ignore[union-attr]
        edit = row.score_edit
        edit.textChanged.connect(lambda t, c=each: print(f"text {c} {t}", flush=True))
        edit.focused.connect(lambda c=each: print(f"focus {c}", flush=True))
    real_question = QMessageBox.question

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        print("question", flush=True)
        return real_question(*args, **kwargs)  # type: ignore[arg-type]

    QMessageBox.question = question  # type: ignore[method-assign]
    from alliance_review.gui.reviewer import transfer

    # the window's shortcut reached the workspace (no file dialog in this harness)
    transfer.export_workbook = lambda _ws: print("export", flush=True)  # type: ignore[assignment]

    def start() -> None:
        window.activateWindow()
        ws.form.focus_indicator(code)  # type: ignore[union-attr]
        if typed is not None:
            edit = ws.form.rows[code].score_edit  # type: ignore[union-attr]
            edit.selectAll()
            QTest.keyClicks(edit, typed)
            print(f"typed {edit.text()} {edit.state.name}", flush=True)

    QTimer.singleShot(0, start)
    status = app.exec()
    print("quit", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
