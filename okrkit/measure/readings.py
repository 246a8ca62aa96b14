"""What measuring returns: readings (a date and a number) and one measurement per key result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from okrkit.errors import MeasureError

__all__ = ["Measurement", "Reading", "Status"]

Status: TypeAlias = Literal["measured", "unchanged", "failed"]


@dataclass(frozen=True)
class Reading:
    """One number a source gave for one date; ``inputs`` for a formula's measured inputs."""

    date: dt.date
    value: float
    inputs: Mapping[str, float] | None = None


@dataclass(frozen=True)
class Measurement:
    """The result of measuring one key result.

    ``ref`` is ``objective/kr``; ``old_value`` the key result's value before;
    ``readings`` what the source gave, oldest first (one, or a history);
    ``status`` is ``measured`` (a new number), ``unchanged`` (the same number
    as the check-in already recorded for that date) or ``failed`` (see ``error``).
    """

    ref: str
    source: str
    fetched_at: dt.datetime
    old_value: float | None
    readings: tuple[Reading, ...] = ()
    status: Status = "measured"
    error: MeasureError | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        """Whether the source gave a number."""
        return self.status != "failed"

    @property
    def value(self) -> float | None:
        """The newest reading's number (None when the source failed)."""
        return self.readings[-1].value if self.readings else None

    @property
    def date(self) -> dt.date | None:
        """The newest reading's date."""
        return self.readings[-1].date if self.readings else None
