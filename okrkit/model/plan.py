"""Initiatives, objectives and plans with their alignment tree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Annotated, Any, Self

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    model_validator,
)

from okrkit._gc import gc_paused
from okrkit.errors import N_, Message, OKRError, PlanError, field_error
from okrkit.measure.spec import Connection
from okrkit.model._base import (
    CheckedId,
    InitiativeStatus,
    Rollup,
    _check_id,
    _Date,
    _Model,
    _new_list,
    share_fields_sets,
)
from okrkit.model.keyresult import KeyResult
from okrkit.period import Period


def is_external(parent: str | None) -> bool:
    """Whether a ``parent`` names an objective of another plan file: ``FILE:OBJECTIVE``.

    ``parent: company:growth`` aligns to objective ``growth`` of ``company.yaml`` in
    the same folder; a company view (:func:`okrkit.company.load_company`) resolves it,
    a single plan leaves it alone. Ids cannot contain ``:``, so the form is unambiguous.

    >>> is_external("company:growth"), is_external("growth"), is_external(None)
    (True, False, False)
    """
    return parent is not None and ":" in parent


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
        raise field_error(
            None,
            N_(
                "unknown locale; expected one of {locales} "
                "(or a regional variant such as sv_FI or zh-TW)"
            ),
            locales=", ".join(SUPPORTED),
        ) from None
    return text


#: A locale okrkit speaks, as written in the plan file (``sv``, ``zh-TW``).
LocaleId = Annotated[str, BeforeValidator(_check_locale)]


class Initiative(_Model):
    """A planned action (a leading indicator) that should move key results."""

    title: Annotated[str, Field(min_length=1)]
    id: CheckedId | None = None
    owner: str | None = None
    status: InitiativeStatus = "planned"
    due: _Date | None = None
    key_results: list[str] = Field(default_factory=_new_list)


class Retro(_Model):
    """An objective's retrospective at the end of its period."""

    worked: list[str] = Field(default_factory=_new_list)
    did_not_work: list[str] = Field(default_factory=_new_list)
    change: list[str] = Field(default_factory=_new_list)


class Objective(_Model):
    """A qualitative, time-bound goal measured by its key results.

    ``parent`` is the id of the objective this one aligns to (top-down).
    ``committed`` objectives are expected to reach 1.0; aspirational ones
    (the default) count 0.7 as success under Google-style grading.
    ``rollup`` overrides the scoring policy's roll-up for this objective:
    ``key_results``, ``children`` (the objectives aligned to it) or ``both``.
    """

    id: CheckedId
    title: Annotated[str, Field(min_length=1)]
    description: str | None = None
    owner: str | None = None
    team: str | None = None
    period: Period | None = None
    committed: bool = False
    weight: Annotated[float, Field(ge=0.0, allow_inf_nan=False)] = 1.0
    parent: str | None = None
    area: str | None = None
    roles: list[str] = Field(default_factory=_new_list)
    template: str | None = None
    rollup: Rollup | None = None
    key_results: list[KeyResult] = Field(default_factory=_new_list)
    initiatives: list[Initiative] = Field(default_factory=_new_list)
    retro: Retro | None = None

    @model_validator(mode="after")
    def _check(self) -> Objective:
        share_fields_sets(self.key_results)
        seen: set[str] = set()
        for i, kr in enumerate(self.key_results):
            if kr.id in seen:
                raise field_error(
                    f"key_results[{i}].id", N_("duplicate key result id {id}"), id=repr(kr.id)
                )
            seen.add(kr.id)
        for i, initiative in enumerate(self.initiatives):
            for ref in initiative.key_results:
                if ref not in seen:
                    raise field_error(
                        f"initiatives[{i}].key_results",
                        N_("{ref} is not a key result of objective {id} (expected one of {known})"),
                        ref=repr(ref),
                        id=repr(self.id),
                        known=str(sorted(seen)),
                    )
        if self.parent == self.id:
            raise field_error(
                "parent", N_("objective {id} cannot align to itself"), id=repr(self.id)
            )
        if self.key_results and all(kr.weight == 0 for kr in self.key_results):
            raise field_error(
                "key_results",
                N_(
                    "every key result of objective {id} has weight 0, so the objective cannot "
                    "be scored; give at least one a weight above 0"
                ),
                id=repr(self.id),
            )
        return self

    def key_result(self, kr_id: str) -> KeyResult:
        """The key result with id ``kr_id``; :class:`KeyError` if absent."""
        for kr in self.key_results:
            if kr.id == kr_id:
                return kr
        raise KeyError(kr_id)


