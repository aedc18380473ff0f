"""The register's rows in a round file: batches, the alliances with their status and
former names, and the results of earlier years (round version 7).

Mixed into ``RoundStore`` (``self.conn``). Each write appends its audit entry; callers
wrap several in ``store.atomic()``. ``alliances()`` is this year's pilots (no status);
``register()`` is every alliance the round holds, withdrawn and suspended ones included.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from alliance_review.core.ranking import TierBand
from alliance_review.core.register import (
    Batch,
    FormerName,
    HistoryRound,
    PilotStatus,
    RegisterEntry,
    YearResult,
)
from alliance_review.core.roster import Alliance
from alliance_review.storage import audit
from alliance_review.storage.rows import from_centi, to_centi

_ALLIANCE_COLUMNS = "a.uid, a.name, a.position, a.batch, a.contact, a.short_name"


def _alliance(row: tuple[str, str, int, str | None, str, str]) -> Alliance:
    uid, name, position, batch, contact, short_name = row
    return Alliance(uid, name, position, batch, contact, short_name)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def printed_to_centi(printed: Decimal | None) -> int | None:
    if printed is None:
        return None
    centi = printed * 100
    if centi != centi.to_integral_value():
        raise ValueError(f"{printed} is not a multiple of 0.01")
    return int(centi)


def printed_from_centi(centi: int | None) -> Decimal | None:
    if centi is None:
        return None
    return Decimal(centi // 100) if centi % 100 == 0 else Decimal(centi).scaleb(-2)


class RegisterRows:
    """Batches, register and history of a round; mixed into ``RoundStore``."""

    conn: sqlite3.Connection

    # batches -----------------------------------------------------------------------------
    def batches(self) -> list[Batch]:
        """The round's pilot batches in their order."""
        return [
            Batch(name, position, designated)
            for name, position, designated in self.conn.execute(
                "SELECT name, position, designated FROM batch ORDER BY position, name"
            )
        ]

    def batch_names(self) -> list[str]:
        return [b.name for b in self.batches()]

    def batch_members(self, name: str) -> int:
        """How many alliances of the register belong to the batch ``name``."""
        return int(
            self.conn.execute("SELECT count(*) FROM alliance WHERE batch = ?", (name,)).fetchone()[
                0
            ]
        )

    def insert_batch(self, batch: Batch) -> None:
        """Add a batch at ``batch.position``, moving later batches down one place."""
        self.conn.execute(
            "UPDATE batch SET position = position + 1 WHERE position >= ?", (batch.position,)
        )
        self.conn.execute(
            "INSERT INTO batch (name, position, designated) VALUES (?, ?, ?)",
            (batch.name, batch.position, batch.designated),
        )
        audit.append(self.conn, "batches", {"add": batch.name, "designated": batch.designated})

    def update_batch(self, old_name: str, batch: Batch) -> None:
        """Rename (the alliances of the batch follow), re-date or move a batch."""
        self.conn.execute(
            "UPDATE batch SET name = ?, designated = ? WHERE name = ?",
            (batch.name, batch.designated, old_name),
        )
        order = [n for n in self.batch_names() if n != batch.name]
        order.insert(max(0, min(batch.position, len(order))), batch.name)
        self._order_batches(order)
        audit.append(
            self.conn,
            "batches",
            {"edit": old_name, "name": batch.name, "designated": batch.designated,
             "position": batch.position},
        )  # fmt: skip

    def _order_batches(self, names: Sequence[str]) -> None:
        self.conn.execute("UPDATE batch SET position = -1 - position")
        self.conn.executemany(
            "UPDATE batch SET position = ? WHERE name = ?",
            [(position, name) for position, name in enumerate(names)],
        )

    def delete_batch(self, name: str) -> Batch:
        """Delete a batch no alliance belongs to; returns it as it was."""
        row = self.conn.execute(
            "SELECT name, position, designated FROM batch WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            raise KeyError(name)
        self.conn.execute("DELETE FROM batch WHERE name = ?", (name,))
        self.conn.execute("UPDATE batch SET position = position - 1 WHERE position > ?", (row[1],))
        audit.append(self.conn, "batches", {"remove": name})
        return Batch(*row)

    # the register ------------------------------------------------------------------------
    def alliances(self) -> list[Alliance]:
        """This year's pilot alliances in roster order (withdrawn and suspended ones are
        in ``register()`` only)."""
        return [
            _alliance(row)
            for row in self.conn.execute(
                f"SELECT {_ALLIANCE_COLUMNS} FROM alliance a WHERE NOT EXISTS"
                " (SELECT 1 FROM pilot_status s WHERE s.alliance_uid = a.uid)"
                " ORDER BY a.position"
            )
        ]

    def register(self) -> list[RegisterEntry]:
        """Every alliance of the round in roster order, with status and former names."""
        statuses = {
            uid: PilotStatus(status, since, reason)
            for uid, status, since, reason in self.conn.execute(
                "SELECT alliance_uid, status, since, reason FROM pilot_status"
            )
        }
        names: dict[str, list[FormerName]] = {}
        for uid, name, renamed_in in self.conn.execute(
            "SELECT alliance_uid, name, renamed_in FROM alliance_name"
            " ORDER BY alliance_uid, renamed_in, name"
        ):
            names.setdefault(uid, []).append(FormerName(name, renamed_in))
        return [
            RegisterEntry(alliance, statuses.get(alliance.uid), tuple(names.get(alliance.uid, ())))
            for alliance in (
                _alliance(row)
                for row in self.conn.execute(
                    f"SELECT {_ALLIANCE_COLUMNS} FROM alliance a ORDER BY a.position"
                )
            )
        ]

    def register_entry(self, uid: str) -> RegisterEntry | None:
        return next((e for e in self.register() if e.alliance.uid == uid), None)

    def write_register(self, entries: Sequence[RegisterEntry]) -> None:
        """Write alliances with their status and former names (a new round, the demo);
        their positions are taken as given."""
        self.conn.executemany(
            "INSERT INTO alliance (uid, position, name, batch, contact, short_name)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (a.uid, a.position, a.name, a.batch, a.contact, a.short_name)
                for a in (e.alliance for e in entries)
            ],
        )
        self.conn.executemany(
            "INSERT INTO alliance_name (alliance_uid, name, renamed_in) VALUES (?, ?, ?)",
            [(e.alliance.uid, f.name, f.renamed_in) for e in entries for f in e.former_names],
        )
        at = _now()
        self.conn.executemany(
            "INSERT INTO pilot_status (alliance_uid, status, since, reason, recorded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (e.alliance.uid, e.status.status, e.status.since, e.status.reason, at)
                for e in entries
                if e.status is not None
            ],
        )
        audit.append(
            self.conn,
            "roster",
            {"added": len(entries), "not_pilots": sum(1 for e in entries if not e.active)},
        )

    def set_pilot_status(self, uid: str, status: PilotStatus | None) -> None:
        """Withdraw or suspend an alliance this year (``status``), or make it a pilot
        again (None). The file refuses it while reviewers are assigned to it or it is
        marked as not taking part."""
        self.conn.execute("DELETE FROM pilot_status WHERE alliance_uid = ?", (uid,))
        if status is not None:
            self.conn.execute(
                "INSERT INTO pilot_status (alliance_uid, status, since, reason, recorded_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (uid, status.status, status.since, status.reason, _now()),
            )
        audit.append(
            self.conn,
            "roster",
            {"status": uid}
            | ({"active": True} if status is None else
               {"status_now": status.status, "since": status.since, "reason": status.reason}),
        )  # fmt: skip

    def rename_alliance(self, uid: str, name: str, renamed_in: int) -> None:
        """Give an alliance a new name, keeping the old one among its former names."""
        (old,) = self.conn.execute("SELECT name FROM alliance WHERE uid = ?", (uid,)).fetchone()
        if old == name:
            return
        self.conn.execute(
            "DELETE FROM alliance_name WHERE alliance_uid = ? AND name = ?", (uid, name)
        )
        self.conn.execute("UPDATE alliance SET name = ? WHERE uid = ?", (name, uid))
        self.conn.execute(
            "INSERT INTO alliance_name (alliance_uid, name, renamed_in) VALUES (?, ?, ?)"
            " ON CONFLICT (alliance_uid, name) DO UPDATE SET renamed_in = excluded.renamed_in",
            (uid, old, renamed_in),
        )
        audit.append(self.conn, "roster", {"rename": uid, "from": old, "name": name})

    def restore_names(self, uid: str, name: str, former: Iterable[FormerName]) -> None:
        """Put an alliance's name and former names back as they were (an undo)."""
        self.conn.execute("DELETE FROM alliance_name WHERE alliance_uid = ?", (uid,))
        self.conn.execute("UPDATE alliance SET name = ? WHERE uid = ?", (name, uid))
        self.conn.executemany(
            "INSERT INTO alliance_name (alliance_uid, name, renamed_in) VALUES (?, ?, ?)",
            [(uid, f.name, f.renamed_in) for f in former],
        )
        audit.append(self.conn, "roster", {"rename": uid, "name": name, "restored": True})

    def has_history(self, uid: str) -> bool:
        return bool(
            self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM history WHERE alliance_uid = ?)", (uid,)
            ).fetchone()[0]
        )

    # history -----------------------------------------------------------------------------
    def history_rounds(self) -> list[HistoryRound]:
        """The earlier rounds whose results this round carries, oldest first."""
        return read_history_rounds(self.conn, with_uid=True)

    def history(self, alliance_uid: str | None = None) -> list[YearResult]:
        """Earlier years' results (of one alliance, or all), by year then rank."""
        return read_history(self.conn, alliance_uid)

    def write_history(self, rounds: Sequence[HistoryRound], results: Sequence[YearResult]) -> None:
        write_history(self.conn, rounds, results, with_uid=True)
        audit.append(
            self.conn, "history", {"years": [r.year for r in rounds], "results": len(results)}
        )


