"""``okrkit new``: scaffold a plan file from catalogue templates."""

from __future__ import annotations

import argparse
import os

from okrkit._choices import PLAN_FORMATS
from okrkit.cli._base import Context, Translate, UsageError, write_output
from okrkit.errors import OKRError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["PLAN_SCHEMA_URL", "register"]

#: Where editors find the plan schema by default: the ``$id`` of :func:`okrkit.schema`.
PLAN_SCHEMA_URL = "https://okrkit.dev/schema/plan.json"


def _parse_sets(ctx: Context, pairs: list[str]) -> list[tuple[str | None, str, str]]:
    out = []
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name or not value:
            raise UsageError(ctx._("--set expects NAME=VALUE, got {value}", value=repr(pair)))
        template = None
        if ":" in name:
            template, name = name.rsplit(":", 1)
        out.append((template, name.strip(), value.strip()))
    return out


def _no_templates(ctx: Context, goal: str, role: str | None) -> str:
    """Why ``--goal`` (with ``--role``) gave no objective, and which roles would."""
    from okrkit import catalogue
    from okrkit.formatting import format_list

    roles = sorted({r.id for t in catalogue.templates(ctx.locale, goal=goal) for r in t.roles})
    return ctx._(
        "no catalogue template serves goal {goal} for role {role}; choose one of these "
        "roles, or leave out --role: {roles}",
        goal=goal,
        role=role,
        roles=format_list(roles, ctx.locale, style="or"),
    )


def run(ctx: Context) -> int:
    from okrkit import catalogue
    from okrkit.files import dumps
    from okrkit.model import Plan
    from okrkit.period import Period

    args = ctx.args
    company = None
    if args.goal:
        company = catalogue.company_objective(args.goal, ctx.locale, owner=args.owner)
        # scored by the marketing objectives aligned to it; its milestone is a task
        company = company.model_copy(update={"rollup": "children"})
    if args.template:
        chosen = [catalogue.get(tid, ctx.locale) for tid in args.template]
    elif args.goal:
        # top-down: the goal's templates, for one role if asked, three objectives by default
        chosen = catalogue.templates(ctx.locale, goal=args.goal, role=args.role)[: args.limit]
        if not chosen:
            raise OKRError(_no_templates(ctx, args.goal, args.role))
    else:
        raise UsageError(ctx._("give --template, or --goal for a top-down plan"))
    sets = _parse_sets(ctx, args.set or [])
    for template_id, name, _ in sets:
        targets = [t for t in chosen if template_id in (None, t.id)]
        if template_id is not None and not targets:
            raise UsageError(
                ctx._("--set names template {id}, which is not among --template", id=template_id)
            )
        if not any(name in t.params for t in targets):
            known = sorted({p for t in targets for p in t.params})
            raise OKRError(
                ctx._(
                    "unknown parameter {name}; expected one of: {known}",
                    name=name,
                    known=", ".join(known),
                )
            )
    period = Period.parse(args.period)
    objectives = []
    seen: set[str] = set()
    for t in chosen:
        params = {
            name: value
            for template_id, name, value in sets
            if template_id in (None, t.id) and name in t.params
        }
        objective_id = t.slug if t.slug not in seen else t.id.replace("/", "-")
        seen.add(objective_id)
        objectives.append(
            t.instantiate(
                owner=args.owner,
                team=args.team,
                id=objective_id,
                currency=args.currency,
                parent=company.id if company is not None else None,
                **params,
            )
        )
    if company is not None:
        objectives.insert(0, company)
    fields: dict[str, Any] = {"period": period, "locale": ctx.locale, "objectives": objectives}
    if args.title:
        fields["title"] = args.title
    plan = Plan(**fields)
    header = (
        f"# yaml-language-server: $schema={args.schema}\n"
        + "# "
        + ctx._("OKR plan made with okrkit. Check in with: okrkit checkin FILE KEY_RESULT VALUE")
        + "\n"
    )
    text = dumps(plan, "json" if args.format == "json" else "yaml")
    if args.format != "json":
        text = header + text
    to_stream = args.output in (None, "-", "/dev/stdout")
    if not to_stream and os.path.exists(args.output) and not args.force:
        raise OKRError(ctx._("{path} already exists; use --force to replace it", path=args.output))
    write_output(ctx, text, args.output)
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``new``."""
    new = sub.add_parser("new", parents=[common])
    new.add_argument(
        "--template",
        action="append",
        metavar="ID",
        help=_("template id; repeat for several objectives"),
    )
    new.add_argument(
        "--goal",
        metavar="GOAL",
        help=_(
            "company goal, such as revenue or retention: a company objective with the "
            "marketing objectives that align to it"
        ),
    )
    new.add_argument("--role", metavar="ROLE", help=_("with --goal: only templates for this role"))
    new.add_argument(
        "--limit",
        type=int,
        default=3,
        metavar="N",
        help=_("with --goal and no --template: how many objectives (default 3)"),
    )
    new.add_argument("--period", required=True, help=_("period, such as 2027-Q1, 2027-H1 or 2027"))
    new.add_argument("--owner", help=_("owner of the objectives"))
    new.add_argument("--team", help=_("team of the objectives"))
    new.add_argument("--title", help=_("plan title"))
    new.add_argument(
        "--currency", default="USD", help=_("ISO 4217 currency for money key results (default USD)")
    )
    new.add_argument(
        "--set",
        action="append",
        metavar="PARAM=VALUE",
        help=_("your own number for a template parameter; TEMPLATE:PARAM=VALUE for one template"),
    )
    new.add_argument(
        "--format", choices=PLAN_FORMATS, default=PLAN_FORMATS[0], help=_("file format")
    )
    new.add_argument(
        "--schema",
        metavar="URL",
        default=PLAN_SCHEMA_URL,
        help=_(
            "the plan schema that editors validate the YAML file against "
            "(a URL or a path; okrkit schema prints it)"
        ),
    )
    new.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    new.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    new.set_defaults(func=run)
