"""One build at a time per output folder: an advisory lock on a file beside it.

Two builds writing the same ``docs/`` (or MkDocs publishing the same ``site/``) at
once can leave a mix of both, or remove each other's staging folders. Every
writer takes this lock first; the second one waits, saying so, and gives up
with a clear message after ``timeout`` seconds.

The lock is ``fcntl.flock`` on ``.<folder>.lock`` next to the folder: the kernel
releases it when the process ends, however it ends (kill -9 included), so a
crashed build never leaves a stale lock behind. The file itself is left in
place (removing it would let a third process lock a different file).

The lock is re-entrant within a process, so the MkDocs adapter can hold it for
a whole ``mkdocs build`` while the generator it calls takes it again.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .problems import UsageError

DEFAULT_TIMEOUT = 600.0
_POLL = 0.1

# Path of the lock file -> (open descriptor, how many times this process holds it).
_held: dict[str, tuple[int, int]] = {}
_guard = threading.Lock()


class LockError(UsageError):
    """The lock could not be taken: another build kept it too long, or the folder cannot hold a lock file."""


def lock_path(out: Path) -> Path:
    """The lock file that guards ``out``: ``.<name>.lock`` beside it (``docs/`` -> ``.docs.lock``)."""
    absolute = Path(os.path.abspath(out))
    return absolute.with_name(f".{absolute.name}.lock")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def acquire(out: Path, *, timeout: float = DEFAULT_TIMEOUT, notify: Callable[[str], None] = _say) -> None:
    """Take the lock guarding ``out``, waiting up to ``timeout`` seconds (0: do not wait)."""
    path = str(lock_path(out))
    with _guard:
        if path in _held:
            fd, count = _held[path]
            _held[path] = (fd, count + 1)
            return
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise LockError(
                f"cannot create the lock file {path}: {exc.strerror}; "
                f"make the folder that holds {out} writable (or choose another output folder)"
            ) from None
        try:
            _wait_for(fd, path, out, timeout, notify)
        except BaseException:
            os.close(fd)
            raise
        _held[path] = (fd, 1)


def _wait_for(fd: int, path: str, out: Path, timeout: float, notify: Callable[[str], None]) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    if timeout <= 0:
        raise LockError(f"another build is running in {out} (lock file {path}); wait for it to finish, then run again")
    notify(f"another build is running in {out}; waiting for it to finish (up to {timeout:.0f} s)...")
    deadline = time.monotonic() + timeout
    while True:
        time.sleep(_POLL)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockError(
                    f"another build is running in {out} and did not finish within {timeout:.0f} s; "
                    f"stop it or wait, then run again (lock file {path})"
                ) from None


def release(out: Path) -> None:
    """Give back one hold on the lock guarding ``out``; the last one unlocks it."""
    path = str(lock_path(out))
    with _guard:
        fd, count = _held[path]
        if count > 1:
            _held[path] = (fd, count - 1)
            return
        del _held[path]
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextmanager
def locked(out: Path, *, timeout: float = DEFAULT_TIMEOUT, notify: Callable[[str], None] = _say) -> Iterator[None]:
    """``with locked(docs):`` nothing else builds into ``docs`` until the block ends."""
    acquire(out, timeout=timeout, notify=notify)
    try:
        yield
    finally:
        release(out)
