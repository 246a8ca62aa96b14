"""Marketing metrics: pure, typed formulas for the numbers key results track.

Conventions that hold for every function in this module:

* **Rates are fractions.** ``ctr(50, 1000)`` is ``0.05``, not ``5``. The one exception is
  NPS, a score in points from -100 to 100. Key results store percent metrics in
  percentage points; :func:`compute_value` converts (``0.05`` -> ``5.0``),
  :func:`compute` does not.
* **Money** is a plain amount in one currency; nothing here converts currencies.
* **Zero denominators raise.** When a formula would divide by zero, the function raises
  :class:`~okrkit.errors.MetricError` naming the argument that is zero
  (``new_customers is 0: CAC needs at least one new customer``). No function returns a
  silent ``0``, ``nan`` or ``inf``.
* **Bad inputs raise** :class:`~okrkit.errors.MetricError` too: negative counts or
  amounts, NaN or infinite numbers, booleans and non-numbers, fractions outside 0..1
  (``gross_margin=80`` where ``0.8`` is meant), and counts that are not whole numbers
  (``9.0`` is taken as ``9``; ``9.5`` is refused).

Metrics are registered by name so a key result can say which metric it tracks and compute
its value from raw check-in inputs: see :func:`names`, :func:`unit_of`, :func:`compute`
and :func:`compute_value`.

This module depends only on the standard library and :mod:`okrkit.errors`.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from okrkit.errors import N_, Message, MetricError

__all__ = [
    "DEFAULT_FUNNEL_STAGES",
    "Funnel",
    "ReviewSummary",
    "bounce_rate",
    "cac",
    "cac_payback_months",
    "churn_rate",
    "compute",
    "compute_value",
    "conversion_rate",
    "cpc",
    "cpl",
    "ctr",
    "funnel",
    "growth_rate",
    "ltv",
    "ltv_cac_ratio",
    "ltv_simple",
    "names",
    "nps",
    "nps_from_counts",
    "review_summary",
    "roas",
    "romi",
    "sales_velocity",
    "unit_of",
]

#: The demand-waterfall stages :func:`funnel` orders a mapping by (SiriusDecisions).
DEFAULT_FUNNEL_STAGES: tuple[str, ...] = ("Inquiry", "MQL", "SAL", "SQL", "Won")


# -- input checks ---------------------------------------------------------------------


def _real(name: str, value: object) -> float:
    """``value`` as a finite float, or MetricError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _bad(N_("{name} is {value}: expected a number"), name, value)
    result = float(value)
    if not math.isfinite(result):
        raise _bad(N_("{name} is {value}: expected a finite number"), name, value)
    return result


def _bad(msgid: str, name: str, value: object) -> MetricError:
    """The error for input ``name`` holding the unusable ``value``."""
    return MetricError.translatable(msgid, name=name, value=repr(value))


def _amount(name: str, value: object) -> float:
    """A finite, non-negative number (money, a duration, a value)."""
    result = _real(name, value)
    if result < 0:
        raise _bad(N_("{name} is {value}: it cannot be negative"), name, value)
    return result


