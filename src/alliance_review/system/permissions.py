"""File permissions: what an export and a private file get, per platform.

On POSIX an export gets the mode a new file gets from the user's umask (0644 under the
usual 022, 0664 under 002: readable by the owner's group when the umask says so), or the
mode of the file it replaces; a temporary file starts at 0600 (``mkstemp``) and would
otherwise keep it. Private things (the signing key, backups, the merge scratch folder)
are 0600 (files) or 0700 (folders). Windows has no such bits: nothing is changed there
(a user's profile folders are private to them already).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from alliance_review.system import host

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_umask: int | None = None
_lock = threading.Lock()


def _read_umask() -> int:
    try:  # Linux 4.7+: read without changing it (another thread may be creating files)
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def umask() -> int:
    """The process's umask (read once; 0 on Windows)."""
    global _umask
    if not host.IS_POSIX:
        return 0
    with _lock:
        if _umask is None:
            _umask = _read_umask()
        return _umask


def export_mode(replaced: Path | str | None = None) -> int:
    """The mode of a new export: that of the regular file it replaces, else 0666 less the
    umask."""
    if replaced is not None:
        try:
            status = os.stat(replaced)
        except OSError:
            pass
        else:
            if stat.S_ISREG(status.st_mode):
                return stat.S_IMODE(status.st_mode)
    return 0o666 & ~umask()


def set_mode(fd: int, mode: int) -> None:
    """Give an open file ``mode`` (POSIX; nothing on Windows)."""
    if host.IS_POSIX and hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def make_private(path: Path | str) -> None:
    """Readable by its owner only: 0600 for a file, 0700 for a folder (nothing on Windows)."""
    if not host.IS_POSIX:
        return
    mode = PRIVATE_FOLDER if os.path.isdir(path) else PRIVATE_FILE
    os.chmod(path, mode)


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its parents) as a folder readable by its owner only (a folder
    that exists already keeps its mode: it may be one the user chose)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return path
