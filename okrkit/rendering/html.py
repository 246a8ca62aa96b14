"""The HTML pieces every score row shows, drawn in Python: bar, status badge, confidence.

The bundled HTML templates draw a progress bar, a status badge and a confidence
cell for each objective and key result. As Jinja macros these cost a macro call,
a new context, a translated message and several filters per row; here each is one
function call that writes the same markup (escaped exactly as Jinja's
autoescaping escapes it). ``_macros.html`` keeps its ``bar``, ``status`` and
``confidence`` macros, now drawing with these, for templates that import them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from okrkit._numbers import patterns
from okrkit.formatting import _score_with
from okrkit.i18n import LocaleMatch, translations
from okrkit.model import KeyResult
from okrkit.period import Period
from okrkit.rendering.chart import chart_svg
from okrkit.rendering.labels import STATUS_LABELS
from okrkit.rendering.values import kr_target, kr_value
from okrkit.scoring import Band, Score, Status

if TYPE_CHECKING:
    from markupsafe import Markup

__all__ = ["KeyResultRow", "html_globals"]

#: The bar's label, as the ``bar`` macro translates it.
_BAR_LABEL = "Progress {progress}, expected {expected}"


@dataclass(frozen=True, slots=True)
class KeyResultRow:
    """A key result's cells in an HTML table, each value formatted once."""

    baseline: str
    current: str
    target: str
    bar: Markup
    progress: str
    status: Markup
    confidence: str
    chart: str


def width(value: float) -> str:
    """The CSS width of a 0..1 share: ``"64.5%"``."""
    return f"{max(0.0, min(1.0, value)) * 100:.1f}%"


def html_globals(match: LocaleMatch) -> dict[str, Callable[..., Any]]:
    """``score_bar``, ``score_status`` and ``score_confidence`` for one locale."""
    from markupsafe import Markup, escape

    t = translations(match)
    # What the template's {{ _('...') }} gives in an autoescaped template.
    bar_label = Markup(t.gettext(_BAR_LABEL)) % {}
    bar_text = str(bar_label)
    statuses = {status: escape(t.gettext(text)) for status, text in STATUS_LABELS.items()}
    bands = {band: str(escape(band)) for band in Band}

    done, not_done = (Markup(t.gettext(text)) % {} for text in ("done", "not done"))

    found = patterns(match.babel)

    def score(value: float) -> str:
        return _score_with(found, value)

    def score_texts(s: Score) -> tuple[str, str]:
        """A score's progress and expected progress, formatted ("—" when not expected)."""
        return score(s.value), "—" if s.expected is None else score(s.expected)

    def score_bar(s: Score, progress: str | None = None, expected: str | None = None) -> Markup:
        progress = score(s.value) if progress is None else progress
        if expected is None:
            expected = "—" if s.expected is None else score(s.expected)
        # as the macro's _(...)|fill(...) did: each value escaped, in this order
        label = bar_text.replace("{progress}", str(escape(progress)))
        label = label.replace("{expected}", str(escape(expected)))
        band = bands.get(s.band) or escape(s.band)
        out = (
            f'<div class="bar {band}" role="img" aria-label="{label}">\n'
            f'<span style="width: {width(s.value)}"></span>'  # digits, "." and "%" only
        )
        if s.expected is not None:
            out += f'<i style="left: {width(s.expected)}"></i>'
        return Markup(out + "</div>")

    def score_status(s: Score) -> Markup:
        band = bands.get(s.band) or escape(s.band)
        status = statuses.get(s.status) or statuses[Status(s.status)]
        return Markup(f'<span class="status {band}">{status}</span>')

    def score_confidence(s: Score) -> Markup:
        if s.confidence is None:
            return Markup("—")
        return escape(score(s.confidence))

    def kr_row(ks: Score, period: Period | None, compact: object = None) -> KeyResultRow:
        """The cells of the document's key result table, as its template drew them."""
        kr = ks.item
        if not isinstance(kr, KeyResult):
            raise TypeError(f"kr_row() takes a key result's score, not {type(kr).__name__}'s")
        money = compact if isinstance(compact, bool) else None
        baseline = kr_value(kr, kr.baseline, match, compact=money)
        if kr.kind == "milestone":
            current: str = done if ks.done else not_done
        else:
            current = kr_value(kr, ks.current, match, compact=money) or "—"
        target = kr_value(kr, kr.target, match, compact=money)
        plain = kr.unit != "currency" or money is None  # the chart's numbers read the same
        chart = chart_svg(
            kr,
            period,
            match,
            baseline_text=baseline if plain else None,
            target_text=target if plain else None,
        )
        progress, expected = score_texts(ks)
        return KeyResultRow(
            baseline=baseline or "—",
            current=current,
            target=kr_target(kr, match, compact=money, target_text=target),
            bar=score_bar(ks, progress, expected),
            progress=progress,
            status=score_status(ks),
            confidence=score_confidence(ks),
            chart=Markup(chart) if chart else "—",
        )

    return {
        "kr_row": kr_row,
        "score_bar": score_bar,
        "score_texts": score_texts,
        "score_status": score_status,
        "score_confidence": score_confidence,
    }
