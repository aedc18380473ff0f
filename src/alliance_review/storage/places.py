"""Where the app keeps files of its own: the user data folder (platformdirs).

``ALLIANCE_REVIEW_DATA_DIR`` overrides it (tests, a portable install); without it,
``ALLIANCE_REVIEW_CONFIG_DIR``/data is used when that is set (the window's test set-up).
The secretary's signing key and the rotated round backups live here.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "alliance-review"


def data_dir() -> Path:
    override = os.environ.get("ALLIANCE_REVIEW_DATA_DIR")
    if override:
        return Path(override)
    config = os.environ.get("ALLIANCE_REVIEW_CONFIG_DIR")
    if config:
        return Path(config) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, False))


def private_dir(*parts: str) -> Path:
    """A folder under the data folder, created readable by its owner only."""
    folder = data_dir().joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
