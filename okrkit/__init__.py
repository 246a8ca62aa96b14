"""okrkit: OKRs for marketing teams.

A typed model of objectives and key results, a scoring API, plan files in YAML
or JSON, a localized catalogue of marketing OKRs and documents rendered with
Jinja and Babel.

>>> import okrkit
>>> kr = okrkit.KeyResult(id="nps", title="Raise NPS", unit="score", baseline=50, target=60,
...                       current=55)
>>> okrkit.score(kr).value
0.5
"""

from __future__ import annotations

from okrkit._version import __version__
from okrkit.errors import (
    CatalogueError,
    MeasureError,
    MetricError,
    OKRError,
    PeriodError,
    PlanError,
    PlanFileError,
    UnknownLocaleError,
    ValidationError,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

    from okrkit import catalogue, metrics
    from okrkit.files import LimitError, Limits, dump, dumps, edit, load, loads, schema
    from okrkit.i18n import LocaleMatch, locales, resolve_locale
    from okrkit.linting import Finding, lint
    from okrkit.measure.run import measure
    from okrkit.model import CheckIn, Initiative, KeyResult, LintSettings, Objective, Plan
    from okrkit.period import Period
    from okrkit.rendering import environment, render
    from okrkit.scoring import POLICIES, Band, Forecast, Score, ScoringPolicy, Status, score

__all__ = [
    "POLICIES",
    "Band",
    "CatalogueError",
    "CheckIn",
    "Finding",
    "Forecast",
    "Initiative",
    "KeyResult",
    "LimitError",
    "Limits",
    "LintSettings",
    "LocaleMatch",
    "MeasureError",
    "MetricError",
    "OKRError",
    "Objective",
    "Period",
    "PeriodError",
    "Plan",
    "PlanError",
    "PlanFileError",
    "Score",
    "ScoringPolicy",
    "Status",
    "UnknownLocaleError",
    "ValidationError",
    "__version__",
    "catalogue",
    "dump",
    "dumps",
    "edit",
    "environment",
    "lint",
    "load",
    "loads",
    "locales",
    "measure",
    "metrics",
    "render",
    "resolve_locale",
    "schema",
    "score",
]

# Public names load on first use (PEP 562), so `import okrkit` stays fast:
# pydantic models are built, and Babel, Jinja and the catalogue are read, only
# when a program touches them.
_LAZY: dict[str, str] = {
    "CheckIn": "okrkit.model",
    "Initiative": "okrkit.model",
    "KeyResult": "okrkit.model",
    "LintSettings": "okrkit.model",
    "Objective": "okrkit.model",
    "Plan": "okrkit.model",
    "Period": "okrkit.period",
    "POLICIES": "okrkit.scoring",
    "Band": "okrkit.scoring",
    "Forecast": "okrkit.scoring",
    "Score": "okrkit.scoring",
    "ScoringPolicy": "okrkit.scoring",
    "Status": "okrkit.scoring",
    "score": "okrkit.scoring",
    "LocaleMatch": "okrkit.i18n",
    "locales": "okrkit.i18n",
    "resolve_locale": "okrkit.i18n",
    "Finding": "okrkit.linting",
    "lint": "okrkit.linting",
    "environment": "okrkit.rendering",
    "render": "okrkit.rendering",
    "dump": "okrkit.files",
    "dumps": "okrkit.files",
    "edit": "okrkit.files",
    "LimitError": "okrkit.files",
    "Limits": "okrkit.files",
    "load": "okrkit.files",
    "loads": "okrkit.files",
    "schema": "okrkit.files",
}
# okrkit.measure is a package that is also callable as okrkit.measure.run.measure.
_LAZY_MODULES = {"catalogue", "measure", "metrics"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _LAZY_MODULES:
        from importlib import import_module

        return import_module(f"okrkit.{name}")
    raise AttributeError(f"module 'okrkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
