"""The argument parser: the options every command shares, then each command's own.

``okrkit --help`` lists the commands without building their options, and
``okrkit CMD ...`` builds only CMD's: each command's parser is built when the
command line names it (see :class:`Commands`), so start-up does not pay for the
options of ten commands to run one.
"""

from __future__ import annotations

import argparse
from importlib import import_module

from okrkit._version import __version__
from okrkit.cli._locale import N_, Parser

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from okrkit.cli._base import Translate

__all__ = ["COMMANDS", "COMMAND_MODULES", "Commands", "build_parser"]

#: The commands in the order ``--help`` lists them: each command's name, the module of
#: ``okrkit.cli`` that adds it (with ``register(subparsers, common, gettext)``, which
#: calls ``subparsers.add_parser(name, ...)`` without ``help``), and its one-line help.
COMMANDS = (
    ("templates", "templates", N_("browse the catalogue of marketing OKR templates")),
    ("new", "new", N_("scaffold a plan file from templates")),
    ("checkin", "checkin", N_("record progress on a key result")),
    ("measure", "measure", N_("measure key results from their sources and record check-ins")),
    ("score", "score", N_("score a plan: progress, expected, status, forecast")),
    ("lint", "lint", N_("check plan files against OKR quality rules")),
    ("render", "render", N_("render a plan as a document")),
    ("rollover", "rollover",
     N_("close the plan's period, keep its results and start the next period")),
    ("schema", "info", N_("print the JSON Schema of plan files")),
    ("locales", "info", N_("list the supported languages")),
    ("completion", "completion", N_("print a shell completion script (bash, zsh or fish)")),
)  # fmt: skip

#: The modules of ``okrkit.cli`` that add commands, in the order of :data:`COMMANDS`.
COMMAND_MODULES = tuple(dict.fromkeys(module for _, module, _ in COMMANDS))


class Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The ``COMMAND`` argument: the commands of :data:`COMMANDS`, each one's parser
    built by its module the first time the command line names it.

    Until then the command is known by its name (for argparse's choice check and its
    error message) and its help line (for ``okrkit --help``), as argparse shows them
    for parsers built up front; :meth:`build` builds one, or every one.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._modules: dict[str, str] = {}
        self._register_with: tuple[argparse.ArgumentParser, Translate] | None = None

    def declare(
        self,
        common: argparse.ArgumentParser,
        _: Translate,
        commands: Sequence[tuple[str, str, str]],
    ) -> None:
        """Name the commands and their help lines; their modules add them on :meth:`build`."""
        self._modules = {name: module for name, module, _help in commands}
        self._register_with = (common, _)
        for name, _module, help in commands:
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), _(help)))
            self._name_parser_map[name] = None  # built on first use

    def build(self, name: str | None = None) -> None:
        """Build the parser of command ``name`` (None: of every command) if not yet built."""
        names = list(self._modules) if name is None else [name]
        for each in names:
            if self._name_parser_map.get(each, True) is None and self._register_with:
                module = import_module(f"okrkit.cli.{self._modules[each]}")
                module.register(self, *self._register_with)

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """The parser of a declared command (its help line comes from :meth:`declare`)."""
        if name not in self._modules:
            raise ValueError(f"okrkit.cli: {name!r} is not in COMMANDS")
        if kwargs.get("prog") is None:
            kwargs["prog"] = f"{self._prog_prefix} {name}"
        parser: argparse.ArgumentParser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        return parser

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        self.build(values[0])
        super().__call__(parser, namespace, values, option_string)


def build_parser(locale: str, *, lazy: bool = False) -> argparse.ArgumentParser:
    """The argument parser, with help texts in ``locale``.

    Every command's parser is built, for tools that walk the whole parser (shell
    completion, the documentation); with ``lazy``, each one is built when a command
    line names it, as :func:`okrkit.cli.main` parses. Both parse and print alike.
    """
    from okrkit.i18n import translations

    _ = translations(locale).gettext

    common = Parser(add_help=False)
    common.add_argument(
        "--locale",
        metavar="LOCALE",
        help=_("language of the output (en, sv, ru, vi, zh_Hans, zh_Hant)"),
    )
    parser = Parser(
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
        action=Commands,
        dest="command",
        metavar=_("COMMAND"),
        title=_("commands"),
        parser_class=Parser,
    )
    assert isinstance(sub, Commands)
    sub.declare(common, _, COMMANDS)
    if not lazy:
        sub.build()
    return parser
