"""Evidence items through the reviewer's window: tick, take the suggestion, give a reason;
then the ticks travel with the sealed file into the round and count in the statistics."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from alliance_review.gui import i18n
from alliance_review.gui.main_window import MainWindow
from alliance_review.gui.reviewer.workspace import ReviewerWorkspace
from alliance_review.services.demo import build_demo
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from tests.conftest import run_cli
from tests.gui_support import type_text
from tests.reviewer_support import issue_one


@pytest.fixture
def before_merge(tmp_path: Path) -> Path:
    return build_demo(tmp_path / "round.sqlite", reviewer_files=tmp_path / "returned")


def test_ticks_suggest_points_and_a_departure_needs_a_reason(
    qtbot, before_merge: Path, tmp_path: Path
):
    i18n.set_language("en")
    path = issue_one(before_merge, tmp_path / "issued")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    ws = window.view
    assert isinstance(ws, ReviewerWorkspace)
    uid = ws.session.alliances[0].uid
    ws.table.selectRow(ws.proxy.row_of(uid))
    row = ws.form.rows["1.1"]
    assert set(row.item_boxes) == {"summary", "plan"}
    claimed = ws.session.self_ticked(uid, "1.1")
    for key, box in row.item_boxes.items():  # the alliance's own ticks are shown
        assert ("self-evaluation: yes" in box.text()) == (key in claimed)
    assert not row.item_boxes["summary"].isChecked()

    qtbot.mouseClick(row.item_boxes["summary"], Qt.MouseButton.LeftButton)
    assert ws.session.ticked(uid, "1.1") == {"summary"}
    assert "2.5" in row.suggest_label.text()
    qtbot.mouseClick(row.use_button, Qt.MouseButton.LeftButton)
    assert ws.session.entry(uid, "1.1")[0] == Fraction(5, 2)
    assert row.reason_edit.isHidden()  # follows the rule: no reason asked

    qtbot.mouseClick(row.item_boxes["plan"], Qt.MouseButton.LeftButton)
    assert "5" in row.suggest_label.text() and not row.reason_edit.isHidden()
    assert any(m.reason == "override_reason" for m in ws.session.missing(uid))
    row.reason_edit.setFocus()
    type_text(row.reason_edit, "计划未经理事会审议")
    assert ws.session.reason(uid, "1.1") == "计划未经理事会审议"
    assert not any(m.reason == "override_reason" for m in ws.session.missing(uid))
    with ReviewerStore.open(path) as file:  # on disk at once
        assert file.ticks() == {(uid, "1.1", "summary"), (uid, "1.1", "plan")}
        assert file.override_reasons()[(uid, "1.1")] == "计划未经理事会审议"

    ws.undo_stack.undo()  # the reason
    assert ws.session.reason(uid, "1.1") == ""
    ws.undo_stack.undo()  # the second tick
    assert ws.session.ticked(uid, "1.1") == {"summary"} and not row.item_boxes["plan"].isChecked()
    ws.undo_stack.redo()
    ws.undo_stack.redo()
    assert ws.session.reason(uid, "1.1") == "计划未经理事会审议"
    window.close()

    # the sealed file carries ticks and reason into the round
    with ReviewerStore.open(path) as file:
        reviewer = file.meta().reviewer_uid
        file.seal(tmp_path / "sealed.sqlite")
    result = run_cli("merge", before_merge, tmp_path / "sealed.sqlite")
    assert result.returncode == 0, result.stderr
    with RoundStore.open(before_merge) as store:
        mine = {t for t in store.item_ticks() if t[0] == reviewer}
        assert (reviewer, uid, "1.1", "summary") in mine and (reviewer, uid, "1.1", "plan") in mine
        reasons = {(s.alliance_uid, s.indicator_code): s.override_reason for s in store.scores()}
        assert reasons[(uid, "1.1")] == "计划未经理事会审议"
    conn = sqlite3.connect(before_merge)
    assert conn.execute("SELECT count(*) FROM item_tick").fetchone()[0] == len(mine)
    conn.close()


def test_the_rubric_editor_edits_items_and_the_rule_with_undo(qtbot, tmp_path: Path, monkeypatch):
    import json

    from PySide6.QtWidgets import QMessageBox

    from alliance_review.core.evidence import EvidenceItem
    from alliance_review.gui.round_tabs.setup import PAGE_NAMES

    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: refusals.append(a[2]))
    i18n.set_language("zh_CN")
    path = tmp_path / "2016.sqlite"
    result = run_cli("new-round", path, "--title", "2016年度评价", "--year", "2016")
    assert result.returncode == 0, result.stderr
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    setup = window.view.tab_by_name["setup"]
    setup.steps.setCurrentRow(PAGE_NAMES.index("rubric"))
    page = setup.pages["rubric"]
    row = next(
        r for r in range(page.model.rowCount()) if getattr(page.model.item(r), "code", "") == "2.4"
    )
    page.table.selectRow(row)
    assert "开展联盟成员专利共享活动" in page.items_label.text()
    page.buttons["items"].click()
    dialog = page.items_dialog
    dialog.add("专利许可或转让")
    dialog.rule.clear()
    type_text(dialog.rule, "0，7，6")  # a full-width comma is read; 7 is above the max
    dialog.accept_if_valid()
    assert len(refusals) == 1 and "计分规则" in refusals[0]
    dialog.rule.clear()
    type_text(dialog.rule, "0, 3, 6")
    dialog.accept_if_valid()
    store = window.view.store
    indicator = store.rubric().indicator("2.4")
    assert indicator.items == (
        EvidenceItem("patents", "开展联盟成员专利共享活动"),
        EvidenceItem("item1", "专利许可或转让"),
    )
    assert [str(v) for v in indicator.points_rule or ()] == ["0", "3", "6"]
    out = tmp_path / "rubric.json"
    assert run_cli("rubric-export", path, out).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    exported = next(i for c in data["categories"] for i in c["indicators"] if i["code"] == "2.4")
    assert exported["points_rule"] == ["0", "3", "6"] and len(exported["evidence_items"]) == 2
    window.view.undo_stack.undo()
    assert store.rubric().indicator("2.4").items == (
        EvidenceItem("patents", "开展联盟成员专利共享活动"),
    )
    assert store.rubric().indicator("2.4").points_rule is None


def test_the_panel_sees_each_reviewers_ticks_and_reason(qtbot, demo_round: Path):
    from tests.panel_gui import open_drilldown, open_panel

    with RoundStore.open(demo_round) as store:
        reasons = [s for s in store.scores() if s.override_reason]
        names = {a.uid: a.name for a in store.alliances()}
        rubric = store.rubric()
        ticks = store.item_ticks()
    assert reasons, "the demo's reviewers state why they depart from a rule somewhere"
    score = reasons[0]
    _, panel = open_panel(qtbot, demo_round)
    open_drilldown(qtbot, panel, names[score.alliance_uid])
    model = panel.drilldown.table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data().startswith(score.indicator_code + " ")
    )
    panel.drilldown.table.selectRow(row)
    side = panel.drilldown.side.toPlainText()
    assert "Why other points than the rule suggests: " + score.override_reason in side
    items = rubric.indicator(score.indicator_code).items
    mine = [
        i.name
        for i in items
        if (score.reviewer_uid, score.alliance_uid, score.indicator_code, i.key) in ticks
    ]
    assert ("Ticked: " + ("、".join(mine) if mine else "none")) in side


def test_a_tick_that_breaks_done_clears_it_in_the_same_step_and_undo_brings_both_back(
    qtbot, demo_round: Path, tmp_path: Path
):
    """Changing a tick and then the done mark were two commits; undoing left the alliance
    un-done with nothing missing."""
    import sqlite3

    from tests.reviewer_gui import open_window
    from tests.reviewer_support import issue_one, score_fully

    path = issue_one(demo_round, tmp_path / "issued")
    with ReviewerStore.open(path) as store:
        uid = store.alliances()[0].uid
        score_fully(store, uid)
        rubric_items = {i.code: [item.key for item in i.items] for i in store.rubric().indicators()}
        ticks = {(uid, code, key) for code, keys in rubric_items.items() for key in keys}
        for code, keys in rubric_items.items():
            if keys:
                store.set_ticks(uid, code, set(keys))
        store.set_done(uid, True)

    def done_on_disk() -> int:
        conn = sqlite3.connect(path)
        try:
            row = conn.execute(
                "SELECT done FROM alliance_status WHERE alliance_uid = ?", (uid,)
            ).fetchone()
        finally:
            conn.close()
        return row[0] if row else 0

    assert ticks and done_on_disk() == 1
    window, ws = open_window(qtbot, path)
    ws.select_alliance(uid)
    row = ws.form.rows["1.1"]  # full marks need both items: untick one, and it departs
    steps = ws.undo_stack.count()
    row.item_boxes["plan"].click()
    assert uid not in ws.session.done and done_on_disk() == 0
    assert ws.undo_stack.count() == steps + 1  # one step
    window.action_registry["undo"].trigger()
    assert row.item_boxes["plan"].isChecked()
    assert uid in ws.session.done and done_on_disk() == 1
    assert not ws.session.missing(uid)
    window.close_file()
