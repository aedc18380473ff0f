"""Documents travel with the reviewer files: only the assigned alliances' (never a
conflicted one's), their sizes said, a separate package when too large for e-mail, a
submission that names them by hash only, and a merge that checks what it names."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

import tests.document_files as files
from alliance_review.core.errors import RoundLocked, UserError
from alliance_review.services import documents as service
from alliance_review.services.document_package import attach_from_file, attach_package
from alliance_review.services.merge import MERGED, REFUSED, merge_into
from alliance_review.services.reviewer_files import issue_reviewer_files, reviewer_file_name
from alliance_review.services.reviewer_workflow import submit
from alliance_review.storage import audit
from alliance_review.storage import documents as rows
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.schema import REVIEWER_FILE, ROUND_FILE
from tests.conftest import DATA, run_cli
from tests.documents_support import TD, query, reviewer_of


def test_each_reviewer_file_holds_its_alliances_documents_and_no_others(
    round_docs: Path, tmp_path: Path
):
    out = tmp_path / "issued"
    result = run_cli("issue", round_docs, out)
    assert result.returncode == 0, result.stderr
    with_documents = {
        uid for (uid,) in query(round_docs, "SELECT DISTINCT alliance_uid FROM document")
    }
    own_td = query(
        round_docs,
        "SELECT r.name FROM conflict c JOIN reviewer r ON r.uid = c.reviewer_uid"
        " JOIN alliance a ON a.uid = c.alliance_uid WHERE a.name = ?",
        TD,
    )
    assert own_td  # TD's own secretary is a reviewer: TD's documents never reach them
    seen_td = 0
    for path in sorted(out.glob("*.alr-review")):
        (reviewer_uid,) = query(path, "SELECT reviewer_uid FROM meta")[0]
        assigned = {
            a
            for (a,) in query(
                round_docs,
                "SELECT alliance_uid FROM assignment WHERE reviewer_uid = ?",
                reviewer_uid,
            )
        }
        conflicted = {
            a
            for (a,) in query(
                round_docs, "SELECT alliance_uid FROM conflict WHERE reviewer_uid = ?", reviewer_uid
            )
        }
        held = {a for (a,) in query(path, "SELECT DISTINCT alliance_uid FROM document")}
        assert held == assigned & with_documents and not held & conflicted
        # the contents are the round's, byte for byte
        for sha, content in query(path, "SELECT sha256, content FROM document_blob"):
            assert hashlib.sha256(content).hexdigest() == sha
        (name,) = query(path, "SELECT reviewer_name FROM meta")[0]
        assert f"{path.name}  " in result.stdout  # its size is said beside its name
        if name == own_td[0][0]:
            assert not query(path, "SELECT 1 FROM document d JOIN alliance a ON"
                             " a.uid = d.alliance_uid WHERE a.name = ?", TD)  # fmt: skip
        seen_td += bool(query(path, "SELECT 1 FROM alliance WHERE name = ?", TD))
    assert seen_td == 3  # TD's three reviewers have it


def test_a_round_too_large_for_mail_is_told_and_can_send_its_documents_apart(
    round_docs: Path, tmp_path: Path
):
    large = files.padded_pdf(tmp_path / "TD联盟-扫描版年报.pdf", 21)
    assert run_cli("documents", round_docs, "add", "TD联盟", large).returncode == 0
    result = run_cli("issue", round_docs, tmp_path / "mail")
    assert "3 份文件大于 20.0 MB，多数电子邮箱无法作为附件发送" in result.stdout
    assert "--documents-apart" in result.stdout

    apart = tmp_path / "apart"
    result = run_cli("issue", round_docs, apart, "--documents-apart")
    assert result.returncode == 0 and "大于" not in result.stdout
    reviewer_uid, name = reviewer_of(round_docs, TD)
    with RoundStore.open(round_docs) as store:
        year = store.settings().year
        reviewer = next(r for r in store.reviewers() if r.uid == reviewer_uid)
    working = apart / reviewer_file_name(year, reviewer)
    package = apart / (working.stem + "-佐证材料.zip")
    assert working.stat().st_size < 2 * 1024 * 1024 and package.stat().st_size > 21 * 1024 * 1024
    assert f"{working.name}  " in result.stdout and f"+  {package.name}  21." in result.stdout
    assert query(working, "SELECT count(*) FROM document_blob WHERE content IS NOT NULL") == [(0,)]
    # a file carrying 20 MB of documents is built of large pages (copied fast), one
    # without of SQLite's default small ones (kept small)
    assert query(tmp_path / "mail" / working.name, "PRAGMA page_size") == [(65536,)]
    assert query(working, "PRAGMA page_size") == [(4096,)]

    # a package with one altered byte gives nothing for that document
    altered = tmp_path / package.name
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if "扫描版年报" in info.filename:
                data = data[:1000] + bytes([data[1000] ^ 1]) + data[1001:]
            target.writestr(info, data)
    with ReviewerStore.open(working) as file:
        report = attach_package(file.conn, altered)
        assert report.taken >= 1 and len(report.altered) == 1 and report.still_missing == 1
        report = attach_package(file.conn, package)  # the real one completes it
        assert report.taken == 1 and not report.altered and report.still_missing == 0
        assert rows.altered_contents(file.conn) == []


def test_a_package_already_there_is_kept_unless_forced_and_never_taken_for_this_issues(
    round_docs: Path, tmp_path: Path
):
    apart = tmp_path / "apart"
    assert run_cli("issue", round_docs, apart, "--documents-apart").returncode == 0
    packages = sorted(apart.glob("*.zip"))
    assert packages
    files_before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in apart.iterdir()}
    # only the package in the way (its reviewer file moved away): refused, nothing written
    moved = tmp_path / "moved"
    moved.mkdir()
    for path in apart.glob("*.alr-review"):
        path.rename(moved / path.name)
    result = run_cli("issue", round_docs, apart, "--documents-apart")
    assert result.returncode != 0 and any(p.name in result.stderr for p in packages)
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert sorted(apart.iterdir()) == packages
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() == files_before[p] for p in packages)
    # a cancelled issue (not apart) removes what it wrote, never a package that was there
    calls = []

    def cancel(done: int, total: int) -> bool:
        calls.append(done)
        return False

    with pytest.raises(UserError):
        issue_reviewer_files(round_docs, apart, cancel)
    assert calls == [1] and sorted(apart.iterdir()) == packages
    # issued with the documents inside: the packages beside are not called this issue's
    result = run_cli("issue", round_docs, apart)
    assert result.returncode == 0 and "佐证材料.zip" not in result.stdout
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() == files_before[p] for p in packages)
    # --force replaces them
    result = run_cli("issue", round_docs, apart, "--documents-apart", "--force")
    assert result.returncode == 0 and f"+  {packages[0].name}" in result.stdout


def test_a_submission_names_documents_by_hash_and_merges(round_docs: Path, tmp_path: Path):
    assert run_cli("issue", round_docs, tmp_path / "issued").returncode == 0
    reviewer_uid, _ = reviewer_of(round_docs, TD)
    working = next(
        p
        for p in (tmp_path / "issued").glob("*.alr-review")
        if query(p, "SELECT reviewer_uid FROM meta") == [(reviewer_uid,)]
    )
    with ReviewerStore.open(working) as file:
        td = next(a.uid for a in file.alliances() if a.name == TD)
        for indicator in file.rubric().indicators():
            file.set_score(td, indicator.code, indicator.max_points, "见〔2015年度工作总结 p.12〕")
    sent = submit(working, tmp_path / "sent.alr-review")
    documents_in_copy = query(sent.path, "SELECT alliance_uid, sha256 FROM document ORDER BY 2")
    assert documents_in_copy == query(
        working, "SELECT alliance_uid, sha256 FROM document ORDER BY 2"
    )
    assert query(sent.path, "SELECT count(*) FROM document_blob WHERE content IS NOT NULL") == [
        (0,)
    ]
    assert query(sent.path, "SELECT count(*) FROM document_page") == [(0,)]
    assert sent.path.stat().st_size < working.stat().st_size
    checked = run_cli("check", sent.path)
    assert checked.returncode == 0 and "签名" in checked.stdout
    # the demo round holds this reviewer's earlier scores; this file scores TD alone
    (report,) = merge_into(round_docs, [sent.path], accept_removals=True)
    assert report.outcome == MERGED, report.detail("zh")
    notes = query(
        round_docs,
        "SELECT DISTINCT note FROM score WHERE reviewer_uid = ? AND alliance_uid = ?",
        reviewer_uid,
        td,
    )
    assert notes == [("见〔2015年度工作总结 p.12〕",)]


def test_merge_refuses_a_file_naming_a_document_the_round_does_not_hold(
    round_docs: Path, tmp_path: Path
):
    assert run_cli("issue", round_docs, tmp_path / "issued").returncode == 0
    reviewer_uid, _ = reviewer_of(round_docs, TD)
    working = next(
        p
        for p in (tmp_path / "issued").glob("*.alr-review")
        if query(p, "SELECT reviewer_uid FROM meta") == [(reviewer_uid,)]
    )
    forged = hashlib.sha256(b"a document the round never had").hexdigest()
    with closing(sqlite3.connect(working)) as conn:  # the reviewer's own software, crafted
        td = conn.execute("SELECT uid FROM alliance WHERE name = ?", (TD,)).fetchone()[0]
        conn.execute("INSERT INTO document_blob VALUES (?, 3, NULL)", (forged,))
        conn.execute(
            "INSERT INTO document (alliance_uid, position, title, file_name, kind, sha256, pages,"
            " added_at) VALUES (?, 9, '伪造材料', 'x.pdf', 'pdf', ?, 1, 'now')",
            (td, forged),
        )
        conn.commit()
    sent = submit(working, tmp_path / "sent.alr-review")  # signed with the reviewer's own key
    before = query(round_docs, "SELECT count(*) FROM score")
    (report,) = merge_into(round_docs, [sent.path])
    assert report.outcome == REFUSED
    assert "列出的佐证材料不是本轮次为该联盟保存的文档" in report.detail("zh")
    assert query(round_docs, "SELECT count(*) FROM score") == before


def test_a_working_file_continued_from_a_submission_takes_its_documents_back(
    round_docs: Path, tmp_path: Path
):
    assert run_cli("issue", round_docs, tmp_path / "issued").returncode == 0
    issued = sorted((tmp_path / "issued").glob("*.alr-review"))
    original = next(p for p in issued if query(p, "SELECT count(*) FROM document") != [(0,)])
    sent = submit(original, tmp_path / "sent.alr-review")
    continued = tmp_path / "continued.alr-review"
    from alliance_review.services.reviewer_workflow import continue_from

    continue_from(sent.path, continued)
    with ReviewerStore.open(continued) as file:
        assert rows.missing_contents(file.conn)
        report = attach_from_file(file.conn, original)
        assert report.taken > 0 and report.still_missing == 0
    # the page texts (for searching) come back with them
    assert query(continued, "SELECT sha256, page, text FROM document_page ORDER BY 1, 2") == (
        query(original, "SELECT sha256, page, text FROM document_page ORDER BY 1, 2")
    )
    assert query(original, "SELECT count(*) FROM document_page") != [(0,)]


# older files ---------------------------------------------------------------------------------
def test_a_locked_round_of_the_previous_release_upgrades_still_locked_and_signed(
    tmp_path: Path,
):
    old = tmp_path / "round-2016.alr-round"
    shutil.copyfile(DATA / "round-v8.sqlite", old)
    with RoundStore.open(old) as store:
        assert store.info is not None and store.info.version == ROUND_FILE.version
        assert store.lock_state().state == audit.LOCKED_SIGNED
        assert rows.documents(store.conn) == []
        upgrade = store.audit_entries()[-1]
        assert upgrade.action == "upgrade" and upgrade.data()["from"] == 8
    extra = files.reportlab_pdf(tmp_path / "甲联盟-总结.pdf", pages=2)
    result = run_cli("documents", old, "add", "甲联盟", extra)
    assert result.returncode == 1 and "锁定" in result.stderr
    with RoundStore.open(old) as store:
        with pytest.raises(RoundLocked):
            with store.atomic():
                rows.put_page_texts(store.conn, "0" * 64, ["x"])
        assert store.lock_state().state == audit.LOCKED_SIGNED


def test_a_submission_of_the_previous_release_merges_into_the_upgraded_round(tmp_path: Path):
    round_file = tmp_path / "round-2016.alr-round"
    shutil.copyfile(DATA / "round-v8.sqlite", round_file)
    sent = tmp_path / "2016-甲联盟秘书长-提交-r2.alr-review"
    shutil.copyfile(DATA / "reviewer-v4.sqlite", sent)
    revoked = shutil.copyfile(round_file, tmp_path / "round-2016-revoked.alr-round")
    assert run_cli("unlock", round_file, "--reason", "合并补交文件").returncode == 0
    # keys as the previous release retired them, through both upgrades: the file's is current
    ((file_key,),) = query(sent, "SELECT key_id FROM signing")
    assert query(
        round_file,
        "SELECT key_id, retired_why FROM reviewer_key WHERE reviewer_uid = 'r1' ORDER BY issued_at",
    ) == [("k-r1-first", "reissued"), ("k-r1-again", "reissued"), (file_key, None)]
    # the fixture round holds a tick in r1's name (make_round_v5) this file does not repeat
    (report,) = merge_into(round_file, [sent], accept_removals=True)
    assert report.outcome == MERGED, report.detail("zh")
    assert query(
        round_file,
        "SELECT note FROM score WHERE reviewer_uid = 'r1' AND alliance_uid = 'a2'"
        " AND indicator_code = '1.1'",
    ) == [("缺下年度计划",)]
    with ReviewerStore.open_sealed(sent) as copy:
        assert copy.info is not None and copy.info.version == 4  # read as it is, never written
    assert REVIEWER_FILE.version > 4
    # the same file once its key is revoked in the upgraded round: refused, nothing merged
    assert run_cli("unlock", revoked, "--reason", "撤销密钥").returncode == 0
    assert run_cli("reviewers", revoked, "revoke", "甲联盟秘书长").returncode == 0
    (refused,) = merge_into(revoked, [sent], accept_removals=True)
    assert refused.outcome == REFUSED and "被撤销" in refused.detail("zh"), refused.detail("zh")
    assert query(
        revoked,
        "SELECT note FROM score WHERE reviewer_uid = 'r1' AND alliance_uid = 'a2'"
        " AND indicator_code = '1.1'",
    ) != [("缺下年度计划",)]


def test_documents_added_then_removed_leave_no_content_behind(round_docs: Path):
    with RoundStore.open(round_docs) as store:
        for document in rows.documents(store.conn):
            service.remove_document(store, document.id)
        assert query(round_docs, "SELECT count(*) FROM document_blob") == [(0,)]
        assert query(round_docs, "SELECT count(*) FROM document_page") == [(0,)]
