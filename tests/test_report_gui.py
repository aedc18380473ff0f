"""The report draft and the comparison with the published figures, through the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog, QMessageBox

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.services.demo_2014 import build_previous_demo
from tests.gui_support import settle

FIGURES = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"


@pytest.fixture
def tab(qtbot, demo_round: Path):
    i18n.set_language("en")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_round)
    tab = window.view.tab_by_name["publish"]
    window.view.tabs.setCurrentWidget(tab)
    settle(qtbot)
    return tab


def choose(monkeypatch, method: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *a, **k: (str(path), "")))


def test_report_draft_from_the_publish_tab(tab, qtbot, monkeypatch, tmp_path: Path):
    previous = build_previous_demo(tmp_path / "demo-2014.sqlite")
    choose(monkeypatch, "getOpenFileName", previous)
    tab.previous_round_button.click()
    choose(monkeypatch, "getOpenFileName", FIGURES)
    tab.published_button.click()
    settle(qtbot)
    text = tab.statistics_view.text.toPlainText()
    # the comparison: 74 printed figures, the 7 the source contradicts itself on differ
    assert "74 figures compared, 7 differ (不符)." in text
    assert "Full marks two years running: 半导体照明产业技术创新战略联盟." in text
    assert "150" in text and "146" in text  # the source's own batch sum, listed as such
    out = tmp_path / "评价报告草稿.docx"
    choose(monkeypatch, "getSaveFileName", out)
    tab.export_report_button.click()
    settle(qtbot)
    assert str(out) in tab.status.text() and "not the official text" in tab.status.text()
    paragraphs = ["".join(p.text.split()) for p in Document(str(out)).paragraphs]
    assert any("相比2014年增加了9家" in p for p in paragraphs)
    assert any("特别是半导体照明产业技术创新战略联盟连续两年获得满分" in p for p in paragraphs)
    assert any("没有参加本次评价的试点联盟共有21家，据了解有三种情况" in p for p in paragraphs)


def test_a_cancelled_save_dialog_writes_nothing(tab, monkeypatch, tmp_path: Path):
    before = sorted(tmp_path.iterdir())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    tab.action_registry["export_report"].trigger()
    assert sorted(tmp_path.iterdir()) == before
    assert not list(tmp_path.glob("*.docx")) and tab.status.text() == ""


def test_the_report_draft_is_proposed_under_a_name_in_the_interface_language(  # type: ignore[no-untyped-def]
    tab, monkeypatch
):
    proposed: list[str] = []

    def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        proposed.append(Path(args[2]).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    tab.action_registry["export_report"].trigger()  # the tab is in English
    i18n.set_language("zh_CN")
    tab.action_registry["export_report"].trigger()
    assert proposed[0].startswith("report-draft-") and proposed[0].endswith(".docx")
    assert proposed[1].startswith("评价报告草稿-"), proposed


def test_before_the_appendix_the_rows_printed_outside_their_band_are_listed(
    tab, qtbot, monkeypatch, tmp_path: Path
):
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    out = tmp_path / "附件.pdf"
    choose(monkeypatch, "getSaveFileName", out)
    tab.export_pdf_button.click()  # the secretary says No: nothing is written
    settle(qtbot)
    assert "No. 109 先进稀土材料产业技术创新战略联盟: printed 65 under 活跃度较差" in asked[0]
    assert not out.exists()
    tab.export_pdf_button.click()  # and Yes: published as it is
    settle(qtbot)
    assert out.exists() and len(asked) == 2


def test_deciding_the_tier_by_the_printed_score_moves_row_109(qtbot, demo_round: Path):
    from alliance_review.services.results import band_mismatches, ranking_of
    from tests.conftest import run_cli

    assert len(band_mismatches(demo_round)) == 1
    result = run_cli("settings", demo_round, "--tier-by", "printed")
    assert result.returncode == 0 and "printed" in result.stdout
    row = ranking_of(demo_round).ranking[108]
    assert (row.seq, str(row.printed_score), row.tier.name) == (109, "65", "活跃度一般")
    assert band_mismatches(demo_round) == []


def test_the_pdf_font_is_chosen_in_the_window(tab, qtbot, monkeypatch, tmp_path: Path):
    import shutil
    import subprocess

    from alliance_review.services.pdf_common import system_song_font

    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: refusals.append(a[2]))
    fake = tmp_path / "假字体.ttf"
    fake.write_bytes(b"OTTO" + b"\0" * 64)
    choose(monkeypatch, "getOpenFileName", fake)
    other = tab.font_choice.findData("?")
    tab.font_choice.setCurrentIndex(other)
    tab.font_choice.activated.emit(other)
    assert len(refusals) == 1 and "TrueType" in refusals[0]
    assert tab.font_file is None and tab.font_choice.currentIndex() == 0
    song = system_song_font()
    assert song is not None
    mine = tmp_path / "单位仿宋.ttc"
    shutil.copyfile(song, mine)
    choose(monkeypatch, "getOpenFileName", mine)
    other = tab.font_choice.findData("?")
    tab.font_choice.activated.emit(other)
    assert tab.font_file == mine and tab.font_choice.currentText() == mine.name
    out = tmp_path / "附件.pdf"
    choose(monkeypatch, "getSaveFileName", out)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.export_pdf_button.click()
    settle(qtbot)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "UMing" in fonts and "WenQuanYi" not in fonts
