"""Writing an output file the user asked for: whole or not at all, and cancellable.

Shared by every export (PDF, workbooks): the file is written beside its target and renamed
into place only when complete, so a failure or a cancel leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from alliance_review.core.errors import UserError

Progress = Callable[[int, int], bool]


def cancelled() -> UserError:
    return UserError("已取消，未写入文件。", "Cancelled; no file was written.")


def check_folder(out: Path | str) -> Path:
    """Refuse a target whose folder does not exist (before any work is done)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise UserError(
            f"文件夹「{out.parent}」不存在。", f"The folder {out.parent} does not exist."
        )
    return out


@contextlib.contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out`` that replaces it only when the block succeeds.

    On any error (a cancel included) the temporary file is removed and ``out`` stays as
    it was, or absent.
    """
    out = check_folder(out)
    handle, name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".part", dir=out.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
