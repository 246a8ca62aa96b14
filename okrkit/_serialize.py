"""A plan as plain data: what :func:`okrkit.dump` writes.

One function owns the rule for which fields a saved plan file contains, so the
YAML and JSON writers, the check-in editor and any other writer agree.

The rule: a field is written when its value differs from the field's default,
or when it was given explicitly (read from a file, passed to the constructor or
assigned). It does not rely on pydantic's "fields set" alone, which a list
mutation such as ``kr.check_ins.append(...)`` never marks: every value is
compared with its default, at every level, so whatever an app changed through
the public API is saved, and a file stays minimal (defaults the user did not
write are left out).

Before anything is written the data is validated again as a whole plan, so an
edit that bypassed validation (an appended check-in of the wrong kind, a
duplicate id) is reported as a :class:`~okrkit.errors.ValidationError` and no
file that cannot be read back is ever produced.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from okrkit.model import Plan

__all__ = ["model_to_data", "plan_to_data"]


def _default(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    if info.default_factory is not None:
        return info.default_factory()  # type: ignore[call-arg]
    return None if info.default is PydanticUndefined else info.default


def _prune(model: BaseModel, data: dict[str, Any]) -> dict[str, Any]:
    """Keep the entries of ``data`` (``model`` dumped in full) that a file needs."""
    cls = type(model)
    # Read without taking a copy: okrkit's models share these sets (share_fields_sets).
    explicit = model.__pydantic_fields_set__
    out: dict[str, Any] = {}
    for name, dumped in data.items():
        value = getattr(model, name)
        required = cls.model_fields[name].is_required()
        if not required and name not in explicit and value == _default(cls, name):
            continue
        out[name] = _prune_value(value, dumped)
    return out


def _prune_value(value: Any, dumped: Any) -> Any:
    if isinstance(value, BaseModel) and isinstance(dumped, dict):
        return _prune(value, dumped)
    if isinstance(value, (list, tuple)) and isinstance(dumped, list):
        return [_prune_value(v, d) for v, d in zip(value, dumped, strict=True)]
    if isinstance(value, dict) and isinstance(dumped, dict):
        return {k: _prune_value(value[k], d) for k, d in dumped.items()}
    return dumped


def model_to_data(model: BaseModel, *, json_safe: bool = True) -> dict[str, Any]:
    """Any okrkit model (a plan, key result, check-in ...) as minimal plain data.

    With ``json_safe=False`` dates stay :class:`datetime.date` objects (for YAML).
    """
    full = model.model_dump(mode="json" if json_safe else "python")
    return _prune(model, full)


def plan_to_data(plan: Plan, *, json_safe: bool = True) -> dict[str, Any]:
    """The plan as plain data: every field that was given or differs from its default.

    The result is validated as a plan first; an invalid edit raises
    :class:`~okrkit.errors.ValidationError` naming the field.
    With ``json_safe=False`` dates stay :class:`datetime.date` objects (for YAML).
    """
    data = model_to_data(plan, json_safe=json_safe)
    Plan(**data)  # raises ValidationError for edits that bypassed validation
    return data
