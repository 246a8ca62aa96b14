"""Tests of okrkit.metrics: worked examples, properties, the zero-denominator rule, the registry."""

from __future__ import annotations

import ast
import doctest
import math
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit.metrics as metrics
from okrkit.errors import MetricError, OKRError
from okrkit.metrics import (
    DEFAULT_FUNNEL_STAGES,
    Funnel,
    ReviewSummary,
    bounce_rate,
    cac,
    cac_payback_months,
    churn_rate,
    compute,
    compute_value,
    conversion_rate,
    cpc,
    cpl,
    ctr,
    funnel,
    growth_rate,
    ltv,
    ltv_cac_ratio,
    ltv_simple,
    names,
    nps,
    nps_from_counts,
    review_summary,
    roas,
    romi,
    sales_velocity,
    unit_of,
)

ROOT = Path(__file__).resolve().parents[1]
answers_0_10 = st.integers(min_value=0, max_value=10)
counts = st.integers(min_value=0, max_value=10_000)
positive_counts = st.integers(min_value=1, max_value=10_000)
amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


# -- documentation and module hygiene --------------------------------------------------


def test_doctests_in_module_run() -> None:
    result = doctest.testmod(metrics, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0


def test_docs_page_examples_run() -> None:
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert blocks, "docs/metrics.md has no ```python blocks"
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, "docs/metrics.md", "docs/metrics.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    assert result.attempted > 0


def test_docs_page_lists_every_metric() -> None:
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    for name in names():
        assert f"| `{name}` |" in text, name


def test_all_is_sorted_and_complete() -> None:
    assert metrics.__all__ == sorted(metrics.__all__)
    for name in metrics.__all__:
        assert hasattr(metrics, name), name
    public = {
        name
        for name, value in vars(metrics).items()
        if not name.startswith("_")
        and getattr(value, "__module__", None) == "okrkit.metrics"
        and callable(value)
    }
    assert public <= set(metrics.__all__)


def test_imports_only_stdlib_and_okrkit_errors() -> None:
    tree = ast.parse(Path(metrics.__file__).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    okrkit_modules = {name for name in imported if name.split(".")[0] == "okrkit"}
    assert okrkit_modules == {"okrkit.errors"}
    others = {name.split(".")[0] for name in imported - okrkit_modules}
    assert others <= set(sys.stdlib_module_names) | {"__future__"}


def test_metric_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        cac(100, 0)
    assert issubclass(MetricError, OKRError)


# -- NPS -------------------------------------------------------------------------------


def test_nps_worked_example() -> None:
    # 100 answers: 50 promoters, 30 passives, 20 detractors -> 50 % - 20 % = 30.
    answers = [10] * 25 + [9] * 25 + [8] * 15 + [7] * 15 + [6] * 10 + [0] * 10
    assert nps(answers) == 30.0
    assert nps_from_counts(promoters=50, passives=30, detractors=20) == 30.0


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([10, 9], 100.0),
        ([0, 6], -100.0),
        ([7, 8], 0.0),
        ([9, 8, 6, 10], 25.0),  # passives stay in the denominator
        ((a for a in [10, 10, 3, 8]), 25.0),  # any iterable
        ([9.0, 6.0], 0.0),  # integral floats count as whole numbers
    ],
)
def test_nps_examples(answers: Any, expected: float) -> None:
    assert nps(answers) == expected


@pytest.mark.parametrize(
    ("answers", "bad"),
    [
        ([10, 11], r"answers\[1\] is 11"),
        ([-1], r"answers\[0\] is -1"),
        ([9, 8.5], r"answers\[1\] is 8\.5"),
        ([True], r"answers\[0\] is True"),
        (["9"], r"answers\[0\] is '9'"),
        ([math.nan], r"answers\[0\] is nan"),
        ([], r"answers is empty"),
    ],
)
def test_nps_rejects_bad_answers(answers: list[Any], bad: str) -> None:
    with pytest.raises(MetricError, match=bad):
        nps(answers)


@given(st.lists(answers_0_10, min_size=1))
def test_nps_is_within_bounds(answers: list[int]) -> None:
    assert -100.0 <= nps(answers) <= 100.0


@given(st.lists(answers_0_10, min_size=1))
def test_nps_equals_nps_from_tallied_counts(answers: list[int]) -> None:
    tally = {
        "promoters": sum(a >= 9 for a in answers),
        "passives": sum(7 <= a <= 8 for a in answers),
        "detractors": sum(a <= 6 for a in answers),
    }
    assert nps(answers) == nps_from_counts(**tally)


