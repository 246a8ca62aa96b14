"""Plugin sources: connectors a team ships as a package, for its own API.

A plugin is a callable registered in the ``okrkit.sources`` entry-point group::

    # pyproject.toml of the plugin package
    [project.entry-points."okrkit.sources"]
    hubspot = "okrkit_hubspot:measure"

    # okrkit_hubspot.py
    def measure(options, context):
        # options: the measure block's options; context: okrkit.measure.Context
        return 42.0          # one number for context.on, or [(date, value), ...]

and used from a plan file with ``measure: {kind: plugin, plugin: hubspot, options: {...}}``.
Secrets come from ``context.environ``, never from the plan file.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Iterable, Mapping
from importlib import metadata
from typing import Any, Protocol

from okrkit.errors import MeasureError
from okrkit.measure.context import Context
from okrkit.measure.readings import Reading
from okrkit.measure.spec import PluginSource

__all__ = ["GROUP", "SourcePlugin", "available", "load_plugin", "read_plugin"]

#: The entry-point group plugins register in.
GROUP = "okrkit.sources"


class SourcePlugin(Protocol):
    """What a plugin is: called with the block's options and the context."""

    def __call__(
        self, options: Mapping[str, Any], context: Context
    ) -> float | Iterable[tuple[dt.date, float]]: ...


def available() -> list[str]:
    """The names of the installed plugins, sorted."""
    return sorted({ep.name for ep in metadata.entry_points(group=GROUP)})


def load_plugin(name: str) -> SourcePlugin:
    """The plugin registered as ``name``; MeasureError naming the installed ones if absent."""
    found = [ep for ep in metadata.entry_points(group=GROUP) if ep.name == name]
    if not found:
        installed = ", ".join(available()) or "none"
        raise MeasureError(
            f"no source plugin {name!r} is installed (entry points {GROUP}: {installed})"
        )
    try:
        plugin = found[0].load()
    except Exception as exc:
        raise MeasureError(f"plugin {name!r} cannot be loaded: {exc}") from None
    if not callable(plugin):
        raise MeasureError(f"plugin {name!r} ({found[0].value}) is not callable")
    return plugin  # type: ignore[no-any-return]


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise MeasureError(f"{what} is {value!r}; expected a number")
    number = float(value)
    if not math.isfinite(number):
        raise MeasureError(f"{what} is {value!r}; expected a finite number")
    return number


def _readings(answer: object, context: Context, name: str) -> list[Reading]:
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return [Reading(context.on, _number(answer, f"plugin {name!r} returned"))]
    if not isinstance(answer, Iterable) or isinstance(answer, (str, bytes, Mapping)):
        raise MeasureError(
            f"plugin {name!r} returned {answer!r}; expected a number or (date, value) pairs"
        )
    by_date: dict[dt.date, float] = {}
    for item in answer:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], dt.date)):
            raise MeasureError(f"plugin {name!r} returned {item!r}; expected (date, value)")
        day = item[0].date() if isinstance(item[0], dt.datetime) else item[0]
        if day <= context.on and (context.period_start is None or day >= context.period_start):
            by_date[day] = _number(item[1], f"plugin {name!r}'s value for {day}")
    if not by_date:
        raise MeasureError(f"plugin {name!r} returned no value dated within the period")
    return [Reading(day, by_date[day]) for day in sorted(by_date)]


def read_plugin(source: PluginSource, context: Context) -> list[Reading]:
    """Run the plugin ``source`` names; its exceptions become MeasureError with its message."""
    plugin = load_plugin(source.plugin)
    try:
        answer = plugin(dict(source.options), context)
    except MeasureError:
        raise
    except Exception as exc:
        raise MeasureError(f"plugin {source.plugin!r} failed: {exc}") from None
    return _readings(answer, context, source.plugin)
