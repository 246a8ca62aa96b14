"""Named scoring policies: okrkit's own, and presets that reproduce OKR tools.

Each tool preset follows the tool's published rules (its source code, or its
help pages for closed tools); ``source`` names where, and
``tests/test_presets.py`` reproduces each source's own examples. What a tool
does that okrkit's model has no place for (Puzzle's ordinal check-ins, a
manually set status) is left out and said so.
"""

from __future__ import annotations

from okrkit.errors import N_, OKRError
from okrkit.scoring.policies import ScoringPolicy

__all__ = [
    "BURNINGOKR",
    "GOOGLE",
    "OKR_TRACKER",
    "PERDOO",
    "POLICIES",
    "PRESETS",
    "PUZZLE",
    "QUANTIVE",
    "VIVA",
    "get_policy",
]

DEFAULT = ScoringPolicy()
"""Linear progress capped to 0..1, weighted mean of key results, status by ratio."""

OKR_TRACKER = ScoringPolicy(
    name="okr-tracker",
    description="Oslo kommune's OKR Tracker: clamped linear progress, weighted mean.",
    source=(
        "github.com/oslokommune/okr-tracker functions/progress/handleKeyResultProgress.js: "
        "d3.scaleLinear().domain([startValue, targetValue]).clamp(true); objectives and "
        "periods take the weight-normalised sum of their parts (getWeightedProgression)"
    ),
)
"""Oslo kommune's OKR Tracker (github.com/oslokommune/okr-tracker).

A key result's progression is ``scaleLinear([start, target]).clamp(true)`` of its
latest progress value (else the start value); an objective's is the sum of its
key results' progressions times ``weight / total weight``. The tool shows no
status, so okrkit's default status rules apply.
"""

BURNINGOKR = ScoringPolicy(
    name="burningokr",
    description=(
        "BurningOKR: clamped, unweighted mean; status by progress minus time elapsed "
        "(below -0.2 at risk, below -0.4 off track)."
    ),
    source=(
        "github.com/BurningOKR/BurningOKR frontend/src/app/okrview/objective-scoring.service.ts "
        "(getObjectiveScoreForProgress), shared/model/ui/view-key-result.ts "
        "(getProgressNormalized), objective-contents.component.ts (plain mean), thresholds "
        "-0.2 / -0.4 from the objective-progress-*-threshold configuration defaults"
    ),
    weighted=False,
    status_by="difference",
    on_track_gap=-0.2,
    at_risk_gap=-0.4,
)
"""BurningOKR (github.com/BurningOKR/BurningOKR).

Key result progress ``(current - start) / (end - start)`` clamped to 0..1; an
objective is the plain mean of its key results; its status compares
``objective progress - cycle progress`` with the configurable thresholds:
below -0.4 off track, below -0.2 "in danger" (at risk), else on track.
"""

QUANTIVE = ScoringPolicy(
    name="quantive",
    description=(
        "Quantive Results: uncapped progress both ways, non-inclusive stay-above/below "
        "thresholds, objectives average key results, child objectives or both."
    ),
    source=(
        "help.quantive.com/en/articles/3849793 (How KR progress is calculated) and "
        "/4865857 (objective progress: key results, child objectives, or both)"
    ),
    cap=None,
    floor=None,
    strict=True,
)
"""Quantive Results (formerly Gtmhub), from its help centre.

"Should increase/decrease" progress is ``(actual - initial) / (target - initial)``
and "is not limited", so it can leave 0..100 %; "should stay above/below" is 100 %
when the condition holds and 0 % otherwise, compared with ``>`` / ``<``: "the
target value is not inclusive". An objective averages its key results by
default, or its child objectives, or both; set ``rollup`` on an objective.
"""

PERDOO = ScoringPolicy(
    name="perdoo",
    description=(
        "Perdoo: negative progress counts as 0, key results weigh the same, an "
        "objective's status is its weakest key result's."
    ),
    source=(
        "support.perdoo.com/en/articles/4898961 (progress drivers: equal weights, "
        "negative values treated as 0 %) and /4640875 (goal statuses: weakest key result)"
    ),
    cap=None,
    floor=0.0,
    weighted=False,
    objective_status="weakest",
)
"""Perdoo, from its support articles.

An objective's progress is the equally weighted mean of its key results (or
aligned objectives), "any negative values will be treated as 0 %"; its status
is the weakest key result's status, ignoring key results with none (okrkit:
no data). Perdoo's statuses are set by hand by default; okrkit derives them.
"""

