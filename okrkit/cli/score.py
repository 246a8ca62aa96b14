"""``okrkit score``: progress, expected, status and forecast of a plan."""

from __future__ import annotations

import argparse

from okrkit._choices import POLICY_NAMES
from okrkit.cli._base import (
    Context,
    Translate,
    UsageError,
    data_format,
    paint,
    parse_date,
    plan_file,
    read_plan,
    table,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]


def _score_json(s: Any) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "id": s.id,
        "value": s.value,
        "progress": s.progress,
        "expected": s.expected,
        "status": s.status.value,
        "band": s.band.value,
        "current": s.current,
        "done": s.done,
        "confidence": s.confidence,
        "forecast": None
        if s.forecast is None
        else {"value": s.forecast.value, "score": s.forecast.score},
        "children": [_score_json(c) for c in s.children],
    }


def _history(ctx: Context) -> int:
    """The closed periods kept beside the plan, one row per objective and period."""
    from okrkit.cycle import load_history
    from okrkit.formatting import format_period, format_score
    from okrkit.i18n import resolve_locale
    from okrkit.rendering import STATUS_LABELS
    from okrkit.scoring import Status

    if ctx.args.file == "-":
        raise UsageError(ctx._("--history reads the history file beside a plan file, not stdin"))
    history = load_history(ctx.args.file)
    if ctx.args.format == "json":
        ctx.json(history.model_dump(mode="json"))
        return 0
    match = resolve_locale(ctx.locale)
    outcomes = {
        "carried": ctx._("carried over"),
        "dropped": ctx._("dropped"),
        "done": ctx._("done"),
    }
    rows = [
        [
            ctx._("Period"),
            ctx._("Objective"),
            ctx._("Final score"),
            ctx._("Status"),
            ctx._("Outcome"),
        ]
    ]
    for record in history.periods:
        label = ctx.t.gettext(STATUS_LABELS[Status(record.status)])
        rows.append(
            [
                format_period(record.period, match),
                ctx._("Total"),
                format_score(record.score, match),
                label,
            ]
        )
        rows[-1].append("")
        for o in record.objectives:
            label = ctx.t.gettext(STATUS_LABELS[Status(o.status)])
            rows.append(["", o.title, format_score(o.score, match), label, outcomes[o.outcome]])
    if len(rows) == 1:
        ctx.out.write(ctx._("No closed periods yet: okrkit rollover keeps them.") + "\n")
        return 0
    ctx.out.write(table(rows, right={2}))
    return 0


def run(ctx: Context) -> int:
    from okrkit.formatting import format_score
    from okrkit.model import KeyResult, Objective
    from okrkit.rendering import kr_value
    from okrkit.scoring import score

    args = ctx.args
    if args.history:
        return _history(ctx)
    plan = read_plan(args.file)
    on = parse_date(ctx, args.on)
    result = score(plan, on=on, policy=args.policy)
    if args.format == "json":
        ctx.json({"on": on.isoformat(), "policy": args.policy or "default", **_score_json(result)})
        return 0
    from okrkit.i18n import resolve_locale
    from okrkit.rendering import STATUS_LABELS

    match = resolve_locale(ctx.locale)

    def pct(v: float | None) -> str:
        return "—" if v is None else format_score(v, match)

    def status(s: Any) -> str:
        return paint(ctx, ctx.t.gettext(STATUS_LABELS[s.status]), s.band.value)

    rows = [
        [
            ctx._("Objective / key result"),
            ctx._("Current"),
            ctx._("Progress"),
            ctx._("Expected"),
            ctx._("Forecast"),
            ctx._("Status"),
        ]
    ]
    for o in result.children:
        objective = o.item
        assert isinstance(objective, Objective)
        rows.append(
            [
                objective.title,
                "",
                pct(o.value),
                pct(o.expected),
                pct(o.forecast.score if o.forecast else None),
                status(o),
            ]
        )
        for k in o.children:
            if k.kind != "key_result":
                continue
            kr = k.item
            assert isinstance(kr, KeyResult)
            current = (
                (ctx._("done") if k.done else ctx._("not done"))
                if kr.kind == "milestone"
                else kr_value(kr, k.current, match) or "—"
            )
            rows.append(
                [
                    "  " + kr.title,
                    current,
                    pct(k.value),
                    pct(k.expected),
                    pct(k.forecast.score if k.forecast else None),
                    status(k),
                ]
            )
    ctx.out.write(table(rows, right={1, 2, 3, 4}))
    teams: dict[str, list[float]] = {}
    for o in result.children:
        team = o.item.team if isinstance(o.item, Objective) else None
        teams.setdefault(team or ctx._("No team"), []).append(o.value)
    ctx.out.write("\n")
    team_rows = [[ctx._("Team"), ctx._("Objectives"), ctx._("Average progress")]]
    team_rows += [[team, str(len(v)), pct(sum(v) / len(v))] for team, v in teams.items()]
    team_rows.append([ctx._("Total"), str(len(result.children)), pct(result.value)])
    ctx.out.write(table(team_rows, right={1, 2}))
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``score``."""
    score_p = sub.add_parser("score", parents=[common])
    plan_file(score_p, _)
    score_p.add_argument(
        "--on", metavar="DATE", help=_("score as of this date (YYYY-MM-DD, default today)")
    )
    score_p.add_argument("--policy", choices=POLICY_NAMES, help=_("scoring policy"))
    score_p.add_argument(
        "--history",
        action="store_true",
        help=_("show the closed periods kept beside the plan instead of scoring it"),
    )
    data_format(score_p, _)
    score_p.set_defaults(func=run)
