"""What a published file says about the round it came from: a content hash and the settings.

The hash covers everything that decides the published result (settings, tiers, rubric,
roster, every reviewer's score, the panel's decisions), serialised canonically, so a
printed appendix can be checked against its round file later: same hash, same result.
Evidence notes and self-evaluations are left out (they do not change a score).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from typing import Any

from alliance_review.core.points import ROUNDING_LABELS, exact_text, format_points
from alliance_review.core.ranking import TIE_RULES, TierBand
from alliance_review.core.round import RoundSettings
from alliance_review.core.scoring import CONSENSUS_LABELS
from alliance_review.storage.round_store import RoundStore


class HashStopped(Exception):
    """``content_hash`` was asked to stop (its caller no longer needs the hash)."""


def content_hash(store: RoundStore, stop: threading.Event | None = None) -> str:
    """SHA-256 (hex) of the round's result-deciding content.

    The text hashed is ``json.dumps(payload, sort_keys=True, ensure_ascii=False,
    separators=(",", ":"))`` of the payload below. The scores, by far the largest part,
    are serialised by SQLite in chunks (``storage.digest_rows``) and hashed as they come,
    so a round of 50,000 alliances needs neither a Python object per score nor the whole
    text in memory, and no step holds the GIL for long (the window's worker runs this);
    ``reference_content_hash`` is the same hash the plain way.
    """
    chunks = store.score_json_chunks()
    if chunks is None:
        return reference_content_hash(store)
    try:
        return canonical_sha256(_payload(store, with_scores=False), {"scores": chunks}, stop)
    except ValueError:  # a damaged row: the plain way says what is wrong with it
        return reference_content_hash(store)
    finally:
        chunks.close()  # its cursor, while the file is open


def canonical_sha256(
    payload: dict[str, Any],
    streams: dict[str, Iterable[str]] | None = None,
    stop: threading.Event | None = None,
) -> str:
    """SHA-256 of ``json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
    sort_keys=True)``, a list's rows encoded a few at a time: one ``json.dumps`` of a whole
    large round holds the GIL for a third of a second, and the window (whose worker this
    runs in) would stop for as long. ``streams``: lists given as chunks of rows already
    serialised and comma-joined (the scores, from SQLite)."""
    streams = streams or {}
    digest = hashlib.sha256()
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
    for number, key in enumerate(sorted({*payload, *streams})):
        digest.update(("{" if number == 0 else ",").encode() + dump(key).encode() + b":")
        if key in streams:
            digest.update(b"[")
            first = True
            for chunk in streams[key]:
                if stop is not None and stop.is_set():
                    raise HashStopped()
                digest.update((chunk if first else "," + chunk).encode("utf-8"))
                first = False
            digest.update(b"]")
            continue
        value = payload[key]
        if not isinstance(value, list):
            digest.update(dump(value).encode("utf-8"))
            continue
        digest.update(b"[")
        for start in range(0, len(value), 200):
            chunk = ",".join(dump(row) for row in value[start : start + 200])
            digest.update((("," if start else "") + chunk).encode("utf-8"))
        digest.update(b"]")
    digest.update(b"}" if payload or streams else b"{}")
    return digest.hexdigest()


def reference_content_hash(store: RoundStore) -> str:
    """``content_hash`` the plain way: every score a Python object, one JSON text."""
    payload = _payload(store, with_scores=True)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _payload(store: RoundStore, with_scores: bool) -> dict[str, Any]:
    """What the hash covers (the sorted scores only ``with_scores``)."""
    s = store.settings()
    payload: dict[str, Any] = {
        "round": [s.uid, s.title, s.year, s.consensus_method, s.rounding, s.tie_rule],
        "tiers": [
            [t.name, None if t.min_total is None else exact_text(t.min_total)] for t in s.tiers
        ],
        "rubric": [
            [i.code, i.name, exact_text(i.max_points), exact_text(i.step)]
            for i in store.rubric().indicators()
        ],
        "alliances": [[a.uid, a.name, a.position, a.batch] for a in store.alliances()],
        "decisions": sorted(
            [a, i, exact_text(p), r] for (a, i), (p, r) in store.decisions().items()
        ),
    }
    if with_scores:
        payload["scores"] = sorted(
            [x.reviewer_uid, x.alliance_uid, x.indicator_code, exact_text(x.points)]
            for x in store.scores()
        )
    if s.tier_by != "total":
        # only a departure from the default joins the payload, so the hash of a round
        # that never changed this setting is what it was before the setting existed
        payload["tier_by"] = s.tier_by
    return payload


def band_text(tiers: tuple[TierBand, ...]) -> str:
    """ "活跃度高 ≥86; 活跃度较高 ≥75; ...; 活跃度较差 <65" (exact totals decide)."""
    parts = []
    for tier in tiers:
        if tier.min_total is not None:
            parts.append(f"{tier.name} ≥{format_points(tier.min_total)}")
        else:
            previous = tiers[-2].min_total if len(tiers) > 1 else None
            bound = f" <{format_points(previous)}" if previous is not None else ""
            parts.append(f"{tier.name}{bound}")
    return "; ".join(parts)


def settings_items(settings: RoundSettings, digest: str) -> list[tuple[str, str]]:
    """The settings that decide the result, as (label, value) pairs in Chinese."""
    return [
        ("评价轮次", settings.title),
        ("年度", str(settings.year)),
        ("评价期间", settings.period),
        ("共识方法", CONSENSUS_LABELS.get(settings.consensus_method, settings.consensus_method)),
        ("评分取整", ROUNDING_LABELS.get(settings.rounding, settings.rounding)),
        ("同分排序", TIE_RULES.get(settings.tie_rule, settings.tie_rule)),
        (
            "档次（按精确总分划分）"
            if settings.tier_by == "total"
            else "档次（按公布的取整分数划分）",
            band_text(settings.tiers),
        ),
        ("轮次内容校验值 (SHA-256)", digest),
    ]


def settings_keywords(settings: RoundSettings, digest: str) -> str:
    """One machine-readable line for a PDF's keywords."""
    bands = ",".join(
        f"{t.name}>={exact_text(t.min_total)}" if t.min_total is not None else t.name
        for t in settings.tiers
    )
    return (
        f"round={settings.uid}; content-sha256={digest}; consensus={settings.consensus_method}; "
        f"rounding={settings.rounding}; tie-rule={settings.tie_rule}; bands={bands}"
        + ("" if settings.tier_by == "total" else f"; tier-by={settings.tier_by}")
    )


def keyword_fields(keywords: str) -> dict[str, str]:
    """``settings_keywords`` read back: "a=1; b=2" -> {"a": "1", "b": "2"}."""
    fields = {}
    for part in keywords.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep:
            fields[key] = value
    return fields
