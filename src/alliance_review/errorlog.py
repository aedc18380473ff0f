"""The log of unexpected errors, shared by the window and the command line (no Qt).

An unexpected error (a bug, not a refusal) is written here with its traceback, and the
user is told one sentence with this file's path. The log lives in the user log folder
(platformdirs), or in ``ALLIANCE_REVIEW_LOG_DIR``; it is rotated (one previous file kept)
when it grows past ``LOG_LIMIT``.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from alliance_review.system.places import log_dir

APP_NAME = "alliance-review"
LOG_NAME = "alliance-review.log"
LOG_LIMIT = 1_000_000


def log_path() -> Path:
    return log_dir() / LOG_NAME


def details_of(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, error, tb)).rstrip()


def write_log(text: str) -> Path | None:
    """Append one entry to the log (rotating it when large); None if it cannot be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(LOG_NAME + ".1"))
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {stamp} pid {os.getpid()}\n{text}\n")
    except OSError:
        return None
    return path