class LintSettings(_Model):
    """Per-plan lint settings: rule ids to disable."""

    disable: list[str] = Field(default_factory=_new_list)


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
    objectives: list[Objective] = Field(default_factory=_new_list)

    _index: dict[str, Objective] = PrivateAttr(default_factory=dict)
    _children: dict[str, list[Objective]] = PrivateAttr(default_factory=dict)
    _built: list[tuple[int, str, str | None]] = PrivateAttr(default_factory=_new_list)

    # A whole plan is validated with the cyclic garbage collector paused (see
    # gc_paused): however it is built, from keywords, dicts or JSON text.
    def __init__(self, /, **data: Any) -> None:
        with gc_paused():
            super().__init__(**data)

    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate a plan from plain data (``dict``s from YAML or JSON) or a plan.

        The same as pydantic's, with the garbage collector paused while it runs.
        """
        with gc_paused():
            return super().model_validate(obj, *args, **kwargs)

    @classmethod
    def model_validate_json(
        cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any
    ) -> Self:
        """Validate a plan from JSON text, with the garbage collector paused while it runs."""
        with gc_paused():
            return super().model_validate_json(json_data, *args, **kwargs)

    @model_validator(mode="after")
    def _check(self) -> Plan:
        share_fields_sets(self.objectives)
        self._build_index()
        return self

    def _build_index(self) -> None:
        index: dict[str, Objective] = {}
        for i, objective in enumerate(self.objectives):
            if objective.id in index:
                raise field_error(
                    f"objectives[{i}].id",
                    N_("duplicate objective id {id}"),
                    id=repr(objective.id),
                )
            index[objective.id] = objective
        children: dict[str, list[Objective]] = {}
        for i, objective in enumerate(self.objectives):
            if objective.parent is None or is_external(objective.parent):
                continue
            if objective.parent not in index:
                raise field_error(
                    f"objectives[{i}].parent",
                    N_("{parent} is not an objective in this plan"),
                    parent=repr(objective.parent),
                )
            children.setdefault(objective.parent, []).append(objective)
        for objective in self.objectives:  # cycle check: walk up with a visited set
            seen = {objective.id}
            node = objective
            while node.parent is not None and not is_external(node.parent):
                if node.parent in seen:
                    raise field_error(
                        "objectives",
                        N_("alignment cycle through {id} -> {parent}; parents must form a tree"),
                        id=repr(objective.id),
                        parent=repr(node.parent),
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
                raise _plan_error(exc) from None

    def objective(self, objective_id: str) -> Objective:
        """The objective with id ``objective_id``; :class:`KeyError` if absent."""
        self._fresh()
        return self._index[objective_id]

    def children(self, objective: Objective | str) -> list[Objective]:
        """Objectives that align directly to ``objective``."""
        self._fresh()
        key = objective if isinstance(objective, str) else objective.id
        return list(self._children.get(key, ()))

    def _aligned(self) -> Mapping[str, Sequence[Objective]]:
        """Every objective id's children, checked fresh once: for a walk over the
        whole tree, where :meth:`children` per objective would check the plan's
        objectives again each time (quadratic in their number). Read-only; valid
        until the plan's objectives change."""
        self._fresh()
        return MappingProxyType(self._children)

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
                raise PlanError.translatable(
                    N_("no key result {ref} in this plan"), ref=repr(ref)
                ) from None
        found = [(o, kr) for o in self.objectives for kr in o.key_results if kr.id == ref]
        if len(found) == 1:
            return found[0]
        if not found:
            known = ", ".join(f"{o.id}/{kr.id}" for o in self.objectives for kr in o.key_results)
            raise PlanError.translatable(
                N_("no key result {ref} in this plan; expected one of: {known}"),
                ref=repr(ref),
                known=known,
            )
        options = ", ".join(f"{o.id}/{kr.id}" for o, kr in found)
        raise PlanError.translatable(
            N_("key result id {ref} is ambiguous; use one of: {options}"),
            ref=repr(ref),
            options=options,
        )

    def teams(self) -> list[str]:
        """Team names in order of first appearance."""
        return list(dict.fromkeys(o.team for o in self.objectives if o.team))


def _plan_error(exc: ValueError) -> PlanError:
    """A validator's error ``exc`` as a :class:`PlanError`, translatable where it is."""
    if isinstance(exc, OKRError) and exc.msgid is not None:
        message = Message(exc.msgid, **exc.params)
        field = getattr(exc, "field", None)
        if field:
            return PlanError.translatable("{field}: {message}", field=field, message=message)
        return PlanError.translatable("{message}", message=message)
    return PlanError(str(exc))
