"""Writing an output file the user asked for: whole or not at all, and cancellable.

Shared by every export (PDF, workbooks): the file is written beside its target and renamed
into place only when complete, so a failure or a cancel leaves the target as it was.

Outputs never destroy inputs: ``guard`` refuses a target that is one of the inputs (the
same file, also through a symlink or a hard link: same device and inode: a round, a
font, a figures JSON), and a target that is a round or reviewer file unless the user said
so (``--force``, a confirmation in the window: ``forcing()``). On the command line
(``keeping_existing()``) every existing file is kept unless ``--force``: a PDF, a
workbook, a JSON as much as a round (the window's save dialog asks before it replaces
one). ``replacing`` applies it to every export.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path

from alliance_review.core.errors import UserError
from alliance_review.storage.files import kind_on_disk
from alliance_review.system.reading import file_identity
from alliance_review.system.writing import atomic_file

_forced: ContextVar[bool] = ContextVar("forced", default=False)
_keeping: ContextVar[bool] = ContextVar("keeping", default=False)
# outputs this process wrote (an export made again, the round having changed meanwhile)
_written: set[tuple[int, int]] = set()

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
def forcing(force: bool = True) -> Iterator[None]:
    """Inside this block, a round or reviewer file may be overwritten (never an input)."""
    token = _forced.set(force)
    try:
        yield
    finally:
        _forced.reset(token)


@contextlib.contextmanager
def keeping_existing(keep: bool = True) -> Iterator[None]:
    """Inside this block (the command line), no existing file is replaced unless forced."""
    token = _keeping.set(keep)
    try:
        yield
    finally:
        _keeping.reset(token)


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two paths name one file (symlinks followed; hard links share an inode)."""
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def guard(
    out: Path | str, inputs: Iterable[Path | str | None] = (), force: bool | None = None
) -> Path:
    """Refuse an output that is an input, or that would replace a round or reviewer file
    without ``force`` (default: inside ``forcing()``). Call it before any work is done."""
    out = Path(out)
    for source in inputs:
        if source is not None and same_file(out, source):
            raise UserError(
                f"输出文件「{out.name}」就是输入文件「{Path(source).name}」，不能覆盖输入；"
                "请另选一个文件名。",
                f"The output {out.name} is the input {Path(source).name}; an output never "
                "replaces an input. Choose another name.",
            )
    try:
        status = os.stat(out)
    except OSError:
        return out
    if stat.S_ISDIR(status.st_mode):
        raise UserError(f"「{out}」是一个文件夹。", f"{out} is a folder.")
    forced = _forced.get() if force is None else force
    kind = kind_on_disk(out)
    if kind is not None and not forced:
        raise UserError(
            f"「{out.name}」是已有的{kind.label_zh}，不会被覆盖（如确要覆盖，命令行加 --force）。",
            f"{out.name} is an existing {kind.name} file and is not overwritten (to replace "
            "it anyway, add --force).",
        )
    if _keeping.get() and not forced and file_identity(out) not in _written:
        raise UserError(
            f"「{out.name}」已存在，不会被覆盖（如确要覆盖，命令行加 --force）。",
            f"{out.name} exists already and is not overwritten (to replace it, add --force).",
        )
    return out


def wrote(out: Path | str) -> None:
    """Note an output this process wrote: writing it again (a retry) needs no ``--force``."""
    identity = file_identity(out)
    if identity is not None:
        _written.add(identity)


@contextlib.contextmanager
def replacing(out: Path, inputs: Iterable[Path | str | None] = ()) -> Iterator[Path]:
    """A temporary file beside ``out`` that replaces it only when the block succeeds
    (``system.writing.atomic_file``, after ``guard``).

    On any error (a cancel included) the temporary file is removed and ``out`` stays as
    it was, or absent.
    """
    out = guard(check_folder(out), inputs)
    with atomic_file(out) as temporary:
        yield temporary
    wrote(out)
