"""Where a plan's history file lives: a light module, so that ``okrkit render`` can
look for one without importing :mod:`okrkit.cycle` and its models."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["history_path"]


def history_path(plan_path: str | os.PathLike[str]) -> Path:
    """Where the history of the plan at ``plan_path`` lives."""
    path = Path(plan_path)
    suffix = path.suffix if path.suffix in (".yaml", ".yml", ".json") else ".yaml"
    stem = path.name[: -len(path.suffix)] if path.suffix == suffix else path.name
    return path.with_name(f"{stem}.history{suffix}")
