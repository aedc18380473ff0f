"""Reviewer version 4: the programme across years (issue 17, the register).

- ``alliance.batch`` takes any batch name of the round (the fixed CHECK of version 1 is
  dropped; a batch name is at most 40 characters).
- ``history_round`` / ``history_tier`` / ``history``: the earlier years' results of the
  reviewer's own alliances only (year, name and batch then, status, exact total, printed
  score, tier, rank), shown beside the alliance; nothing about any other alliance.
"""

from __future__ import annotations

STEP: list[str] = [
    "ALTER TABLE alliance ADD COLUMN pilot_batch TEXT CHECK (pilot_batch IS NULL OR length(trim(pilot_batch)) BETWEEN 1 AND 40)",
    "UPDATE alliance SET pilot_batch = batch WHERE batch IS NOT NULL",
    "ALTER TABLE alliance DROP COLUMN batch",
    "ALTER TABLE alliance RENAME COLUMN pilot_batch TO batch",
    """CREATE TABLE history_round (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
        title TEXT NOT NULL,
        full_centi INTEGER NOT NULL CHECK (full_centi > 0)
    )""",
    """CREATE TABLE history_tier (
        year INTEGER NOT NULL REFERENCES history_round(year) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        min_centi INTEGER,
        PRIMARY KEY (year, position)
    )""",
    """CREATE TABLE history (
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
        year INTEGER NOT NULL REFERENCES history_round(year) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        batch TEXT,
        status TEXT NOT NULL CHECK (status IN ('ranked', 'not_taking_part', 'not_scored', 'withdrawn', 'suspended')),
        reason TEXT NOT NULL DEFAULT '',
        total_num INTEGER CHECK (total_num IS NULL OR total_num >= 0),
        total_den INTEGER CHECK (total_den IS NULL OR total_den > 0),
        printed_centi INTEGER CHECK (printed_centi IS NULL OR printed_centi >= 0),
        tier TEXT,
        rank INTEGER CHECK (rank IS NULL OR rank >= 1),
        CHECK ((status = 'ranked') = (total_num IS NOT NULL AND total_den IS NOT NULL AND rank IS NOT NULL AND tier IS NOT NULL)),
        PRIMARY KEY (alliance_uid, year)
    )""",
]
