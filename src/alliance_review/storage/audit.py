"""The round's audit trail: append-only, hash-chained, lock and unlock entries signed.

Each entry's hash covers its number, time, action, detail (canonical JSON), its
predecessor's hash and the public key that signs it (if any); the file's triggers refuse
an UPDATE or DELETE and an entry that does not follow the chain. Locking records the
round's content digest (every table but the trail itself) in a ``lock`` entry whose
predecessor is the chain head, signed with the secretary's key; ``lock_state`` recomputes
all of it from a (read-only) connection, so ``check`` can tell "altered after locking".
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alliance_review.storage import canonical

# ``storage.keys`` (and with it the cryptography library) is imported where a signature is
# made or checked: a command that only reads a round needs neither.

CONTENT_LABEL = "alliance-review round content v1"
LOCK, UNLOCK, UPGRADE = "lock", "unlock", "upgrade"
SIGNED_ACTIONS = (LOCK, UNLOCK)
TRAIL_FORMAT = 5  # the round format that added the audit trail


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    action: str
    detail: str
    prev_hash: str
    hash: str
    public_key: bytes | None
    signature: bytes | None

    def data(self) -> dict[str, Any]:
        try:
            value = json.loads(self.detail)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


def entry_hash(
    number: int, at: str, action: str, detail: str, prev_hash: str, public_key: bytes | None
) -> str:
    payload = json.dumps(
        ["alliance-review audit v1", number, at, action, detail, prev_hash,
         None if public_key is None else public_key.hex()],
        ensure_ascii=False,
        separators=(",", ":"),
    )  # fmt: skip
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def detail_text(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# The merge log takes a line for every attempt, refused ones included, also on a locked
# round; the audit trail holds the same events chained, so neither is part of the content.
NOT_CONTENT = ("audit", "merge_log")


def content_digest(conn: sqlite3.Connection) -> str:
    """Every table of the round but the logs, canonically (``storage.canonical``)."""
    return canonical.digest(conn, CONTENT_LABEL, leave_out=NOT_CONTENT)


def has_trail(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'"
        ).fetchone()
        is not None
    )


def entries(conn: sqlite3.Connection) -> list[AuditEntry]:
    return [
        AuditEntry(*row)
        for row in conn.execute(
            "SELECT id, at, action, detail, prev_hash, hash, public_key, signature"
            " FROM audit ORDER BY id"
        )
    ]


def append(
    conn: sqlite3.Connection,
    action: str,
    detail: dict[str, Any],
    signing_key: bytes | None = None,
) -> AuditEntry:
    """Add one entry at the chain's head (in the caller's transaction)."""
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    number, prev = (1, "") if row is None else (int(row[0]) + 1, str(row[1]))
    at = datetime.now().astimezone().isoformat(timespec="seconds")
    text = detail_text(detail)
    public = signature = None
    if signing_key is not None:
        from alliance_review.storage import keys

        public = keys.public_of(signing_key)
    digest = entry_hash(number, at, action, text, prev, public)
    if signing_key is not None:
        signature = keys.sign(signing_key, digest.encode("ascii"))
    conn.execute(
        "INSERT INTO audit (id, at, action, detail, prev_hash, hash, public_key, signature)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (number, at, action, text, prev, digest, public, signature),
    )
    return AuditEntry(number, at, action, text, prev, digest, public, signature)


# verifying ----------------------------------------------------------------------------
INTACT, BROKEN = "intact", "broken"
# lock states
UNLOCKED, LOCKED_SIGNED, LOCKED_LEGACY, ALTERED, NO_TRAIL = (
    "unlocked",
    "locked-signed",
    "locked-unsigned-older-format",
    "altered-after-locking",
    "no-audit-trail",
)


@dataclass(frozen=True)
class LockState:
    """What ``check`` reports about a round's trail and lock."""

    chain: str  # INTACT | BROKEN | NO_TRAIL
    entries: int
    head: str
    state: str  # UNLOCKED | LOCKED_SIGNED | LOCKED_LEGACY | ALTERED | NO_TRAIL
    reason: str = ""  # English, for ALTERED / BROKEN
    reason_zh: str = ""
    fingerprint: str = ""
    this_computer: bool = False
    signature: str = ""  # hex of the lock signature
    content_sha256: str = ""


def _chain_problem(trail: list[AuditEntry]) -> tuple[str, str] | None:
    from alliance_review.storage import keys

    prev = ""
    for number, entry in enumerate(trail, start=1):
        if entry.id != number or entry.prev_hash != prev:
            return (f"第 {number} 条记录缺失或顺序被改动", f"entry {number} is missing or moved")
        expected = entry_hash(
            entry.id, entry.at, entry.action, entry.detail, entry.prev_hash, entry.public_key
        )
        if expected != entry.hash:
            return (f"第 {number} 条记录被改动", f"entry {number} was altered")
        if entry.action in SIGNED_ACTIONS and not (
            entry.public_key is not None
            and entry.signature is not None
            and keys.verify(entry.public_key, entry.signature, entry.hash.encode("ascii"))
        ):
            return (f"第 {number} 条记录的签名无效", f"the signature of entry {number} is invalid")
        prev = entry.hash
    return None


