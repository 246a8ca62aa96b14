"""The lint rules: each :class:`Rule`'s id, severity, scope and summary, in :data:`RULES`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from okrkit.i18n import LocaleMatch, translations
from okrkit.linting.findings import Severity

__all__ = ["N_", "RULES", "SCOPE_LEVEL", "Rule", "Scope", "rules"]

Scope: TypeAlias = Literal["plan", "objective", "key_result"]

#: How deep a scope is: a rule runs when the linted item is at its level or above.
SCOPE_LEVEL = {"plan": 0, "objective": 1, "key_result": 2}


def N_(s: str) -> str:
    """Mark ``s`` for extraction into the message catalogue; translated at call time."""
    return s


@dataclass(frozen=True, slots=True)
class Rule:
    """A lint rule: its stable ``id``, ``severity``, ``scope`` and an English ``summary`` msgid."""

    id: str
    severity: Severity
    summary: str
    scope: Scope

    def describe(self, locale: str | LocaleMatch = "en") -> str:
        """The summary in ``locale``."""
        return translations(locale).gettext(self.summary)


#: Every rule by id, in the order the method introduces them.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("objective-count", "warning", scope="plan",
             summary=N_("Three to five objectives per team and period")),
        Rule("no-key-results", "error", scope="objective",
             summary=N_("Every objective has key results")),
        Rule("key-result-count", "warning", scope="objective",
             summary=N_("Two to five key results per objective")),
        Rule("milestone-heavy", "warning", scope="objective",
             summary=N_("At least one key result is a metric")),
        Rule("not-time-bound", "warning", scope="objective",
             summary=N_("Every objective has a period")),
        Rule("percent-over-100", "warning", scope="key_result",
             summary=N_("Percentages stay within 100 %")),
        Rule("activity-as-result", "warning", scope="key_result",
             summary=N_("Key results measure outcomes, not activities")),
        Rule("vanity-metric", "warning", scope="key_result",
             summary=N_("Key results avoid vanity metrics")),
        Rule("no-owner", "warning", scope="key_result",
             summary=N_("Every objective and key result has an owner")),
        Rule("no-source", "warning", scope="key_result",
             summary=N_("Every key result names its data source")),
        Rule("no-cadence", "warning", scope="key_result",
             summary=N_("Every key result has a check-in cadence")),
        Rule("unaligned-team-objective", "warning", scope="plan",
             summary=N_("Team objectives align to a company objective")),
        Rule("alignment-period-mismatch", "warning", scope="plan",
             summary=N_("Objectives align within their period")),
        Rule("stale-check-in", "warning", scope="key_result",
             summary=N_("Check-ins keep to the cadence")),
        Rule("check-in-outside-period", "warning", scope="key_result",
             summary=N_("Check-ins are dated within their period and not in the future")),
        Rule("confidence-falling", "warning", scope="key_result",
             summary=N_("Falling confidence is not hidden by an on-track status")),
        Rule("title-numbers", "warning", scope="key_result",
             summary=N_("Numbers in a title agree with the baseline and target")),
        Rule("measure-connection", "error", scope="plan",
             summary=N_("Measured key results use connections the plan defines")),
        Rule("measure-cadence", "warning", scope="key_result",
             summary=N_("A measured key result's cadence is one its source can meet")),
        Rule("no-reporter", "info", scope="key_result",
             summary=N_("Someone reports each key result's number, or it measures itself")),
    )
}  # fmt: skip


def rules() -> list[Rule]:
    """Every rule, in the order of :data:`RULES`."""
    return list(RULES.values())
