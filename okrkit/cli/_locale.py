"""Which language the command line speaks, and argparse's own messages in it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from okrkit.errors import OKRError

__all__ = [
    "ARGPARSE_MESSAGES",
    "ENV_VARS",
    "N_",
    "Parser",
    "argparse_in",
    "default_locale",
    "pre_locale",
]


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


def pre_locale(argv: Sequence[str]) -> str:
    """The ``--locale`` value on a command line not yet parsed, else the environment's."""
    for i, arg in enumerate(argv):
        if arg == "--locale" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--locale="):
            return arg.split("=", 1)[1]
    return default_locale()


@contextmanager
def argparse_in(
    gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str]
) -> Iterator[None]:
    """Translate argparse's own messages with these functions while the block runs."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser whose error line is translated like the rest."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        prog = self.prog
        template: str = argparse._("%(prog)s: error: %(message)s\n")  # type: ignore[attr-defined]
        self.exit(2, template % {"prog": prog, "message": message})
