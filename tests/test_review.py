"""The end-of-period review document, in every locale and format."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sampleplan import sample_plan

import okrkit
from okrkit import CheckIn, Plan
from okrkit.cycle import History, rollover
from okrkit.formatting import format_period, format_score
from okrkit.i18n import SUPPORTED, translations
from okrkit.model import Retro

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
LABELS = ("What rolls over", "Final score", "What worked", "What we change", "Score by period")


def _quarter_two(locale: str) -> tuple[Plan, History]:
    """A plan in its second quarter, with the first quarter's history and a retro."""
    first = sample_plan(locale)
    moved = rollover(first, "2027-Q2")
    objectives = []
    for n, objective in enumerate(moved.plan.objectives):
        key_results = []
        for kr in objective.key_results:
            if kr.kind == "metric" and kr.baseline is not None and kr.target is not None:
                value = kr.baseline + (kr.target - kr.baseline) * (0.4 + 0.1 * n)
                kr = kr.model_copy(
                    update={
                        "check_ins": [
                            CheckIn(date=dt.date(2027, 5, 1), value=value, confidence=0.7)
                        ]
                    }
                )
            key_results.append(kr)
        retro = Retro(worked=["w"], did_not_work=["d"], change=["c"]) if n == 1 else None
        objectives.append(objective.model_copy(update={"key_results": key_results, "retro": retro}))
    return moved.plan.model_copy(update={"objectives": objectives}), moved.history


@pytest.mark.parametrize("locale", SUPPORTED)
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_review_shows_grades_trend_retro_and_what_rolls_over(locale: str, fmt: str) -> None:
    plan, history = _quarter_two(locale)
    dropped = plan.objectives[-1]
    out = okrkit.render(
        plan,
        fmt,
        locale=locale,
        template="review",
        history=history,
        decisions={dropped.id: "drop"},
    )
    t = translations(locale)
    for label in LABELS:
        assert t.gettext(label) in out, (label, locale, fmt)
    assert t.gettext("Left behind") in out and t.gettext("dropped") in out
    q1, q2 = okrkit.Period.parse("2027-Q1"), okrkit.Period.parse("2027-Q2")
    assert format_period(q2, locale) in out
    if fmt == "html":
        assert out.count('class="chart trend"') == len(plan.objectives)
    else:
        assert out.count(format_period(q1, locale) + " ") >= len(plan.objectives)
    record = okrkit.cycle.close_period(plan)
    for objective in record.objectives:
        assert format_score(objective.score, locale) in out
    plain = re.sub(r"<style>.*?</style>", "", out, flags=re.S)
    assert "{" not in plain
    if locale != "en":
        for label in LABELS:
            assert not re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", plain), label


def test_review_closes_as_of_the_period_end_by_default() -> None:
    plan = okrkit.load(EXAMPLE)
    out = okrkit.render(plan, "text", template="review")
    assert "Closed on December 31, 2026" in out
    assert "Review of Q4 2026" in out
    assert "Nothing: every objective closes" not in out


def test_review_with_everything_left_behind_says_so() -> None:
    plan = okrkit.load(EXAMPLE)
    decisions = {o.id: "done" for o in plan.objectives}
    out = okrkit.render(plan, "markdown", template="review", decisions=decisions)
    assert "Nothing: every objective closes with this period." in out


def test_review_from_the_command_line(tmp_path: Path) -> None:
    import io

    from okrkit.cli import main

    plan_file = tmp_path / "okrs.yaml"
    plan_file.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "decisions.yaml").write_text("reviews: drop\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = ["render", str(plan_file), "--template", "review", "--format", "markdown"]
    args += ["--decisions", str(tmp_path / "decisions.yaml"), "--locale", "ru"]
    assert main(args, out=out, err=err) == 0, err.getvalue()
    text = out.getvalue()
    assert text.startswith("# Итоги: 4-й кв. 2026 г.") or "Итоги" in text.splitlines()[0]
    assert "Не переносятся" in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_the_document_and_review_show_values_and_scores_across_quarters(fmt: str) -> None:
    plan, history = _quarter_two("zh_Hans")
    q1 = okrkit.Period.parse("2027-Q1")
    document = okrkit.render(plan, fmt, locale="zh_Hans", history=history, on=dt.date(2027, 6, 1))
    label = translations("zh_Hans").gettext("Score by period")
    marker = '<figure class="trend">' if fmt == "html" else label
    assert document.count(marker) == len(plan.objectives)
    assert format_period(q1, "zh_Hans") in document
    assert label not in okrkit.render(plan, fmt, locale="zh_Hans", on=dt.date(2027, 6, 1))
    review = okrkit.render(plan, fmt, locale="zh_Hans", template="review", history=history)
    value_label = translations("zh_Hans").gettext("Value by period")
    carried_metrics = [kr for o in plan.objectives for kr in o.key_results if kr.kind == "metric"]
    assert review.count(value_label) == len(carried_metrics)


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_review_labels_take_the_locales_separator(fmt: str) -> None:
    plan, history = _quarter_two("zh_Hant")
    out = okrkit.render(plan, fmt, locale="zh_Hant", template="review", history=history)
    labels = ["Value by period", "Next period"] + (["Score by period"] if fmt != "html" else [])
    for label in labels:
        text = translations("zh_Hant").gettext(label)
        assert f"{text}：" in out and f"{text}:" not in out, label
    assert "： " not in out
