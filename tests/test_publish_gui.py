"""The publish tab: exports through the window, preview pages, statistics with the chart."""

from __future__ import annotations

import time
from fractions import Fraction
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.notice import Alliances, Change
from alliance_review.gui.round_tabs import publish as publish_tab
from alliance_review.services.output import cancelled, replacing
from tests.gui_support import settle
from tests.publish_checks import last_years_round


@pytest.fixture
def band_questions(monkeypatch) -> list[str]:
    """Answers Yes to "publish as it is?" about printed scores outside their tier's band
    (the demo prints row 109 as 65 under the lowest tier), and keeps the questions."""
    asked: list[str] = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


@pytest.fixture
def tab(qtbot, demo_round: Path, band_questions):
    i18n.set_language("en")  # the assertions below read English texts, whatever the system
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_round)
    view = window.view
    tab = view.tab_by_name["publish"]
    view.tabs.setCurrentWidget(tab)
    settle(qtbot)
    return tab


def save_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_export_appendix_from_the_menu_with_chosen_tiers(tab, qtbot, monkeypatch, tmp_path: Path):
    out = tmp_path / "附件.pdf"
    save_to(monkeypatch, out)
    for box in tab.tier_boxes:
        box.setChecked(box.text() == "活跃度高")
    tab.title_edit.setText("高活跃度联盟")
    tab.menu().actions()[2].trigger()  # Export appendix PDF…
    settle(qtbot)
    assert out.exists()
    assert str(out) in tab.status.text()
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].extract_text().splitlines()[:2] == ["附件", "高活跃度联盟"]
        rows = [r for p in pdf.pages for t in p.extract_tables() for r in t if r[0] != "序号"]
    assert rows[0][0] == "活跃度高的联盟（共 56 家）" and len(rows) == 57


def test_export_workbook_and_statistics(tab, qtbot, monkeypatch, tmp_path: Path):
    book = tmp_path / "results.xlsx"
    save_to(monkeypatch, book)
    tab.export_xlsx_button.click()
    settle(qtbot)
    assert book.exists() and str(book) in tab.status.text()
    stats = tmp_path / "stats.pdf"
    save_to(monkeypatch, stats)
    tab.previous_shares.setText("31,32,25,12")
    tab.export_stats_button.click()
    settle(qtbot)
    with pdfplumber.open(stats) as pdf:
        assert "+14" in pdf.pages[0].extract_text()


def test_preview_shows_pages_as_images(tab, qtbot):
    tab.preview_button.click()
    settle(qtbot)
    preview = tab.preview
    assert preview.pages == 5 and preview.count_label.text().endswith("5 page(s)")
    first = preview.current_pixmap()
    assert not first.isNull() and first.height() > first.width()  # A4 portrait
    preview.next_button.click()
    assert preview.page_box.value() == 2
    preview.page_box.setValue(5)
    assert not preview.next_button.isEnabled()
    assert preview.current_pixmap().toImage() != first.toImage()


def test_statistics_with_last_years_shares_and_the_chart(tab, qtbot):
    qtbot.keyClicks(tab.previous_shares, "31,32,25,12")
    tab.previous_count.setValue(116)
    tab.update_button.click()
    settle(qtbot)
    text = tab.statistics_view.text.toPlainText()
    assert "125 took part" in text and "change +9" in text
    for figure in ("+14", "-5", "-11", "+2", "45%", "第三批"):
        assert figure in text
    chart = tab.statistics_view.chart.pixmap()
    assert not chart.isNull() and chart.width() > 400


