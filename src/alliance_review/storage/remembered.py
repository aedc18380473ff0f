"""Small records the app keeps in its data folder to skip work done before (a JSON
object of key -> value, the newest last, bounded). A record that is missing, too large
or not a JSON object counts as empty; writing is best effort (the work is then done
again), through the one atomic writer (``system.writing``)."""

from __future__ import annotations

import json
from pathlib import Path


def _path(name: str) -> Path:
    from alliance_review.system.places import data_dir

    return data_dir() / name


def read(name: str, most_bytes: int) -> dict[str, object]:
    try:
        path = _path(name)
        if path.stat().st_size > most_bytes:
            return {}
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def keep(name: str, key: str, value: object, most_bytes: int, most_entries: int) -> None:
    """Put ``key`` last with ``value``, keeping the newest ``most_entries``."""
    try:
        record = read(name, most_bytes)
        record.pop(key, None)
        record[key] = value
        from alliance_review.system.writing import write_bytes

        path = _path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        # ASCII with escapes: a path the system gave as undecodable bytes (a GBK name in a
        # UTF-8 view, or the reverse) holds surrogates, which UTF-8 cannot encode
        text = json.dumps(dict(list(record.items())[-most_entries:]))
        write_bytes(path, text.encode("ascii"), patient=False)  # held open: not kept now
    except (OSError, ValueError):
        pass  # best effort: the check is made again next time