def _whole(name: str, value: object) -> int:
    """A whole number; an integral float such as ``9.0`` is accepted as ``9``."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    result = _real(name, value)
    if not result.is_integer():
        raise _bad(N_("{name} is {value}: expected a whole number"), name, value)
    return int(result)


def _count(name: str, value: object) -> int:
    """A whole, non-negative number of people, clicks, deals..."""
    result = _whole(name, value)
    if result < 0:
        raise _bad(N_("{name} is {value}: a count cannot be negative"), name, value)
    return result


def _fraction(name: str, value: object) -> float:
    """A fraction 0..1 such as a gross margin or a churn rate."""
    result = _amount(name, value)
    if result > 1:
        raise _bad(N_("{name} is {value}: give it as a fraction 0..1 (0.8 for 80 %)"), name, value)
    return result


def _nonzero(name: str, value: float, needs: str) -> None:
    """The zero-denominator rule: raise, naming the argument and what the metric needs."""
    if value == 0:
        raise MetricError.translatable(N_("{name} is 0: {needs}"), name=name, needs=Message(needs))


def _part(part: str, part_value: int, whole: str, whole_value: int) -> None:
    if part_value > whole_value:
        raise MetricError.translatable(
            N_(
                "{part} is {value}, more than {whole} ({total}): "
                "{part} must be counted among the {whole}"
            ),
            part=part,
            value=str(part_value),
            whole=whole,
            total=str(whole_value),
        )


# -- NPS and reviews -------------------------------------------------------------------


def nps(answers: Iterable[int]) -> float:
    """Net Promoter Score from answers 0-10 to "How likely are you to recommend us?".

    Formula: ``100 × (promoters − detractors) / answers``; promoters answer 9-10,
    passives 7-8, detractors 0-6. Passives count in the denominator only.
    Unit: points from -100 to 100 (not a fraction).
    Zero denominator: no answers raises MetricError. Every answer must be a whole
    number 0..10; MetricError names the first one that is not.
    Source: Reichheld, "The One Number You Need to Grow", Harvard Business Review
    (2003); Bain & Company.

    >>> nps([10] * 50 + [8] * 30 + [3] * 20)
    30.0
    >>> nps([10, 9, 8, 7, 6, 0])
    0.0
    """
    tally = [0, 0, 0]  # promoters, passives, detractors
    for position, answer in enumerate(answers):
        score = _whole(f"answers[{position}]", answer)
        if not 0 <= score <= 10:
            raise MetricError(
                f"answers[{position}] is {answer!r}: NPS answers are whole numbers 0..10"
            )
        tally[0 if score >= 9 else 1 if score >= 7 else 2] += 1
    if sum(tally) == 0:
        raise MetricError("answers is empty: NPS needs at least one answer")
    return nps_from_counts(promoters=tally[0], passives=tally[1], detractors=tally[2])


def nps_from_counts(*, promoters: int, passives: int, detractors: int) -> float:
    """Net Promoter Score from the number of promoters, passives and detractors.

    Formula: ``100 × (promoters − detractors) / (promoters + passives + detractors)``.
    Unit: points from -100 to 100 (not a fraction).
    Zero denominator: all three counts 0 raises MetricError.
    Source: Reichheld, "The One Number You Need to Grow", Harvard Business Review
    (2003); Bain & Company.

    >>> nps_from_counts(promoters=50, passives=30, detractors=20)
    30.0
    """
    promoted = _count("promoters", promoters)
    detracted = _count("detractors", detractors)
    total = promoted + _count("passives", passives) + detracted
    _nonzero("promoters + passives + detractors", total, N_("NPS needs at least one answer"))
    return 100.0 * (promoted - detracted) / total


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """What a set of 1-5 star ratings says.

    ``count`` ratings; ``average`` stars (1..5); ``share_5_star`` and ``share_1_star``
    as fractions 0..1 of ``count``.
    """

    count: int
    average: float
    share_5_star: float
    share_1_star: float


def review_summary(ratings: Iterable[int]) -> ReviewSummary:
    """Count, average and the shares of 5-star and 1-star ratings.

    Formula: ``average = sum / count``; ``share_5_star = 5-star ratings / count``;
    ``share_1_star = 1-star ratings / count``. Units: stars for the average, fractions
    0..1 for the shares.
    Zero denominator: no ratings raises MetricError. Every rating must be a whole
    number 1..5; MetricError names the first one that is not.
    Source: the 1-5 star scale of review sites (G2, Capterra, Trustpilot, Google).

    >>> review_summary([5, 5, 4, 3, 1])
    ReviewSummary(count=5, average=3.6, share_5_star=0.4, share_1_star=0.2)
    """
    stars = [0] * 6
    for position, rating in enumerate(ratings):
        value = _whole(f"ratings[{position}]", rating)
        if not 1 <= value <= 5:
            raise MetricError(f"ratings[{position}] is {rating!r}: ratings are whole stars 1..5")
        stars[value] += 1
    count = sum(stars)
    _nonzero("the number of ratings", count, N_("a review summary needs at least one rating"))
    return ReviewSummary(
        count=count,
        average=sum(value * n for value, n in enumerate(stars)) / count,
        share_5_star=stars[5] / count,
        share_1_star=stars[1] / count,
    )


# -- acquisition cost, lifetime value, return ------------------------------------------


def cac(spend: float, new_customers: int) -> float:
    """Customer acquisition cost: ``spend / new_customers``.

    ``spend`` is the sales and marketing cost of the period; ``new_customers`` the
    customers won in it. Unit: currency per customer.
    Zero denominator: ``new_customers`` 0 raises MetricError.
    Source: standard SaaS definition (David Skok, "SaaS Metrics 2.0").

    >>> cac(10_000, 50)
    200.0
    """
    customers = _count("new_customers", new_customers)
    _nonzero("new_customers", customers, N_("CAC needs at least one new customer"))
    return _amount("spend", spend) / customers


def ltv(*, arpa: float, gross_margin: float = 1.0, churn: float) -> float:
    """Customer lifetime value: ``arpa × gross_margin / churn``.

    ``arpa`` is the average revenue per account per period (a month or a year);
    ``churn`` the share of customers lost per the same period, as a fraction (0.02 for
    2 % a month), so ``1 / churn`` is the expected lifetime in periods; ``gross_margin``
    is a fraction 0..1 (the default 1.0 gives a revenue LTV). Unit: currency.
    Zero denominator: ``churn`` 0 raises MetricError (the lifetime would be unbounded;
    use :func:`ltv_simple` with an explicit lifetime instead).
    Source: standard SaaS definition (David Skok, "SaaS Metrics 2.0").

    >>> ltv(arpa=100, gross_margin=0.8, churn=0.02)
    4000.0
    """
    rate = _fraction("churn", churn)
    _nonzero("churn", rate, N_("LTV needs a churn rate above 0 (or use ltv_simple)"))
    return _amount("arpa", arpa) * _fraction("gross_margin", gross_margin) / rate


def ltv_simple(*, arpa: float, lifetime_periods: float) -> float:
    """Customer lifetime value, simple form: ``arpa × lifetime_periods``.

    ``arpa`` is the average revenue per account per period and ``lifetime_periods`` the
    expected customer lifetime in the same periods. Unit: currency.
    Zero denominator: none (there is no division); negative inputs raise MetricError.
    Source: standard SaaS definition (ARPA × expected customer lifetime).

    >>> ltv_simple(arpa=100, lifetime_periods=36)
    3600.0
    """
    return _amount("arpa", arpa) * _amount("lifetime_periods", lifetime_periods)


def ltv_cac_ratio(*, ltv: float, cac: float) -> float:
    """LTV to CAC ratio: ``ltv / cac`` (3.0 is the usual healthy mark for SaaS).

    Unit: ratio. Zero denominator: ``cac`` 0 raises MetricError.
    Source: standard SaaS definition (David Skok, "SaaS Metrics 2.0").

    >>> ltv_cac_ratio(ltv=3600, cac=1200)
    3.0
    """
    cost = _amount("cac", cac)
    _nonzero("cac", cost, N_("the LTV:CAC ratio needs a CAC above 0"))
    return _amount("ltv", ltv) / cost


def cac_payback_months(*, cac: float, monthly_arpa: float, gross_margin: float = 1.0) -> float:
    """Months to earn back the acquisition cost: ``cac / (monthly_arpa × gross_margin)``.

    ``monthly_arpa`` is the average revenue per account per month; ``gross_margin`` a
    fraction 0..1. Unit: months.
    Zero denominator: ``monthly_arpa`` 0 or ``gross_margin`` 0 raises MetricError.
    Source: standard SaaS definition (David Skok, "SaaS Metrics 2.0": months to
    recover CAC).

    >>> cac_payback_months(cac=1200, monthly_arpa=100, gross_margin=0.8)
    15.0
    """
    arpa = _amount("monthly_arpa", monthly_arpa)
    margin = _fraction("gross_margin", gross_margin)
    _nonzero("monthly_arpa", arpa, N_("CAC payback needs revenue per account above 0"))
    _nonzero("gross_margin", margin, N_("CAC payback needs a gross margin above 0"))
    return _amount("cac", cac) / (arpa * margin)


def romi(*, revenue: float, spend: float, gross_margin: float = 1.0) -> float:
    """Return on marketing investment: ``(revenue × gross_margin − spend) / spend``.

    ``revenue`` is the revenue the marketing produced and ``spend`` its cost;
    ``gross_margin`` is a fraction 0..1 (the default 1.0 gives a revenue-based ROMI).
    Unit: fraction (0.5 is a 50 % return; negative is a loss).
    Zero denominator: ``spend`` 0 raises MetricError.
    Source: Farris, Bendle, Pfeifer and Reibstein, "Marketing Metrics" (ROMI).

    >>> romi(revenue=50_000, spend=10_000, gross_margin=0.6)
    2.0
    """
    cost = _amount("spend", spend)
    _nonzero("spend", cost, N_("ROMI needs marketing spend above 0"))
    margin = _fraction("gross_margin", gross_margin)
    return (_amount("revenue", revenue) * margin - cost) / cost


def roas(*, revenue: float, spend: float) -> float:
    """Return on ad spend: ``revenue / spend``.

    Unit: ratio (4.0 means 4 of revenue for every 1 spent).
    Zero denominator: ``spend`` 0 raises MetricError.
    Source: ad-platform definition (conversion value / cost, Google Ads).

    >>> roas(revenue=40_000, spend=10_000)
    4.0
    """
    cost = _amount("spend", spend)
    _nonzero("spend", cost, N_("ROAS needs ad spend above 0"))
    return _amount("revenue", revenue) / cost


def cpc(*, spend: float, clicks: int) -> float:
    """Cost per click: ``spend / clicks``.

    Unit: currency per click. Zero denominator: ``clicks`` 0 raises MetricError.
    Source: Farris et al., "Marketing Metrics"; ad-platform definition.

    >>> cpc(spend=500, clicks=250)
    2.0
    """
    count = _count("clicks", clicks)
    _nonzero("clicks", count, N_("CPC needs at least one click"))
    return _amount("spend", spend) / count


def cpl(*, spend: float, leads: int) -> float:
    """Cost per lead: ``spend / leads``.

    Unit: currency per lead. Zero denominator: ``leads`` 0 raises MetricError.
    Source: standard demand-generation definition.

    >>> cpl(spend=5_000, leads=125)
    40.0
    """
    count = _count("leads", leads)
    _nonzero("leads", count, N_("CPL needs at least one lead"))
    return _amount("spend", spend) / count


# -- rates -----------------------------------------------------------------------------


def conversion_rate(conversions: int, visitors: int) -> float:
    """Conversion rate: ``conversions / visitors``.

    Unit: fraction (0.03 is 3 %); it can exceed 1 when one visitor converts more than
    once. Zero denominator: ``visitors`` 0 raises MetricError.
    Source: Farris et al., "Marketing Metrics".

    >>> conversion_rate(30, 1000)
    0.03
    """
    count = _count("visitors", visitors)
    _nonzero("visitors", count, N_("a conversion rate needs at least one visitor"))
    return _count("conversions", conversions) / count


def ctr(clicks: int, impressions: int) -> float:
    """Click-through rate: ``clicks / impressions``.

    Unit: fraction (0.05 is 5 %). Zero denominator: ``impressions`` 0 raises
    MetricError. Source: Farris et al., "Marketing Metrics"; Google Ads.

    >>> ctr(50, 1000)
    0.05
    """
    count = _count("impressions", impressions)
    _nonzero("impressions", count, N_("CTR needs at least one impression"))
    return _count("clicks", clicks) / count


def bounce_rate(bounces: int, sessions: int) -> float:
    """Bounce rate: ``bounces / sessions`` (single-page sessions over all sessions).

    Unit: fraction 0..1. ``bounces`` cannot exceed ``sessions`` (a bounce is a session).
    Zero denominator: ``sessions`` 0 raises MetricError.
    Source: Google Analytics (Universal Analytics) definition; in GA4 it is
    ``1 − engagement rate``.

    >>> bounce_rate(420, 1000)
    0.42
    """
    count = _count("sessions", sessions)
    _nonzero("sessions", count, N_("a bounce rate needs at least one session"))
    bounced = _count("bounces", bounces)
    _part("bounces", bounced, "sessions", count)
    return bounced / count


def churn_rate(*, lost: int, at_start: int) -> float:
    """Customer churn rate for a period: ``lost / at_start``.

    ``at_start`` is the number of customers at the start of the period and ``lost`` how
    many of them left during it, so ``lost`` cannot exceed ``at_start``.
    Unit: fraction 0..1 per period. Zero denominator: ``at_start`` 0 raises MetricError.
    Source: standard SaaS definition (David Skok, "SaaS Metrics 2.0").

    >>> churn_rate(lost=5, at_start=250)
    0.02
    """
    count = _count("at_start", at_start)
    _nonzero("at_start", count, N_("a churn rate needs at least one customer at the start"))
    churned = _count("lost", lost)
    _part("lost", churned, "at_start", count)
    return churned / count


def growth_rate(*, previous: float, current: float) -> float:
    """Period-over-period growth: ``(current − previous) / previous``.

    Month-over-month growth when the two values are consecutive months (MQLs, revenue,
    followers...). Unit: fraction (0.05 is +5 %; negative is a decline).
    Zero denominator: ``previous`` 0 raises MetricError (growth from nothing is
    undefined). Source: standard definition of a growth rate.

    >>> growth_rate(previous=200, current=210)
    0.05
    """
    base = _amount("previous", previous)
    _nonzero("previous", base, N_("a growth rate needs a previous value above 0"))
    return (_amount("current", current) - base) / base


# -- funnel and sales velocity ---------------------------------------------------------


def sales_velocity(
    *, opportunities: int, deal_value: float, win_rate: float, cycle_days: float
) -> float:
    """Sales velocity: ``opportunities × deal_value × win_rate / cycle_days``.

    ``opportunities`` open in the pipeline, ``deal_value`` the average won deal,
    ``win_rate`` a fraction 0..1 and ``cycle_days`` the average sales cycle in days.
    Unit: currency per day. Zero denominator: ``cycle_days`` 0 raises MetricError.
    Source: standard sales-velocity formula (as used by Salesforce and HubSpot).

    >>> sales_velocity(opportunities=50, deal_value=20_000, win_rate=0.25, cycle_days=100)
    2500.0
    """
    days = _amount("cycle_days", cycle_days)
    _nonzero("cycle_days", days, N_("sales velocity needs a sales cycle longer than 0 days"))
    return (
        _count("opportunities", opportunities)
        * _amount("deal_value", deal_value)
        * _fraction("win_rate", win_rate)
        / days
    )


def _stage(position: int, item: object) -> tuple[str, int]:
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        raise MetricError(f"stages[{position}] is {item!r}: expected a (stage, count) pair")
    name, count = item
    if not isinstance(name, str) or not name:
        raise MetricError(f"stages[{position}] has the name {name!r}: expected a stage name")
    return name, _count(f"stage {name!r}", count)


@dataclass(frozen=True, slots=True)
class Funnel:
    """Counts at each stage of a funnel, top first, and the rates between them.

    Count each stage cumulatively (every lead that *reached* it, not the leads sitting
    in it today), so counts never increase down the funnel; a stage larger than the one
    before it raises MetricError naming both. Every stage but the last must be above 0
    (the rate out of it would divide by zero). The last stage is the won deals and the
    one before it the opportunities, which :meth:`velocity` uses.
    Source: SiriusDecisions Demand Waterfall (Inquiry -> MQL -> SAL -> SQL -> Won).

    >>> f = Funnel((("Inquiry", 1000), ("MQL", 200), ("SAL", 100), ("SQL", 50), ("Won", 10)))
    >>> f.rates
    [('Inquiry', 'MQL', 0.2), ('MQL', 'SAL', 0.5), ('SAL', 'SQL', 0.5), ('SQL', 'Won', 0.2)]
    >>> f.overall_rate
    0.01
    """

    stages: tuple[tuple[str, int], ...]

    def __post_init__(self) -> None:
        stages = tuple(_stage(position, item) for position, item in enumerate(self.stages))
        if len(stages) < 2:
            raise MetricError(f"a funnel needs at least two stages, got {len(stages)}")
        seen: set[str] = set()
        for name, _ in stages:
            if name in seen:
                raise MetricError(f"stage {name!r} appears twice: stage names must be unique")
            seen.add(name)
        for (above, above_count), (name, count) in itertools.pairwise(stages):
            if count > above_count:
                raise MetricError(
                    f"stage {name!r} ({count}) is larger than the stage before it, "
                    f"{above!r} ({above_count}): counts must not increase down the funnel; "
                    "count every lead that reached a stage, not the leads sitting in it"
                )
            _nonzero(
                f"stage {above!r}", above_count, f"the {above} -> {name} rate needs {above} above 0"
            )
        object.__setattr__(self, "stages", stages)

    @property
    def rates(self) -> list[tuple[str, str, float]]:
        """``(from, to, rate)`` for each pair of consecutive stages; rates are fractions."""
        return [(a, b, nb / na) for (a, na), (b, nb) in itertools.pairwise(self.stages)]

    @property
    def overall_rate(self) -> float:
        """Last stage over first stage, a fraction (the product of :attr:`rates`)."""
        return self.stages[-1][1] / self.stages[0][1]

    @property
    def opportunities(self) -> int:
        """The count of the stage before the last (SQL in the default funnel)."""
        return self.stages[-2][1]

    @property
    def win_rate(self) -> float:
        """Last stage over the one before it, a fraction (SQL -> Won by default)."""
        return self.stages[-1][1] / self.stages[-2][1]

    def velocity(
        self, *, deal_value: float, cycle_days: float, win_rate: float | None = None
    ) -> float:
        """Sales velocity of this funnel, in currency per day.

        :func:`sales_velocity` with :attr:`opportunities`, and :attr:`win_rate` unless
        ``win_rate`` is given (a historical rate applied to today's pipeline, say).
        Zero denominator: ``cycle_days`` 0 raises MetricError.

        >>> f = funnel({"SQL": 50, "Won": 10})
        >>> f.velocity(deal_value=20_000, cycle_days=100)
        2000.0
        >>> f.velocity(deal_value=20_000, cycle_days=100, win_rate=0.25)
        2500.0
        """
        return sales_velocity(
            opportunities=self.opportunities,
            deal_value=deal_value,
            win_rate=self.win_rate if win_rate is None else win_rate,
            cycle_days=cycle_days,
        )


def funnel(stages: Mapping[str, int] | Sequence[tuple[str, int]]) -> Funnel:
    """Build a :class:`Funnel` from stage counts.

    A mapping uses the default marketing stages :data:`DEFAULT_FUNNEL_STAGES`
    (Inquiry -> MQL -> SAL -> SQL -> Won, or any of them) and is put in that order
    whatever its key order; a sequence of ``(stage, count)`` pairs gives your own stages,
    top first. Counts must not increase down the funnel and every stage but the last
    must be above 0; MetricError says which stage breaks the rule.

    >>> f = funnel({"MQL": 200, "Inquiry": 1000, "Won": 10, "SQL": 50, "SAL": 100})
    >>> [name for name, _ in f.stages]
    ['Inquiry', 'MQL', 'SAL', 'SQL', 'Won']
    >>> funnel([("Visit", 5000), ("Sign-up", 250), ("Paid", 25)]).overall_rate
    0.005
    """
    if isinstance(stages, Mapping):
        unknown = [name for name in stages if name not in DEFAULT_FUNNEL_STAGES]
        if unknown:
            raise MetricError(
                f"unknown funnel stage {unknown[0]!r}: a mapping uses the stages "
                f"{', '.join(DEFAULT_FUNNEL_STAGES)}; pass a sequence of (stage, count) "
                "pairs for stages of your own"
            )
        return Funnel(
            tuple((name, stages[name]) for name in DEFAULT_FUNNEL_STAGES if name in stages)
        )
    if isinstance(stages, (str, bytes)) or not isinstance(stages, Sequence):
        raise MetricError(
            f"stages is {stages!r}: expected a mapping of stage counts "
            "or a sequence of (stage, count) pairs"
        )
    return Funnel(tuple(stages))


# -- registry --------------------------------------------------------------------------

_METRICS: dict[str, tuple[Callable[..., float], str]] = {
    "bounce_rate": (bounce_rate, "percent"),
    "cac": (cac, "currency"),
    "cac_payback_months": (cac_payback_months, "duration"),
    "churn_rate": (churn_rate, "percent"),
    "conversion_rate": (conversion_rate, "percent"),
    "cpc": (cpc, "currency"),
    "cpl": (cpl, "currency"),
    "ctr": (ctr, "percent"),
    "growth_rate": (growth_rate, "percent"),
    "ltv": (ltv, "currency"),
    "ltv_cac_ratio": (ltv_cac_ratio, "ratio"),
    "ltv_simple": (ltv_simple, "currency"),
    "nps": (nps_from_counts, "score"),
    "roas": (roas, "ratio"),
    "romi": (romi, "percent"),
    "sales_velocity": (sales_velocity, "currency"),
}


def _metric(name: str) -> tuple[Callable[..., float], str]:
    try:
        return _METRICS[name]
    except (KeyError, TypeError):
        raise MetricError.translatable(
            N_("unknown metric {name}; expected one of: {names}"),
            name=repr(name),
            names=", ".join(names()),
        ) from None


@functools.cache
def _inputs(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The required and the optional keyword inputs of metric ``name``."""
    parameters = inspect.signature(_METRICS[name][0]).parameters.values()
    required = tuple(p.name for p in parameters if p.default is p.empty)
    optional = tuple(p.name for p in parameters if p.default is not p.empty)
    return required, optional


def names() -> list[str]:
    """The sorted names of the metrics a key result can track.

    >>> "nps" in names() and "romi" in names()
    True
    """
    return sorted(_METRICS)


def unit_of(name: str) -> str:
    """The key-result unit of metric ``name``.

    One of ``"percent"`` (fraction metrics, stored in percentage points by key results),
    ``"score"`` (NPS), ``"currency"``, ``"ratio"``, ``"count"`` or ``"duration"``
    (``cac_payback_months``, in months). An unknown name raises MetricError.

    >>> unit_of("ctr"), unit_of("nps"), unit_of("cac"), unit_of("roas")
    ('percent', 'score', 'currency', 'ratio')
    """
    return _metric(name)[1]


def compute(name: str, inputs: Mapping[str, float]) -> float:
    """Compute metric ``name`` from keyword ``inputs``, exactly as the function returns it.

    The inputs are the function's keyword arguments (for ``"nps"``: the counts
    ``promoters``, ``passives`` and ``detractors``); optional ones such as
    ``gross_margin`` may be left out. Rates stay fractions; see :func:`compute_value`.
    An unknown name, a missing input or an unexpected input raises MetricError listing
    the expected inputs; the function's own checks (zero denominators...) apply.

    >>> compute("cac", {"spend": 10_000, "new_customers": 50})
    200.0
    >>> compute("ctr", {"clicks": 50, "impressions": 1000})
    0.05
    """
    function, _ = _metric(name)
    required, optional = _inputs(name)
    missing = [key for key in required if key not in inputs]
    unexpected = [key for key in inputs if key not in required and key not in optional]
    if missing or unexpected:
        problems = [Message(N_("missing {inputs}"), inputs=", ".join(missing))] if missing else []
        if unexpected:
            problems.append(
                Message(N_("unexpected {inputs}"), inputs=", ".join(map(repr, unexpected)))
            )
        expected: str = ", ".join(required)
        if optional:
            expected = Message(
                N_("{required}; optional: {optional}"),
                required=expected,
                optional=", ".join(optional),
            )
        raise MetricError.translatable(
            N_("metric {name}: {problems}; expected {expected}"),
            name=repr(name),
            problems=Message("{first}; {second}", first=problems[0], second=problems[1])
            if len(problems) == 2
            else problems[0],
            expected=expected,
        )
    return function(**inputs)


def compute_value(name: str, inputs: Mapping[str, float]) -> float:
    """Compute metric ``name`` in its key-result unit: percent metrics in percentage points.

    Like :func:`compute`, but a ``"percent"`` metric is multiplied by 100 (CTR 0.05 ->
    5.0), which is how key results store percentages. Other units are unchanged.

    >>> compute_value("ctr", {"clicks": 50, "impressions": 1000})
    5.0
    >>> compute_value("nps", {"promoters": 50, "passives": 30, "detractors": 20})
    30.0
    """
    value = compute(name, inputs)
    return value * 100 if unit_of(name) == "percent" else value