@given(st.lists(answers_0_10, min_size=1), st.data())
def test_detractor_to_promoter_adds_200_over_n(answers: list[int], data: st.DataObject) -> None:
    answers = [*answers, data.draw(st.integers(0, 6), label="detractor")]
    before = nps(answers)
    index = data.draw(st.sampled_from([i for i, a in enumerate(answers) if a <= 6]))
    answers[index] = data.draw(st.integers(9, 10), label="promoter")
    assert nps(answers) - before == pytest.approx(200 / len(answers))


@given(counts, counts, counts)
def test_nps_from_counts_bounds(promoters: int, passives: int, detractors: int) -> None:
    if promoters + passives + detractors == 0:
        with pytest.raises(MetricError, match="promoters \\+ passives \\+ detractors is 0"):
            nps_from_counts(promoters=promoters, passives=passives, detractors=detractors)
    else:
        score = nps_from_counts(promoters=promoters, passives=passives, detractors=detractors)
        assert -100.0 <= score <= 100.0


def test_nps_from_counts_rejects_negative_counts() -> None:
    with pytest.raises(MetricError, match="detractors is -1"):
        nps_from_counts(promoters=5, passives=0, detractors=-1)


# -- reviews ---------------------------------------------------------------------------


def test_review_summary_worked_example() -> None:
    summary = review_summary([5, 5, 5, 4, 4, 3, 2, 1, 1, 5])
    assert summary == ReviewSummary(count=10, average=3.5, share_5_star=0.4, share_1_star=0.2)


def test_review_summary_is_frozen() -> None:
    summary = review_summary([5])
    with pytest.raises(AttributeError):
        summary.count = 2  # type: ignore[misc]


@given(st.lists(st.integers(1, 5), min_size=1))
def test_review_summary_properties(ratings: list[int]) -> None:
    summary = review_summary(ratings)
    assert summary.count == len(ratings)
    assert 1.0 <= summary.average <= 5.0
    assert summary.average == pytest.approx(sum(ratings) / len(ratings))
    assert 0.0 <= summary.share_1_star + summary.share_5_star <= 1.0


@pytest.mark.parametrize(
    ("ratings", "bad"),
    [([5, 0], r"ratings\[1\] is 0"), ([6], r"ratings\[0\] is 6"), ([4.5], r"is 4\.5")],
)
def test_review_summary_rejects_bad_ratings(ratings: list[Any], bad: str) -> None:
    with pytest.raises(MetricError, match=bad):
        review_summary(ratings)


# -- cost, value and return: worked examples -------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Skok, "SaaS Metrics 2.0": CAC = spend / new customers.
        (lambda: cac(10_000, 50), 200.0),
        # LTV = ARPA x gross margin / churn: 100 a month, 80 % margin, 2 % monthly churn.
        (lambda: ltv(arpa=100, gross_margin=0.8, churn=0.02), 4000.0),
        (lambda: ltv(arpa=100, churn=0.05), 2000.0),
        (lambda: ltv_simple(arpa=100, lifetime_periods=36), 3600.0),
        (lambda: ltv_cac_ratio(ltv=3600, cac=1200), 3.0),
        (lambda: cac_payback_months(cac=1200, monthly_arpa=100, gross_margin=0.8), 15.0),
        (lambda: cac_payback_months(cac=1200, monthly_arpa=100), 12.0),
        # Farris et al.: ROMI = (revenue x margin - spend) / spend.
        (lambda: romi(revenue=50_000, spend=10_000, gross_margin=0.6), 2.0),
        (lambda: romi(revenue=15_000, spend=10_000), 0.5),
        (lambda: romi(revenue=5_000, spend=10_000), -0.5),
        (lambda: roas(revenue=40_000, spend=10_000), 4.0),
        (lambda: cpc(spend=500, clicks=250), 2.0),
        (lambda: cpl(spend=5_000, leads=125), 40.0),
        (lambda: conversion_rate(30, 1000), 0.03),
        (lambda: conversion_rate(1200, 1000), 1.2),  # repeat conversions
        (lambda: ctr(50, 1000), 0.05),
        (lambda: bounce_rate(420, 1000), 0.42),
        (lambda: churn_rate(lost=5, at_start=250), 0.02),
        (lambda: growth_rate(previous=200, current=210), 0.05),
        (lambda: growth_rate(previous=200, current=150), -0.25),
        (
            lambda: sales_velocity(
                opportunities=50, deal_value=20_000, win_rate=0.25, cycle_days=100
            ),
            2500.0,
        ),
    ],
)
def test_worked_examples(value: Callable[[], float], expected: float) -> None:
    assert value() == pytest.approx(expected)


