"""The two file kinds, their ``application_id`` and their ``user_version`` ladders.

Points are stored as integers in hundredths of a point ("centipoints"), so CHECK
constraints and triggers can hold them to 0..max and to the rubric's step exactly.
Each ladder step is a list of statements applied in one exclusive transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from alliance_review.storage.steps import reviewer_4, reviewer_5, round_7, round_8, round_9

ROUND_APPLICATION_ID = 0x414C5252  # "ALRR": alliance review, round file
REVIEWER_APPLICATION_ID = 0x414C5256  # "ALRV": alliance review, reviewer file

ROUND_LOCKED = "round is locked as final"

# Every step below is literal SQL of its own, written out in full: an older file must look
# exactly as its step made it, so no step shares a constant with another step or with the
# other ladder (tests/test_schema_steps.py pins each step's SHA-256). A schema change is a
# new step at the end of a ladder, never an edit of an existing one.

ROUND_LADDER: list[list[str]] = [
    # version 1: set-up, assignments, scores
    [
        """CREATE TABLE round (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uid TEXT NOT NULL,
            title TEXT NOT NULL,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
            period TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            consensus_method TEXT NOT NULL DEFAULT 'mean'
                CHECK (consensus_method IN ('mean', 'median', 'trimmed_mean')),
            rounding TEXT NOT NULL DEFAULT 'half_up'
                CHECK (rounding IN ('half_up', 'half_even', 'down')),
            tie_rule TEXT NOT NULL DEFAULT 'batch_then_roster'
                CHECK (tie_rule IN ('batch_then_roster', 'roster', 'name')),
            reviewers_per_alliance INTEGER NOT NULL DEFAULT 3 CHECK (reviewers_per_alliance >= 1),
            note_below_full INTEGER NOT NULL DEFAULT 1,
            note_margin_centi INTEGER NOT NULL DEFAULT 200 CHECK (note_margin_centi >= 0),
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE tier (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            min_centi INTEGER
        )""",
        """CREATE TABLE category (
        code TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0)
    )""",
        """CREATE TABLE indicator (
        code TEXT PRIMARY KEY,
        category_code TEXT NOT NULL REFERENCES category(code) ON UPDATE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        criteria TEXT NOT NULL DEFAULT '',
        max_centi INTEGER NOT NULL CHECK (max_centi > 0),
        step_centi INTEGER NOT NULL DEFAULT 100 CHECK (step_centi > 0 AND max_centi % step_centi = 0)
    )""",
        """CREATE TABLE alliance (
        uid TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        batch TEXT CHECK (batch IS NULL OR batch IN ('第一批', '第二批', '第三批')),
        contact TEXT NOT NULL DEFAULT ''
    )""",
        """CREATE TABLE reviewer (
            uid TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
        )""",
        """CREATE TABLE conflict (
            reviewer_uid TEXT NOT NULL REFERENCES reviewer(uid) ON DELETE CASCADE,
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('own', 'declared')),
            PRIMARY KEY (reviewer_uid, alliance_uid)
        )""",
        """CREATE TABLE assignment (
            reviewer_uid TEXT NOT NULL REFERENCES reviewer(uid) ON DELETE CASCADE,
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            PRIMARY KEY (reviewer_uid, alliance_uid)
        )""",
        """CREATE TRIGGER assignment_no_conflict BEFORE INSERT ON assignment
            WHEN EXISTS (SELECT 1 FROM conflict WHERE reviewer_uid = NEW.reviewer_uid
                         AND alliance_uid = NEW.alliance_uid)
            BEGIN SELECT RAISE(ABORT, 'reviewer has a conflict with this alliance'); END""",
        """CREATE TABLE self_score (
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
        indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE,
        points_centi INTEGER CHECK (points_centi >= 0),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (alliance_uid, indicator_code)
    )""",
        """CREATE TRIGGER self_score_points_insert BEFORE INSERT ON self_score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TRIGGER self_score_points_update BEFORE UPDATE ON self_score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TABLE score (
            reviewer_uid TEXT NOT NULL,
            alliance_uid TEXT NOT NULL,
            indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE,
            points_centi INTEGER NOT NULL CHECK (points_centi >= 0),
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (reviewer_uid, alliance_uid, indicator_code),
            FOREIGN KEY (reviewer_uid, alliance_uid)
                REFERENCES assignment(reviewer_uid, alliance_uid) ON DELETE CASCADE
        )""",
        """CREATE TRIGGER score_points_insert BEFORE INSERT ON score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TRIGGER score_points_update BEFORE UPDATE ON score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
    ],
    # version 2: merge bookkeeping, panel decisions, locking
    [
        "ALTER TABLE round ADD COLUMN locked INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE merged_revision (
            reviewer_uid TEXT PRIMARY KEY REFERENCES reviewer(uid) ON DELETE CASCADE,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            content_hash TEXT NOT NULL,
            merged_at TEXT NOT NULL
        )""",
        """CREATE TABLE merge_log (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            reviewer_uid TEXT,
            revision INTEGER,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('merged', 'unchanged', 'refused')),
            detail TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE decision (
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL DEFAULT '',
            points_centi INTEGER NOT NULL CHECK (points_centi >= 0),
            rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
            decided_at TEXT NOT NULL,
            PRIMARY KEY (alliance_uid, indicator_code)
        )""",
        """CREATE TABLE decision_log (
            id INTEGER PRIMARY KEY,
            alliance_uid TEXT NOT NULL,
            indicator_code TEXT NOT NULL DEFAULT '',
            points_centi INTEGER,
            rationale TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('set', 'withdrawn'))
        )""",
    ],
    # version 3: the panel's disagreement threshold (reviewer totals apart by more than
    # this many hundredths of a point flag an alliance) is a round setting
    # and a locked round refuses every edit in the file itself, whoever writes (the
    # services say so first, in a clear sentence; these triggers are the backstop)
    [
        "ALTER TABLE round ADD COLUMN disagreement_centi INTEGER NOT NULL DEFAULT 1000 CHECK (disagreement_centi > 0)",
        "CREATE TRIGGER tier_locked_insert BEFORE INSERT ON tier WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER tier_locked_update BEFORE UPDATE ON tier WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER tier_locked_delete BEFORE DELETE ON tier WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER category_locked_insert BEFORE INSERT ON category WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER category_locked_update BEFORE UPDATE ON category WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER category_locked_delete BEFORE DELETE ON category WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER indicator_locked_insert BEFORE INSERT ON indicator WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER indicator_locked_update BEFORE UPDATE ON indicator WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER indicator_locked_delete BEFORE DELETE ON indicator WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER alliance_locked_insert BEFORE INSERT ON alliance WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER alliance_locked_update BEFORE UPDATE ON alliance WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER alliance_locked_delete BEFORE DELETE ON alliance WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER reviewer_locked_insert BEFORE INSERT ON reviewer WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER reviewer_locked_update BEFORE UPDATE ON reviewer WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER reviewer_locked_delete BEFORE DELETE ON reviewer WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER conflict_locked_insert BEFORE INSERT ON conflict WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER conflict_locked_update BEFORE UPDATE ON conflict WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER conflict_locked_delete BEFORE DELETE ON conflict WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER assignment_locked_insert BEFORE INSERT ON assignment WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER assignment_locked_update BEFORE UPDATE ON assignment WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER assignment_locked_delete BEFORE DELETE ON assignment WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER self_score_locked_insert BEFORE INSERT ON self_score WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER self_score_locked_update BEFORE UPDATE ON self_score WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER self_score_locked_delete BEFORE DELETE ON self_score WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER score_locked_insert BEFORE INSERT ON score WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER score_locked_update BEFORE UPDATE ON score WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER score_locked_delete BEFORE DELETE ON score WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER merged_revision_locked_insert BEFORE INSERT ON merged_revision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER merged_revision_locked_update BEFORE UPDATE ON merged_revision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER merged_revision_locked_delete BEFORE DELETE ON merged_revision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER decision_locked_insert BEFORE INSERT ON decision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER decision_locked_update BEFORE UPDATE ON decision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER decision_locked_delete BEFORE DELETE ON decision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER decision_log_locked_insert BEFORE INSERT ON decision_log WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER decision_log_locked_update BEFORE UPDATE ON decision_log WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER decision_log_locked_delete BEFORE DELETE ON decision_log WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER round_locked_update BEFORE UPDATE ON round WHEN OLD.locked = 1 AND NEW.locked = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    ],
    # version 4: participation (a round holds every pilot alliance; one that did not take
    # part is marked with a reason from an editable list), evidence items per indicator
    # with an optional points rule, reviewers' and alliances' own ticks, a reason when a
    # reviewer departs from the rule's points, and two publishing settings: which
    # reviewers' ticks make an item done, and which number decides the tier. Only new
    # tables and columns: no existing row is rewritten, so a locked round upgrades as is.
    [
        "ALTER TABLE round ADD COLUMN item_rule TEXT NOT NULL DEFAULT 'majority' CHECK (item_rule IN ('majority', 'half', 'any', 'all'))",
        "ALTER TABLE round ADD COLUMN tier_by TEXT NOT NULL DEFAULT 'total' CHECK (tier_by IN ('total', 'printed'))",
        "ALTER TABLE score ADD COLUMN override_reason TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE participation_reason (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
        )""",
        "INSERT INTO participation_reason (position, name) VALUES (0, '联系不畅'), (1, '不愿提供'), (2, '延误提交')",
        """CREATE TABLE non_participant (
            alliance_uid TEXT PRIMARY KEY REFERENCES alliance(uid) ON DELETE CASCADE,
            reason TEXT NOT NULL REFERENCES participation_reason(name) ON UPDATE CASCADE,
            note TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE evidence_item (
            indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 24),
            position INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            PRIMARY KEY (indicator_code, key)
        )""",
        """CREATE TABLE item_points (
            indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE ON DELETE CASCADE,
            ticked INTEGER NOT NULL CHECK (ticked >= 0),
            points_centi INTEGER NOT NULL CHECK (points_centi >= 0),
            PRIMARY KEY (indicator_code, ticked)
        )""",
        """CREATE TABLE item_tick (
            reviewer_uid TEXT NOT NULL,
            alliance_uid TEXT NOT NULL,
            indicator_code TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (reviewer_uid, alliance_uid, indicator_code, key),
            FOREIGN KEY (reviewer_uid, alliance_uid)
                REFERENCES assignment(reviewer_uid, alliance_uid) ON DELETE CASCADE,
            FOREIGN KEY (indicator_code, key)
                REFERENCES evidence_item(indicator_code, key) ON UPDATE CASCADE
        )""",
        """CREATE TABLE self_item_tick (
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (alliance_uid, indicator_code, key),
            FOREIGN KEY (indicator_code, key)
                REFERENCES evidence_item(indicator_code, key) ON UPDATE CASCADE
        )""",
        "CREATE TRIGGER assignment_non_participant BEFORE INSERT ON assignment WHEN EXISTS (SELECT 1 FROM non_participant WHERE alliance_uid = NEW.alliance_uid) BEGIN SELECT RAISE(ABORT, 'alliance did not take part'); END",
        "CREATE TRIGGER non_participant_assigned BEFORE INSERT ON non_participant WHEN EXISTS (SELECT 1 FROM assignment WHERE alliance_uid = NEW.alliance_uid) BEGIN SELECT RAISE(ABORT, 'alliance has reviewers assigned'); END",
        "CREATE TRIGGER participation_reason_locked_insert BEFORE INSERT ON participation_reason WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER participation_reason_locked_update BEFORE UPDATE ON participation_reason WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER participation_reason_locked_delete BEFORE DELETE ON participation_reason WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER non_participant_locked_insert BEFORE INSERT ON non_participant WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER non_participant_locked_update BEFORE UPDATE ON non_participant WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER non_participant_locked_delete BEFORE DELETE ON non_participant WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER evidence_item_locked_insert BEFORE INSERT ON evidence_item WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER evidence_item_locked_update BEFORE UPDATE ON evidence_item WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER evidence_item_locked_delete BEFORE DELETE ON evidence_item WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_points_locked_insert BEFORE INSERT ON item_points WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_points_locked_update BEFORE UPDATE ON item_points WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_points_locked_delete BEFORE DELETE ON item_points WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_tick_locked_insert BEFORE INSERT ON item_tick WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_tick_locked_update BEFORE UPDATE ON item_tick WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_tick_locked_delete BEFORE DELETE ON item_tick WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER self_item_tick_locked_insert BEFORE INSERT ON self_item_tick WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER self_item_tick_locked_update BEFORE UPDATE ON self_item_tick WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER self_item_tick_locked_delete BEFORE DELETE ON self_item_tick WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    ],
    # version 5: trust. Each issued reviewer file carries its own Ed25519 key pair; the
    # round keeps the public half (reviewer_key) to verify a sealed submission. The audit
    # trail is append-only (triggers refuse UPDATE and DELETE) and hash-chained (each
    # entry names its predecessor's hash; the app computes the hashes); a lock entry is
    # signed with the secretary's key. The older logs become append-only as well.
    # selfeval_issue (issue 11, office): the token each self-evaluation workbook went out with.
    [
        """CREATE TABLE reviewer_key (
            key_id TEXT PRIMARY KEY,
            reviewer_uid TEXT NOT NULL REFERENCES reviewer(uid) ON DELETE CASCADE,
            public_key BLOB NOT NULL CHECK (typeof(public_key) = 'blob' AND length(public_key) = 32),
            issued_at TEXT NOT NULL
        )""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            public_key BLOB CHECK (public_key IS NULL OR length(public_key) = 32),
            signature BLOB CHECK (signature IS NULL OR length(signature) = 64)
        )""",
        """CREATE TRIGGER audit_follows_chain BEFORE INSERT ON audit
            WHEN NEW.id IS NOT coalesce((SELECT max(id) FROM audit), 0) + 1
            OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '')
            BEGIN SELECT RAISE(ABORT, 'audit entry does not follow the chain'); END""",
        "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER merge_log_append_only_update BEFORE UPDATE ON merge_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER merge_log_append_only_delete BEFORE DELETE ON merge_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER decision_log_append_only_update BEFORE UPDATE ON decision_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER decision_log_append_only_delete BEFORE DELETE ON decision_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        """CREATE TABLE selfeval_issue (
            alliance_uid TEXT PRIMARY KEY REFERENCES alliance(uid) ON DELETE CASCADE,
            token TEXT NOT NULL CHECK (length(token) = 32),
            issued_at TEXT NOT NULL
        )""",
        "CREATE TRIGGER selfeval_issue_locked_insert BEFORE INSERT ON selfeval_issue WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER selfeval_issue_locked_update BEFORE UPDATE ON selfeval_issue WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER selfeval_issue_locked_delete BEFORE DELETE ON selfeval_issue WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER reviewer_key_locked_insert BEFORE INSERT ON reviewer_key WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER reviewer_key_locked_update BEFORE UPDATE ON reviewer_key WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER reviewer_key_locked_delete BEFORE DELETE ON reviewer_key WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    ],
    # version 6: the panel's decisions on evidence items (report2, issue 12): for one item
    # of one alliance the panel may override what the reviewers' ticks make of it (counts
    # as done or not), with a rationale; logged like the decisions on points (append-only),
    # and a locked round refuses them.
    [
        """CREATE TABLE item_decision (
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL,
            key TEXT NOT NULL,
            done INTEGER NOT NULL CHECK (done IN (0, 1)),
            rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
            decided_at TEXT NOT NULL,
            PRIMARY KEY (alliance_uid, indicator_code, key),
            FOREIGN KEY (indicator_code, key)
                REFERENCES evidence_item(indicator_code, key) ON UPDATE CASCADE ON DELETE CASCADE
        )""",
        """CREATE TABLE item_decision_log (
            id INTEGER PRIMARY KEY,
            alliance_uid TEXT NOT NULL,
            indicator_code TEXT NOT NULL,
            key TEXT NOT NULL,
            done INTEGER CHECK (done IS NULL OR done IN (0, 1)),
            rationale TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('set', 'withdrawn'))
        )""",
        "CREATE TRIGGER item_decision_locked_insert BEFORE INSERT ON item_decision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_decision_locked_update BEFORE UPDATE ON item_decision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_decision_locked_delete BEFORE DELETE ON item_decision WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_decision_log_locked_insert BEFORE INSERT ON item_decision_log WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_decision_log_locked_update BEFORE UPDATE ON item_decision_log WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_decision_log_locked_delete BEFORE DELETE ON item_decision_log WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
        "CREATE TRIGGER item_decision_log_append_only_update BEFORE UPDATE ON item_decision_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        "CREATE TRIGGER item_decision_log_append_only_delete BEFORE DELETE ON item_decision_log BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    ],
    # version 7: the register across years (issue 17): storage/steps/round_7.py
    round_7.STEP,
    # version 8: keys that retire, one current key per reviewer (issue 19):
    # storage/steps/round_8.py
    round_8.STEP,
    # version 9: each alliance's documents (issue 21): storage/steps/round_9.py
    round_9.STEP,
]

REVIEWER_LADDER: list[list[str]] = [
    # version 1: meta, rubric, assigned alliances, self-evaluations, scores, done marks
    [
        """CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            round_uid TEXT NOT NULL,
            round_title TEXT NOT NULL,
            round_year INTEGER NOT NULL,
            reviewer_uid TEXT NOT NULL,
            reviewer_name TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            note_below_full INTEGER NOT NULL DEFAULT 1,
            note_margin_centi INTEGER NOT NULL DEFAULT 200,
            revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
            sealed_at TEXT
        )""",
        """CREATE TABLE category (
        code TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0)
    )""",
        """CREATE TABLE indicator (
        code TEXT PRIMARY KEY,
        category_code TEXT NOT NULL REFERENCES category(code) ON UPDATE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        criteria TEXT NOT NULL DEFAULT '',
        max_centi INTEGER NOT NULL CHECK (max_centi > 0),
        step_centi INTEGER NOT NULL DEFAULT 100 CHECK (step_centi > 0 AND max_centi % step_centi = 0)
    )""",
        """CREATE TABLE alliance (
        uid TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        batch TEXT CHECK (batch IS NULL OR batch IN ('第一批', '第二批', '第三批')),
        contact TEXT NOT NULL DEFAULT ''
    )""",
        """CREATE TABLE self_score (
        alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
        indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE,
        points_centi INTEGER CHECK (points_centi >= 0),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (alliance_uid, indicator_code)
    )""",
        """CREATE TRIGGER self_score_points_insert BEFORE INSERT ON self_score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TRIGGER self_score_points_update BEFORE UPDATE ON self_score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TABLE score (
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE,
            points_centi INTEGER CHECK (points_centi >= 0),
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (alliance_uid, indicator_code)
        )""",
        """CREATE TRIGGER score_points_insert BEFORE INSERT ON score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TRIGGER score_points_update BEFORE UPDATE ON score WHEN NEW.points_centi IS NOT NULL AND (
            NEW.points_centi > (SELECT max_centi FROM indicator WHERE code = NEW.indicator_code)
            OR NEW.points_centi % (SELECT step_centi FROM indicator WHERE code = NEW.indicator_code) != 0)
        BEGIN SELECT RAISE(ABORT, 'points out of range or off step'); END""",
        """CREATE TABLE alliance_status (
            alliance_uid TEXT PRIMARY KEY REFERENCES alliance(uid) ON DELETE CASCADE,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
        )""",
    ],
    # version 2: evidence items with their points rule, the reviewer's ticks, the
    # alliance's own ticks (self-evaluation), a reason when points depart from the rule
    [
        "ALTER TABLE score ADD COLUMN override_reason TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE evidence_item (
            indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 24),
            position INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            PRIMARY KEY (indicator_code, key)
        )""",
        """CREATE TABLE item_points (
            indicator_code TEXT NOT NULL REFERENCES indicator(code) ON UPDATE CASCADE ON DELETE CASCADE,
            ticked INTEGER NOT NULL CHECK (ticked >= 0),
            points_centi INTEGER NOT NULL CHECK (points_centi >= 0),
            PRIMARY KEY (indicator_code, ticked)
        )""",
        """CREATE TABLE item_tick (
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (alliance_uid, indicator_code, key),
            FOREIGN KEY (indicator_code, key)
                REFERENCES evidence_item(indicator_code, key) ON UPDATE CASCADE ON DELETE CASCADE
        )""",
        """CREATE TABLE self_item_tick (
            alliance_uid TEXT NOT NULL REFERENCES alliance(uid) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (alliance_uid, indicator_code, key),
            FOREIGN KEY (indicator_code, key)
                REFERENCES evidence_item(indicator_code, key) ON UPDATE CASCADE ON DELETE CASCADE
        )""",
    ],
    # version 3: the file's signing key (issued with the file; the round keeps the public
    # half) and the signature of the sealed revision over the file's canonical content.
    # A submitted copy keeps no private key.
    [
        """CREATE TABLE signing (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key_id TEXT NOT NULL,
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            private_key BLOB CHECK (private_key IS NULL OR length(private_key) = 32),
            signature BLOB CHECK (signature IS NULL OR length(signature) = 64)
        )""",
    ],
    # version 4: batches by name, earlier years' results: storage/steps/reviewer_4.py
    reviewer_4.STEP,
    # version 5: the documents of the reviewer's alliances (issue 21): storage/steps/reviewer_5.py
    reviewer_5.STEP,
]


