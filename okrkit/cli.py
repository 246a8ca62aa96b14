"""The ``okrkit`` command line: browse, scaffold, check in, score, lint, render.

Every command takes ``--locale`` (default: ``OKRKIT_LOCALE``, then ``LC_ALL``,
``LC_MESSAGES``, ``LANG``, then English) and speaks that language, help texts
included. Commands that print data take ``--format json`` for scripts.
Errors are one line on stderr: exit status 1 for invalid input, 2 for usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, NoReturn

from okrkit._text import display_width
from okrkit._version import __version__
from okrkit.errors import OKRError

__all__ = ["main"]


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


# argparse's own messages, translated by swapping argparse's gettext while the
# command line runs (argparse has no other hook for it).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("not allowed with argument %s"),
)

ENV_VARS = ("OKRKIT_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG")


class UsageError(Exception):
    """A command line that does not make sense (exit status 2)."""


def default_locale(environ: dict[str, str] | None = None) -> str:
    """The locale from the environment: ``OKRKIT_LOCALE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` (first set and supported), else English."""
    from okrkit.i18n import resolve_locale

    env = os.environ if environ is None else environ
    for var in ENV_VARS:
        value = env.get(var, "").strip()
        if not value or value in ("C", "POSIX") or value.startswith("C."):
            continue
        if var == "OKRKIT_LOCALE":
            return value  # explicit: an unknown one is an error, reported later
        try:
            return resolve_locale(value).locale
        except OKRError:
            continue
    return "en"


def _pre_locale(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--locale" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--locale="):
            return arg.split("=", 1)[1]
    return default_locale()


@contextmanager
def _argparse_in(
    gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str]
) -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        prog = self.prog
        template: str = argparse._("%(prog)s: error: %(message)s\n")  # type: ignore[attr-defined]
        self.exit(2, template % {"prog": prog, "message": message})


@dataclass
class Context:
    """What every command gets: the parsed arguments, locale and streams."""

    args: argparse.Namespace
    locale: str
    out: IO[str]
    err: IO[str]

    @property
    def t(self) -> Any:
        from okrkit.i18n import translations

        return translations(self.locale)

    def _(self, message: str, **values: object) -> str:
        text: str = self.t.gettext(message)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def color(self) -> bool:
        return "NO_COLOR" not in os.environ and hasattr(self.out, "isatty") and self.out.isatty()

    def json(self, data: object) -> None:
        self.out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# --- helpers ---------------------------------------------------------------


def _read_plan(path: str) -> Any:
    from okrkit.io import load, loads

    if path == "-":
        return loads(sys.stdin.read(), source="<stdin>")
    return load(path)


def _parse_date(ctx: Context, text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise OKRError(
            ctx._("invalid date {value}: expected YYYY-MM-DD", value=repr(text))
        ) from None


def _write_output(ctx: Context, text: str, path: str | None) -> None:
    from okrkit.io import write_text_atomic

    if path is None or path == "-":
        ctx.out.write(text)
        return
    write_text_atomic(path, text)
    ctx.err.write(ctx._("Wrote {path}", path=path) + "\n")


def _table(rows: list[list[str]], right: set[int] | None = None) -> str:
    from okrkit._text import display_width, ljust, rjust

    if not rows:
        return ""
    right = right or set()
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            rjust(cell, widths[i]) if i in right else ljust(cell, widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


_COLORS = {"green": "32", "yellow": "33", "red": "31", "grey": "90"}


def _paint(ctx: Context, text: str, band: str) -> str:
    if not ctx.color():
        return text
    return f"\033[{_COLORS.get(band, '0')}m{text}\033[0m"


# --- commands --------------------------------------------------------------


def cmd_templates_list(ctx: Context) -> int:
    from okrkit import catalogue

    args = ctx.args
    found = catalogue.templates(ctx.locale, role=args.role, area=args.area, query=args.query)
    if args.format == "json":
        ctx.json(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "area": t.area.id,
                    "roles": [r.id for r in t.roles],
                }
                for t in found
            ]
        )
        return 0
    rows = [[ctx._("Template"), ctx._("Area"), ctx._("Objective")]]
    rows += [[t.id, t.area.label, t.title] for t in found]
    ctx.out.write(_table(rows))
    ctx.out.write(
        ctx.t.ngettext("{n} template", "{n} templates", len(found)).replace("{n}", str(len(found)))
        + "\n"
    )
    return 0


def cmd_templates_show(ctx: Context) -> int:
    from okrkit import catalogue
    from okrkit.formatting import format_value
    from okrkit.rendering import render

    t = catalogue.get(ctx.args.id, ctx.locale)
    if ctx.args.format == "json":
        ctx.json(
            {
                "id": t.id,
                "title": t.title,
                "why": t.why,
                "area": {"id": t.area.id, "label": t.area.label},
                "roles": [{"id": r.id, "label": r.label} for r in t.roles],
                "params": {
                    p.name: {"default": p.default, "unit": p.unit} for p in t.params.values()
                },
                "key_results": [{"id": k.id, "title": k.title} for k in t.key_results],
                "initiatives": [i.title for i in t.initiatives],
            }
        )
        return 0
    if ctx.args.format == "markdown":
        ctx.out.write(render(t, "markdown", locale=ctx.locale, title=t.title))
        return 0
    word = ctx.t.gettext
    out = [t.title, "=" * display_width(t.title)]
    out.append(" · ".join([t.id, t.area.label, ", ".join(r.label for r in t.roles)]))
    out += ["", t.why, "", ctx._("Key results") + ":"]
    for kr in t.key_results:
        extra = ", ".join(x for x in (kr.source, word(kr.cadence) if kr.cadence else None) if x)
        out.append(f"  - [{kr.id}] {kr.title}" + (f" ({extra})" if extra else ""))
    out += ["", ctx._("Initiatives") + ":"]
    out += [f"  - {i.title}" for i in t.initiatives]
    out += ["", ctx._("Parameters (change them with okrkit new --set NAME=VALUE):")]
    for p in t.params.values():
        shown = format_value(
            p.default, p.unit, ctx.locale, currency="USD", duration_unit=p.duration_unit
        )
        out.append(f"  {p.name} = {shown}")
    ctx.out.write("\n".join(out) + "\n")
    return 0


def cmd_templates_book(ctx: Context) -> int:
    from okrkit import catalogue
    from okrkit.rendering import render

    args = ctx.args
    found = catalogue.templates(ctx.locale, role=args.role, area=args.area, query=args.query)
    text = render(found, args.format, locale=ctx.locale, title=args.title)
    _write_output(ctx, text, args.output)
    return 0


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


def cmd_new(ctx: Context) -> int:
    from okrkit import catalogue
    from okrkit.io import dumps
    from okrkit.model import Plan
    from okrkit.period import Period

    args = ctx.args
    chosen = [catalogue.get(tid, ctx.locale) for tid in args.template]
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
                owner=args.owner, team=args.team, id=objective_id, currency=args.currency, **params
            )
        )
    fields: dict[str, Any] = {"period": period, "locale": ctx.locale, "objectives": objectives}
    if args.title:
        fields["title"] = args.title
    plan = Plan(**fields)
    header = (
        "# "
        + ctx._("OKR plan made with okrkit. Check in with: okrkit checkin FILE KEY_RESULT VALUE")
        + "\n"
    )
    text = dumps(plan, "json" if args.format == "json" else "yaml")
    if args.format != "json":
        text = header + text
    if args.output and args.output != "-" and os.path.exists(args.output) and not args.force:
        raise OKRError(ctx._("{path} already exists; use --force to replace it", path=args.output))
    _write_output(ctx, text, args.output)
    return 0


def cmd_checkin(ctx: Context) -> int:
    from okrkit._checkin import append_check_in

    args = ctx.args
    if args.file == "-":
        raise UsageError(ctx._("checkin rewrites a file; it cannot read standard input"))
    day = _parse_date(ctx, args.date)
    inputs = {}
    for pair in args.input or []:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(ctx._("--input expects NAME=NUMBER, got {value}", value=repr(pair)))
        inputs[name.strip()] = value.strip()
    result = append_check_in(
        args.file,
        args.key_result,
        value=args.value,
        done=args.done,
        confidence=args.confidence,
        note=args.note,
        author=args.author,
        day=day,
        inputs=inputs or None,
    )
    ctx.err.write(
        ctx._(
            "Checked in {kr} on {date}{kept}",
            kr=result.ref,
            date=day.isoformat(),
            kept=""
            if result.kept_layout
            else " " + ctx._("(file rewritten: comments were not kept)"),
        )
        + "\n"
    )
    return 0


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
        "forecast": None
        if s.forecast is None
        else {"value": s.forecast.value, "score": s.forecast.score},
        "children": [_score_json(c) for c in s.children],
    }


def cmd_score(ctx: Context) -> int:
    from okrkit.formatting import format_score
    from okrkit.model import KeyResult, Objective
    from okrkit.rendering import kr_value
    from okrkit.scoring import score

    args = ctx.args
    plan = _read_plan(args.file)
    on = _parse_date(ctx, args.on)
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
        return _paint(ctx, ctx.t.gettext(STATUS_LABELS[s.status]), s.band.value)

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
                (ctx._("done") if kr.is_done else ctx._("not done"))
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
    ctx.out.write(_table(rows, right={1, 2, 3, 4}))
    teams: dict[str, list[float]] = {}
    for o in result.children:
        team = o.item.team if isinstance(o.item, Objective) else None
        teams.setdefault(team or ctx._("No team"), []).append(o.value)
    ctx.out.write("\n")
    team_rows = [[ctx._("Team"), ctx._("Objectives"), ctx._("Average progress")]]
    team_rows += [[team, str(len(v)), pct(sum(v) / len(v))] for team, v in teams.items()]
    team_rows.append([ctx._("Total"), str(len(result.children)), pct(result.value)])
    ctx.out.write(_table(team_rows, right={1, 2}))
    return 0


def cmd_lint(ctx: Context) -> int:
    from okrkit.linting import lint

    args = ctx.args
    plan = _read_plan(args.file)
    findings = lint(
        plan, locale=ctx.locale, on=_parse_date(ctx, args.on), disable=args.disable or ()
    )
    if args.format == "json":
        ctx.json(
            [
                {"rule": f.rule, "severity": f.severity, "path": f.path, "message": f.message}
                for f in findings
            ]
        )
    else:
        labels = {"error": ctx._("error"), "warning": ctx._("warning"), "info": ctx._("info")}
        bands = {"error": "red", "warning": "yellow", "info": "grey"}
        for f in findings:
            where = args.file if args.file != "-" else "<stdin>"
            ctx.out.write(
                f"{where}: {f.path}: {_paint(ctx, labels[f.severity], bands[f.severity])} "
                f"[{f.rule}] {f.message}\n"
            )
        if not findings:
            ctx.out.write(ctx._("No problems found.") + "\n")
    failing = {"error"} | ({"warning"} if args.strict else set())
    return 1 if any(f.severity in failing for f in findings) else 0


def cmd_render(ctx: Context) -> int:
    from okrkit.rendering import render

    args = ctx.args
    plan = _read_plan(args.file)
    text = render(
        plan,
        args.format,
        locale=ctx.locale,
        template=args.template,
        on=_parse_date(ctx, args.on),
        policy=args.policy,
        title=args.title,
        bom=args.bom,
    )
    _write_output(ctx, text, args.output)
    return 0


def cmd_schema(ctx: Context) -> int:
    from okrkit.io import schema

    ctx.json(schema())
    return 0


def cmd_locales(ctx: Context) -> int:
    from okrkit.i18n import locales

    if ctx.args.format == "json":
        ctx.json([{"id": code, "name": name} for code, name in locales()])
        return 0
    for code, name in locales():
        ctx.out.write(f"{code:8} {name}\n")
    return 0


# --- the parser ------------------------------------------------------------


def build_parser(locale: str) -> argparse.ArgumentParser:
    """The argument parser, with help texts in ``locale``."""
    from okrkit.i18n import translations
    from okrkit.rendering import FORMATS, TEMPLATES
    from okrkit.scoring import POLICIES

    _ = translations(locale).gettext

    common = _Parser(add_help=False)
    common.add_argument(
        "--locale",
        metavar="LOCALE",
        help=_("language of the output (en, sv, ru, vi, zh_Hans, zh_Hant)"),
    )

    def data_format(p: argparse.ArgumentParser, choices: Sequence[str] = ("table", "json")) -> None:
        p.add_argument("--format", choices=choices, default=choices[0], help=_("output format"))

    def plan_file(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "file", metavar="FILE", help=_("plan file (YAML or JSON), or - for standard input")
        )

    scored_on = _("score as of this date (YYYY-MM-DD, default today)")

    parser = _Parser(
        prog="okrkit",
        description=_(
            "OKRs for marketing teams: browse templates, scaffold a plan, check in, score, "
            "lint and render."
        ),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"okrkit {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(
        dest="command", metavar=_("COMMAND"), title=_("commands"), parser_class=_Parser
    )

    templates = sub.add_parser(
        "templates", help=_("browse the catalogue of marketing OKR templates"), parents=[common]
    )
    templates.set_defaults(help_parser=templates)
    tsub = templates.add_subparsers(
        dest="templates_command", metavar=_("COMMAND"), title=_("commands"), parser_class=_Parser
    )
    tlist = tsub.add_parser(
        "list", help=_("list templates, by role, area or text"), parents=[common]
    )
    for p in (tlist,):
        p.add_argument("--role", help=_("only templates for this role id"))
        p.add_argument("--area", help=_("only templates of this area id"))
        p.add_argument("--query", help=_("only templates whose text contains these words"))
    data_format(tlist)
    tlist.set_defaults(func=cmd_templates_list)
    tshow = tsub.add_parser("show", help=_("show one template"), parents=[common])
    tshow.add_argument("id", metavar="ID", help=_("template id, such as seo/on-page"))
    data_format(tshow, ("text", "markdown", "json"))
    tshow.set_defaults(func=cmd_templates_show)
    tbook = tsub.add_parser(
        "book", help=_("render a book of templates as one document"), parents=[common]
    )
    tbook.add_argument("--role", help=_("only templates for this role id"))
    tbook.add_argument("--area", help=_("only templates of this area id"))
    tbook.add_argument("--query", help=_("only templates whose text contains these words"))
    tbook.add_argument(
        "--format",
        choices=[f for f in FORMATS if f != "csv"],
        default="markdown",
        help=_("output format"),
    )
    tbook.add_argument("--title", help=_("document title"))
    tbook.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    tbook.set_defaults(func=cmd_templates_book)

    new = sub.add_parser("new", help=_("scaffold a plan file from templates"), parents=[common])
    new.add_argument(
        "--template",
        action="append",
        required=True,
        metavar="ID",
        help=_("template id; repeat for several objectives"),
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
    new.add_argument("--format", choices=("yaml", "json"), default="yaml", help=_("file format"))
    new.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    new.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    new.set_defaults(func=cmd_new)

    checkin = sub.add_parser("checkin", help=_("record progress on a key result"), parents=[common])
    checkin.add_argument("file", metavar="FILE", help=_("plan file (YAML or JSON)"))
    checkin.add_argument(
        "key_result", metavar="KR_ID", help=_("key result id, or OBJECTIVE_ID/KR_ID")
    )
    checkin.add_argument(
        "value", metavar="VALUE", nargs="?", help=_("the current value (for metric key results)")
    )
    done = checkin.add_mutually_exclusive_group()
    done.add_argument(
        "--done", dest="done", action="store_const", const=True, help=_("the milestone is done")
    )
    done.add_argument(
        "--not-done",
        dest="done",
        action="store_const",
        const=False,
        help=_("the milestone is not done yet"),
    )
    checkin.add_argument(
        "--confidence", help=_("how sure you are to hit the target: 0..1 or a percentage")
    )
    checkin.add_argument("--note", help=_("a short note"))
    checkin.add_argument("--author", help=_("who checks in"))
    checkin.add_argument("--date", help=_("date of the check-in (YYYY-MM-DD, default today)"))
    checkin.add_argument(
        "--input",
        action="append",
        metavar="NAME=NUMBER",
        help=_("raw input for a key result that names a metric"),
    )
    checkin.set_defaults(func=cmd_checkin)

    score_p = sub.add_parser(
        "score", help=_("score a plan: progress, expected, status, forecast"), parents=[common]
    )
    plan_file(score_p)
    score_p.add_argument("--on", metavar="DATE", help=scored_on)
    score_p.add_argument("--policy", choices=list(POLICIES), help=_("scoring policy"))
    data_format(score_p)
    score_p.set_defaults(func=cmd_score)

    lint_p = sub.add_parser(
        "lint", help=_("check a plan against OKR quality rules"), parents=[common]
    )
    plan_file(lint_p)
    lint_p.add_argument(
        "--disable", action="append", metavar="RULE", help=_("skip a rule; repeat for several")
    )
    lint_p.add_argument(
        "--on", metavar="DATE", help=_("check as of this date (YYYY-MM-DD, default today)")
    )
    lint_p.add_argument("--strict", action="store_true", help=_("fail on warnings too"))
    data_format(lint_p)
    lint_p.set_defaults(func=cmd_lint)

    render_p = sub.add_parser("render", help=_("render a plan as a document"), parents=[common])
    plan_file(render_p)
    render_p.add_argument(
        "--format", choices=list(FORMATS), default="markdown", help=_("output format")
    )
    render_p.add_argument(
        "--template",
        choices=[t for t in TEMPLATES if t != "book"],
        help=_("document, dashboard or checkin"),
    )
    render_p.add_argument("--on", metavar="DATE", help=scored_on)
    render_p.add_argument("--policy", choices=list(POLICIES), help=_("scoring policy"))
    render_p.add_argument("--title", help=_("document title"))
    render_p.add_argument(
        "--bom",
        action="store_true",
        help=_("start CSV with a byte order mark for spreadsheet programs"),
    )
    render_p.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    render_p.set_defaults(func=cmd_render)

    schema_p = sub.add_parser(
        "schema", help=_("print the JSON Schema of plan files"), parents=[common]
    )
    schema_p.set_defaults(func=cmd_schema)
    locales_p = sub.add_parser("locales", help=_("list the supported languages"), parents=[common])
    data_format(locales_p)
    locales_p.set_defaults(func=cmd_locales)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Run the command line; returns the exit status."""
    from okrkit.i18n import resolve_locale, translations

    args_list = list(sys.argv[1:] if argv is None else argv)
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    requested = _pre_locale(args_list)
    try:
        locale = resolve_locale(requested).locale
    except OKRError as exc:
        stderr.write(f"okrkit: error: {exc}\n")
        return 2
    t = translations(locale)
    with _argparse_in(t.gettext, t.ngettext):
        parser = build_parser(locale)
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:
            return int(exc.code or 0)
        if not hasattr(args, "func"):
            target: argparse.ArgumentParser = getattr(args, "help_parser", parser)
            target.print_help(stdout)
            return 0 if args.command is None else 2
        ctx = Context(args, locale, stdout, stderr)
        try:
            return int(args.func(ctx))
        except UsageError as exc:
            parser.print_usage(stderr)
            stderr.write(f"okrkit: {t.gettext('error')}: {exc}\n")
            return 2
        except OKRError as exc:
            message = str(exc).replace("\n", "\n  ")
            stderr.write(f"okrkit: {t.gettext('error')}: {message}\n")
            return 1
        except BrokenPipeError:  # `okrkit score plan.yaml | head`: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 141
        except OSError as exc:
            name = getattr(exc, "filename", None) or ""
            stderr.write(f"okrkit: {t.gettext('error')}: {name}: {exc.strerror or exc}\n")
            return 1
        except KeyboardInterrupt:
            return 130
