"""The round's content hash is encoded a row at a time (so the GIL is never held for
long); it must stay byte-for-byte the hash of the one-piece canonical JSON, or every
published PDF would stop verifying."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from alliance_review.services.round_digest import canonical_sha256, content_hash
from alliance_review.storage.round_store import RoundStore

scalars = st.one_of(
    st.none(), st.integers(), st.text(max_size=8), st.sampled_from(["联盟", "\n", '"', "é"])
)
payloads = st.dictionaries(
    st.text(min_size=1, max_size=6),
    st.one_of(scalars, st.lists(st.lists(scalars, max_size=4), max_size=450)),
    max_size=6,
)


def one_piece(payload: dict) -> str:  # type: ignore[type-arg]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@given(payloads)
def test_the_streamed_hash_is_the_hash_of_the_canonical_json(payload):  # type: ignore[no-untyped-def]
    assert canonical_sha256(payload) == one_piece(payload)


def test_the_demo_rounds_hash_is_unchanged(demo_round: Path):
    """The hash as streamed (scores serialised by SQLite, the rest a few rows at a time)
    is the hash of the one-piece canonical JSON of the whole payload."""
    from alliance_review.services import round_digest

    with RoundStore.open(demo_round) as store:
        payload = round_digest._payload(store, with_scores=True)
        assert len(payload["scores"]) > 1000
        assert content_hash(store) == one_piece(payload)
