"""What an ``OSError`` means for the user, in Chinese and English (one sentence).

A full disk, a denied permission, a read-only place, a path too long and a file another
program holds open (Windows) are named as what they are; anything else says the system's
own words. ``storage.db.storage_error`` and the window's message helper build on this.
"""

from __future__ import annotations

import errno
from pathlib import PureWindowsPath

from alliance_review.system import host
from alliance_review.system.reading import NotRegularFile

# Windows error codes (winerror) that errno does not tell apart
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
ERROR_FILENAME_EXCED_RANGE = 206
ERROR_WRITE_PROTECT = 19
HELD_OPEN = (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)
#: Windows' MAX_PATH, counting the terminating NUL; longer paths fail in many programs
MAX_PATH = 260

_REASONS: dict[str, tuple[str, str]] = {
    "full": ("磁盘已满", "the disk is full"),
    "quota": ("磁盘配额已用完", "the disk quota is used up"),
    "read_only": ("该位置是只读的", "the location is read-only"),
    "denied": ("没有访问权限", "access is denied"),
    "in_use": (
        "文件正被另一个程序打开（例如 Excel、WPS 或 PDF 阅读器），请关闭它后再试",
        "the file is open in another program (Excel, WPS or a PDF reader, say); close it "
        "and try again",
    ),
    "too_long": (
        "路径或文件名太长，请选一个层级较浅的文件夹或较短的文件名",
        "the path or file name is too long; choose a folder nearer the top or a shorter name",
    ),
    "missing": ("文件或文件夹不存在", "the file or folder does not exist"),
    "folder": ("这是一个文件夹", "it is a folder"),
    "not_regular": ("不是普通文件（而是管道或设备）", "it is not a regular file (pipe, device)"),
    "io": ("读写磁盘或网络驱动器时出错", "the disk or network drive reported an error"),
}
_BY_ERRNO = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "quota",
    errno.EROFS: "read_only",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.ENAMETOOLONG: "too_long",
    errno.ENOENT: "missing",
    errno.EISDIR: "folder",
    errno.EIO: "io",
}


def held_open(error: BaseException) -> bool:
    """Whether ``error`` says another program holds the file open (a Windows sharing or
    lock violation; "access denied" on Windows often means the same while a virus scanner
    or an indexer has the file)."""
    if isinstance(error, FileInUse):
        return True
    winerror = getattr(error, "winerror", None)
    if winerror in HELD_OPEN:
        return True
    return host.IS_WINDOWS and isinstance(error, PermissionError)


class FileInUse(PermissionError):
    """Another program keeps the file open, so it cannot be replaced (Windows)."""


def _too_long(error: OSError) -> bool:
    if getattr(error, "winerror", None) == ERROR_FILENAME_EXCED_RANGE:
        return True
    if host.IS_WINDOWS and error.errno in (errno.ENOENT, errno.EINVAL) and error.filename:
        return len(str(PureWindowsPath(str(error.filename)))) >= MAX_PATH
    return False


def kind_of(error: OSError) -> str | None:
    """A key of the reasons above, or None when the system's own words must do."""
    if isinstance(error, FileInUse) or getattr(error, "winerror", None) in HELD_OPEN:
        return "in_use"
    if isinstance(error, NotRegularFile):
        return "not_regular"
    if _too_long(error):
        return "too_long"
    if getattr(error, "winerror", None) == ERROR_WRITE_PROTECT:
        return "read_only"
    return _BY_ERRNO.get(error.errno or -1)


def os_error_reason(error: OSError) -> tuple[str, str]:
    """(Chinese, English) clause saying why, without the file's name."""
    kind = kind_of(error)
    if kind is not None:
        return _REASONS[kind]
    words = error.strerror or str(error) or type(error).__name__
    return words, words


def os_error_sentence(error: OSError) -> tuple[str, str]:
    """(Chinese, English) sentence naming the file (its name, not the whole path) and why."""
    reason_zh, reason_en = os_error_reason(error)
    where = error.filename
    name = PureWindowsPath(str(where)).name if where else ""  # splits on / and \ alike
    if name and kind_of(error) == "in_use":
        return (
            f"「{name}」正被另一个程序打开（例如 Excel、WPS 或 PDF 阅读器），无法写入；"
            "请关闭它后再试。",
            f"{name} is open in another program (Excel, WPS or a PDF reader, say) and cannot "
            "be written; close it and try again.",
        )
    if name:
        return f"无法读写「{name}」：{reason_zh}。", f"Cannot read or write {name}: {reason_en}."
    return f"无法读写文件：{reason_zh}。", f"Cannot read or write the file: {reason_en}."
