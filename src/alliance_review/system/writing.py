"""The one atomic writer: a file is replaced whole or not at all, on every platform.

``atomic_file(target)`` yields a fresh temporary path beside ``target`` (a unique name from
``mkstemp``, never a fixed ``.part``: two writers at once never share one). When the block
ends normally the temporary file is synced to disk, given its mode (``permissions``), and
renamed over ``target`` (``replace``: retried for a few seconds while Windows reports the
target held open by another program, then ``FileInUse``); the folder is synced (POSIX) so
the rename itself survives a power cut. When the block raises (a failure, a cancel, a
``KeyboardInterrupt``) the temporary file and any SQLite companions of it are removed and
``target`` is left byte for byte as it was.

    with atomic_file(out) as temporary:
        workbook.save(temporary)

An ``OSError`` that names the temporary file is raised naming ``target`` instead, so the
sentence a user reads (``oserrors.os_error_sentence``) speaks of their file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from alliance_review.system import host, permissions
from alliance_review.system.names import cut
from alliance_review.system.oserrors import FileInUse, held_open

#: waits between attempts to replace a file Windows reports as held open (~3 s in all)
RETRY_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.5)
COMPANIONS = ("-journal", "-wal", "-shm")
TEMPORARY_SUFFIX = ".part"
_pause: Callable[[float], None] = time.sleep  # tests count the waits instead of waiting


def temporary_beside(target: Path) -> Path:
    """A new empty file with a unique name in ``target``'s folder (mode 0600), named like
    ``.<target name, short>.<random>.part`` so a user recognises what it belongs to."""
    prefix = "." + cut(target.name, 40, mark="") + "."
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=TEMPORARY_SUFFIX, dir=target.parent)
    os.close(handle)
    return Path(name)


def _sync_and_set_mode(path: Path, mode: int | None) -> None:
    # Windows' fsync (_commit) needs a handle open for writing
    with open(path, "r+b") as handle:
        if mode is not None:
            permissions.set_mode(handle.fileno(), mode)
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows' NTFS journals it itself)."""
    if not host.IS_POSIX:
        return
    flags = os.O_RDONLY | int(getattr(os, "O_DIRECTORY", 0))
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network, FUSE) do not sync folders
    finally:
        os.close(fd)


def replace(source: Path | str, target: Path | str, *, patient: bool = True) -> None:
    """Rename ``source`` over ``target`` in one step; while the system says the target is
    held open (Windows: a sharing violation, or access denied while a scanner or an
    indexer has it), try again for a few seconds (not if ``patient`` is False: a cache
    written on the way), then raise ``FileInUse``."""
    for wait in (*(RETRY_WAITS if patient else ()), None):
        try:
            os.replace(source, target)
            return
        except OSError as error:
            if not held_open(error):
                raise _naming(error, target) from error
            if wait is None:
                raise FileInUse(error.errno, error.strerror, os.fspath(target)) from error
            _pause(wait)


def _naming(error: OSError, target: Path | str) -> OSError:
    """``error`` told about ``target`` rather than the temporary file."""
    if isinstance(error, FileInUse):
        return error
    renamed = OSError(error.errno, error.strerror, os.fspath(target))
    winerror = getattr(error, "winerror", None)
    if winerror is not None:
        setattr(renamed, "winerror", winerror)  # noqa: B010 - absent from OSError off Windows
    return renamed


def remove(path: Path) -> None:
    """Remove a temporary file and SQLite's companions of it; what cannot be removed now
    (Windows: still held by a closing handle) is tried again briefly, then left."""
    for name in (path, *(Path(f"{path}{suffix}") for suffix in COMPANIONS)):
        for wait in (*RETRY_WAITS[:3], None):
            try:
                name.unlink(missing_ok=True)
                break
            except OSError as error:
                if wait is None or not held_open(error):
                    break
                _pause(wait)


@contextlib.contextmanager
def atomic_file(
    target: Path | str, *, private: bool = False, mode: int | None = None, patient: bool = True
) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it when the block succeeds.

    ``private``: the file is readable by its owner only (0600 on POSIX). Otherwise it gets
    ``mode``, or the mode of the file it replaces, or what the umask gives a new file.
    The caller closes whatever it opened on the temporary file before the block ends.
    """
    target = Path(target)
    if private:
        mode = permissions.PRIVATE_FILE
    elif mode is None:
        mode = permissions.export_mode(target)
    temporary = temporary_beside(target)
    try:
        yield temporary
        _sync_and_set_mode(temporary, mode)
        replace(temporary, target, patient=patient)
    except OSError as error:
        remove(temporary)
        if error.filename is not None and os.fspath(error.filename) == os.fspath(temporary):
            raise _naming(error, target) from error
        raise
    except BaseException:
        remove(temporary)
        raise
    sync_folder(target.parent)


def write_bytes(
    target: Path | str, data: bytes, *, private: bool = False, patient: bool = True
) -> None:
    """``target`` holds ``data`` afterwards, or is as it was (``patient``: see ``replace``)."""
    with atomic_file(target, private=private, patient=patient) as temporary:
        temporary.write_bytes(data)
