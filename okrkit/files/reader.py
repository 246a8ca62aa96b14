"""Reading plan files: parse YAML (libyaml's C loader) or JSON, validate, name lines."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError as PydanticValidationError

from okrkit._gc import gc_paused
from okrkit.errors import N_, Num, PlanFileError, ValidationError
from okrkit.files.formats import Format, check_format, format_of
from okrkit.files.jsonfiles import parse_json
from okrkit.files.jsonfiles import too_deep as _too_deep
from okrkit.files.limits import DEFAULT_LIMITS, LimitError, Limits
from okrkit.files.nodes import check_document
from okrkit.model import Plan, convert_errors

__all__ = [
    "check_file_size",
    "decode",
    "load",
    "loads",
    "parse",
    "read_bytes",
    "read_text",
    "yaml_lines",
]


class _PlanLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's C loader; a date that does not exist stays text, for the model to report."""


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:  # 2026-02-30: the model says "day value is outside expected range"
        return node.value


_PlanLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader: type[Any] = _PlanLoader


def _size(text: str, where: str, limits: Limits) -> None:
    size = len(text) if len(text) * 4 <= limits.max_bytes else len(text.encode("utf-8"))
    if size > limits.max_bytes:
        raise too_big(where, size, limits)


def _not_yaml(where: str, problem: str) -> PlanFileError:
    return PlanFileError.translatable(
        # Translators: {where} is a file name with its line; {problem} is the YAML
        # parser's English description, such as "expected ',' or ']', but got '<stream end>'".
        N_("{where}: not valid YAML: {problem}"),
        where=where,
        problem=problem,
    )


def parse(text: str, format: Format, source: str | None, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The plain data in ``text``; a syntax error is a :class:`PlanFileError` with its line.

    The text is checked against ``limits`` (size, nesting, node budget, numbers,
    text length), and duplicate keys and tags that are not plan data are errors.
    """
    where = source or "<text>"
    _size(text, where, limits)
    if check_format(format) == "json":
        return parse_json(text, where, limits)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        check_document(loader, root, limits, where)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "syntax error"
        if "nesting depth" in problem:  # libyaml >= 0.2.5 stops at 1,000 levels itself
            raise _too_deep(f"{where}{line}", limits) from None
        if exc.context and exc.problem and exc.context.startswith("expected"):
            problem = f"{exc.context}, {exc.problem}"  # "expected a single document ..."
        raise _not_yaml(f"{where}{line}", problem) from None
    except yaml.reader.ReaderError as exc:
        at = text.count("\n", 0, exc.position) + 1
        raise _not_yaml(f"{where}:{at}", exc.reason) from None
    except yaml.YAMLError as exc:
        raise _not_yaml(where, str(exc)) from None
    except RecursionError:
        raise _too_deep(where, limits) from None
    finally:
        loader.dispose()


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


def loads(
    text: str,
    format: Format = "yaml",
    *,
    source: str | None = None,
    limits: Limits | None = None,
) -> Plan:
    """Read a plan from YAML or JSON text.

    ``source`` names the text in error messages (a file name, say); ``limits``
    bounds what the text may hold (see :class:`~okrkit.files.limits.Limits`).

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
    limits = limits or DEFAULT_LIMITS
    with gc_paused():  # parsing and validating build millions of objects and no cycles
        return _loads(text, format, source, limits)


def _loads(text: str, format: Format, source: str | None, limits: Limits) -> Plan:
    data = parse(text, format, source, limits)
    where = source or "<text>"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PlanFileError.translatable(
            # Translators: {type} is a Python type name such as list or str.
            N_("{where}: expected a mapping with 'objectives' at the top, got {type}"),
            where=where,
            type=type(data).__name__,
        )
    try:
        plan = Plan.model_validate(data)
    except PydanticValidationError as exc:
        errors = convert_errors(exc)
        # JSON is (for this purpose) YAML too: one node walk finds lines for both.
        lines = yaml_lines(text, [p for p, _ in errors[: limits.max_errors]])
        raise ValidationError(
            errors, source=where, lines=lines, max_shown=limits.max_errors
        ) from None
    return plan


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at ``path``; errors are a :class:`PlanFileError` naming it."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        # Translators: {path} is a file name as the user typed it.
        raise PlanFileError.translatable(N_("{path}: no such file"), path=str(p)) from None
    except IsADirectoryError:
        raise PlanFileError.translatable(
            N_("{path}: is a folder, not a plan file"), path=str(p)
        ) from None
    except OSError as exc:
        raise PlanFileError.translatable(
            # Translators: {reason} is the operating system's message, such as "Permission denied".
            N_("{path}: cannot read: {reason}"),
            path=str(p),
            reason=exc.strerror or str(exc),
        ) from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 ``data`` as text (a byte-order mark dropped); else a :class:`PlanFileError`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError.translatable(
            # Translators: {reason} is Python's English description of the bad bytes.
            N_("{path}: not UTF-8 text ({reason})"),
            path=f"{source}:{line}",
            reason=exc.reason,
        ) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the file at ``path`` (UTF-8, a byte-order mark dropped)."""
    return decode(read_bytes(path), os.fspath(path))


def load(
    path: str | os.PathLike[str], *, format: Format | None = None, limits: Limits | None = None
) -> Plan:
    """Read a plan file; the format follows the suffix (``.json`` or YAML).

    A file larger than ``limits.max_bytes`` is refused before it is read.
    """
    limits = limits or DEFAULT_LIMITS
    check_file_size(path, limits)
    return loads(read_text(path), format_of(path, format), source=str(path), limits=limits)


def check_file_size(path: str | os.PathLike[str], limits: Limits) -> None:
    """Refuse a file larger than ``limits.max_bytes`` without reading it."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return  # reading it says what is wrong
    if size > limits.max_bytes:
        raise too_big(os.fspath(path), size, limits)


def too_big(where: str, size: int, limits: Limits) -> LimitError:
    """The error for a file of ``size`` bytes, larger than ``limits.max_bytes``."""
    return LimitError.translatable(
        N_("{where}: {size} bytes; plans are limited to {limit} bytes (Limits.max_bytes)"),
        where=where,
        size=Num(size),
        limit=Num(limits.max_bytes),
    )
