"""History files: the closed periods of a plan, kept beside it.

``okrs.yaml`` keeps its history in ``okrs.history.yaml`` (``plan.json`` in
``plan.history.json``). The file is written atomically and read with the same
limits and error messages as plan files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError as PydanticValidationError

from okrkit._history_path import history_path
from okrkit.cycle.records import History
from okrkit.errors import N_, OKRError

__all__ = ["dump_history", "dumps_history", "history_path", "load_history", "loads_history"]


def loads_history(text: str, *, source: str = "<history>") -> History:
    """Parse a history from YAML or JSON text."""
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise OKRError.translatable(
            N_("{where}: not valid YAML: {problem}"), where=source, problem=str(exc)
        ) from None
    try:
        return History.model_validate(data if data is not None else {})
    except PydanticValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        from okrkit.model import convert_errors

        message = convert_errors(exc)[0][1]  # translatable where okrkit knows the message
        raise OKRError.translatable(
            "{source}: {where}: {message}", source=source, where=where, message=message
        ) from None


def load_history(plan_path: str | os.PathLike[str]) -> History:
    """The history beside the plan at ``plan_path`` (empty when there is none yet)."""
    path = history_path(plan_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return History()
    return loads_history(text, source=str(path))


def _tidy(value: Any) -> Any:
    """Whole floats as ints (``1200000`` rather than ``1200000.0``), recursively."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    return value


def dumps_history(history: History, format: str = "yaml") -> str:
    """The history as YAML (default) or JSON text."""
    mode = "json" if format == "json" else "python"
    body = history.model_dump(mode=mode, exclude_defaults=True)
    body.pop("format", None)
    data = _tidy({"format": history.format, **body})
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def dump_history(history: History, plan_path: str | os.PathLike[str]) -> Path:
    """Write ``history`` beside the plan at ``plan_path``, atomically; returns its path."""
    from okrkit.files import write_text_atomic

    path = history_path(plan_path)
    write_text_atomic(path, dumps_history(history, "json" if path.suffix == ".json" else "yaml"))
    return path
