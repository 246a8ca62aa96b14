"""Documents: okrkit's Jinja environment and :func:`render`.

:func:`environment` gives a Jinja environment bound to one locale, with
okrkit's filters (Babel formatting of numbers, percents, money, dates,
periods, scores, status labels, progress bars, SVG charts) and the i18n
extension with new-style gettext. Each environment serves one locale, so
rendering in many languages from many threads never mixes them.

Other applications can put their own loader first and ``{% extends %}``
okrkit's bundled templates, or render untrusted templates with
``sandboxed=True`` (Jinja's immutable sandbox).

The package's modules: :mod:`~okrkit.rendering.labels` (formats, templates,
translated labels), :mod:`~okrkit.rendering.values` (key results' values and CSV
rows), :mod:`~okrkit.rendering.chart` (SVG charts),
:mod:`~okrkit.rendering.environments` (Jinja environments and filters),
:mod:`~okrkit.rendering.context` (view models) and
:mod:`~okrkit.rendering.documents` (:func:`render`).
"""

from __future__ import annotations

from okrkit.rendering.chart import chart_svg as chart_svg
from okrkit.rendering.context import CheckInChange as CheckInChange
from okrkit.rendering.context import Row as Row
from okrkit.rendering.context import _as_plan as _as_plan
from okrkit.rendering.context import _book_context as _book_context
from okrkit.rendering.context import _changes as _changes
from okrkit.rendering.context import _plan_context as _plan_context
from okrkit.rendering.documents import _relocalize as _relocalize
from okrkit.rendering.documents import _safe_for as _safe_for
from okrkit.rendering.documents import render
from okrkit.rendering.environments import _ENV_LOCK as _ENV_LOCK
from okrkit.rendering.environments import _ENVS as _ENVS
from okrkit.rendering.environments import _filters as _filters
from okrkit.rendering.environments import _loader as _loader
from okrkit.rendering.environments import _make as _make
from okrkit.rendering.environments import _markup as _markup
from okrkit.rendering.environments import environment
from okrkit.rendering.labels import BAND_LABELS as BAND_LABELS
from okrkit.rendering.labels import FORMATS, TEMPLATES, Format
from okrkit.rendering.labels import N_ as N_
from okrkit.rendering.labels import STATUS_LABELS as STATUS_LABELS
from okrkit.rendering.labels import WORD_LABELS as WORD_LABELS
from okrkit.rendering.values import _DIGIT as _DIGIT
from okrkit.rendering.values import _fill as _fill
from okrkit.rendering.values import csv_row as csv_row
from okrkit.rendering.values import kr_delta as kr_delta
from okrkit.rendering.values import kr_goal as kr_goal
from okrkit.rendering.values import kr_target as kr_target
from okrkit.rendering.values import kr_value as kr_value
from okrkit.rendering.values import plan_money_style as plan_money_style
from okrkit.rendering.values import progress_bar as progress_bar
from okrkit.rendering.values import template_goal as template_goal
from okrkit.rendering.values import templates_money_style as templates_money_style

__all__ = ["FORMATS", "TEMPLATES", "Format", "environment", "render"]
