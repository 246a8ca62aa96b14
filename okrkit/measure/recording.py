"""Turning measurements into check-ins: one per key result and date, with provenance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from okrkit._serialize import model_to_data
from okrkit.measure.readings import Measurement, Reading
from okrkit.model import CheckIn, Plan, Provenance

__all__ = ["check_in_for", "record"]


def check_in_for(measurement: Measurement, reading: Reading, old: CheckIn | None = None) -> CheckIn:
    """The check-in that records ``reading``: ``old`` (the same date's) updated, or new.

    The value, inputs and provenance are the measurement's; what a person wrote
    on that check-in (confidence, note, author) is kept.
    """
    data: dict[str, Any] = {}
    if old is not None:
        data = model_to_data(old, json_safe=False)
        data.pop("inputs", None)
    data["date"] = reading.date
    data["value"] = reading.value
    if reading.inputs:
        data["inputs"] = dict(reading.inputs)
    data["provenance"] = Provenance(source=measurement.source, fetched_at=measurement.fetched_at)
    return CheckIn(**data)


def record(plan: Plan, measurements: Iterable[Measurement]) -> Plan:
    """A copy of ``plan`` with every successful measurement recorded as check-ins.

    A reading for a date that already has a check-in updates that check-in (the
    last one of the date), so measuring twice on one day never duplicates; other
    dates get a new check-in, kept in date order. Failed measurements leave their
    key result as it was; ``plan`` itself is not changed.
    """
    data = model_to_data(plan, json_safe=False)
    by_ref = {m.ref: m for m in measurements if m.ok and m.readings}
    for oi, objective in enumerate(plan.objectives):
        for ki, kr in enumerate(objective.key_results):
            found = by_ref.get(f"{objective.id}/{kr.id}")
            if found is None:
                continue
            check_ins = list(kr.check_ins)
            for reading in found.readings:
                same = [i for i, c in enumerate(check_ins) if c.date == reading.date]
                if same:
                    check_ins[same[-1]] = check_in_for(found, reading, check_ins[same[-1]])
                else:
                    at = next(
                        (i for i, c in enumerate(check_ins) if c.date > reading.date),
                        len(check_ins),
                    )
                    check_ins.insert(at, check_in_for(found, reading))
            kr_data = data["objectives"][oi]["key_results"][ki]
            kr_data["check_ins"] = [model_to_data(c, json_safe=False) for c in check_ins]
    return Plan(**data)
