"""Unit ``points``: a gap or lift between two percentages, in percentage points.

A brand lift of 3 is 3 percentage points between the exposed and the control
group, not "3 %" of anything: every locale reads "3 pp" / "3 procentenheter" /
"3 п. п." / "3 điểm phần trăm" / "3个百分点" / "3 個百分點".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from okrkit import KeyResult, Objective, Plan, catalogue, render
from okrkit.formatting import (
    format_delta,
    format_goal,
    format_number,
    format_percent,
    format_points,
    format_value,
)
from okrkit.i18n import SUPPORTED, resolve_locale
from okrkit.rendering import template_goal

#: The catalogue's key results that measure a gap between two percentages.
POINTS = {
    ("brand-pr/share-of-voice", "brand-lift"): {"target": 3.0},
    ("community/user-groups", "retention-lift"): {"baseline": 3.0, "target": 6.0},
}


@pytest.mark.parametrize("locale", SUPPORTED)
def test_points_read_as_percentage_points(locale: str) -> None:
    assert format_value(3, "points", locale) == format_points(3, locale, signed=False)
    assert format_value(3, "points", locale) != format_value(3, "percent", locale)
    assert format_delta(0.5, "points", locale) == format_points(0.5, locale)
    assert format_delta(-0.5, "points", locale) == format_points(-0.5, locale)
    # the unit once, after the last number, as durations do ("с 24 до 8 часов")
    goal = format_goal("increase", "points", locale, baseline=3, target=6)
    assert goal.count(format_points(6, locale, signed=False)) == 1
    assert format_number(3, locale) in goal
    assert format_points(3, locale, signed=False) not in goal
    assert format_percent(3, locale) not in goal
    floor = format_goal("at_least", "points", locale, target=3)
    assert format_points(3, locale, signed=False) in floor


@pytest.mark.parametrize("locale", SUPPORTED)
def test_catalogue_lifts_are_in_points(locale: str) -> None:
    match = resolve_locale(locale)
    for (tid, kid), values in POINTS.items():
        t = catalogue.get(tid, locale)
        kr = next(k for k in t.key_results if k.id == kid)
        assert kr.unit == "points"
        goal = template_goal(t, kr, match)
        assert format_points(values["target"], locale, signed=False) in goal
        assert format_percent(values["target"], locale) not in goal
        for fmt in ("markdown", "html", "text"):
            out = render(t, fmt, locale=locale)
            assert goal in out or goal.replace("\xa0", "&nbsp;") in out, fmt
        made = t.instantiate(period="2027-Q1").key_results
        found = next(k for k in made if k.id == kid)
        assert found.unit == "points"
        assert {f: getattr(found, f) for f in values} == values


def test_no_other_percent_key_result_is_a_lift() -> None:
    # the pattern: a lift or a gap between two groups' percentages is in points;
    # a gap between an amount and its plan, as a share of the plan, stays percent
    for t in catalogue.templates("en"):
        for kr in t.key_results:
            between_groups = re.search(r"\blift\b|gap between member", kr.title)
            if between_groups and kr.kind == "metric":
                assert (t.id, kr.id) in POINTS, (t.id, kr.title)
            if (t.id, kr.id) in POINTS:
                assert kr.unit == "points"


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_plan_with_a_points_key_result(locale: str) -> None:
    kr = KeyResult(id="lift", title="Brand lift", unit="points", direction="at_least",
                   target=3, check_ins=[{"date": dt.date(2026, 10, 15), "value": 1.5},
                                        {"date": dt.date(2026, 11, 15), "value": 2.5}])  # fmt: skip
    plan = Plan(period="2026-Q4", objectives=[Objective(id="o", title="O", key_results=[kr])])
    on = dt.date(2026, 11, 20)
    for fmt in ("markdown", "text", "html"):
        out = render(plan, fmt, locale=locale, on=on).replace("&nbsp;", "\xa0")
        assert format_points(2.5, locale, signed=False) in out, fmt
        assert format_percent(2.5, locale) not in out, fmt
        checkin = render(plan, fmt, locale=locale, template="checkin", on=on)
        assert format_points(1, locale) in checkin.replace("&nbsp;", "\xa0"), fmt
