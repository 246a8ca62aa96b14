"""What every command shares: its context, plan reading, dates, output, tables."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from okrkit.errors import OKRError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    import datetime as dt
    from typing import IO, Any

__all__ = [
    "JSON_FORMAT",
    "TODAY_VAR",
    "Command",
    "Context",
    "Translate",
    "UsageError",
    "data_format",
    "paint",
    "parse_date",
    "plan_file",
    "read_plan",
    "table",
    "today",
    "write_output",
]

#: The version of the shape of every ``--format json`` output (docs/cli.md describes
#: them; okrkit/schemas/ has JSON Schemas). A field may be added within a version;
#: renaming, removing or retyping one raises it.
JSON_FORMAT = 1

#: A gettext function, as command modules receive it to write their help texts.
Translate = Callable[[str], str]


class UsageError(Exception):
    """A command line that does not make sense (exit status 2)."""


class Context:
    """What every command gets: the parsed arguments, locale and streams."""

    # A plain class, not a dataclass: `dataclasses` imports `inspect`, which
    # `okrkit --help` would pay for.
    def __init__(self, args: argparse.Namespace, locale: str, out: IO[str], err: IO[str]) -> None:
        self.args = args
        self.locale = locale
        self.out = out
        self.err = err

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

    def json(self, data: dict[str, Any]) -> None:
        """Print ``data`` as a JSON document that starts with ``"format": JSON_FORMAT``."""
        import json

        document = {"format": JSON_FORMAT, **data}
        self.out.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


#: A command's entry point: it gets the context and returns the exit status.
Command = Callable[[Context], int]


def data_format(
    p: argparse.ArgumentParser, _: Translate, choices: Sequence[str] = ("table", "json")
) -> None:
    """Add the ``--format`` option (the first choice is the default)."""
    p.add_argument("--format", choices=choices, default=choices[0], help=_("output format"))


def plan_file(p: argparse.ArgumentParser, _: Translate) -> None:
    """Add the ``FILE`` argument of commands that read a plan."""
    p.add_argument(
        "file", metavar="FILE", help=_("plan file (YAML or JSON), or - for standard input")
    )


def read_plan(path: str) -> Any:
    """Load the plan at ``path`` (``-`` reads standard input)."""
    from okrkit.files import load, loads

    if path == "-":
        return loads(sys.stdin.read(), source="<stdin>")
    return load(path)


#: The environment variable that fixes "today" for every command (for CI and tests).
TODAY_VAR = "OKRKIT_TODAY"


def today(ctx: Context) -> dt.date:
    """Today's date, or the date in ``OKRKIT_TODAY`` when it is set (so that a CI job's
    findings and scores do not change from one day to the next)."""
    import datetime as dt

    text = os.environ.get(TODAY_VAR, "").strip()
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise OKRError(
            ctx._(
                # Translators: {variable} is OKRKIT_TODAY, {value} what it was set to.
                "{variable} is {value}; expected a date such as 2027-01-15",
                variable=TODAY_VAR,
                value=repr(text),
            )
        ) from None


def parse_date(ctx: Context, text: str | None) -> dt.date:
    """An ISO date from the command line, or today (see :func:`today`)."""
    import datetime as dt

    if not text:
        return today(ctx)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise OKRError(
            ctx._("invalid date {value}: expected YYYY-MM-DD", value=repr(text))
        ) from None


def write_output(ctx: Context, text: str, path: str | None) -> None:
    """Write ``text`` to ``path`` atomically, or to standard output for None, ``-`` and
    ``/dev/stdout`` (a stream, which an atomic replace would destroy)."""
    from okrkit.files import write_text_atomic

    if path is None or path in ("-", "/dev/stdout"):
        ctx.out.write(text)
        return
    write_text_atomic(path, text)
    ctx.err.write(ctx._("Wrote {path}", path=path) + "\n")


def table(rows: list[list[str]], right: set[int] | None = None) -> str:
    """Rows as an aligned text table (East Asian wide characters count double)."""
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


def paint(ctx: Context, text: str, band: str) -> str:
    """``text`` in the colour of a status band, when the output is a colour terminal."""
    if not ctx.color():
        return text
    return f"\033[{_COLORS.get(band, '0')}m{text}\033[0m"
