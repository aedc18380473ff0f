"""One window per file: a lock file beside the file says who has it open.

The lock is a small file created exclusively beside the file it guards
(``.~lock.NAME#``, the name office suites use, so it also works on a shared folder where
the other computer is not reachable): it holds the holder's process id, host name, user
and the process's start time. A lock whose host is this computer and whose process is gone
(or is another process that reuses the id: the start time differs) is stale and taken
over; one from another computer cannot be checked, and is reported with its host and time.

What differs by platform (whether a process lives, when it started) lives here; the rest
of the app only calls ``acquire`` / ``holder_of`` / ``FileLock.release``.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alliance_review.system import host

IS_WINDOWS = host.IS_WINDOWS
#: a lock file larger than this is not ours: it is read as "held by someone unknown"
MAX_LOCK_BYTES = 4096


@dataclass(frozen=True)
class Holder:
    """Who has a file open, as its lock file says."""

    pid: int
    host: str
    user: str
    started: str  # the process's start time, in this module's own form ("" if unknown)
    opened_at: str  # ISO 8601, UTC

    @property
    def here(self) -> bool:
        """On this computer (so whether it still runs can be checked)."""
        return self.host == host_name()

    @property
    def this_process(self) -> bool:
        return self.here and self.pid == os.getpid()


def host_name() -> str:
    return socket.gethostname() or "localhost"


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name known (a service account): say nothing
        return ""


def lock_path(target: Path) -> Path:
    return target.with_name(f".~lock.{target.name}#")


# whether a process runs, and when it started ------------------------------------------


def _windows_process(pid: int) -> tuple[bool, str]:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # gone, or not ours to look at (then it lives: access denied is error 5)
        return ctypes.GetLastError() == 5, ""  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != 259:
            return False, ""  # STILL_ACTIVE is 259
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return True, ""
        created = times[0]
        return True, str((created.dwHighDateTime << 32) | created.dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


def _linux_start(pid: int) -> str | None:
    """The boot and the clock tick the process started at; None when it does not run."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2 :].split()
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        boot = ""
    return f"{boot}:{fields[19]}" if len(fields) > 19 else boot


def _posix_process(pid: int) -> tuple[bool, str]:
    if Path("/proc/self/stat").exists():
        started = _linux_start(pid)
        return started is not None, started or ""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False, ""
    except PermissionError:
        pass  # another user's: it runs
    except OSError:
        return False, ""
    try:
        shown = subprocess.run(
            ["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True, text=True, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        shown = ""
    return True, shown


def process_state(pid: int) -> tuple[bool, str]:
    """(whether process ``pid`` runs on this computer, its start time or "")."""
    if pid <= 0:
        return False, ""
    return _windows_process(pid) if IS_WINDOWS else _posix_process(pid)


def _own_start() -> str:
    return process_state(os.getpid())[1]


# the lock -----------------------------------------------------------------------------


def read_holder(target: Path) -> Holder | None:
    """What the lock beside ``target`` says (None: no lock). A lock that cannot be read
    as ours is someone unknown's (never removed by us)."""
    path = lock_path(target)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_LOCK_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError:
        return Holder(0, "", "", "", "")
    try:
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_LOCK_BYTES else None
        if not isinstance(data, dict):
            raise ValueError("not a lock of ours")
        return Holder(
            int(data["pid"]),
            str(data["host"]),
            str(data.get("user", "")),
            str(data.get("started", "")),
            str(data.get("opened_at", "")),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return Holder(0, "", "", "", "")


def is_stale(holder: Holder) -> bool:
    """The holder is on this computer and its process is gone (or the id is reused)."""
    if not holder.here or holder.pid <= 0:
        return False
    running, started = process_state(holder.pid)
    if not running:
        return True
    return bool(holder.started and started and holder.started != started)


def holder_of(target: Path) -> Holder | None:
    """Who has ``target`` open now (None: nobody, or only a stale lock)."""
    holder = read_holder(target)
    if holder is None or is_stale(holder):
        return None
    return holder


class FileLock:
    """This process holds ``target`` open; ``release`` removes the lock (if still ours)."""

    def __init__(self, target: Path, holder: Holder) -> None:
        self.target = target
        self.path = lock_path(target)
        self.holder = holder
        self.released = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        if read_holder(self.target) == self.holder:
            with contextlib.suppress(OSError):
                self.path.unlink()


def acquire(target: Path, take_over: bool = False) -> FileLock | Holder:
    """Lock ``target`` for this process, or say who holds it (a live, or another
    computer's, holder). A stale lock is taken over; ``take_over`` takes over any (the
    user said the other computer no longer has it open). A folder where no lock can be
    written (read-only media) gives a lock that guards nothing rather than no file."""
    target = Path(target)
    me = Holder(
        os.getpid(),
        host_name(),
        user_name(),
        _own_start(),
        datetime.now(UTC).isoformat(timespec="seconds"),
    )
    path = lock_path(target)
    payload = json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_holder(target)
            if holder is not None and not take_over and not is_stale(holder):
                return holder
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # stale (or taken over): gone, and the next attempt creates
            continue
        except OSError:
            return FileLock(target, me)  # nowhere to write a lock: the file opens all the same
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        return FileLock(target, me)
    holder = read_holder(target)
    return holder if holder is not None else FileLock(target, me)
