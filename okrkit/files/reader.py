"""Reading plan files: parse YAML (libyaml's C loader) or JSON, validate, name lines."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError as PydanticValidationError

from okrkit.errors import PlanFileError, ValidationError
from okrkit.files.formats import Format, check_format, format_of
from okrkit.model import Plan, convert_errors

__all__ = ["decode", "load", "loads", "parse", "read_bytes", "read_text"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, format: Format, source: str | None) -> Any:
    """The plain data in ``text``; a syntax error is a :class:`PlanFileError` with its line."""
    where = source or "<text>"
    if check_format(format) == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanFileError(f"{where}:{exc.lineno}: not valid JSON: {exc.msg}") from None
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


def yaml_lines(text: str, paths: list[str]) -> dict[str, int]:
    """Map dotted field paths to 1-based line numbers in YAML (or JSON) ``text``."""
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
    data = parse(text, format, source)
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
        lines = yaml_lines(text, [p for p, _ in errors])
        raise ValidationError(errors, source=where, lines=lines) from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``; errors are a :class:`PlanFileError` naming it."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise PlanFileError(f"{p}: is a folder, not a plan file") from None
    except OSError as exc:
        raise PlanFileError(f"{p}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 ``data`` as text (a byte-order mark dropped); else a :class:`PlanFileError`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError(f"{source}:{line}: not UTF-8 text ({exc.reason})") from None


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the file at ``path`` (UTF-8, a byte-order mark dropped)."""
    return decode(read_bytes(path), os.fspath(path))


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> Plan:
    """Read a plan file; the format follows the suffix (``.json`` or YAML)."""
    return loads(read_text(path), format_of(path, format), source=str(path))
