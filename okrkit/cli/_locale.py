"""Which language the command line speaks, and argparse's own messages in it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from okrkit.errors import OKRError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any, NoReturn

__all__ = [
    "ARGPARSE_MESSAGES",
    "ENV_VARS",
    "N_",
    "HelpFormatter",
    "Parser",
    "argparse_in",
    "default_locale",
    "environment_locales",
    "pre_locale",
    "terminal_columns",
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

#: Where the command line looks for its language when ``--locale`` is not given:
#: okrkit's own variable, then gettext's order.
ENV_VARS = ("OKRKIT_LOCALE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class UsageError(Exception):
    """A command line that does not make sense (exit status 2)."""


def environment_locales(environ: Mapping[str, str]) -> list[str]:
    """The locale requests the environment makes, best first, in gettext's order.

    ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one set decides
    (as Python's gettext module does), and its value may list several languages
    separated by colons (``LANGUAGE=sv:en``). A ``C`` or ``POSIX`` locale asks for
    no translation.

    >>> environment_locales({"LANGUAGE": "de:sv", "LANG": "ru_RU.UTF-8"})
    ['de', 'sv']
    >>> environment_locales({"LC_ALL": "C.UTF-8", "LANG": "sv_SE.UTF-8"})
    []
    """
    for var in ENV_VARS[1:]:
        value = environ.get(var, "").strip()
        if value:
            entries = [e.strip() for e in value.split(":") if e.strip()]
            return [e for e in entries if e not in ("C", "POSIX") and not e.startswith("C.")]
    return []


def default_locale(environ: Mapping[str, str] | None = None) -> str:
    """The locale from the environment when ``--locale`` is not given.

    ``OKRKIT_LOCALE`` first (an unknown one is an error, reported later), then the
    first language of :func:`environment_locales` that okrkit speaks, else English.
    """
    from okrkit.i18n import resolve_locale

    env = os.environ if environ is None else environ
    explicit = env.get("OKRKIT_LOCALE", "").strip()
    if explicit:
        return explicit
    for request in environment_locales(env):
        try:
            return resolve_locale(request).locale
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


def terminal_columns(fallback: int = 80) -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it (``COLUMNS``,
    else standard output's terminal, else ``fallback``), without importing
    :mod:`shutil` and the compression modules it loads (a tenth of the start-up)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__  # None, closed, detached or not a terminal: the fallback
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or fallback
    return columns


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as argparse makes it, measured by
    :func:`terminal_columns` (argparse builds one for every option it adds)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class Parser(argparse.ArgumentParser):
    """An argument parser whose error line is translated like the rest (and whose
    help is formatted by :class:`HelpFormatter`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        prog = self.prog
        template: str = argparse._("%(prog)s: error: %(message)s\n")  # type: ignore[attr-defined]
        self.exit(2, template % {"prog": prog, "message": message})
