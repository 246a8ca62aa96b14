"""The OKR domain model: key results, check-ins, initiatives, objectives, plans.

Every model is a pydantic v2 model that rejects unknown fields. Constructing one
with bad values raises :class:`okrkit.errors.ValidationError` (an
:class:`~okrkit.errors.OKRError` and a :class:`ValueError`) whose message names
the field path and what was expected.

Conventions:

* Percent values are percentage points: ``4`` and ``"4%"`` both mean 4 %.
* Check-in ``confidence`` is a probability in ``0..1`` (0.7 = "70 % sure we
  will hit the target").
* The current value of a key result is its latest check-in (by date; for one
  date, the last written), else ``current``, else ``baseline``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError

from okrkit.errors import PlanError, ValidationError
from okrkit.measure.spec import Connection, Measure
from okrkit.period import Period

__all__ = [
    "Cadence",
    "CheckIn",
    "Connection",
    "Direction",
    "DurationUnit",
    "Indicator",
    "Initiative",
    "InitiativeStatus",
    "KeyResult",
    "KeyResultKind",
    "LintSettings",
    "Objective",
    "Plan",
    "Provenance",
    "Retro",
    "Tag",
    "Unit",
    "is_external",
]

Unit: TypeAlias = Literal["count", "percent", "currency", "ratio", "score", "duration"]
Direction: TypeAlias = Literal["increase", "decrease", "at_least", "at_most", "between"]
KeyResultKind: TypeAlias = Literal["metric", "milestone"]
Indicator: TypeAlias = Literal["lagging", "leading"]
Tag: TypeAlias = Literal["volume", "quality", "growth", "differentiation"]
Cadence: TypeAlias = Literal["daily", "weekly", "biweekly", "monthly", "quarterly"]
DurationUnit: TypeAlias = Literal["minutes", "hours", "days", "weeks", "months"]
InitiativeStatus: TypeAlias = Literal["planned", "in_progress", "done", "dropped"]

#: Days a check-in cadence allows between two check-ins.
CADENCE_DAYS: Mapping[str, int] = {
    "daily": 1,
    "weekly": 7,
    "biweekly": 14,
    "monthly": 31,
    "quarterly": 92,
}

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _parse_number(value: Any) -> Any:
    """Accept numbers and percent strings such as ``"4%"`` or ``"4.5 %"``."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            text = text[:-1].strip()
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"expected a number such as 12, 4.5 or '4%', got {value!r}") from None
    return value


def _serialize_number(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


Number = Annotated[
    float,
    BeforeValidator(_parse_number),
    Field(allow_inf_nan=False),
    PlainSerializer(_serialize_number),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\s*-?\d+(\.\d+)?\s*%\s*$"},
            ]
        }
    ),
]
"""A finite number; percent strings like ``"4%"`` are read as ``4``."""


def is_external(parent: str | None) -> bool:
    """Whether a ``parent`` names an objective of another plan file: ``FILE:OBJECTIVE``.

    ``parent: company:growth`` aligns to objective ``growth`` of ``company.yaml`` in
    the same folder; a company view (:func:`okrkit.company.load_company`) resolves it,
    a single plan leaves it alone. Ids cannot contain ``:``, so the form is unambiguous.

    >>> is_external("company:growth"), is_external("growth"), is_external(None)
    (True, False, False)
    """
    return parent is not None and ":" in parent


def _check_id(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # `id: 1.5`: the str type reports "Input should be a valid string"
    if not _ID_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use letters, digits, '-', '_' or '.', "
            "starting with a letter or digit"
        )
    return value


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


Id = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v)]


def _check_locale(value: Any) -> Any:
    """A plan's ``locale:`` must be one okrkit speaks (``sv``, ``zh-TW``, ``sv_FI``...)."""
    if not isinstance(value, str):
        return value
    from okrkit.errors import UnknownLocaleError
    from okrkit.i18n import SUPPORTED, resolve_locale

    text = value.strip()
    try:
        if not text or "," in text or ";" in text:  # one locale, not an Accept-Language list
            raise UnknownLocaleError(text)
        resolve_locale(text)
    except UnknownLocaleError:
        raise ValueError(
            f"unknown locale; expected one of {', '.join(SUPPORTED)} "
            "(or a regional variant such as sv_FI or zh-TW)"
        ) from None
    return text


#: A locale okrkit speaks, as written in the plan file (``sv``, ``zh-TW``).
LocaleId = Annotated[str, BeforeValidator(_check_locale)]


_MISSING = object()


