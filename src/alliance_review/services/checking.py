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

from alliance_review.core.errors import FileRefused
from alliance_review.services.merge_reading import verify_signature
from alliance_review.storage import anchor, audit, documents, sealing
from alliance_review.storage.files import open_verified
from alliance_review.storage.panel_rows import KEY_RETIRED, IssuedKey
from alliance_review.storage.reviewer_store import ReviewerStore
from alliance_review.storage.round_store import RoundStore
from alliance_review.storage.submission import read_submission


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
    returned: bool | None = None  # a submitted copy, or claims to be one
    key_issued_by_round: bool | None = None  # verified with the key ``--round`` issued
    # a round file
    locked: bool | None = None
    chain: str | None = None
    chain_entries: int | None = None
    chain_head: str | None = None
    lock: str | None = None
    fingerprint: str | None = None
    this_computer_key: bool | None = None
    lock_signature: str | None = None
    anchor: str | None = None  # the trail against this computer's anchor (storage.anchor)
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


class _RoundKeys:
    """The keys a round issued and its reviewers' names (``check FILE --round ROUND``)."""

    def __init__(self, store: RoundStore) -> None:
        self.store = store
        self.names = {r.uid: r.name for r in store.reviewers()}
        self.round_uid = store.settings().uid

    def issued_key(self, key_id: str) -> IssuedKey | None:
        return self.store.reviewer_key(key_id)

    def reviewer_name(self, reviewer_uid: str) -> str:
        return self.names.get(reviewer_uid, reviewer_uid)


def check_file(path: Path | str, round_path: Path | str | None = None) -> CheckReport:
    """Everything ``check`` says about ``path`` (FileRefused if it is unusable); a
    returned reviewer file's signature as ``merge`` verifies it, with the key ``round_path``
    issued when given."""
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
    if report.kind == "reviewer" and report.returned:
        _returned_part(report, path, round_path)
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


def _returned_part(report: CheckReport, path: Path, round_path: Path | str | None) -> None:
    """A returned file read and verified as ``merge`` reads and verifies it."""
    try:
        raw = read_submission(path)
        if round_path is None:
            verify_signature(raw, None)
        else:
            with RoundStore.open_readonly(round_path) as store:
                book = _RoundKeys(store)
                if book.round_uid != report.round_uid:
                    raise FileRefused(
                        f"「{path.name}」属于另一个评价轮次，不是「{Path(round_path).name}」的。",
                        f"{path.name} belongs to another round than {Path(round_path).name}.",
                    )
                verify_signature(raw, book)
            report.key_issued_by_round = True
    except FileRefused as refusal:
        report.signature = "invalid"
        report.sealed = False
        report.problems.append(refusal.zh)
        report.problems_en.append(refusal.en)
        return
    report.signature = "valid"


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
    comparison = store.anchor_comparison()
    report.anchor = "none" if comparison is None else comparison.state
    for zh, en in _altered(state) + _anchored(comparison) + _keys_restored(store, report):
        report.problems.append(zh)
        report.problems_en.append(en)


def _keys_restored(store: RoundStore, report: CheckReport) -> list[tuple[str, str]]:
    """A key the trail records as retired must be retired in the file (round step 8):
    one made current again with sqlite3 would let a file sent before sign again."""
    if report.version < 8 or report.chain != audit.INTACT:
        return []
    with store.read_transaction():
        retired = {
            str(e.data().get("key", ""))
            for e in store.audit_entries()
            if e.action == KEY_RETIRED
        }
        current = retired - store.retired_keys()
    if not current:
        return []
    shown = ", ".join(sorted(current)[:3])
    return [
        (
            f"审计记录中已作废的签名密钥在文件中却仍然有效（被改回）：{shown}。",
            f"Signing keys the trail records as retired are current in the file (made "
            f"current again): {shown}.",
        )
    ]


def _altered(state: audit.LockState) -> list[tuple[str, str]]:
    if state.state != audit.ALTERED:
        return []
    return [(f"锁定后被改动：{state.reason_zh}。", f"Altered after locking: {state.reason}.")]


def _anchored(comparison: anchor.Comparison | None) -> list[tuple[str, str]]:
    problem = None if comparison is None else comparison.problem()
    if problem is None:
        return []
    return [(problem[0], problem[1][0].upper() + problem[1][1:])]


def trust_problems(store: RoundStore) -> list[tuple[str, str]]:
    """What makes a round untrustworthy as it stands (zh, en): altered after locking, a
    trail shorter than (or other than) this computer last saw. For the window's banner."""
    with store.read_transaction():
        return _altered(store.lock_state()) + _anchored(store.anchor_comparison())


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
    # a working file keeps its private key and is never signed itself (only the copy
    # that travels is); anything else claims to be a submitted copy and is judged as one
    report.returned = seal.status != sealing.OLDER and (
        not seal.has_private_key or meta.sealed_at is not None or bool(seal.signature)
    )
    if seal.status in (sealing.OLDER, sealing.NO_KEY):
        report.signature = "none-older-format"
        report.sealed = meta.revision > 0 and meta.sealed_at is not None
    elif seal.status == sealing.UNSIGNED:
        report.signature, report.sealed = "unsigned", False
    elif seal.status == sealing.SIGNED:
        report.signature, report.sealed = "valid", True
    elif not report.returned:  # the working file, edited since it was last sealed
        report.signature, report.sealed = "changed-since-sealed", False
    else:
        report.signature, report.sealed = "invalid", False


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
            f"Signature: {report.signature}{_key_words(report, True)}",
        ]
    state = "已封存" if report.sealed else "未封存"
    return [
        f"评审专家: {report.reviewer}",
        f"版本: 第 {report.revision} 版（{state}{'，' + at if at else ''}）",
        f"进度: 已完成 {p.get('done', 0)} / {p.get('alliances', 0)} 个联盟，"
        f"全部评分 {p.get('scored', 0)} 个",
        f"签名: {_SIGNATURE_ZH.get(report.signature or '', report.signature)}"
        + _key_words(report, False),
    ]


def _key_words(report: CheckReport, en: bool) -> str:
    """Which key the signature was verified with, after "valid" of a returned file."""
    if not report.returned or report.signature != "valid":
        return ""
    words = (
        (
            " (with the key the round issued to this reviewer)",
            "（用评价轮次发给该评审专家的密钥核验）",
        )
        if report.key_issued_by_round
        else (
            " (with the key the file carries; add --round ROUND to check it against the round)",
            "（用文件自带的公钥核验；对照评价轮次核验请加 --round 评价轮次文件）",
        )
    )
    return words[0] if en else words[1]


_ANCHOR_WORDS = {
    "matches": (
        "一致（审计记录含本机上次所见的全部记录）",
        "the trail holds all this computer saw",
    ),
    "none": ("本机未记录过此轮次", "this computer has no record of this round"),
}


def _round_lines(report: CheckReport, en: bool) -> list[str]:
    lines = []
    if report.chain is not None:
        lines.append(
            f"Audit trail: {report.chain}, {report.chain_entries} entries"
            if en
            else f"审计记录: {'完整' if report.chain == audit.INTACT else '已被改动'}，"
            f"共 {report.chain_entries} 条"
        )
    if report.anchor is not None:
        words = _ANCHOR_WORDS.get(report.anchor, ("与本机所见不符（见下）", "differs (see below)"))
        lines.append(f"This computer's record: {words[1]}" if en else f"与本机记录: {words[0]}")
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