def lock_state(conn: sqlite3.Connection) -> LockState:
    """Recompute chain, signature and content digest; never writes."""
    locked = bool(conn.execute("SELECT locked FROM round").fetchone()[0])
    if not has_trail(conn):
        return LockState(NO_TRAIL, 0, "", NO_TRAIL if locked else UNLOCKED)
    trail = entries(conn)
    head = trail[-1].hash if trail else ""
    problem = _chain_problem(trail)
    if problem is not None:
        return LockState(BROKEN, len(trail), head, ALTERED, problem[1], problem[0])
    events = [e for e in trail if e.action in SIGNED_ACTIONS or _legacy_lock(e)]
    last = events[-1] if events else None
    if not locked:
        if last is not None and last.action != UNLOCK:
            return LockState(
                INTACT, len(trail), head, ALTERED,
                "the round was unlocked without a signed unlock record",
                "轮次未经签名的解除锁定记录就被解锁",
            )  # fmt: skip
        return LockState(INTACT, len(trail), head, UNLOCKED)
    if last is None or last.action == UNLOCK:
        return LockState(
            INTACT, len(trail), head, ALTERED,
            "the round is marked locked without a signed lock record",
            "轮次被标为锁定，却没有签名的锁定记录",
        )  # fmt: skip
    recorded = str(last.data().get("content_sha256", ""))
    current = content_digest(conn)
    if recorded != current:
        return LockState(
            INTACT, len(trail), head, ALTERED,
            "its content differs from what was recorded when it was locked",
            "内容与锁定时记录的不一致",
            content_sha256=recorded,
        )  # fmt: skip
    basis = lock_basis(events, trail)
    if isinstance(basis, tuple):
        return LockState(INTACT, len(trail), head, ALTERED, basis[1], basis[0])
    if basis.action == UPGRADE:
        return LockState(INTACT, len(trail), head, LOCKED_LEGACY, content_sha256=recorded)
    from alliance_review.storage import keys  # cryptography: only where a lock is checked

    public = basis.public_key or b""
    mine = keys.secretary_public_key()
    return LockState(
        INTACT,
        len(trail),
        head,
        LOCKED_SIGNED,
        fingerprint=keys.fingerprint(public),
        this_computer=mine == public,
        signature=(basis.signature or b"").hex(),
        content_sha256=recorded,
    )


def lock_basis(events: list[AuditEntry], trail: list[AuditEntry]) -> AuditEntry | tuple[str, str]:
    """The entry a locked round's lock comes from, or why none can (zh, en).

    An unsigned entry never establishes or re-bases a lock. The last event is a signed
    lock, or an upgrade that records the content from before it; that content must be
    what the event before it recorded (a signed lock, or an older upgrade chained the
    same way), back to a signed lock. The one lock without a signature is a round locked
    by a release older than the trail: the upgrade that started the trail (its first
    entry, from a format without one) recorded it, and nothing came before it.
    """
    at = len(events) - 1
    while events[at].action == UPGRADE:
        if at == 0:
            if _started_the_trail(events[0], trail):
                return events[0]
            return (
                "一条未签名的升级记录把轮次标为锁定，但轮次从未被签名锁定",
                "an unsigned upgrade entry marks the round locked, but it was never locked "
                "with a signature",
            )
        before = events[at].data().get("content_sha256_before")
        earlier = events[at - 1]
        if earlier.action == UNLOCK:
            return (
                "解除锁定之后，一条未签名的升级记录又把轮次标为锁定",
                "after it was unlocked, an unsigned upgrade entry marked the round locked again",
            )
        if not before or earlier.data().get("content_sha256") != before:
            return (
                "一条未签名的升级记录所记的升级前内容与签名锁定时的内容不一致",
                "an unsigned upgrade entry records content before the upgrade that differs "
                "from what the signed lock recorded",
            )
        at -= 1
    return events[at]


def _started_the_trail(entry: AuditEntry, trail: list[AuditEntry]) -> bool:
    """The upgrade that created the trail of a file older than it (format 4 or less)."""
    origin = entry.data().get("from")
    return bool(trail) and trail[0] is entry and type(origin) is int and origin < TRAIL_FORMAT


def locked_at(conn: sqlite3.Connection) -> str | None:
    """When the round was locked: the time of the signed lock entry its lock comes from
    (an upgrade since does not count), or None when it is not locked, its lock does not
    hold, or the lock came from a release that did not record it."""
    if not bool(conn.execute("SELECT locked FROM round").fetchone()[0]):
        return None
    trail = entries(conn)
    events = [e for e in trail if e.action in SIGNED_ACTIONS or _legacy_lock(e)]
    if not events or events[-1].action == UNLOCK:
        return None
    lock = lock_basis(events, trail)
    return lock.at if isinstance(lock, AuditEntry) and lock.action == LOCK else None


def _legacy_lock(entry: AuditEntry) -> bool:
    """An upgrade of a round locked by an older release (its digest recorded, unsigned)."""
    return entry.action == UPGRADE and bool(entry.data().get("locked"))
