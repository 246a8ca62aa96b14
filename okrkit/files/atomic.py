"""Writing files the way the file system expects: atomic, in place when linked, never a stray temp.

:func:`write_text_atomic` is what every okrkit writer uses:

* **Symbolic links** are followed: the file the link points to is written, and
  the link stays a link.
* **Atomic replace.** The text goes to a temporary file in the target's folder,
  is flushed to disk, then renamed over the target in one step: a reader sees
  the old file or the new one, never half of either.
* **Permissions.** A file that exists keeps its permission bits; a new file
  gets ``0666`` less the process umask, like any file a shell creates.
* **Hard links.** A file with more than one hard link is rewritten *in place*
  so every name keeps seeing the same file. The space is reserved first
  (``posix_fallocate``), so a full disk fails before a byte changes; should the
  write fail after that, the old bytes are put back.
* **Special files.** A FIFO, a device or a folder is never replaced; the
  caller gets a :class:`~okrkit.errors.PlanFileError` (the CLI writes ``-o -``
  and ``-o /dev/stdout`` to its output stream instead).
* **No leftovers.** On any failure, interrupts included, the temporary file is
  removed and the target is as it was.
* **Errors name the path**: ``plan.yaml: No space left on device``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from okrkit.errors import N_, Message, PlanFileError

__all__ = ["os_error", "write_bytes_atomic", "write_text_atomic"]

_KINDS = {
    stat.S_IFIFO: N_("a FIFO (named pipe)"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFDIR: N_("a folder"),
}


def os_error(path: str | os.PathLike[str], exc: OSError) -> PlanFileError:
    """A :class:`PlanFileError` for ``exc`` naming ``path``: ``plan.yaml: Permission denied``."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    # Translators: {reason} is the operating system's message, such as "Permission denied".
    error = PlanFileError.translatable(N_("{path}: {reason}"), path=os.fspath(path), reason=reason)
    error.errno = exc.errno  # type: ignore[attr-defined]
    return error


def _existing(target: str, shown: str | os.PathLike[str]) -> os.stat_result | None:
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    kind = stat.S_IFMT(st.st_mode)
    if kind != stat.S_IFREG:
        what = _KINDS.get(kind, N_("not a regular file"))
        raise PlanFileError.translatable(
            # Translators: {what} is one of "a folder", "a socket", ...
            N_(
                "{path}: is {what}; okrkit only replaces regular files "
                "(write to standard output with -o -)"
            ),
            path=os.fspath(shown),
            what=Message(what),
        )
    return st


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, line endings as given) to ``path``; see the module for the rules.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_text_atomic(folder / "plan.yaml", "objectives: []\\n")
    >>> (folder / "plan.yaml").read_text()
    'objectives: []\\n'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary file left
    ['plan.yaml']
    """
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (in place for hard-linked files)."""
    try:
        target = os.path.realpath(path)
        st = _existing(target, path)
        if st is not None and st.st_nlink > 1:
            _write_in_place(target, data)
        else:
            _replace(target, data, st)
    except OSError as exc:
        raise os_error(path, exc) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _replace(target: str, data: bytes, st: os.stat_result | None) -> None:
    folder, name = os.path.split(target)
    fd, tmp = _create_temp(folder or ".", name)
    try:
        try:
            if st is not None:
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
                with contextlib.suppress(OSError):  # keep the owner where we may
                    os.fchown(fd, st.st_uid, st.st_gid)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder or ".")


def _create_temp(folder: str, name: str) -> tuple[int, str]:
    """A new temporary file beside the target, created ``0666`` so the umask applies."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (best effort: not every system can open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_in_place(target: str, data: bytes) -> None:
    """Rewrite a hard-linked file in place, space reserved first, old bytes restored on failure."""
    old = Path(target).read_bytes()
    fd = os.open(target, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            if hasattr(os, "posix_fallocate") and len(data) > len(old):
                os.posix_fallocate(fd, 0, len(data))
            os.lseek(fd, 0, os.SEEK_SET)
            _write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                _write_all(fd, old)
                os.ftruncate(fd, len(old))
            raise
    finally:
        os.close(fd)
