"""The set-up tab driven as the secretary drives it (pytest-qt, offscreen)."""

from __future__ import annotations

from fractions import Fraction

import openpyxl
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from alliance_review.gui.setup.rubric_page import RubricModel
from alliance_review.services import selfeval
from alliance_review.services.resources import default_rubric
from alliance_review.storage.round_store import RoundStore
from tests.gui_support import open_setup, settle, type_text


def answer_questions(monkeypatch, answer) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer every question the window asks with ``answer``; the questions, in order."""
    asked: list[str] = []

    def question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def said(text: str, zh: str, en: str) -> bool:
    """The message in whichever language the interface is in."""
    return zh in text or en in text


def test_a_new_round_is_created_from_the_menu_and_opened(qtbot, demo_round, tmp_path, refusals):
    window, tab = open_setup(qtbot, demo_round)
    assert tab.menu().menuAction() in window.menuBar().actions()
    tab.actions_by_name["new_round"].trigger()
    dialog = tab.new_round_dialog
    assert dialog.from_round.path() == demo_round  # last year's round is offered
    dialog.title.clear()
    type_text(dialog.title, "2016年度联盟活跃度评价")
    dialog.year.setValue(2016)
    out = tmp_path / "2016.sqlite"
    dialog.out.setText(str(out))
    dialog.create_round()
    settle(qtbot)
    assert refusals == []
    qtbot.waitUntil(lambda: window.view is not None and window.view.path == out)
    assert "2016年度联盟活跃度评价" in window.windowTitle()
    with RoundStore.open(out) as store:
        assert len(store.alliances()) == 146 and len(store.reviewers()) == 14
        assert store.scores() == []
    # a second time over the same file is refused, nothing written
    tab = window.view.tab_by_name["setup"]
    tab.actions_by_name["new_round"].trigger()
    tab.new_round_dialog.out.setText(str(out))
    before = out.read_bytes()
    tab.new_round_dialog.create_round()
    settle(qtbot)
    assert len(refusals) == 1 and said(refusals[0], "已存在", "already exists")
    assert out.read_bytes() == before


def test_the_rubric_editor_refuses_a_breaking_edit_and_keeps_a_harmless_one(
    qtbot, demo_round, refusals
):
    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("rubric")
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2.2")
    assert not page.lock_label.isHidden()
    assert not model.setData(model.index(row, RubricModel.MAX), "3", Qt.ItemDataRole.EditRole)
    assert len(refusals) == 1 and said(refusals[0], "满分不能低于", "cannot go below")
    assert model.index(row, RubricModel.MAX).data() == "12"

    name = model.index(row, RubricModel.NAME)
    assert model.setData(name, "联合开展技术创新项目", Qt.ItemDataRole.EditRole)
    assert window.view.store.rubric().indicator("2.2").name == "联合开展技术创新项目"
    assert model.setData(model.index(row, RubricModel.MAX), "13", Qt.ItemDataRole.EditRole)
    assert "101" in page.problems_label.text()  # the live check: sum is off, shown
    window.action_registry["undo"].trigger()
    window.action_registry["undo"].trigger()
    assert window.view.store.rubric().indicator("2.2").name.startswith("组织成员单位")
    assert "101" not in page.problems_label.text()
    window.action_registry["redo"].trigger()
    assert window.view.store.rubric().indicator("2.2").name == "联合开展技术创新项目"


def test_a_roster_workbook_with_problems_is_previewed_then_imported_and_undone(
    qtbot, demo_round, tmp_path, refusals
):
    source = tmp_path / "名单.xlsx"
    workbook = openpyxl.Workbook()
    for row in (
        ["名称", "批次", "联系人"],
        ["新材料产业技术创新战略联盟", "第三批", "王五"],
        ["", "第一批", ""],
        ["半导体照明产业技术创新战略联盟", "", ""],
        ["数字音视频编解码(AVS)产业技术创新战略联盟", "", ""],
        ["海洋装备产业技术创新战略联盟", "第八批", ""],
    ):
        workbook.active.append(row)
    workbook.save(source)
    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("roster")
    page.import_roster(source)
    settle(qtbot)
    dialog = page.import_dialog
    texts = dialog.problem_texts()
    assert texts[0] == ""
    assert said(texts[1], "为空", "blank")
    # on the roster already: compared, never refused; a blank batch keeps the roster's
    assert said(texts[2], "保留原批次", "keeps its batch")
    # "(AVS)" is the roster's "（AVS）" written with half-width brackets: the same alliance
    assert said(texts[3], "统一写法", "stored as")
    # a later batch is offered as new, not refused
    assert said(texts[4], "还没有的批次", "does not have yet")
    groups = dialog.groups
    assert [groups.groups["new"].child(i).text(0) for i in range(2)] == [
        "新材料产业技术创新战略联盟",
        "海洋装备产业技术创新战略联盟",
    ]
    assert groups.groups["unchanged"].childCount() == 2
    # a list of 4 alliances is no full list: the 144 others are not ticked for withdrawal
    assert groups.groups["missing"].childCount() == 144 and groups.ticked("missing") == []
    assert window.view.store.alliances()[-1].name != "新材料产业技术创新战略联盟"  # preview only
    dialog.accept()
    settle(qtbot)  # written in a worker
    names = [(a.name, a.batch) for a in window.view.store.alliances()]
    assert names[-2:] == [
        ("新材料产业技术创新战略联盟", "第三批"),
        ("海洋装备产业技术创新战略联盟", "第八批"),
    ]
    assert len(names) == 148 and window.view.store.batch_names()[-1] == "第八批"
    window.action_registry["undo"].trigger()  # one step takes the whole import back
    assert len(window.view.store.alliances()) == 146
    assert window.view.store.batch_names() == ["第一批", "第二批", "第三批"]
    window.action_registry["redo"].trigger()
    assert len(window.view.store.alliances()) == 148


def test_auto_assign_then_a_manual_conflict_is_refused(qtbot, demo_round, refusals):
    window, tab = open_setup(qtbot, demo_round)
    store = window.view.store
    store.conn.execute("DELETE FROM score")  # before scoring: assignment may change freely
    page = tab.show_page("assignment")
    page.seed.setValue(11)
    assert page.auto_assign()
    first = store.assignments()
    assert all(len(v) == 3 for v in first.values()) and len(first) == 125
    model = page.model
    reviewer_col = 0
    reviewer = model.reviewers[reviewer_col]
    own = next(iter(reviewer.own_alliances))
    row = next(r for r, a in enumerate(model.alliances) if a.uid == own)
    assert model.index(row, reviewer_col).data() in ("own", "本人")
    assert not model.toggle(row, reviewer_col)
    assert len(refusals) == 1 and said(refusals[0], "本人所在联盟", "their own alliance")
    assert reviewer.uid not in store.assignments().get(own, [])
    # a manual change that is allowed, then undone
    free = next(
        r
        for r, a in enumerate(model.alliances)
        if a.uid not in reviewer.conflicts and reviewer.uid not in first[a.uid]
    )
    index = model.index(free, reviewer_col)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert reviewer.uid in store.assignments()[model.alliances[free].uid]
    window.action_registry["undo"].trigger()
    assert store.assignments() == first
    window.action_registry["undo"].trigger()  # the automatic assignment itself
    assert store.assignments() != first


def test_self_evaluation_workbooks_are_generated_and_imported_with_a_preview(
    qtbot, demo_round, tmp_path, refusals
):
    window, tab = open_setup(qtbot, demo_round)
    store = window.view.store
    page = tab.show_page("selfeval")
    task = page.generate(tmp_path / "wb")
    settle(qtbot)
    paths = task.result
    assert len(paths) == 146 and all(p.is_file() for p in paths)
    good, bad = paths[0], paths[1]
    for path, value in ((good, 3), (bad, 99)):
        workbook = openpyxl.load_workbook(path)
        sheet = workbook[selfeval.FORM_SHEET]
        sheet["F7"] = value
        sheet["G7"] = "见年度工作总结"
        workbook.save(path)
    before = store.self_scores()
    page.import_files([good, bad])
    settle(qtbot)
    dialog = page.preview
    assert dialog.table.item(0, 3).text() in ("accepted", "通过")
    assert "F7" in dialog.table.item(1, 3).text()
    assert store.self_scores() == before  # preview only
    dialog.accept()
    first_uid = store.alliances()[0].uid
    after = store.self_scores()
    assert after[(first_uid, "1.1")] == (Fraction(3), "见年度工作总结")
    assert (first_uid, "1.2") not in after  # replaced whole by the returned workbook
    second_uid = store.alliances()[1].uid
    assert after[(second_uid, "1.1")] == before[(second_uid, "1.1")]  # refused: unchanged
    window.action_registry["undo"].trigger()
    assert store.self_scores() == before


def test_reviewer_files_are_issued_and_hold_exactly_that_reviewers_alliances(
    qtbot, demo_round, tmp_path, refusals, monkeypatch
):
    from alliance_review.storage.reviewer_store import ReviewerStore

    window, tab = open_setup(qtbot, demo_round)
    store = window.view.store
    page = tab.show_page("issue")
    assert page.issue_button.isEnabled()
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    page.issue(tmp_path / "issued")
    settle(qtbot)
    paths = page.written
    assert refusals == [] and len(paths) == 14
    # the demo's files went out before: the question says those stop counting
    assert len(asked) == 1 and said(asked[0], "已有 14 位评审专家持有此前发放的文件", "14 reviewer")
    # the message links to the folder, so the secretary can open it and mail the files
    assert page.result.openExternalLinks()
    assert f'href="{QUrl.fromLocalFile(str(tmp_path / "issued")).toString()}"' in (
        page.result.text()
    )
    assignment = store.assignments()
    names = {a.uid: a.name for a in store.alliances()}
    reviewer = store.reviewers()[3]
    issued = next(p for p in paths if reviewer.name in p.name)
    with ReviewerStore.open(issued) as file:
        assert file.meta().reviewer_uid == reviewer.uid
        mine = {a for a, rs in assignment.items() if reviewer.uid in rs}
        assert {a.uid for a in file.alliances()} == mine
        assert {a.name for a in file.alliances()} == {names[a] for a in mine}
        assert {a for a, _ in file.self_scores()} == mine
        assert file.scores() == {} or all(v[0] is None for v in file.scores().values())
    # the round file does not record issuing; the rubric editor says they went out
    page = tab.show_page("rubric")
    assert not page.issued_label.isHidden()
    assert str(tmp_path / "issued") in page.issued_label.text()
    # an incomplete rubric stops the files going out, with the reason
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2.2")
    assert model.setData(model.index(row, RubricModel.MAX), "13", Qt.ItemDataRole.EditRole)
    issue_page = tab.show_page("issue")
    assert not issue_page.issue_button.isEnabled()
    assert said(issue_page.readiness.text(), "评价指标尚未完成", "rubric is not complete")


def test_roster_cells_edit_in_place_and_undo(qtbot, demo_round, refusals):
    from alliance_review.gui.setup.roster_page import RosterModel

    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("roster")
    model = page.model
    name = model.index(1, RosterModel.NAME)
    assert model.setData(name, "半导体照明产业技术创新联盟", Qt.ItemDataRole.EditRole)
    assert window.view.store.alliances()[1].name == "半导体照明产业技术创新联盟"
    assert not model.setData(model.index(2, RosterModel.BATCH), "第九批", Qt.ItemDataRole.EditRole)
    assert said(refusals[-1], "本轮次没有批次「第九批」", "has no batch")
    assert not model.setData(name, "化纤产业技术创新战略联盟", Qt.ItemDataRole.EditRole)
    assert said(refusals[-1], "已在名单中", "already on the roster")
    assert page.add_alliance()
    assert window.view.store.alliances()[-1].name in ("新联盟", "New alliance")
    window.action_registry["undo"].trigger()
    window.action_registry["undo"].trigger()
    assert window.view.store.alliances()[1].name == "半导体照明产业技术创新战略联盟"
    assert len(window.view.store.alliances()) == 146


def test_reviewers_and_conflicts_are_edited_in_a_dialog(qtbot, demo_round, refusals):
    window, tab = open_setup(qtbot, demo_round)
    store = window.view.store
    page = tab.show_page("reviewers")
    page.add_reviewer()
    dialog = page.dialog
    type_text(dialog.name, "化纤联盟秘书长")
    dialog.check(dialog.own, "化纤产业技术创新战略联盟")
    dialog.check(dialog.declared, "乳业产业技术创新战略联盟")
    dialog.accept()
    added = store.reviewers()[-1]
    names = {a.uid: a.name for a in store.alliances()}
    assert added.name == "化纤联盟秘书长"
    assert [names[u] for u in added.own_alliances] == ["化纤产业技术创新战略联盟"]
    assert [names[u] for u in added.declared_conflicts] == ["乳业产业技术创新战略联盟"]
    # declaring a conflict with an alliance already assigned is refused with the reason
    first = store.reviewers()[0]
    assigned = next(a for a, rs in store.assignments().items() if first.uid in rs)
    page.table.selectRow(0)
    page.edit_selected()
    page.dialog.check(page.dialog.declared, names[assigned])
    page.dialog.accept()
    assert said(refusals[-1], "请先取消该分配", "remove that assignment")
    assert store.reviewers()[0] == first
    window.action_registry["undo"].trigger()
    assert len(store.reviewers()) == 14


def test_round_settings_apply_and_undo(qtbot, demo_round, refusals):
    window, tab = open_setup(qtbot, demo_round)
    store = window.view.store
    page = tab.show_page("settings")
    page.per_alliance.setValue(4)
    page.rounding.setCurrentIndex(page.rounding.findData("half_even"))
    page.tiers.item(0, 1).setText("85")
    assert page.apply()
    assert store.settings().reviewers_per_alliance == 4
    assert store.settings().tiers[0].min_total == 85 and store.settings().rounding == "half_even"
    page.tiers.item(1, 1).setText("90")  # not descending: refused
    assert not page.apply()
    assert said(refusals[-1], "从高到低", "descending")
    window.action_registry["undo"].trigger()
    assert store.settings().reviewers_per_alliance == 3
    assert page.per_alliance.value() == 3  # the page shows the stored settings again


def test_rubric_structure_can_be_built_on_an_unscored_round(qtbot, tmp_path, refusals):
    from alliance_review.services.setup import new_round

    path = new_round(tmp_path / "r.sqlite", "2016年度", 2016)
    window, tab = open_setup(qtbot, path)
    store = window.view.store
    page = tab.show_page("rubric")
    assert page.lock_label.isHidden()
    assert page.issued_label.isHidden()  # nobody assigned: no file can have gone out
    page.table.selectRow(1)  # indicator 1.1
    page.add_indicator()
    assert [i.code for i in store.rubric().categories[0].indicators][-1] == "1.7"
    page.add_category()
    assert store.rubric().categories[-1].code == "5"
    assert said(page.problems_label.text(), "应为 100 分", "100")
    row = page.model.places.index((0, 0))
    page.table.selectRow(row)
    page.move_selected(1)
    assert [i.code for i in store.rubric().categories[0].indicators][:2] == ["1.2", "1.1"]
    page.remove_selected()
    assert "1.1" not in [i.code for i in store.rubric().indicators()]
    for _ in range(4):
        window.action_registry["undo"].trigger()
    assert store.rubric().categories == default_rubric().categories
    assert refusals == []


def test_the_import_preview_follows_the_column_mapping(qtbot, demo_round, tmp_path, refusals):
    source = tmp_path / "roster.csv"
    source.write_text("联系人,全称\n王五,新材料产业技术创新战略联盟\n", encoding="gb18030")
    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("roster")
    page.import_roster(source)
    settle(qtbot)
    dialog = page.import_dialog
    # no header word for the name: the first column not taken by another field
    assert dialog.combos["name"].currentData() == 1
    assert dialog.rows() == [("新材料产业技术创新战略联盟", None, "王五")]
    dialog.combos["name"].setCurrentIndex(dialog.combos["name"].findData(0))
    dialog.combos["contact"].setCurrentIndex(0)  # (none)
    assert dialog.rows() == [("王五", None, "")]
    dialog.combos["name"].setCurrentIndex(0)  # (none)
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert len(window.view.store.alliances()) == 146


def test_roster_and_rubric_files_go_out_and_come_back_through_the_dialogs(
    qtbot, demo_round, tmp_path, refusals, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from alliance_review.services import roster_io

    window, tab = open_setup(qtbot, demo_round)
    roster_file, rubric_file = tmp_path / "名单.xlsx", tmp_path / "指标.json"
    answers = iter([(str(roster_file), ""), (str(rubric_file), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    tab.show_page("roster").export_roster()
    settle(qtbot)
    table = roster_io.read_table(roster_file)
    assert [row[1] for row in table.rows] == [a.name for a in window.view.store.alliances()]
    tab.show_page("rubric").export_rubric()
    text = rubric_file.read_text(encoding="utf-8")
    edited = text.replace("联盟理事会运行规范", "理事会按章程运行")
    rubric_file.write_text(edited, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(rubric_file), ""))
    tab.show_page("rubric").import_rubric()
    assert refusals == []
    assert window.view.store.rubric().indicator("1.2").name == "理事会按章程运行"
    rubric_file.write_text(text.replace('"max_points": "12"', '"max_points": "2"'), "utf-8")
    tab.show_page("rubric").import_rubric()  # would cut 2.2 below stored scores
    assert said(refusals[0], "满分不能低于", "cannot go below")
    assert window.view.store.rubric().indicator("2.2").max_points == 12


def test_long_criteria_are_edited_in_a_multi_line_field(qtbot, tmp_path, refusals):
    from alliance_review.services.setup import new_round

    path = new_round(tmp_path / "r.sqlite", "2016年度", 2016)
    window, tab = open_setup(qtbot, path)
    store = window.view.store
    page = tab.show_page("rubric")
    editor = page.criteria
    assert not editor.edit.isEnabled()  # nothing selected yet
    row = page.model.places.index((0, 0))  # indicator 1.1
    assert not page.model.flags(page.model.index(row, RubricModel.CRITERIA)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    page.table.selectRow(row)
    assert (
        editor.edit.isEnabled()
        and editor.edit.toPlainText() == default_rubric().indicator("1.1").criteria
    )
    editor.edit.setFocus()
    editor.edit.selectAll()
    type_text(editor.edit, "有章程得2分")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)  # a plain Enter is a new line
    type_text(editor.edit, "章程经成员单位签署得1分")
    assert store.rubric().indicator("1.1").criteria == default_rubric().indicator("1.1").criteria
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store.rubric().indicator("1.1").criteria == "有章程得2分\n章程经成员单位签署得1分"
    assert "\n" in page.model.index(row, RubricModel.CRITERIA).data()
    # Escape puts back what is stored; moving to another row applies what was typed
    type_text(editor.edit, "多余")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)
    assert editor.edit.toPlainText() == "有章程得2分\n章程经成员单位签署得1分"
    type_text(editor.edit, "。")
    page.table.selectRow(row + 1)
    assert store.rubric().indicator("1.1").criteria.endswith("签署得1分。")
    assert editor.code == "1.2"
    window.action_registry["undo"].trigger()
    window.action_registry["undo"].trigger()
    assert store.rubric().indicator("1.1").criteria == default_rubric().indicator("1.1").criteria
    assert refusals == []


def test_the_set_up_tab_speaks_chinese_and_english(qtbot, demo_round, refusals):
    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("rubric")
    page.table.selectRow(1)
    assert not page.issued_label.isHidden()  # the demo round's files went out long ago
    try:
        window.action_registry["language_zh_CN"].trigger()
        qtbot.waitUntil(lambda: tab.menu().title() == "轮次设置(&S)")
        steps = [tab.steps.item(r).text() for r in range(tab.steps.count())]
        assert steps[:3] == ["1. 评价轮次", "2. 评价指标", "3. 联盟名单"]
        assert tab.title() == "轮次设置"
        assert page.criteria.apply_button.text() == "应用评分标准（Ctrl+Enter）"
        assert "评分标准" in page.criteria.label.text()
        window.action_registry["language_en"].trigger()
        qtbot.waitUntil(lambda: tab.menu().title() == "&Set-up")
        assert tab.steps.item(1).text() == "2. Rubric"
        assert page.criteria.apply_button.text() == "Apply criteria (Ctrl+Enter)"
    finally:
        window.action_registry["language_zh_CN"].trigger()


def test_a_lost_files_key_is_revoked_on_the_issue_page(
    qtbot, demo_round, tmp_path, refusals, monkeypatch
):
    """A reviewer's file went astray: the secretary selects the reviewer, presses Revoke,
    is told what it does, and the file stops counting; a new file is offered again."""
    import sqlite3
    from contextlib import closing

    from tests.conftest import run_cli

    window, tab = open_setup(qtbot, demo_round)
    page = tab.show_page("issue")
    reviewers = window.view.store.reviewers()
    keys = [page.table.item(r, 3).text() for r in range(page.table.rowCount())]
    assert len(keys) == len(reviewers)
    assert all(said(k, "有效，发放于", "Valid, issued") for k in keys)
    assert not page.revoke_button.isEnabled()  # nobody selected
    page.table.selectRow(2)
    assert page.revoke_button.isEnabled()
    lost = reviewers[2]

    def current_keys() -> dict[str, str | None]:
        with closing(sqlite3.connect(demo_round)) as conn:
            return dict(
                conn.execute(
                    "SELECT reviewer_uid, retired_why FROM reviewer_key"
                    " WHERE retired_at IS NULL OR retired_why = 'revoked'"
                )
            )

    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and lost.name in asked[0]
    assert said(asked[0], "文件全部作废", "stops counting")
    assert current_keys()[lost.uid] is None  # answered No: still the current key
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert refusals == [] and len(asked) == 1
    keys = current_keys()
    assert keys[lost.uid] == "revoked"
    assert sum(why is None for why in keys.values()) == len(reviewers) - 1
    assert said(page.table.item(2, 3).text(), "已于", "Revoked")
    assert lost.name in page.result.text()
    page.table.selectRow(2)
    assert not page.revoke_button.isEnabled()  # nothing left to revoke
    done = run_cli("reviewers", demo_round, "revoke", lost.name)  # the command line agrees
    assert done.returncode == 1 and lost.name in done.stderr
    # issuing again: the 13 others' earlier files stop counting, the lost one's already has
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    page.issue(tmp_path / "again")
    settle(qtbot)
    assert len(asked) == 1 and said(asked[0], "已有 13 位", "13 reviewer")
    assert len(page.written) == len(reviewers)
    with closing(sqlite3.connect(demo_round)) as conn:
        holding = [u for (u,) in conn.execute(
            "SELECT reviewer_uid FROM reviewer_key WHERE retired_at IS NULL"
        )]  # fmt: skip
    assert sorted(holding) == sorted(r.uid for r in reviewers)  # the lost one's too, anew
