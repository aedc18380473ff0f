"""``check``: what a file is and whether it can be trusted, without changing it.

The file is opened read-only and never upgraded. For a round: the audit chain and the
lock (content digest, signature, which key). For a reviewer file: sealed or not, its
revision, progress and signature. A ``-wal`` beside the file is reported: it holds
changes the file alone does not (a copy of the file alone would lose them).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from alliance_review.storage import audit, documents, sealing
from alliance_review.storage.files import open_verified
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore


@dataclass
class CheckReport:
    path: str
    kind: str
    version: int
    current_version: int
    integrity: str
    round_uid: str
    title: str
    year: int
    wal_beside: bool = False
    # a reviewer file
    reviewer: str | None = None
    sealed: bool | None = None
    revision: int | None = None
    sealed_at: str | None = None
    progress: dict[str, int] | None = None
    signature: str | None = None
    key_id: str | None = None
    private_key: bool | None = None
    # a round file
    locked: bool | None = None
    chain: str | None = None
    chain_entries: int | None = None
    chain_head: str | None = None
    lock: str | None = None
    fingerprint: str | None = None
    this_computer_key: bool | None = None
    lock_signature: str | None = None
    problems: list[str] = field(default_factory=list)
    problems_en: list[str] = field(default_factory=list)

    @property
    def needs_upgrade(self) -> bool:
        return self.version < self.current_version

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        data["needs_upgrade"] = self.needs_upgrade
        data["valid"] = not self.problems
        return {k: v for k, v in data.items() if v is not None}


def _wal_beside(path: Path) -> bool:
    wal = Path(str(path) + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def check_file(path: Path | str) -> CheckReport:
    """Everything ``check`` says about ``path`` (FileRefused if it is unusable)."""
    path = Path(path)
    conn, info = open_verified(path)
    try:
        report = CheckReport(
            str(path), info.kind.name, info.version, info.kind.version, "ok",
            info.round_uid, info.title, info.year, _wal_beside(path),
        )  # fmt: skip
        if info.kind.name == "round":
            _round_part(report, RoundStore(conn, path, info))
        else:
            _reviewer_part(report, ReviewerStore(conn, path, info))
        _documents_part(report, conn)
    finally:
        conn.close()
    return report


def _documents_part(report: CheckReport, conn: sqlite3.Connection) -> None:
    """Every document's content read through once against its SHA-256 (streamed)."""
    if not documents.has_documents_tables(conn):
        return
    altered = documents.altered_contents(conn)
    if altered:
        report.problems.append(
            f"有 {len(altered)} 个文档的内容与其指纹（SHA-256）不符：文件被改动过。"
        )
        report.problems_en.append(
            f"{len(altered)} document(s) do not match their fingerprint (SHA-256): the file "
            "was altered."
        )


def _round_part(report: CheckReport, store: RoundStore) -> None:
    if report.version < 2:
        report.locked = False
        return
    state = store.lock_state()
    report.locked = store.is_locked()
    report.chain, report.chain_entries = state.chain, state.entries
    report.chain_head = state.head or None
    report.lock = state.state
    if state.state == audit.LOCKED_SIGNED:
        report.fingerprint = state.fingerprint
        report.this_computer_key = state.this_computer
        report.lock_signature = state.signature
    if state.state == audit.ALTERED:
        report.problems.append(f"锁定后被改动：{state.reason_zh}。")
        report.problems_en.append(f"Altered after locking: {state.reason}.")


def _reviewer_part(report: CheckReport, store: ReviewerStore) -> None:
    from alliance_review.services.reviewer_workflow import progress_of

    meta = store.meta()
    report.reviewer = meta.reviewer_name
    report.revision = meta.revision
    report.sealed_at = meta.sealed_at
    progress = progress_of(store)
    report.progress = {
        "alliances": progress.alliances,
        "scored": progress.scored,
        "done": progress.done,
    }
    seal = store.seal_state()
    report.key_id = seal.key_id or None
    report.private_key = seal.has_private_key if seal.status != sealing.OLDER else None
    if seal.status in (sealing.OLDER, sealing.NO_KEY):
        report.signature = "none-older-format"
        report.sealed = meta.revision > 0 and meta.sealed_at is not None
    elif seal.status == sealing.UNSIGNED:
        report.signature, report.sealed = "unsigned", False
    elif seal.status == sealing.SIGNED:
        report.signature, report.sealed = "valid", True
    elif seal.has_private_key:  # the working file, edited since it was last sealed
        report.signature, report.sealed = "changed-since-sealed", False
    else:
        report.signature, report.sealed = "invalid", False
        report.problems.append("提交（封存）之后被改动过：签名与内容不符。")
        report.problems_en.append("Altered after it was sealed: the signature does not match.")


