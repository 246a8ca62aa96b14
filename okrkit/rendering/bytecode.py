"""Compiled templates kept between processes: a Jinja bytecode cache for okrkit's own.

A fresh ``okrkit render`` used to parse and compile its templates every time.
:class:`TemplateCache` keeps the compiled code in the user's cache directory
(``$OKRKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/okrkit``, ``~/Library/Caches/okrkit``
or ``%LOCALAPPDATA%\\okrkit\\cache``), one file per template and environment
setup. It is safe with many processes: a file is written to a temporary name and
renamed into place, so a reader sees a whole file or none. It never fails a render:
an unwritable or missing directory, a half-written, foreign or corrupt file all mean
"compile as before". Jinja checks each file against the template's source (and its
own and Python's version), and the file name carries okrkit's version and the
environment's options, so a changed template or setup is never served stale code.
``OKRKIT_CACHE_DIR=""`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.bccache import Bucket, BytecodeCache

if TYPE_CHECKING:
    import jinja2

__all__ = ["TemplateCache", "cache_dir", "template_cache"]

#: The environment variable that moves (or, set empty, turns off) the cache.
CACHE_VAR = "OKRKIT_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where okrkit keeps compiled templates, or ``None`` when the cache is off."""
    chosen = os.environ.get(CACHE_VAR)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "okrkit" / "cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "okrkit"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "okrkit" if xdg else Path.home() / ".cache" / "okrkit"


def fingerprint(env: jinja2.Environment) -> str:
    """A short hash of what, besides a template's source, decides its compiled code."""
    from okrkit._version import __version__

    setup = (
        __version__,
        type(env).__module__,
        type(env).__qualname__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        sorted(env.extensions),
        getattr(env, "newstyle_gettext", None),
        # Jinja compiles a call of a filter or test that takes the context (or the
        # environment) differently from a plain one: a filter that changes kind
        # changes the code, not the template's source.
        sorted((name, str(_pass_arg(f))) for name, f in env.filters.items()),
        sorted((name, str(_pass_arg(f))) for name, f in env.tests.items()),
    )
    return hashlib.sha256(repr(setup).encode("utf-8")).hexdigest()[:16]


def _pass_arg(func: object) -> object:
    """What Jinja passes ``func`` first (``pass_context`` and the like), or None."""
    return getattr(func, "jinja_pass_arg", None)


class TemplateCache(BytecodeCache):
    """Jinja bytecode in ``directory``, written atomically, never an error."""

    def __init__(self, directory: Path, tag: str) -> None:
        self.directory = directory
        self.tag = tag

    def _path(self, bucket: Bucket) -> Path:
        return self.directory / f"okrkit-{self.tag}-{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with self._path(bucket).open("rb") as handle:
                bucket.load_bytecode(handle)
        except Exception:  # missing, unreadable, truncated or corrupt: compile the template
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        target = self._path(bucket)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=self.directory)
        except OSError:
            return  # an unwritable cache only costs the next process a compile
        try:
            with os.fdopen(fd, "wb") as handle:
                bucket.write_bytecode(handle)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(temporary)


def template_cache(env: jinja2.Environment) -> TemplateCache | None:
    """The cache for ``env``'s templates, or ``None`` when the cache is off."""
    directory = cache_dir()
    if directory is None:
        return None
    return TemplateCache(directory / "templates", fingerprint(env))
