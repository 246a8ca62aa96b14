"""``ScoringPolicy``: how progress is bounded, rolled up and turned into a status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from okrkit.errors import OKRError
from okrkit.model import Rollup
from okrkit.scoring.status import SEVERITY, STATUS_BAND, Band, Status, grade

__all__ = ["ScoringPolicy"]


@dataclass(frozen=True)
class ScoringPolicy:
    """How scores are bounded, rolled up, and turned into statuses and colours.

    Attributes:
        name: short id (``okrkit score --policy NAME``).
        description: one line for people.
        source: where the rules come from (for presets that reproduce a tool).
        cap: highest score; ``None`` allows over-achievement (1.3 = 130 %).
        floor: lowest score; ``None`` lets progress go negative when a metric
            moves the wrong way.
        weighted: average by ``weight`` (default) or give every part the same weight.
        rollup: what an objective averages: its ``key_results`` (default), the
            objectives aligned to it (``children``), or ``both``. An objective's
            own ``rollup`` field overrides it; a leaf objective (nothing aligned
            to it) always averages its key results.
        status_by: compare progress with expected progress as a ``ratio``
            (default) or a ``difference`` (progress minus expected).
        on_track: ratio at or above which an item is on track.
        at_risk: ratio at or above which it is at risk (else off track).
        on_track_gap: difference at or above which an item is on track.
        at_risk_gap: difference at or above which it is at risk (else off track).
        strict: compare with ``>`` instead of ``>=``: status thresholds, confidence
            marks and the thresholds of ``at_least`` / ``at_most`` key results.
        decimals: places every value is rounded to (half up) before it is
            compared with a boundary; 2 = whole percentage points.
        band_by: colour from the ``status`` (default) or from the ``score``
            alone with ``red_below`` / ``yellow_below`` (Google's grading).
        red_below: scores below this are red when ``band_by="score"``.
        yellow_below: scores below this (and not red) are yellow; the rest green.
            Without a period these two marks also give the status: on track from
            ``yellow_below``, at risk from ``red_below``, off track below.
        band_edges: which band a boundary value belongs to: the band above it
            (``lower``: half-open ``[0.4, 0.7)``) or below it (``upper``: ``(0.3, 0.7]``).
        objective_status: an objective's status follows its ``score``
            (default) or its ``weakest`` key result (or aligned objective).
        committed_success: score a committed objective must reach by the end.
        aspirational_success: score an aspirational objective must reach.
        confident: an open milestone is on track while its latest confidence is
            at or above this ...
        unsure: ... at risk at or above this, else off track.
        milestone_late: share of the period after which an open milestone
            without a confidence is at risk instead of on track.
        no_data_after: share of the period after which a key result without data
            counts as at risk (yellow, and ranked so in weakest-link statuses).
    """

    name: str = "default"
    description: str = "Linear, capped to 0..1, key results only, status against time elapsed."
    source: str = ""
    cap: float | None = 1.0
    floor: float | None = 0.0
    weighted: bool = True
    rollup: Rollup = "key_results"
    status_by: Literal["ratio", "difference"] = "ratio"
    on_track: float = 0.9
    at_risk: float = 0.7
    on_track_gap: float = -0.2
    at_risk_gap: float = -0.4
    strict: bool = False
    decimals: int = 2
    band_by: Literal["status", "score"] = "status"
    red_below: float = 0.4
    yellow_below: float = 0.7
    band_edges: Literal["lower", "upper"] = "lower"
    objective_status: Literal["score", "weakest"] = "score"
    committed_success: float = 1.0
    aspirational_success: float = 1.0
    confident: float = 0.7
    unsure: float = 0.4
    milestone_late: float = 0.75
    no_data_after: float = 0.25

    def __post_init__(self) -> None:
        if self.cap is not None and self.floor is not None and self.cap <= self.floor:
            raise OKRError(f"policy {self.name!r}: cap {self.cap} must be above floor {self.floor}")
        if not 0 <= self.at_risk <= self.on_track:
            raise OKRError(f"policy {self.name!r}: expected 0 <= at_risk <= on_track")
        if not self.at_risk_gap <= self.on_track_gap:
            raise OKRError(f"policy {self.name!r}: expected at_risk_gap <= on_track_gap")
        if not self.red_below <= self.yellow_below:
            raise OKRError(f"policy {self.name!r}: expected red_below <= yellow_below")
        if not 0 <= self.decimals <= 12:
            raise OKRError(f"policy {self.name!r}: decimals must be from 0 to 12")

    def bound(self, progress: float) -> float:
        """Apply the floor and the cap to raw progress."""
        if self.floor is not None and progress < self.floor:
            progress = self.floor
        if self.cap is not None and progress > self.cap:
            progress = self.cap
        return progress

    def grade(self, value: float) -> float:
        """``value`` rounded as every boundary comparison sees it (see :func:`grade`)."""
        return grade(value, self.decimals)

    def reaches(self, value: float, mark: float) -> bool:
        """Whether ``value`` (graded) reaches ``mark``: ``>=``, or ``>`` when strict."""
        value = self.grade(value)
        return value > mark if self.strict else value >= mark

    def success_mark(self, committed: bool) -> float:
        """The end-of-period score that counts as achieved."""
        return self.committed_success if committed else self.aspirational_success

    def status(
        self,
        progress: float,
        expected: float | None,
        *,
        ended: bool = False,
        committed: bool = False,
        early: bool = True,
    ) -> Status:
        """Status of ``progress`` (0..1 scale) against ``expected`` progress.

        ``early=False`` keeps an item from being achieved before its period
        ends (a threshold that holds today, or an objective whose parts are
        not all achieved yet): it is on track instead.
        """
        done = self.grade(progress) >= 1.0
        if ended:
            mark = self.success_mark(committed)
            return Status.ACHIEVED if self.grade(progress) >= mark else Status.MISSED
        if done:
            return Status.ACHIEVED if early else Status.ON_TRACK
        if expected is None:  # no period: progress alone
            if self._at_or_above(progress, self.yellow_below):
                return Status.ON_TRACK
            if self._at_or_above(progress, self.red_below):
                return Status.AT_RISK
            return Status.OFF_TRACK
        if expected <= 0.0:
            return Status.NOT_STARTED
        if self.status_by == "difference":
            gap = progress - expected
            if self.reaches(gap, self.on_track_gap):
                return Status.ON_TRACK
            if self.reaches(gap, self.at_risk_gap):
                return Status.AT_RISK
            return Status.OFF_TRACK
        ratio = progress / expected
        if self.reaches(ratio, self.on_track):
            return Status.ON_TRACK
        if self.reaches(ratio, self.at_risk):
            return Status.AT_RISK
        return Status.OFF_TRACK

    def _at_or_above(self, value: float, mark: float) -> bool:
        graded = self.grade(value)
        return graded > mark if self.band_edges == "upper" else graded >= mark

    def no_data_at_risk(self, expected: float | None) -> bool:
        """Whether a key result without data counts as at risk at ``expected`` progress."""
        return expected is not None and self.grade(expected) >= self.no_data_after

    def band(self, value: float, status: Status, expected: float | None = None) -> Band:
        """Colour band of a score with ``status`` at ``expected`` progress."""
        if status is Status.NO_DATA:
            return Band.YELLOW if self.no_data_at_risk(expected) else Band.GREY
        if status is Status.NOT_STARTED or self.band_by == "status":
            return STATUS_BAND[status]
        if not self._at_or_above(value, self.red_below):
            return Band.RED
        if not self._at_or_above(value, self.yellow_below):
            return Band.YELLOW
        return Band.GREEN

    def severity(self, status: Status, expected: float | None) -> int:
        """Rank of ``status`` from best (0) to worst, for weakest-link statuses."""
        if status is Status.NO_DATA and self.no_data_at_risk(expected):
            return SEVERITY[Status.AT_RISK]
        return SEVERITY[status]
