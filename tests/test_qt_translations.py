"""Qt's own dialogs speak Chinese in the Chinese interface: file dialogs, message boxes,
context menus, progress and input dialogs (qtbase_zh_CN.qm plus resources/i18n/qtextra)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QWidget,
)

from alliance_review.gui import i18n

HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")
EVERY_BUTTON = (
    "Ok Save SaveAll Open Yes YesToAll No NoToAll Abort Retry Ignore Close Cancel Discard "
    "Help Apply Reset RestoreDefaults"
).split()


@pytest.fixture
def chinese(qapp):
    i18n.set_language("zh_CN")
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.install()


def visible_texts(widget: QWidget) -> list[str]:
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        for attribute in ("text", "toolTip", "windowTitle", "placeholderText"):
            getter = getattr(child, attribute, None)
            try:
                value = getter() if callable(getter) else None
            except TypeError:
                continue
            if isinstance(value, str) and value.strip():
                found.append(value)
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for column in range(model.columnCount()):
                title = model.headerData(column, Qt.Orientation.Horizontal)
                if title:
                    found.append(str(title))
    found += [a.text() for a in widget.findChildren(QAction) if a.text()]
    return found


def english_left(texts: list[str]) -> list[str]:
    """Texts with an English word and no Chinese character (file filters' "*.a" are fine)."""
    return sorted({t for t in texts if WORD.search(t) and not HAN.search(t) and "(*." not in t})


def test_qt_file_dialogs_are_translated(qtbot, chinese):
    texts = []
    for mode, accept in (
        (QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen),
        (QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
        (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen),
    ):
        dialog = QFileDialog()
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(mode)
        dialog.setAcceptMode(accept)
        dialog.setNameFilters(["评价轮次文件 (*.alr-round)"])
        dialog.show()
        texts += visible_texts(dialog)
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert english_left(texts) == []


def test_qt_message_boxes_menus_and_progress_dialogs_are_translated(qtbot, chinese):
    box = QMessageBox()
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton.NoButton
    for name in EVERY_BUTTON:
        buttons |= getattr(QMessageBox.StandardButton, name)
    box.setStandardButtons(buttons)
    box.setDetailedText("…")
    box.show()
    texts = visible_texts(box)
    assert {"确定", "取消", "是(&Y)", "否(&N)"} <= set(texts)
    for editor in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(editor)
        menu = editor.createStandardContextMenu()
        texts += [a.text() for a in menu.actions() if a.text()]
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.show()
    texts += visible_texts(progress)
    asking = QInputDialog()
    qtbot.addWidget(asking)
    asking.show()
    texts += visible_texts(asking)
    assert any(t.startswith("复制(&C)") for t in texts)
    assert english_left(texts) == []


def test_the_file_dialog_names_a_folder_and_a_file_in_chinese(qtbot, chinese, tmp_path):
    """The file dialog's list said "Folder" in the Chinese interface."""
    from PySide6.QtWidgets import QFileSystemModel, QTreeView

    (tmp_path / "评审专家文件").mkdir()
    (tmp_path / "轮次.alr-round").write_bytes(b"x")
    dialog = QFileDialog(None, "", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    view = dialog.findChild(QTreeView)
    assert model is not None and view is not None
    root = model.index(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(root) == 2)
    kinds = {
        model.index(row, 0, root).data(): model.index(row, 2, root).data()
        for row in range(model.rowCount(root))
    }
    assert kinds["评审专家文件"] == "文件夹"
    assert english_left(list(kinds.values())) == []
