"""Round version 8: keys that retire (issue 19, trust).

Each reviewer has one current key: issuing a file again retires the keys issued before
(``retired_why`` 'reissued'), and ``reviewers ROUND revoke NAME`` retires the current one
without issuing ('revoked'); a merge accepts a file signed with the current key only,
and names the date a retired one was retired. ``retired_at`` is NULL for the current key;
a unique index holds one current key per reviewer and a trigger keeps a retired key
retired. An older round may hold several keys of one reviewer (issued again before keys
retired): each is retired as of the next key's issue, as the re-issue retires it now.
That rewrites rows of ``reviewer_key``, so its lock trigger (step 5) is lifted for that
one statement and put back as step 5 wrote it: a locked round upgrades, and the upgrade
entry records the content before it, so its signed lock stays signed.
"""

from __future__ import annotations

STEP: list[str] = [
    "ALTER TABLE reviewer_key ADD COLUMN retired_at TEXT",
    "ALTER TABLE reviewer_key ADD COLUMN retired_why TEXT CHECK (retired_why IS NULL OR retired_why IN ('reissued', 'revoked'))",
    "DROP TRIGGER reviewer_key_locked_update",
    """UPDATE reviewer_key SET retired_why = 'reissued', retired_at = (
        SELECT newer.issued_at FROM reviewer_key AS newer
        WHERE newer.reviewer_uid = reviewer_key.reviewer_uid
          AND (newer.issued_at > reviewer_key.issued_at
               OR (newer.issued_at = reviewer_key.issued_at AND newer.rowid > reviewer_key.rowid))
        ORDER BY newer.issued_at, newer.rowid LIMIT 1)
    WHERE EXISTS (
        SELECT 1 FROM reviewer_key AS newer
        WHERE newer.reviewer_uid = reviewer_key.reviewer_uid
          AND (newer.issued_at > reviewer_key.issued_at
               OR (newer.issued_at = reviewer_key.issued_at AND newer.rowid > reviewer_key.rowid)))""",
    "CREATE TRIGGER reviewer_key_locked_update BEFORE UPDATE ON reviewer_key WHEN (SELECT locked FROM round WHERE id = 1) = 1 BEGIN SELECT RAISE(ABORT, 'round is locked as final'); END",
    "CREATE UNIQUE INDEX reviewer_key_current ON reviewer_key(reviewer_uid) WHERE retired_at IS NULL",
    "CREATE TRIGGER reviewer_key_stays_retired BEFORE UPDATE ON reviewer_key WHEN OLD.retired_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'a retired key stays retired'); END",
    "CREATE TRIGGER reviewer_key_retired_with_reason BEFORE UPDATE ON reviewer_key WHEN (NEW.retired_at IS NULL) != (NEW.retired_why IS NULL) BEGIN SELECT RAISE(ABORT, 'a key is retired with its reason'); END",
]
