"""The panel's decisions on evidence items: the panel overrides the item rule for one item
of one alliance with a rationale (command line, window with undo), the decision is logged
and audited, a locked round refuses it, and the statistics of section 三 count it. Also:
a round locked and signed by the previous release upgrades keeping its signed lock and its
lock time, which dates its PDFs."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt

from alliance_review.core.errors import RoundLocked
from alliance_review.gui.panel.records import KEY_ROLE
from alliance_review.gui.tasks import alive
from alliance_review.services.item_decisions import item_status
from alliance_review.services.results import compute
from alliance_review.services.statistics_report import done_by_alliance
from alliance_review.storage import audit
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.schema import ROUND_FILE
from tests.conftest import DATA, run_cli
from tests.gui_support import settle
from tests.test_panel_window import open_drilldown, open_panel, type_text

HIGH = "活跃度高"
ITEM = ("2.2", "government", "承担政府科技计划项目")


def statistics(path: Path) -> dict:
    done = run_cli("statistics", path, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def item_counts(stats: dict, code: str, key: str) -> tuple[int, list[int]]:
    (item,) = [i for i in stats["items"] if (i["indicator"], i["key"]) == (code, key)]
    return item["done"], item["tier_done"]


def high_tier_alliances(round_path: Path, done: bool) -> list[tuple[str, str]]:
    """(uid, name) of the high tier's alliances for which 2.2 government counts as done
    (or not) by the reviewers' ticks."""
    with RoundStore.open(round_path) as store:
        ranking = compute(store).complete().ranking
        by_rule = done_by_alliance(store, store.settings().item_rule)
    return [
        (row.alliance.uid, row.alliance.name)
        for row in ranking
        if row.tier.name == HIGH
        and ((ITEM[0], ITEM[1]) in by_rule.get(row.alliance.uid, set())) == done
    ]


def click_choice(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle, where a person clicks (not the empty space a
    wide button has to the right of its text)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def test_the_command_line_decides_an_item_and_the_statistics_count_the_decision(
    demo_round: Path,
):
    before = statistics(demo_round)
    done, tiers = item_counts(before, ITEM[0], ITEM[1])
    assert tiers[0] == 55  # the report: 55 of the 56 high-tier alliances
    (missing,) = high_tier_alliances(demo_round, done=False)
    uid, name = missing
    decided = run_cli(
        "decide", demo_round, name, "--indicator", "2.2", "--item", "government", "--done",
        "--rationale", "会上核实了科技部立项文件",
    )  # fmt: skip
    assert decided.returncode == 0, decided.stderr
    assert "评价要点 2.2「承担政府科技计划项目」" in decided.stdout and "已开展" in decided.stdout
    recorded = rows(demo_round, "SELECT alliance_uid, indicator_code, key, done, rationale"
                    " FROM item_decision")  # fmt: skip
    assert recorded == [(uid, "2.2", "government", 1, "会上核实了科技部立项文件")]
    after = statistics(demo_round)
    assert item_counts(after, "2.2", "government") == (done + 1, [56, *tiers[1:]])
    figures = {f["key"]: f["value"] for f in after["figures"]}
    assert figures["tier.活跃度高.item.2.2.government"] == 56
    # a second decision the other way for one that did it; then both withdrawn
    done_one = high_tier_alliances(demo_round, done=True)[0][1]
    assert run_cli("decide", demo_round, done_one, "--indicator", "2.2", "--item", "government",
                   "--not-done", "--rationale", "立项文件不属于本年度").returncode == 0  # fmt: skip
    assert item_counts(statistics(demo_round), "2.2", "government") == (done, tiers)
    for who in (name, done_one):
        withdrawn = run_cli("decide", demo_round, who, "--indicator", "2.2", "--item",
                            "government", "--withdraw")  # fmt: skip
        assert withdrawn.returncode == 0 and "已撤回" in withdrawn.stdout
    assert item_counts(statistics(demo_round), "2.2", "government") == (done, tiers)
    assert rows(demo_round, "SELECT count(*) FROM item_decision") == [(0,)]
    log = rows(demo_round, "SELECT alliance_uid, done, action FROM item_decision_log ORDER BY id")
    assert [entry[2] for entry in log] == ["set", "set", "withdrawn", "withdrawn"]
    assert log[0][:2] == (uid, 1) and log[2][1] is None
    trail = rows(demo_round, "SELECT action, detail FROM audit ORDER BY id")
    items = [json.loads(detail) for action, detail in trail if action == "item_decision"]
    assert len(items) == 4 and items[0]["rationale"] == "会上核实了科技部立项文件"
    assert items[0]["item"] == "government" and items[-1]["withdrawn"] is True


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--done"], "请写明理由"),  # no rationale
        (["--rationale", "   ", "--done"], "请写明理由"),
        (["--rationale", "理由"], "--not-done"),  # neither --done nor --not-done
        (["--rationale", "理由", "--done", "--points", "3"], "不带分数"),
    ],
)
def test_an_incomplete_item_decision_is_refused_in_one_sentence(
    demo_round: Path, extra: list[str], words: str
):
    name = high_tier_alliances(demo_round, done=True)[0][1]
    before = demo_round.read_bytes()
    refused = run_cli("decide", demo_round, name, "--indicator", "2.2", "--item", "government",
                      *extra)  # fmt: skip
    assert refused.returncode == 1 and words in refused.stderr
    assert "Traceback" not in refused.stderr and refused.stderr.count("\n") == 1
    assert rows(demo_round, "SELECT count(*) FROM item_decision") == [(0,)]
    if "--points" in extra or not {"--done", "--not-done"} & set(extra):
        assert demo_round.read_bytes() == before  # refused before the file was opened