VIVA = ScoringPolicy(
    name="viva",
    description="Microsoft Viva Goals: on track when progress >= expected, else behind.",
    source=(
        "support.microsoft.com/en-gb/topic/phased-targets-8d0587f7-016c-4e00-9c5d-9fc411c219e2 "
        "(How is progress calculated in Viva Goals?)"
    ),
    status_by="difference",
    on_track_gap=0.0,
    at_risk_gap=float("-inf"),
)
"""Microsoft Viva Goals, from its support pages.

Expected progress is linear from the start to the end date; "if expected
progress is 33 % and actual progress is 33 % or more, the status will be marked
as On Track. If actual progress is below 33 %, the status will be marked as
Behind." okrkit reports Behind as ``at_risk``; nothing is off track by time alone.
"""

PUZZLE = ScoringPolicy(
    name="puzzle",
    description=(
        "Puzzle OKR: progress against the stretch goal; fail up to 30 %, commit up to "
        "70 %, target above, stretch at 100 %."
    ),
    source=(
        "github.com/puzzle/okr frontend/src/app/shared/common.ts (calculateCurrentPercentage) "
        "and shared/custom/scoring/scoring.component.ts (zones > 30, > 70, >= 100)"
    ),
    cap=None,
    floor=0.0,
    band_by="score",
    red_below=0.3,
    yellow_below=0.7,
    band_edges="upper",
)
"""Puzzle OKR (github.com/puzzle/okr).

A metric key result's percentage is ``|value - baseline| / |stretch - baseline|``,
0 when it moved the wrong way; write the stretch goal as okrkit's ``target``.
Zones: fail (red) up to and including 30 %, commit (yellow) above 30 % up to
70 %, target (green) above 70 %, stretch from 100 %. Puzzle's ordinal key
results (a check-in that names the zone) have no okrkit counterpart.
"""

GOOGLE = ScoringPolicy(
    name="google",
    description=(
        "Google's grading: 0.0-1.0, red below 0.4, yellow below 0.7, green from 0.7; "
        "0.7 is success for aspirational objectives, 1.0 for committed ones."
    ),
    source=(
        "Google re:Work, 'Guide: Set goals with OKRs' (grades 0.0-1.0, sweet spot 0.6-0.7); "
        "John Doerr, Measure What Matters (2018): 0.7-1.0 green, 0.4-0.6 yellow, 0.0-0.3 red"
    ),
    band_by="score",
    aspirational_success=0.7,
    committed_success=1.0,
)
"""Google's OKR grading (re:Work; Doerr, *Measure What Matters*).

Key results grade 0.0-1.0; red below 0.4, yellow from 0.4 to below 0.7,
green from 0.7 (half-open bands, compared after rounding to hundredths).
Aspirational objectives succeed at 0.7, committed ones must reach 1.0.
"""

#: The tool presets, by name.
PRESETS: dict[str, ScoringPolicy] = {
    p.name: p for p in (OKR_TRACKER, BURNINGOKR, QUANTIVE, PERDOO, VIVA, PUZZLE, GOOGLE)
}

#: Named scoring policies. ``okrkit score --policy NAME`` picks one.
POLICIES: dict[str, ScoringPolicy] = {
    p.name: p
    for p in (
        DEFAULT,
        ScoringPolicy(
            name="stretch",
            description=(
                "Over-achievement counts (no cap) and so does going backwards (no floor): "
                "the raw linear progress."
            ),
            cap=None,
            floor=None,
        ),
        ScoringPolicy(
            name="aligned",
            description="Objectives average their key results and the objectives aligned to them.",
            rollup="both",
        ),
        ScoringPolicy(
            name="weakest-link",
            description=(
                "An objective's status is its weakest key result's; thresholds are strict."
            ),
            objective_status="weakest",
            strict=True,
        ),
        *PRESETS.values(),
    )
}


def get_policy(policy: ScoringPolicy | str | None) -> ScoringPolicy:
    """Resolve a policy object or name; ``None`` is the default policy."""
    if policy is None:
        return DEFAULT
    if isinstance(policy, ScoringPolicy):
        return policy
    try:
        return POLICIES[policy]
    except KeyError:
        raise OKRError.translatable(
            N_("unknown scoring policy {policy}; expected one of: {policies}"),
            policy=repr(policy),
            policies=", ".join(POLICIES),
        ) from None
