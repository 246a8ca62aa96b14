"""The argument parser: the options every command shares, then each command's own."""

from __future__ import annotations

import argparse
from importlib import import_module

from okrkit._version import __version__
from okrkit.cli._locale import Parser

__all__ = ["COMMAND_MODULES", "build_parser"]

#: The modules of ``okrkit.cli`` that add commands, in the order ``--help`` lists them.
#: Each has ``register(subparsers, common, gettext)``.
COMMAND_MODULES = (
    "templates", "new", "checkin", "measure", "score", "lint", "render", "rollover", "info",
    "completion",
)  # fmt: skip


def build_parser(locale: str) -> argparse.ArgumentParser:
    """The argument parser, with help texts in ``locale``."""
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
        dest="command", metavar=_("COMMAND"), title=_("commands"), parser_class=Parser
    )
    for name in COMMAND_MODULES:
        import_module(f"okrkit.cli.{name}").register(sub, common, _)
    return parser