@given(amounts.filter(lambda x: x > 0), st.floats(0.001, 1), st.floats(0.001, 1))
def test_ltv_equals_simple_ltv_with_lifetime_one_over_churn(
    arpa: float, margin: float, churn: float
) -> None:
    assert ltv(arpa=arpa, gross_margin=margin, churn=churn) == pytest.approx(
        ltv_simple(arpa=arpa * margin, lifetime_periods=1 / churn)
    )


@given(st.floats(0.01, 1e9), amounts, st.floats(0.01, 1))
def test_romi_and_roas_agree(spend: float, revenue: float, margin: float) -> None:
    expected = roas(revenue=revenue, spend=spend) * margin - 1
    assert romi(revenue=revenue, spend=spend, gross_margin=margin) == pytest.approx(
        expected, rel=1e-9, abs=1e-9
    )


# -- the zero-denominator rule ---------------------------------------------------------

ZERO_DENOMINATORS: list[tuple[str, Callable[[float], object]]] = [
    ("new_customers", lambda x: cac(x, 0)),
    ("churn", lambda x: ltv(arpa=x, gross_margin=0.5, churn=0)),
    ("cac", lambda x: ltv_cac_ratio(ltv=x, cac=0)),
    ("monthly_arpa", lambda x: cac_payback_months(cac=x, monthly_arpa=0)),
    ("gross_margin", lambda x: cac_payback_months(cac=x, monthly_arpa=10, gross_margin=0)),
    ("spend", lambda x: romi(revenue=x, spend=0)),
    ("spend", lambda x: roas(revenue=x, spend=0)),
    ("clicks", lambda x: cpc(spend=x, clicks=0)),
    ("leads", lambda x: cpl(spend=x, leads=0)),
    ("visitors", lambda x: conversion_rate(round(x), 0)),
    ("impressions", lambda x: ctr(round(x), 0)),
    ("sessions", lambda x: bounce_rate(round(x), 0)),
    ("at_start", lambda x: churn_rate(lost=round(x), at_start=0)),
    ("previous", lambda x: growth_rate(previous=0, current=x)),
    (
        "cycle_days",
        lambda x: sales_velocity(opportunities=3, deal_value=x, win_rate=1, cycle_days=0),
    ),
    ("cycle_days", lambda x: funnel({"SQL": 5, "Won": 1}).velocity(deal_value=x, cycle_days=0)),
    ("stage 'MQL'", lambda x: funnel({"Inquiry": round(x) + 1, "MQL": 0, "SAL": 0})),
    (
        "promoters + passives + detractors",
        lambda x: nps_from_counts(promoters=0, passives=0, detractors=0),
    ),
    ("the number of ratings", lambda x: review_summary([])),
]


@pytest.mark.parametrize(("argument", "call"), ZERO_DENOMINATORS)
def test_zero_denominator_raises_naming_the_argument(
    argument: str, call: Callable[[float], object]
) -> None:
    with pytest.raises(MetricError, match=f"^{re.escape(argument)} is 0: .*needs"):
        call(100.0)


@given(st.sampled_from(ZERO_DENOMINATORS), st.integers(0, 10**6))
def test_zero_denominator_raises_whatever_the_numerator(
    case: tuple[str, Callable[[float], object]], numerator: int
) -> None:
    with pytest.raises(MetricError, match=f"^{re.escape(case[0])} is 0"):
        case[1](float(numerator))


def test_zero_numerators_are_real_zeros() -> None:
    assert ctr(0, 100) == 0.0
    assert cac(0, 5) == 0.0
    assert churn_rate(lost=0, at_start=10) == 0.0


