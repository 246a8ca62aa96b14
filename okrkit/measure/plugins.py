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

from okrkit.errors import N_, MeasureError
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
        raise MeasureError.because(
            N_("no source plugin {name} is installed (entry points {group}: {installed})"),
            name=repr(name),
            group=GROUP,
            installed=installed,
        )
    try:
        plugin = found[0].load()
    except Exception as exc:
        raise MeasureError.because(
            N_("plugin {name} cannot be loaded: {reason}"), name=repr(name), reason=str(exc)
        ) from None
    if not callable(plugin):
        raise MeasureError.because(
            N_("plugin {name} ({value}) is not callable"), name=repr(name), value=found[0].value
        )
    return plugin  # type: ignore[no-any-return]


def _number(value: object, name: str) -> float:
    if not isinstance(value, bool) and isinstance(value, numbers.Real):
        number = float(value)
        if math.isfinite(number):
            return number
    raise MeasureError.because(
        N_("plugin {name} returned {value}; expected a finite number"),
        name=repr(name),
        value=repr(value),
    )


def _readings(answer: object, context: Context, name: str) -> list[Reading]:
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return [Reading(context.on, _number(answer, name))]
    if not isinstance(answer, Iterable) or isinstance(answer, (str, bytes, Mapping)):
        raise MeasureError.because(
            N_("plugin {name} returned {value}; expected a number or (date, value) pairs"),
            name=repr(name),
            value=repr(answer),
        )
    by_date: dict[dt.date, float] = {}
    for item in answer:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], dt.date)):
            raise MeasureError.because(
                N_("plugin {name} returned {value}; expected (date, value)"),
                name=repr(name),
                value=repr(item),
            )
        day = item[0].date() if isinstance(item[0], dt.datetime) else item[0]
        if day <= context.on and (context.period_start is None or day >= context.period_start):
            by_date[day] = _number(item[1], name)
    if not by_date:
        raise MeasureError.because(
            N_("plugin {name} returned no value dated within the period"), name=repr(name)
        )
    return [Reading(day, by_date[day]) for day in sorted(by_date)]


def read_plugin(source: PluginSource, context: Context) -> list[Reading]:
    """Run the plugin ``source`` names; its exceptions become MeasureError with its message."""
    plugin = load_plugin(source.plugin)
    try:
        answer = plugin(dict(source.options), context)
    except MeasureError:
        raise
    except Exception as exc:
        raise MeasureError.because(
            N_("plugin {name} failed: {reason}"), name=repr(source.plugin), reason=str(exc)
        ) from None
    return _readings(answer, context, source.plugin)
