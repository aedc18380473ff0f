"""Keys that retire: each reviewer holds one current key (round step 8).

Issuing a file again retires the key issued before (``storage.panel_rows``), so a file
sent earlier, or intercepted on its way, can no longer sign a submission the merge
takes. ``revoke`` retires a reviewer's current key without issuing a new one (a file
known lost or handed to someone else): the merge then refuses everything signed with it,
naming the date, until a file is issued again. Both are recorded in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_review.core.errors import UserError
from alliance_review.core.roster import Reviewer
from alliance_review.services.panel import require_unlocked
from alliance_review.storage.round_store import RoundStore, now_text


@dataclass(frozen=True)
class Revoked:
    reviewer: Reviewer
    key_id: str
    at: str


def find_reviewer(store: RoundStore, name: str) -> Reviewer:
    wanted = name.strip()
    found = [r for r in store.reviewers() if r.name == wanted or r.uid == wanted]
    if len(found) != 1:
        raise UserError(f"没有名为「{wanted}」的评审专家。", f"No reviewer named {wanted}.")
    return found[0]


def revoke(store: RoundStore, name: str) -> Revoked:
    """Retire the current key of the reviewer called ``name`` (refused when none)."""
    reviewer = find_reviewer(store, name)
    require_unlocked(store)
    at = now_text()
    with store.atomic():
        key_id = store.revoke_reviewer_key(reviewer.uid, at)
    if key_id is None:
        raise UserError(
            f"{reviewer.name}目前没有有效的签名密钥（尚未发放文件，或已撤销），无需撤销。",
            f"{reviewer.name} holds no current signing key (no file issued yet, or revoked "
            "already); there is nothing to revoke.",
        )
    return Revoked(reviewer, key_id, at)
