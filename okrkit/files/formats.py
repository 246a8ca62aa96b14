"""The plan file formats (YAML and JSON) and how a path picks one."""

from __future__ import annotations

import os
from typing import Literal

from okrkit.errors import N_, PlanFileError

__all__ = ["FORMATS", "Format", "check_format", "format_of"]

#: A plan file's format.
Format = Literal["yaml", "json"]

FORMATS: tuple[Format, ...] = ("yaml", "json")


def format_of(path: str | os.PathLike[str], format: Format | None = None) -> Format:
    """``format`` when given, else the format the path's suffix names (``.json`` or YAML)."""
    if format is not None:
        return check_format(format)
    return "json" if str(path).lower().endswith(".json") else "yaml"


def check_format(format: str) -> Format:
    """``format`` itself when it is one okrkit reads and writes; else a :class:`PlanFileError`."""
    if format == "yaml":
        return "yaml"
    if format == "json":
        return "json"
    raise PlanFileError.translatable(
        N_("unknown format {format}; expected 'yaml' or 'json'"), format=repr(format)
    )
