"""Reading and writing plan files (YAML and JSON).

* :func:`load` / :func:`loads` read a plan and validate it; every error names
  the file, the line and the field path, and says what was expected.
* :func:`dump` / :func:`dumps` write it back. Writes are atomic: the text goes
  to a temporary file in the same folder, which then replaces the target, so a
  failed write never leaves a half-written file.
* Unknown keys are an error, never silently dropped; a load-and-save round trip
  keeps every field the user wrote (key order follows the model, and comments
  are not kept by :func:`dump`; ``okrkit checkin`` edits files in place and keeps them).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError as PydanticValidationError

from okrkit._serialize import plan_to_data as to_data
from okrkit.errors import PlanFileError, ValidationError
from okrkit.model import Plan, convert_errors

__all__ = ["Format", "dump", "dumps", "load", "loads", "schema", "write_text_atomic"]

Format = Literal["yaml", "json"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _format_of(path: str | os.PathLike[str], format: Format | None) -> Format:
    if format is not None:
        return format
    return "json" if str(path).lower().endswith(".json") else "yaml"


def _parse(text: str, format: Format, source: str | None) -> Any:
    where = source or "<text>"
    if format == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanFileError(f"{where}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if format != "yaml":
        raise PlanFileError(f"unknown format {format!r}; expected 'yaml' or 'json'")
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "syntax error"
        raise PlanFileError(f"{where}{line}: not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise PlanFileError(f"{where}: not valid YAML: {exc}") from None


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _yaml_lines(text: str, paths: list[str]) -> dict[str, int]:
    """Map dotted field paths to 1-based line numbers in YAML ``text``."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    for path in paths:
        node = root
        line = root.start_mark.line + 1 if root is not None else None
        for name, index in _PART.findall(path):
            nxt = None
            if index and isinstance(node, yaml.SequenceNode):
                i = int(index)
                if i < len(node.value):
                    nxt = node.value[i]
                    line = nxt.start_mark.line + 1
            elif name and isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if getattr(key, "value", None) == name:
                        nxt = value
                        line = key.start_mark.line + 1
                        break
            if nxt is None:
                break
            node = nxt
        if line is not None:
            lines[path] = line
    return lines


def loads(text: str, format: Format = "yaml", *, source: str | None = None) -> Plan:
    """Read a plan from YAML or JSON text.

    ``source`` names the text in error messages (a file name, say).

    >>> plan = loads('''
    ... period: 2026-Q3
    ... objectives:
    ...   - id: pipeline
    ...     title: Build a pipeline sales can count on
    ...     key_results:
    ...       - {id: sql, title: Grow SQLs, baseline: 120, target: 200}
    ... ''')
    >>> plan.objectives[0].key_results[0].resolved_direction
    'increase'
    """
    data = _parse(text, format, source)
    where = source or "<text>"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PlanFileError(
            f"{where}: expected a mapping with 'objectives' at the top, got {type(data).__name__}"
        )
    try:
        return Plan.model_validate(data)
    except PydanticValidationError as exc:
        errors = convert_errors(exc)
        # JSON is (for this purpose) YAML too: one node walk finds lines for both.
        lines = _yaml_lines(text, [p for p, _ in errors])
        raise ValidationError(errors, source=where, lines=lines) from None


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> Plan:
    """Read a plan file; the format follows the suffix (``.json`` or YAML)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanFileError(f"{p}: no such file") from None
    except UnicodeDecodeError as exc:
        raise PlanFileError(f"{p}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise PlanFileError(f"{p}: cannot read: {exc.strerror}") from None
    return loads(text, _format_of(p, format), source=str(p))


def dumps(plan: Plan, format: Format = "yaml") -> str:
    """Write a plan as YAML or JSON text (only the fields that were set)."""
    if format == "json":
        return json.dumps(to_data(plan), ensure_ascii=False, indent=2) + "\n"
    if format != "yaml":
        raise PlanFileError(f"unknown format {format!r}; expected 'yaml' or 'json'")
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


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and an atomic replace.

    The old file (if any) stays untouched when anything fails. The new file
    keeps the old one's permission bits.
    """
    p = Path(path)
    directory = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, os.stat(p).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def dump(plan: Plan, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write a plan file atomically; the format follows the suffix unless given."""
    write_text_atomic(path, dumps(plan, _format_of(path, format)))


def schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (for editors that validate YAML)."""
    out = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://okrkit.dev/schema/plan.json",
        "title": "okrkit plan",
        **{k: v for k, v in out.items() if k != "title"},
    }