class _Model(BaseModel):
    """Base of okrkit's models: strict about unknown keys, okrkit's own errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except PydanticValidationError as exc:
            raise ValidationError(convert_errors(exc)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        # Assignment is validated like construction (``validate_assignment``):
        # ``kr.target = "lots"`` raises okrkit's ValidationError, and the model
        # is left unchanged.
        before = self.__dict__.get(name, _MISSING)
        was_set = name in self.model_fields_set
        try:
            super().__setattr__(name, value)
        except PydanticValidationError as exc:
            # pydantic stores the value before the model validators run; undo it.
            if before is not _MISSING:
                self.__dict__[name] = before
                if not was_set:
                    self.model_fields_set.discard(name)
            raise ValidationError(convert_errors(exc)) from None

    # Tell pydantic this __init__ only wraps errors, so nested models are still
    # validated in pydantic-core (fast, with full error paths) without calling it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


def format_loc(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as ``objectives[0].key_results[1].target``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "lax-", "json-")) or part in {"str", "int", "float"}:
            continue
        else:
            out += f".{part}" if out else part
    return out


_FIELD_PREFIX = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (.+)$", re.S)

_TYPE_HINTS = {
    "extra_forbidden": "unknown field; check its spelling (fields are listed in `okrkit schema`)",
    "missing": "required field is missing",
}


def convert_errors(exc: PydanticValidationError) -> list[tuple[str, str]]:
    """Turn pydantic's errors into okrkit's ``(path, message)`` pairs."""
    out: list[tuple[str, str]] = []
    for err in exc.errors(include_url=False):
        loc = format_loc(tuple(err["loc"]))
        kind = err["type"]
        if kind in _TYPE_HINTS:
            message = _TYPE_HINTS[kind]
        else:
            message = str(err["msg"])
            for prefix in ("Value error, ", "Assertion failed, "):
                message = message.removeprefix(prefix)
            if kind == "finite_number":
                message = "expected a finite number (not NaN or infinity)"
            if m := _FIELD_PREFIX.match(message):  # "target: ..." from a model validator
                loc = f"{loc}.{m[1]}" if loc else m[1]
                message = m[2]
        if kind not in {"missing", "extra_forbidden"} and "input" in err:
            shown = err["input"]
            if not isinstance(shown, (dict, list)) and f"got {shown!r}" not in message:
                message = f"{message} (got {shown!r})"
        out.append((loc, message))
    return out


class Provenance(_Model):
    """Where a measured check-in's number came from: written by ``okrkit measure``.

    ``source`` describes the source (``sql:crm``, ``csv:exports/ga4-*.csv``...);
    ``fetched_at`` is when it was read (an aware UTC time).
    """

    source: Annotated[str, Field(min_length=1)]
    fetched_at: dt.datetime


class CheckIn(_Model):
    """One progress update of a key result.

    ``value`` for metric key results, ``done`` for milestones. ``confidence``
    is the owner's probability (0..1) of reaching the target by the period's
    end. ``inputs`` are raw numbers from which the value is computed when the
    key result names a ``metric`` (for example NPS from survey counts).
    """

    date: dt.date
    value: Number | None = None
    done: bool | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    note: str | None = None
    author: str | None = None
    inputs: dict[str, Number] | None = None
    provenance: Provenance | None = None


class KeyResult(_Model):
    """A measurable result: a metric moving from baseline to target, or a milestone.

    >>> kr = KeyResult(id="mql", title="Grow MQLs", baseline=400, target=600, current=500)
    >>> kr.resolved_direction, kr.value
    ('increase', 500.0)
    """

    id: Annotated[Id, BeforeValidator(_check_id)]
    title: Annotated[str, Field(min_length=1)]
    kind: KeyResultKind = "metric"
    unit: Unit = "count"
    currency: Annotated[str, BeforeValidator(_upper)] | None = None
    duration_unit: DurationUnit | None = None
    direction: Direction | None = None
    baseline: Number | None = None
    target: Number | None = None
    target_min: Number | None = None
    target_max: Number | None = None
    current: Number | None = None
    done: bool | None = None
    weight: Annotated[float, Field(ge=0.0, allow_inf_nan=False)] = 1.0
    owner: str | None = None
    #: Who reports the number at each check-in (a role such as "Marketing
    #: operations manager", or a person); ``owner`` is who is accountable for it.
    reporter: str | None = None
    indicator: Indicator = "lagging"
    source: str | None = None
    cadence: Cadence | None = None
    tags: list[Tag] = Field(default_factory=list)
    metric: str | None = None
    measure: Measure | None = None
    check_ins: list[CheckIn] = Field(default_factory=list)

    _NUMERIC: ClassVar[tuple[str, ...]] = (
        "baseline",
        "target",
        "target_min",
        "target_max",
        "current",
    )

    @model_validator(mode="before")
    @classmethod
    def _percent_only_for_percent(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("unit", "count") != "percent":
            for name in cls._NUMERIC:
                value = data.get(name)
                if isinstance(value, str) and value.strip().endswith("%"):
                    raise ValueError(
                        f"{name} is written as a percent ({value!r}) but unit is "
                        f"{data.get('unit', 'count')!r}; set unit: percent or drop the '%'"
                    )
        return data

    @model_validator(mode="after")
    def _check(self) -> KeyResult:
        if self.kind == "milestone":
            for name in self._NUMERIC:
                if getattr(self, name) is not None:
                    raise ValueError(
                        f"{name}: a milestone is done or not and has no numbers; "
                        "use kind: metric for a numeric key result"
                    )
            if self.direction is not None or self.metric is not None:
                raise ValueError("a milestone has no direction or metric")
            if self.measure is not None:
                raise ValueError(
                    "measure: a milestone is done or not; only metric key results measure "
                    "themselves (record a milestone with okrkit checkin --done)"
                )
            for i, check_in in enumerate(self.check_ins):
                if check_in.value is not None or check_in.done is None:
                    raise ValueError(
                        f"check_ins[{i}]: a milestone check-in records done: true/false"
                    )
            return self
        if self.done is not None:
            raise ValueError("done: only milestones are done; a metric has a current value")
        self._check_unit()
        self._check_direction()
        for i, check_in in enumerate(self.check_ins):
            if check_in.done is not None:
                raise ValueError(f"check_ins[{i}]: a metric check-in records a value, not done")
            if check_in.value is None and not (check_in.inputs and self.metric):
                raise ValueError(f"check_ins[{i}]: expected a value (or inputs for the metric)")
        if self.metric is not None:
            from okrkit import metrics

            if self.metric not in metrics.names():
                raise ValueError(
                    f"metric: unknown metric {self.metric!r}; expected one of "
                    + ", ".join(metrics.names())
                )
            if metrics.unit_of(self.metric) != self.unit:
                raise ValueError(
                    f"unit: metric {self.metric!r} is measured in "
                    f"{metrics.unit_of(self.metric)}, but unit is {self.unit}"
                )
        return self

    def _check_unit(self) -> None:
        if self.unit == "currency":
            if not self.currency:
                raise ValueError("currency: unit currency needs an ISO 4217 code such as USD")
            if self.currency not in _currencies():
                raise ValueError(f"currency: {self.currency!r} is not an ISO 4217 currency code")
        elif self.currency is not None:
            raise ValueError(f"currency: only unit currency takes a currency (unit is {self.unit})")
        if self.duration_unit is not None and self.unit != "duration":
            raise ValueError(f"duration_unit: only unit duration takes one (unit is {self.unit})")

    def _check_direction(self) -> None:
        direction, baseline, target = self.direction, self.baseline, self.target
        if direction in (None, "increase", "decrease"):
            if target is None:
                raise ValueError("target: a metric key result needs a target")
            if baseline is None:
                raise ValueError(
                    "baseline: a metric key result needs a baseline to measure progress from "
                    "(or direction at_least / at_most for a level that must hold)"
                )
            if baseline == target:
                raise ValueError(
                    f"target: equals the baseline ({_serialize_number(target)}); a key result must "
                    "move; for a level that must hold use direction at_least or at_most"
                )
            if direction == "increase" and target < baseline:
                raise ValueError("target: direction increase needs a target above the baseline")
            if direction == "decrease" and target > baseline:
                raise ValueError("target: direction decrease needs a target below the baseline")
        elif direction in ("at_least", "at_most"):
            if target is None:
                raise ValueError(f"target: direction {direction} needs a target (the threshold)")
        else:  # between
            lo, hi = self.target_min, self.target_max
            if lo is None or hi is None:
                missing = "target_min" if lo is None else "target_max"
                raise ValueError(
                    f"{missing}: direction between needs both target_min and target_max"
                )
            if lo > hi:
                raise ValueError("target_min: must not be above target_max")

    @property
    def resolved_direction(self) -> Direction | None:
        """The direction, inferred from baseline and target if not written; None for milestones."""
        if self.kind == "milestone":
            return None
        if self.direction is not None:
            return self.direction
        assert self.baseline is not None and self.target is not None
        return "increase" if self.target > self.baseline else "decrease"

    def latest_check_in(self) -> CheckIn | None:
        """The check-in with the latest date (for one date, the last written)."""
        latest: CheckIn | None = None
        for check_in in self.check_ins:
            if latest is None or check_in.date >= latest.date:
                latest = check_in
        return latest

    def check_in_value(self, check_in: CheckIn) -> float | None:
        """The value a check-in records, computing it from ``inputs`` for a metric."""
        if check_in.value is not None:
            return check_in.value
        if check_in.inputs and self.metric:
            from okrkit import metrics

            return metrics.compute_value(self.metric, check_in.inputs)
        return None

    @property
    def value(self) -> float | None:
        """Current value: latest check-in, else ``current``, else ``baseline``."""
        latest = self.latest_check_in()
        if latest is not None:
            return self.check_in_value(latest)
        if self.current is not None:
            return self.current
        return self.baseline

    @property
    def is_done(self) -> bool:
        """For milestones: the latest check-in's ``done``, else ``done``."""
        latest = self.latest_check_in()
        if latest is not None and latest.done is not None:
            return latest.done
        return bool(self.done)

    @property
    def measured(self) -> bool:
        """Whether anything was measured: a check-in, ``current`` or ``done``."""
        return bool(self.check_ins) or self.current is not None or self.done is not None


