"""Lint OKRs against the OKR method: find what makes a plan hard to steer, and say how to fix it.

:func:`lint` checks a :class:`~okrkit.Plan`, :class:`~okrkit.Objective` or
:class:`~okrkit.KeyResult` and returns :class:`Finding` objects sorted by
severity (``error``, ``warning``, ``info``), then path. Each finding names its
rule (a stable kebab-case id from :data:`RULES`), where it is (``path`` such as
``objectives[seo].key_results[page-one]``, built from ids) and a one-sentence
message, in the requested locale, that says what is wrong and how to fix it.

Rules apply at three scopes: ``plan`` rules (objective counts, alignment) need
the whole plan and are skipped when a lone objective or key result is linted;
``objective`` rules are skipped for a lone key result. Rules are disabled per
plan (``lint: {disable: [...]}`` in the plan file) or per call (``disable=``).

The modules: :mod:`~okrkit.linting.findings` (:class:`Finding`),
:mod:`~okrkit.linting.rules` (:class:`Rule`, :data:`RULES`),
:mod:`~okrkit.linting.words` (activity and vanity keywords),
:mod:`~okrkit.linting.context` (what a check sees), the checks in
:mod:`~okrkit.linting.plan_checks`, :mod:`~okrkit.linting.key_result_checks` and
:mod:`~okrkit.linting.check_in_checks`, and :mod:`~okrkit.linting.runner` (:func:`lint`).

>>> from okrkit import KeyResult
>>> kr = KeyResult(id="blog", title="Publish 12 blog posts a month", baseline=4, target=12,
...                source="CMS", cadence="monthly", owner="Ana")
>>> [f.rule for f in lint(kr)]
['activity-as-result']
"""

from __future__ import annotations

# _Context and _check_ids are re-exported for okrkit.measure.lint and okrkit.lint_report.
from okrkit.linting.context import _Context as _Context
from okrkit.linting.findings import Finding, Severity
from okrkit.linting.rules import RULES, Rule, rules
from okrkit.linting.runner import _check_ids as _check_ids
from okrkit.linting.runner import lint
from okrkit.linting.words import ACTIVITY_WORDS, VANITY_WORDS, is_activity, is_vanity

__all__ = [
    "ACTIVITY_WORDS",
    "RULES",
    "VANITY_WORDS",
    "Finding",
    "Rule",
    "Severity",
    "is_activity",
    "is_vanity",
    "lint",
    "rules",
]
