"""Small records the app keeps in its data folder to skip work done before (a JSON
object of key -> value, the newest last, bounded). A record that is missing, too large
or not a JSON object counts as empty; writing is best effort (the work is then done
again), each process through a temporary file of its own, renamed into place."""

from __future__ import annotations

import json
import os
from pathlib import Path


def _path(name: str) -> Path:
    from alliance_review.storage.places import data_dir

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
        path = _path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.part")
        text = json.dumps(dict(list(record.items())[-most_entries:]), ensure_ascii=False)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass
