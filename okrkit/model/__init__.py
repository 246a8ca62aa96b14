"""The OKR domain model: key results, check-ins, initiatives, objectives, plans.

Every model is a pydantic v2 model that rejects unknown fields. Constructing one
with bad values raises :class:`okrkit.errors.ValidationError` (an
:class:`~okrkit.errors.OKRError` and a :class:`ValueError`) whose message names
the field path and what was expected.

Conventions:

* Percent values are percentage points: ``4`` and ``"4%"`` both mean 4 %.
* Check-in ``confidence`` is a probability in ``0..1`` (0.7 = "70 % sure we
  will hit the target").
* The current value of a key result is its latest check-in (by date; for one
  date, the last written), else ``current``, else ``baseline``.
"""

from okrkit._gc import gc_paused

# Building the model classes (pydantic's schemas and validators, and pydantic's own
# import) allocates hundreds of thousands of long-lived objects: with the collector
# paused they go straight to its oldest generation instead of being scanned again
# and again while the classes are built (a twentieth of a cold ``okrkit render``).
with gc_paused():
    from okrkit.measure.spec import Connection
    from okrkit.model._base import (
        CADENCE_DAYS,
        CHECK_IN_GRACE_DAYS,
        Cadence,
        Date,
        Direction,
        DurationUnit,
        Indicator,
        InitiativeStatus,
        KeyResultKind,
        Number,
        Rollup,
        Tag,
        Unit,
        _Model,
        _parse_number,
        check_in_window,
        convert_errors,
        format_loc,
    )
    from okrkit.model.keyresult import CheckIn, KeyResult, Provenance
    from okrkit.model.plan import Initiative, LintSettings, Objective, Plan, Retro, is_external

__all__ = [
    "CADENCE_DAYS",
    "CHECK_IN_GRACE_DAYS",
    "Cadence",
    "CheckIn",
    "Connection",
    "Date",
    "Direction",
    "DurationUnit",
    "Indicator",
    "Initiative",
    "InitiativeStatus",
    "KeyResult",
    "KeyResultKind",
    "LintSettings",
    "Number",
    "Objective",
    "Plan",
    "Provenance",
    "Retro",
    "Rollup",
    "Tag",
    "Unit",
    "_Model",
    "_parse_number",
    "check_in_window",
    "convert_errors",
    "format_loc",
    "is_external",
]
