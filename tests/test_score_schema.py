"""The score JSON schema admits every score a policy can give, and no more than that:
plans scored under every policy and preset, from generated histories, validate."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit.cli import main
from okrkit.schemas import schema
from okrkit.scoring import POLICIES, PRESETS

ALL_POLICIES = sorted({**POLICIES, **PRESETS})
Q4 = okrkit.Period.parse("2026-Q4")


def validator() -> jsonschema.Draft202012Validator:
    s = schema("score")
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(
        s, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def score_json(path: Path, policy: str, on: dt.date) -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    args = ["score", str(path), "--policy", policy, "--on", on.isoformat(), "--format", "json"]
    assert main([*args, "--locale", "en"], out=out, err=err) == 0, err.getvalue()
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = [data]
    for child in data["children"]:
        found += nodes(child)
    return found


def assert_valid_and_in_range(data: dict[str, Any], policy: str) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors, errors
    rules = POLICIES.get(policy) or PRESETS[policy]
    for node in nodes(data):
        assert math.isfinite(node["value"]) and math.isfinite(node["progress"])
        if rules.floor is not None:
            assert node["value"] >= rules.floor - 1e-9, (policy, node["id"], node["value"])
        if rules.cap is not None:
            assert node["value"] <= rules.cap + 1e-9, (policy, node["id"], node["value"])


numbers = st.integers(-50, 250).map(float)


@st.composite
def key_results(draw: st.DrawFn, n: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["increase", "decrease", "at_least", "at_most", "between", "ms"]))
    kr: dict[str, Any] = {"id": f"k{n}", "title": f"K{n}", "weight": draw(st.integers(1, 3))}
    if kind == "ms":
        kr.update(kind="milestone", done=draw(st.booleans()))
        return kr
    baseline = draw(numbers)
    if kind in ("increase", "decrease"):
        step = draw(st.integers(1, 100))
        kr.update(baseline=baseline, target=baseline + (step if kind == "increase" else -step))
    elif kind == "between":
        kr.update(direction="between", target_min=baseline, target_max=baseline + 20)
    else:
        kr.update(direction=kind, baseline=baseline, target=draw(numbers))
    days = draw(st.lists(st.integers(0, 91), max_size=3))
    kr["check_ins"] = [
        {"date": (Q4.start + dt.timedelta(days=d)).isoformat(), "value": draw(numbers)}
        for d in sorted(days)
    ]
    return kr


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    objectives = []
    for o in range(draw(st.integers(1, 3))):
        count = draw(st.integers(1, 4))
        krs = [draw(key_results(10 * o + k)) for k in range(count)]
        objectives.append({"id": f"o{o}", "title": f"O{o}", "key_results": krs})
    if len(objectives) > 1 and draw(st.booleans()):
        objectives[1]["parent"] = "o0"
    return {"title": "Generated", "period": "2026-Q4", "objectives": objectives}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=plans(),
    policy=st.sampled_from(ALL_POLICIES),
    on=st.dates(dt.date(2026, 9, 15), dt.date(2027, 1, 31)),
)
def test_generated_plans_validate_under_every_policy(
    tmp_path: Path, data: dict[str, Any], policy: str, on: dt.date
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert_valid_and_in_range(score_json(path, policy, on), policy)


BEHIND_AND_AHEAD = {
    "title": "Behind and ahead",
    "period": "2026-Q4",
    "objectives": [
        {
            "id": "o",
            "title": "O",
            "key_results": [
                {"id": "behind", "title": "Behind", "baseline": 100, "target": 200,
                 "check_ins": [{"date": "2026-11-01", "value": 40}]},
                {"id": "ahead", "title": "Ahead", "baseline": 100, "target": 200,
                 "check_ins": [{"date": "2026-11-01", "value": 330}]},
            ],
        }
    ],
}  # fmt: skip


@pytest.mark.parametrize("policy", ALL_POLICIES)
def test_raw_progress_and_uncapped_values_are_admitted(tmp_path: Path, policy: str) -> None:
    """Raw ``progress`` leaves 0..1 under every policy; ``value`` goes below 0 only
    without a floor and above 1 only without a cap; the schema takes both."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(BEHIND_AND_AHEAD), encoding="utf-8")
    data = score_json(path, policy, dt.date(2026, 11, 15))
    assert_valid_and_in_range(data, policy)
    behind, ahead = data["children"][0]["children"]
    assert behind["progress"] == pytest.approx(-0.6) and ahead["progress"] == pytest.approx(2.3)
    rules = POLICIES.get(policy) or PRESETS[policy]
    assert behind["value"] == (pytest.approx(-0.6) if rules.floor is None else rules.floor)
    assert ahead["value"] == (pytest.approx(2.3) if rules.cap is None else rules.cap)


def test_the_schema_still_rejects_non_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(BEHIND_AND_AHEAD), encoding="utf-8")
    good = score_json(path, "stretch", dt.date(2026, 11, 15))
    for field, bad in (("value", "0.5"), ("progress", None), ("value", True)):
        broken = json.loads(json.dumps(good))
        broken["children"][0]["children"][0][field] = bad
        assert list(validator().iter_errors(broken)), (field, bad)
