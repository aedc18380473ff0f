"""Where the app keeps files of its own: one function per folder (platformdirs).

- ``data_dir()``: the demo round, the secretary's signing key, the rotated backups.
  ``ALLIANCE_REVIEW_DATA_DIR`` overrides it (tests, a portable install); without it,
  ``ALLIANCE_REVIEW_CONFIG_DIR``/data is used when that is set (the window's tests).
- ``config_dir()``: the window's settings; ``ALLIANCE_REVIEW_CONFIG_DIR`` overrides it.
- ``log_dir()``: the log of unexpected errors; ``ALLIANCE_REVIEW_LOG_DIR`` overrides it.

On Windows these are under ``%LOCALAPPDATA%\\alliance-review`` (not roaming: a round's
backups do not belong on a roaming profile), on macOS under ``~/Library``, elsewhere the
XDG folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from alliance_review.system.permissions import private_folder

APP_NAME = "alliance-review"


def _override(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def data_dir() -> Path:
    """The user data folder (not created here)."""
    override = _override("ALLIANCE_REVIEW_DATA_DIR")
    if override is not None:
        return override
    config = _override("ALLIANCE_REVIEW_CONFIG_DIR")
    if config is not None:
        return config / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, False))


def config_dir() -> Path:
    """The settings folder (not created here)."""
    override = _override("ALLIANCE_REVIEW_CONFIG_DIR")
    return override if override is not None else Path(platformdirs.user_config_dir(APP_NAME, False))


def log_dir() -> Path:
    """The log folder (not created here)."""
    override = _override("ALLIANCE_REVIEW_LOG_DIR")
    return override if override is not None else Path(platformdirs.user_log_dir(APP_NAME, False))


def private_dir(*parts: str) -> Path:
    """A folder under the data folder, created readable by its owner only."""
    return private_folder(data_dir().joinpath(*parts))
