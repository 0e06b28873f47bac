"""Files are written whole or not at all, and nothing but a regular file (or a missing
path) is ever replaced (issue 19): danvan._files.write_whole, which the command line,
write_template and to_docx use."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan._files import write_whole
from danvan.errors import DanvanError, InvalidTypeError, InvalidValueError


def _writer(data: bytes):  # type: ignore[no-untyped-def]
    def write(file: IO[bytes]) -> None:
        file.write(data)

    return write


def test_a_new_file_gets_the_permissions_open_would_give(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        path = write_whole(tmp_path / "new.txt", _writer(b"new"))
    finally:
        os.umask(mask)
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, mode: int) -> None:
    """A 0600 report stays 0600: replacing it never widens who can read it."""
    target = tmp_path / "bao-cao.txt"
    target.write_bytes(b"old")
    target.chmod(mode)
    write_whole(target, _writer(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_what_is_not_a_regular_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    """A folder, a FIFO, a device and a symbolic link (to a file or dangling) are each
    refused with one line, and each is still there, untouched, with nothing beside."""
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    for path in (folder, fifo, link, dangling, Path(os.devnull)):
        with pytest.raises(InvalidValueError) as caught:
            write_whole(path, _writer(b"new"))
        assert "\n" not in str(caught.value)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert link.is_symlink()
    assert dangling.is_symlink()
    assert real.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dangling.txt",
        "fifo",
        "folder",
        "link.txt",
        "real.txt",
    ]


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_any_failure_leaves_the_old_file_and_nothing_beside(
    error: BaseException, tmp_path: Path
) -> None:
    target = tmp_path / "r.txt"
    target.write_bytes(b"old")

    def fail(file: IO[bytes]) -> None:
        file.write(b"half of the new")
        raise error

    with pytest.raises(type(error)):
        write_whole(target, fail)
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("bad\x00name.txt", InvalidValueError),
        ("bad\ud800name.txt", InvalidValueError),
        (b"bytes.txt", InvalidTypeError),
        (42, InvalidTypeError),
    ],
)
def test_paths_no_file_system_holds_are_refused(path: object, expected: type) -> None:
    with pytest.raises(expected) as caught:
        write_whole(path, _writer(b""))  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) <= 250


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_characters="/"), max_size=300))
def test_any_name_is_written_or_refused_with_a_danvan_error(
    tmp_path_factory: object, name: str
) -> None:
    """Fuzz: whatever the file name, a file is written whole or a DanvanError (or an
    OSError of the file system, such as a name too long) says why; never a traceback
    of another kind, and never anything outside the folder (no "/" in the name: a
    path through folders is the caller's to choose)."""
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    before = set(folder.parent.iterdir())
    try:
        written = write_whole(folder / name, _writer(b"x")) if name else None
    except (DanvanError, OSError) as exc:
        assert "\n" not in str(exc) or isinstance(exc, OSError)
    else:
        if written is not None and written.is_file():
            assert written.resolve().is_relative_to(folder.parent.resolve())
    assert set(folder.parent.iterdir()) == before
