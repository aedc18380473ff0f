"""A reviewer who uses no mouse: open the file, score, mark done, submit, by keys alone.

Any mouse event that reaches the application fails the test. The file dialog is Qt's own
(offscreen there is no native one), typed into as a person does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

from alliance_review.core.points import format_points
from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.services.reviewer_workflow import progress_of
from alliance_review.storage.reviewer_store import ReviewerStore
from tests.gui_support import type_text
from tests.reviewer_support import issue_one, score_fully

MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}


class NoMouse(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE:
            self.seen.append(f"{event.type().name} on {type(watched).__name__}")
        return False


def focused() -> QWidget:
    """The widget with the keyboard focus: where a person's keys go."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    return target


def key(qtbot, sequence: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as the window system delivers it."""
    qtbot.keyClick(focused(), sequence, modifiers)


def test_a_reviewer_opens_scores_and_submits_with_the_keyboard_alone(
    qtbot, demo_round: Path, tmp_path: Path
):
    i18n.set_language("zh_CN")
    mine = tmp_path / "mine.alr-review"
    shutil.copyfile(issue_one(demo_round, tmp_path / "issued"), mine)
    with ReviewerStore.open(mine) as store:  # the work of the days before: all but two
        alliances = store.alliances()
        for alliance in alliances[:-2]:
            score_fully(store, alliance.uid)
            store.set_done(alliance.uid, True)
    no_mouse = NoMouse()
    QApplication.instance().installEventFilter(no_mouse)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitActive(window):
            window.activateWindow()

        # Ctrl+O, then type the file's path into Qt's file dialog and press Enter
        def fill_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QFileDialog)
            name = QApplication.focusWidget()
            assert isinstance(name, QLineEdit)
            qtbot.keyClicks(name, str(mine))
            qtbot.keyClick(name, Qt.Key.Key_Return)

        QTimer.singleShot(200, fill_dialog)
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.view is not None and window.role == "reviewer")
        workspace = window.view
        # the dialog closed: the window manager gives the main window back its activation
        # (the offscreen platform has no window manager, so the test does it)
        with qtbot.waitActive(window):
            window.activateWindow()
        assert QApplication.focusWidget() is not None
        assert workspace.isAncestorOf(QApplication.focusWidget())

        # Ctrl+J: the next unfinished alliance, the cursor in its first score
        key(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
        rubric = workspace.session.rubric
        indicators = list(rubric.indicators())
        scored: list[str] = []
        for number in range(2):
            uid = workspace.form.uid
            scored.append(uid)
            assert uid not in workspace.session.done
            for position, indicator in enumerate(indicators):
                field = QApplication.focusWidget()
                assert field is workspace.form.rows[indicator.code].score_edit
                if number == 0 and position == 0:
                    # a slip of the finger, corrected
                    type_text(focused(), format_points(indicator.max_points - indicator.step))
                    key(qtbot, Qt.Key.Key_Backspace)
                if number == 1 and position == 2:
                    # below full marks: an evidence note is needed, typed in Chinese
                    type_text(focused(), format_points(indicator.max_points - indicator.step))
                    key(qtbot, Qt.Key.Key_Tab)
                    type_text(focused(), "专家委员会未召开会议")
                    key(qtbot, Qt.Key.Key_Tab)
                    continue
                type_text(focused(), format_points(indicator.max_points))
                key(qtbot, Qt.Key.Key_Tab)  # to the note
                type_text(focused(), "材料齐全")
                key(qtbot, Qt.Key.Key_Tab)  # to the next indicator
            # nothing left for the "not yet complete" warning to name
            assert workspace.session.missing(uid) == []
            # Ctrl+Return: done, and on to the next unfinished alliance
            key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda u=uid: u in workspace.session.done)
        assert workspace.session.done >= {a.uid for a in alliances}

        # Ctrl+Shift+S submits; the message is closed with Enter
        revision = workspace.session.meta.revision
        key(
            qtbot,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not box.isVisible())
        sent = mine.with_name(f"mine-提交-r{revision + 1}.alr-review")
        assert sent.is_file()
    finally:
        QApplication.instance().removeEventFilter(no_mouse)
    with ReviewerStore.open(sent) as store:
        progress = progress_of(store)
        assert progress.done == progress.alliances == len(alliances)
        note = store.scores()[(scored[1], indicators[2].code)]
        assert note == (indicators[2].max_points - indicators[2].step, "专家委员会未召开会议")
    assert no_mouse.seen == []
