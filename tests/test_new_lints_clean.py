"""Plans that ``okrkit new`` scaffolds lint clean: every goal, every goal and role, and
every catalogue template in a plan of three."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

import okrkit
from okrkit import catalogue
from okrkit.cli import main

ON = dt.date(2027, 1, 5)  # a few days into the scaffolded quarter
GOALS = [g.id for g in catalogue.goals()]
ROLES = sorted({r.id for t in catalogue.templates() for r in t.roles})
TEMPLATES = [t.id for t in catalogue.templates()]


def new(path: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    argv = ["new", *args, "--owner", "Ana", "--period", "2027-Q1", "-o", str(path), "--force"]
    return main([*argv, "--locale", "en"], out=io.StringIO(), err=err), err.getvalue()


def findings(path: Path) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in okrkit.lint(okrkit.load(path), on=ON)]


@pytest.mark.parametrize("goal", GOALS)
def test_every_goal_scaffolds_a_clean_plan(tmp_path: Path, goal: str) -> None:
    path = tmp_path / "okrs.yaml"
    available = len(catalogue.templates(goal=goal))
    for limit in sorted({3, min(5, available)}):
        assert new(path, "--goal", goal, "--limit", str(limit)) == (0, f"Wrote {path}\n")
        plan = okrkit.load(path)
        company = plan.objectives[0]
        assert company.rollup == "children"
        assert len(plan.children(company)) == min(limit, available)
        assert findings(path) == [], (goal, limit)


@pytest.mark.parametrize("goal", GOALS)
def test_every_goal_and_role(tmp_path: Path, goal: str) -> None:
    """Clean when the catalogue has three templates for the pair; with one or two the
    only finding is the advice to add objectives; with none, a clear error."""
    path = tmp_path / "okrs.yaml"
    for role in ROLES:
        available = len(catalogue.templates(goal=goal, role=role))
        status, err = new(path, "--goal", goal, "--role", role)
        if available == 0:
            assert status == 1 and not path.exists(), (goal, role)
            assert f"goal {goal} for role {role}" in err and "Traceback" not in err
            served = {r.id for t in catalogue.templates(goal=goal) for r in t.roles}
            assert all(r in err for r in served)
            continue
        assert status == 0, err
        found = findings(path)
        if available >= 3:
            assert found == [], (goal, role, found)
        else:
            assert [f.split(":")[0] for f in found] == ["objective-count"], (goal, role, found)
        path.unlink()


def test_every_template_in_a_plan_of_three(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    groups = [TEMPLATES[i : i + 3] for i in range(0, len(TEMPLATES), 3)]
    if len(groups[-1]) < 3:
        groups[-1] = TEMPLATES[-3:]
    for group in groups:
        args = [a for t in group for a in ("--template", t)]
        assert new(path, *args)[0] == 0
        assert findings(path) == [], group


def test_the_rules_still_hold_for_a_company_objective_scored_by_its_own_key_result() -> None:
    """Without rollup: children, a lone milestone is still reported: the scaffold, not a
    blind spot in the rules, is what makes the plans above clean."""
    company = catalogue.company_objective("revenue", owner="Ana", period="2027-Q1")
    team = catalogue.templates(goal="revenue")[:3]
    children = [t.instantiate(owner="Ana", parent=company.id) for t in team]
    plan = okrkit.Plan(period="2027-Q1", objectives=[company, *children])
    rules = {f.rule for f in okrkit.lint(plan, on=ON)}
    assert {"key-result-count", "milestone-heavy"} <= rules
