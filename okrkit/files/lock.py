"""An exclusive lock on a plan file, so that concurrent edits never lose each other.

Every command that changes a plan (``okrkit checkin``, :func:`okrkit.edit`,
:func:`okrkit.dump` onto an existing file) holds :func:`locked` while it
re-reads the file, applies its change and writes the result.

How: ``fcntl.flock`` on the plan file itself (its real path, symbolic links
followed), not on a sidecar ``.lock`` file. A sidecar would be a stray file in
the team's git repository, and one left behind by a killed process either
blocks everyone or has to be deleted, which is itself a race. A flock belongs
to the open file and vanishes with the process. Because okrkit replaces a file
by renaming a new one over it, a waiter may wake holding the lock of a file
that is no longer the plan; it then sees that the path names another file
(device and inode differ) and locks again, so the lock always guards the
current file.

Where ``fcntl`` does not exist (Windows) a sidecar ``.NAME.lock`` created with
``O_EXCL`` stands in; a process killed while holding it leaves it behind, and
the timeout error names it.

Locks are advisory: they order okrkit processes (and any tool that takes the
same flock), not an editor saving the file by hand.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from types import ModuleType

from okrkit.errors import N_, PlanFileError
from okrkit.files.atomic import os_error

__all__ = ["DEFAULT_TIMEOUT", "LockError", "locked"]

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

#: Seconds to wait for another process to finish its edit.
DEFAULT_TIMEOUT = 60.0


class LockError(PlanFileError):
    """Another process held the plan file's lock for longer than the timeout."""


def _busy(path: str | os.PathLike[str], timeout: float, lock: str | None = None) -> LockError:
    if lock is None:
        return LockError.translatable(
            # Translators: {seconds} is a number of seconds.
            N_("{path}: another process is editing this file (waited {seconds} s); try again"),
            path=os.fspath(path),
            seconds=f"{timeout:g}",
        )
    return LockError.translatable(
        N_(
            "{path}: another process is editing this file (waited {seconds} s); "
            "if no okrkit is running, delete {lock}; try again"
        ),
        path=os.fspath(path),
        seconds=f"{timeout:g}",
        lock=lock,
    )


@contextlib.contextmanager
def locked(path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on the existing file at ``path`` for the ``with`` block.

    Waits up to ``timeout`` seconds, then raises :class:`LockError`. The lock
    is not reentrant: do not take it twice in one process for the same file.

    >>> import pathlib, tempfile
    >>> plan = pathlib.Path(tempfile.mkdtemp()) / "plan.yaml"
    >>> _ = plan.write_text("objectives: []\\n")
    >>> with locked(plan):
    ...     _ = plan.write_text("objectives: []  # mine\\n")
    """
    real = os.path.realpath(path)
    if fcntl is None:
        with _sidecar(path, real, timeout):
            yield
        return
    fd = _acquire(path, real, timeout)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _acquire(path: str | os.PathLike[str], real: str, timeout: float) -> int:
    assert fcntl is not None
    deadline = time.monotonic() + timeout
    delay = 0.001
    while True:
        try:
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise PlanFileError.translatable(
                N_("{path}: no such file"), path=os.fspath(path)
            ) from None
        except OSError as exc:
            raise os_error(path, exc) from None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise _busy(path, timeout) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        if _same_file(fd, real):
            return fd
        # Replaced while we waited: the lock guards a file that is gone. Lock the new one.
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _same_file(fd: int, real: str) -> bool:
    try:
        now = os.stat(real)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


@contextlib.contextmanager
def _sidecar(path: str | os.PathLike[str], real: str, timeout: float) -> Iterator[None]:
    folder, name = os.path.split(real)
    lock = os.path.join(folder, f".{name}.lock")
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            if time.monotonic() >= deadline:
                raise _busy(path, timeout, str(lock)) from None
            time.sleep(0.02)
        except OSError as exc:
            raise os_error(lock, exc) from None
    os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
