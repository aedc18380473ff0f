"""An anchor outside the round file: its audit chain's head as this computer last saw it.

The trail inside a round is append-only and hash-chained, but the chain is plain SHA-256:
someone with the file and sqlite3 can cut it back (triggers dropped and re-created) to
before a lock and present an unlocked round whose chain is intact. So the secretary's
data folder keeps, per round, the chain head after every lock, unlock, merge batch,
upgrade and restore done on this computer (``anchors/<hash of the round id>.json``), and
``check`` says "trail shorter than this computer last saw" (or "different") when the
file no longer holds that entry at that place.

What it covers: the secretary's computer, for rounds it has locked, unlocked, merged,
upgraded or restored. What it cannot: a file this computer never saw, or one whose trail
was rewritten before this computer saw it; nor someone with the secretary's account (who
can rewrite the data folder as well).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from alliance_review.system.places import private_dir
from alliance_review.system.writing import write_bytes

FOLDER = "anchors"
MAX_ANCHOR_BYTES = 64 * 1024
SHORTER, DIFFERS, MATCHES = "shorter", "differs", "matches"


@dataclass(frozen=True)
class Anchor:
    round_uid: str
    entries: int  # how many entries the trail had
    head: str  # the hash of the last of them
    first: str  # the hash of the first entry (finds the round should its id be changed)
    at: str
    action: str  # what was done when it was recorded (lock, unlock, merge, ...)
    # a restore about to replace the trail: its head, as the file holds it once written
    pending_entries: int = 0
    pending_head: str = ""


@dataclass(frozen=True)
class Comparison:
    state: str  # MATCHES | SHORTER | DIFFERS
    anchor: Anchor
    entries: int  # how many the file holds

    def problem(self) -> tuple[str, str] | None:
        """The sentence (zh, en) for ``check``, None when the trail holds the anchor."""
        seen = self.anchor
        if self.state == SHORTER:
            return (
                f"审计记录比本机上次所见的短：本机 {seen.at} 记录到第 {seen.entries} 条"
                f"（{_ACTION_ZH.get(seen.action, seen.action)}后），文件中只有 "
                f"{self.entries} 条。这是较旧的副本，或审计记录被截短过。",
                f"trail shorter than this computer last saw: on {seen.at} it recorded "
                f"{seen.entries} entries (after {seen.action}), the file holds "
                f"{self.entries}. This is an older copy, or the trail was cut back.",
            )
        if self.state == DIFFERS:
            return (
                f"审计记录与本机上次所见的不同：本机 {seen.at} 记录的第 {seen.entries} 条"
                "不在文件中。这是另一份副本，或审计记录被改写过。",
                f"trail differs from what this computer last saw: entry {seen.entries}, "
                f"recorded on {seen.at}, is not in the file. This is another copy, or the "
                "trail was rewritten.",
            )
        return None


_ACTION_ZH = {
    "lock": "锁定",
    "unlock": "解除锁定",
    "merge": "合并",
    "upgrade": "升级格式",
    "restore": "从备份恢复",
}


def _file_of(round_uid: str) -> Path:
    name = hashlib.sha256(round_uid.encode("utf-8")).hexdigest()[:32]
    return private_dir(FOLDER) / f"{name}.json"


def record(
    conn: sqlite3.Connection,
    round_uid: str,
    action: str,
    pending: tuple[int, str] | None = None,
) -> None:
    """Keep the chain head of the round behind ``conn`` (after a commit). An anchor that
    cannot be written (a full disk) leaves the one before: the act itself is done.
    ``pending``: the head a restore is about to write in one step; either head holds
    until the restore's own anchor replaces this one (a restore killed halfway is no
    cut trail)."""
    rows = conn.execute(
        "SELECT id, hash FROM audit WHERE id = (SELECT max(id) FROM audit) OR id = 1 ORDER BY id"
    ).fetchall()
    if not rows:
        return
    at = datetime.now().astimezone().isoformat(timespec="seconds")
    anchor = Anchor(round_uid, int(rows[-1][0]), str(rows[-1][1]), str(rows[0][1]), at, action,
                    *(pending or (0, "")))  # fmt: skip
    with contextlib.suppress(OSError):
        write_bytes(
            _file_of(round_uid),
            json.dumps(asdict(anchor), ensure_ascii=False).encode("utf-8"),
            private=True,
        )


def _read(path: Path) -> Anchor | None:
    try:
        if path.stat().st_size > MAX_ANCHOR_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        anchor = Anchor(**data)
    except (OSError, ValueError, TypeError):
        return None
    if not (type(anchor.entries) is int and anchor.entries >= 1):
        return None
    if not (type(anchor.pending_entries) is int and isinstance(anchor.pending_head, str)):
        return None
    if not all(isinstance(v, str) for v in (anchor.round_uid, anchor.head, anchor.first)):
        return None
    return anchor


def seen(round_uid: str, first: str) -> Anchor | None:
    """This computer's anchor of the round: by its id, else by its trail's first entry."""
    found = _read(_file_of(round_uid))
    if found is not None and found.round_uid == round_uid:
        return found
    if not first:
        return None
    try:
        candidates = sorted(private_dir(FOLDER).glob("*.json"))
    except OSError:
        return None
    for path in candidates:
        anchor = _read(path)
        if anchor is not None and anchor.first == first:
            return anchor
    return None


def compare(conn: sqlite3.Connection, round_uid: str) -> Comparison | None:
    """The trail of the round behind ``conn`` against this computer's anchor (None: this
    computer has none). Reads the few entries it needs, not the whole trail."""

    def hash_at(number: int) -> str | None:
        row = conn.execute("SELECT hash FROM audit WHERE id = ?", (number,)).fetchone()
        return None if row is None else str(row[0])

    has_trail = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'"
    ).fetchone()
    count = int(conn.execute("SELECT count(*) FROM audit").fetchone()[0]) if has_trail else 0
    anchor = seen(round_uid, (hash_at(1) or "") if count else "")
    if anchor is None:
        return None
    held = [
        number <= count and hash_at(number) == head
        for number, head in ((anchor.entries, anchor.head),
                             (anchor.pending_entries, anchor.pending_head))
        if number >= 1
    ]  # fmt: skip
    if any(held):
        return Comparison(MATCHES, anchor, count)
    if count < anchor.entries:
        return Comparison(SHORTER, anchor, count)
    return Comparison(DIFFERS, anchor, count)
