"""A returned reviewer file as the merge reads it: raw first, typed after the signature.

``read`` takes the file through ``storage.submission`` (regular file, size bound, no
foreign log, a private copy) and copies its rows, every value as the file holds it, into
the batch's stage (``storage.merge_stage``); the claimed identity is used only to look up
the key. ``typed`` then holds each value the merge uses to its SQLite type and bounds, in
SQL on the stage: points INTEGER (not REAL, TEXT or BLOB), notes and reasons text of
bounded length, ids text, the revision an integer.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from alliance_review.core.errors import FileRefused
from alliance_review.core.score_entry import MAX_NOTE_CHARS  # one limit: window, imports, merge
from alliance_review.storage import keys, merge_stage, sealing
from alliance_review.storage.panel_rows import REVOKED, IssuedKey
from alliance_review.storage.submission import RawSubmission, read_submission

MAX_REVISION = 1_000_000


@dataclass
class Incoming:
    path: Path
    content_hash: str
    raw: RawSubmission
    round_uid: str = ""
    reviewer_uid: str = ""
    reviewer_name: str = ""
    revision: int = 0
    number: int = -1  # its rows' file number in the stage


def read(stage: merge_stage.Stage, path: Path) -> Incoming:
    """Read a reviewer file as it stands (``storage.submission``): meta as stated, its rows
    copied raw into ``stage``.

    The claimed identity is taken as text only to look up the key; nothing else is used
    before ``verify_signature`` and ``typed``.
    """
    numbers: list[int] = []
    raw = read_submission(path, lambda copy, docs: numbers.append(stage.add(copy, docs)))
    incoming = Incoming(path, raw.content_hash, raw, number=numbers[0])
    claimed = raw.meta
    incoming.round_uid = claimed[0] if isinstance(claimed[0], str) else ""
    incoming.reviewer_uid = claimed[1] if isinstance(claimed[1], str) else ""
    incoming.reviewer_name = claimed[2] if isinstance(claimed[2], str) else ""
    return incoming


def not_submitted(name: str) -> FileRefused:
    return FileRefused(
        f"「{name}」尚未提交（未封存），请评审专家先在软件中提交。",
        f"{name} has not been submitted (sealed) by its reviewer yet.",
    )


class KeyBook(Protocol):
    """What the round says of the keys it issued (``merge._Round``; ``check --round``)."""

    def issued_key(self, key_id: str) -> IssuedKey | None: ...

    def reviewer_name(self, reviewer_uid: str) -> str: ...


def _claimed(raw: RawSubmission) -> tuple[str, str]:
    uid, name = raw.meta[1], raw.meta[2]
    return (uid if isinstance(uid, str) else ""), (name if isinstance(name, str) else "")


def verify_signature(raw: RawSubmission, book: KeyBook | None) -> None:
    """The signature of a returned file, before any value of it is used: the one rule of
    ``merge`` and ``check``. With the round's ``book``, with the key it issued; without
    (``check`` of a file alone), with the key the file carries, which proves only that
    the file is as its key's holder sealed it. Refuses (``FileRefused``, naming the file)
    a file of an older format (no key), one never signed, one whose signature does not
    match its content, a submitted copy carrying a private key (``submit`` never writes
    one), a key the round never issued, and a file in another reviewer's name."""
    name = raw.path.name
    seal = raw.seal
    if seal.status in (sealing.NO_KEY, sealing.OLDER):
        raise FileRefused(
            f"「{name}」没有签名密钥（由旧版软件发放），无法核验是谁提交的，不予合并。"
            "请给该评审专家重新发放文件。",
            f"{name} has no signing key (issued by an older version), so who submitted it "
            "cannot be verified; it is refused. Issue the reviewer a new file.",
        )
    if seal.status == sealing.UNSIGNED:
        raise not_submitted(name)
    if seal.has_private_key:
        raise FileRefused(
            f"「{name}」是已签名的提交文件，却带着私钥（软件提交时从不写入私钥）：它不是提交"
            "生成的文件，不予合并。",
            f"{name} is signed yet carries a private key, which a submission never does: it "
            "was not made by submitting; it is refused.",
        )
    issued = book.issued_key(seal.key_id) if book is not None and seal.key_id else None
    if book is not None and issued is None:
        raise FileRefused(
            f"「{name}」的签名密钥不是本轮次发放的，无法核验提交人，不予合并。",
            f"{name} is signed with a key this round never issued, so who submitted it "
            "cannot be verified; it is refused.",
        )
    if book is not None and issued is not None and issued.retired_at is not None:
        raise _retired(name, book.reviewer_name(issued.reviewer_uid), issued)
    owner, public = (issued.reviewer_uid, issued.public_key) if issued else ("", seal.public_key)
    if not keys.verify(public, seal.signature, raw.signed_message):
        raise FileRefused(
            f"「{name}」在评审专家提交（封存）之后被改动过（签名与内容不符），不予合并。",
            f"{name} was altered after its reviewer sealed it (the signature does not match "
            "its content); it is refused.",
        )
    claimed_uid, claimed_name = _claimed(raw)
    if book is not None and owner != claimed_uid:
        holder = book.reviewer_name(owner)
        who = book.reviewer_name(claimed_uid) if claimed_uid else (claimed_name or "?")
        if who == claimed_uid:
            who = claimed_name or "?"
        raise FileRefused(
            f"「{name}」自称来自{who}，但它是发给{holder}的文件（用{holder}的密钥签名），"
            "冒用他人身份，不予合并。",
            f"{name} claims to come from {who} but is {holder}'s file (signed with "
            f"{holder}'s key); a file in another reviewer's name is refused.",
        )


