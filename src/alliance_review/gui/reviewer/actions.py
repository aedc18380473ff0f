"""The workspace's actions, by name, with their shortcuts, menu and texts.

Every action lives in ``workspace.actions_by_name`` (its enabled state is testable) and
in the Scoring menu, so the whole job can be done from the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from alliance_review.gui.i18n import fill_in

if TYPE_CHECKING:
    from alliance_review.gui.reviewer.workspace import ReviewerWorkspace

translate = QCoreApplication.translate
#: actions that change the file: disabled on a sealed (read-only) copy
WRITING = ("mark_done", "reopen", "import_sheet", "submit")


def build_actions(ws: ReviewerWorkspace) -> None:
    key = Qt.Key
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    menu = ws.scoring_menu

    def action(name: str, slot: Callable[[], object], *shortcuts: object) -> QAction:
        made = QAction(ws)
        if shortcuts:
            made.setShortcuts([QKeySequence(s) for s in shortcuts])  # type: ignore[call-overload]
        made.triggered.connect(lambda _checked=False: slot())
        made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        ws.actions_by_name[name] = made
        menu.addAction(made)
        return made

    action("mark_done", ws.mark_done_and_next, ctrl | key.Key_Return, ctrl | key.Key_Enter)
    action("reopen", ws.reopen, ctrl | shift | key.Key_Return)
    menu.addSeparator()
    action("next", ws.next_alliance, ctrl | key.Key_PageDown, "Alt+Down")
    action("previous", ws.previous_alliance, ctrl | key.Key_PageUp, "Alt+Up")
    action("next_unfinished", ws.next_unfinished, "Ctrl+J")
    action("find", ws.find_alliance, QKeySequence.StandardKey.Find)
    menu.addSeparator()
    action("export_sheet", ws.export_workbook, "Ctrl+E")
    action("import_sheet", ws.import_workbook, "Ctrl+I")
    menu.addSeparator()
    action("submit", ws.submit, "Ctrl+Shift+S")
    from alliance_review.gui.reviewer.fields import WINDOW_KEYS

    WINDOW_KEYS.update(
        k.toString() for a in ws.actions_by_name.values() for k in a.shortcuts() if not k.isEmpty()
    )


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def retranslate_actions(ws: ReviewerWorkspace) -> None:
    a = ws.actions_by_name
    a["mark_done"].setText(translate("ReviewerWorkspace", "Mark &done and go to next unfinished"))
    a["reopen"].setText(translate("ReviewerWorkspace", "&Reopen alliance"))
    a["next"].setText(translate("ReviewerWorkspace", "&Next alliance"))
    a["previous"].setText(translate("ReviewerWorkspace", "&Previous alliance"))
    a["next_unfinished"].setText(translate("ReviewerWorkspace", "Next &unfinished alliance"))
    a["find"].setText(translate("ReviewerWorkspace", "&Find alliance"))
    a["export_sheet"].setText(translate("ReviewerWorkspace", "&Export scoring workbook…"))
    a["import_sheet"].setText(translate("ReviewerWorkspace", "&Import scoring workbook…"))
    a["submit"].setText(translate("ReviewerWorkspace", "&Submit for return…"))
    ws.scoring_menu.setTitle(translate("ReviewerWorkspace", "&Scoring"))


def key_hint(ws: ReviewerWorkspace) -> str:
    """The one line that says how to move through the work."""
    a = ws.actions_by_name
    return fill_in(
        translate(
            "ReviewerWorkspace",
            "Tab next field · %1 done, next · %2 / %3 next / previous · Ctrl+Z undo",
        ),
        shortcut_text(a["mark_done"]),
        shortcut_text(a["next"]),
        shortcut_text(a["previous"]),
    )
