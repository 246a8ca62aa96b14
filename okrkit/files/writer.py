"""Writing plans: YAML or JSON text from the model, and atomic plan files."""

from __future__ import annotations

import json
import os
from typing import Any

import yaml

from okrkit._serialize import plan_to_data as to_data
from okrkit.files.atomic import write_text_atomic
from okrkit.files.formats import Format, check_format, format_of
from okrkit.files.lock import locked
from okrkit.model import Plan

__all__ = ["dump", "dumps", "schema"]

_Dumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dumps(plan: Plan, format: Format = "yaml") -> str:
    """Write a plan as YAML or JSON text (only the fields that were set)."""
    if check_format(format) == "json":
        return json.dumps(to_data(plan), ensure_ascii=False, indent=2) + "\n"
    data = to_data(plan, json_safe=False)
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,  # one line per text: no folded titles
    )
    return text


def dump(plan: Plan, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write a plan file atomically; the format follows the suffix unless given.

    An existing file is locked while it is replaced (see :mod:`okrkit.files.lock`),
    so a concurrent ``okrkit checkin`` either finishes before or starts after.
    """
    text = dumps(plan, format_of(path, format))
    if os.path.isfile(path):
        with locked(path):
            write_text_atomic(path, text)
    else:
        write_text_atomic(path, text)


def schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (for editors that validate YAML)."""
    out = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://okrkit.dev/schema/plan.json",
        "title": "okrkit plan",
        **{k: v for k, v in out.items() if k != "title"},
    }
