"""The measurement system: key results that measure themselves.

A key result's ``measure`` block says where its number comes from (a SQL query,
a CSV export, a metric formula over measured inputs, or a plugin);
:func:`measure` runs those sources for a date and returns the numbers without
writing anything, and :func:`record` turns them into check-ins with provenance.

``okrkit.measure`` is this package and also callable as the function, so
``okrkit.measure(plan, on=date)`` and ``okrkit.measure.measure(plan, on=date)``
are the same call.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from okrkit.measure.context import Context, expand_env
    from okrkit.measure.readings import Measurement, Reading
    from okrkit.measure.recording import record
    from okrkit.measure.run import measure, measured_key_results
    from okrkit.measure.spec import (
        Connection,
        CsvSource,
        FormulaSource,
        Measure,
        PluginSource,
        SqlSource,
    )

__all__ = [
    "Connection",
    "Context",
    "CsvSource",
    "FormulaSource",
    "Measure",
    "Measurement",
    "PluginSource",
    "Reading",
    "SqlSource",
    "expand_env",
    "measure",
    "measured_key_results",
    "record",
]

_LAZY = {
    "Context": "okrkit.measure.context",
    "expand_env": "okrkit.measure.context",
    "Measurement": "okrkit.measure.readings",
    "Reading": "okrkit.measure.readings",
    "record": "okrkit.measure.recording",
    "measure": "okrkit.measure.run",
    "measured_key_results": "okrkit.measure.run",
    "Connection": "okrkit.measure.spec",
    "CsvSource": "okrkit.measure.spec",
    "FormulaSource": "okrkit.measure.spec",
    "Measure": "okrkit.measure.spec",
    "PluginSource": "okrkit.measure.spec",
    "SqlSource": "okrkit.measure.spec",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'okrkit.measure' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`okrkit.measure.run.measure`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from okrkit.measure.run import measure

        return measure(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
