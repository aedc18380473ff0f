"""Soak: the reviewer window through thousands of keystrokes and hundreds of switches.

Run as its own process (``python tests/soak_reviewer.py FILE KEYS SWITCHES``) so that the
interpreter's teardown is part of what is checked: it must end with exit code 0.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget

from alliance_review.gui.app import make_application
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace

NOTE_TEXT = "材料齐全，年度工作总结和计划已提交 Summary ok; 会议纪要3份。"
SCORE_KEYS = "0123456789.-  "


def press(widget: QWidget, ch: str) -> None:
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
    )


def main(path: Path, keys: int, switches: int) -> int:
    app = make_application(["soak"])
    window = MainWindow()
    window.show()
    if not window.open_path(path):
        return 3
    workspace = window.view
    assert isinstance(workspace, ReviewerWorkspace)
    chooser = random.Random(20151231)
    rows = list(workspace.form.rows.values())
    typed = switched = 0
    keys_per_switch = max(1, keys // max(switches, 1))
    while typed < keys or switched < switches:
        if typed < keys:
            row = chooser.choice(rows)
            if chooser.random() < 0.3:
                field, text = row.score_edit, SCORE_KEYS
            else:
                field, text = row.note_edit.viewport(), NOTE_TEXT
            (row.score_edit if field is row.score_edit else row.note_edit).setFocus()
            for _ in range(min(keys_per_switch, keys - typed)):
                if chooser.random() < 0.1:
                    QTest.keyClick(field, Qt.Key.Key_Backspace)
                else:
                    press(field, chooser.choice(text))
                typed += 1
        if switched < switches:
            QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
            switched += 1
        app.processEvents()
    print(f"typed {typed} keys, switched {switched} times", flush=True)
    # closing over an invalid score asks; the reviewer answers "close, keep the score"
    QMessageBox.question = lambda *_a, **_k: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
