from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from alliance_review.gui.main_window import MainWindow


def test_window_opens_a_round_and_shows_the_ranking(qtbot, demo_round: Path, tmp_path: Path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_round)
    model = window.table.model()
    assert model.rowCount() == 125
    assert model.index(0, 1).data() == "TD 产业技术创新战略联盟"
    assert model.index(108, 2).data() == "65" and model.index(108, 4).data() == "活跃度较差"
    assert "2015" in window.windowTitle()
    assert "125" in window.status_label.text()
    window.grab().save(str(tmp_path / "window.png"))


def test_window_refuses_a_broken_file_without_changing_state(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    broken = tmp_path / "broken.sqlite"
    broken.write_text("not a database", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_path(broken)
    assert shown == ["文件「broken.sqlite」不是本软件的评价文件。"]
    assert window.path is None


def test_the_shipped_cjk_font_is_loaded(qapp):
    from alliance_review.gui.app import load_fonts

    family = load_fonts(qapp)
    assert family is not None and family in QFontDatabase.families()
