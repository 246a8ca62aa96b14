"""The ``okrkit`` command line: browse, scaffold, check in, score, lint, render.

Every command takes ``--locale`` (default: ``OKRKIT_LOCALE``, then gettext's
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, then English) and speaks
that language, help texts and the library's errors included; a rendered
document follows ``--locale``, then the plan's ``locale:``, then the same
environment. Commands that print data take ``--format json`` for scripts.
Errors are one line on stderr: exit status 1 for invalid input, 2 for usage.

The package has one module per command (``okrkit.cli.score`` and so on), each
with a ``register`` function that adds its options and a ``run`` function that
does the work through the library; ``okrkit.cli._parser.COMMANDS`` lists the
commands, and a command's options are added only when a command line names it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from okrkit.cli._base import Context, UsageError
from okrkit.cli._locale import argparse_in, default_locale, pre_locale
from okrkit.cli._parser import build_parser
from okrkit.errors import OKRError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import IO

__all__ = ["build_parser", "default_locale", "main"]


def main(
    argv: Sequence[str] | None = None, *, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Run the command line; returns the exit status."""
    from okrkit.i18n import resolve_locale, translations

    args_list = list(sys.argv[1:] if argv is None else argv)
    from okrkit._text import degrade_stream

    stdout = out or degrade_stream(sys.stdout)
    stderr = err or degrade_stream(sys.stderr)
    requested = pre_locale(args_list)
    try:
        locale = resolve_locale(requested).locale
    except OKRError as exc:
        stderr.write(f"okrkit: error: {exc}\n")
        return 2
    t = translations(locale)
    with argparse_in(t.gettext, t.ngettext):
        parser = build_parser(locale, lazy=True)
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
        except OKRError as exc:  # the library's message, in the user's language
            message = exc.localized(locale).replace("\n", "\n  ")
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
        except Exception as exc:  # a bug: one line, never a traceback (OKRKIT_DEBUG=1 shows it)
            if os.environ.get("OKRKIT_DEBUG"):
                raise
            stderr.write(
                f"okrkit: {t.gettext('error')}: "
                + t.gettext(
                    "unexpected {error}; this is a bug in okrkit, please report it"
                    " (OKRKIT_DEBUG=1 shows the details)"
                ).replace("{error}", f"{type(exc).__name__}: {exc}"[:500])
                + "\n"
            )
            return 70