# -- bad inputs ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize(
    ("argument", "call"),
    [
        ("spend", lambda v: cac(v, 10)),
        ("new_customers", lambda v: cac(100, v)),
        ("arpa", lambda v: ltv(arpa=v, churn=0.1)),
        ("churn", lambda v: ltv(arpa=1, churn=v)),
        ("revenue", lambda v: romi(revenue=v, spend=10)),
        ("current", lambda v: growth_rate(previous=1, current=v)),
        (
            "deal_value",
            lambda v: sales_velocity(opportunities=1, deal_value=v, win_rate=0.5, cycle_days=3),
        ),
    ],
)
def test_non_finite_inputs_raise(
    argument: str, call: Callable[[float], object], bad: float
) -> None:
    with pytest.raises(MetricError, match=f"^{argument} is"):
        call(bad)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cac(-1, 10), "spend is -1: it cannot be negative"),
        (lambda: cac(100, -2), "new_customers is -2: a count cannot be negative"),
        (lambda: cac(100, 2.5), "new_customers is 2.5: expected a whole number"),  # type: ignore[arg-type]
        (lambda: cac("100", 2), "spend is '100': expected a number"),  # type: ignore[arg-type]
        (lambda: cac(True, 2), "spend is True: expected a number"),
        (lambda: ctr(5, None), "impressions is None: expected a number"),  # type: ignore[arg-type]
        (
            lambda: ltv(arpa=100, gross_margin=80, churn=0.1),
            "gross_margin is 80: give it as a fraction",
        ),
        (lambda: ltv(arpa=100, churn=2), "churn is 2: give it as a fraction"),
        (lambda: romi(revenue=1, spend=1, gross_margin=-0.1), "gross_margin is -0.1"),
        (
            lambda: sales_velocity(opportunities=1, deal_value=1, win_rate=25, cycle_days=1),
            "win_rate is 25",
        ),
        (lambda: bounce_rate(11, 10), "bounces is 11, more than sessions \\(10\\)"),
        (lambda: churn_rate(lost=11, at_start=10), "lost is 11, more than at_start \\(10\\)"),
        (lambda: growth_rate(previous=-5, current=1), "previous is -5"),
        (lambda: ltv_simple(arpa=10, lifetime_periods=-1), "lifetime_periods is -1"),
    ],
)
def test_bad_inputs_raise(call: Callable[[], object], message: str) -> None:
    with pytest.raises(MetricError, match=message):
        call()


def test_integral_floats_are_accepted_as_counts() -> None:
    assert cac(100, 4.0) == 25.0  # type: ignore[arg-type]
    assert ctr(5.0, 100.0) == 0.05  # type: ignore[arg-type]


# -- funnel ----------------------------------------------------------------------------


def test_funnel_from_mapping_uses_the_default_order() -> None:
    f = funnel({"Won": 10, "SQL": 50, "SAL": 100, "MQL": 200, "Inquiry": 1000})
    assert [name for name, _ in f.stages] == list(DEFAULT_FUNNEL_STAGES)
    assert f.rates == [
        ("Inquiry", "MQL", 0.2),
        ("MQL", "SAL", 0.5),
        ("SAL", "SQL", 0.5),
        ("SQL", "Won", 0.2),
    ]
    assert f.overall_rate == pytest.approx(0.01)
    assert f.opportunities == 50
    assert f.win_rate == 0.2


def test_funnel_from_mapping_with_some_default_stages() -> None:
    f = funnel({"SQL": 40, "MQL": 400})
    assert f.stages == (("MQL", 400), ("SQL", 40))


def test_funnel_from_pairs_keeps_their_order() -> None:
    f = funnel([("Visit", 5000), ("Sign-up", 250), ("Trial", 100), ("Paid", 25)])
    assert [(a, b) for a, b, _ in f.rates] == [
        ("Visit", "Sign-up"),
        ("Sign-up", "Trial"),
        ("Trial", "Paid"),
    ]
    assert f.overall_rate == 0.005


def test_funnel_normalises_integral_floats() -> None:
    assert Funnel((("A", 10.0), ("B", 5))).stages == (("A", 10), ("B", 5))  # type: ignore[arg-type]


def test_funnel_that_grows_names_the_stage() -> None:
    with pytest.raises(MetricError, match=r"stage 'SAL' \(120\) is larger than .* 'MQL' \(100\)"):
        funnel({"Inquiry": 500, "MQL": 100, "SAL": 120})


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ({"Inquiry": 10, "Lead": 5}, "unknown funnel stage 'Lead'"),
        ([("A", 10)], "at least two stages, got 1"),
        ([], "at least two stages, got 0"),
        ([("A", 10), ("A", 5)], "stage 'A' appears twice"),
        ([("A", 10), ("B", -1)], "stage 'B' is -1"),
        ([("A", 10), ("", 5)], "stages\\[1\\] has the name ''"),
        ([("A", 10), ("B", 5, 1)], "stages\\[1\\] is \\('B', 5, 1\\)"),
        ("Inquiry", "expected a mapping"),
        (42, "stages is 42"),
    ],
)
def test_funnel_rejects_bad_stages(stages: Any, message: str) -> None:
    with pytest.raises(MetricError, match=message):
        funnel(stages)


