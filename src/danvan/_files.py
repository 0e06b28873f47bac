"""Writing files whole or not at all (private).

A file is written to a temporary file beside it and moved over the old one with
:func:`os.replace`, so a reader sees the old file or the new one, never half of one.
Only a regular file is ever replaced: a directory, a symbolic link, a device or a pipe
at the path is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from danvan.errors import InvalidTypeError, InvalidValueError

__all__ = ["write_whole"]


def write_whole(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write(file)`` on a temporary file beside *path*, then move it to *path*."""
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(
            f"path must be a str or a path, not {type(path).__name__}: {path!r}"
        )
    target = Path(path)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise InvalidValueError(f"{str(target)!r} exists and is not a regular file; not replaced")
    directory = target.parent
    if not directory.is_dir():
        raise InvalidValueError(f"the directory {str(directory)!r} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as open() would have made it, not 0600
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target
