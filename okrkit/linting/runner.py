"""Run the enabled rules' checks on a plan, objective or key result: :func:`lint`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from okrkit.errors import N_, OKRError
from okrkit.i18n import LocaleMatch, resolve_locale
from okrkit.linting import check_in_checks as _ci
from okrkit.linting import key_result_checks as _kr
from okrkit.linting import plan_checks as _plan
from okrkit.linting.context import Check, _Context
from okrkit.linting.findings import SEVERITY_RANK, Finding
from okrkit.linting.rules import RULES, SCOPE_LEVEL
from okrkit.measure import lint as measure_lint
from okrkit.model import KeyResult, Objective, Plan

__all__ = ["lint"]

_CHECKS: dict[str, Check] = {
    **_plan.CHECKS,
    **_kr.CHECKS,
    **_ci.CHECKS,
    "measure-connection": measure_lint.check_connections,
    "measure-cadence": measure_lint.check_cadence,
    "no-reporter": measure_lint.check_reporter,
}


def _check_ids(ids: Iterable[str], where: str) -> set[str]:
    wanted = {ids} if isinstance(ids, str) else set(ids)
    unknown = sorted(wanted - set(RULES))
    if unknown:
        raise OKRError.translatable(
            N_("{where}: unknown lint rule id(s) {unknown}; expected one of: {rules}"),
            where=where,
            unknown=", ".join(map(repr, unknown)),
            rules=", ".join(RULES),
        )
    return wanted


def lint(
    item: Plan | Objective | KeyResult,
    *,
    locale: str | LocaleMatch = "en",
    on: dt.date | None = None,
    disable: Iterable[str] = (),
) -> list[Finding]:
    """Check ``item`` against every enabled rule; findings sorted by severity, then path.

    ``locale`` picks the language of the messages (and of the numbers and dates in
    them), ``on`` (default today) is the date time-based rules judge by, ``disable``
    lists rule ids to skip on top of the plan's ``lint.disable``. Unknown rule ids
    raise :class:`~okrkit.OKRError` listing the valid ones.
    """
    match = resolve_locale(locale)
    disabled = _check_ids(disable, "disable")
    if isinstance(item, Plan):
        plan, level = item, SCOPE_LEVEL["plan"]
        if item.lint is not None:
            disabled |= _check_ids(item.lint.disable, "lint.disable")
    elif isinstance(item, Objective):
        plan, level = Plan(objectives=[item]), SCOPE_LEVEL["objective"]
    elif isinstance(item, KeyResult):
        holder = Objective(id="key-result", title=item.title, key_results=[item])
        plan, level = Plan(objectives=[holder]), SCOPE_LEVEL["key_result"]
    else:
        raise TypeError(f"cannot lint {type(item).__name__}; expected Plan, Objective or KeyResult")
    ctx = _Context(plan, on or dt.date.today(), match, lone_kr=isinstance(item, KeyResult))
    findings = [
        Finding(rule.id, rule.severity, path, message, ref)
        for rule in RULES.values()
        if rule.id not in disabled and SCOPE_LEVEL[rule.scope] >= level
        for path, message, ref in _CHECKS[rule.id](ctx)
    ]
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], f.path, f.rule))
