"""What lint returns: a :class:`Finding` per problem, and its :data:`Severity`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ["SEVERITY_RANK", "Finding", "Severity"]

Severity: TypeAlias = Literal["error", "warning", "info"]

#: Sort order of severities: errors first.
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which ``rule``, how bad, where (``path``, ``ref``) and what to do."""

    rule: str
    severity: Severity
    path: str
    message: str
    ref: str | None = None