def test_an_unknown_item_is_refused_naming_the_indicators_items(demo_round: Path):
    name = high_tier_alliances(demo_round, done=True)[0][1]
    refused = run_cli("decide", demo_round, name, "--indicator", "2.2", "--item", "budget",
                      "--done", "--rationale", "理由")  # fmt: skip
    assert refused.returncode == 1
    assert (
        "没有评价要点「budget」" in refused.stderr
        and "government（承担政府科技计划项目）" in refused.stderr
    )


def test_a_locked_round_refuses_item_decisions_whoever_writes(demo_round: Path):
    name = high_tier_alliances(demo_round, done=True)[0][1]
    assert run_cli("lock", demo_round).returncode == 0
    before = rows(demo_round, "SELECT count(*) FROM audit")
    refused = run_cli("decide", demo_round, name, "--indicator", "2.2", "--item", "government",
                      "--not-done", "--rationale", "理由")  # fmt: skip
    assert refused.returncode == 1 and "锁定" in refused.stderr
    assert rows(demo_round, "SELECT count(*) FROM audit") == before
    uid = high_tier_alliances(demo_round, done=True)[0][0]
    with closing(sqlite3.connect(demo_round)) as conn:  # the file itself refuses too
        for sql in (
            "INSERT INTO item_decision VALUES (?, '2.2', 'government', 0, 'x', 'now')",
            "INSERT INTO item_decision_log (alliance_uid, indicator_code, key, done, at, action)"
            " VALUES (?, '2.2', 'government', 0, 'now', 'set')",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="locked"):
                conn.execute(sql, (uid,))


