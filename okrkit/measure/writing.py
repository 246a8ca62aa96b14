"""Recording measurements in a plan file, keeping the file as its team wrote it.

For YAML, each check-in is edited as text: a reading for a date that already
has a check-in replaces that check-in's lines (in the same flow or block style,
an end-of-line comment kept), a new date is inserted in date order next to the
key result's other check-ins. The edited text must load back equal to the plan
the library computes (:func:`okrkit.measure.record`); if it does not (an unusual
layout), the whole plan is written instead and the caller is told that comments
were not kept. JSON files are written from the model. The write is atomic: the
file is complete and valid, or as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrkit._serialize import model_to_data
from okrkit.errors import OKRError
from okrkit.files import Format, dumps, format_of, loads, write_text_atomic
from okrkit.files.lock import DEFAULT_TIMEOUT, locked
from okrkit.files.reader import decode, read_bytes
from okrkit.measure.readings import Measurement
from okrkit.measure.recording import record
from okrkit.model import CheckIn, Plan

__all__ = ["Written", "record_file"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Written:
    """What :func:`record_file` did: the new plan, the key results written, and
    whether the file's layout and comments were kept."""

    plan: Plan
    refs: tuple[str, ...]
    kept_layout: bool


def _field(node: Any, name: str) -> Any:
    if not isinstance(node, yaml.MappingNode):
        raise LookupError(name)
    for key, value in node.value:
        if getattr(key, "value", None) == name:
            return value
    raise LookupError(name)


def _dump(item: dict[str, Any], flow: bool, indent: int) -> list[str]:
    if flow:
        text: str = yaml.safe_dump(
            item, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**9
        )
        return [" " * indent + "- " + text.strip()]
    text = yaml.safe_dump(
        [item], default_flow_style=False, allow_unicode=True, sort_keys=False, width=10**9
    )
    return [" " * indent + line for line in text.splitlines()]


def _last_leaf(node: Any) -> Any:
    """The last scalar or flow collection inside a block node: where its text really ends
    (a block node's own end is the next node's start, after any comments between)."""
    while not getattr(node, "flow_style", False) and isinstance(
        node, (yaml.MappingNode, yaml.SequenceNode)
    ):
        if not node.value:
            break
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _after(lines: list[str], mark: yaml.Mark) -> int:
    """The index of the first line after a node that ends at ``mark``."""
    if mark.column == 0:
        return mark.line
    before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
    return mark.line if not before.strip() else mark.line + 1


def _upsert(text: str, oi: int, ki: int, at: int, replace: bool, check_in: CheckIn) -> str | None:
    """Put ``check_in`` at index ``at`` of a key result's check-ins (replacing that one
    when ``replace``); None when the layout is not one this edit understands."""
    root = yaml.compose(text, Loader=_Loader)
    kr = _field(root, "objectives").value[oi]
    kr = _field(kr, "key_results").value[ki]
    if not isinstance(kr, yaml.MappingNode) or kr.flow_style:
        return None
    lines = text.splitlines()
    item = model_to_data(check_in, json_safe=False)
    if check_in.provenance is not None:  # an ISO string reads back as the same time
        stamp = check_in.provenance.fetched_at.isoformat().replace("+00:00", "Z")
        item["provenance"]["fetched_at"] = stamp
    try:
        seq = _field(kr, "check_ins")
    except LookupError:
        indent = kr.value[0][0].start_mark.column
        end = _after(lines, _last_leaf(kr).end_mark)  # before a comment that follows
        new = [" " * indent + "check_ins:", *_dump(item, True, indent + 2)]
        return _join(lines[:end] + new + lines[end:], text)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        return None
    dash = seq.start_mark.column
    if replace:
        node = seq.value[at]
        flow = isinstance(node, yaml.MappingNode) and node.flow_style
        if flow and node.start_mark.line != node.end_mark.line:
            return None
        start, end = node.start_mark.line, _after(lines, _last_leaf(node).end_mark)
        new = _dump(item, flow, dash)
        if flow:
            rest = lines[start][node.end_mark.column :]
            new[0] += rest if rest.strip().startswith("#") else ""
        return _join(lines[:start] + new + lines[end:], text)
    neighbour = seq.value[min(at, len(seq.value) - 1)]
    flow = isinstance(neighbour, yaml.MappingNode) and neighbour.flow_style
    if at < len(seq.value):
        line = seq.value[at].start_mark.line
    else:
        line = _after(lines, _last_leaf(seq).end_mark)
    return _join(lines[:line] + _dump(item, flow, dash) + lines[line:], text)


def _join(lines: list[str], original: str) -> str:
    return "\n".join(lines) + ("\n" if original.endswith("\n") or not original else "")


def _edit(text: str, plan: Plan, expected: Plan, refs: Iterable[str]) -> str | None:
    """Edit ``text`` (which loads as ``plan``) until it loads as ``expected``."""
    for ref in refs:
        objective, kr = expected.key_result(ref)
        oi, ki = expected.objectives.index(objective), objective.key_results.index(kr)
        for check_in in kr.check_ins:
            current = plan.objectives[oi].key_results[ki].check_ins
            if check_in in current:
                continue
            same = [i for i, c in enumerate(current) if c.date == check_in.date]
            at = same[-1] if same else sum(c.date <= check_in.date for c in current)
            try:
                edited = _upsert(text, oi, ki, at, bool(same), check_in)
            except (LookupError, IndexError, AttributeError):
                return None
            if edited is None:
                return None
            text = edited
            try:
                plan = loads(text)
            except OKRError:
                return None
    return text


def record_file(
    path: str | os.PathLike[str],
    measurements: Iterable[Measurement],
    *,
    format: Format | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Written:
    """Record the successful ``measurements`` in the plan file at ``path``.

    One check-in per key result and date: a re-run on the same date updates it.
    Failed measurements leave their key result untouched. The file is locked
    while it is re-read, changed and written (:func:`okrkit.files.locked`, waited
    for up to ``timeout`` seconds), so a check-in someone records meanwhile is
    kept. Nothing is written when nothing changed.
    """
    p = Path(path)
    fmt = format_of(p, format)
    results = [m for m in measurements if m.ok and m.readings]
    refs = tuple(m.ref for m in results)
    with locked(p, timeout=timeout):
        data = read_bytes(p)
        bom = data.startswith(b"\xef\xbb\xbf")
        text = decode(data, str(p))
        plan = loads(text, fmt, source=str(p))
        expected = record(plan, results)
        if expected == plan:
            return Written(plan, (), True)
        new_text = _edit(text, plan, expected, refs) if fmt == "yaml" else None
        kept = new_text is not None and loads(new_text, fmt, source=str(p)) == expected
        if not kept:
            new_text = dumps(expected, fmt)
        assert new_text is not None
        write_text_atomic(p, ("\ufeff" if bom else "") + new_text)
    return Written(expected, refs, kept or fmt == "json")
