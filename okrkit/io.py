"""Reading and writing plan files: the names of :mod:`okrkit.files`, kept here for callers.

New code imports from :mod:`okrkit.files` (or simply ``okrkit.load`` and so on).
"""

from __future__ import annotations

from okrkit.files import Format, dump, dumps, load, loads, schema, write_text_atomic
from okrkit.files.formats import format_of as _format_of  # noqa: F401 (old private name)

__all__ = ["Format", "dump", "dumps", "load", "loads", "schema", "write_text_atomic"]
