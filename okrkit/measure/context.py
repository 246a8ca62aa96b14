"""What a source knows when it runs: the dates, the plan's folder and the environment."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from okrkit.errors import N_, MeasureError

__all__ = ["Context", "MeasureError", "expand_env"]

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Context:
    """The measuring date and period of one key result, as sources see them.

    ``since`` is the date of the key result's latest check-in before ``on``,
    else the period's start. ``base_dir`` is the plan file's folder: relative
    paths (CSV exports, SQLite files) are read from there. ``environ`` is where
    ``${NAME}`` references are looked up.
    """

    on: dt.date
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    since: dt.date | None = None
    ref: str = ""
    base_dir: Path = field(default_factory=Path.cwd)
    environ: Mapping[str, str] = field(default_factory=dict)

    #: The names of the parameters a query can use.
    PARAMS: ClassVar[tuple[str, ...]] = ("on", "period_start", "period_end", "since")

    def params(self) -> dict[str, dt.date | None]:
        """The bound parameters a query receives: ``on``, ``period_start``, ``period_end``,
        ``since``."""
        return {
            "on": self.on,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "since": self.since,
        }

    def path(self, text: str) -> Path:
        """``text`` as a path, relative to :attr:`base_dir` unless absolute (``~`` expands)."""
        p = Path(text).expanduser()
        return p if p.is_absolute() else self.base_dir / p


def expand_env(
    text: str,
    environ: Mapping[str, str],
    *,
    ref: str | None = None,
    connection: str | None = None,
) -> str:
    """Replace every ``${NAME}`` in ``text`` with the environment's value.

    An unset variable raises :class:`MeasureError` naming it (never its
    neighbours' values).

    >>> expand_env("postgresql://okr:${PW}@db/crm", {"PW": "s3cret"})
    'postgresql://okr:s3cret@db/crm'
    >>> expand_env("${NOPE}", {}, connection="crm")
    Traceback (most recent call last):
    ...
    okrkit.errors.MeasureError: connection crm: environment variable NOPE is not set
    """

    def value(match: re.Match[str]) -> str:
        name = match[1]
        if name not in environ:
            error = MeasureError.because(N_("environment variable {name} is not set"), name=name)
            raise error.within(ref=ref, connection=connection)
        return environ[name]

    return _ENV_REF.sub(value, text)
