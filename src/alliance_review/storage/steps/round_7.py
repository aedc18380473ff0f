"""Round version 7: the programme across years (issue 17, the register).

- ``batch``: the pilot batches are data of the programme (name, the year designated,
  order), seeded with 第一批-第三批; ``alliance.batch`` refers to a batch by name (the
  fixed CHECK of version 1 is dropped: later batches such as 第四批 are possible).
  A locked round keeps its batches as they were: the column's values are copied with the
  lock trigger of ``alliance`` lifted for that one statement and put back at once, as
  step 3 wrote it, inside the upgrade's one transaction.
- ``alliance.short_name``: the short name the source uses in running text (TD联盟).
- ``alliance_name``: names an alliance bore before it was renamed (identity kept).
- ``pilot_status``: an alliance that is no pilot this year: withdrawn (退出/撤销) or
  suspended, since a year, with a reason; it cannot be assigned nor marked as not
  taking part (it is no pilot), and one with reviewers assigned cannot be withdrawn.
- ``history_round`` / ``history_tier`` / ``history``: the results of earlier rounds
  (per alliance: year, name and batch then, status, exact total, printed score, tier,
  rank), carried by ``new-round --from`` so a round holds its own history. An alliance
  with history cannot be deleted (its foreign key has no action): it is withdrawn.

Every new table refuses writes in a locked round, like those of step 3.
"""

from __future__ import annotations

STEP: list[str] = [
    """CREATE TABLE batch (
        name TEXT PRIMARY KEY CHECK (length(trim(name)) BETWEEN 1 AND 40),
        position INTEGER NOT NULL,
        designated INTEGER CHECK (designated IS NULL OR designated BETWEEN 1990 AND 2200)
    )""",
    "INSERT INTO batch (name, position, designated) VALUES ('第一批', 0, NULL), ('第二批', 1, NULL), ('第三批', 2, NULL)",
    "ALTER TABLE alliance ADD COLUMN pilot_batch TEXT REFERENCES batch(name) ON UPDATE CASCADE",
    "DROP TRIGGER alliance_locked_update",
    "UPDATE alliance SET pilot_batch = batch WHERE batch IS NOT NULL",
    "CREATE TRIGGER alliance_locked_update BEFORE UPDATE ON alliance WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "ALTER TABLE alliance DROP COLUMN batch",
    "ALTER TABLE alliance RENAME COLUMN pilot_batch TO batch",
    "ALTER TABLE alliance ADD COLUMN short_name TEXT NOT NULL DEFAULT '' CHECK (length(short_name) <= 40)",
    """CREATE TABLE alliance_name (
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        renamed_in INTEGER NOT NULL CHECK (renamed_in BETWEEN 1990 AND 2200),
        PRIMARY KEY (alliance_uid, name)
    )""",
    """CREATE TABLE pilot_status (
        alliance_uid TEXT PRIMARY KEY REFERENCES alliance(uid) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('withdrawn', 'suspended')),
        since INTEGER NOT NULL CHECK (since BETWEEN 1990 AND 2200),
        reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
        recorded_at TEXT NOT NULL
    )""",
    "CREATE TRIGGER assignment_not_a_pilot BEFORE INSERT ON assignment WHEN EXISTS (SELECT 1 FROM pilot_status WHERE alliance_uid = NEW.alliance_uid) BEGIN SELECT RAISE(ABORT, 'alliance is no pilot this year'); END",
    "CREATE TRIGGER non_participant_not_a_pilot BEFORE INSERT ON non_participant WHEN EXISTS (SELECT 1 FROM pilot_status WHERE alliance_uid = NEW.alliance_uid) BEGIN SELECT RAISE(ABORT, 'alliance is no pilot this year'); END",
    "CREATE TRIGGER pilot_status_assigned BEFORE INSERT ON pilot_status WHEN EXISTS (SELECT 1 FROM assignment WHERE alliance_uid = NEW.alliance_uid) BEGIN SELECT RAISE(ABORT, 'alliance has reviewers assigned'); END",
    "CREATE TRIGGER pilot_status_non_participant BEFORE INSERT ON pilot_status WHEN EXISTS (SELECT 1 FROM non_participant WHERE alliance_uid = NEW.alliance_uid) BEGIN SELECT RAISE(ABORT, 'alliance is marked as not taking part'); END",
    """CREATE TABLE history_round (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
        round_uid TEXT NOT NULL,
        title TEXT NOT NULL,
        full_centi INTEGER NOT NULL CHECK (full_centi > 0),
        carried_at TEXT NOT NULL
    )""",
    """CREATE TABLE history_tier (
        year INTEGER NOT NULL REFERENCES history_round(year) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        min_centi INTEGER,
        PRIMARY KEY (year, position)
    )""",
    """CREATE TABLE history (
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid),
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
    "CREATE TRIGGER batch_locked_insert BEFORE INSERT ON batch WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER batch_locked_update BEFORE UPDATE ON batch WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER batch_locked_delete BEFORE DELETE ON batch WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER alliance_name_locked_insert BEFORE INSERT ON alliance_name WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER alliance_name_locked_update BEFORE UPDATE ON alliance_name WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER alliance_name_locked_delete BEFORE DELETE ON alliance_name WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER pilot_status_locked_insert BEFORE INSERT ON pilot_status WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER pilot_status_locked_update BEFORE UPDATE ON pilot_status WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER pilot_status_locked_delete BEFORE DELETE ON pilot_status WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_round_locked_insert BEFORE INSERT ON history_round WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_round_locked_update BEFORE UPDATE ON history_round WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_round_locked_delete BEFORE DELETE ON history_round WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_tier_locked_insert BEFORE INSERT ON history_tier WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_tier_locked_update BEFORE UPDATE ON history_tier WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_tier_locked_delete BEFORE DELETE ON history_tier WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_locked_insert BEFORE INSERT ON history WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_locked_update BEFORE UPDATE ON history WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE TRIGGER history_locked_delete BEFORE DELETE ON history WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
]
