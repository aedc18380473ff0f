from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontDatabase
from PySide6.QtWidgets import QMessageBox

from tests.gui_support import make_window, settle


def test_window_opens_a_round_and_shows_the_ranking(qtbot, demo_round: Path, tmp_path: Path):
    window = make_window(qtbot)
    assert not window.action_registry["close"].isEnabled()
    assert window.open_path(demo_round)
    results = window.view.tab_by_name["results"]
    window.view.tabs.setCurrentWidget(results)  # ranked when first shown, off the GUI thread
    settle(qtbot)
    model = results.table.model()
    assert model.rowCount() == 125
    assert model.index(0, 2).data() == "TD 产业技术创新战略联盟"
    assert model.index(108, 4).data() == "65" and model.index(108, 6).data() == "活跃度较差"
    assert "2015" in window.windowTitle()
    assert window.action_registry["close"].isEnabled()
    results.filter.setText("稀土")
    assert model.rowCount() == 1
    window.grab().save(str(tmp_path / "window.png"))


def test_recent_files_remember_the_opened_round(qtbot, demo_round: Path):
    window = make_window(qtbot)
    window.open_path(demo_round)
    window.close_file()
    assert window.view is None
    actions = window.recent_menu.actions()
    assert len(actions) == 1 and str(demo_round.resolve()) in actions[0].text()
    actions[0].trigger()
    assert window.view is not None and window.view.path == demo_round.resolve()


def test_dropping_a_file_opens_it(qtbot, demo_round: Path):
    window = make_window(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_round))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.view is not None


def test_window_refuses_a_broken_file_without_changing_state(qtbot, tmp_path: Path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a database", encoding="utf-8")
    window = make_window(qtbot)
    assert not window.open_path(broken)
    assert len(shown) == 1 and "broken.sqlite" in shown[0]
    assert window.view is None
    assert broken.read_text(encoding="utf-8") == "not a database"


def test_the_shipped_cjk_font_is_loaded(qapp):
    from alliance_review.gui.app import load_fonts

    family = load_fonts(qapp)
    assert family is not None and family in QFontDatabase.families()


def test_a_new_round_can_be_started_from_the_empty_window(qtbot, tmp_path: Path):
    window = make_window(qtbot)
    window.action_registry["new_round"].trigger()
    dialog = window.new_round_dialog
    assert dialog.isVisible()
    dialog.title.setText("2016 round")
    dialog.year.setValue(2016)
    out = tmp_path / "2016.sqlite"
    dialog.out.setText(str(out))
    dialog.create_round()
    qtbot.waitUntil(lambda: window.view is not None and window.view.path == out)
    assert "2016 round" in window.windowTitle()


def test_the_demo_round_opens_from_the_file_menu(qtbot):
    window = make_window(qtbot)
    window.action_registry["open_demo"].trigger()
    qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)
    window.view.tabs.setCurrentWidget(window.view.tab_by_name["results"])
    settle(qtbot)
    assert window.view.tab_by_name["results"].table.model().rowCount() == 125
