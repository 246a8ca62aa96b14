"""Statuses, colour bands and the rounding rule grades are compared after."""

from __future__ import annotations

import math
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


#: ``10 ** decimals`` as floats, each exact (every power of ten to 10**22 is).
_SCALES = tuple(float(10**d) for d in range(13))
#: Half a unit in the last graded place, less what the float product can be off by
#: (below 2.3e-7 for products under 1e9): a fraction within this of the nearest
#: whole number is no tie, and that number is the half-up rounding of the shortest
#: decimal form too.
_CLEAR = 0.5 - 1e-6
_INF = float("inf")


def grade(value: float, decimals: int) -> float:
    """``value`` rounded half up to ``decimals`` places, from its shortest decimal form.

    Scores are sums and quotients of floats: ``(0.2 + 0.2 + 0.3)`` is
    ``0.7000000000000001`` and ``1.2 / 3`` is ``0.39999999999999997``. Every
    comparison with a boundary (bands, success marks, status thresholds)
    uses the graded value, so 0.4 and 0.7 land where a person expects.

    >>> grade(1.2 / 3, 2), grade(0.285, 2), grade(0.6949, 2)
    (0.4, 0.29, 0.69)
    """
    if value != value or value == _INF or value == -_INF:
        return value
    if type(value) is float and 0 <= decimals <= 12:
        # The usual case in float arithmetic: the same float as the decimal rounding
        # below. Away from a tie the nearest whole number of ``value * 10**decimals``
        # is the rounding of the shortest decimal form, and dividing it by the exact
        # power of ten gives the float nearest to that decimal, as float() of it does.
        scale = _SCALES[decimals]
        scaled = value * scale
        if -1e9 < scaled < 1e9:
            whole = round(scaled)
            if abs(scaled - whole) < _CLEAR:
                return whole / scale if whole else math.copysign(0.0, value)
    return _decimal_grade(value, decimals)


def _decimal_grade(value: float, decimals: int) -> float:
    """:func:`grade` in decimal arithmetic: the definition, for ties and large values."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