def _shown_time(stamp: str) -> str:
    """A stored time as the secretary reads it: "2016-03-05 10:00"."""
    return stamp.replace("T", " ")[:16]


def _retired(name: str, holder: str, key: IssuedKey) -> FileRefused:
    """A file signed with a key retired by a re-issue or a revocation: no longer valid."""
    when = _shown_time(key.retired_at or "")
    if key.retired_why == REVOKED:
        return FileRefused(
            f"「{name}」的签名密钥（发给{holder}）已于 {when} 被撤销，此后用它签名的文件不予合并；"
            "请给该评审专家重新发放文件。",
            f"{name} is signed with {holder}'s key, revoked on {when}: files signed with it "
            "are refused. Issue the reviewer a new file.",
        )
    return FileRefused(
        f"「{name}」用的是已作废的密钥：{holder}的评审专家文件已于 {when} 重新发放，此前发放的"
        "文件不再有效，不予合并；请评审专家用重新发放的文件提交。",
        f"{name} is signed with a retired key: {holder}'s reviewer file was issued again on "
        f"{when}, and the files issued before are no longer valid; it is refused. The "
        "reviewer submits from the file issued again.",
    )


def typed(incoming: Incoming, conn: sqlite3.Connection) -> None:
    """Hold every value the merge uses to its SQLite type and bounds (after the
    signature), in SQL on the stage attached to ``conn``."""
    name = incoming.path.name
    revision = incoming.raw.meta[3]
    if type(revision) is not int or not 0 <= revision <= MAX_REVISION:
        raise FileRefused(
            f"「{name}」的版本号不是有效的整数，不予合并。",
            f"{name} has no valid revision number; it is refused.",
        )
    incoming.revision = revision
    code, kind, problem = merge_stage.first_bad_score(conn, incoming.number, MAX_NOTE_CHARS)
    sentences = {
        1: (
            f"「{name}」中有无效的联盟或指标编号，不予合并。",
            f"{name} holds an invalid alliance or indicator id; it is refused.",
        ),
        2: (
            f"「{name}」中指标 {code} 的评分依据不是文字或超过 {MAX_NOTE_CHARS} 字，不予合并。",
            f"{name} holds an evidence note for {code} that is not text or longer than "
            f"{MAX_NOTE_CHARS} characters; it is refused.",
        ),
        3: (
            f"「{name}」中指标 {code} 的理由不是文字或过长，不予合并。",
            f"{name} holds a reason for {code} that is not text or too long; it is refused.",
        ),
        4: (
            f"「{name}」中指标 {code} 的分数存成了{TYPE_ZH.get(kind, '其他类型')}"
            "而不是整数，不予合并。",
            f"{name} stores the points of {code} as {TYPE_EN.get(kind, kind)}, not as an "
            "integer; it is refused.",
        ),
    }
    if problem:
        zh, en = sentences[problem]
        raise FileRefused(zh, en)
    if merge_stage.has_bad_tick(conn, incoming.number):
        raise FileRefused(
            f"「{name}」中有无效的评价要点勾选，不予合并。",
            f"{name} holds an invalid evidence item tick; it is refused.",
        )


# a value's SQLite storage class, named as the user reads it (and as Python names it)
TYPE_ZH = {"real": "小数（REAL）", "text": "文字（TEXT）", "blob": "二进制（BLOB）"}
TYPE_EN = {"real": "float", "text": "str", "blob": "bytes"}
