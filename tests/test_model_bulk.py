"""Building a whole plan: the cyclic garbage collector is paused, and always restored."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import ValidationError as PydanticValidationError

import okrkit
from okrkit import Plan, ValidationError, loads


def _data(objectives: int, *, bad: bool = False) -> dict[str, Any]:
    krs = [
        {
            "id": f"k{k}",
            "title": f"KR {k}",
            "baseline": 0,
            "target": 10,
            "check_ins": [{"date": "2026-07-08", "value": 2, "confidence": 0.5}],
        }
        for k in range(3)
    ]
    if bad:
        krs[-1]["target"] = "lots"
    objs = [{"id": f"o{o}", "title": f"O {o}", "key_results": krs} for o in range(objectives)]
    return {"period": "2026-Q3", "objectives": objs}


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """Generations of the automatic collections that run, with a low threshold so
    that a build of a few hundred objects would trigger many."""
    seen: list[int] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    threshold = gc.get_threshold()
    was_enabled = gc.isenabled()
    gc.enable()
    gc.set_threshold(50, 2, 2)
    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)
        gc.set_threshold(*threshold)
        if not was_enabled:
            gc.disable()


def test_collector_is_paused_while_a_plan_is_built(collections: list[int]) -> None:
    data = _data(200)
    text = json.dumps(data)
    builds = [
        lambda: Plan.model_validate(data),
        lambda: Plan(**data),
        lambda: Plan.model_validate_json(text),
        lambda: loads(text, "json"),
        lambda: loads(text, "yaml"),
    ]
    for build in builds:
        collections.clear()
        plan = build()
        assert len(plan.objectives) == 200
        # none while building: at most one right after the collector is back on
        # (about 200 at this threshold without the pause)
        assert len(collections) <= 1
        assert gc.isenabled()
    # and the collector runs as before afterwards
    collections.clear()
    kept = [[] for _ in range(5000)]
    assert len(kept) == 5000
    assert collections


def test_collector_is_restored_when_a_plan_is_invalid(collections: list[int]) -> None:
    data = _data(50, bad=True)
    with pytest.raises(PydanticValidationError):
        Plan.model_validate(data)
    assert gc.isenabled()
    with pytest.raises(ValidationError, match="target"):
        Plan(**data)
    assert gc.isenabled()
    with pytest.raises(ValidationError, match=r"objectives\[0\].key_results\[2\].target"):
        loads(json.dumps(data), "json")
    assert gc.isenabled()


def test_collector_left_off_when_the_caller_turned_it_off(collections: list[int]) -> None:
    gc.disable()
    try:
        Plan.model_validate(_data(5))
        assert not gc.isenabled()
        with pytest.raises(PydanticValidationError):
            Plan.model_validate(_data(5, bad=True))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_frozen_by_the_program_stay_frozen(collections: list[int]) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        Plan.model_validate(_data(20))
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_built_plan_is_collected_when_dropped() -> None:
    import weakref

    plan = Plan.model_validate(_data(5))
    ref = weakref.ref(plan.objectives[0])
    del plan
    gc.collect()
    assert ref() is None


_IMPORT_PROBE = """
import gc, os, sys

runs = []

def building(frame):
    \"\"\"Whether a module that builds model classes is running (okrkit/model/*.py but
    the package's __init__, which pauses the collector, and okrkit/measure/spec.py).\"\"\"
    while frame is not None:
        path = frame.f_code.co_filename.replace(os.sep, "/")
        if frame.f_code.co_name == "<module>" and (
            ("/okrkit/model/" in path and not path.endswith("/__init__.py"))
            or path.endswith("/okrkit/measure/spec.py")
        ):
            return True
        frame = frame.f_back
    return False

gc.callbacks.append(
    lambda phase, info: phase == "start" and building(sys._getframe()) and runs.append(1)
)
if sys.argv[1] == "off":
    gc.disable()
import okrkit.model
print(gc.isenabled(), len(runs))
"""


@pytest.mark.parametrize("state", ["on", "off"])
def test_importing_the_models_pauses_the_collector_and_restores_it(state: str) -> None:
    """The model classes are built with the collector paused (no automatic
    collection runs while okrkit.model's modules run), and it is left as it was."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, state], capture_output=True, text=True, check=True
    )
    enabled, runs = done.stdout.split()
    assert enabled == ("True" if state == "on" else "False")
    assert runs == "0"


def _wide_plan(n: int) -> okrkit.Plan:
    objectives = [{"id": "top", "title": "Top", "rollup": "children", "key_results": []}]
    objectives += [
        {"id": f"o{i}", "title": f"O{i}", "parent": "top", "team": "t",
         "key_results": [{"id": "k", "title": "K", "baseline": 0, "target": 10, "current": i % 10}]}
        for i in range(n)
    ]  # fmt: skip
    return okrkit.Plan.model_validate({"period": "2026-Q4", "objectives": objectives})


@pytest.mark.parametrize("walk", ["score", "lint"])
def test_a_walk_over_the_plan_checks_its_tree_once(
    walk: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # plan.children() re-checks every objective (the tree may have been edited); a walk
    # asking it per objective was quadratic: 200k objectives never finished scoring.
    import datetime as dt

    from okrkit.model.plan import Plan

    calls = []
    signature = Plan._signature
    monkeypatch.setattr(Plan, "_signature", lambda self: calls.append(1) or signature(self))
    for n in (50, 400):
        plan = _wide_plan(n)
        calls.clear()
        if walk == "score":
            result = okrkit.score(plan, on=dt.date(2026, 11, 15))
            assert len(result.children[0].children) == n
        else:
            okrkit.lint(plan, on=dt.date(2026, 11, 15))
        assert len(calls) <= 10, (n, len(calls))