def test_bad_last_year_shares_give_one_sentence_not_a_crash(tab, qtbot, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    save_to(monkeypatch, tmp_path / "s.pdf")
    tab.previous_shares.setText("31,32,25")
    tab.update_button.click()
    assert "100" in tab.status.text()
    tab.export_stats_button.click()
    settle(qtbot)
    assert len(warnings) == 1 and not (tmp_path / "s.pdf").exists()


def test_cancel_leaves_no_file(tab, qtbot, monkeypatch, tmp_path: Path):
    """Cancel is pressed when the progress dialog shows, whatever the machine's load:
    the export, half written beside the target, stops and leaves the folder empty."""
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "slow.pdf"
    save_to(monkeypatch, out)

    def slow_export(path, target, options, progress):
        with replacing(Path(target)) as temporary:
            temporary.write_bytes(b"%PDF-partial")
            for step in range(3000):  # until the user cancels (a minute at most)
                time.sleep(0.02)
                if not progress(step, 3000):
                    raise cancelled()
        return target

    monkeypatch.setattr(publish_tab, "export_appendix", slow_export)

    def progress_dialog() -> QProgressDialog | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        shown += tab.findChildren(QProgressDialog)
        return next((d for d in shown if d.isVisible()), None)

    tab.export_pdf_button.click()
    # the dialog is up and the export has begun writing its temporary beside the target
    qtbot.waitUntil(lambda: progress_dialog() is not None and any(folder.iterdir()), timeout=30_000)
    dialog = progress_dialog()
    assert dialog is not None
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() in ("Cancel", "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not out.exists()
    assert list(folder.iterdir()) == []  # the temporary file is gone too
    assert "Cancelled" in tab.status.text() or "取消" in tab.status.text()


def test_published_figures_chosen_in_the_window(tab, qtbot, monkeypatch):
    figures = Path(__file__).parents[1] / "resources" / "published-figures-2015.json"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(figures), ""))
    )
    tab.published_button.click()
    settle(qtbot)
    assert tab.published_button.text() == figures.name
    text = tab.statistics_view.text.toPlainText()
    assert "+14" in text  # last year's shares come from the file
    assert "27 (58%" in text or "27（58%" in text


def test_the_publish_tab_speaks_chinese(qtbot, demo_round: Path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_round)
    tab = window.view.tab_by_name["publish"]
    window.action_registry["language_zh_CN"].trigger()
    qtbot.waitUntil(lambda: "发布(&P)" in [a.text() for a in window.menuBar().actions()])
    assert tab.title() == "发布"
    assert tab.preview_button.text() == "预览"
    assert tab.export_pdf_button.text() == "导出 PDF…"
    assert tab.views.tabText(0) == "附件预览"
    assert tab.preview.next_button.text() == "下一页"
    tab.update_statistics()
    settle(qtbot)
    text = tab.statistics_view.text.toPlainText()
    assert "参评情况" in text and "参评联盟 125 家" in text
    window.action_registry["language_en"].trigger()
    qtbot.waitUntil(lambda: tab.preview_button.text() == "Preview")
    assert tab.title() == "Publish"


def test_last_years_round_chosen_in_the_window(
    tab, qtbot, monkeypatch, demo_round_master, tmp_path
):  # type: ignore[no-untyped-def]
    earlier = last_years_round(demo_round_master, tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(earlier), ""))
    )
    tab.previous_round_button.click()
    settle(qtbot)
    assert tab.previous_round_button.text() == earlier.name
    text = tab.statistics_view.text.toPlainText()
    assert "Last year 125 took part (change +0)" in text
    assert text.count("+0") >= 5  # every tier unchanged against the same round


def test_statistics_are_computed_off_the_gui_thread_once_per_change(tab, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    import threading

    from alliance_review.services.panel import set_decision

    calls: list[str] = []
    real = publish_tab.round_statistics_of

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(publish_tab, "round_statistics_of", counted)
    tab.update_button.click()
    settle(qtbot)
    tab.update_button.click()  # nothing changed: shown as it was
    settle(qtbot)
    assert len(calls) == 1 and calls[0] != threading.main_thread().name
    tab.previous_shares.setText("31,32,25,12")
    tab.update_button.click()
    tab.update_button.click()  # asked again while computing: computed once
    settle(qtbot)
    assert len(calls) == 2
    # a change of the round (a panel decision) makes the next update compute again
    uid = tab.context.store.alliances()[0].uid
    set_decision(tab.context.store, uid, "", Fraction(50), "集中讨论")
    tab.context.announce(Change(decisions=Alliances.of([uid])))
    tab.update_button.click()
    settle(qtbot)
    assert len(calls) == 3
    assert "活跃度高" in tab.statistics_view.text.toPlainText()
    assert "55" in tab.statistics_view.text.toPlainText()  # one alliance fewer in the top tier


def test_the_song_font_offered_is_named_as_the_platform_names_it(tab, monkeypatch, tmp_path: Path):
    """On Windows the publish tab offers SimSun from the fonts folder, by that name."""
    import shutil

    from alliance_review.system import fonts

    monkeypatch.setattr(fonts, "IS_WINDOWS", True)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    simsun = tmp_path / "Windows" / "Fonts" / "simsun.ttc"
    simsun.parent.mkdir(parents=True)
    bundled = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-microhei.ttc"
    shutil.copyfile(bundled, simsun)
    i18n.set_language("zh_CN")
    tab.fill_fonts()  # as when the tab is shown again
    names = [tab.font_choice.itemText(i) for i in range(tab.font_choice.count())]
    assert "SimSun 宋体（宋体/明体，本机已安装）" in names
    assert tab.font_choice.findData(str(simsun)) >= 0
