"""Helpers for tests of the Linux desktop integration: a user's environment of its own,
xdg-mime as a desktop runs it, the command a double click runs."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path


def installed_env(home: Path) -> dict[str, str]:
    """A user's environment with a home of its own (nothing of the machine's user)."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
        "XDG_CURRENT_DESKTOP": "",
        "LANG": "C.UTF-8",
    }


def xdg(env: dict[str, str], *args: str | Path) -> str:
    done = subprocess.run(
        ["xdg-mime", *map(str, args)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def desktop_entry(env: dict[str, str]) -> dict[str, str]:
    path = Path(env["XDG_DATA_HOME"]) / "applications" / "alliance-review.desktop"
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entries[key] = value
    return entries


def desktop_command(env: dict[str, str], file: Path) -> list[str]:
    """The command the file manager runs for a double click on ``file`` (Exec, %f)."""
    words = shlex.split(desktop_entry(env)["Exec"])
    return [str(file) if word == "%f" else word for word in words]