def test_the_window_decides_an_item_with_a_rationale_and_undoes_it(qtbot, demo_round: Path):
    (missing,) = high_tier_alliances(demo_round, done=False)
    uid, name = missing
    with RoundStore.open(demo_round) as store:
        (status,) = [s for s in item_status(store, uid) if s.key == "government"]
    ticks = f"ticked by {status.ticked} of {status.reviewers}"
    window, panel = open_panel(qtbot, demo_round)
    open_drilldown(qtbot, panel, name)
    page = panel.drilldown
    model = page.table.model()
    row_of = {model.index(r, 0).data(KEY_ROLE): r for r in range(model.rowCount())}
    page.table.selectRow(row_of["4.4"])
    assert page.decide_item_button.isEnabled()  # 4.4 has an item
    page.table.selectRow(row_of[""])  # the total has none
    assert not page.decide_item_button.isEnabled()
    page.table.selectRow(row_of["2.2"])
    assert "Evidence items" in page.side.toPlainText()
    assert f"承担政府科技计划项目: {ticks}, does not count" in page.side.toPlainText()
    qtbot.mouseClick(page.decide_item_button, Qt.MouseButton.LeftButton)
    dialog = panel.decision_open
    assert dialog is not None and dialog.isVisible()
    dialog.choose_item("government")
    assert f"{status.ticked} of {status.reviewers} reviewers ticked it" in dialog.ticks.text()
    assert dialog.by_rule_button.isChecked() and not dialog.rationale.isEnabled()
    click_choice(qtbot, dialog.done_button)
    assert dialog.rationale.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # no rationale yet
    assert "rationale" in dialog.error.text() and dialog.isVisible()
    assert rows(demo_round, "SELECT count(*) FROM item_decision") == [(0,)]
    dialog.rationale.setFocus()
    type_text(dialog.rationale, "会上核实了立项文件")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle(qtbot)
    assert not alive(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert rows(demo_round, "SELECT alliance_uid, key, done, rationale FROM item_decision") == [
        (uid, "government", 1, "会上核实了立项文件")
    ]
    page.table.selectRow(row_of["2.2"])
    side = page.side.toPlainText()
    assert f"承担政府科技计划项目: {ticks}, counts as done" in side
    assert "(panel decision: 会上核实了立项文件)" in side
    log = [[page.log_model.index(0, c).data() for c in range(page.log_model.columnCount())]]
    assert log[0][1:] == ["2.2 承担政府科技计划项目", "set", "counts as done", "会上核实了立项文件"]
    window.action_registry["undo"].trigger()
    settle(qtbot)
    assert rows(demo_round, "SELECT count(*) FROM item_decision") == [(0,)]
    page.table.selectRow(row_of["2.2"])
    assert f"{ticks}, does not count" in page.side.toPlainText()
    window.action_registry["redo"].trigger()
    settle(qtbot)
    assert rows(demo_round, "SELECT done FROM item_decision") == [(1,)]
    # the same dialog withdraws it (the rule decides again), in one more undo step
    page.table.selectRow(row_of["2.2"])
    qtbot.mouseClick(page.decide_item_button, Qt.MouseButton.LeftButton)
    dialog = panel.decision_open
    dialog.choose_item("government")
    assert dialog.done_button.isChecked() and "会上核实了立项文件" in dialog.current.text()
    click_choice(qtbot, dialog.by_rule_button)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    settle(qtbot)
    assert rows(demo_round, "SELECT count(*) FROM item_decision") == [(0,)]
    assert [a for (a,) in rows(demo_round, "SELECT action FROM item_decision_log ORDER BY id")] == [
        "set", "withdrawn", "set", "withdrawn"
    ]  # fmt: skip
    window.close_file()


def test_the_window_refuses_an_item_decision_on_a_locked_round(
    qtbot, demo_round: Path, monkeypatch: pytest.MonkeyPatch
):
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(str(a[2])))
    name = high_tier_alliances(demo_round, done=True)[0][1]
    assert run_cli("lock", demo_round).returncode == 0
    window, panel = open_panel(qtbot, demo_round)
    open_drilldown(qtbot, panel, name)
    page = panel.drilldown
    model = page.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("2.2 "))
    page.table.selectRow(row)
    qtbot.mouseClick(page.decide_item_button, Qt.MouseButton.LeftButton)
    assert told and "locked" in told[0] and panel.decision_open is None
    window.close_file()


# the previous release's signed lock survives the upgrade ----------------------------


def test_a_round_locked_and_signed_by_the_previous_release_upgrades_still_signed(
    tmp_path: Path,
):
    old = tmp_path / "round-2015.sqlite"
    shutil.copyfile(DATA / "round-v5.sqlite", old)
    with closing(sqlite3.connect(old)) as conn:
        lock_at, fingerprint = conn.execute(
            "SELECT at, json_extract(detail, '$.fingerprint') FROM audit WHERE action = 'lock'"
        ).fetchone()
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        state = store.lock_state()
        assert state.state == audit.LOCKED_SIGNED and state.fingerprint == fingerprint
        assert store.locked_at() == lock_at  # the lock's time, not the upgrade's
        upgrade = store.audit_entries()[-1]
        assert upgrade.action == "upgrade" and upgrade.data()["from"] == 5
        assert store.item_ticks() == {("r2", "a1", "1.1", "plan"), ("r1", "a1", "1.1", "plan")}
        with pytest.raises(RoundLocked):
            with store.atomic():
                store.put_item_decision("a1", "1.1", "plan", False, "理由", "now")
    with closing(sqlite3.connect(old)) as conn:  # edited behind the app's back
        conn.execute("UPDATE round SET locked = 0")
        conn.execute("DELETE FROM item_tick WHERE reviewer_uid = 'r1'")
        conn.execute("UPDATE round SET locked = 1")
        conn.commit()
    with RoundStore.open(old) as store:
        assert store.lock_state().state == audit.ALTERED


def test_pdfs_of_a_locked_round_are_dated_by_its_lock(demo_round: Path, tmp_path: Path):
    assert run_cli("lock", demo_round).returncode == 0
    with RoundStore.open(demo_round) as store:
        locked_at = store.locked_at()
        (lock,) = [e for e in store.audit_entries() if e.action == "lock"]
    assert locked_at == lock.at
    merged = rows(demo_round, "SELECT max(merged_at) FROM merged_revision")[0][0]
    assert locked_at > merged
    appendix, stats = tmp_path / "附件.pdf", tmp_path / "统计.pdf"
    assert run_cli("export-pdf", demo_round, appendix).returncode == 0
    assert run_cli("statistics", demo_round, "--pdf", stats).returncode == 0
    stamp = "D:" + datetime.fromisoformat(locked_at).strftime("%Y%m%d%H%M%S")
    for pdf in (appendix, stats):
        assert str(PdfReader(pdf).metadata["/CreationDate"]).startswith(stamp)