def describe(report: CheckReport, language: str = "zh") -> list[str]:
    """The lines ``check`` prints."""
    en = language.startswith("en")
    name = Path(report.path).name
    lines = [f"{name}: {report.kind} file" if en else f"{name}: {_KIND_ZH[report.kind]}"]
    lines.append(
        f"Round: {report.title} ({report.year})  id {report.round_uid}"
        if en
        else f"评价轮次: {report.title} ({report.year})  round id: {report.round_uid}"
    )
    upgrade = (
        (" (upgraded when opened)" if en else "（打开时将升级到当前格式）")
        if report.needs_upgrade
        else ""
    )
    lines.append(
        f"Format: {report.version} / {report.current_version}{upgrade}"
        if en
        else f"格式版本: {report.version} / {report.current_version}{upgrade}"
    )
    lines.append("Integrity: ok" if en else "完整性: 通过")
    lines += _reviewer_lines(report, en) if report.kind == "reviewer" else _round_lines(report, en)
    if report.wal_beside:
        lines.append(
            f"Warning: {name}-wal beside it holds changes not yet in the file; close the app "
            "that has it open before copying or sending it."
            if en
            else f"警告：旁边有「{name}-wal」，其中有尚未写入文件的改动；复制或发送前请先关闭"
            "打开它的软件。"
        )
    lines += report.problems_en if en else report.problems
    lines.append(
        ("Result: NOT valid" if report.problems else "Result: valid")
        if en
        else ("结论: 不可信（见上）" if report.problems else "校验: 通过 (valid)")
    )
    return lines


_KIND_ZH = {"round": "评价轮次文件 (round file)", "reviewer": "评审专家文件 (reviewer file)"}
_SIGNATURE_ZH = {
    "valid": "有效",
    "unsigned": "未签名（尚未提交）",
    "changed-since-sealed": "封存后又有改动（尚未重新提交）",
    "invalid": "无效",
    "none-older-format": "无（旧版软件发放的文件）",
}
_LOCK_ZH = {
    audit.UNLOCKED: "未锁定",
    audit.LOCKED_SIGNED: "已锁定，签名有效",
    audit.LOCKED_LEGACY: "已锁定（旧版软件锁定，无签名；内容与升级时一致）",
    audit.ALTERED: "锁定后被改动",
    audit.NO_TRAIL: "已锁定（旧格式，无审计记录）",
}


def _reviewer_lines(report: CheckReport, en: bool) -> list[str]:
    p = report.progress or {}
    at = report.sealed_at or ""
    if en:
        state = "sealed" if report.sealed else "not sealed"
        return [
            f"Reviewer: {report.reviewer}",
            f"Revision: {report.revision} ({state}{', ' + at if at else ''})",
            f"Progress: {p.get('done', 0)} of {p.get('alliances', 0)} alliances done, "
            f"{p.get('scored', 0)} fully scored",
            f"Signature: {report.signature}",
        ]
    state = "已封存" if report.sealed else "未封存"
    return [
        f"评审专家: {report.reviewer}",
        f"版本: 第 {report.revision} 版（{state}{'，' + at if at else ''}）",
        f"进度: 已完成 {p.get('done', 0)} / {p.get('alliances', 0)} 个联盟，"
        f"全部评分 {p.get('scored', 0)} 个",
        f"签名: {_SIGNATURE_ZH.get(report.signature or '', report.signature)}",
    ]


def _round_lines(report: CheckReport, en: bool) -> list[str]:
    lines = []
    if report.chain is not None:
        lines.append(
            f"Audit trail: {report.chain}, {report.chain_entries} entries"
            if en
            else f"审计记录: {'完整' if report.chain == audit.INTACT else '已被改动'}，"
            f"共 {report.chain_entries} 条"
        )
    lock = report.lock or (audit.UNLOCKED if not report.locked else audit.NO_TRAIL)
    lines.append(f"Lock: {lock}" if en else f"锁定: {_LOCK_ZH.get(lock, lock)}")
    if report.fingerprint:
        mine = (
            (" (this computer's key)" if en else "（本机密钥）")
            if report.this_computer_key
            else (" (NOT this computer's key)" if en else "（不是本机的密钥）")
        )
        lines.append(
            f"Signed with key {report.fingerprint}{mine}"
            if en
            else f"签名密钥指纹: {report.fingerprint}{mine}"
        )
    return lines