_CURRENCIES: frozenset[str] | None = None


def _currencies() -> frozenset[str]:
    global _CURRENCIES
    if _CURRENCIES is None:
        from babel.numbers import list_currencies

        _CURRENCIES = frozenset(list_currencies())
    return _CURRENCIES


class Initiative(_Model):
    """A planned action (a leading indicator) that should move key results."""

    title: Annotated[str, Field(min_length=1)]
    id: Annotated[Id, BeforeValidator(_check_id)] | None = None
    owner: str | None = None
    status: InitiativeStatus = "planned"
    due: dt.date | None = None
    key_results: list[str] = Field(default_factory=list)


class Retro(_Model):
    """An objective's retrospective at the end of its period."""

    worked: list[str] = Field(default_factory=list)
    did_not_work: list[str] = Field(default_factory=list)
    change: list[str] = Field(default_factory=list)


class Objective(_Model):
    """A qualitative, time-bound goal measured by its key results.

    ``parent`` is the id of the objective this one aligns to (top-down).
    ``committed`` objectives are expected to reach 1.0; aspirational ones
    (the default) count 0.7 as success under Google-style grading.
    """

    id: Annotated[Id, BeforeValidator(_check_id)]
    title: Annotated[str, Field(min_length=1)]
    description: str | None = None
    owner: str | None = None
    team: str | None = None
    period: Period | None = None
    committed: bool = False
    weight: Annotated[float, Field(ge=0.0, allow_inf_nan=False)] = 1.0
    parent: str | None = None
    area: str | None = None
    roles: list[str] = Field(default_factory=list)
    template: str | None = None
    key_results: list[KeyResult] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    retro: Retro | None = None

    @model_validator(mode="after")
    def _check(self) -> Objective:
        seen: set[str] = set()
        for i, kr in enumerate(self.key_results):
            if kr.id in seen:
                raise ValueError(f"key_results[{i}].id: duplicate key result id {kr.id!r}")
            seen.add(kr.id)
        for i, initiative in enumerate(self.initiatives):
            for ref in initiative.key_results:
                if ref not in seen:
                    raise ValueError(
                        f"initiatives[{i}].key_results: {ref!r} is not a key result of "
                        f"objective {self.id!r} (expected one of {sorted(seen)})"
                    )
        if self.parent == self.id:
            raise ValueError(f"parent: objective {self.id!r} cannot align to itself")
        return self

    def key_result(self, kr_id: str) -> KeyResult:
        """The key result with id ``kr_id``; :class:`KeyError` if absent."""
        for kr in self.key_results:
            if kr.id == kr_id:
                return kr
        raise KeyError(kr_id)


