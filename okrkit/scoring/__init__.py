"""Scoring: progress, expected progress, status, colour bands, roll-ups, forecasts.

Everything is computed *as of* a date: a key result's value on ``D`` is its
latest check-in dated on or before ``D``, else ``current``, else ``baseline``;
check-ins dated later never count, forecasts included.

How a key result scores (before the policy's floor and cap):

* ``increase`` / ``decrease`` metrics: linear progress
  ``(value - baseline) / (target - baseline)``; the same formula serves both
  directions, so a cost going from 50 to 40 with target 30 is at 0.5.
* ``at_least`` / ``at_most`` / ``between``: 1.0 while the value holds the
  threshold or band (``>`` / ``<`` under a strict policy), else 0.0.
* milestones: 1.0 when done, else 0.0.

An objective scores the weighted mean of its key results (and, by policy or its
own ``rollup``, of the objectives aligned to it); a plan the weighted mean of
its objectives. The statuses are documented in ``docs/scoring.md``; the
modules are :mod:`~okrkit.scoring.status` (statuses, bands, rounding),
:mod:`~okrkit.scoring.policies` (:class:`ScoringPolicy`),
:mod:`~okrkit.scoring.presets` (named policies and tool presets),
:mod:`~okrkit.scoring.forecast` and :mod:`~okrkit.scoring.core` (:func:`score`).
"""

from __future__ import annotations

from okrkit.model import Rollup
from okrkit.scoring.core import Score, forecast, score
from okrkit.scoring.forecast import Forecast
from okrkit.scoring.policies import ScoringPolicy
from okrkit.scoring.presets import POLICIES, PRESETS, get_policy
from okrkit.scoring.status import Band, Status, grade

__all__ = [
    "POLICIES",
    "PRESETS",
    "Band",
    "Forecast",
    "Rollup",
    "Score",
    "ScoringPolicy",
    "Status",
    "forecast",
    "get_policy",
    "grade",
    "score",
]
