"""A plan as plain data: what :func:`okrkit.dump` writes.

One function owns the rule for which fields a saved plan file contains, so the
YAML and JSON writers, the check-in editor and any other writer agree.
"""

from __future__ import annotations

from typing import Any

from okrkit.model import Plan

__all__ = ["plan_to_data"]


def plan_to_data(plan: Plan, *, json_safe: bool = True) -> dict[str, Any]:
    """The plan as plain data, with only the fields that were set.

    With ``json_safe=False`` dates stay :class:`datetime.date` objects (for YAML).
    """
    return plan.model_dump(mode="json" if json_safe else "python", exclude_unset=True)