def test_funnel_last_stage_may_be_zero() -> None:
    f = funnel({"SQL": 10, "Won": 0})
    assert f.win_rate == 0.0
    assert f.velocity(deal_value=1000, cycle_days=30) == 0.0


@st.composite
def funnel_counts(draw: st.DrawFn) -> list[tuple[str, int]]:
    size = draw(st.integers(2, 8))
    top = draw(st.integers(1, 10**6))
    stages = [("stage0", top)]
    for i in range(1, size):
        above = stages[-1][1]
        low = 0 if i == size - 1 else 1
        stages.append((f"stage{i}", draw(st.integers(low, above))))
    return stages


@given(funnel_counts())
def test_funnel_overall_rate_is_product_of_stage_rates(stages: list[tuple[str, int]]) -> None:
    f = funnel(stages)
    assert f.overall_rate == pytest.approx(math.prod(rate for _, _, rate in f.rates))
    assert all(0.0 <= rate <= 1.0 for _, _, rate in f.rates)


@given(funnel_counts(), amounts, st.floats(0.5, 365))
def test_funnel_velocity_is_sales_velocity(
    stages: list[tuple[str, int]], deal_value: float, cycle_days: float
) -> None:
    f = funnel(stages)
    expected = sales_velocity(
        opportunities=f.opportunities,
        deal_value=deal_value,
        win_rate=f.win_rate,
        cycle_days=cycle_days,
    )
    assert f.velocity(deal_value=deal_value, cycle_days=cycle_days) == expected
    # with its own win rate it is the number of won deals times their value per day
    assert expected == pytest.approx(stages[-1][1] * deal_value / cycle_days)


def test_funnel_velocity_with_a_given_win_rate() -> None:
    f = funnel({"SQL": 50, "Won": 10})
    assert f.velocity(deal_value=20_000, cycle_days=100, win_rate=0.25) == 2500.0


# -- registry --------------------------------------------------------------------------

# name -> (inputs for compute, the direct call they stand for)
SAMPLES: dict[str, tuple[dict[str, float], Callable[[], float]]] = {
    "bounce_rate": ({"bounces": 420, "sessions": 1000}, lambda: bounce_rate(420, 1000)),
    "cac": ({"spend": 10_000, "new_customers": 50}, lambda: cac(10_000, 50)),
    "cac_payback_months": (
        {"cac": 1200, "monthly_arpa": 100, "gross_margin": 0.8},
        lambda: cac_payback_months(cac=1200, monthly_arpa=100, gross_margin=0.8),
    ),
    "churn_rate": ({"lost": 5, "at_start": 250}, lambda: churn_rate(lost=5, at_start=250)),
    "conversion_rate": (
        {"conversions": 30, "visitors": 1000},
        lambda: conversion_rate(30, 1000),
    ),
    "cpc": ({"spend": 500, "clicks": 250}, lambda: cpc(spend=500, clicks=250)),
    "cpl": ({"spend": 5000, "leads": 125}, lambda: cpl(spend=5000, leads=125)),
    "ctr": ({"clicks": 50, "impressions": 1000}, lambda: ctr(50, 1000)),
    "growth_rate": (
        {"previous": 200, "current": 210},
        lambda: growth_rate(previous=200, current=210),
    ),
    "ltv": ({"arpa": 100, "churn": 0.02}, lambda: ltv(arpa=100, churn=0.02)),
    "ltv_cac_ratio": ({"ltv": 3600, "cac": 1200}, lambda: ltv_cac_ratio(ltv=3600, cac=1200)),
    "ltv_simple": (
        {"arpa": 100, "lifetime_periods": 36},
        lambda: ltv_simple(arpa=100, lifetime_periods=36),
    ),
    "nps": (
        {"promoters": 50.0, "passives": 30.0, "detractors": 20.0},
        lambda: nps_from_counts(promoters=50, passives=30, detractors=20),
    ),
    "roas": ({"revenue": 40_000, "spend": 10_000}, lambda: roas(revenue=40_000, spend=10_000)),
    "romi": (
        {"revenue": 50_000, "spend": 10_000, "gross_margin": 0.6},
        lambda: romi(revenue=50_000, spend=10_000, gross_margin=0.6),
    ),
    "sales_velocity": (
        {"opportunities": 50, "deal_value": 20_000, "win_rate": 0.25, "cycle_days": 100},
        lambda: sales_velocity(opportunities=50, deal_value=20_000, win_rate=0.25, cycle_days=100),
    ),
}
UNITS = {"percent", "score", "currency", "ratio", "count", "duration"}