# shared by the round and the reviewer file (whose history_round has no round_uid and no
# carried_at, and whose history holds its own alliances only) ----------------------------
def read_history_rounds(conn: sqlite3.Connection, *, with_uid: bool) -> list[HistoryRound]:
    tiers: dict[int, list[TierBand]] = {}
    for year, name, min_centi in conn.execute(
        "SELECT year, name, min_centi FROM history_tier ORDER BY year, position"
    ):
        tiers.setdefault(year, []).append(
            TierBand(name, None if min_centi is None else from_centi(min_centi))
        )
    columns = "year, round_uid, title, full_centi" if with_uid else "year, '', title, full_centi"
    return [
        HistoryRound(year, uid, title, from_centi(full), tuple(tiers.get(year, ())))
        for year, uid, title, full in conn.execute(
            f"SELECT {columns} FROM history_round ORDER BY year"
        )
    ]


def read_history(conn: sqlite3.Connection, alliance_uid: str | None = None) -> list[YearResult]:
    where, values = ("WHERE alliance_uid = ?", (alliance_uid,)) if alliance_uid else ("", ())
    return [
        YearResult(
            uid,
            year,
            name,
            batch,
            status,
            reason,
            None if num is None else Fraction(num, den),
            printed_from_centi(printed),
            tier,
            rank,
        )  # fmt: skip
        for uid, year, name, batch, status, reason, num, den, printed, tier, rank in conn.execute(
            "SELECT alliance_uid, year, name, batch, status, reason, total_num, total_den,"
            f" printed_centi, tier, rank FROM history {where}"
            " ORDER BY year, rank IS NULL, rank, name",
            values,
        )
    ]


