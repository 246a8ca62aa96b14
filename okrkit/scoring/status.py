"""Statuses, colour bands and the rounding rule grades are compared after."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

__all__ = ["SEVERITY", "Band", "Status", "grade"]


class Status(str, Enum):
    """Where an item stands on the scoring date.

    ``no_data`` is a key result nobody measured yet while its period runs (or
    one with no period); ``not_started`` is anything before its period starts.
    """

    NOT_STARTED = "not_started"
    NO_DATA = "no_data"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"
    MISSED = "missed"

    def __str__(self) -> str:
        return self.value


class Band(str, Enum):
    """A traffic-light colour for a score; ``grey`` when there is nothing to judge yet."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"

    def __str__(self) -> str:
        return self.value


#: From best to worst, for "weakest link" objective statuses: at risk and off
#: track rank below not started and no data.
SEVERITY: dict[Status, int] = {
    Status.ACHIEVED: 0,
    Status.ON_TRACK: 1,
    Status.NOT_STARTED: 2,
    Status.NO_DATA: 3,
    Status.AT_RISK: 4,
    Status.OFF_TRACK: 5,
    Status.MISSED: 6,
}

#: The colour of each status when a policy colours by status.
STATUS_BAND: dict[Status, Band] = {
    Status.ACHIEVED: Band.GREEN,
    Status.ON_TRACK: Band.GREEN,
    Status.AT_RISK: Band.YELLOW,
    Status.OFF_TRACK: Band.RED,
    Status.MISSED: Band.RED,
    Status.NOT_STARTED: Band.GREY,
    Status.NO_DATA: Band.GREY,
}


def grade(value: float, decimals: int) -> float:
    """``value`` rounded half up to ``decimals`` places, from its shortest decimal form.

    Scores are sums and quotients of floats: ``(0.2 + 0.2 + 0.3)`` is
    ``0.7000000000000001`` and ``1.2 / 3`` is ``0.39999999999999997``. Every
    comparison with a boundary (bands, success marks, status thresholds)
    uses the graded value, so 0.4 and 0.7 land where a person expects.

    >>> grade(1.2 / 3, 2), grade(0.285, 2), grade(0.6949, 2)
    (0.4, 0.29, 0.69)
    """
    if value != value or value in (float("inf"), float("-inf")):
        return value
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
