"""Each ladder step is frozen: what an older file must look like can never change.

A file written by version N of the app was made by steps 1..N; if a later edit changed
one of those steps, files in the field would no longer match the exact schema the app
expects and would be refused (or, worse, upgraded wrongly). A schema change is a new step
at the end of a ladder with its hash added here.
"""

from __future__ import annotations

import hashlib

from alliance_review.storage import schema

PINNED = {
    ("round", 1): "260e9843880edcb4c1e07b719de6537169a41507e208f27956f2014fd058efb1",
    ("round", 2): "2ffc86ddd06063df385133b4f9a64321e9040ac0caeeeb5e57ba1e1b3fd95bda",
    ("round", 3): "3684f73976261a7865077212fd282842bd138cc86cb16f4bcba1889202ceb0ad",
    ("round", 4): "ee90ab27f9588e7ac6e4f5035c9ff4ed6a92a57fb827441004a77c583204a495",
    ("round", 5): "e556485fb9c4b2c4d9bb297f95ff3755413f294d7821f810c3395aade4ac1766",
    ("round", 6): "55b1953b2a788b48e4501077ee686f1b6ddcb20c727093cc9ae8ea7dff5b565d",
    ("round", 7): "29033949bb0b1fbd03e2aa087c6add127f391f2a89a14911fcb20387ee0a5f2d",
    ("reviewer", 1): "4783397bfd7eec38683998f2394a56242b06fe5559db69b7209cf0fc89b5e7c7",
    ("reviewer", 2): "688b7f2a4aa51b99b5614c93c96f329dc00f25c2fb3f8a4e1e2513b3a4230926",
    ("reviewer", 3): "0daf1e963ad0141f6c5258759879f80e18b8876a2047c4787f0204dd9d16abe8",
    ("reviewer", 4): "aaea3bd557e26fc8df6e8e413e2e1279c1e050305e36d8e84516e811d4dd7eec",
}


def step_hashes() -> dict[tuple[str, int], str]:
    return {
        (kind.name, number): hashlib.sha256("\n".join(step).encode()).hexdigest()
        for kind in (schema.ROUND_FILE, schema.REVIEWER_FILE)
        for number, step in enumerate(kind.ladder, 1)
    }


def test_no_existing_ladder_step_has_changed():
    current = step_hashes()
    changed = sorted(key for key in PINNED if current.get(key) != PINNED[key])
    assert changed == [], f"ladder steps edited after release: {changed}"


def test_every_step_is_pinned():
    assert sorted(step_hashes()) == sorted(PINNED), "pin the new step's hash in PINNED"