def write_history(
    conn: sqlite3.Connection,
    rounds: Sequence[HistoryRound],
    results: Sequence[YearResult],
    *,
    with_uid: bool,
) -> None:
    at = _now()
    for r in rounds:
        if with_uid:
            conn.execute(
                "INSERT INTO history_round (year, round_uid, title, full_centi, carried_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (r.year, r.round_uid, r.title, to_centi(r.full), at),
            )
        else:
            conn.execute(
                "INSERT INTO history_round (year, title, full_centi) VALUES (?, ?, ?)",
                (r.year, r.title, to_centi(r.full)),
            )
        conn.executemany(
            "INSERT INTO history_tier (year, position, name, min_centi) VALUES (?, ?, ?, ?)",
            [
                (r.year, p, t.name, None if t.min_total is None else to_centi(t.min_total))
                for p, t in enumerate(r.tiers)
            ],
        )
    conn.executemany(
        "INSERT INTO history (alliance_uid, year, name, batch, status, reason, total_num,"
        " total_den, printed_centi, tier, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                y.alliance_uid,
                y.year,
                y.name,
                y.batch,
                y.status,
                y.reason,
                None if y.total is None else y.total.numerator,
                None if y.total is None else y.total.denominator,
                printed_to_centi(y.printed),
                y.tier,
                y.rank,
            )  # fmt: skip
            for y in results
        ],
    )