def test_names_are_sorted_and_cover_the_key_result_metrics() -> None:
    assert names() == sorted(names())
    assert set(names()) == set(SAMPLES)
    expected = {"nps", "cac", "romi", "roas", "ctr", "conversion_rate", "bounce_rate"}
    expected |= {"churn_rate", "cpc", "cpl", "ltv", "ltv_cac_ratio", "cac_payback_months"}
    assert expected | {"growth_rate"} <= set(names())


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_compute_matches_direct_call(name: str) -> None:
    inputs, direct = SAMPLES[name]
    assert compute(name, inputs) == direct()
    assert unit_of(name) in UNITS


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_compute_value_is_in_the_key_result_unit(name: str) -> None:
    inputs, direct = SAMPLES[name]
    factor = 100 if unit_of(name) == "percent" else 1
    assert compute_value(name, inputs) == pytest.approx(direct() * factor)


def test_units() -> None:
    assert {n: unit_of(n) for n in ("ctr", "nps", "cac", "ltv_cac_ratio", "romi")} == {
        "ctr": "percent",
        "nps": "score",
        "cac": "currency",
        "ltv_cac_ratio": "ratio",
        "romi": "percent",
    }
    assert compute_value("ctr", {"clicks": 50, "impressions": 1000}) == 5.0
    assert compute_value("nps", {"promoters": 50, "passives": 30, "detractors": 20}) == 30.0


@given(positive_counts, counts, counts)
def test_compute_matches_direct_calls_for_any_counts(total: int, part: int, promoters: int) -> None:
    part = min(part, total)
    assert compute("ctr", {"clicks": part, "impressions": total}) == ctr(part, total)
    assert compute("bounce_rate", {"bounces": part, "sessions": total}) == bounce_rate(part, total)
    nps_inputs = {"promoters": promoters, "passives": part, "detractors": total}
    assert compute("nps", nps_inputs) == nps_from_counts(**nps_inputs)
    assert compute_value("churn_rate", {"lost": part, "at_start": total}) == pytest.approx(
        100 * part / total
    )


def test_compute_accepts_optional_inputs_left_out() -> None:
    assert compute("romi", {"revenue": 15_000, "spend": 10_000}) == 0.5


@pytest.mark.parametrize("name", ["NPS", "click_rate", "", "nps_from_counts"])
def test_unknown_metric_lists_the_names(name: str) -> None:
    expected = f"unknown metric {re.escape(repr(name))}; expected one of: bounce_rate, cac"
    with pytest.raises(MetricError, match=expected):
        compute(name, {})
    with pytest.raises(MetricError, match=expected):
        unit_of(name)
    with pytest.raises(MetricError, match=expected):
        compute_value(name, {})


@pytest.mark.parametrize(
    ("name", "inputs", "message"),
    [
        (
            "nps",
            {"promoters": 5, "passives": 2},
            "metric 'nps': missing detractors; expected promoters, passives, detractors$",
        ),
        (
            "ctr",
            {"clicks": 5, "impressions": 50, "views": 3},
            "metric 'ctr': unexpected 'views'; expected clicks, impressions$",
        ),
        (
            "ltv",
            {"arpa": 100, "margin": 0.8},
            "missing churn; unexpected 'margin'; expected arpa, churn; optional: gross_margin$",
        ),
        ("cac", {}, "missing spend, new_customers"),
    ],
)
def test_compute_rejects_missing_or_unexpected_inputs(
    name: str, inputs: Mapping[str, float], message: str
) -> None:
    with pytest.raises(MetricError, match=message):
        compute(name, inputs)


def test_compute_applies_the_metric_checks() -> None:
    with pytest.raises(MetricError, match=r"^new_customers is 0"):
        compute("cac", {"spend": 100, "new_customers": 0})
    with pytest.raises(MetricError, match=r"^promoters is 2\.5"):
        compute("nps", {"promoters": 2.5, "passives": 0, "detractors": 1})
