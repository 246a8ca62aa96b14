"""What every check sees: the plan, the date, the locale, and helpers to say where and what."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from gettext import NullTranslations
from typing import TypeAlias

from okrkit.formatting import format_number, format_period
from okrkit.i18n import LocaleMatch, translations
from okrkit.model import KeyResult, Objective, Plan
from okrkit.period import Period

__all__ = ["Check"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class _Context:
    plan: Plan
    on: dt.date
    match: LocaleMatch
    lone_kr: bool

    @property
    def t(self) -> NullTranslations:
        return translations(self.match)

    def say(self, msgid: str, **values: object) -> str:
        """Translate ``msgid`` and fill its ``{placeholders}``."""
        return self.fill(self.t.gettext(msgid), **values)

    def say_n(self, text: str, n: int, **values: object) -> str:
        """Fill a message from ``self.t.ngettext(...)`` with ``n`` and ``values``."""
        return self.fill(text, n=format_number(n, self.match), **values)

    @staticmethod
    def fill(text: str, **values: object) -> str:
        return _PLACEHOLDER.sub(lambda m: str(values.get(m[1], m[0])), text)

    def path(self, objective: Objective, kr: KeyResult | None = None) -> str:
        if kr is not None and self.lone_kr:
            return f"key_results[{kr.id}]"
        head = f"objectives[{objective.id}]"
        return head if kr is None else f"{head}.key_results[{kr.id}]"

    def key_results(self) -> Iterator[tuple[Objective, KeyResult]]:
        for objective in self.plan.objectives:
            for kr in objective.key_results:
                yield objective, kr

    def period(self, value: Period | None) -> str:
        return format_period(value, self.match) if value is not None else ""


Check: TypeAlias = Callable[[_Context], Iterator[tuple[str, str, str | None]]]
"""A rule's check yields ``(path, message, ref)`` for each problem."""
