"""Appending a check-in to a plan file while keeping the file as the user wrote it.

For YAML files the new check-in is inserted as text, next to the key result's
existing check-ins and in their style (flow ``{date: ..., value: ...}`` or
block), so comments, key order, quoting and blank lines elsewhere stay exactly
as they were. The edited text is loaded again and must equal the old plan plus
the one check-in; if it does not (an unusual layout), the whole plan is
written out instead and comments are lost, which the caller is told about.
JSON files are rewritten from the model. Every write is atomic. What is written
follows the files writer's rule (:mod:`okrkit._serialize`): the fields the user
wrote or that differ from their defaults, and the check-in's given fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrkit._check_in_dates import CheckInDateProblem, check_in_date_problem
from okrkit._serialize import model_to_data
from okrkit.errors import N_, OKRError, Written, _fill
from okrkit.files.atomic import write_text_atomic
from okrkit.files.editing import edited_text
from okrkit.files.formats import Format, format_of
from okrkit.files.limits import Limits
from okrkit.files.lock import DEFAULT_TIMEOUT, locked
from okrkit.files.reader import decode, loads, read_bytes
from okrkit.model import CheckIn, KeyResult, Plan, _parse_number

__all__ = ["CheckInDateError", "CheckInResult", "append_check_in", "parse_confidence"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class CheckInResult:
    """What :func:`append_check_in` did."""

    ref: str
    check_in: CheckIn
    kept_layout: bool


_OUTSIDE = N_(
    "Key result {kr}: the check-in date {date} is outside its period {period} (check-ins "
    "count from {first} to {last}); correct the date, or record it in the plan of the "
    "period it belongs to."
)
_FUTURE = N_(
    "Key result {kr}: the check-in date {date} is after today, {on}; correct the date, or "
    "record the check-in on that day."
)


class CheckInDateError(OKRError):
    """A check-in dated outside its objective's period (plus the grace days after it)
    or after today; ``problem`` says which. :meth:`localized` writes the dates and
    the period the way ``locale`` does."""

    def __init__(self, ref: str, problem: CheckInDateProblem) -> None:
        self.ref = ref
        self.problem = problem
        params: dict[str, Any] = {"kr": ref, "date": Written(problem.day)}
        params["on"] = Written(problem.on)
        if problem.period is not None and problem.first is not None:
            params.update(
                period=Written(problem.period),
                first=Written(problem.first),
                last=Written(problem.last),
            )
        self.msgid = _OUTSIDE if problem.kind == "outside-period" else _FUTURE
        self.params = params
        super().__init__(_fill(self.msgid, params, "en"))


def parse_confidence(text: str | float | None) -> float | None:
    """Confidence as a probability: ``0.7``, ``"0.7"`` or ``"70%"``."""
    if text is None:
        return None
    raw = str(text).strip()
    bad = OKRError.translatable(
        N_("confidence: expected a number from 0 to 1 or a percentage such as 70%, got {value}"),
        value=repr(raw),
    )
    try:
        value = float(raw.rstrip("% "))
    except ValueError:
        raise bad from None
    if raw.endswith("%"):
        value /= 100
    if not 0 <= value <= 1:
        raise bad
    return value


def _new_check_in(
    kr: KeyResult,
    *,
    value: str | float | None,
    done: bool | None,
    confidence: str | float | None,
    note: str | None,
    author: str | None,
    day: dt.date,
    inputs: dict[str, str] | None,
) -> CheckIn:
    data: dict[str, Any] = {"date": day}
    if kr.kind == "milestone":
        if value is not None:
            raise OKRError.translatable(
                N_("{id} is a milestone: check in with --done or --not-done, no value"), id=kr.id
            )
        if done is None:
            raise OKRError.translatable(
                N_("{id} is a milestone: say --done or --not-done"), id=kr.id
            )
        data["done"] = done
    else:
        if done is not None:
            raise OKRError.translatable(
                N_("{id} is a metric: give its current value, not --done"), id=kr.id
            )
        if value is None and not inputs:
            raise OKRError.translatable(N_("{id}: expected the current value"), id=kr.id)
        if value is not None:
            if kr.unit != "percent" and str(value).strip().endswith("%"):
                raise OKRError.translatable(
                    N_("{id}: value {value} is a percent but the unit is {unit}"),
                    id=kr.id,
                    value=repr(value),
                    unit=kr.unit,
                )
            try:
                data["value"] = float(_parse_number(value))
            except ValueError as exc:
                raise OKRError.translatable("{id}: {reason}", id=kr.id, reason=exc) from None
        if inputs:
            try:
                data["inputs"] = {k: float(_parse_number(v)) for k, v in inputs.items()}
            except ValueError as exc:
                raise OKRError.translatable(
                    "{id}: inputs: {reason}", id=kr.id, reason=exc
                ) from None
    conf = parse_confidence(confidence)
    if conf is not None:
        data["confidence"] = conf
    if note and note.strip():  # a blank note or author is none: not written as ''
        data["note"] = note
    if author and author.strip():
        data["author"] = author
    check_in = CheckIn(**data)
    if check_in.inputs and kr.metric:
        from okrkit import metrics

        metrics.compute_value(kr.metric, check_in.inputs)  # raises MetricError when wrong
    return check_in


def _with_check_in(plan: Plan, oi: int, ki: int, check_in: CheckIn) -> Plan:
    """``plan`` plus ``check_in``, built from the data the files writer saves (every
    field given or differing from its default), so nothing the plan holds is lost."""
    data = model_to_data(plan, json_safe=False)
    kr = data["objectives"][oi]["key_results"][ki]
    kr.setdefault("check_ins", []).append(model_to_data(check_in, json_safe=False))
    return Plan(**data)


def _dump_flow(item: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(
        item, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**9
    )
    return text.strip()


def _dump_block(item: dict[str, Any], indent: int) -> list[str]:
    text: str = yaml.safe_dump(
        [item], default_flow_style=False, allow_unicode=True, sort_keys=False, width=10**9
    )
    return [" " * indent + line for line in text.splitlines()]


def _insert_at(lines: list[str], mark: yaml.Mark) -> int:
    """The line index where text that follows a node should go."""
    if mark.column == 0:
        return mark.line
    before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
    return mark.line if not before.strip() else mark.line + 1


def _edit_yaml(text: str, oi: int, ki: int, check_in: CheckIn) -> str | None:
    """Insert ``check_in`` into the YAML text; ``None`` when the layout is unusual."""
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        return None
    try:
        objectives = {k.value: v for k, v in root.value}["objectives"]
        objective = objectives.value[oi]
        krs = {k.value: v for k, v in objective.value}["key_results"]
        kr_node = krs.value[ki]
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    if not isinstance(kr_node, yaml.MappingNode) or kr_node.flow_style:
        return None
    lines = text.splitlines()
    item = model_to_data(check_in, json_safe=False)
    fields = {k.value: (k, v) for k, v in kr_node.value}
    if "check_ins" in fields:
        _, seq = fields["check_ins"]
        if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
            return None
        last = seq.value[-1]
        dash = seq.start_mark.column
        at = _insert_at(lines, last.end_mark)
        if isinstance(last, yaml.MappingNode) and last.flow_style:
            new = [" " * dash + "- " + _dump_flow(item)]
        else:
            new = _dump_block(item, dash)
    else:
        first_key = kr_node.value[0][0]
        indent = first_key.start_mark.column
        at = _insert_at(lines, kr_node.end_mark)
        new = [" " * indent + "check_ins:", " " * (indent + 2) + "- " + _dump_flow(item)]
    edited = lines[:at] + new + lines[at:]
    newline = "\r\n" if "\r\n" in text else "\n"
    return newline.join(edited) + (newline if text.endswith("\n") or not text else "")


def append_check_in(
    path: str | Path,
    ref: str,
    *,
    value: str | float | None = None,
    done: bool | None = None,
    confidence: str | float | None = None,
    note: str | None = None,
    author: str | None = None,
    day: dt.date | None = None,
    inputs: dict[str, str] | None = None,
    format: Format | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limits: Limits | None = None,
    on: dt.date | None = None,
    force: bool = False,
) -> CheckInResult:
    """Append a check-in to key result ``ref`` in the plan file at ``path``.

    ``ref`` is a key result id (unique in the plan) or ``objective/kr``.
    The file is locked while it is read, changed and written (see
    :mod:`okrkit.files.lock`), so concurrent check-ins are never lost; the lock
    is waited for up to ``timeout`` seconds. The new check-in is added as text
    beside its siblings, or through a round-trip edit (see
    :mod:`okrkit.files.roundtrip`), so the rest of the file stays as written.

    ``day`` (default ``on``) is the check-in's date and ``on`` (default today) the
    date it is judged by: a day outside the objective's period plus
    :data:`~okrkit.model.CHECK_IN_GRACE_DAYS`, or after ``on``, raises
    :class:`CheckInDateError` and leaves the file alone, unless ``force``; the same
    rule as lint's ``check-in-outside-period``.
    """
    on = on or dt.date.today()
    p = Path(path)
    fmt = format_of(p, format)
    with locked(p, timeout=timeout):
        data = read_bytes(p)
        bom = data.startswith(b"\xef\xbb\xbf")
        text = decode(data, str(p))
        plan = loads(text, fmt, source=str(p), limits=limits)
        objective, kr = plan.key_result(ref)
        oi = plan.objectives.index(objective)
        ki = objective.key_results.index(kr)
        check_in = _new_check_in(
            kr,
            value=value,
            done=done,
            confidence=confidence,
            note=note,
            author=author,
            day=day or on,
            inputs=inputs,
        )
        problem = check_in_date_problem(check_in.date, plan.period_of(objective), on)
        if problem is not None and not force:
            raise CheckInDateError(f"{objective.id}/{kr.id}", problem)
        expected = _with_check_in(plan, oi, ki, check_in)
        first = _edit_yaml(text, oi, ki, check_in) if fmt == "yaml" else None
        new_text, kept = edited_text(text, plan, expected, fmt, str(p), limits, first_try=first)
        write_text_atomic(p, ("\ufeff" if bom else "") + new_text)
    return CheckInResult(f"{objective.id}/{kr.id}", check_in, kept)