@dataclass(frozen=True)
class FileKind:
    name: str
    label_zh: str
    application_id: int
    ladder: list[list[str]] = field(repr=False)

    @property
    def version(self) -> int:
        return len(self.ladder)


ROUND_FILE = FileKind("round", "评价轮次文件", ROUND_APPLICATION_ID, ROUND_LADDER)
REVIEWER_FILE = FileKind("reviewer", "评审专家文件", REVIEWER_APPLICATION_ID, REVIEWER_LADDER)
KINDS = {kind.application_id: kind for kind in (ROUND_FILE, REVIEWER_FILE)}


def apply_ladder(conn: sqlite3.Connection, kind: FileKind, start: int, stop: int) -> None:
    """Apply steps start+1..stop in the caller's transaction and set ``user_version``."""
    for version in range(start + 1, stop + 1):
        for statement in kind.ladder[version - 1]:
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {kind.application_id}")
    conn.execute(f"PRAGMA user_version = {stop}")


def schema_signature(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """The file's schema as (type, name, normalised sql), to compare against ours."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [(t, n, " ".join((s or "").split())) for t, n, s in rows]


_expected: dict[tuple[int, int], list[tuple[str, str, str]]] = {}


def expected_signature(
    kind: FileKind, version: int, fresh: bool = False
) -> list[tuple[str, str, str]]:
    """The schema the ladder makes for ``kind`` at ``version``: built once per computer
    for this ladder and SQLite (``storage.known_schemas``), or now when ``fresh``."""
    key = (kind.application_id, version)
    if fresh or key not in _expected:
        from alliance_review.storage import known_schemas

        remembered = known_schemas.key_of(kind.application_id, kind.ladder[:version])
        found = None if fresh else known_schemas.recalled(remembered)
        if found is None:
            memory = sqlite3.connect(":memory:")
            apply_ladder(memory, kind, 0, version)
            found = schema_signature(memory)
            memory.close()
            known_schemas.remember(remembered, found)
        _expected[key] = found
    return _expected[key]


def has_schema(conn: sqlite3.Connection, kind: FileKind, version: int) -> bool:
    """Whether the file's schema is exactly what the ladder makes (a remembered schema
    that disagrees is built afresh before the file is refused)."""
    found = schema_signature(conn)
    return found == expected_signature(kind, version) or found == expected_signature(
        kind, version, fresh=True
    )
