"""Plan files (YAML and JSON): reading, writing and editing them safely.

* :func:`load` / :func:`loads` read a plan and validate it; every error names
  the file, the line and the field path, and says what was expected.
* :func:`dump` / :func:`dumps` write it back. Writes are atomic: the text goes
  to a temporary file in the same folder, which then replaces the target, so a
  failed write never leaves a half-written file.
* Unknown keys are an error, never silently dropped; a load-and-save round trip
  keeps every field the user wrote (key order follows the model, and comments
  are not kept by :func:`dump`; ``okrkit checkin`` edits files in place and keeps them).
* :class:`Limits` bound what a file may hold (size, nesting, aliases, numbers,
  text); a breach is a :class:`LimitError` naming the file, line and field.
* :func:`edit` changes a plan file in code under an exclusive lock
  (:func:`locked`): concurrent writers never lose each other's updates.

One module per concern: :mod:`~okrkit.files.reader`, :mod:`~okrkit.files.writer`,
:mod:`~okrkit.files.atomic` (atomic writes that respect links, modes and special
files), :mod:`~okrkit.files.lock`, :mod:`~okrkit.files.editing`, :mod:`~okrkit.files.limits`
(with :mod:`~okrkit.files.nodes` and :mod:`~okrkit.files.jsonfiles` checking input) and
:mod:`~okrkit.files.checkin` (appending a check-in while keeping the user's layout).
"""

from __future__ import annotations

from okrkit.files.atomic import write_text_atomic
from okrkit.files.editing import edit
from okrkit.files.formats import Format, format_of
from okrkit.files.limits import DEFAULT_LIMITS, LimitError, Limits
from okrkit.files.lock import LockError, locked
from okrkit.files.reader import load, loads
from okrkit.files.writer import dump, dumps, schema

__all__ = [
    "DEFAULT_LIMITS",
    "Format",
    "LimitError",
    "Limits",
    "LockError",
    "dump",
    "dumps",
    "edit",
    "format_of",
    "load",
    "loads",
    "locked",
    "schema",
    "write_text_atomic",
]
