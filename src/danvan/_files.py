"""Writing files whole or not at all (private).

A file is written to a temporary file beside it and moved over the old one with
:func:`os.replace`, so a reader sees the old file or the new one, never half of one.
Only a regular file is ever replaced, and it keeps its permissions: a directory, a
symbolic link (which a replace would not write through, and which could point
anywhere), a device or a pipe at the path is refused, as is a path no file system can
hold (a NUL character, a lone surrogate).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from danvan.errors import InvalidTypeError, InvalidValueError, shorten

__all__ = ["write_whole"]


def _checked(path: object) -> Path:
    """*path* as a Path, or an error naming what no file system accepts."""
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(
            f"path must be a str or a path, not {type(path).__name__}: {shorten(path)}"
        )
    name = os.fspath(path)
    if not isinstance(name, str):
        raise InvalidTypeError(f"path must name a file as text, not {shorten(name)}")
    if "\x00" in name:
        raise InvalidValueError(f"a path cannot hold a NUL character: {shorten(name)}")
    try:
        os.fsencode(name)
    except UnicodeEncodeError as exc:
        raise InvalidValueError(
            f"the path {shorten(name)} cannot be written by this file system"
            f" (character {exc.start + 1})"
        ) from None
    return Path(name)


def write_whole(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write(file)`` on a temporary file beside *path*, then move it to *path*.

    A regular file at *path* is replaced and keeps its permissions; a new file gets
    those :func:`open` would give it. Anything else at *path* raises
    :class:`~danvan.InvalidValueError` and is left as it is; so does a missing folder.
    An error of the file system (no permission, a full disk) is an :class:`OSError`,
    and nothing is left behind.
    """
    target = _checked(path)
    try:
        mode: int | None = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISLNK(mode):
        raise InvalidValueError(
            f"{shorten(str(target))} is a symbolic link; not replaced (give the file it points to)"
        )
    if mode is not None and not stat.S_ISREG(mode):
        raise InvalidValueError(
            f"{shorten(str(target))} exists and is not a regular file; not replaced"
        )
    directory = target.parent
    if not directory.is_dir():
        raise InvalidValueError(f"the directory {shorten(str(directory))} does not exist")
    if mode is not None:
        permissions = stat.S_IMODE(mode)  # a 0600 file stays 0600
    else:
        mask = os.umask(0)
        os.umask(mask)
        permissions = 0o666 & ~mask  # as open() would have made it, not mkstemp's 0600
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, permissions)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target
