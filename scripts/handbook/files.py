"""Writing files safely: new files go through ``create_file``, edits of a user's file through ``rewrite_file``.

A new file appears whole or not at all (it is written to a temporary file in the same folder
first), and an existing file is never replaced, even if it appears between our check and our
write: the final step is a hard link, which fails when the target exists.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


USER_FOLDERS = ("contacts", "content")  # the user's data and the hand-written guide: never an output


def user_folder_at(target: Path, root: Path, *, or_above: bool = False) -> str | None:
    """The user's folder (contacts or content) that ``target`` is or lies in; with ``or_above``,
    also one that ``target`` holds. None when an output there touches nothing of theirs."""
    target = Path(target).resolve()
    for name in USER_FOLDERS:
        folder = (root / name).resolve()
        if target == folder or folder in target.parents or (or_above and target in folder.parents):
            return name
    return None


class FileExists(FileExistsError):
    """The target is already there; nothing was written."""

    def __init__(self, path: Path):
        super().__init__(errno.EEXIST, "already exists", str(path))
        self.path = path

    def __str__(self) -> str:
        return f"{self.path} already exists"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def create_file(path: Path, content: str | bytes) -> Path:
    """Write ``content`` to a new file at ``path``. Raises FileExists if anything is there already."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        raise FileExists(path)
    temp = _write_temp(path, data)
    try:
        try:
            os.link(temp, path)  # atomic, and refuses to replace an existing file
        except FileExistsError:
            raise FileExists(path) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            _create_exclusive(path, data)  # a file system without hard links: still never overwrites
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
    return path


def _write_temp(path: Path, data: bytes) -> str:
    """``data`` in a complete temporary file beside ``path``, ready to be linked or renamed into place."""
    # The dot prefix keeps a half-written file out of the loader, which skips hidden files.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; a note file should look like any other
    except BaseException:
        os.unlink(temp)
        raise
    return temp


def replace_file(path: Path, content: str | bytes) -> Path:
    """Write ``content`` at ``path`` atomically, replacing what is there: only for outputs the user
    asked to overwrite (``--force``), never for their notes."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _write_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
    return path


class FileChanged(OSError):
    """The file is no longer what an edit was made from; nothing was written."""

    def __init__(self, path: Path):
        super().__init__(errno.EAGAIN, "changed since it was read", str(path))
        self.path = path

    def __str__(self) -> str:
        return f"{self.path} changed while it was being edited"


def rewrite_file(path: Path, data: bytes, was: bytes) -> Path:
    """Replace a user's file with its edited bytes atomically, keeping its permissions. Refuses
    (FileChanged) when the file on disk is no longer ``was``, the text the edit started from."""
    path = Path(path)
    if path.read_bytes() != was:
        raise FileChanged(path)
    temp = _write_temp(path, data)
    try:
        os.chmod(temp, os.stat(path).st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
    return path


def _create_exclusive(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise FileExists(path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        os.unlink(path)  # our own half-written file, never the user's
        raise


def first_free(folder: Path, stem: str, taken: set[str] | None = None, suffix: str = ".md") -> str:
    """``stem``, or ``stem-2``, ``stem-3``... : the first name not used in ``folder`` or ``taken``."""
    taken = taken or set()
    candidate, number = stem, 1
    while candidate in taken or (folder / f"{candidate}{suffix}").exists():
        number += 1
        candidate = f"{stem}-{number}"
    return candidate