class LintSettings(_Model):
    """Per-plan lint settings: rule ids to disable."""

    disable: list[str] = Field(default_factory=list)


class Plan(_Model):
    """A set of objectives for one or many teams and periods.

    Objectives without their own ``period`` use the plan's. ``parent`` links
    form the top-down alignment tree; dangling parents and cycles are rejected.
    """

    title: str | None = None
    company: str | None = None
    period: Period | None = None
    locale: LocaleId | None = None
    lint: LintSettings | None = None
    connections: dict[Annotated[str, BeforeValidator(_check_id)], Connection] = Field(
        default_factory=dict
    )
    objectives: list[Objective] = Field(default_factory=list)

    _index: dict[str, Objective] = PrivateAttr(default_factory=dict)
    _children: dict[str, list[Objective]] = PrivateAttr(default_factory=dict)
    _built: list[tuple[int, str, str | None]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Plan:
        self._build_index()
        return self

    def _build_index(self) -> None:
        index: dict[str, Objective] = {}
        for i, objective in enumerate(self.objectives):
            if objective.id in index:
                raise ValueError(f"objectives[{i}].id: duplicate objective id {objective.id!r}")
            index[objective.id] = objective
        children: dict[str, list[Objective]] = {}
        for i, objective in enumerate(self.objectives):
            if objective.parent is None or is_external(objective.parent):
                continue
            if objective.parent not in index:
                raise ValueError(
                    f"objectives[{i}].parent: {objective.parent!r} is not an objective in this plan"
                )
            children.setdefault(objective.parent, []).append(objective)
        for objective in self.objectives:  # cycle check: walk up with a visited set
            seen = {objective.id}
            node = objective
            while node.parent is not None and not is_external(node.parent):
                if node.parent in seen:
                    raise ValueError(
                        f"objectives: alignment cycle through {objective.id!r} -> "
                        f"{node.parent!r}; parents must form a tree"
                    )
                seen.add(node.parent)
                node = index[node.parent]
        self._index = index
        self._children = children
        self._built = self._signature()

    def __eq__(self, other: object) -> bool:
        # Plans are equal when their fields are; the private index is a cache.
        if not isinstance(other, Plan):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def _signature(self) -> list[tuple[int, str, str | None]]:
        return [(id(o), o.id, o.parent) for o in self.objectives]

    def _fresh(self) -> None:
        """Rebuild the index when objectives were added, removed, renamed or re-parented."""
        if self._built != self._signature():
            try:
                self._build_index()
            except ValueError as exc:
                raise PlanError(str(exc)) from None

    def objective(self, objective_id: str) -> Objective:
        """The objective with id ``objective_id``; :class:`KeyError` if absent."""
        self._fresh()
        return self._index[objective_id]

    def children(self, objective: Objective | str) -> list[Objective]:
        """Objectives that align directly to ``objective``."""
        self._fresh()
        key = objective if isinstance(objective, str) else objective.id
        return list(self._children.get(key, ()))

    def roots(self) -> list[Objective]:
        """Objectives that align to nothing in this plan (the top of its tree).

        An objective aligned to another plan file's objective (``parent:
        company:growth``, see :func:`is_external`) is a root of its own plan.
        """
        return [o for o in self.objectives if o.parent is None or is_external(o.parent)]

    def orphans(self) -> list[Objective]:
        """Objectives that align to nothing and that nothing aligns to."""
        self._fresh()
        return [
            o
            for o in self.objectives
            if (o.parent is None or is_external(o.parent)) and o.id not in self._children
        ]

    def walk(self) -> Iterator[tuple[int, Objective]]:
        """Depth-first ``(depth, objective)`` pairs over the alignment tree."""
        self._fresh()
        stack = [(0, o) for o in reversed(self.roots())]
        while stack:
            depth, objective = stack.pop()
            yield depth, objective
            stack.extend((depth + 1, c) for c in reversed(self._children.get(objective.id, ())))

    def period_of(self, objective: Objective) -> Period | None:
        """The objective's period, else the plan's."""
        return objective.period or self.period

    def key_result(self, ref: str) -> tuple[Objective, KeyResult]:
        """Find a key result by ``"kr-id"`` (if unique) or ``"objective-id/kr-id"``.

        Raises :class:`PlanError` naming the candidates when the id is unknown
        or ambiguous.
        """
        if "/" in ref:
            objective_id, kr_id = ref.split("/", 1)
            try:
                objective = self.objective(objective_id)
                return objective, objective.key_result(kr_id)
            except KeyError:
                raise PlanError(f"no key result {ref!r} in this plan") from None
        found = [(o, kr) for o in self.objectives for kr in o.key_results if kr.id == ref]
        if len(found) == 1:
            return found[0]
        if not found:
            known = ", ".join(f"{o.id}/{kr.id}" for o in self.objectives for kr in o.key_results)
            raise PlanError(f"no key result {ref!r} in this plan; expected one of: {known}")
        options = ", ".join(f"{o.id}/{kr.id}" for o, kr in found)
        raise PlanError(f"key result id {ref!r} is ambiguous; use one of: {options}")

    def teams(self) -> list[str]:
        """Team names in order of first appearance."""
        return list(dict.fromkeys(o.team for o in self.objectives if o.team))
