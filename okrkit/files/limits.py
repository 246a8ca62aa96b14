"""Limits on what a plan file may hold, so hostile or careless input fails fast and clearly.

A real plan is a few kilobytes to a few megabytes. The defaults leave room for
any real plan and stop, within a second, the inputs that would otherwise take
minutes or gigabytes: a 168 KB YAML file whose aliases expand to millions of
check-ins, a 5,000-digit number, a title of ten million characters, JSON nested
a hundred thousand levels deep.

>>> import okrkit
>>> okrkit.loads("objectives: []", limits=Limits(max_bytes=5))
Traceback (most recent call last):
...
okrkit.files.limits.LimitError: <text>: 14 bytes; plans are limited to 5 bytes (Limits.max_bytes)
"""

from __future__ import annotations

import dataclasses

from okrkit.errors import PlanFileError

__all__ = ["DEFAULT_LIMITS", "LimitError", "Limits"]


class LimitError(PlanFileError):
    """A plan file goes beyond one of its :class:`Limits` (size, nesting, numbers, text)."""


@dataclasses.dataclass(frozen=True)
class Limits:
    """What okrkit accepts in one plan file; pass your own to ``load``, ``loads`` or ``edit``.

    Every breach raises :class:`LimitError` naming the file, the line, the
    field and the limit (``Limits.max_depth`` and so on), so a caller knows
    which one to raise if the file is real.

    >>> Limits().max_bytes
    20971520
    >>> Limits(max_depth=0)
    Traceback (most recent call last):
    ...
    ValueError: Limits.max_depth must be a positive number, got 0
    """

    #: Size of the file in bytes (20 MiB).
    max_bytes: int = 20 * 1024 * 1024
    #: YAML/JSON nodes (mappings, lists, values), counting each alias as often as it is used.
    max_nodes: int = 2_000_000
    #: Nodes reached through YAML aliases (``*name``): what stops "billion laughs" files.
    max_alias_nodes: int = 100_000
    #: Levels of nesting (a plan needs about 8).
    max_depth: int = 64
    #: Digits in one number (``1_200_000`` has 7).
    max_number_digits: int = 30
    #: Largest absolute value of a number.
    max_magnitude: float = 1e15
    #: Characters in one text value (a title, a note, a description).
    max_string_length: int = 100_000
    #: Problems listed in one error message; the rest are counted ("and 3 more").
    max_errors: int = 20

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"Limits.{field.name} must be a positive number, got {value!r}")


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()
